"""The scoring rules, each on its own: credit per question type, partial credit, attempts."""
import pytest

from puentes_casestudy import scoring

SINGLE = {"options": [{"id": "a", "correct": True}, {"id": "b", "correct": False}]}
MULTIPLE = {"options": [{"id": "a", "correct": True}, {"id": "b", "correct": True}, {"id": "c", "correct": True},
                        {"id": "d", "correct": False}]}
RANKING = {"items": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}]}
REFLECTION = {"min_words": 3, "max_words": 6}


def test_single_choice_is_all_or_nothing():
    assert scoring.single_choice_credit(SINGLE, "a") == 1.0
    assert scoring.single_choice_credit(SINGLE, "b") == 0.0
    assert scoring.single_choice_credit(SINGLE, "zz") == 0.0


@pytest.mark.parametrize(("chosen", "credit"), [
    (["a", "b", "c"], 1.0),
    (["a", "b"], 2 / 3),
    (["a", "b", "c", "d"], 2 / 3),  # ticking every box costs the wrong one
    (["a", "d"], 0.0),
    (["d"], 0.0),  # never below zero
])
def test_multiple_choice_is_right_minus_wrong(chosen, credit):
    assert scoring.multiple_choice_credit(MULTIPLE, chosen) == pytest.approx(credit)


@pytest.mark.parametrize(("order", "credit"), [
    (["a", "b", "c", "d"], 1.0),
    (["b", "a", "c", "d"], 5 / 6),  # one neighbour swap costs one pair of six
    (["d", "c", "b", "a"], 0.0),
    (["b", "c", "d", "a"], 3 / 6),  # the first item moved to the end loses its three pairs only
])
def test_ranking_gives_pairwise_order_credit(order, credit):
    assert scoring.ranking_credit(RANKING, order) == pytest.approx(credit)


def test_reflection_credit_is_the_share_of_the_rubric_met_never_the_word_count():
    rubric = {**REFLECTION, "criteria": [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}, {"id": "c", "text": "z"}]}
    assert scoring.self_assessment_credit(rubric, []) == 0.0
    assert scoring.self_assessment_credit(rubric, ["a", "c"]) == pytest.approx(2 / 3)
    assert scoring.self_assessment_credit(rubric, ["a", "b", "c"]) == 1.0
    assert scoring.self_assessment_credit({**REFLECTION, "criteria": []}, []) == 0.0
    assert scoring.word_limit_problem(REFLECTION, "one two") == ("too_short", 2)
    assert scoring.word_limit_problem(REFLECTION, "a b c d e f g") == ("too_long", 7)
    assert scoring.word_limit_problem({"min_words": 0, "max_words": 0}, "") is None


def test_points_are_rounded_for_people():
    assert scoring.points_earned(2, 2 / 3) == 1.33


@pytest.mark.parametrize(("used", "limit", "allowed", "left"), [
    (0, None, True, None), (7, 0, True, None), (0, 2, True, 2), (1, 2, True, 1), (2, 2, False, 0), (3, 2, False, 0)])
def test_attempts(used, limit, allowed, left):
    assert scoring.may_submit(used, limit) is allowed
    assert scoring.attempts_left(used, limit) == left


def test_case_score_and_completion():
    questions = [{"id": "q1", "type": "single_choice", "points": 1}, {"id": "q2", "type": "ranking", "points": 2},
                 {"id": "q3", "type": "decision_path"}]
    answers = {"q1": {"score": 1.0, "submitted_at": "x"}, "q2": {"score": 1.33, "submitted_at": "x"},
               "q3": {"steps": [{"decision": "d1", "option": "a"}]}}  # a path in progress is not a submission
    assert scoring.case_score(questions, answers, lambda q: 5) == (2.33, 8)
    assert scoring.completion(questions, answers) == pytest.approx(2 / 3)
    answers["q3"].update(score=5, submitted_at="x")
    assert scoring.completion(questions, answers) == 1.0
    assert scoring.completion([], {}) == 1.0
