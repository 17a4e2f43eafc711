"""The scoring grid: criteria with weights, a description of every level 0-5, and the weighted total.

An edition copies the default grid when it is created and may change weights and minimums before
scoring starts; the rules below work on whatever grid they are given.
"""
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from puentes_core import rulebook

LEVELS = range(0, 6)  # every criterion is scored 0 (absent) to 5 (excellent)
TOP_LEVEL = LEVELS[-1]


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str
    weight: int                 # share of the total, in points out of the grid's sum of weights
    levels: tuple               # six descriptions, level 0 first
    minimum: int | None = None  # an entry scored below this by the jury is not eligible for a prize


def _weight(code):
    """Weights are the rulebook's, so the jury scores what the rules pages of every course announce."""
    return rulebook.load().weight(code)


DEFAULT_CRITERIA = (
    Criterion("innovation", _("Innovation"), _weight("innovation"), (
        _("No new element: repeats what the municipality already does."),
        _("A minor variation on existing services, with no clear novelty."),
        _("Some new elements, but borrowed without adapting them to the local context."),
        _("A new approach for the municipality, adapted to its migrants and refugees."),
        _("A new approach for the region, well argued and adapted to local needs."),
        _("A genuinely new solution that others in the region could learn from."),
    )),
    Criterion("impact", _("Expected impact and measurability"), _weight("impact"), (
        _("No expected results are stated."),
        _("Results are vague and cannot be measured."),
        _("Some results are stated, with few or unclear indicators."),
        _("Clear results with indicators, but no baseline or targets."),
        _("Clear results with indicators, baselines and targets."),
        _("Ambitious, credible results with indicators, baselines, targets and a way to verify them."),
    )),
    Criterion("feasibility", _("Feasibility, work plan and budget realism"), _weight("feasibility"), (
        _("No work plan or budget."),
        _("A plan or budget exists but is unrealistic."),
        _("The plan is plausible but the budget or schedule has serious gaps."),
        _("A realistic plan and budget with some gaps."),
        _("A realistic plan, schedule and budget with responsibilities assigned."),
        _("A detailed, realistic plan and budget, with risks identified and mitigated."),
    )),
    Criterion("participation", _("Participation and co-design with migrants, refugees and the host community"),
              _weight("participation"), (
        _("The people concerned are not involved."),
        _("The people concerned are only informed."),
        _("The people concerned are consulted once."),
        _("Migrants, refugees and the host community are consulted during design and delivery."),
        _("Migrants, refugees and the host community take part in decisions."),
        _("The project is co-designed and co-managed with migrants, refugees and the host community."),
    )),
    Criterion("sustainability", _("Sustainability after the prize"), _weight("sustainability"), (
        _("The project ends when the prize money runs out."),
        _("Continuation is hoped for but not planned."),
        _("Some ideas for continuation, with no commitments."),
        _("A plan for continuation with a likely source of funding."),
        _("Continuation is committed in the municipal budget or by partners."),
        _("Continuation is committed and built into municipal policy."),
    )),
    Criterion("replicability", _("Replicability"), _weight("replicability"), (
        _("Only makes sense in this municipality."),
        _("Could be repeated elsewhere only with major changes."),
        _("Some parts could be repeated elsewhere."),
        _("Could be repeated in similar municipalities with modest changes."),
        _("Documented so that similar municipalities could repeat it."),
        _("Designed to be repeated, with materials and costs others can reuse."),
    )),
    Criterion("gender_diversity", _("Gender and diversity approach"), _weight("gender_diversity"), (
        _("Gender and diversity are not considered."),
        _("Gender and diversity are mentioned but not acted on."),
        _("Some activities consider gender or diversity."),
        _("Gender and diversity are considered in design and indicators."),
        _("Specific measures for women, children, LGBTIQ+ people and people with disabilities."),
        _("Gender and diversity shape the whole project, with data broken down to show it."),
    )),
)


class ScoreError(ValueError):
    """A score sheet that cannot be accepted; the message names the criterion."""

    def __init__(self, message, criterion=None):
        super().__init__(message)
        self.criterion = criterion


def check_grid(criteria):
    """Raise ScoreError unless the grid has unique codes, positive weights, six levels and sane minimums."""
    codes = [criterion.code for criterion in criteria]
    if not codes:
        raise ScoreError(_("The grid needs at least one criterion."))
    if len(set(codes)) != len(codes):
        raise ScoreError(_("Two criteria share the same code."))
    for criterion in criteria:
        if criterion.weight <= 0:
            raise ScoreError(_("Every criterion needs a weight above zero."), criterion.code)
        if len(criterion.levels) != len(LEVELS):
            raise ScoreError(_("Every criterion needs a description for each level from 0 to 5."), criterion.code)
        if criterion.minimum is not None and criterion.minimum not in LEVELS:
            raise ScoreError(_("A minimum must be a level from 0 to 5."), criterion.code)


def check_scores(scores, criteria, complete=True):
    """Raise ScoreError for an unknown criterion, a level outside 0-5 or (if complete) a missing one.

    Drafts are checked with complete=False: a juror may save half a sheet and come back.
    """
    known = {criterion.code for criterion in criteria}
    for code, level in scores.items():
        if code not in known:
            raise ScoreError(_("This criterion is not part of the grid."), code)
        if isinstance(level, bool) or not isinstance(level, int) or level not in LEVELS:
            raise ScoreError(_("Choose a whole number from 0 to 5."), code)
    if complete:
        for criterion in criteria:
            if scores.get(criterion.code) is None:
                raise ScoreError(_("Score every criterion before submitting."), criterion.code)


def weighted_total(scores, criteria):
    """The sheet's total out of 100: each level as a share of 5, weighted, over the sum of weights."""
    check_scores(scores, criteria)
    weights = sum(criterion.weight for criterion in criteria)
    points = sum(criterion.weight * scores[criterion.code] for criterion in criteria)
    return 100.0 * points / (TOP_LEVEL * weights)


def below_minimum(mean_levels, criteria):
    """Codes of the criteria whose jury mean is under the edition's minimum (entry not eligible)."""
    return [criterion.code for criterion in criteria
            if criterion.minimum is not None and mean_levels.get(criterion.code) is not None
            and mean_levels[criterion.code] < criterion.minimum]
