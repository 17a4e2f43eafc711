"""The Celery app of the demo site and of the tests' real worker: Django settings (CELERY_*), tasks autodiscovered.

In the LMS the platform's own Celery app plays this part; the pack's tasks are plain shared_task.
"""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puentes_demo.settings")

app = Celery("puentes_demo")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def configure(**values):
    """Change settings of the running app (tests and benchmarks: a real broker instead of eager tasks).

    The app reads Django's CELERY_* settings under a namespace; the Celery the platform pins (5.6) then looks up
    only the CELERY_-prefixed keys, while later releases also read plain ones, so both are written.
    """
    app.conf.update(**values, **{f"CELERY_{key.upper()}": value for key, value in values.items()})


def settings_now(*keys):
    """The current values of `keys`, to give to configure() again afterwards."""
    return {key: getattr(app.conf, key) for key in keys}
