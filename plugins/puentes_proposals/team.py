"""The team behind a proposal: starting one, joining with a code, adding a colleague.
"""
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from opaque_keys.edx.keys import CourseKey, UsageKey

from . import rules
from .errors import NotAllowed, NotFound
from .models import Proposal, TeamMembership
from .reading import get_proposal, is_member
from .status_log import log_status


def start_proposal(course_key, block_key, user_id, anonymous_id, currency="USD"):
    """A new team of one, with an empty draft."""
    block_key = UsageKey.from_string(str(block_key))
    if TeamMembership.objects.filter(block_key=block_key, user_id=user_id).exists():
        raise NotAllowed("already_in_team")
    try:
        with transaction.atomic():
            proposal = Proposal.objects.create(course_key=CourseKey.from_string(str(course_key)), block_key=block_key,
                                               created_by_id=user_id, saved_by_id=user_id, currency=currency)
            TeamMembership.objects.create(proposal=proposal, block_key=block_key, user_id=user_id,
                                          anonymous_id=anonymous_id, added_by_id=user_id)
            log_status(proposal, rules.DRAFT, user_id)
    except IntegrityError:
        raise NotAllowed("already_in_team") from None  # a double click raced the first request
    return get_proposal(proposal.id)


def _join(proposal, user_id, anonymous_id, added_by_id, max_members):
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
        members = TeamMembership.objects.filter(proposal=locked).count()
        in_team = TeamMembership.objects.filter(block_key=locked.block_key, user_id=user_id).exists()
        verdict = rules.may_join(members, max_members, in_team)
        if not verdict:
            raise NotAllowed(verdict.reason)
        try:
            with transaction.atomic():
                TeamMembership.objects.create(proposal=locked, block_key=locked.block_key, user_id=user_id,
                                              anonymous_id=anonymous_id, added_by_id=added_by_id)
        except IntegrityError:
            raise NotAllowed("already_in_team") from None
    return get_proposal(proposal.pk)


def join_with_code(block_key, invitation_code, user_id, anonymous_id, max_members):
    """Join the team whose invitation code this is (codes are per block)."""
    code = str(invitation_code or "").strip().upper().replace(" ", "").replace("-", "")
    proposal = Proposal.objects.filter(block_key=UsageKey.from_string(str(block_key)), invitation_code=code).first()
    if proposal is None:
        raise NotFound("bad_code")
    return _join(proposal, user_id, anonymous_id, user_id, max_members)


def add_member(proposal_id, added_by_id, username, anonymous_id_of, max_members, in_course=lambda user: True):
    """A member adds a colleague by username; `in_course(user)` says whether they are in the course."""
    proposal = Proposal.objects.filter(pk=proposal_id).first()
    if proposal is None or not is_member(proposal_id, added_by_id):
        raise NotFound()
    user = get_user_model().objects.filter(username=str(username or "").strip(), is_active=True).first()
    if user is None or not in_course(user):
        raise NotFound("no_such_learner")
    return _join(proposal, user.id, anonymous_id_of(user), added_by_id, max_members)
