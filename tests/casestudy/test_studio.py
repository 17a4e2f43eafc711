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
    (lambda c: c["questions"][3].update(criteria=[]), "questions.3.criteria"),
    (lambda c: c["questions"][4]["decisions"][1]["options"][0].update(severity="great"),
     "questions.4.decisions.1.options.0.severity"),
    (lambda c: [c["questions"][4]["decisions"][1]["options"][0].update(severity="good", debrief="Met."),
                c["questions"][4]["decisions"][2]["options"][0].update(severity="harmful", points=5, debrief="Late.")],
     "questions.4.decisions.2.options.0.points"),  # turning away the measles case may not outscore the good path
    (lambda c: [c["questions"][4]["decisions"][1]["options"][0].update(severity="good", debrief="Met."),
                c["questions"][4]["decisions"][2]["options"][0].update(severity="poor")],
     "questions.4.decisions.2.options.0.debrief"),  # every ending is debriefed
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


def test_pins_severities_debriefs_and_a_rubric_save_from_the_editor(load_block, case_id, staff):
    block = load_block.studio(case_id, staff)
    case = block.case()
    case["questions"][0]["options"][1]["fixed"] = True
    case["questions"][3]["criteria"].append({"id": "c", "text": "Says who pays"})
    ending = case["questions"][4]["decisions"][1]["options"][0]
    ending.update(severity="good", debrief="Listening first kept the neighbours on side.")
    case["questions"][4]["decisions"][2]["options"][0].update(severity="fair", debrief="Late but contained.")
    assert post_json(block, "studio_submit", case) == (200, {"result": "success"})
    saved = load_block.block(case_id, staff)
    assert saved.questions[0]["options"][1]["fixed"] is True
    assert [c["id"] for c in saved.questions[3]["criteria"]] == ["a", "b", "c"]
    assert saved.questions[4]["decisions"][1]["options"][0]["debrief"] == "Listening first kept the neighbours on side."
    assert saved.questions[4]["decisions"][2]["options"][0]["severity"] == "fair"


def chain(count, severities=False):
    """A decision path of `count` decisions, each with two options that both lead to the next one."""
    decisions = []
    for number in range(1, count + 1):
        following = f"d{number + 1}" if number < count else None
        decisions.append({"id": f"d{number}", "situation": f"Situation {number}", "options": [
            {"id": option, "text": f"Option {option}", "next": following, "points": str(points),
             "consequence": "", "severity": ("good" if points else "poor") if severities and not following else "",
             "debrief": "" if following else "The whole path."} for option, points in (("a", 1), ("b", 0))]})
    return decisions


@pytest.mark.parametrize(("count", "severities", "words"), [(3000, False, "at most 100 decisions"),
                                                         (40, True, "more than 2000 different routes")])
def test_a_path_too_large_to_check_is_refused_with_a_message(load_block, case_id, staff, count, severities, words):
    """L1: a 3,000-decision case saved from Studio answered 500 (RecursionError); one whose routes double at
    every decision would take forever to check. Both get 400 naming the decisions, and nothing is saved."""
    block = load_block.studio(case_id, staff)
    case = block.case()
    question = next(q for q in case["questions"] if q.get("decisions"))
    question.update(start="d1", decisions=chain(count, severities))
    status, body = post_json(block, "studio_submit", case)
    assert status == 400 and words in body["error"] and body["field"].endswith(".decisions"), body
    assert load_block.block(case_id, staff).questions == block.questions


def test_a_case_stored_with_outcomes_keeps_them_as_severities(load_block, case_id, staff):
    """Questions stored before severities (outcome: good, mixed, poor) reach the editor and the export as
    severities, so a Studio save or an export does not drop how the endings end."""
    from lxml import etree
    block = load_block.studio(case_id, staff)
    questions = block.case()["questions"]
    path = questions[4]
    path["decisions"][1]["options"][0].update(outcome="good", debrief="Met.")
    path["decisions"][2]["options"][0].update(outcome="mixed", debrief="Late.")
    for decision in path["decisions"]:
        for option in decision["options"]:
            option.pop("severity", None)
    block.questions = questions
    endings = [o for d in block.case()["questions"][4]["decisions"] for o in d["options"] if not o["next"]]
    assert [o["severity"] for o in endings] == ["good", "fair"] and not any("outcome" in o for o in endings)
    node = etree.Element("puentes_case_study")
    block.add_xml_to_node(node)
    assert 'severity="fair"' in etree.tostring(node, encoding="unicode")
    assert post_json(block, "studio_submit", block.case()) == (200, {"result": "success"})
