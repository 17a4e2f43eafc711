"""Records that cross the app's boundary (OEP-49): plain, frozen, no model instances."""
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AnswerRecord:
    anonymous_id: str
    question_id: str
    attempt: int
    answer: object
    score: float
    submitted_at: datetime
