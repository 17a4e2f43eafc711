"""What the app stores. Private to the app (OEP-49): other packages go through api.py.

A proposal belongs to a team in one block of one course. The team edits one draft (its answers
per section, with a revision number for optimistic concurrency); each submission freezes the draft
as a numbered version, which is also an edx-submissions submission. Tutors' reviews are attached
to versions and, once sent, never change.
"""
import secrets

from django.conf import settings
from django.db import connections, models, transaction
from opaque_keys.edx.django.models import CourseKeyField, UsageKeyField

from . import rules

STATUS_CHOICES = [(status, status) for status in rules.STATUSES]
INVITATION_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud on a phone call


def new_invitation_code():
    return "".join(secrets.choice(INVITATION_ALPHABET) for _ in range(8))


class Proposal(models.Model):
    course_key = CourseKeyField(max_length=255)
    block_key = UsageKeyField(max_length=255)
    status = models.CharField(max_length=20, choices=STATUS_CHOICES, default=rules.DRAFT)
    invitation_code = models.CharField(max_length=16, unique=True, default=new_invitation_code)
    answers = models.JSONField(default=dict)            # section id -> answer
    # Optimistic concurrency: every save bumps `revision`; `section_revisions` records the revision
    # at which each section last changed, so editors of different sections don't conflict.
    revision = models.PositiveIntegerField(default=0)
    section_revisions = models.JSONField(default=dict)
    versions_submitted = models.PositiveIntegerField(default=0)
    currency = models.CharField(max_length=3, default="USD")   # ISO 4217, from the block's settings
    # With a team-set the team is the course's Open edX team (team_id is its `team_id`); without one the
    # team forms here by invitation (team_id is None: NULLs never collide in the unique constraint).
    teamset_id = models.CharField(max_length=255, blank=True, default="")
    team_id = models.CharField(max_length=255, null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    saved_at = models.DateTimeField(auto_now=True)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)   # latest version
    approved_at = models.DateTimeField(null=True, blank=True)
    entered_at = models.DateTimeField(null=True, blank=True)
    # Confirmed by the team when it enters the competition.
    municipality = models.CharField(max_length=200, blank=True, default="")
    country = models.CharField(max_length=2, blank=True, default="")
    eligibility_confirmed = models.BooleanField(default=False)
    publication_consent = models.BooleanField(default=False)

    class Meta:
        indexes = [
            # The tutors' queue: a course's proposals waiting in a status, oldest submission first.
            models.Index(fields=["course_key", "status", "submitted_at"], name="proposal_queue_idx"),
            # The default view, several statuses oldest first: read in order and stop at the page, where the index
            # above gives each status in order and MariaDB sorted all 10,000 (11 ms; this way 1 ms).
            models.Index(fields=["course_key", "submitted_at"], name="proposal_waiting_idx"),
            models.Index(fields=["block_key", "status"], name="proposal_block_status_idx"),
        ]
        constraints = [models.UniqueConstraint(fields=["block_key", "team_id"], name="one_proposal_per_team")]

    def __str__(self):
        return f"proposal {self.pk} ({self.status}) in {self.block_key}"

    # Every write of a proposal's status goes through save() or delete(), which move the course's StatusCount in
    # the same transaction. Writers lock the proposal (select_for_update) first, so the status read with it is
    # the one being replaced. A queryset's update() or bulk_create() skips this: puentes_proposals_rebuild_queue
    # recounts (status_counts.rebuild).

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "status" not in update_fields:
            super().save(*args, **kwargs)   # a draft's answers: no status written, nothing to count
            return
        with transaction.atomic(using=kwargs.get("using"), savepoint=False):
            before = self._status_in_database()
            super().save(*args, **kwargs)
            if before != self.status:
                StatusCount.objects.moved(self.course_key, self.block_key, before, self.status)
        self._stored_status = self.status

    def delete(self, *args, **kwargs):
        with transaction.atomic(using=kwargs.get("using"), savepoint=False):
            before = self._status_in_database()
            deleted = super().delete(*args, **kwargs)
            StatusCount.objects.moved(self.course_key, self.block_key, before, None)
        return deleted

    @classmethod
    def from_db(cls, db, field_names, values):
        proposal = super().from_db(db, field_names, values)
        proposal._stored_status = proposal.__dict__.get("status")   # None when deferred: read again if written
        return proposal

    def _status_in_database(self):
        if self._state.adding:
            return None
        stored = getattr(self, "_stored_status", None)
        if stored is None:
            stored = Proposal.objects.filter(pk=self.pk).values_list("status", flat=True).first()
        return stored


class StatusCountManager(models.Manager):

    def moved(self, course_key, block_key, before, after):
        """One proposal of the block left status `before` for `after` (None: it was created, or deleted)."""
        change = {status: step for status, step in ((before, -1), (after, 1)) if status is not None}
        if not change or before == after:
            return
        if before is not None and self._step(course_key, block_key, change) == len(change):
            return   # a stored proposal's block has its rows (made with its first proposal): one UPDATE
        # A plain read, then the block's rows (one per status) inserted with its first proposal, INSERT IGNORE:
        # an UPDATE that found no row would leave a gap lock on MariaDB (REPEATABLE READ), and two first
        # proposals inserting into that gap would deadlock.
        block = self.filter(course_key=course_key, block_key=block_key)
        missing = set(rules.STATUSES) - set(block.values_list("status", flat=True))
        if missing:
            self.bulk_create([StatusCount(course_key=course_key, block_key=block_key, status=status)
                              for status in sorted(missing)], ignore_conflicts=True)
        if before is not None:   # rows the UPDATE above found are counted already
            change = {status: step for status, step in change.items() if status in missing}
        self._step(course_key, block_key, change)

    def _step(self, course_key, block_key, change):
        """One UPDATE for both rows (they are locked in index order, the same in every transaction); its SQL is
        written here, not built by the ORM, for it runs in every status change: the rows it changed."""
        if not change:
            return 0
        table, connection = self.model._meta.db_table, connections[self.db]
        quote = connection.ops.quote_name
        statuses = list(change)
        cases = " ".join("WHEN %s THEN %s" for _ in statuses)
        sql = (f"UPDATE {quote(table)} SET {quote('proposals')} = {quote('proposals')} + CASE {quote('status')} "
               f"{cases} END WHERE {quote('course_key')} = %s AND {quote('block_key')} = %s AND "
               f"{quote('status')} IN ({', '.join(['%s'] * len(statuses))})")
        params = [value for status in statuses for value in (status, change[status])]
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, str(course_key), str(block_key), *statuses])
            return cursor.rowcount


class StatusCount(models.Model):
    """How many proposals of a block are in a status: the tutors' queue counts by status without reading them."""

    course_key = CourseKeyField(max_length=255)
    block_key = UsageKeyField(max_length=255)
    status = models.CharField(max_length=20, choices=STATUS_CHOICES)
    proposals = models.IntegerField(default=0)

    objects = StatusCountManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["course_key", "block_key", "status"],
                                               name="one_count_per_block_status")]


class TeamMembership(models.Model):
    """One person in a proposal's team. A person is in at most one team per block."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="members")
    block_key = UsageKeyField(max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    anonymous_id = models.CharField(max_length=128)
    joined_at = models.DateTimeField(auto_now_add=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["block_key", "user"], name="one_team_per_block")]
        ordering = ["joined_at", "id"]


class TeamInvitation(models.Model):
    """A member asked a colleague to join; only the colleague's acceptance makes them a member (M5)."""

    PENDING, ACCEPTED, DECLINED, WITHDRAWN = "pending", "accepted", "declined", "withdrawn"
    STATES = [(state, state) for state in (PENDING, ACCEPTED, DECLINED, WITHDRAWN)]

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="invitations")
    invitee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    state = models.CharField(max_length=10, choices=STATES, default=PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "invitee"], name="one_invitation_per_person")]
        ordering = ["created_at", "id"]


class TeamChange(models.Model):
    """Who joined or left the team, when, and who did it: the team's part of the timeline."""

    JOINED, LEFT, INVITED, DECLINED = "joined", "left", "invited", "declined"
    KINDS = [(kind, kind) for kind in (JOINED, LEFT, INVITED, DECLINED)]

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="team_changes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=KINDS)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")   # None: seen on the platform's team, not done here
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]


class ProposalVersion(models.Model):
    """A submitted, frozen copy of the draft: what tutors review and the competition judges."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    answers = models.JSONField()
    template = models.JSONField()                       # the sections as they were when submitted
    title = models.CharField(max_length=300, blank=True, default="")
    # The edx-submissions record this version is: the team submission's uuid (before team submissions,
    # the submitter's individual one); "" until the worker writes it after the submit (recording.py).
    submission_uuid = models.CharField(max_length=36, db_index=True)
    # The edx-submissions team submission (submissions.team_api, as ORA2 team assignments): one
    # individual submission per member hangs from it, so an approval's score reaches every member's
    # gradebook. `member_submissions`: the members' anonymous ids as submitted -> the team submission's uuid ("")
    # (before team submissions: -> each member's own submission uuid).
    team_submission_uuid = models.CharField(max_length=36, blank=True, default="")
    member_submissions = models.JSONField(default=dict)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "number"], name="one_number_per_version")]
        ordering = ["proposal_id", "number"]


class Attachment(models.Model):
    """A file the team uploaded. Kept when removed from the draft: submitted versions may point at it."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    section_id = models.CharField(max_length=40)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    storage_path = models.CharField(max_length=500)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)


class Review(models.Model):
    """A tutor's review of one version. Drafts change freely; once sent, a review is never edited."""

    DECISIONS = [(decision, decision) for decision in rules.DECISIONS]
    DRAFT, SENT = "draft", "sent"

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="reviews")
    version = models.ForeignKey(ProposalVersion, on_delete=models.PROTECT, related_name="reviews")
    tutor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    rubric_scores = models.JSONField(default=dict)      # criterion id -> points
    section_comments = models.JSONField(default=dict)   # section id -> comment (plain text)
    overall_comment = models.TextField(blank=True, default="")
    decision = models.CharField(max_length=20, choices=DECISIONS, blank=True, default="")
    reason = models.TextField(blank=True, default="")    # why ineligible, or what to revise first
    points_earned = models.PositiveIntegerField(null=True, blank=True)
    points_possible = models.PositiveIntegerField(null=True, blank=True)
    state = models.CharField(max_length=5, choices=[(DRAFT, DRAFT), (SENT, SENT)], default=DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["version__number", "sent_at", "id"]
        indexes = [models.Index(fields=["tutor", "state"], name="review_tutor_state_idx")]

    def save(self, *args, **kwargs):
        # Append-only once sent: the learner and the competition rely on what the tutor sent.
        if self.pk and Review.objects.filter(pk=self.pk, state=Review.SENT).exists():
            raise ValueError("a sent review cannot be changed")
        super().save(*args, **kwargs)


class StatusChange(models.Model):
    """The proposal's history: the learner's timeline and the audit trail."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(max_length=20, choices=STATUS_CHOICES)
    version_number = models.PositiveIntegerField(null=True, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]


class CourseTutor(models.Model):
    """A person who reviews proposals in a course (partner organisations, universities).

    Course staff grant it (Django admin, or the demo's loader); tutors read the proposals of the
    course and its attachments, and the review block lets them claim and review.
    """

    course_key = CourseKeyField(max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["course_key", "user"], name="one_tutor_grant_per_course")]


# --- the tutors' side (the review block): claims, assignments, queue facts, rubric sheets ------------

class ReviewClaim(models.Model):
    """A tutor's lease on a proposal while reviewing it (leases.py).

    Rows stay when a claim ends: who held what, until when, and why it ended.
    """

    RELEASED, STAFF_RELEASED, EXPIRED, TAKEN_OVER, SENT = "released", "staff_released", "expired", "taken_over", "sent"
    END_REASONS = [(reason, reason) for reason in (RELEASED, STAFF_RELEASED, EXPIRED, TAKEN_OVER, SENT)]

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="claims")
    tutor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    claimed_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    # True while the claim holds, NULL once it ended. With the unique (proposal, held) constraint the
    # database itself refuses a second live claim (NULLs never collide, on SQLite and MariaDB alike).
    held = models.BooleanField(null=True, default=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    end_reason = models.CharField(max_length=20, choices=END_REASONS, blank=True, default="")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "held"], name="one_live_claim_per_proposal")]
        indexes = [models.Index(fields=["tutor", "held"], name="claim_tutor_held_idx")]
        ordering = ["claimed_at", "id"]


class TutorAssignment(models.Model):
    """The countries and cohorts a tutor looks after in a course: their proposals come first in the queue."""

    course_key = CourseKeyField(max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    countries = models.JSONField(default=list)   # ISO 3166-1 alpha-2 codes
    cohorts = models.JSONField(default=list)     # LMS cohort names

    class Meta:
        constraints = [models.UniqueConstraint(fields=["course_key", "user"], name="one_assignment_per_tutor")]


class QueueFacts(models.Model):
    """What the tutors' queue filters and searches on, copied from the latest version when it is submitted.

    Kept in columns (not read from the versions' JSON) so the queue stays a few indexed queries at 10,000 proposals.
    """

    proposal = models.OneToOneField(Proposal, on_delete=models.CASCADE, primary_key=True, related_name="queue_facts")
    # The proposal's (they never change): the filter menus read a course's or block's countries and areas from
    # the indexes below, a few entries per pair, not every proposal.
    course_key = CourseKeyField(max_length=255, null=True)
    block_key = UsageKeyField(max_length=255, null=True)
    title = models.CharField(max_length=300, blank=True, default="")
    country = models.CharField(max_length=2, blank=True, default="", db_index=True)
    thematic_area = models.CharField(max_length=100, blank=True, default="", db_index=True)
    cohort = models.CharField(max_length=100, blank=True, default="")
    search_text = models.TextField(blank=True, default="")   # lower-cased title, municipality, team usernames

    class Meta:
        indexes = [models.Index(fields=["course_key", "country", "thematic_area"], name="queue_course_facets"),
                   models.Index(fields=["course_key", "block_key", "country", "thematic_area"],
                                name="queue_block_facets")]


class QueueSearchTerm(models.Model):
    """One word of a proposal's queue search text, written with its queue facts.

    The queue finds proposals by word prefix through the (term, proposal) index, on MariaDB and SQLite alike,
    instead of reading every proposal's text with LIKE '%…%'.
    """

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="search_terms")
    term = models.CharField(max_length=64)

    class Meta:
        indexes = [models.Index(fields=["term", "proposal"], name="proposals_queue_term")]
        constraints = [models.UniqueConstraint(fields=["proposal", "term"], name="proposals_queue_term_once")]


class ReviewSheet(models.Model):
    """The rubric a review was scored on, as it was then, and the level chosen per criterion."""

    review = models.OneToOneField(Review, on_delete=models.CASCADE, primary_key=True, related_name="sheet")
    rubric = models.JSONField(default=list)
    levels = models.JSONField(default=dict)      # criterion id -> level id
