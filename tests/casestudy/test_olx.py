"""OLX: bad files name the element and field; export → import gives the same fields; every course case parses."""
from pathlib import Path

import pytest
from lxml import etree

from puentes_casestudy.block import CONTENT_FIELDS, SETTINGS_FIELDS
from puentes_casestudy.content import CaseError, build_case
from puentes_casestudy.olx import read_case

from .conftest import CASE

COURSE_DIR = Path(__file__).resolve().parents[2] / "course_content"


def broken(old, new):
    assert old in CASE
    return CASE.replace(old, new, 1)


@pytest.mark.parametrize(("xml", "element", "field"), [
    (broken('<single_choice id="q1" points="1">', '<single_choice points="1">'), "<single_choice", "id"),
    (broken('<option id="b">Police', '<option>Police'), '<option id="">', "id"),
    (broken('<option id="b">Police', '<option id="a">Police'), '<option id="a">', "id"),
    (broken('<item id="d">Report', '<item id="c">Report'), '<item id="c">', "id"),
    (broken('<option id="b">Police<feedback>', '<option id="b" correct="true">Police<feedback>'),
     '<single_choice id="q1">', "options"),
    (broken('<multiple_choice id="q2" points="3">', '<multiple_choice id="q1" points="3">'),
     '<question id="q1">', "id"),
    (broken('min_words="3" max_words="8"', 'min_words="30" max_words="8"'), '<reflection id="q4">', "min_words"),
    (broken('next="d3" points="0"', 'next="d9" points="0"'), '<decision id="d1"> > <option id="b">', "next"),
    (broken('<option id="a" points="1">Vaccinate', '<option id="a" next="d1" points="1">Vaccinate'),
     '<decision id="d3"> > <option id="a">', "next"),
    (broken('start="d1"', 'start="d7"'), '<decision_path id="q5">', "start"),
    (broken('points="3">Meet', 'points="lots">Meet'), '<option id="a">', "points"),
    (broken('href="https://www.migracioncolombia.gov.co/"', 'href="javascript:alert(1)"'), "<fact> #1", "href"),
    (broken("<context><p>A border town.</p></context>", ""), "<context>", "context"),
])
def test_bad_olx_names_element_and_field(xml, element, field):
    with pytest.raises(CaseError) as error:
        build_case(read_case(etree.fromstring(xml)))
    assert element in error.value.element
    assert error.value.field == field
    assert element in str(error.value) and field in str(error.value)


def test_bad_olx_fails_the_import(load_block):
    with pytest.raises(CaseError):
        load_block.parse(broken('start="d1"', 'start="d7"'))


def test_narrative_is_sanitised():
    case = build_case(read_case(etree.fromstring(broken(
        "<p>A border town.</p>", '<p onclick="x()">A border town.</p><script>alert(1)</script>'))))
    assert case["context"] == "<p>A border town.</p>"


def test_export_then_import_is_equal_field_by_field(load_block, case_id, course_key):
    block = load_block.block(case_id)
    node = etree.Element("unknown")
    block.add_xml_to_node(node)
    exported = etree.tostring(node, encoding="unicode", pretty_print=True)
    assert "{" not in exported  # readable children, not a JSON blob
    assert '<option id="a" next="d2" points="2">Shelter<consequence>Roof tonight.</consequence></option>' in exported
    node.set("url_name", "case_copy")
    copy = load_block.block(load_block.parse(etree.tostring(node, encoding="unicode")))
    for name in SETTINGS_FIELDS + CONTENT_FIELDS:
        assert getattr(copy, name) == getattr(block, name), name
    assert copy.weight == 2 and copy.max_attempts == 2 and copy.show_model_answers is True


@pytest.mark.parametrize("path", sorted(COURSE_DIR.glob("*/vertical/*case*.xml")),
                         ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_every_course_case_parses_and_round_trips(path):
    for node in etree.parse(str(path)).getroot().iter("puentes_case_study"):
        from puentes_casestudy.olx import write_case
        case = build_case(read_case(node))
        out = etree.Element("puentes_case_study")
        write_case(case, out)
        assert build_case(read_case(etree.fromstring(etree.tostring(out)))) == case
