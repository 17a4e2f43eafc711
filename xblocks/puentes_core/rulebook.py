"""The competition's rulebook (rulebook.toml): one source for the rules pages, the proposal form and the awards.

`load()` reads and checks it once; everything else reads the frozen record. Nothing here is
translated: the pages say the rules in each language's own words around these values.
"""
import datetime
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SOURCE = Path(__file__).with_name("rulebook.toml")


@dataclass(frozen=True)
class Criterion:
    code: str
    weight: int


@dataclass(frozen=True)
class Dates:
    course_opens: datetime.date
    call_opens: datetime.date
    first_version_advised: datetime.date
    submissions_close: datetime.datetime
    approvals_close: datetime.datetime
    results_by: datetime.date


@dataclass(frozen=True)
class Calendar:
    ends: datetime.datetime
    weeks_per_module: int
    weeks_to_complete: int


@dataclass(frozen=True)
class Rulebook:
    edition: str
    prizes: int
    currency: str
    eligibility: dict
    jurors_per_entry: int
    blind: bool
    tutors_may_sit: bool
    tie_break: tuple
    criteria: tuple
    dates: Dates
    sections: tuple
    calendar: Calendar

    def weight(self, code):
        return next(criterion.weight for criterion in self.criteria if criterion.code == code)

    def module_opens(self, number):
        return self.dates.course_opens + datetime.timedelta(weeks=(number - 1) * self.calendar.weeks_per_module)

    def module_due(self, number, modules=11):
        """When a module's graded work is due (23:59 UTC); the last module's when proposals close."""
        if number == modules:
            return self.dates.submissions_close
        day = self.module_opens(number) + datetime.timedelta(weeks=self.calendar.weeks_to_complete, days=-1)
        return datetime.datetime.combine(day, datetime.time(23, 59), tzinfo=datetime.UTC)


class RulebookError(ValueError):
    """The rulebook contradicts itself; the message says which rule."""


@cache
def load(source=SOURCE):
    raw = tomllib.loads(Path(source).read_text(encoding="utf-8"))
    jury = raw["jury"]
    book = Rulebook(
        edition=raw["edition"], prizes=raw["prizes"], currency=raw["currency"], eligibility=dict(raw["eligibility"]),
        jurors_per_entry=jury["jurors_per_entry"], blind=jury["blind"], tutors_may_sit=jury["tutors_may_sit"],
        tie_break=tuple(jury["tie_break"]), criteria=tuple(Criterion(c["code"], c["weight"]) for c in raw["criteria"]),
        dates=Dates(**raw["dates"]), sections=tuple(raw["proposal"]["sections"]), calendar=Calendar(**raw["course"]))
    check(book)
    return book


def check(book):
    """Raise RulebookError for weights that do not make 100, a tie-break on no criterion, or dates out of order."""
    if sum(criterion.weight for criterion in book.criteria) != 100:
        raise RulebookError("The criteria's weights must add up to 100.")
    codes = {criterion.code for criterion in book.criteria}
    for rule in book.tie_break:
        kind, _, code = rule.partition(":")
        if kind == "criterion" and code not in codes:
            raise RulebookError(f"The tie-break names {code!r}, which is not a criterion.")
    dates = book.dates
    moments = [dates.course_opens, dates.call_opens, dates.first_version_advised, dates.submissions_close.date(),
               dates.approvals_close.date(), dates.results_by]
    if moments != sorted(moments):
        raise RulebookError("The dates must follow each other: course, call, first version, submissions, "
                            "approvals, results.")
    if book.module_opens(11) != dates.call_opens:
        raise RulebookError("The call opens when the last module (11) opens.")
    if dates.approvals_close > book.calendar.ends:
        raise RulebookError("Tutors approve before the course ends.")
    if len(set(book.sections)) != len(book.sections):
        raise RulebookError("A proposal section is listed twice.")
