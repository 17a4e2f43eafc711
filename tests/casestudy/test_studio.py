"""Studio: the editor renders, saving checks the case with the OLX rules and names the form field on errors."""
import pytest

from tests.helpers import post_json

pytestmark = pytest.mark.django_db


def test_studio_view_renders_the_editor(load_block, case_id, staff):
    fragment = load_block.studio(case_id, staff).render("studio_view", {})
    html = fragment.body_html()
    assert "pcs-editor" in html and "PuentesCaseStudyEditor" in html
    assert "Right because health." in html  # the case travels to the editor in its init arguments


def test_saving_a_changed_case(load_block, case_id, staff):
    block = load_block.studio(case_id, staff)
    case = block.case()
    case["display_name"] = "Cúcuta, revised"
    case["questions"][0]["options"][1]["feedback"] = "Fear keeps people away from services."
    case["max_attempts"] = ""
    assert post_json(block, "studio_submit", case) == (200, {"result": "success"})
    saved = load_block.block(case_id, staff)
    assert saved.display_name == "Cúcuta, revised" and saved.max_attempts is None
    assert saved.questions[0]["options"][1]["feedback"] == "Fear keeps people away from services."


@pytest.mark.parametrize(("change", "field"), [
    (lambda c: c["questions"][0]["options"][1].update(text=""), "questions.0.options.1.text"),
    (lambda c: c["questions"][0]["options"][1].update(correct=True), "questions.0.options"),
    (lambda c: c["questions"][3].update(min_words="20", max_words="8"), "questions.3.min_words"),
    (lambda c: c["questions"][4]["decisions"][0]["options"][0].update(next="d8"),
     "questions.4.decisions.0.options.0.next"),
    (lambda c: c["questions"][4]["decisions"][2]["options"][0].update(next="d1"),
     "questions.4.decisions.2.options.0.next"),
    (lambda c: c["facts"][0].update(href="ftp://x"), "facts.0.href"),
    (lambda c: c.update(image={"src": "https://example.org/a.jpg", "alt": ""}), "image.alt"),
    (lambda c: c.update(weight="heavy"), "weight"),
    (lambda c: c["questions"][1].update(type="essay"), "questions.1.type"),
    (lambda c: c.update(questions="q1"), "questions"),
])
def test_bad_edits_get_400_naming_the_field(load_block, case_id, staff, change, field):
    block = load_block.studio(case_id, staff)
    case = block.case()
    change(case)
    status, body = post_json(block, "studio_submit", case)
    assert status == 400 and body["field"] == field, body
    assert load_block.block(case_id, staff).questions == block.questions  # nothing saved


def test_learners_cannot_edit(load_block, case_id, learner):
    block = load_block.studio(case_id, learner)
    assert post_json(block, "studio_submit", block.case())[0] == 403
