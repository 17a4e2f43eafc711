"""The way into the competition: the team's confirmation, the finished-proposal event, snapshots.
"""
from django.db import transaction
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey

from puentes_core.countries import is_country

from . import rules, sections
from .data import FinishedProposal, ProposalFinishedData, ProposalSnapshot, SectionAnswer
from .errors import InvalidAnswer, NotAllowed, NotFound
from .models import Attachment, Proposal, ProposalVersion, Review, ReviewClaim, TeamMembership
from .reading import attachment_record, get_proposal, is_member, member_record
from .signals import PROPOSAL_FINISHED
from .status_log import move_status


def confirm_competition_entry(proposal_id, user_id, municipality, country, eligible, consents):
    """The team confirms eligibility and consent; the proposal enters and PROPOSAL_FINISHED goes out."""
    municipality = sections.plain(municipality)[:200]
    country = str(country or "").strip().upper()
    if not municipality:
        raise InvalidAnswer("municipality_required")
    if not is_country(country):   # an ISO 3166-1 code: jury conflicts and results group by it
        raise InvalidAnswer("bad_country")
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().filter(pk=proposal_id).first()
        if proposal is None or not is_member(proposal_id, user_id):
            raise NotFound()
        verdict = rules.may_confirm_entry(proposal.status, bool(eligible), bool(consents))
        if not verdict:
            raise NotAllowed(verdict.reason)
        proposal.municipality, proposal.country = municipality, country
        proposal.eligibility_confirmed = proposal.publication_consent = True
        proposal.entered_at = timezone.now()
        move_status(proposal, rules.ENTER, user_id, proposal.versions_submitted)
        proposal.save()
        version = ProposalVersion.objects.get(proposal=proposal, number=proposal.versions_submitted)
        payload = ProposalFinishedData(
            proposal_id=proposal.id, version=version.number, course_key=str(proposal.course_key),
            block_key=str(proposal.block_key),
            team_anonymous_ids=team_anonymous_ids(version.member_submissions,
                                                  proposal.members.values_list("anonymous_id", flat=True)),
            submitted_at=version.submitted_at, approved_at=proposal.approved_at)
        transaction.on_commit(lambda: PROPOSAL_FINISHED.send_event(proposal=payload))
    return get_proposal(proposal_id)


def finished_proposals(course_keys, since=None, batch_size=500):
    """The proposals of these courses whose team confirmed entry (status "entered", which nothing leaves),
    optionally only those entered at or after `since`: lists of FinishedProposal, one per batch, in id order.

    Three queries a batch whatever the number of proposals, so the awards app can check 10,000 of them.
    """
    keys = [CourseKey.from_string(str(key)) for key in course_keys]
    if not keys:
        return
    finished = Proposal.objects.filter(course_key__in=keys, status=rules.ENTERED)
    if since is not None:
        finished = finished.filter(entered_at__gte=since)
    last_id = 0
    while True:
        batch = list(finished.filter(pk__gt=last_id).order_by("pk").only(
            "id", "course_key", "block_key", "versions_submitted", "approved_at", "entered_at")[:batch_size])
        if not batch:
            return
        last_id = batch[-1].pk
        ids = [proposal.pk for proposal in batch]
        submitted, submitters = {}, {}
        for proposal_id, number, at, members in ProposalVersion.objects.filter(proposal_id__in=ids).values_list(
                "proposal_id", "number", "submitted_at", "member_submissions"):
            submitted[(proposal_id, number)], submitters[(proposal_id, number)] = at, members
        teams = {}
        for proposal_id, anonymous_id in TeamMembership.objects.filter(proposal_id__in=ids).order_by(
                "joined_at", "id").values_list("proposal_id", "anonymous_id"):
            teams.setdefault(proposal_id, []).append(anonymous_id)
        # The same payload confirm_competition_entry sent: the version entered is the last one submitted.
        yield [FinishedProposal(
            proposal=ProposalFinishedData(
                proposal_id=proposal.pk, version=proposal.versions_submitted, course_key=str(proposal.course_key),
                block_key=str(proposal.block_key),
                team_anonymous_ids=team_anonymous_ids(submitters.get((proposal.pk, proposal.versions_submitted)),
                                                      teams.get(proposal.pk, [])),
                submitted_at=submitted.get((proposal.pk, proposal.versions_submitted)),
                approved_at=proposal.approved_at),
            entered_at=proposal.entered_at) for proposal in batch]


def team_anonymous_ids(member_submissions, members):
    """The team of the version entered: those it was submitted for (from the teams service for an Open edX
    team), else the members as they joined here; never an empty id (a member not seen since they joined)."""
    return [anonymous_id for anonymous_id in (list(member_submissions or {}) or list(members)) if anonymous_id]


def get_snapshot(proposal_id, version):
    """One version, complete enough to be judged without the course (the awards app keeps it)."""
    row = ProposalVersion.objects.select_related("proposal").filter(proposal_id=proposal_id, number=version).first()
    if row is None:
        raise NotFound()
    proposal = row.proposal
    template = row.template
    answers = row.answers
    attachment_ids = [item for section in template if section["type"] == sections.ATTACHMENTS
                      for item in answers.get(section["id"]) or []]
    files = Attachment.objects.filter(proposal=proposal, pk__in=attachment_ids).order_by("id")
    team = TeamMembership.objects.filter(proposal=proposal).select_related("user")
    # Whoever sent a review or held a claim tutored the proposal: a conflict should they judge it.
    reviewers = sorted(set(Review.objects.filter(proposal=proposal, state=Review.SENT)
                           .values_list("tutor__username", flat=True))
                       | set(ReviewClaim.objects.filter(proposal=proposal).values_list("tutor__username", flat=True)))
    return ProposalSnapshot(
        proposal_id=proposal.id, version=row.number, course_key=str(proposal.course_key),
        block_key=str(proposal.block_key), title=row.title, municipality=proposal.municipality,
        country=proposal.country, thematic_area=thematic_area(template, answers),
        total_budget=total_budget(template, answers), currency=proposal.currency,
        sections=[SectionAnswer(section_id=s["id"], title=s["title"], section_type=s["type"],
                                value=answers.get(s["id"]), choices=_choices(s)) for s in template],
        attachments=[attachment_record(f) for f in files], team=[member_record(m) for m in team],
        reviewer_usernames=reviewers, submitted_at=row.submitted_at, approved_at=proposal.approved_at)


def _choices(section):
    return [{"value": choice["value"], "label": choice["label"]} for choice in section.get("choices") or []]


def version_choices(proposal_id, version):
    """{section id: {value: label}} of one version's choice sections, as its team read them: how an entry
    made before snapshots carried the labels still reads as words. Empty if the version is not on this site."""
    template = ProposalVersion.objects.filter(proposal_id=proposal_id, number=version).values_list(
        "template", flat=True).first() or []
    return {section["id"]: {choice["value"]: choice["label"] for choice in _choices(section)}
            for section in template if section.get("type") == sections.CHOICE}


def thematic_area(template, answers):
    choice = next((s for s in template if s["id"] == "thematic_area"), None) \
        or next((s for s in template if s["type"] == sections.CHOICE), None)
    return str(answers.get(choice["id"]) or "") if choice else ""


def total_budget(template, answers):
    budget = next((s for s in template if s["type"] == sections.BUDGET), None)
    return sections.budget_total(answers.get(budget["id"])) if budget else None
