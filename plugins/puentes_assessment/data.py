"""Plain records that cross the app's boundary (OEP-49). Other packages import these and api.py only."""
from datetime import datetime

import attr


@attr.s(frozen=True)
class ResponseRecord:
    """A learner's own response to one block: what the block shows back to them (and to nobody else)."""

    block_key = attr.ib(type=str)
    wave = attr.ib(type=str)
    answers = attr.ib(type=dict)
    municipality = attr.ib(type=str)
    country = attr.ib(type=str)
    consent = attr.ib()                 # True, False, or None (not asked yet)
    saved_at = attr.ib(type=datetime)
    submitted_at = attr.ib()            # datetime or None (a draft)


@attr.s(frozen=True)
class ReportStatus:
    report_id = attr.ib(type=int)
    state = attr.ib(type=str)           # queued, running, done, failed
    steps_done = attr.ib(type=int)
    steps_total = attr.ib(type=int)
    stage = attr.ib(type=str)
    files = attr.ib(type=list)          # ["en.html", "en.pdf", ...] ready to download
    requested_at = attr.ib(type=datetime)
    finished_at = attr.ib()

    @property
    def percent(self):
        return round(100 * self.steps_done / self.steps_total) if self.steps_total else 0


@attr.s(frozen=True)
class BlockPlace:
    """Where a response comes from: the instrument and wave a block asks, in which course and language."""

    instrument = attr.ib(type=str)
    wave = attr.ib(type=str)            # baseline or endline
    course_key = attr.ib(type=str)
    block_key = attr.ib(type=str)
    language = attr.ib(type=str)        # the course's language: en, es, pt
