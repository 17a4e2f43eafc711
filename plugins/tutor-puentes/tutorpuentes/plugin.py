"""Tutor plugin `puentes`: installs the Puentes pack in the openedx image and configures it.

Hook registrations only; what they register lives in operator_settings.py, courses.py,
patches/ and templates/.
"""
from __future__ import annotations

from importlib import resources

from tutor import hooks

from . import courses, image, operator_settings
from .__about__ import __version__

PACKAGE = resources.files("tutorpuentes")

hooks.Filters.CONFIG_DEFAULTS.add_items(
    [
        ("PUENTES_VERSION", __version__),
        # By default the wheel this plugin carries (image.py); or a published pin, a git URL
        # (git+https://...@tag), or "" when a checkout is mounted instead.
        ("PUENTES_PIP_REQUIREMENT", image.DEFAULT_REQUIREMENT),
        ("PUENTES_CELERY_QUEUE", operator_settings.CELERY_QUEUE_DEFAULT),
        # How often the awards relay looks for deliveries whose task was lost.
        ("PUENTES_AWARDS_RELAY_EVERY_SECONDS", 300),
    ]
    + [(setting.name, setting.config_default) for setting in operator_settings.SETTINGS]
)
hooks.Filters.CONFIG_UNIQUE.add_items(list(operator_settings.SECRETS))

hooks.Filters.ENV_TEMPLATE_VARIABLES.add_items([
    ("puentes_django_settings", operator_settings.puentes_django_settings),
    ("puentes_pip_install", image.pip_install),
])

# The pack's wheel reaches the openedx build context through Tutor's own "build/" target.
hooks.Filters.ENV_TEMPLATE_ROOTS.add_item(str(PACKAGE / "templates"))
hooks.Filters.IS_FILE_RENDERED.add()(image.is_rendered)

# `tutor mounts add /path/to/puentes`: a checkout named "puentes" is pip-installed (editable) into
# the openedx image and bind-mounted into the containers, as Tutor does for XBlock checkouts.
hooks.Filters.MOUNTED_DIRECTORIES.add_item(("openedx", "^puentes$"))

for patch in PACKAGE.joinpath("patches").iterdir():
    if patch.is_file():
        hooks.Filters.ENV_PATCHES.add_item((patch.name, patch.read_text(encoding="utf-8")))

hooks.Filters.CLI_DO_INIT_TASKS.add_item(
    ("lms", PACKAGE.joinpath("templates/puentes/jobs/init/lms.sh").read_text(encoding="utf-8"))
)
hooks.Filters.CLI_DO_COMMANDS.add_item(courses.importpuentescourses)
