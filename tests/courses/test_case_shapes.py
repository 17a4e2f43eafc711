"""Branching that matters: the course's cases are not cut from one mould, and their points follow the outcomes.

Every ending of every decision path says how it ends (good, mixed, poor), so the block's structure check
(branching.find_problem) refuses a case where a worse ending scores as much as a better one; these tests
make sure the courses use it, and that the shapes differ (routes apart for two decisions, early endings,
recoveries).
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
        case = build_case(read_case(node))  # raises CaseError when a worse ending outscores a better one
        found[path.stem[:3]] = next(q for q in case["questions"] if q["type"] == "decision_path")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_ending_says_how_it_ends_and_points_follow(language):
    for module, path in paths(language).items():
        for walk in branching.complete_paths(path):
            assert walk["outcome"] in branching.OUTCOMES, (module, walk["ending"])
        outcomes = {walk["outcome"] for walk in branching.complete_paths(path)}
        assert {"good", "poor"} <= outcomes, module  # every case can end well and badly
        assert branching.find_problem(path) is None


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
