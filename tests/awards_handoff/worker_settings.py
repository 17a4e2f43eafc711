"""Settings of the real Celery worker the hand-off tests start: the demo's, plus the awards values the test chose."""
import json
import os

from puentes_demo.settings import *  # noqa: F403

for _name, _value in json.loads(os.environ.get("PUENTES_AWARDS_TEST_SETTINGS", "{}")).items():
    globals()[_name] = tuple(_value) if isinstance(_value, list) else _value
