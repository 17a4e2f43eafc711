"""The set-up rules alone: when criteria and settings lock, and how the organisers' forms are read."""
from datetime import UTC, datetime

import pytest

from puentes_awards.jury.setup import (
    CriterionRow,
    SetupError,
    as_criterion,
    criteria_lock_reason,
    read_criteria_form,
    read_settings_form,
    settings_lock_reason,
    tiebreak_rules,
)
from puentes_awards.scoring.criteria import DEFAULT_CRITERIA

DEFAULTS = {criterion.code: criterion for criterion in DEFAULT_CRITERIA}
CURRENT = [CriterionRow(c.code, c.weight, None, "", ()) for c in DEFAULT_CRITERIA]
ORDER = ("criterion:impact", "criterion:feasibility", "budget", "submitted")


def criteria_form(**changes):
    form = {f"weight-{row.code}": str(row.weight) for row in CURRENT}
    form.update(changes)
    return form


def test_criteria_lock_once_scoring_starts():
    assert criteria_lock_reason(False) is None
    assert "locked" in criteria_lock_reason(True)


def test_settings_lock_once_the_tiebreak_order_is_published():
    assert settings_lock_reason(None) is None
    assert "2027-03-04" in settings_lock_reason(datetime(2027, 3, 4, 10, tzinfo=UTC))


def test_unchanged_form_keeps_the_default_grid_with_its_translatable_texts():
    rows = read_criteria_form(criteria_form(), CURRENT, DEFAULTS, ORDER)
    assert rows == CURRENT
    assert as_criterion(rows[0], DEFAULTS) == DEFAULT_CRITERIA[0]


def test_weights_minimums_and_one_rewritten_level():
    form = criteria_form(**{"weight-innovation": "30", "minimum-feasibility": "2", "level-impact-3": "Indicators only"})
    rows = {row.code: row for row in read_criteria_form(form, CURRENT, DEFAULTS, ORDER)}
    assert rows["innovation"].weight == 30 and rows["feasibility"].minimum == 2
    impact = as_criterion(rows["impact"], DEFAULTS)
    assert impact.levels[3] == "Indicators only"
    assert impact.levels[2] == DEFAULTS["impact"].levels[2]   # the others keep the default wording


@pytest.mark.parametrize("field, value, words", [
    ("weight-innovation", "lots", "Innovation"), ("weight-innovation", "0", "weight"),
    ("weight-replicability", "101", "Replicability"), ("minimum-impact", "7", "minimum"),
])
def test_bad_numbers_name_the_criterion(field, value, words):
    with pytest.raises(SetupError) as refused:
        read_criteria_form(criteria_form(**{field: value}), CURRENT, DEFAULTS, ORDER)
    assert words in str(refused.value) and refused.value.field == field


def test_a_criterion_in_the_tiebreak_order_cannot_be_removed():
    with pytest.raises(SetupError, match="tie-break order"):
        read_criteria_form(criteria_form(**{"remove-impact": "1"}), CURRENT, DEFAULTS, ORDER)
    rows = read_criteria_form(criteria_form(**{"remove-gender_diversity": "1"}), CURRENT, DEFAULTS, ORDER)
    assert "gender_diversity" not in [row.code for row in rows]


def test_removing_everything_is_refused():
    form = criteria_form(**{f"remove-{row.code}": "1" for row in CURRENT})
    with pytest.raises(SetupError, match="at least one"):
        read_criteria_form(form, CURRENT, DEFAULTS, ())


def new_criterion(**changes):
    form = {"new-code": "digital_inclusion", "new-name": "Digital inclusion", "new-weight": "5",
            **{f"new-level-{level}": f"Level {level} text" for level in range(6)}}
    form.update(changes)
    return criteria_form(**form)


def test_a_new_criterion_needs_a_code_a_name_and_six_levels():
    rows = read_criteria_form(new_criterion(), CURRENT, DEFAULTS, ORDER)
    assert rows[-1] == CriterionRow("digital_inclusion", 5, None, "Digital inclusion",
                                    tuple(f"Level {level} text" for level in range(6)))
    for changes, words in [({"new-code": "Digital Inclusion"}, "lowercase"), ({"new-code": "impact"}, "already"),
                           ({"new-name": ""}, "needs a name"), ({"new-level-4": ""}, "each level"),
                           ({"new-weight": ""}, "weight")]:
        with pytest.raises(SetupError, match=words):
            read_criteria_form(new_criterion(**changes), CURRENT, DEFAULTS, ORDER)


def test_settings_form():
    form = {"jurors_per_entry": "2", "seed": "7", "show_municipality": "1", "conflict_same_country": "1",
            "tiebreak-1": "budget", "tiebreak-2": "", "tiebreak-3": "criterion:innovation"}
    choices = read_settings_form(form, DEFAULT_CRITERIA)
    assert (choices.jurors_per_entry, choices.seed, choices.show_municipality) == (2, 7, True)
    assert (choices.conflict_same_municipality, choices.conflict_same_country) == (False, True)
    assert choices.tiebreak_order == ("budget", "criterion:innovation")


@pytest.mark.parametrize("changes, words", [
    ({"jurors_per_entry": "three"}, "Jurors per entry"), ({"jurors_per_entry": "0"}, "Jurors per entry"),
    ({"seed": "-1"}, "seed"), ({"tiebreak-1": "coin toss"}, "from the list"),
    ({"tiebreak-1": "budget", "tiebreak-2": "budget"}, "twice"),
])
def test_bad_settings_are_refused(changes, words):
    form = {"jurors_per_entry": "3", "seed": "1", **changes}
    with pytest.raises(SetupError, match=words):
        read_settings_form(form, DEFAULT_CRITERIA)


def test_tiebreak_rules_follow_the_grid():
    codes = [code for code, _label in tiebreak_rules(DEFAULT_CRITERIA[:2])]
    assert codes == ["criterion:innovation", "criterion:impact", "screening", "budget", "submitted"]
