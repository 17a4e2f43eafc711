"""Work a request hands to the LMS's Celery worker once its transaction commits.

The tasks are named, not imported (tasks.py calls the modules that queue them; the app's ready() registers
them). A broker out of reach must not undo what the request saved: the failure is logged and the request
succeeds; each task's caller says what catches up (recording.py: the approval and the reconcile command).
"""
import logging

from celery import current_app
from django.db import transaction

log = logging.getLogger(__name__)


def after_commit(task, *args):
    """Queue `task` with `args` when the transaction commits."""
    transaction.on_commit(lambda: send(task, *args), robust=True)


def send(task, *args):
    try:
        # retry=False: no publish retries on top of the connection's own attempts (about 6 s with Redis down).
        # The registered task's apply_async (not send_task, which ignores the demo's and the tests' eager mode).
        current_app.tasks[task].apply_async(args, retry=False)
    except Exception:  # noqa: BLE001 - see the module docstring
        log.exception("Could not queue %s%s", task, args)
