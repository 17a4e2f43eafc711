"""The instrument in the three courses: a baseline in module 1, a short end-line in the final module, the same
codes in en, es and pt (that is what makes the answers add up), links to units that exist."""
from pathlib import Path

import pytest
from lxml import etree
from puentes_needs_assessment.content import all_questions, build_questionnaire
from puentes_needs_assessment.olx import read_questionnaire

from course_content import checks

COURSES = Path(__file__).resolve().parents[2] / "course_content"
LANGUAGES = ("en", "es", "pt")


def instrument(lang, unit):
    node = etree.parse(str(COURSES / lang / "vertical" / f"{unit}.xml")).getroot().find("puentes_needs_assessment")
    return build_questionnaire(read_questionnaire(node))


def shape(questionnaire):
    """Everything but the words: areas, codes, types, option values, levels, conditions, links."""
    return [(s["area"], [link["unit"] for link in s["links"]],
             [(q["code"], q["type"], q["required"], q["show_if"], q.get("analysis"),
               [o["value"] for o in q.get("options", [])], [lv["value"] for lv in q.get("levels", [])])
              for q in s["questions"]]) for s in questionnaire["sections"]]


@pytest.mark.parametrize("unit", ["m01_needs_unit", "m11_needs_endline_unit"])
def test_same_codes_in_the_three_courses(unit):
    shapes = {lang: shape(instrument(lang, unit)) for lang in LANGUAGES}
    assert shapes["es"] == shapes["en"] and shapes["pt"] == shapes["en"]
    words = {lang: instrument(lang, unit)["sections"][1]["title"] for lang in LANGUAGES}
    assert len(set(words.values())) == 3  # written in each language, not copied


def test_baseline_in_module_one_and_a_shorter_endline_in_the_final_module():
    baseline, endline = instrument("en", "m01_needs_unit"), instrument("en", "m11_needs_endline_unit")
    assert (baseline["wave"], endline["wave"]) == ("baseline", "endline")
    assert baseline["instrument"] == endline["instrument"] == "puentes-needs-2027"
    tree = [url_name for _tag, url_name, _depth in checks.block_tree(COURSES / "en")]
    assert tree.index("m01_needs_unit") < tree.index("m02_mobility") < tree.index("m11_needs_endline_unit")
    scales = {q["code"]: q for q in all_questions(baseline) if q["type"] == "scale"}
    repeated = [q for q in all_questions(endline) if q["type"] == "scale"]
    assert len(repeated) < len(all_questions(baseline)) and repeated
    for question in repeated:  # the same scale, so the change means something
        assert question["levels"] == scales[question["code"]]["levels"]
    assert any(q["analysis"] == "groups" for q in all_questions(baseline))
    assert {q["type"] for q in all_questions(baseline)} == {"scale", "single_choice", "multiple_choice", "number",
                                                            "text"}


def test_links_name_units_of_the_course():
    for lang in LANGUAGES:
        units = {url_name for tag, url_name, _depth in checks.block_tree(COURSES / lang) if tag == "vertical"}
        for unit in ("m01_needs_unit", "m11_needs_endline_unit"):
            for section in instrument(lang, unit)["sections"]:
                assert {link["unit"] for link in section["links"]} <= units, (lang, unit, section["area"])
