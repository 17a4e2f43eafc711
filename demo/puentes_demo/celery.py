"""The Celery app of the demo site and of the tests' real worker: Django settings (CELERY_*), tasks autodiscovered.

In the LMS the platform's own Celery app plays this part; the pack's tasks are plain shared_task.
"""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puentes_demo.settings")

app = Celery("puentes_demo")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
