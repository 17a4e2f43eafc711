"""The review rubric: the default one (the competition's criteria) and the check of a rubric from Studio.

A rubric is a list of criteria {"id", "label", "description", "levels": [{"id", "label", "description",
"points"}]}. Pure functions; messages are translated by the caller's gettext.
"""
import re

from puentes_core.sanitize import typed_text


def _(text):
    """Mark a string for extraction; it is translated where it is shown (default_rubric, clean_rubric)."""
    return text


plain_text = typed_text   # course-authored text, kept as typed (the page escapes it, L3)




LEVELS = (  # (id, label, points) shared by the default criteria
    ("missing", _("Missing"), 0),
    ("emerging", _("Emerging"), 1),
    ("solid", _("Solid"), 2),
    ("excellent", _("Excellent"), 3),
)

# The competition's criteria (the jury scores the same ones), so the tutor's feedback prepares the team.
DEFAULT_CRITERIA = (
    ("innovation", _("Innovation"),
     _("How new the approach is for the municipality and the region."),
     (_("The proposal repeats what the municipality already does, with no new element."),
      _("One new element, not yet connected to the problem it should solve."),
      _("A new approach for the municipality, clearly tied to the problem."),
      _("A new approach for the region, tied to the problem and to evidence of why it should work."))),
    ("impact", _("Expected impact and measurability"),
     _("What changes for migrants, refugees and the host community, and how the team will know."),
     (_("No expected change is stated, or none can be measured."),
      _("Changes are stated but the indicators lack a baseline or a target."),
      _("Each main change has an indicator with a baseline, a target and a source."),
      _("Indicators cover every result, with baselines, targets, sources and a plan to follow them."))),
    ("feasibility", _("Feasibility and budget"),
     _("Whether the municipality can do it with the time, people and money in the proposal."),
     (_("No budget or timeline, or they cannot carry the activities."),
      _("A budget and timeline exist but leave out important costs or steps."),
      _("Budget and timeline match the activities; responsibilities are named."),
      _("A realistic budget and timeline with co-funding, risks and how to handle them."))),
    ("participation", _("Participation of migrants and the host community"),
     _("How migrants, refugees and neighbours take part in designing and running the project."),
     (_("The people concerned do not take part; they only receive services."),
      _("They are consulted once, without a role in decisions."),
      _("They take part in design and follow-up, through named spaces or organisations."),
      _("They share decisions throughout, and the host community is involved to prevent tension."))),
    ("sustainability", _("Sustainability"),
     _("What remains when the prize money is spent."),
     (_("The project ends with the funding."),
      _("Continuation is hoped for but not planned."),
      _("A plan for continuation: budget lines, partners or municipal rules."),
      _("Continuation is secured by commitments already made (budget, ordinance, agreements)."))),
    ("replicability", _("Replicability"),
     _("Whether another municipality could adapt it."),
     (_("It depends on conditions only this municipality has."),
      _("Parts could be reused, but nothing explains how."),
      _("The steps and conditions for reuse are described."),
      _("Tools, steps and lessons are documented for other municipalities to adapt."))),
    ("gender_diversity", _("Gender and diversity"),
     _("Attention to women, girls, LGBTIQ+ people, Indigenous and Afro-descendant migrants, and disability."),
     (_("The proposal does not consider differences among the people it serves."),
      _("Differences are mentioned but do not change the activities."),
      _("Activities and indicators are adapted to different groups."),
      _("A gender and diversity analysis shapes activities, budget and indicators."))),
)


def default_rubric(translate=str):
    """The default rubric in the language of `translate`."""
    return [{"id": criterion_id, "label": translate(label), "description": translate(description),
             "levels": [{"id": level_id, "label": translate(level_label), "description": translate(text),
                         "points": points}
                        for (level_id, level_label, points), text in zip(LEVELS, texts, strict=True)]}
            for criterion_id, label, description, texts in DEFAULT_CRITERIA]


class RubricError(ValueError):
    def __init__(self, message, field=""):
        super().__init__(message)
        self.message = message
        self.field = field   # e.g. "criteria.2.levels.1.points"


def _slug(text, taken):
    base = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:30] or "item"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}_{n}", n + 1
    taken.add(slug)
    return slug


def clean_rubric(criteria, _=str):  # `_`: the caller's gettext (and the extraction keyword)
    """A rubric from the Studio editor, checked; ids kept when given and made from labels when not."""
    if not isinstance(criteria, list) or not criteria:
        raise RubricError(_("The rubric needs at least one criterion."), "criteria")
    if len(criteria) > 20:
        raise RubricError(_("A rubric can have at most 20 criteria."), "criteria")
    cleaned, criterion_ids = [], set()
    for c_index, criterion in enumerate(criteria):
        where = f"criteria.{c_index}"
        if not isinstance(criterion, dict):
            raise RubricError(_("Criterion {number} cannot be read.").format(number=c_index + 1), where)
        label = plain_text(str(criterion.get("label") or ""))[:200]
        if not label:
            raise RubricError(_("Criterion {number} needs a name.").format(number=c_index + 1),
                              f"{where}.label")
        levels = criterion.get("levels")
        if not isinstance(levels, list) or len(levels) < 2:
            raise RubricError(_("Criterion \"{name}\" needs at least two levels.").format(name=label),
                              f"{where}.levels")
        given_id = str(criterion.get("id") or "")
        criterion_id = given_id if re.fullmatch(r"[a-z][a-z0-9_]{0,39}", given_id) and given_id not in criterion_ids \
            else None
        if criterion_id:
            criterion_ids.add(criterion_id)
        else:
            criterion_id = _slug(label, criterion_ids)
        level_ids, clean_levels = set(), []
        for l_index, level in enumerate(levels):
            lwhere = f"{where}.levels.{l_index}"
            if not isinstance(level, dict):
                raise RubricError(_("A level of \"{name}\" cannot be read.").format(name=label), lwhere)
            level_label = plain_text(str(level.get("label") or ""))[:100]
            if not level_label:
                raise RubricError(_("Level {number} of \"{name}\" needs a name.").format(number=l_index + 1,
                                                                                       name=label), f"{lwhere}.label")
            description = plain_text(str(level.get("description") or ""))[:1000]
            if not description:
                raise RubricError(_("Level \"{level}\" of \"{name}\" needs a description of what earns it.").format(
                    level=level_label, name=label), f"{lwhere}.description")
            try:
                level_points = int(str(level.get("points")).strip())
            except (TypeError, ValueError):
                raise RubricError(_("Points of level \"{level}\" in \"{name}\" must be a whole number.").format(
                    level=level_label, name=label), f"{lwhere}.points") from None
            if not 0 <= level_points <= 100:
                raise RubricError(_("Points of level \"{level}\" in \"{name}\" must be between 0 and 100.").format(
                    level=level_label, name=label), f"{lwhere}.points")
            given = str(level.get("id") or "")
            level_id = given if re.fullmatch(r"[a-z][a-z0-9_]{0,39}", given) and given not in level_ids \
                else None
            if level_id:
                level_ids.add(level_id)
            else:
                level_id = _slug(level_label, level_ids)
            clean_levels.append({"id": level_id, "label": level_label, "description": description,
                                 "points": level_points})
        if len({level["points"] for level in clean_levels}) != len(clean_levels):
            raise RubricError(_("The levels of \"{name}\" need different points.").format(name=label),
                              f"{where}.levels")
        cleaned.append({"id": criterion_id, "label": label,
                        "description": plain_text(str(criterion.get("description") or ""))[:1000],
                        "levels": sorted(clean_levels, key=lambda level: level["points"])})
    return cleaned
