"""Authoring: OLX in and out gives the same questionnaire; Studio's form saves it or names the field at fault."""
import pytest
from lxml import etree
from puentes_needs_assessment.content import QuestionnaireError, build_questionnaire
from puentes_needs_assessment.olx import read_questionnaire

from tests.helpers import post_json

from .conftest import SAMPLE

pytestmark = pytest.mark.django_db


def test_olx_round_trip_keeps_every_field(load_block, sample_id, staff):
    block = load_block.block(sample_id, staff)
    node = etree.Element("puentes_needs_assessment")
    block.add_xml_to_node(node)
    xml = etree.tostring(node, encoding="unicode")
    assert '<scale code="GOV_COORD" required="true">' in xml and 'show_if="HAS_OFFICE=yes"' in xml
    assert "{" not in xml  # readable children, never JSON
    again = build_questionnaire(read_questionnaire(etree.fromstring(xml)))
    assert again == block.questionnaire()


def broken(old, new):
    assert old in SAMPLE
    return SAMPLE.replace(old, new, 1)


@pytest.mark.parametrize(("xml", "path"), [
    (broken('code="GOV_COORD"', 'code="gov coord"'), "sections.1.questions.0.code"),
    (broken('code="GOV_COORD"', 'code="POPULATION"'), "sections.1.questions.0.code"),
    (broken('<level value="2" label="Occasional">', '<level value="3" label="Occasional">'),
     "sections.1.questions.0.levels.1.value"),
    (broken('label="Regular">A working group meets regularly, with named focal points.',
            'label="Regular">'), "sections.1.questions.0.levels.2.description"),
    (broken('show_if="HAS_OFFICE=yes"', 'show_if="GOV_COORD=yes"'), "sections.0.questions.2.show_if.question"),
    (broken('show_if="HAS_OFFICE=yes"', 'show_if="HAS_OFFICE=perhaps"'), "sections.0.questions.2.show_if.values"),
    (broken('show_if="HAS_OFFICE=yes"', 'show_if="HAS_OFFICE>2"'), "sections.0.questions.2.show_if.op"),
    (broken('min="0" max="30000000"', 'min="10" max="1"'), "sections.0.questions.0.min"),
    (broken('<option value="no">No</option>', '<option value="yes">No</option>'),
     "sections.0.questions.1.options.1.value"),
    (broken('area="governance"', 'area="Gobernanza"'), "sections.1.area"),
    (broken('<link unit="m09_reading_1_unit">', '<link unit="../etc">'), "sections.1.links.0.unit"),
    (broken('instrument="puentes-needs-sample"', 'instrument="X"'), "instrument"),
    (broken('wave="baseline"', 'wave="midline"'), "wave"),
    (broken('<multiple_choice code="GROUPS" analysis="groups">', '<single_choice code="GROUPS" analysis="groups">')
     .replace("</multiple_choice>", "</single_choice>"), "sections.0.questions.3.analysis"),
])
def test_bad_olx_names_the_field(xml, path):
    with pytest.raises(QuestionnaireError) as error:
        build_questionnaire(read_questionnaire(etree.fromstring(xml)))
    assert error.value.path == path


def test_import_refuses_a_bad_questionnaire_naming_it(load_block):
    with pytest.raises(ValueError, match="sections.1.questions.0.code"):
        load_block.parse(broken('code="GOV_COORD"', 'code="gov"'))


def test_studio_view_renders_the_editor(load_block, sample_id, staff):
    html = load_block.studio(sample_id, staff).render("studio_view", {}).body_html()
    assert "PuentesNeedsAssessmentEditor" in html and "pst-editor" in html


def test_studio_saves_the_edited_questionnaire_whatever_role_studio_reports(load_block, sample_id, make_user,
                                                                             course_key):
    # Studio's handler gives every author the role 'student' (PLATFORM-AUDIT.md finding 1,
    # cms/djangoapps/contentstore/views/component.py and common/djangoapps/xblock_django/user_service.py).
    author = make_user("studio_author", "staff", course_key)
    block = load_block.studio(sample_id, author)
    assert block.runtime.service(block, "user").get_current_user().opt_attrs["edx-platform.user_role"] == "student"
    values = block.studio_values()
    values["sections"][1]["questions"][0]["prompt"] = "¿Cómo coordina el municipio?"
    values["sections"][0]["questions"][2]["show_if"]["values"] = "yes"
    assert post_json(block, "studio_submit", values) == (200, {"result": "success"})
    saved = load_block.block(sample_id, author)
    assert saved.sections[1]["questions"][0]["prompt"] == "¿Cómo coordina el municipio?"
    learner = load_block.studio(sample_id, make_user("not_an_author", "student", course_key))
    assert post_json(learner, "studio_submit", values)[0] == 403
    assert saved.sections[0]["questions"][2]["show_if"] == {"question": "HAS_OFFICE", "op": "=", "values": ["yes"]}


@pytest.mark.parametrize(("change", "field"), [
    (lambda v: v["sections"][0]["questions"][0].update(code=""), "sections.0.questions.0.code"),
    (lambda v: v["sections"][1]["questions"][0].update(levels=v["sections"][1]["questions"][0]["levels"][:1]),
     "sections.1.questions.0.levels"),
    (lambda v: v["sections"][1]["questions"][0]["levels"][0].update(label=""), "sections.1.questions.0.levels.0.label"),
    (lambda v: v["sections"][0]["questions"][1]["options"][0].update(text=""), "sections.0.questions.1.options.0.text"),
    (lambda v: v.update(sections=[]), "sections"),
])
def test_bad_edits_get_400_naming_the_field_and_save_nothing(load_block, sample_id, staff, change, field):
    block = load_block.studio(sample_id, staff)
    values = block.studio_values()
    change(values)
    status, body = post_json(block, "studio_submit", values)
    assert status == 400 and body["field"] == field, body
    assert load_block.block(sample_id, staff).sections == block.sections
