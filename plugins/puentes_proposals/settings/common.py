"""Defaults for every environment. Set only what nobody else set (operators and other plugins win)."""

ATTACHMENT_TYPES = ("pdf", "png", "jpg", "jpeg", "gif", "webp", "doc", "docx", "odt", "xls", "xlsx", "ods",
                    "csv", "txt")

DEFAULTS = {
    "PUENTES_ATTACHMENT_STORAGE": "default",        # a STORAGES alias
    "PUENTES_ATTACHMENT_MAX_BYTES": 10 * 1024 * 1024,
    "PUENTES_ATTACHMENT_MAX_FILES": 20,                      # files a proposal keeps, all versions together
    "PUENTES_ATTACHMENT_MAX_TOTAL_BYTES": 50 * 1024 * 1024,  # bytes a proposal keeps, all versions together
    "PUENTES_ATTACHMENT_TYPES": ATTACHMENT_TYPES,
    "PUENTES_AUTOSAVE_SECONDS": 15,
    "PUENTES_CLAIM_LEASE_HOURS": 8,
}


def plugin_settings(settings):
    for name, value in DEFAULTS.items():
        if not hasattr(settings, name):
            setattr(settings, name, value)
