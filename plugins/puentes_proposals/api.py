"""The proposals app's public interface (OEP-49): the blocks and the awards app call these, nothing else.

Functions take ids and plain values and return records from data.py. Failures are ProposalError
subclasses with a `code` the caller turns into a sentence in the user's language.
"""
import logging
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey, UsageKey
from submissions import api as submissions_api

from . import attachments, rules, sections
from .data import (
    AttachmentRecord,
    FinishedProposal,
    ProposalFinishedData,
    ProposalRecord,
    ProposalSnapshot,
    ReviewRecord,
    SaveResult,
    SectionAnswer,
    StatusEntry,
    TeamMember,
    VersionRecord,
)
from .models import Attachment, CourseTutor, Proposal, ProposalVersion, Review, StatusChange, TeamMembership
from .signals import PROPOSAL_FINISHED

log = logging.getLogger(__name__)
ITEM_TYPE = "puentes_proposal"
ANSWER_LIMIT = 90 * 1024  # edx-submissions refuses answers over 100 KB; the version keeps the full text


class ProposalError(Exception):
    code = "error"

    def __init__(self, code=None, **details):
        super().__init__(code or self.code)
        self.code = code or self.code
        self.details = details


class NotFound(ProposalError):
    code = "not_found"


class NotAllowed(ProposalError):
    """The rules say no (locked, past due, team full, …); `code` is the rule's reason."""


class InvalidAnswer(ProposalError):
    code = "invalid_answer"


class StaleDraft(ProposalError):
    """Someone saved these sections after the editor read them: `conflicts` has both texts."""

    code = "conflict"


# --- reading -----------------------------------------------------------------------------------

def _member(membership):
    user = membership.user
    return TeamMember(user_id=user.id, username=user.username, anonymous_id=membership.anonymous_id,
                      full_name=user.get_full_name() or user.username, email=user.email)


def _attachment(row):
    return AttachmentRecord(attachment_id=row.id, name=row.name, content_type=row.content_type, size=row.size,
                            storage_path=row.storage_path)


def _record(proposal):
    return ProposalRecord(
        proposal_id=proposal.id, course_key=str(proposal.course_key), block_key=str(proposal.block_key),
        status=proposal.status, invitation_code=proposal.invitation_code, answers=proposal.answers,
        revision=proposal.revision, section_revisions=proposal.section_revisions,
        versions_submitted=proposal.versions_submitted, saved_at=proposal.saved_at,
        saved_by_username=proposal.saved_by.username if proposal.saved_by_id else "",
        submitted_at=proposal.submitted_at, approved_at=proposal.approved_at, entered_at=proposal.entered_at,
        municipality=proposal.municipality, country=proposal.country,
        team=[_member(m) for m in proposal.members.all()],
        attachments=[_attachment(a) for a in proposal.attachments.all()],
    )


def _proposals():
    return Proposal.objects.select_related("saved_by").prefetch_related(
        Prefetch("members", queryset=TeamMembership.objects.select_related("user")),
        Prefetch("attachments", queryset=Attachment.objects.order_by("id")))


def proposal_for_member(block_key, user_id):
    """The proposal of the team `user_id` belongs to in this block, or None."""
    proposal = _proposals().filter(members__block_key=UsageKey.from_string(str(block_key)),
                                   members__user_id=user_id).first()
    return _record(proposal) if proposal else None


def get_proposal(proposal_id):
    proposal = _proposals().filter(pk=proposal_id).first()
    if proposal is None:
        raise NotFound()
    return _record(proposal)


def is_member(proposal_id, user_id):
    return TeamMembership.objects.filter(proposal_id=proposal_id, user_id=user_id).exists()


def is_tutor(course_key, user_id):
    return CourseTutor.objects.filter(course_key=CourseKey.from_string(str(course_key)), user_id=user_id).exists()


def grant_tutor(course_key, user_id):
    CourseTutor.objects.get_or_create(course_key=CourseKey.from_string(str(course_key)), user_id=user_id)


def may_read(proposal_id, user_id, is_course_staff=False):
    """Team members, the course's tutors and course staff read a proposal and its files; nobody else."""
    if is_course_staff:
        return Proposal.objects.filter(pk=proposal_id).exists()
    proposal = Proposal.objects.filter(pk=proposal_id).values("course_key").first()
    if proposal is None:
        return False
    return is_member(proposal_id, user_id) or is_tutor(proposal["course_key"], user_id)


def history(proposal_id):
    return [StatusEntry(status=row.status, version_number=row.version_number,
                        actor_username=row.actor.username if row.actor else "", at=row.at)
            for row in StatusChange.objects.filter(proposal_id=proposal_id).select_related("actor")]


def _version(row):
    return VersionRecord(proposal_id=row.proposal_id, number=row.number, title=row.title, answers=row.answers,
                         template=row.template, submission_uuid=row.submission_uuid,
                         submitted_by_username=row.submitted_by.username, submitted_at=row.submitted_at)


def versions(proposal_id):
    return [_version(row) for row in
            ProposalVersion.objects.filter(proposal_id=proposal_id).select_related("submitted_by")]


def _review(row):
    return ReviewRecord(
        review_id=row.id, proposal_id=row.proposal_id, version_number=row.version.number,
        tutor_username=row.tutor.username, rubric_scores=row.rubric_scores, section_comments=row.section_comments,
        overall_comment=row.overall_comment, decision=row.decision, reason=row.reason,
        points_earned=row.points_earned, points_possible=row.points_possible, state=row.state,
        created_at=row.created_at, sent_at=row.sent_at)


def sent_reviews(proposal_id):
    """What the team sees: every review a tutor sent, oldest version first."""
    rows = Review.objects.filter(proposal_id=proposal_id, state=Review.SENT).select_related("version", "tutor")
    return [_review(row) for row in rows]


# --- the team ----------------------------------------------------------------------------------

def _log(proposal, status, actor_id, version_number=None):
    StatusChange.objects.create(proposal=proposal, status=status, actor_id=actor_id, version_number=version_number)


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
            _log(proposal, rules.DRAFT, user_id)
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


# --- the draft ---------------------------------------------------------------------------------

def save_answers(proposal_id, user_id, changes, template):
    """Store changed sections of the draft, all or nothing.

    `changes` is a list of {"section", "value", "base_revision"}: the revision the editor's copy of
    that section came from. If anyone saved one of these sections since, nothing is stored and
    StaleDraft lists both texts per section.
    """
    by_id = {section["id"]: section for section in template}
    cleaned = {}
    for change in changes:
        section = by_id.get(change.get("section"))
        if section is None:
            raise InvalidAnswer("unknown_section", section=change.get("section"))
        try:
            cleaned[section["id"]] = (sections.clean_answer(section, change.get("value")),
                                      int(change.get("base_revision") or 0))
        except (TypeError, ValueError) as error:
            raise InvalidAnswer("invalid_answer", section=section["id"], message=str(error)) from None
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().filter(pk=proposal_id).first()
        if proposal is None or not is_member(proposal_id, user_id):
            raise NotFound()
        if not rules.may_edit(proposal.status):
            raise NotAllowed("locked")
        _check_attachment_ids(proposal, template, {sid: value for sid, (value, _base) in cleaned.items()})
        conflicts = [
            {"section": section_id, "yours": value, "theirs": proposal.answers.get(section_id),
             "revision": proposal.revision}
            for section_id, (value, base) in cleaned.items()
            if rules.is_stale(proposal.section_revisions.get(section_id, 0), base)
            and proposal.answers.get(section_id) != value
        ]
        if conflicts:
            raise StaleDraft(conflicts=conflicts, revision=proposal.revision,
                             saved_by=proposal.saved_by.username if proposal.saved_by_id else "")
        proposal.revision += 1
        for section_id, (value, _base) in cleaned.items():
            if proposal.answers.get(section_id) != value:
                proposal.answers[section_id] = value
                proposal.section_revisions[section_id] = proposal.revision
        proposal.saved_by_id = user_id
        proposal.save(update_fields=["answers", "section_revisions", "revision", "saved_by", "saved_at"])
    return SaveResult(revision=proposal.revision, saved_at=proposal.saved_at,
                      saved={section_id: value for section_id, (value, _base) in cleaned.items()})


def _check_attachment_ids(proposal, template, answers):
    kinds = {section["id"]: section["type"] for section in template}
    wanted = {item for section_id, value in answers.items() if kinds[section_id] == sections.ATTACHMENTS
              for item in value}
    if wanted:
        known = set(Attachment.objects.filter(proposal=proposal, pk__in=wanted).values_list("pk", flat=True))
        if wanted - known:
            raise InvalidAnswer("unknown_attachment")


def add_attachment(proposal_id, user_id, section_id, template, name, content, max_bytes, allowed_types):
    """Check and store an uploaded file, and list it in the draft's attachments section."""
    section = next((s for s in template if s["id"] == section_id and s["type"] == sections.ATTACHMENTS), None)
    if section is None:
        raise InvalidAnswer("unknown_section", section=section_id)
    if not is_member(proposal_id, user_id):
        raise NotFound()
    try:
        accepted = attachments.check_upload(name, content[:8192], len(content), allowed_types, max_bytes)
    except attachments.UploadRefused as refused:
        raise InvalidAnswer(refused.code, **refused.details) from None
    if not rules.may_edit(Proposal.objects.get(pk=proposal_id).status):
        raise NotAllowed("locked")
    storage_path = attachments.store(proposal_id, accepted, content)
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal_id)
        if not rules.may_edit(proposal.status):
            attachments.storage().delete(storage_path)
            raise NotAllowed("locked")
        row = Attachment.objects.create(proposal=proposal, section_id=section_id, name=accepted.name,
                                        content_type=accepted.content_type, size=accepted.size,
                                        storage_path=storage_path, uploaded_by_id=user_id)
        proposal.revision += 1
        proposal.answers[section_id] = [*proposal.answers.get(section_id, []), row.id]
        proposal.section_revisions[section_id] = proposal.revision
        proposal.saved_by_id = user_id
        proposal.save(update_fields=["answers", "section_revisions", "revision", "saved_by", "saved_at"])
    return _attachment(row), SaveResult(revision=proposal.revision, saved_at=proposal.saved_at,
                                        saved={section_id: proposal.answers[section_id]})


def attachment_for_download(attachment_id, proposal_id):
    """The record and open file of an attachment of this proposal (the caller checked may_read)."""
    row = Attachment.objects.filter(pk=attachment_id, proposal_id=proposal_id).first()
    if row is None:
        raise NotFound()
    return _attachment(row), attachments.open_file(row.storage_path)


# --- submitting --------------------------------------------------------------------------------

def submission_answer(proposal, number, template):
    """What edx-submissions keeps of a version: the answers when they fit, always a pointer back."""
    answer = {"proposal_id": proposal.id, "version": number, "title": proposal.answers.get("title", ""),
              "sections": {section["id"]: proposal.answers.get(section["id"]) for section in template}}
    if len(str(answer)) > ANSWER_LIMIT:
        answer.pop("sections")
    return answer


def submit(proposal_id, user_id, template, student_id, max_versions, last_moment, now=None):
    """Freeze the draft as version N and lock it for review.

    The version is also an edx-submissions submission for the submitter (`student_id`, their
    anonymous id) and for each other member, so Open edX's tools and gradebook see it.
    """
    now = now or timezone.now()
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().filter(pk=proposal_id).first()
        if proposal is None or not is_member(proposal_id, user_id):
            raise NotFound()
        problems = sections.draft_problems(template, proposal.answers)
        verdict = rules.may_submit(proposal.status, proposal.versions_submitted, max_versions, now, last_moment,
                                   problems)
        if not verdict:
            raise NotAllowed(verdict.reason, problems=problems)
        number = proposal.versions_submitted + 1
        answer = submission_answer(proposal, number, template)
        member_submissions = {}
        for member_id in [student_id, *TeamMembership.objects.filter(proposal=proposal).exclude(
                anonymous_id=student_id).values_list("anonymous_id", flat=True)]:
            student_item = {"student_id": member_id, "course_id": str(proposal.course_key),
                            "item_id": str(proposal.block_key), "item_type": ITEM_TYPE}
            submission = submissions_api.create_submission(student_item, answer, submitted_at=now,
                                                           attempt_number=number)
            member_submissions[member_id] = submission["uuid"]
        version = ProposalVersion.objects.create(
            proposal=proposal, number=number, answers=proposal.answers, template=template,
            title=str(proposal.answers.get("title") or "")[:300], submission_uuid=member_submissions[student_id],
            member_submissions=member_submissions, submitted_by_id=user_id, submitted_at=now)
        proposal.status = rules.next_status(proposal.status, rules.SUBMIT)
        proposal.versions_submitted = number
        proposal.submitted_at = now
        proposal.save(update_fields=["status", "versions_submitted", "submitted_at", "saved_at"])
        _log(proposal, proposal.status, user_id, number)
    return _version(ProposalVersion.objects.select_related("submitted_by").get(pk=version.pk))


# --- reviewing (the tutor-review block) --------------------------------------------------------

def awaiting_review(course_key, statuses=rules.AWAITING_REVIEW, limit=50, offset=0):
    """A page of a course's proposals waiting for review, oldest submission first (uses proposal_queue_idx)."""
    rows = (Proposal.objects.filter(course_key=CourseKey.from_string(str(course_key)), status__in=statuses)
            .order_by("submitted_at", "id").values("id", "status", "versions_submitted", "submitted_at")
            [offset:offset + limit])
    return list(rows)


def _move(proposal, action, actor_id, version_number=None):
    proposal.status = rules.next_status(proposal.status, action)
    _log(proposal, proposal.status, actor_id, version_number)


def start_review(proposal_id, tutor_id):
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal_id)
        try:
            _move(proposal, rules.START_REVIEW, tutor_id, proposal.versions_submitted)
        except rules.TransitionError:
            raise NotAllowed("not_waiting") from None
        proposal.save(update_fields=["status"])


def record_review(proposal_id, tutor_id, rubric_scores=None, section_comments=None, overall_comment="",
                  decision="", reason="", points_earned=None, points_possible=None):
    """Create or update this tutor's draft review of the latest version."""
    proposal = Proposal.objects.filter(pk=proposal_id).first()
    if proposal is None:
        raise NotFound()
    if not rules.may_review(proposal.status):
        raise NotAllowed("not_waiting")
    if decision and decision not in rules.DECISIONS:
        raise InvalidAnswer("bad_decision")
    version = ProposalVersion.objects.get(proposal=proposal, number=proposal.versions_submitted)
    review = Review.objects.filter(version=version, tutor_id=tutor_id, state=Review.DRAFT).first() \
        or Review(proposal=proposal, version=version, tutor_id=tutor_id)
    review.rubric_scores = dict(rubric_scores or {})
    review.section_comments = {str(k): sections.plain(str(v)) for k, v in (section_comments or {}).items()}
    review.overall_comment = sections.plain(overall_comment)
    review.decision = decision
    review.reason = sections.plain(reason)
    review.points_earned, review.points_possible = points_earned, points_possible
    review.save()
    return _review(Review.objects.select_related("version", "tutor").get(pk=review.pk))


def send_review(review_id, tutor_id):
    """Send a draft review: the proposal moves by its decision; an approval sets the score in edx-submissions."""
    with transaction.atomic():
        review = Review.objects.select_related("version").filter(pk=review_id, tutor_id=tutor_id).first()
        if review is None:
            raise NotFound()
        if review.state == Review.SENT:
            raise NotAllowed("already_sent")
        if review.decision not in rules.DECISIONS:
            raise InvalidAnswer("bad_decision")
        if review.decision == rules.APPROVED and (review.points_possible is None or review.points_earned is None):
            raise InvalidAnswer("needs_points")
        proposal = Proposal.objects.select_for_update().get(pk=review.proposal_id)
        if review.version.number != proposal.versions_submitted:
            raise NotAllowed("stale_version")
        try:
            _move(proposal, rules.DECISIONS[review.decision], tutor_id, review.version.number)
        except rules.TransitionError:
            raise NotAllowed("not_waiting") from None
        now = timezone.now()
        if proposal.status == rules.APPROVED:
            proposal.approved_at = now
        if proposal.status == rules.REVISION_REQUESTED:
            proposal.answers = review.version.answers  # the draft reopens from the last version
        proposal.save(update_fields=["status", "approved_at", "answers"])
        review.state, review.sent_at = Review.SENT, now
        Review.objects.filter(pk=review.pk).update(state=Review.SENT, sent_at=now)
        if proposal.status == rules.APPROVED:
            for submission_uuid in review.version.member_submissions.values() or [review.version.submission_uuid]:
                # The annotation needs a reason: without one edx-submissions drops the score silently.
                submissions_api.set_score(submission_uuid, review.points_earned, review.points_possible,
                                          annotation_creator=str(tutor_id), annotation_type="puentes_tutor_review",
                                          annotation_reason=f"approved in tutor review {review.pk}")
    return _review(Review.objects.select_related("version", "tutor").get(pk=review.pk))


# --- the competition ---------------------------------------------------------------------------

def confirm_competition_entry(proposal_id, user_id, municipality, country, eligible, consents):
    """The team confirms eligibility and consent; the proposal enters and PROPOSAL_FINISHED goes out."""
    municipality = sections.plain(municipality)[:200]
    country = str(country or "").strip().upper()
    if not municipality:
        raise InvalidAnswer("municipality_required")
    if len(country) != 2 or not country.isalpha():
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
        _move(proposal, rules.ENTER, user_id, proposal.versions_submitted)
        proposal.save()
        version = ProposalVersion.objects.get(proposal=proposal, number=proposal.versions_submitted)
        payload = ProposalFinishedData(
            proposal_id=proposal.id, version=version.number, course_key=str(proposal.course_key),
            block_key=str(proposal.block_key),
            team_anonymous_ids=list(proposal.members.values_list("anonymous_id", flat=True)),
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
        submitted = {(proposal_id, number): at for proposal_id, number, at in ProposalVersion.objects.filter(
            proposal_id__in=ids).values_list("proposal_id", "number", "submitted_at")}
        teams = {}
        for proposal_id, anonymous_id in TeamMembership.objects.filter(proposal_id__in=ids).order_by(
                "joined_at", "id").values_list("proposal_id", "anonymous_id"):
            teams.setdefault(proposal_id, []).append(anonymous_id)
        # The same payload confirm_competition_entry sent: the version entered is the last one submitted.
        yield [FinishedProposal(
            proposal=ProposalFinishedData(
                proposal_id=proposal.pk, version=proposal.versions_submitted, course_key=str(proposal.course_key),
                block_key=str(proposal.block_key), team_anonymous_ids=teams.get(proposal.pk, []),
                submitted_at=submitted.get((proposal.pk, proposal.versions_submitted)),
                approved_at=proposal.approved_at),
            entered_at=proposal.entered_at) for proposal in batch]


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
    reviewers = sorted(set(Review.objects.filter(proposal=proposal, state=Review.SENT)
                           .values_list("tutor__username", flat=True)))
    return ProposalSnapshot(
        proposal_id=proposal.id, version=row.number, course_key=str(proposal.course_key),
        block_key=str(proposal.block_key), title=row.title, municipality=proposal.municipality,
        country=proposal.country, thematic_area=_thematic_area(template, answers),
        total_budget=_total_budget(template, answers), currency=proposal.currency,
        sections=[SectionAnswer(section_id=s["id"], title=s["title"], section_type=s["type"],
                                value=answers.get(s["id"])) for s in template],
        attachments=[_attachment(f) for f in files], team=[_member(m) for m in team],
        reviewer_usernames=reviewers, submitted_at=row.submitted_at, approved_at=proposal.approved_at)


def _thematic_area(template, answers):
    choice = next((s for s in template if s["id"] == "thematic_area"), None) \
        or next((s for s in template if s["type"] == sections.CHOICE), None)
    return str(answers.get(choice["id"]) or "") if choice else ""


def _total_budget(template, answers):
    budget = next((s for s in template if s["type"] == sections.BUDGET), None)
    return sections.budget_total(answers.get(budget["id"])) if budget else None


# --- exports -----------------------------------------------------------------------------------

EXPORT_FIELDS = ["proposal_id", "version", "status", "course_key", "block_key", "title", "submitted_at",
                 "submitted_by", "team", "municipality", "country", "total_budget", "currency", "approved_at",
                 "entered_at", "decisions", "sections"]


def export_rows(course_key, block_key=None, batch_size=500):
    """One dict per submitted version of a course's proposals (streamed in batches, for CSV or JSON)."""
    versions_qs = ProposalVersion.objects.filter(proposal__course_key=CourseKey.from_string(str(course_key)))
    if block_key:
        versions_qs = versions_qs.filter(proposal__block_key=UsageKey.from_string(str(block_key)))
    versions_qs = versions_qs.select_related("proposal", "submitted_by")
    last_id = 0
    while True:
        batch = list(versions_qs.filter(pk__gt=last_id).order_by("pk")[:batch_size])
        if not batch:
            return
        last_id = batch[-1].pk
        proposal_ids = {row.proposal_id for row in batch}
        teams, decisions = {}, {}
        for member in TeamMembership.objects.filter(proposal_id__in=proposal_ids).select_related("user"):
            teams.setdefault(member.proposal_id, []).append(member.user.username)
        for review in Review.objects.filter(proposal_id__in=proposal_ids, state=Review.SENT).values(
                "version_id", "decision"):
            decisions.setdefault(review["version_id"], []).append(review["decision"])
        for row in batch:
            proposal = row.proposal
            total = _total_budget(row.template, row.answers)
            yield {
                "proposal_id": proposal.id, "version": row.number, "status": proposal.status,
                "course_key": str(proposal.course_key), "block_key": str(proposal.block_key), "title": row.title,
                "submitted_at": row.submitted_at.isoformat(), "submitted_by": row.submitted_by.username,
                "team": teams.get(proposal.id, []), "municipality": proposal.municipality,
                "country": proposal.country, "total_budget": str(total) if total is not None else "",
                "currency": proposal.currency,
                "approved_at": proposal.approved_at.isoformat() if proposal.approved_at else "",
                "entered_at": proposal.entered_at.isoformat() if proposal.entered_at else "",
                "decisions": decisions.get(row.id, []),
                "sections": {section["id"]: row.answers.get(section["id"]) for section in row.template},
            }


def budget_total(rows):
    """Total of a budget answer (for the block's display)."""
    return sections.budget_total(rows) if rows else Decimal(0)


# --- the tutors' side: claims, the queue, reviews with a rubric, workload (the tutor-review block) ---------
# The work is in claims.py, queue.py, reviewing.py, workload.py; these are the names other packages call.

def _refused(refused):
    if refused.code == "not_found":
        return NotFound()
    return NotAllowed(refused.code, holder=refused.holder)


def claim_proposal(proposal_id, tutor_id, is_course_staff=False, now=None, take_over_from=None):
    """Claim (or renew a claim on) a proposal for review; NotAllowed("held_by_other", holder=…) if taken.

    Course staff taking over pass the holder they saw as `take_over_from`; NotAllowed("claim_changed",
    holder=whoever holds it now, or "") if that is no longer so.
    """
    from . import claims, queue
    try:
        row = claims.claim(proposal_id, tutor_id, is_course_staff, now, take_over_from=take_over_from)
    except claims.ClaimRefused as refused:
        raise _refused(refused) from None
    return queue.claim_record(claims.held_claim(row.proposal_id), now or timezone.now())


def release_claim(proposal_id, user_id, is_course_staff=False):
    from . import claims
    try:
        claims.release(proposal_id, user_id, is_course_staff)
    except claims.ClaimRefused as refused:
        raise _refused(refused) from None


def current_claim(proposal_id, now=None):
    """Who holds the proposal (ClaimRecord, `live` False once the lease ran out), or None."""
    from . import claims, queue
    return queue.claim_record(claims.held_claim(proposal_id), now or timezone.now())


def review_queue(course_key, filters, viewer_id=None, block_keys=(), now=None):
    """A QueuePage of the course's proposals (or of `block_keys`') for the review block."""
    from . import queue
    return queue.page(course_key, filters, viewer_id, block_keys, now)


def queue_facets(course_key, block_keys=()):
    """(countries, thematic areas) present in the queue."""
    from . import queue
    return queue.facets(course_key, block_keys)


def assign_tutor(course_key, username, countries=(), cohorts=()):
    """Make `username` a tutor of the course, looking after these countries and cohorts (NotFound: no such user)."""
    from . import queue
    user = get_user_model().objects.filter(username=str(username or "").strip(), is_active=True).first()
    if user is None:
        raise NotFound("no_such_user")
    grant_tutor(course_key, user.id)
    queue.assign(course_key, user.id, countries, cohorts)


def course_tutors(course_key):
    """[(username, countries, cohorts)] of the tutors granted in the app for this course."""
    from . import queue
    return queue.tutors(course_key)


def tutor_assignment(course_key, user_id):
    from . import queue
    return queue.assignment(course_key, user_id)


def save_review_draft(proposal_id, tutor_id, rubric, levels=None, section_comments=None, overall_comment="",
                      decision="", reason=""):
    """Keep the tutor's review of the latest version as a draft; needs their live claim."""
    from . import claims, reviewing
    try:
        return reviewing.save_draft(proposal_id, tutor_id, rubric, levels, section_comments, overall_comment,
                                    decision, reason)
    except claims.ClaimRefused as refused:
        raise _refused(refused) from None


def send_rubric_review(proposal_id, tutor_id, rubric, levels=None, section_comments=None, overall_comment="",
                       decision="", reason="", language=None):
    """Check the decision rule and the claim, send the review, end the claim, tell the team."""
    from . import claims, reviewing
    try:
        return reviewing.send(proposal_id, tutor_id, rubric, levels, section_comments, overall_comment, decision,
                              reason, language)
    except claims.ClaimRefused as refused:
        raise _refused(refused) from None


def review_draft(proposal_id, tutor_id):
    """(ReviewRecord, levels) of the tutor's unsent review of the latest version, or (None, {})."""
    from . import reviewing
    return reviewing.draft_of(proposal_id, tutor_id)


def review_sheets(review_ids):
    """review id -> {"rubric", "levels"}: the rubric each review was scored on and the levels chosen."""
    from . import reviewing
    return reviewing.sheets(review_ids)


def tutor_workload(course_key, block_keys=(), now=None):
    from . import workload
    return workload.workload(course_key, block_keys, now)


def reviews_csv(course_key, block_keys=()):
    """The CSV export of every review in the course, as chunks of text."""
    from . import workload
    return workload.reviews_csv(course_key, block_keys)
