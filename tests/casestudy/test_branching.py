"""Decision paths: structure checks, best path, steps, and two learners on different paths."""
import pytest

from puentes_casestudy import branching


def path(**overrides):
    decisions = {
        "d1": [{"id": "a", "next": "d2", "points": 2}, {"id": "b", "next": "d3", "points": 0}],
        "d2": [{"id": "a", "next": None, "points": 3}, {"id": "b", "next": None, "points": 1}],
        "d3": [{"id": "a", "next": None, "points": 1}],
    }
    decisions.update(overrides)
    return {"start": "d1", "decisions": [{"id": key, "options": options} for key, options in decisions.items()]}


def test_a_sound_path_has_no_problem():
    assert branching.find_problem(path()) is None


@pytest.mark.parametrize(("broken", "problem"), [
    ({"start": "d9"}, ("no_start", None, None)),
    ({"d3": []}, ("no_options", "d3", None)),
    ({"d3": [{"id": "a", "next": "d7", "points": 0}]}, ("bad_next", "d3", "a")),
    ({"d3": [{"id": "a", "next": "d1", "points": 0}]}, ("cycle", "d3", "a")),
    ({"d2": [{"id": "a", "next": "d2", "points": 0}]}, ("cycle", "d2", "a")),
    ({"d4": [{"id": "a", "next": None, "points": 0}]}, ("unreachable", "d4", None)),
])
def test_problems_are_named(broken, problem):
    start = broken.pop("start", None)
    graph = path(**broken)
    if start:
        graph["start"] = start
    assert branching.find_problem(graph) == problem


def test_best_total_and_route():
    assert branching.best_total(path()) == 5
    assert branching.best_route(path()) == [{"decision": "d1", "option": "a"}, {"decision": "d2", "option": "a"}]


def test_two_learners_take_different_paths():
    graph = path()
    ana = branching.take_step(graph, [], "a")
    bruno = branching.take_step(graph, [], "b")
    assert branching.current_decision(graph, ana)["id"] == "d2"
    assert branching.current_decision(graph, bruno)["id"] == "d3"
    ana = branching.take_step(graph, ana, "b")
    bruno = branching.take_step(graph, bruno, "a")
    assert branching.is_finished(graph, ana) and branching.is_finished(graph, bruno)
    assert branching.path_total(graph, ana) == 3 and branching.path_credit(graph, ana) == pytest.approx(0.6)
    assert branching.path_total(graph, bruno) == 1


def test_steps_cannot_skip_or_continue_after_the_end():
    graph = path()
    with pytest.raises(branching.StepError) as error:
        branching.take_step(graph, [], "zz")
    assert error.value.reason == "unknown_option"
    done = branching.take_step(graph, branching.take_step(graph, [], "b"), "a")
    with pytest.raises(branching.StepError) as error:
        branching.take_step(graph, done, "a")
    assert error.value.reason == "finished"


def test_stored_steps_are_checked_against_the_current_path():
    graph = path()
    assert branching.steps_are_valid(graph, [{"decision": "d1", "option": "a"}])
    assert not branching.steps_are_valid(graph, [{"decision": "d2", "option": "a"}])
    assert not branching.steps_are_valid(graph, [{"decision": "d1", "option": "zz"}])
    assert not branching.steps_are_valid(graph, [{"oops": 1}])
