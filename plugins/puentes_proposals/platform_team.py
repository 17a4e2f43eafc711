"""The team behind a proposal when the block names a team-set: the learner's Open edX team.

The platform owns the team (Studio's Teams page, the LMS Teams tab, the instructor's CSV upload);
the block reads it through the XBlock `teams` service and hands the members here. TeamMembership
keeps a copy, refreshed each time a member uses the block, so everything else in the app (access,
the tutor queue, exports, the awards snapshot, conflicts of interest, e-mails) reads one table.
Who joined or left since the last visit is written to the team's history (TeamChange, no actor:
it happened on the platform). Nothing here asks for anyone's anonymous id: a member's own comes from
their session, and the submission's come from the teams service (submitting.submit).
"""
from django.db import IntegrityError, transaction
from opaque_keys.edx.keys import CourseKey, UsageKey

from . import rules
from .errors import NotAllowed
from .models import Proposal, TeamChange, TeamMembership
from .reading import first_record, get_proposal
from .status_log import log_status


def proposal_for_team(block_key, team_id):
    """The proposal of this Open edX team in this block, or None."""
    return first_record(Proposal.objects.filter(block_key=UsageKey.from_string(str(block_key)), team_id=team_id))


def start_team_proposal(course_key, block_key, teamset_id, team_id, member_ids, user_id, anonymous_id,
                        currency="USD"):
    """The team's draft, created by the first member who starts it (a second click finds the same one)."""
    block_key = UsageKey.from_string(str(block_key))
    try:
        with transaction.atomic():
            proposal = Proposal.objects.create(
                course_key=CourseKey.from_string(str(course_key)), block_key=block_key, teamset_id=teamset_id,
                team_id=team_id, created_by_id=user_id, saved_by_id=user_id, currency=currency)
            log_status(proposal, rules.DRAFT, user_id)
    except IntegrityError:
        proposal = Proposal.objects.get(block_key=block_key, team_id=team_id)   # a teammate started it first
    sync_team(proposal.pk, member_ids, user_id, anonymous_id, record=False)
    return get_proposal(proposal.pk)


def team_change(current, members):
    """(joined, left): user ids in the platform's team and not in our copy, and the other way round."""
    return sorted(set(members) - set(current)), sorted(set(current) - set(members))


def sync_team(proposal_id, member_ids, user_id, anonymous_id, record=True):
    """Make the proposal's members those of the Open edX team now (`member_ids`, user ids).

    `user_id` is the member acting, whose own `anonymous_id` is stored with their row. A member who
    moved here from another team of the same team-set leaves that team's proposal. Departures and
    arrivals are recorded in the team's history unless `record` is False (the team that starts).
    """
    member_ids = set(member_ids)
    current = dict(TeamMembership.objects.filter(proposal_id=proposal_id).values_list("user_id", "anonymous_id"))
    if set(current) == member_ids and (not anonymous_id or current.get(user_id) == anonymous_id):
        return False   # nothing changed since the last visit: one read, no lock
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal_id)
        if proposal.team_id is None:
            raise NotAllowed("not_a_platform_team")
        current = dict(TeamMembership.objects.filter(proposal=proposal).values_list("user_id", "anonymous_id"))
        joined, left = team_change(current, member_ids)
        if left:
            TeamMembership.objects.filter(proposal=proposal, user_id__in=left).delete()
        for moved in TeamMembership.objects.filter(block_key=proposal.block_key, user_id__in=joined).exclude(
                proposal=proposal):
            moved.delete()
            TeamChange.objects.create(proposal_id=moved.proposal_id, user_id=moved.user_id, kind=TeamChange.LEFT)
        TeamMembership.objects.bulk_create([
            TeamMembership(proposal=proposal, block_key=proposal.block_key, user_id=member,
                           anonymous_id=anonymous_id if member == user_id else "") for member in joined])
        if user_id in current and anonymous_id and current[user_id] != anonymous_id:
            TeamMembership.objects.filter(proposal=proposal, user_id=user_id).update(anonymous_id=anonymous_id)
        if record:
            TeamChange.objects.bulk_create(
                [TeamChange(proposal=proposal, user_id=member, kind=TeamChange.JOINED) for member in joined]
                + [TeamChange(proposal=proposal, user_id=member, kind=TeamChange.LEFT) for member in left])
    return bool(joined or left)
