import pytest

from puentes_awards.scoring.criteria import (
    DEFAULT_CRITERIA,
    Criterion,
    ScoreError,
    below_minimum,
    check_grid,
    check_scores,
    weighted_total,
)


def full_sheet(level):
    return {criterion.code: level for criterion in DEFAULT_CRITERIA}


def test_default_grid_is_the_published_one():
    check_grid(DEFAULT_CRITERIA)
    assert [(c.code, c.weight) for c in DEFAULT_CRITERIA] == [
        ("innovation", 25), ("impact", 20), ("feasibility", 15), ("participation", 15),
        ("sustainability", 10), ("replicability", 10), ("gender_diversity", 5)]
    assert all(len(c.levels) == 6 for c in DEFAULT_CRITERIA)


def test_weighted_total_is_out_of_100():
    assert weighted_total(full_sheet(5), DEFAULT_CRITERIA) == 100
    assert weighted_total(full_sheet(0), DEFAULT_CRITERIA) == 0
    sheet = full_sheet(0) | {"innovation": 5}
    assert weighted_total(sheet, DEFAULT_CRITERIA) == pytest.approx(25)
    sheet = full_sheet(0) | {"gender_diversity": 3}
    assert weighted_total(sheet, DEFAULT_CRITERIA) == pytest.approx(3)


@pytest.mark.parametrize("sheet, criterion", [
    ({"innovation": 6}, "innovation"),
    ({"innovation": -1}, "innovation"),
    ({"innovation": 2.5}, "innovation"),
    ({"innovation": True}, "innovation"),
    ({"charisma": 3}, "charisma"),
])
def test_bad_levels_name_the_criterion(sheet, criterion):
    with pytest.raises(ScoreError) as error:
        check_scores(sheet, DEFAULT_CRITERIA, complete=False)
    assert error.value.criterion == criterion


def test_a_draft_may_be_partial_but_a_submission_may_not():
    check_scores({"innovation": 4}, DEFAULT_CRITERIA, complete=False)
    with pytest.raises(ScoreError) as error:
        check_scores({"innovation": 4}, DEFAULT_CRITERIA)
    assert error.value.criterion == "impact"


def test_minimums_flag_weak_criteria():
    grid = [Criterion("impact", "Impact", 50, tuple("012345"), minimum=3),
            Criterion("innovation", "Innovation", 50, tuple("012345"))]
    assert below_minimum({"impact": 2.67, "innovation": 1}, grid) == ["impact"]
    assert below_minimum({"impact": 3, "innovation": 0}, grid) == []


def test_grid_checks():
    with pytest.raises(ScoreError):
        check_grid([Criterion("a", "A", 0, tuple("012345"))])
    with pytest.raises(ScoreError):
        check_grid([Criterion("a", "A", 1, tuple("0123"))])
    with pytest.raises(ScoreError):
        check_grid([Criterion("a", "A", 1, tuple("012345")), Criterion("a", "B", 1, tuple("012345"))])
    with pytest.raises(ScoreError):
        check_grid([Criterion("a", "A", 1, tuple("012345"), minimum=7)])
