"""What a review needs before it can be sent, and what its rubric scores add up to. Pure functions.

A rubric is a list of criteria, each with levels: {"id", "label", "description", "levels": [{"id",
"label", "description", "points"}]}. A review picks one level per criterion (`levels`: criterion id ->
level id). Problems are codes per field; the block words them in the tutor's language.
"""
from . import rules

# Problem codes.
CHOOSE_DECISION = "choose_decision"
COMMENT_REQUIRED = "comment_required"
SCORE_EVERY_CRITERION = "score_every_criterion"
REASON_REQUIRED = "reason_required"
UNKNOWN_LEVEL = "unknown_level"


def level_problems(rubric, levels):
    """Levels that name no criterion or no level of it (a draft may leave criteria unscored)."""
    known = {criterion["id"]: {level["id"] for level in criterion["levels"]} for criterion in rubric}
    return sorted(criterion_id for criterion_id, level_id in (levels or {}).items()
                  if criterion_id not in known or level_id not in known[criterion_id])


def review_problems(decision, rubric, levels, overall_comment, section_comments, reason):
    """{field: code} of what stops this review from being sent; empty when it may go.

    Asking for a revision needs words the team can act on (an overall or a section comment); an
    approval needs every criterion scored (it becomes the grade); ineligibility needs its reason.
    """
    problems = {}
    if level_problems(rubric, levels):
        problems["rubric"] = UNKNOWN_LEVEL
    if decision not in rules.DECISIONS:
        problems["decision"] = CHOOSE_DECISION
    elif decision == rules.REVISION_REQUESTED:
        commented = any((text or "").strip() for text in (section_comments or {}).values())
        if not (overall_comment or "").strip() and not commented:
            problems["overall_comment"] = COMMENT_REQUIRED
    elif decision == rules.APPROVED:
        if any(criterion["id"] not in (levels or {}) for criterion in rubric):
            problems.setdefault("rubric", SCORE_EVERY_CRITERION)
    elif decision == rules.INELIGIBLE and not (reason or "").strip():
        problems["reason"] = REASON_REQUIRED
    return problems


def unscored(rubric, levels):
    """Ids of the criteria without a level yet, in rubric order."""
    return [criterion["id"] for criterion in rubric if criterion["id"] not in (levels or {})]


def points(rubric, levels):
    """(earned, possible): the chosen levels' points over the best level of every criterion."""
    earned = possible = 0
    for criterion in rubric:
        by_id = {level["id"]: level["points"] for level in criterion["levels"]}
        possible += max(by_id.values(), default=0)
        earned += by_id.get((levels or {}).get(criterion["id"]), 0)
    return earned, possible


def scores_by_criterion(rubric, levels):
    """criterion id -> points of the chosen level (what the Review row keeps as `rubric_scores`)."""
    found = {}
    for criterion in rubric:
        level_id = (levels or {}).get(criterion["id"])
        for level in criterion["levels"]:
            if level["id"] == level_id:
                found[criterion["id"]] = level["points"]
    return found
