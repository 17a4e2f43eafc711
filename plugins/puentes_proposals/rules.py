"""The proposal's rules as small pure functions: its status machine, who may submit, edit, join, enter.

Each answers from plain values (no database, no request), so each is tested on its own. Reasons are
codes; the block turns them into sentences in the learner's language.
"""
from dataclasses import dataclass

DRAFT = "draft"
SUBMITTED = "submitted"
IN_REVIEW = "in_review"
REVISION_REQUESTED = "revision_requested"
RESUBMITTED = "resubmitted"
APPROVED = "approved"
ENTERED = "entered"
INELIGIBLE = "ineligible"

STATUSES = (DRAFT, SUBMITTED, IN_REVIEW, REVISION_REQUESTED, RESUBMITTED, APPROVED, ENTERED, INELIGIBLE)
# The learner's timeline, in order (ineligible ends it early).
TIMELINE = (DRAFT, SUBMITTED, IN_REVIEW, REVISION_REQUESTED, RESUBMITTED, APPROVED, ENTERED)

# Actions and the statuses they move between.
SUBMIT = "submit"
START_REVIEW = "start_review"
REQUEST_REVISION = "request_revision"
APPROVE = "approve"
MARK_INELIGIBLE = "mark_ineligible"
ENTER = "enter"
RELEASE_REVIEW = "release_review"  # a tutor's claim ran out before the review was sent

AWAITING_REVIEW = (SUBMITTED, RESUBMITTED, IN_REVIEW)
TRANSITIONS = {
    (DRAFT, SUBMIT): SUBMITTED,
    (REVISION_REQUESTED, SUBMIT): RESUBMITTED,
    (SUBMITTED, START_REVIEW): IN_REVIEW,
    (RESUBMITTED, START_REVIEW): IN_REVIEW,
    (IN_REVIEW, RELEASE_REVIEW): SUBMITTED,
    **{(status, REQUEST_REVISION): REVISION_REQUESTED for status in AWAITING_REVIEW},
    **{(status, APPROVE): APPROVED for status in AWAITING_REVIEW},
    **{(status, MARK_INELIGIBLE): INELIGIBLE for status in AWAITING_REVIEW},
    (APPROVED, ENTER): ENTERED,
}
# Review decisions and the action each one takes.
DECISIONS = {REVISION_REQUESTED: REQUEST_REVISION, APPROVED: APPROVE, INELIGIBLE: MARK_INELIGIBLE}


class TransitionError(ValueError):
    """The action is not possible from this status."""

    def __init__(self, status, action):
        super().__init__(f"cannot {action} a proposal that is {status}")
        self.status = status
        self.action = action


def next_status(status, action):
    """The status a proposal moves to when `action` happens, or TransitionError."""
    try:
        return TRANSITIONS[(status, action)]
    except KeyError:
        raise TransitionError(status, action) from None


def may_edit(status):
    """The team writes while the proposal is a draft or a revision was asked for; otherwise it is locked."""
    return status in (DRAFT, REVISION_REQUESTED)


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reason: str = ""  # a code: locked, past_due, no_versions_left, incomplete

    def __bool__(self):
        return self.allowed


def deadline(due, course_end):
    """The last moment to submit: the block's due date, never later than the course end."""
    limits = [moment for moment in (due, course_end) if moment is not None]
    return min(limits) if limits else None


def may_submit(status, versions_submitted, max_versions, now, last_moment, problems=()):
    """May the team submit its draft now as a new version?

    `max_versions` 0 means no limit; `problems` are what the section checks found (required
    sections empty, limits exceeded).
    """
    if not may_edit(status):
        return Verdict(False, "locked")
    if last_moment is not None and now > last_moment:
        return Verdict(False, "past_due")
    if max_versions and versions_submitted >= max_versions:
        return Verdict(False, "no_versions_left")
    if problems:
        return Verdict(False, "incomplete")
    return Verdict(True)


def may_resubmit(status, versions_submitted, max_versions, now, last_moment, problems=()):
    """A resubmission is a submission after a revision request; the same limits apply."""
    if status != REVISION_REQUESTED:
        return Verdict(False, "locked")
    return may_submit(status, versions_submitted, max_versions, now, last_moment, problems)


def may_join(members, max_members, already_in_a_team):
    """May one more person join a team of `members`?"""
    if already_in_a_team:
        return Verdict(False, "already_in_team")
    if max_members and members >= max_members:
        return Verdict(False, "team_full")
    return Verdict(True)


def may_change_team(status, versions_submitted):
    """People join, accept, leave or are invited only while nothing was submitted: a tutor reviews, and the
    gradebook scores, the team that submitted (M5: teams freeze once submitted for review)."""
    if status != DRAFT or versions_submitted:
        return Verdict(False, "team_frozen")
    return Verdict(True)


def may_invite(members, pending, max_members, invitee_is_member):
    """May a member invite one more person? Pending invitations count towards the team's size. Whether the
    invitee is in another team is theirs to settle when they answer (and not told to the inviter)."""
    if invitee_is_member:
        return Verdict(False, "already_member")
    if max_members and members + pending >= max_members:
        return Verdict(False, "team_full")
    return Verdict(True)


def may_attach(files, stored_bytes, size, max_files, max_total_bytes):
    """May a proposal that keeps `files` files of `stored_bytes` take one more of `size` bytes? (M4)"""
    if max_files and files >= max_files:
        return Verdict(False, "too_many_files")
    if max_total_bytes and stored_bytes + size > max_total_bytes:
        return Verdict(False, "quota_full")
    return Verdict(True)


def unreferenced(stored_ids, referenced_ids):
    """The stored files nothing refers to any more (neither the draft nor a submitted version): to delete."""
    return set(stored_ids) - set(referenced_ids)


def may_confirm_entry(status, eligible, consents):
    """After approval the team enters the competition by confirming eligibility and consenting."""
    if status != APPROVED:
        return Verdict(False, "not_approved")
    if not (eligible and consents):
        return Verdict(False, "needs_consent")
    return Verdict(True)


def may_read(in_course, is_course_staff, is_member, is_tutor):
    """Only people of the proposal's own course read it and its files: its team, the course's tutors,
    course staff. Staff or tutors of another course are strangers here."""
    return bool(in_course and (is_course_staff or is_member or is_tutor))


def has_conflict(is_member):
    """Nobody reviews or judges what they wrote: a member of the proposal's team is conflicted."""
    return bool(is_member)


def may_review(status):
    """A tutor can send a review of a version that is waiting for one or being reviewed."""
    return status in AWAITING_REVIEW


def is_stale(section_changed_at, base_revision):
    """A save is stale when someone changed the section after the revision the editor started from."""
    return section_changed_at > base_revision


# What still lies ahead on the timeline from each status (revision steps appear only once they happen).
STEPS_AHEAD = {
    DRAFT: (SUBMITTED, IN_REVIEW, APPROVED, ENTERED),
    SUBMITTED: (IN_REVIEW, APPROVED, ENTERED),
    IN_REVIEW: (APPROVED, ENTERED),
    REVISION_REQUESTED: (RESUBMITTED, IN_REVIEW, APPROVED, ENTERED),
    RESUBMITTED: (IN_REVIEW, APPROVED, ENTERED),
    APPROVED: (ENTERED,),
    ENTERED: (),
    INELIGIBLE: (),
}


def timeline(history):
    """The learner's timeline as (status, reached) pairs: what happened, oldest first, then what is ahead."""
    history = list(history) or [DRAFT]
    return [(status, True) for status in history] + [(status, False) for status in STEPS_AHEAD[history[-1]]]
