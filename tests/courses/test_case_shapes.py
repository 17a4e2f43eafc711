"""Branching that matters: the course's cases are not cut from one mould, and their points follow the severities.

Every ending of every decision path states how severe its consequences are (good, fair, poor, harmful), so
the block's structure check (branching.find_problem) refuses a case where a graver ending scores as much as
a milder one, or an ending has no debrief; these tests make sure the courses use it, and that the shapes
differ (routes apart for two decisions, early endings, recoveries).
"""
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from puentes_casestudy import branching
from puentes_casestudy.content import build_case
from puentes_casestudy.olx import read_case

COURSES = Path(__file__).resolve().parents[2] / "course_content"
LANGUAGES = ("en", "es", "pt")


def paths(language):
    found = {}
    for path in sorted((COURSES / language / "vertical").glob("m*_case_unit.xml")):
        node = etree.parse(str(path)).getroot().find(".//puentes_case_study")
        case = build_case(read_case(node))  # raises CaseError when a graver ending scores as much as a milder one
        found[path.stem[:3]] = next(q for q in case["questions"] if q["type"] == "decision_path")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_ending_states_its_severity_and_points_follow(language):
    for module, path in paths(language).items():
        walks = branching.complete_paths(path)
        for walk in walks:
            assert walk["severity"] in branching.SEVERITIES, (module, walk["ending"])
        severities = {walk["severity"] for walk in walks}
        assert "good" in severities and severities & {"poor", "harmful"}, module  # every case can end well and badly
        assert branching.find_problem(path) is None
        # the gravest path scores below every good one, and each severity below every milder one
        by_rank = sorted(walks, key=lambda walk: branching.RANK[walk["severity"]])
        for graver, milder in zip(by_rank, by_rank[1:], strict=False):
            if graver["severity"] != milder["severity"]:
                assert max(w["total"] for w in walks if w["severity"] == graver["severity"]) < \
                    min(w["total"] for w in walks if w["severity"] == milder["severity"]), (module, graver["ending"])


def test_harm_is_told_apart_from_a_delay():
    """Endings that put people at risk (a sick child turned away, families without shelter) are marked
    harmful in every language, and a harmful ending in the course never scores as much as a poor one."""
    for language in LANGUAGES:
        harmful = [module for module, path in paths(language).items()
                   if any(w["severity"] == "harmful" for w in branching.complete_paths(path))]
        assert len(harmful) >= 4, (language, harmful)


def test_the_severity_check_sees_harm_outscoring_a_delay():
    """The check above is not empty: a harmful ending given the points of a good one is refused."""
    path = paths("en")["m02"]
    harmful = next(o for d in path["decisions"] for o in d["options"] if o.get("severity") == "harmful")
    broken = {**path, "decisions": [{**d, "options": [{**o, "points": 9} if o is harmful else o for o in d["options"]]}
                                    for d in path["decisions"]]}
    assert branching.find_problem(broken)[0] == "worse_outscores_better"


MOST_IN_ONE_SHAPE = 2  # of a language's eleven cases, at most two tell their story in the same shape


def mould_findings(cases):
    """Why a language's cases look cut from one mould, as sentences; [] when their shapes vary.

    Two cases share a shape when their routes have the same form (branching.route_form: options, depths,
    rejoins and where they end well) or the same measures (branching.shape: decisions, endings, depths,
    routes apart, early endings, ways back).
    """
    found = []
    for name, signature in (("route form", branching.route_form),
                            ("measures", lambda path: tuple(sorted(branching.shape(path).items())))):
        groups = Counter(signature(path) for path in cases.values())
        same, count = groups.most_common(1)[0]
        if count > MOST_IN_ONE_SHAPE:
            modules = [module for module, path in cases.items() if signature(path) == same]
            found.append(f"{count} cases share one {name}: {', '.join(modules)}")
    shapes = [branching.shape(path) for path in cases.values()]
    if not any(shape["apart"] >= 2 for shape in shapes):
        found.append("no case keeps two routes apart for two decisions or more")
    if not any(shape["early_endings"] for shape in shapes):
        found.append("no case has a path that ends early")
    if not any(shape["recoveries"] for shape in shapes):
        found.append("no case lets a poor start still end well")
    if len({shape["longest"] for shape in shapes}) < 2:
        found.append("every case is as deep as the others")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cases_are_not_cut_from_one_mould(language):
    assert mould_findings(paths(language)) == []


def ways_back(path):
    """Routes that make a poor choice (a 0-point step) and still end well, or, after a harmful step, fair."""
    measures = branching.shape(path)
    return measures["recoveries"] + measures["repairs"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_case_has_a_way_back(language):
    """No case punishes a first mistake for good: each has a route from a poor choice to a good ending, or,
    where the choice did harm, to a fair one. Most cases (a majority) also let a poor, not harmful, start end well."""
    cases = paths(language)
    assert [module for module, path in cases.items() if not ways_back(path)] == []
    assert sum(1 for path in cases.values() if branching.shape(path)["recoveries"]) > len(cases) / 2, language


def test_the_three_languages_keep_each_others_ways_back():
    """Where a module's case lets a poor start end well in one language, it does in the other two."""
    ways = {language: {module: ways_back(path) for module, path in paths(language).items()} for language in LANGUAGES}
    for module in ways["en"]:
        assert all(ways[language][module] for language in LANGUAGES), module


@pytest.mark.parametrize("language", LANGUAGES)
def test_harm_done_is_not_undone_in_the_courses(language):
    """A route through a step marked harmful ends fair at best (the block refuses more; this makes sure the
    courses mark the harm they tell: a child turned away, children kept from school, a survivor left alone)."""
    marked = [module for module, path in paths(language).items()
              if any(o.get("severity") == "harmful" and o.get("next") for d in path["decisions"] for o in d["options"])]
    assert marked, language
    for module, path in paths(language).items():
        for walk in branching.complete_paths(path):
            if walk["harmed"]:
                assert walk["severity"] != "good", (module, walk["ending"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_ending_is_debriefed(language):
    """Learners read a debrief of their whole path where it ends, early endings included."""
    for module, path in paths(language).items():
        for decision in path["decisions"]:
            for option in decision["options"]:
                if not option.get("next"):
                    assert option.get("debrief"), (module, decision["id"], option["id"])


def test_the_shape_check_sees_a_mould():
    """The check above is real: eleven copies of one case fail it, and so do three cases of one shape among others."""
    cases = paths("en")
    assert mould_findings({f"m{n:02}": cases["m03"] for n in range(1, 12)})
    three_alike = {**cases, "m01": cases["m03"], "m02": cases["m03"]}
    assert any("cases share one route form: m01, m02, m03" in line for line in mould_findings(three_alike))
    flat = {"start": "d1", "decisions": [
        {"id": "d1", "options": [{"id": "a", "next": "d2", "points": 1}, {"id": "b", "next": "d2", "points": 1}]},
        {"id": "d2", "options": [{"id": "a", "next": None, "points": 1, "severity": "good"},
                                 {"id": "b", "next": None, "points": 0, "severity": "poor"}]}]}
    assert {"no case keeps two routes apart for two decisions or more", "no case has a path that ends early",
            "no case lets a poor start still end well"} <= set(mould_findings({"m01": flat, "m02": flat}))


def test_route_forms_tell_a_rejoin_from_two_branches():
    """A route that rejoins after one decision and two routes that stay apart have different forms."""
    rejoin = {"start": "d1", "decisions": [
        {"id": "d1", "options": [{"id": "a", "next": "d2", "points": 1}, {"id": "b", "next": "d3", "points": 0}]},
        {"id": "d2", "options": [{"id": "a", "next": None, "points": 1, "severity": "good"}]},
        {"id": "d3", "options": [{"id": "a", "next": "d2", "points": 0}]}]}
    apart = {"start": "d1", "decisions": [
        {"id": "d1", "options": [{"id": "a", "next": "d2", "points": 1}, {"id": "b", "next": "d3", "points": 0}]},
        {"id": "d2", "options": [{"id": "a", "next": None, "points": 1, "severity": "good"}]},
        {"id": "d3", "options": [{"id": "a", "next": None, "points": 0, "severity": "poor"}]}]}
    assert branching.route_form(rejoin) == "(((G))(G))" and branching.route_form(apart) == "((G)(x))"
