"""The published tie-break order, applied to what the Schulze method leaves tied.

An edition publishes its order before scoring starts (issue 6), as a list of rule codes:
    "criterion:<code>"  higher mean final-round level on that criterion
    "budget"            lower total budget (a prize goes further)
    "submitted"         earlier submission of the approved proposal
    "screening"         higher adjusted screening-round score
Each rule only separates entries it can tell apart; the rest go on to the next rule. What no rule
separates stays tied, and the organisers see it as such.
"""
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from puentes_core import rulebook

DEFAULT_ORDER = rulebook.load().tie_break  # the order the rules pages of every course publish
RULE_LABELS = {
    "criterion": gettext_lazy("higher mean score on “{criterion}” in the final round"),
    "budget": gettext_lazy("lower total budget"),
    "submitted": gettext_lazy("earlier submission"),
    "screening": gettext_lazy("higher adjusted score in the screening round"),
}


@dataclass(frozen=True)
class TieBreakFacts:
    criterion_means: dict = field(default_factory=dict)  # {code: mean final-round level}
    budget: object = None                                # Decimal; None sorts last
    submitted_at: object = None                          # datetime; None sorts last
    screening_score: float | None = None


@dataclass(frozen=True)
class Decision:
    rule: str        # the code that separated them
    groups: tuple    # the tied entries, now in groups best first


@dataclass(frozen=True)
class TieBreakResult:
    tiers: tuple      # tuples of entries, best first; a tuple longer than one is still tied
    decisions: tuple  # Decision for every split a rule made, in the order made

    @property
    def order(self):
        return tuple(entry for tier in self.tiers for entry in tier)


def check_order(order, criteria_codes):
    """Raise ValueError with a message an organiser can act on for an unknown rule."""
    if len(set(order)) != len(order):
        raise ValueError(_("A tie-break rule appears twice."))
    for rule in order:
        kind, _sep, argument = rule.partition(":")
        if kind == "criterion" and argument in criteria_codes:
            continue
        if kind in ("budget", "submitted", "screening") and not argument:
            continue
        raise ValueError(_("“{rule}” is not a tie-break rule: use criterion:<code>, budget, submitted or "
                           "screening.").format(rule=rule))


def rule_key(rule, facts: TieBreakFacts):
    """A sort key, smaller is better, with unknown values last."""
    kind, _sep, argument = rule.partition(":")
    if kind == "criterion":
        value = facts.criterion_means.get(argument)
        return (1, 0) if value is None else (0, -round(value, 6))
    if kind == "budget":
        return (1, 0) if facts.budget is None else (0, facts.budget)
    if kind == "submitted":
        return (1, 0) if facts.submitted_at is None else (0, facts.submitted_at.timestamp())
    if kind == "screening":
        return (1, 0) if facts.screening_score is None else (0, -round(facts.screening_score, 6))
    raise ValueError(rule)


def break_ties(tiers, facts, order):
    """Apply `order` inside every tier with more than one entry. `facts`: {entry: TieBreakFacts}."""
    decisions = []
    result = []
    for tier in tiers:
        result.extend(_split(tuple(tier), facts, tuple(order), decisions))
    return TieBreakResult(tuple(result), tuple(decisions))


def _split(tied, facts, rules, decisions):
    if len(tied) < 2 or not rules:
        return [tied]
    rule, rest = rules[0], rules[1:]
    keyed = {}
    for entry in tied:
        keyed.setdefault(rule_key(rule, facts[entry]), []).append(entry)
    groups = [tuple(keyed[key]) for key in sorted(keyed)]
    if len(groups) > 1:
        decisions.append(Decision(rule, tuple(groups)))
    split = []
    for group in groups:
        split.extend(_split(group, facts, rest, decisions))
    return split
