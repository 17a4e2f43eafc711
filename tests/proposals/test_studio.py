"""Studio: the structured editor renders, saving checks the template with the app's rules and names the
input at fault, learners are refused, the default template appears in the author's language, and the
template travels through OLX as readable children."""
import io
import json

import pytest
from django.utils import translation
from lxml import etree

from puentes_proposal import authoring, olx
from puentes_proposal.default_template import DEFAULT_SECTIONS
from puentes_proposals import sections
from tests.helpers import post_json

from .conftest import SMALL_TEMPLATE

pytestmark = pytest.mark.django_db

CHILDREN_XML = """<puentes_proposal url_name="m11_proposal" display_name="Propuesta" max_team_size="4" currency="MXN">
  <section id="title" type="short_text" required="true"><title>Título del proyecto</title></section>
  <section id="problem" type="long_text" required="true" min_words="10" max_words="300">
    <title>Problema y contexto</title>
    <help>¿Qué enfrentan las personas migrantes &amp; la comunidad de acogida?</help>
  </section>
  <section id="area" type="choice" required="false">
    <title>Área temática</title>
    <choice value="education">Educación</choice>
    <choice value="employment">Empleo e integración</choice>
  </section>
  <section id="budget" type="budget" required="true"><title>Presupuesto</title></section>
</puentes_proposal>"""


def init_args(fragment):
    """The init arguments the runtime wrote into the wrapper's json/xblock-args script."""
    node = etree.fromstring(fragment.body_html(), etree.HTMLParser()).find(".//script[@type='json/xblock-args']")
    return json.loads(node.text)


def editor_values(block):
    """What the editor's form sends back unchanged: its init arguments."""
    return init_args(block.render("studio_view", {}))["proposal"]


def export(block):
    out = io.BytesIO()
    block.runtime.export_to_xml(block, out)
    return out.getvalue().decode("utf-8").split("?>", 1)[-1].strip()  # without the XML declaration


# --- the editor and its save handler -----------------------------------------------------------

def test_studio_view_renders_the_structured_editor(block_as, studio_as):
    fragment = studio_as("diego").render("studio_view", {})
    assert "pp-editor" in fragment.body_html()
    assert "PuentesProposalEditor" in fragment.body_html()  # the wrapper's data-init
    scripts = "".join(resource.data for resource in fragment.resources if resource.kind == "text")
    assert "window.PuentesStudioForm" in scripts and "PuentesProposalEditor" in scripts
    assert [section["id"] for section in init_args(fragment)["proposal"]["sections"]] == \
        [section["id"] for section in SMALL_TEMPLATE]


def test_the_studio_script_is_not_sent_to_learners(block_as):
    scripts = "".join(resource.data for resource in block_as("ana").render("student_view", {}).resources
                      if resource.kind == "text")
    assert "PuentesStudioForm" not in scripts and "PuentesProposalEditor" not in scripts


def test_saving_adds_moves_and_removes_sections(block_as, studio_as):
    values = editor_values(studio_as("diego"))
    values["sections"].insert(0, {"id": "partners", "type": "long_text", "title": "Socios", "help": "Quién ayuda",
                                  "required": True, "min_words": "5", "max_words": ""})
    values["sections"].remove(next(s for s in values["sections"] if s["id"] == "indicators"))
    values.update(display_name="  Propuesta   municipal ", currency="brl", max_team_size="6", due="2026-11-30T18:00",
                  intro='<p>Escriban <b>juntos</b>.</p><script>alert(1)</script>')
    assert post_json(studio_as("diego"), "studio_submit", values) == (200, {"result": "success"})

    saved = block_as("diego")
    assert saved.display_name == "Propuesta municipal" and saved.currency == "BRL" and saved.max_team_size == 6
    assert saved.intro == "<p>Escriban <b>juntos</b>.</p>"
    assert saved.due.isoformat() == "2026-11-30T18:00:00+00:00"
    assert [s["id"] for s in saved.sections] == ["partners", "title", "problem", "area", "budget", "dates",
                                                 "documents"]
    assert saved.sections[0] == {"id": "partners", "type": "long_text", "title": "Socios", "help": "Quién ayuda",
                                 "required": True, "min_words": 5}
    html = block_as("ana").student_view().body_html()
    assert "Socios" in html and "Quién ayuda" in html


def test_an_empty_due_date_leaves_the_block_without_one(block_as, studio_as):
    values = editor_values(studio_as("diego"))
    values["due"] = "2026-06-30"
    assert post_json(studio_as("diego"), "studio_submit", values)[0] == 200
    assert block_as("diego").due.isoformat() == "2026-06-30T23:59:00+00:00"
    values["due"] = ""
    assert post_json(studio_as("diego"), "studio_submit", values)[0] == 200
    block = block_as("diego")
    assert block.due is None and not block.fields["due"].is_set_on(block)


@pytest.mark.parametrize(("change", "field"), [
    (lambda v: v["sections"][1].update(max_words="many"), "sections.1.max_words"),
    (lambda v: v["sections"][1].update(min_words="60", max_words="20"), "sections.1.max_words"),
    (lambda v: v["sections"][3].update(id="Budget plan"), "sections.3.id"),
    (lambda v: v["sections"][4].update(id="title"), "sections.4.id"),
    (lambda v: v["sections"][0].update(type="essay"), "sections.0.type"),
    (lambda v: v["sections"][5].update(title="  \t "), "sections.5.title"),
    (lambda v: v["sections"][2].update(choices=[]), "sections.2.choices"),
    (lambda v: v["sections"][2]["choices"][1].update(value="education"), "sections.2.choices.1.value"),
    (lambda v: v["sections"][2]["choices"][0].update(label=""), "sections.2.choices.0.label"),
    (lambda v: v.update(sections=[]), "sections"),
    (lambda v: v.update(sections="title,problem"), "sections"),
    (lambda v: v.update(display_name=" "), "display_name"),
    (lambda v: v.update(display_name="x" * 201), "display_name"),
    (lambda v: v.update(max_team_size="0"), "max_team_size"),
    (lambda v: v.update(max_versions="-1"), "max_versions"),
    (lambda v: v.update(points_possible="ten"), "points_possible"),
    (lambda v: v.update(points_possible=True), "points_possible"),
    (lambda v: v.update(currency="US$"), "currency"),
    (lambda v: v.update(due="30/06/2026"), "due"),
    (lambda v: v.update(intro="x" * 20_001), "intro"),
])
def test_bad_edits_get_400_naming_the_input_and_save_nothing(block_as, studio_as, change, field):
    before = block_as("diego")
    values = editor_values(before)
    change(values)
    status, body = post_json(studio_as("diego"), "studio_submit", values)
    assert status == 400 and body["field"] == field, body
    assert body["error"] and "Traceback" not in body["error"]
    after = block_as("diego")
    assert (after.sections, after.display_name, after.max_team_size, after.currency) == \
        (before.sections, before.display_name, before.max_team_size, before.currency)


def test_a_spanish_author_reads_the_error_in_spanish(block_as, studio_as):
    values = editor_values(studio_as("diego"))
    values["sections"][1].update(min_words="60", max_words="20")
    with translation.override("es-419"):
        status, body = post_json(studio_as("diego"), "studio_submit", values)
    assert status == 400 and body["error"] != "Section 2: the minimum is above the maximum."


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]"])
def test_a_malformed_request_gets_400(block_as, studio_as, raw):
    assert post_json(studio_as("diego"), "studio_submit", raw=raw)[0] == 400


def test_learners_cannot_save_the_template(block_as, studio_as):
    values = editor_values(studio_as("diego"))
    values["sections"] = values["sections"][:1]
    status, body = post_json(studio_as("ana"), "studio_submit", values)
    assert status == 403 and body["error"]
    assert len(block_as("diego").sections) == len(SMALL_TEMPLATE)


# --- the default template in the author's language -----------------------------------------------

@pytest.mark.parametrize(("language", "title"), [("es-419", "Título del proyecto"), ("pt-br", "Título do projeto")])
def test_an_unedited_template_shows_and_saves_the_translated_defaults(load_block, people, language, title):
    usage_id = load_block.parse('<puentes_proposal url_name="m11_proposal"/>')
    with translation.override(language):
        values = editor_values(load_block.studio(usage_id, people["diego"]))
        assert values["sections"][0]["title"] == title
        assert values["display_name"] != "Project proposal"
        assert post_json(load_block.studio(usage_id, people["diego"]), "studio_submit", values)[0] == 200
    saved = load_block.block(usage_id, people["diego"])
    assert saved.sections[0]["title"] == title  # stored as the author saw it, whatever language reads it later
    assert [s["id"] for s in saved.sections] == [s["id"] for s in DEFAULT_SECTIONS]


# --- OLX ------------------------------------------------------------------------------------------

def test_template_children_round_trip_through_olx(load_block, people):
    usage_id = load_block.parse(CHILDREN_XML)
    block = load_block.block(usage_id, people["diego"])
    assert block.sections[1] == {"id": "problem", "type": "long_text", "required": True, "min_words": 10,
                                 "max_words": 300, "title": "Problema y contexto",
                                 "help": "¿Qué enfrentan las personas migrantes & la comunidad de acogida?"}
    assert block.sections[2]["required"] is False
    exported = export(block)
    node = etree.fromstring(exported.encode())
    assert "sections" not in node.attrib and "[{" not in exported
    assert [s.get("id") for s in node.findall("section")] == ["title", "problem", "area", "budget"]
    assert node.find("section[@id='area']/choice[@value='employment']").text == "Empleo e integración"
    assert "\n  <section" in exported  # one element per line, indented: diffs stay readable
    again = load_block.block(load_block.parse(exported), people["diego"])
    assert again.sections == block.sections
    assert (again.display_name, again.max_team_size, again.currency) == ("Propuesta", 4, "MXN")


def test_a_studio_edit_exports_as_children(block_as, studio_as):
    values = editor_values(studio_as("diego"))
    values["sections"][0]["title"] = "Nombre del proyecto"
    assert post_json(studio_as("diego"), "studio_submit", values)[0] == 200
    node = etree.fromstring(export(block_as("diego")).encode())
    assert node.find("section[@id='title']/title").text == "Nombre del proyecto"
    assert "sections" not in node.attrib


def test_a_block_without_children_keeps_the_default_template(load_block, people):
    usage_id = load_block.parse('<puentes_proposal url_name="m11_proposal" display_name="Propuesta de proyecto"/>')
    block = load_block.block(usage_id, people["diego"])
    assert not block.fields["sections"].is_set_on(block)
    assert [s["id"] for s in block.template()] == [s["id"] for s in DEFAULT_SECTIONS]
    node = etree.fromstring(export(block).encode())
    assert node.findall("section") == [] and "sections" not in node.attrib
    with translation.override("es-419"):
        assert load_block.block(usage_id, people["ana"]).template()[0]["title"] == "Título del proyecto"


def test_a_bad_template_in_olx_names_the_section(load_block):
    bad = CHILDREN_XML.replace('min_words="10"', 'min_words="500"')
    with pytest.raises(ValueError, match=r"m11_proposal: sections\.1\.max_words"):
        load_block.parse(bad)


# --- the rules alone ------------------------------------------------------------------------------

def test_read_sections_gives_none_without_children_and_booleans_for_required():
    assert olx.read_sections(etree.fromstring("<puentes_proposal/>")) is None
    raw = olx.read_sections(etree.fromstring(CHILDREN_XML))
    assert [s["required"] for s in raw] == [True, True, False, True]
    assert raw[2]["choices"][0] == {"value": "education", "label": "Educación"}


def test_template_errors_carry_the_path_below_the_list():
    with pytest.raises(sections.AnswerError) as error:
        sections.clean_template([{"id": "a", "type": "short_text", "title": "A"},
                                 {"id": "b", "type": "long_text", "title": "B", "min_words": "x"}])
    assert error.value.field == "1.min_words"
    assert sections.clean_template([{"id": "a", "type": "short_text", "title": "A", "required": "false"}])[0][
        "required"] is False


def test_settings_rules():
    good = {"display_name": "P", "intro": "", "currency": "usd", "max_team_size": 1, "max_versions": "0",
            "points_possible": "1000", "due": ""}
    cleaned = authoring.clean_settings(good, str)
    assert (cleaned["currency"], cleaned["max_versions"], cleaned["points_possible"], cleaned["due"]) == \
        ("USD", 0, 1000, None)
    assert authoring.parse_due("2026-06-30T20:00-03:00", str).isoformat() == "2026-06-30T23:00:00+00:00"
    assert authoring.due_for_editor(authoring.parse_due("2026-06-30T20:00", str)) == "2026-06-30T20:00"
    with pytest.raises(authoring.AuthoringError) as error:
        authoring.clean_settings({**good, "points_possible": "1001"}, str)
    assert error.value.field == "points_possible" and "0 to 1000" in error.value.message
