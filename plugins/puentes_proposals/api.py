"""The proposals app's public interface (OEP-49): the blocks and the awards app call these, nothing else.

Functions take ids and plain values and return records from data.py. Failures are ProposalError
subclasses (errors.py) with a `code` the caller turns into a sentence in the user's language. The
work lives in modules named for whom it serves: reading.py (records and who may read), team.py and
platform_team.py (teams formed here by consent; Open edX teams of a team-set),
drafting.py, submitting.py, reviews.py and tutoring.py (the tutor-review block), competition.py
(the awards app) and export.py (staff exports).
"""
from .answer_text import answer_text
from .competition import confirm_competition_entry, finished_proposals, get_snapshot, version_choices
from .drafting import add_attachment, add_upload_part, attachment_for_download, begin_upload, save_answers
from .errors import InvalidAnswer, NotAllowed, NotFound, ProposalError, StaleDraft
from .export import EXPORT_FIELDS, export_rows
from .platform_team import proposal_for_team, start_team_proposal, sync_team
from .reading import (
    budget_total,
    get_proposal,
    grant_tutor,
    history,
    is_member,
    is_tutor,
    may_read,
    proposal_for_member,
    proposal_id_for_member,
    sent_reviews,
    versions,
)
from .recording import ANSWER_LIMIT, ITEM_TYPE, record_versions, submission_answer
from .reviews import awaiting_review, record_review, send_review, start_review
from .submitting import submit, submit_proposal
from .team import (
    answer_invitation,
    invitations_for,
    invitations_sent,
    invite,
    join_with_code,
    leave,
    start_proposal,
    team_changes,
    withdraw_invitation,
)
from .tutoring import (
    assign_tutor,
    claim_proposal,
    course_tutors,
    current_claim,
    queue_facets,
    release_claim,
    review_draft,
    review_queue,
    review_sheets,
    reviews_csv,
    save_review_draft,
    send_rubric_review,
    tutor_assignment,
    tutor_workload,
)
from .uploads import PART_BYTES

__all__ = [
    "ANSWER_LIMIT", "PART_BYTES", "EXPORT_FIELDS", "ITEM_TYPE",
    "InvalidAnswer", "NotAllowed", "NotFound", "ProposalError", "StaleDraft",
    "add_attachment", "add_upload_part", "answer_invitation", "answer_text", "assign_tutor",
    "attachment_for_download", "awaiting_review", "begin_upload", "budget_total",
    "claim_proposal", "confirm_competition_entry", "course_tutors", "current_claim", "export_rows",
    "finished_proposals", "get_proposal", "get_snapshot", "grant_tutor", "history", "invitations_for",
    "invitations_sent", "invite", "is_member", "is_tutor", "join_with_code", "leave", "may_read",
    "proposal_for_member", "proposal_for_team", "proposal_id_for_member", "queue_facets", "record_review",
    "release_claim",
    "review_draft", "review_queue", "review_sheets", "reviews_csv", "save_answers", "save_review_draft",
    "send_review", "send_rubric_review", "sent_reviews", "start_proposal", "start_review", "start_team_proposal",
    "record_versions", "submission_answer", "sync_team", "version_choices",
    "submit", "submit_proposal", "team_changes", "tutor_assignment", "tutor_workload", "versions",
    "withdraw_invitation",
]
