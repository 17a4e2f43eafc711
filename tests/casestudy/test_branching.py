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


def graded(**overrides):
    """path() with severities and debriefs: d2.a good (5), d2.b fair (3), d3.a poor (1)."""
    graph = path(**overrides)
    severities = {("d2", "a"): "good", ("d2", "b"): "fair", ("d3", "a"): "poor"}
    for decision in graph["decisions"]:
        for option in decision["options"]:
            option.setdefault("severity", severities.get((decision["id"], option["id"])))
            if not option.get("next"):
                option.setdefault("debrief", "What the whole path did.")
    return graph


def test_points_that_follow_the_severities_pass():
    assert branching.find_problem(graded()) is None
    # a harmful ending (0) below a poor one (2) below a good one (5)
    assert branching.find_problem(graded(d2=[{"id": "a", "next": None, "points": 3, "severity": "good"},
                                             {"id": "b", "next": None, "points": 0, "severity": "poor"}],
                                         d3=[{"id": "a", "next": None, "points": 0, "severity": "harmful"}])) is None


@pytest.mark.parametrize(("broken", "problem"), [
    # turning people away (poor) scores 4, more than a good path with a weak ending would allow
    ({"d3": [{"id": "a", "next": None, "points": 4, "severity": "poor"}]}, ("worse_outscores_better", "d3", "a")),
    ({"d2": [{"id": "a", "next": None, "points": 3, "severity": "good"},
             {"id": "b", "next": None, "points": 1, "severity": "fair"}],
      "d3": [{"id": "a", "next": None, "points": 5, "severity": "fair"}]}, ("worse_outscores_better", "d3", "a")),
    # among poor endings: a sick child turned away (harmful, 2) may not score as much as a delayed service (poor, 2)
    ({"d2": [{"id": "a", "next": None, "points": 3, "severity": "good"},
             {"id": "b", "next": None, "points": 0, "severity": "poor"}],
      "d3": [{"id": "a", "next": None, "points": 2, "severity": "harmful"}]}, ("worse_outscores_better", "d3", "a")),
    ({"d3": [{"id": "a", "next": None, "points": 1, "severity": ""}]}, ("no_severity", "d3", "a")),
    ({"d3": [{"id": "a", "next": None, "points": 1, "severity": "poor", "debrief": ""}]}, ("no_debrief", "d3", "a")),
    ({"d1": [{"id": "a", "next": "d2", "points": 2, "severity": "good"},
             {"id": "b", "next": "d3", "points": 0}]}, ("severity_on_step", "d1", "a")),
])
def test_a_graver_ending_that_scores_as_much_is_rejected(broken, problem):
    assert branching.find_problem(graded(**broken)) == problem


def harm_rejoins(ending="good", points=3):
    """A child turned away at d1 (a harmful step), the rule withdrawn at d3, and the route rejoining d2,
    whose first ending is `ending`."""
    return graded(d1=[{"id": "a", "next": "d2", "points": 2},
                      {"id": "b", "next": "d3", "points": 0, "severity": "harmful"}],
                  d2=[{"id": "a", "next": None, "points": points, "severity": ending},
                      {"id": "b", "next": None, "points": 0, "severity": "poor"}],
                  d3=[{"id": "a", "next": "d2", "points": 1, "severity": None},
                      {"id": "b", "next": None, "points": 0, "severity": "harmful"}])


def test_harm_done_is_not_undone_by_a_good_ending():
    """A route through a harmful step may end fair at best: the rejoined good ending is refused, named."""
    assert branching.find_problem(harm_rejoins()) == ("better_after_harm", "d2", "a")
    # without the harmful step the same route is a way back that ends well
    unmarked = harm_rejoins()
    del unmarked["decisions"][0]["options"][1]["severity"]
    assert branching.find_problem(unmarked) is None
    # the good route's ending, once fair, is fair for everyone; an ending of the harmed route's own passes
    assert branching.find_problem(harm_rejoins(ending="fair")) is None
    own = graded(d1=[{"id": "a", "next": "d2", "points": 2},
                     {"id": "b", "next": "d3", "points": 0, "severity": "harmful"}],
                 d3=[{"id": "a", "next": None, "points": 2, "severity": "fair"},
                     {"id": "b", "next": None, "points": 0, "severity": "harmful"}])
    assert branching.find_problem(own) is None
    assert [w["harmed"] for w in branching.complete_paths(own)] == [False, False, True, True]
    assert branching.shape(own)["repairs"] == 1  # a way back, even if it ends only fair
    assert branching.shape(own)["recoveries"] == 0


def test_a_step_states_no_severity_but_harm():
    graph = harm_rejoins(ending="fair")
    graph["decisions"][0]["options"][1]["severity"] = "poor"
    assert branching.find_problem(graph) == ("severity_on_step", "d1", "b")


def test_harm_then_good_is_refused_on_import_naming_the_ending():
    from lxml import etree

    from puentes_casestudy.content import CaseError, build_case
    from puentes_casestudy.olx import read_case

    from .conftest import CASE
    # the police route (d1 b) vaccinates and then rejoins the shelter route's good ending
    xml = (CASE.replace('points="3">Meet', 'points="3" severity="good">Meet<debrief>Met.</debrief>')
           .replace('points="1">Vaccinate', 'next="d2" points="1">Vaccinate'))
    build_case(read_case(etree.fromstring(xml)))  # sound while the police step is not marked harmful
    with pytest.raises(CaseError) as error:
        build_case(read_case(etree.fromstring(xml.replace('next="d3" points="0"',
                                                          'next="d3" points="0" severity="harmful"'))))
    assert error.value.field == "severity" and "harm done is not undone" in error.value.message


def test_a_case_need_not_use_every_severity():
    """Severities are a scale, not a count: a case need not use all four."""
    graph = graded(d3=[{"id": "a", "next": None, "points": 0, "severity": "harmful"}])
    assert branching.find_problem(graph) is None
    assert {w["severity"] for w in branching.complete_paths(graph)} == {"good", "fair", "harmful"}


def test_severity_problems_name_the_field_in_olx():
    from lxml import etree

    from puentes_casestudy.content import CaseError, build_case
    from puentes_casestudy.olx import read_case

    from .conftest import CASE
    xml = (CASE.replace('points="3">Meet', 'points="3" severity="good">Meet<debrief>Met.</debrief>')
           .replace('points="1">Vaccinate', 'points="5" severity="harmful">Vaccinate<debrief>Late.</debrief>'))
    with pytest.raises(CaseError) as error:
        build_case(read_case(etree.fromstring(xml)))
    assert error.value.field == "points" and '<decision id="d3"> > <option id="a">' in error.value.element
    with pytest.raises(CaseError) as error:
        build_case(read_case(etree.fromstring(xml.replace('severity="harmful"', 'severity="awful"'))))
    assert error.value.field == "severity"
    with pytest.raises(CaseError) as error:
        build_case(read_case(etree.fromstring(xml.replace("<debrief>Met.</debrief>", ""))))
    assert error.value.field == "debrief" and '<decision id="d2"> > <option id="a">' in error.value.element


def test_a_case_written_with_outcomes_reads_them_as_severities():
    """Cases exported before severities (outcome="good|mixed|poor") still import, and export with severities."""
    from lxml import etree

    from puentes_casestudy.content import build_case
    from puentes_casestudy.olx import read_case, write_case

    from .conftest import CASE
    xml = (CASE.replace('points="3">Meet', 'points="3" outcome="good">Meet<debrief>Met.</debrief>')
           .replace('points="1">Vaccinate', 'points="1" outcome="poor">Vaccinate<debrief>Late.</debrief>'))
    case = build_case(read_case(etree.fromstring(xml)))
    endings = {(d["id"], o["id"]): o.get("severity") for d in case["questions"][-1]["decisions"]
               for o in d["options"] if not o["next"]}
    assert endings[("d2", "a")] == "good" and endings[("d3", "a")] == "poor"
    node = etree.Element("puentes_case_study")
    write_case(case, node)
    written = etree.tostring(node, encoding="unicode")
    assert 'severity="poor"' in written and "outcome=" not in written


def test_shape_tells_apart_long_divergence_early_endings_and_recoveries():
    rejoin = path()  # d1 splits into d2 and d3, which both end: apart for one decision
    assert branching.shape(rejoin)["apart"] == 1 and branching.shape(rejoin)["early_endings"] == 0
    long_apart = {"start": "d1", "decisions": [
        {"id": "d1", "options": [{"id": "a", "next": "d2", "points": 2}, {"id": "b", "next": "d4", "points": 0}]},
        {"id": "d2", "options": [{"id": "a", "next": "d3", "points": 2}, {"id": "b", "next": None, "points": 0,
                                                                         "severity": "poor"}]},
        {"id": "d3", "options": [{"id": "a", "next": None, "points": 2, "severity": "good"}]},
        {"id": "d4", "options": [{"id": "a", "next": "d5", "points": 1}]},
        {"id": "d5", "options": [{"id": "a", "next": None, "points": 3, "severity": "good"}]},
    ]}
    found = branching.shape(long_apart)
    assert found["apart"] == 2 and found["early_endings"] == 1 and found["recoveries"] == 1
    assert found["longest"] == 3 and found["shortest"] == 2 and found["endings"] == 3
