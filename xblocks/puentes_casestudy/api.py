"""The case-study answer log: the only module other code (the block) imports from this app."""
from opaque_keys.edx.keys import UsageKey

from .data import AnswerRecord
from .models import CaseStudyAnswer

EXPORT_CHUNK = 2000


def record_answer(course_key, usage_key, anonymous_id, question_id, attempt, answer, score):
    """Append one submission; returns its AnswerRecord."""
    row = CaseStudyAnswer.objects.create(course_key=course_key, usage_key=usage_key, anonymous_id=anonymous_id,
                                         question_id=question_id, attempt=attempt, answer=answer, score=score)
    return _record(row.anonymous_id, row.question_id, row.attempt, row.answer, row.score, row.submitted_at)


def answers_for_block(usage_key):
    """Every submission to one case, oldest first, streamed in chunks (one query per chunk)."""
    usage_key = UsageKey.from_string(str(usage_key))
    rows = CaseStudyAnswer.objects.filter(usage_key=usage_key).order_by("id").values_list(
        "anonymous_id", "question_id", "attempt", "answer", "score", "submitted_at")
    for row in rows.iterator(chunk_size=EXPORT_CHUNK):
        yield _record(*row)


def _record(anonymous_id, question_id, attempt, answer, score, submitted_at):
    return AnswerRecord(anonymous_id=anonymous_id, question_id=question_id, attempt=attempt, answer=answer,
                        score=score, submitted_at=submitted_at)
