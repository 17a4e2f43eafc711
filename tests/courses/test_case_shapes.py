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


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cases_are_not_cut_from_one_mould(language):
    shapes = {module: branching.shape(path) for module, path in paths(language).items()}
    signatures = Counter(tuple(sorted(shape.items())) for shape in shapes.values())
    assert len(signatures) >= 3, signatures
    assert signatures.most_common(1)[0][1] <= 0.4 * len(shapes), signatures.most_common(1)  # 4 of 11 at most
    assert any(shape["apart"] >= 2 for shape in shapes.values())      # routes that stay apart
    assert any(shape["early_endings"] for shape in shapes.values())   # paths that end early
    assert any(shape["recoveries"] for shape in shapes.values())      # a bad start that can still end well


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_ending_is_debriefed(language):
    """Learners read a debrief of their whole path where it ends, early endings included."""
    for module, path in paths(language).items():
        for decision in path["decisions"]:
            for option in decision["options"]:
                if not option.get("next"):
                    assert option.get("debrief"), (module, decision["id"], option["id"])


def test_the_shape_check_sees_a_mould():
    """Eleven copies of one shape fail the check above."""
    one = paths("en")["m03"]
    signatures = Counter(tuple(sorted(branching.shape(one).items())) for _ in range(11))
    assert len(signatures) == 1 and signatures.most_common(1)[0][1] > 0.4 * 11
