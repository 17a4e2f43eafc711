"""The team behind a proposal when the block names no team-set: it forms here, by consent (M5).

Nobody becomes a member without acting themselves: the one who starts, a colleague who types the
team's invitation code, or a colleague who accepts an invitation. Members join, leave and invite
only until the first submission; then the team is frozen (rules.may_change_team). Each member's
anonymous id is their own, from their own session, never looked up for someone else.
(With a team-set the team is the course's Open edX team: platform_team.py.)
"""
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey, UsageKey

from puentes_core.compiled_read import CompiledRead, Slot

from . import attachments, rules
from .data import InvitationRecord, TeamChangeRecord
from .errors import NotAllowed, NotFound
from .models import Attachment, Proposal, TeamChange, TeamInvitation, TeamMembership
from .reading import full_name, get_proposal, is_member
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


def _locked_for_team_change(proposal_id):
    """The proposal, locked, if its team may still change (else NotAllowed("team_frozen"))."""
    proposal = Proposal.objects.select_for_update().filter(pk=proposal_id).first()
    if proposal is None:
        raise NotFound()
    if proposal.team_id is not None:
        raise NotAllowed("managed_team")   # an Open edX team changes in the Teams tab only
    verdict = rules.may_change_team(proposal.status, proposal.versions_submitted)
    if not verdict:
        raise NotAllowed(verdict.reason)
    return proposal


def _join(proposal_id, user_id, anonymous_id, added_by_id, max_members):
    """Make `user_id` a member, on their own action (code or accepted invitation). Call inside a transaction."""
    locked = _locked_for_team_change(proposal_id)
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
    TeamChange.objects.create(proposal=locked, user_id=user_id, kind=TeamChange.JOINED, actor_id=user_id)
    return locked


def join_with_code(block_key, invitation_code, user_id, anonymous_id, max_members):
    """Join the team whose invitation code this is (codes are per block): the joiner typed it, so consents."""
    code = str(invitation_code or "").strip().upper().replace(" ", "").replace("-", "")
    proposal = Proposal.objects.filter(block_key=UsageKey.from_string(str(block_key)), invitation_code=code,
                                       team_id__isnull=True).first()
    if proposal is None:
        raise NotFound("bad_code")
    with transaction.atomic():
        _join(proposal.pk, user_id, anonymous_id, user_id, max_members)
    return get_proposal(proposal.pk)


def invite(proposal_id, invited_by_id, username, max_members, in_course=lambda user: True):
    """A member invites a colleague by username; nothing changes in the team until the colleague accepts.

    `in_course(user)` says whether the colleague is enrolled. Inviting again someone who declined
    asks them again.
    """
    if not is_member(proposal_id, invited_by_id):
        raise NotFound()
    invitee = get_user_model().objects.filter(username=str(username or "").strip(), is_active=True).first()
    if invitee is None or not in_course(invitee):
        raise NotFound("no_such_learner")
    with transaction.atomic():
        proposal = _locked_for_team_change(proposal_id)
        members = TeamMembership.objects.filter(proposal=proposal).count()
        pending = TeamInvitation.objects.filter(proposal=proposal, state=TeamInvitation.PENDING).exclude(
            invitee=invitee).count()
        verdict = rules.may_invite(members, pending, max_members,
                                   TeamMembership.objects.filter(proposal=proposal, user=invitee).exists())
        if not verdict:
            raise NotAllowed(verdict.reason)
        invitation, _ = TeamInvitation.objects.update_or_create(
            proposal=proposal, invitee=invitee,
            defaults={"invited_by_id": invited_by_id, "state": TeamInvitation.PENDING, "answered_at": None})
        TeamChange.objects.create(proposal=proposal, user=invitee, kind=TeamChange.INVITED, actor_id=invited_by_id)
    return invitation_record(TeamInvitation.objects.select_related("proposal", "invitee", "invited_by")
                             .get(pk=invitation.pk))


def answer_invitation(invitation_id, user_id, accept, anonymous_id, max_members):
    """The invitee accepts (joining with their own anonymous id) or declines. Only the invitee can answer."""
    with transaction.atomic():
        invitation = TeamInvitation.objects.select_for_update().filter(
            pk=invitation_id, invitee_id=user_id, state=TeamInvitation.PENDING).first()
        if invitation is None:
            raise NotFound("no_invitation")
        if accept:
            _join(invitation.proposal_id, user_id, anonymous_id, invitation.invited_by_id, max_members)
            invitation.state = TeamInvitation.ACCEPTED
        else:
            invitation.state = TeamInvitation.DECLINED
            TeamChange.objects.create(proposal_id=invitation.proposal_id, user_id=user_id, kind=TeamChange.DECLINED,
                                      actor_id=user_id)
        invitation.answered_at = timezone.now()
        invitation.save(update_fields=["state", "answered_at"])
    return get_proposal(invitation.proposal_id) if accept else None


def withdraw_invitation(invitation_id, user_id):
    """A member takes back an invitation nobody answered yet."""
    with transaction.atomic():
        invitation = TeamInvitation.objects.select_for_update().filter(
            pk=invitation_id, state=TeamInvitation.PENDING).first()
        if invitation is None or not is_member(invitation.proposal_id, user_id):
            raise NotFound("no_invitation")
        invitation.state, invitation.answered_at = TeamInvitation.WITHDRAWN, timezone.now()
        invitation.save(update_fields=["state", "answered_at"])


def leave(proposal_id, user_id):
    """A member leaves before the first submission. The last one to leave discards the draft and its files.

    Returns the proposal as the others now see it, or None when it was discarded.
    """
    with transaction.atomic():
        proposal = _locked_for_team_change(proposal_id)
        deleted, _ = TeamMembership.objects.filter(proposal=proposal, user_id=user_id).delete()
        if not deleted:
            raise NotFound()
        if TeamMembership.objects.filter(proposal=proposal).exists():
            TeamChange.objects.create(proposal=proposal, user_id=user_id, kind=TeamChange.LEFT, actor_id=user_id)
            return get_proposal(proposal.pk)
        paths = list(Attachment.objects.filter(proposal=proposal).values_list("storage_path", flat=True))
        proposal.delete()
        transaction.on_commit(lambda: [attachments.storage().delete(path) for path in paths])
    return None


def invitation_record(row):
    return InvitationRecord(
        invitation_id=row.pk, proposal_id=row.proposal_id,
        proposal_title=str(row.proposal.answers.get("title") or ""),
        invitee_username=row.invitee.username, invitee_name=row.invitee.get_full_name() or row.invitee.username,
        invited_by_username=row.invited_by.username if row.invited_by else "",
        invited_by_name=(row.invited_by.get_full_name() or row.invited_by.username) if row.invited_by else "",
        state=row.state, created_at=row.created_at)


def invitations_for(block_key, user_id):
    """The invitations waiting for this person's answer in this block."""
    rows = TeamInvitation.objects.filter(proposal__block_key=UsageKey.from_string(str(block_key)), invitee_id=user_id,
                                         state=TeamInvitation.PENDING).select_related("proposal", "invitee",
                                                                                      "invited_by")
    return [invitation_record(row) for row in rows]


# Read on every open of the team's page: values, not models, their SQL compiled once (puentes_core.compiled_read).
PENDING_INVITATIONS = CompiledRead(TeamInvitation, lambda proposal_id: TeamInvitation.objects.filter(
    proposal_id=proposal_id, state=TeamInvitation.PENDING).values_list(
    "pk", "proposal_id", "proposal__answers", "invitee__username", "invitee__first_name", "invitee__last_name",
    "invited_by__username", "invited_by__first_name", "invited_by__last_name", "state", "created_at"),
    Slot(-730_003))
CHANGES = CompiledRead(TeamChange, lambda proposal_id: TeamChange.objects.filter(proposal_id=proposal_id).values_list(
    "user__username", "user__first_name", "user__last_name", "kind", "actor__username", "at"), Slot(-730_003))


def invitations_sent(proposal_id):
    """The team's invitations nobody answered yet."""
    rows = PENDING_INVITATIONS.rows(int(proposal_id))
    return [InvitationRecord(
        invitation_id=pk, proposal_id=proposal, proposal_title=str((answers or {}).get("title") or ""),
        invitee_username=invitee, invitee_name=full_name(invitee_first, invitee_last, invitee),
        invited_by_username=inviter or "",
        invited_by_name=full_name(inviter_first, inviter_last, inviter) if inviter else "",
        state=state, created_at=created_at)
        for pk, proposal, answers, invitee, invitee_first, invitee_last, inviter, inviter_first, inviter_last,
        state, created_at in rows]


def team_changes(proposal_id):
    """Joins, departures, invitations and refusals, oldest first."""
    rows = CHANGES.rows(int(proposal_id))
    return [TeamChangeRecord(username=username, full_name=full_name(first, last, username), kind=kind,
                             actor_username=actor or "", at=at)
            for username, first, last, kind, actor, at in rows]
