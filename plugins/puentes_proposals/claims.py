"""Claims on proposals, stored: take, renew, release, end. The rules are leases.py; api.py calls these.

Two tutors racing for one proposal both lock its row first (select_for_update), so the second sees
the first's claim; the unique (proposal, held) constraint stops a second live claim even without it.
"""
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import leases, rules
from .models import Proposal, ReviewClaim, StatusChange
from .reading import was_ever_in_team


class ClaimRefused(Exception):
    def __init__(self, code, holder=""):
        super().__init__(code)
        self.code = code
        self.holder = holder   # username of whoever holds the proposal, when that is the reason


def lease_hours():
    return float(getattr(settings, "PUENTES_CLAIM_LEASE_HOURS", 8) or 8)


def _lease(claim):
    return leases.Lease(tutor_id=claim.tutor_id, expires_at=claim.expires_at) if claim else None


def held_claim(proposal_id):
    """The claim row holding the proposal (it may have expired; leases.is_live tells)."""
    return ReviewClaim.objects.select_related("tutor").filter(proposal_id=proposal_id, held=True).first()


def _end(claim, reason, by_id, now):
    claim.held, claim.ended_at, claim.ended_by_id, claim.end_reason = None, now, by_id, reason
    claim.save(update_fields=["held", "ended_at", "ended_by", "end_reason"])


def _held_by_other(current, username, tutor_id, now):
    """Does `username` (not `tutor_id`) still hold a live claim on the proposal?"""
    return bool(current and leases.is_live(_lease(current), now) and current.tutor.username == username
                and current.tutor_id != tutor_id)


def _log(proposal, actor_id):
    StatusChange.objects.create(proposal=proposal, status=proposal.status, actor_id=actor_id,
                                version_number=proposal.versions_submitted)


def claim(proposal_id, tutor_id, is_course_staff=False, now=None, take_over_from=None):
    """Claim the proposal for `tutor_id` (or renew their claim); ClaimRefused says why not.

    `take_over_from` (a username) is course staff taking over the live claim they were shown:
    refused with "claim_changed" if, by now, someone else or nobody holds it.
    """
    now = now or timezone.now()
    try:
        with transaction.atomic():
            proposal = Proposal.objects.select_for_update().filter(pk=proposal_id).first()
            if proposal is None:
                raise ClaimRefused("not_found")
            _check_no_conflict(proposal, tutor_id)
            current = held_claim(proposal_id)
            verdict = leases.may_claim(proposal.status, _lease(current), tutor_id, now, is_course_staff)
            if not verdict:
                raise ClaimRefused(verdict.reason, holder=current.tutor.username if current else "")
            if take_over_from is not None and not _held_by_other(current, take_over_from, tutor_id, now):
                live = current if leases.is_live(_lease(current), now) else None
                raise ClaimRefused("claim_changed", holder=live.tutor.username if live else "")
            expires = leases.expires_at(now, lease_hours())
            if current and current.tutor_id == tutor_id:
                current.expires_at = expires
                current.save(update_fields=["expires_at"])
                return current
            if current:
                _end(current, ReviewClaim.TAKEN_OVER if leases.is_live(_lease(current), now) else ReviewClaim.EXPIRED,
                     tutor_id, now)
            created = ReviewClaim.objects.create(proposal=proposal, tutor_id=tutor_id, claimed_at=now,
                                                 expires_at=expires)
            if proposal.status in (rules.SUBMITTED, rules.RESUBMITTED):
                proposal.status = rules.next_status(proposal.status, rules.START_REVIEW)
                proposal.save(update_fields=["status"])
                _log(proposal, tutor_id)
            return created
    except IntegrityError:
        # Another claim won between our read and our insert (a database without row locks).
        current = held_claim(proposal_id)
        raise ClaimRefused("held_by_other", holder=current.tutor.username if current else "") from None


def release(proposal_id, user_id, is_course_staff=False, now=None):
    """Let go of a claim: the proposal waits again for any tutor."""
    now = now or timezone.now()
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().filter(pk=proposal_id).first()
        if proposal is None:
            raise ClaimRefused("not_found")
        current = held_claim(proposal_id)
        verdict = leases.may_release(_lease(current), user_id, is_course_staff)
        if not verdict:
            raise ClaimRefused(verdict.reason, holder=current.tutor.username if current else "")
        own = current.tutor_id == user_id
        _end(current, ReviewClaim.RELEASED if own else ReviewClaim.STAFF_RELEASED, user_id, now)
        if proposal.status == rules.IN_REVIEW:
            proposal.status = rules.next_status(proposal.status, rules.RELEASE_REVIEW)
            proposal.save(update_fields=["status"])
            _log(proposal, user_id)


def _check_no_conflict(proposal, tutor_id):
    """Nobody reviews their own team's proposal (M2), whatever role they hold in the course."""
    if rules.has_conflict(was_ever_in_team(proposal.pk, tutor_id)):
        raise ClaimRefused("own_proposal")


def check_holder(proposal, tutor_id, now=None):
    """Inside a transaction that locked `proposal`: ClaimRefused unless `tutor_id` holds a live claim
    and is not on the proposal's team (they may have joined it since they claimed it)."""
    now = now or timezone.now()
    _check_no_conflict(proposal, tutor_id)
    current = held_claim(proposal.pk)
    verdict = leases.may_send(proposal.status, _lease(current), tutor_id, now)
    if not verdict:
        raise ClaimRefused(verdict.reason, holder=current.tutor.username if current else "")
    return current


def end_after_sending(current, tutor_id, now):
    _end(current, ReviewClaim.SENT, tutor_id, now)
