"""The block's handlers through the real (demo, LMS-shaped) runtime: answers, 400s, grade and completion events,
attempts, resume, branching, and the staff CSV."""
import csv
import io
import json

import pytest

from puentes_casestudy.models import CaseStudyAnswer
from puentes_demo.models import PublishedEvent
from tests.helpers import get, post_json

pytestmark = pytest.mark.django_db


def events(kind):
    return list(PublishedEvent.objects.filter(event_type=kind).values_list("data", flat=True))


def test_single_choice_scores_and_shows_feedback(load_block, case_id, learner):
    block = load_block.block(case_id, learner)
    status, body = post_json(block, "submit_answer", {"question": "q1", "answer": "b"})
    assert status == 200
    assert body["earned"] == 0 and body["possible"] == 1
    assert "No, because fear." in body["html"] and "Right because health." not in body["html"]
    assert events("grade")[-1] == {"value": 0.0, "max_value": 13.0, "only_if_higher": None}
    assert events("completion")[-1] == {"completion": 0.2}


def test_partial_credit_and_the_grade_event(load_block, case_id, learner):
    block = load_block.block(case_id, learner)
    assert post_json(block, "submit_answer", {"question": "q2", "answer": ["a", "b", "d"]})[1]["earned"] == 1.0
    assert post_json(block, "submit_answer", {"question": "q3", "answer": ["b", "a", "c", "d"]})[1]["earned"] == 2.5
    assert events("grade")[-1]["value"] == 3.5
    assert block.max_score() == 13


def test_reflection_limits_and_model_answer(load_block, case_id, learner):
    block = load_block.block(case_id, learner)
    status, body = post_json(block, "submit_answer", {"question": "q4", "answer": "too short"})
    assert status == 400 and body["field"] == "answer" and "3" in body["error"] and "2" in body["error"]
    nine_words = "one two three four five six seven eight nine"
    status, body = post_json(block, "submit_answer", {"question": "q4", "answer": nine_words})
    assert status == 400 and "8" in body["error"]
    assert not CaseStudyAnswer.objects.exists()  # rejected answers use no attempt and leave no log
    status, body = post_json(block, "submit_answer", {"question": "q4", "answer": "  We would open the clinic late.  "})
    assert status == 200 and body["earned"] == 0  # words earn nothing; the rubric does
    assert "A strong answer names a service." in body["html"] and "Names a partner" in body["html"]


def test_reflection_scores_by_self_assessment_against_the_rubric(load_block, case_id, learner):
    block = load_block.block(case_id, learner)
    status, body = post_json(block, "self_assess", {"question": "q4", "met": ["a"]})
    assert status == 400 and body["field"] == "question"  # nothing submitted yet
    post_json(block, "submit_answer", {"question": "q4", "answer": "We would open the clinic late."})
    for bad in (["z"], "a", ["a", "a"]):
        status, body = post_json(block, "self_assess", {"question": "q4", "met": bad})
        assert status == 400 and body["field"] == "met"
    status, body = post_json(block, "self_assess", {"question": "q4", "met": ["a"]})
    assert status == 200 and body["earned"] == 0.5 and events("grade")[-1]["value"] == 0.5
    assert post_json(block, "self_assess", {"question": "q4", "met": ["a", "b"]})[1]["field"] == "met"  # once
    assert CaseStudyAnswer.objects.last().answer == {"text": "We would open the clinic late.", "met": ["a"]}
    post_json(block, "submit_answer", {"question": "q4", "answer": "We open the clinic and ask UNHCR."})
    assert block.answers["q4"]["score"] == 0 and "met" not in block.answers["q4"]  # a new text, a new assessment
    assert post_json(block, "self_assess", {"question": "q4", "met": ["b", "a"]})[1]["earned"] == 1


def test_choices_and_decisions_are_shuffled_per_learner_and_stable(load_block, make_user, course_key):
    """Five learners do not all see the same order; one learner sees the same order on every reload;
    a pinned option keeps its place."""
    options = "".join(f'<option id="{c}" correct="{str(c == "a").lower()}">Option {c}</option>' for c in "abcdef")
    pinned = '<option id="z" fixed="true">None of these</option>'
    xml = f"""<puentes_case_study url_name="shuffle_case" display_name="Shuffle">
      <context><p>x</p></context><questions>
      <single_choice id="q1"><prompt>Pick</prompt>{options}{pinned}</single_choice>
      <decision_path id="q2" start="d1"><prompt>Go</prompt><decision id="d1"><situation>Now</situation>
        {"".join(f'<option id="{c}" points="1">Step {c}</option>' for c in "abcdef")}</decision></decision_path>
      </questions></puentes_case_study>"""
    usage = load_block.parse(xml)
    orders = set()
    for name in ("ana", "bea", "caro", "dani", "eli"):
        learner = make_user(name, "student", course_key)
        first = load_block.block(usage, learner).render("student_view", {}).body_html()
        again = load_block.block(usage, learner).render("student_view", {}).body_html()
        chosen = [first.index(f'value="{c}"') for c in "abcdefz"]
        assert chosen == [again.index(f'value="{c}"') for c in "abcdefz"]
        assert max(chosen[:6]) < chosen[6]  # "None of these" stays last
        single = tuple(sorted("abcdef", key=lambda c: first.index(f'-q1-{c}"')))
        path = tuple(sorted("abcdef", key=lambda c: first.index(f'-q2-d1-{c}"')))
        orders.add((single, path))
        data = json.loads(get(load_block.block(usage, learner), "learner_state").body)  # the apps' per-learner data
        assert [o["id"] for o in data["questions"][0]["options"]] == list(single) + ["z"]
    assert len(orders) == 5


def test_attempts_run_out(load_block, case_id, learner):
    block = load_block.block(case_id, learner)
    for answer in ("b", "a"):
        assert post_json(block, "submit_answer", {"question": "q1", "answer": answer})[0] == 200
    status, body = post_json(block, "submit_answer", {"question": "q1", "answer": "a"})
    assert status == 400 and body["field"] == "question"
    assert block.answers["q1"]["score"] == 1.0  # the saved answer is untouched


@pytest.mark.parametrize(("payload", "field"), [
    ({"question": "nope", "answer": "a"}, "question"),
    ({"question": "q5", "answer": "a"}, "question"),
    ({"question": "q1", "answer": "zz"}, "answer"),
    ({"question": "q1"}, "answer"),
    ({"question": "q2", "answer": "a"}, "answer"),
    ({"question": "q2", "answer": []}, "answer"),
    ({"question": "q2", "answer": ["a", "a"]}, "answer"),
    ({"question": "q3", "answer": ["a", "b"]}, "answer"),
    ({"question": "q3", "answer": ["a", "b", "c", "zz"]}, "answer"),
    ({"question": "q4", "answer": 12}, "answer"),
    ({"question": "q4", "answer": "word " * 5000}, "answer"),
])
def test_bad_answers_get_400_naming_the_field(load_block, case_id, learner, payload, field):
    block = load_block.block(case_id, learner)
    status, body = post_json(block, "submit_answer", payload)
    assert status == 400, body
    assert body["field"] == field and body["error"]


def test_not_json_is_400(load_block, case_id, learner):
    block = load_block.block(case_id, learner)
    assert post_json(block, "submit_answer", raw=b"{not json")[0] == 400
    assert post_json(block, "submit_answer", raw=b"[1, 2]")[0] == 400
    assert post_json(block, "choose", {"question": "q5", "option": "zz"}) == (
        400, {"error": "Choose one of the options of this decision.", "field": "option"})


def test_anonymous_users_cannot_answer(load_block, case_id):
    assert post_json(load_block.block(case_id, None), "submit_answer", {"question": "q1", "answer": "a"})[0] == 403


def test_two_learners_take_different_paths_and_resume(load_block, case_id, learner, make_user, course_key):
    bruno = make_user("bruno", "student", course_key)
    status, body = post_json(load_block.block(case_id, learner), "choose", {"question": "q5", "option": "a"})
    assert status == 200 and "Roof tonight." in body["html"] and "Neighbours complain." in body["html"]
    assert not events("grade")  # a path in progress is not scored yet
    # Ana leaves; a new runtime (a new page load) shows where she stopped.
    html = load_block.block(case_id, learner).render("student_view", {}).body_html()
    assert "Neighbours complain." in html and "Continue where you stopped" in html
    status, body = post_json(load_block.block(case_id, learner), "choose", {"question": "q5", "option": "a"})
    assert body["earned"] == 5 and body["possible"] == 5 and "Tension falls." in body["html"]
    post_json(load_block.block(case_id, bruno), "choose", {"question": "q5", "option": "b"})
    status, body = post_json(load_block.block(case_id, bruno), "choose", {"question": "q5", "option": "a"})
    assert body["earned"] == 1 and "Measles." in body["html"] and "Neighbours complain." not in body["html"]
    assert [e["value"] for e in events("grade")] == [5, 1]
    status, body = post_json(load_block.block(case_id, bruno), "choose", {"question": "q5", "option": "a"})
    assert status == 400 and body["field"] == "option"


def test_restart_a_path_within_the_attempts(load_block, case_id, learner):
    block = load_block.block(case_id, learner)
    assert post_json(block, "restart", {"question": "q5"})[0] == 200  # nothing to restart is fine
    post_json(block, "choose", {"question": "q5", "option": "a"})
    assert post_json(block, "restart", {"question": "q5"})[1]["field"] == "question"  # finish first
    post_json(block, "choose", {"question": "q5", "option": "a"})
    status, body = post_json(block, "restart", {"question": "q5"})
    assert status == 200 and "600 in the park." in body["html"]
    assert block.answers["q5"]["score"] == 5  # the finished path still counts while the new one is walked
    post_json(block, "choose", {"question": "q5", "option": "b"})
    post_json(block, "choose", {"question": "q5", "option": "a"})
    assert block.answers["q5"]["score"] == 1 and block.answers["q5"]["attempts"] == 2
    assert post_json(block, "restart", {"question": "q5"})[0] == 400  # max_attempts=2


def test_completion_reaches_one_when_every_question_is_answered(load_block, case_id, learner):
    block = load_block.block(case_id, learner)
    post_json(block, "submit_answer", {"question": "q1", "answer": "a"})
    post_json(block, "submit_answer", {"question": "q2", "answer": ["a", "b", "c"]})
    post_json(block, "submit_answer", {"question": "q3", "answer": ["a", "b", "c", "d"]})
    post_json(block, "submit_answer", {"question": "q4", "answer": "open the clinic at night"})
    post_json(block, "self_assess", {"question": "q4", "met": ["a", "b"]})
    post_json(block, "choose", {"question": "q5", "option": "b"})
    post_json(block, "choose", {"question": "q5", "option": "a"})
    assert [e["completion"] for e in events("completion")] == [0.2, 0.4, 0.6, 0.8, 0.8, 1.0]
    assert events("grade")[-1]["value"] == 9 and events("grade")[-1]["max_value"] == 13
    assert block.get_score().raw_earned == 9 and block.has_submitted_answer()


def test_csv_is_for_course_staff_only(load_block, case_id, learner, staff):
    block = load_block.block(case_id, learner)
    post_json(block, "submit_answer", {"question": "q4", "answer": "=HYPERLINK(evil) and more words"})
    post_json(block, "submit_answer", {"question": "q2", "answer": ["a", "d"]})
    post_json(block, "choose", {"question": "q5", "option": "b"})
    post_json(block, "choose", {"question": "q5", "option": "a"})
    assert get(block, "export_answers").status_code == 403
    response = get(load_block.block(case_id, staff), "export_answers")
    assert response.status_code == 200 and response.content_type == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.body.decode("utf-8"))))
    assert [row["question_id"] for row in rows] == ["q4", "q2", "q5"]
    assert {row["anonymous_id"] for row in rows} == {block.runtime.anonymous_student_id}
    assert rows[0]["answer_text"].startswith("'=HYPERLINK")  # not run as a spreadsheet formula
    assert rows[1]["answer_ids"] == "a;d" and rows[1]["answer_text"] == "UNHCR | Army" and rows[1]["score"] == "0.0"
    assert rows[2]["answer_ids"] == "d1:b;d3:a" and rows[2]["answer_text"] == "Police | Vaccinate"
    assert "ana" not in response.body.decode()


def test_student_view_data_hides_answers(load_block, case_id, learner):
    data = load_block.block(case_id, learner).student_view_data()
    assert [q["type"] for q in data["questions"]] == [
        "single_choice", "multiple_choice", "ranking", "reflection", "decision_path"]
    assert "correct" not in str(data) and "feedback" not in str(data) and "Tension" not in str(data)
    assert data["questions"][4]["points"] == 5
    assert [i["id"] for i in data["questions"][2]["items"]] != ["a", "b", "c", "d"]


def test_student_view_renders_case_and_staff_link(load_block, case_id, learner, staff):
    html = load_block.block(case_id, learner).render("student_view", {}).body_html()
    assert "A border town." in html and "Migración Colombia" in html and "We need help." in html
    assert "export_answers" not in html
    assert "export_answers" in load_block.block(case_id, staff).render("student_view", {}).body_html()
