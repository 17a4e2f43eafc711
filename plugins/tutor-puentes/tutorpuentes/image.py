"""How the openedx image gets the pack: its wheel, carried by this plugin, in the image's build context.

setup.py puts the pack's wheel in templates/build/openedx/puentes-wheels/; Tutor renders every plugin
template under build/ into $(tutor config printroot)/env/build/openedx/, the openedx image's build
context, so the Dockerfile patch can offer it to the installer (`--find-links`). The default
requirement, `puentes==<this plugin's version>`, is then met without any package index, and
PUENTES_PIP_REQUIREMENT still takes a published pin or a git URL instead.
"""
from __future__ import annotations

from importlib import resources

from tutor import exceptions

from .__about__ import __version__

DEFAULT_REQUIREMENT = f"puentes=={__version__}"
WHEELS_FOLDER = "puentes-wheels"  # inside the openedx build context
_WHEELS = resources.files("tutorpuentes") / "templates" / "build" / "openedx" / WHEELS_FOLDER


def bundled_wheels() -> list[str]:
    """File names of the pack wheels this plugin carries (none in an editable install)."""
    if not _WHEELS.is_dir():
        return []
    return sorted(entry.name for entry in _WHEELS.iterdir() if entry.name.endswith(".whl"))


def is_rendered(rendered: bool, path: str) -> bool:
    """A wheel is copied into the environment as it is, never rendered as a Jinja template."""
    return rendered and not path.endswith(".whl")


def pip_install(requirement: str) -> str:
    """The Dockerfile lines that install the pack, or a TutorError that says what to do instead."""
    if not requirement:
        return ""  # a checkout mounted with `tutor mounts add .../puentes` installs it instead
    wheels = bundled_wheels()
    if requirement == DEFAULT_REQUIREMENT and f"puentes-{__version__}-py3-none-any.whl" not in wheels:
        raise exceptions.TutorError(
            f"This tutor-contrib-puentes carries no puentes {__version__} wheel (an editable install?), and "
            f"no package index has '{requirement}'. Install the plugin with `pip install ./plugins/tutor-puentes` "
            "or from the wheel `make dist` writes, or set PUENTES_PIP_REQUIREMENT to a git URL "
            "(git+https://...@<tag>), or to \"\" and mount a checkout with `tutor mounts add`."
        )
    quoted = "'" + requirement.replace("'", "'\\''") + "'"
    mounts = ["--mount=type=cache,target=/openedx/.cache/pip,sharing=shared"]
    find_links = ""
    if wheels:
        mounts.insert(0, f"--mount=type=bind,source={WHEELS_FOLDER},target=/openedx/{WHEELS_FOLDER}")
        find_links = f"--find-links /openedx/{WHEELS_FOLDER} "
    return "RUN " + " \\\n    ".join(mounts) + f" \\\n    $PIP_COMMAND install {find_links}{quoted}"
