"""The Django settings an operator can set for the Puentes plugin apps through Tutor config.

The apps' `plugin_settings` hold the real defaults. Tutor repeats them here so that
`tutor config printvalue` tells the truth, and writes a setting into the LMS/CMS settings only
when its value differs from the apps' default: an unchanged value keeps following the apps'
default across upgrades. Exceptions: the two storages default to a private one on Tutor (see
PRIVATE_STORAGE), and the two shared secrets are generated per install and always written.
"""
from __future__ import annotations

import typing as t
from dataclasses import dataclass

import jinja2
from tutor import exceptions


@dataclass(frozen=True)
class OperatorSetting:
    name: str
    default: t.Any  # the apps' own default
    kind: str  # "text", "whole number", "seconds", "switch", "list of text", "pair of seconds"
    tutor_default: t.Any = None  # where a Tutor install needs something else than the apps' default

    @property
    def config_default(self) -> t.Any:
        return self.default if self.tutor_default is None else self.tutor_default

    def to_python(self, value: t.Any) -> str:
        """The value as a Python literal for a settings module, or a TutorError saying why not."""
        if self.kind == "text" and isinstance(value, str):
            return repr(value)
        if self.kind == "whole number" and _is_int(value) and value >= 0:
            return repr(value)
        if self.kind == "seconds" and _is_number(value) and value >= 0:
            return repr(value)
        if self.kind == "switch" and isinstance(value, bool):
            return repr(value)
        if self.kind == "list of text" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            return repr(value)
        # requests wants a (connect, read) tuple; YAML only has lists.
        if self.kind == "pair of seconds" and isinstance(value, list) and len(value) == 2 \
                and all(_is_number(v) and v > 0 for v in value):
            return repr(tuple(value))
        raise exceptions.TutorError(
            f"{self.name} must be a {self.kind} (example: {self.default!r}), not {value!r}"
        )


def _is_int(value: t.Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: t.Any) -> bool:
    return _is_int(value) or isinstance(value, float)


SETTINGS = (
    OperatorSetting("PUENTES_ATTACHMENT_STORAGE", "default", "text", tutor_default="puentes_private"),
    OperatorSetting("PUENTES_ATTACHMENT_MAX_BYTES", 10485760, "whole number"),
    OperatorSetting("PUENTES_ATTACHMENT_MAX_FILES", 20, "whole number"),
    OperatorSetting("PUENTES_ATTACHMENT_MAX_TOTAL_BYTES", 52428800, "whole number"),
    OperatorSetting(
        "PUENTES_ATTACHMENT_TYPES",
        ["pdf", "png", "jpg", "jpeg", "gif", "webp", "doc", "docx", "odt",
         "xls", "xlsx", "ods", "csv", "txt"],
        "list of text",
    ),
    OperatorSetting("PUENTES_AUTOSAVE_SECONDS", 15, "whole number"),
    OperatorSetting("PUENTES_CLAIM_LEASE_HOURS", 8, "whole number"),
    OperatorSetting("PUENTES_AWARDS_STORAGE", "default", "text", tutor_default="puentes_private"),
    OperatorSetting("PUENTES_AWARDS_DELIVERY_URL", "", "text"),
    OperatorSetting("PUENTES_AWARDS_DELIVERY_MAX_ATTEMPTS", 8, "whole number"),
    OperatorSetting("PUENTES_AWARDS_DELIVERY_TIMEOUTS", [3.05, 10], "pair of seconds"),
    OperatorSetting("PUENTES_AWARDS_DELIVERY_BATCH_SIZE", 50, "whole number"),
    OperatorSetting("PUENTES_AWARDS_DELIVERY_BATCH_WINDOW", 0.25, "seconds"),
    OperatorSetting("PUENTES_AWARDS_EVENT_BUS", False, "switch"),
)

# Tutor serves MEDIA_ROOT (/openedx/media) to anyone at /media/, so "default" would publish
# proposal attachments and competition files. /openedx/media-private is mounted in the LMS, Studio,
# workers and jobs but never served: the apps hand files out through their own permission checks.
PRIVATE_STORAGE_ALIAS = "puentes_private"
PRIVATE_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": "/openedx/media-private/puentes"},
}

# Unique per install (hooks.Filters.CONFIG_UNIQUE): generated on the first `tutor config save`,
# kept in config.yml afterwards. Never a shared default an attacker could know.
SECRETS = (
    ("PUENTES_AWARDS_SIGNING_SECRET", "{{ 32|random_string }}"),
    ("PUENTES_AWARDS_RECEIVER_SECRET", "{{ 32|random_string }}"),
)

# Tasks that leave the request cycle. The platform's Celery router looks names up exactly in
# EXPLICIT_QUEUES (no wildcards), so every task is listed by its full name.
CELERY_TASKS = (
    "puentes_awards.tasks.deliver_outbox",
    "puentes_awards.tasks.deliver_entry",
    "puentes_awards.tasks.relay_outbox",
    "puentes_awards.tasks.reconcile_entries",
    "puentes_assessment.tasks.build_report",
    "puentes_proposals.tasks.after_submit",
)

# The LMS worker Tutor runs consumes edx.lms.core.{default,high,high_mem}; the LMS's
# HIGH_PRIORITY_QUEUE is "edx.lms.core.high". Named literally so a task sent from Studio lands
# on the LMS worker too (Studio's own HIGH_PRIORITY_QUEUE is the CMS one).
CELERY_QUEUE_DEFAULT = "edx.lms.core.high"


@jinja2.pass_context
def puentes_django_settings(context: jinja2.runtime.Context) -> str:
    """Lines for the openedx-common-settings patch: private storage, changed settings, secrets, Celery routes."""
    lines = []
    lines.append(f"STORAGES.setdefault({PRIVATE_STORAGE_ALIAS!r}, {PRIVATE_STORAGE!r})")
    for setting in SETTINGS:
        value = context.get(setting.name, setting.config_default)
        if value != setting.default:
            lines.append(f"{setting.name} = {setting.to_python(value)}")
    for name, _template in SECRETS:
        secret = str(context.get(name) or "")
        if len(secret) < 16:
            raise exceptions.TutorError(f"{name} must be a secret of 16 characters or more")
        lines.append(f"{name} = {secret!r}")
    queue_setting = OperatorSetting("PUENTES_CELERY_QUEUE", CELERY_QUEUE_DEFAULT, "text")
    queue = context.get(queue_setting.name, queue_setting.default)
    queue_setting.to_python(queue)  # refuses anything but text
    # Add to the platform's routes, never replace them: other apps and plugins route here too,
    # and a route the operator set for one of our tasks wins.
    lines.append("EXPLICIT_QUEUES = globals().get('EXPLICIT_QUEUES', {})")
    for task in CELERY_TASKS:
        lines.append(f"EXPLICIT_QUEUES.setdefault({task!r}, {{'queue': {queue!r}}})")
    return "\n".join(lines)
