# The Celery app binds the pack's shared_task functions to the demo's broker settings (eager unless a broker is named).
from .celery import app as celery_app  # noqa: F401
