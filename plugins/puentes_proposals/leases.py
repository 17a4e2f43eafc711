"""Claims on proposals as leases: who may claim, hold, send and release. Pure functions, as rules.py.

A tutor claims a proposal before reviewing it, so two tutors don't grade the same version. The
claim is a lease: it runs out (PUENTES_CLAIM_LEASE_HOURS) so a tutor who walks away doesn't block
the team. Course staff may take over or release any claim. Reasons are codes; the block words them.
"""
import datetime
from dataclasses import dataclass

from . import rules


@dataclass(frozen=True)
class Lease:
    """A claim as the rules see it: who holds it and until when."""

    tutor_id: int
    expires_at: datetime.datetime


@dataclass(frozen=True)
class LeaseVerdict:
    allowed: bool
    reason: str = ""   # not_waiting, held_by_other, not_holder, expired, not_yours

    def __bool__(self):
        return self.allowed


def expires_at(claimed_at, lease_hours):
    return claimed_at + datetime.timedelta(hours=lease_hours)


def is_live(lease, now):
    """A lease counts until the moment it expires."""
    return lease is not None and now < lease.expires_at


def may_claim(status, lease, tutor_id, now, is_course_staff=False):
    """May `tutor_id` claim (or renew the claim on) a proposal in `status` whose current lease is `lease`?

    Anyone reviewing may take a proposal nobody holds, or whose lease ran out; the holder may renew;
    course staff may take over a live claim (they can also release it, see may_release).
    """
    if not rules.may_review(status):
        return LeaseVerdict(False, "not_waiting")
    if not is_live(lease, now) or lease.tutor_id == tutor_id or is_course_staff:
        return LeaseVerdict(True)
    return LeaseVerdict(False, "held_by_other")


def may_send(status, lease, tutor_id, now):
    """A review goes out only from the tutor who holds a live claim on a proposal still waiting for it.

    Course staff are no exception: they claim first (taking over if they must), so the record says who held it.
    """
    if not rules.may_review(status):
        return LeaseVerdict(False, "not_waiting")
    if lease is None:
        return LeaseVerdict(False, "not_holder")
    if lease.tutor_id != tutor_id:
        return LeaseVerdict(False, "held_by_other" if is_live(lease, now) else "not_holder")
    if not is_live(lease, now):
        return LeaseVerdict(False, "expired")
    return LeaseVerdict(True)


def may_release(lease, user_id, is_course_staff=False):
    """The holder lets go of their own claim; course staff release anyone's."""
    if lease is None:
        return LeaseVerdict(False, "not_holder")
    if lease.tutor_id == user_id or is_course_staff:
        return LeaseVerdict(True)
    return LeaseVerdict(False, "not_yours")
