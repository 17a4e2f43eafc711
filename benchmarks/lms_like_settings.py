"""The demo's settings plus 200 installed apps with a locale folder each, as many as an LMS has.

Django builds a translation by reading every installed app's locale folder, so what one build costs in the
LMS shows only with that many apps. The apps are generated once under the system's temporary folder.
"""
import sys
import tempfile
from pathlib import Path

import polib

from puentes_demo.settings import *  # noqa: F403
from puentes_demo.settings import INSTALLED_APPS

APP_COUNT = 200
ROOT = Path(tempfile.gettempdir()) / "puentes-bench-lms-apps"


def _make_apps():
    for number in range(APP_COUNT):
        package = ROOT / f"lms_like_app_{number:03d}"
        catalogue = package / "locale" / "es_419" / "LC_MESSAGES" / "django.mo"
        if catalogue.exists():
            continue
        catalogue.parent.mkdir(parents=True, exist_ok=True)
        (package / "__init__.py").write_text("")
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "es_419"}
        for entry in range(20):
            po.append(polib.POEntry(msgid=f"App {number} message {entry}", msgstr=f"Mensaje {entry} de {number}"))
        po.save_as_mofile(str(catalogue))


_make_apps()
sys.path.insert(0, str(ROOT))
INSTALLED_APPS = [*INSTALLED_APPS, *(f"lms_like_app_{number:03d}" for number in range(APP_COUNT))]
