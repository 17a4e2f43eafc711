"""Which edition a finished proposal enters, read once a second per process instead of once per entry.

Every entry from a course asks the same question, and reading the course's editions was a fifth of the CPU of
entering one. The answer is kept in the process for at most FRESH_SECONDS, and forgotten at once when an edition
or its courses change in this process (admin, api.create_edition: Django's model signals) and again when that
change commits. A change made in another process is seen within FRESH_SECONDS: an entry racing an organiser's
change by less than that is judged as if it came just before the change, as it could anyway.
A course no edition draws from is not remembered, so a new edition takes the next entry.
"""
import threading
import time

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from . import eligibility
from .models import Edition, EditionCourse

FRESH_SECONDS = 1.0
clock = time.monotonic  # a module attribute, so a test can move time on

_lock = threading.Lock()
_known = {}  # str(course_key) -> (monotonic seconds when read, the course's EditionCourse rows with their editions)


def edition_for(course_key, entered_at):
    """(edition, the language its teams from this course read), or (None, None)."""
    key, now = str(course_key), clock()
    known = _known.get(key)
    if known is not None and now - known[0] < FRESH_SECONDS:
        courses = known[1]
    else:
        courses = list(EditionCourse.objects.select_related("edition").filter(course_key=course_key))
        if courses:
            with _lock:
                _known[key] = (now, courses)
    # Chosen per entry from the remembered editions: which call is open depends on when the proposal entered.
    edition = eligibility.choose_edition([course.edition for course in courses], entered_at)
    language = next((course.language for course in courses if course.edition_id == getattr(edition, "pk", None)),
                    None)
    return edition, language


def forget(**_signal):
    with _lock:
        _known.clear()


def _changed(**_signal):
    forget()
    # Again once the change is visible: a read between the save and the commit still saw the old edition.
    transaction.on_commit(forget, robust=True)


for _model in (Edition, EditionCourse):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"puentes_awards.editions.{_model.__name__}.saved")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"puentes_awards.editions.{_model.__name__}.deleted")
