"""Where the entries' copied attachments live: a STORAGES alias the operator picks."""
from django.conf import settings
from django.core.files.storage import storages


def awards_storage():
    return storages[settings.PUENTES_AWARDS_STORAGE]


def attachment_storage():
    """Where the proposals app keeps the originals."""
    return storages[settings.PUENTES_ATTACHMENT_STORAGE]
