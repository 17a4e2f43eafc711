"""Budgets typed the Latin-American way reach the proposal as the numbers the team meant (issue 14)."""
import pytest
from django.utils import translation

from puentes_proposals import api
from tests.helpers import post_json

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(block_as):
    status, body = post_json(block_as("ana"), "start")
    assert status == 200
    return body["proposal_id"]


def save_budget(block, rows, number_locale, language="es-419"):
    with translation.override(language):
        return post_json(block, "save_draft", {"number_locale": number_locale, "changes": [
            {"section": "budget", "value": rows, "base_revision": 0}]})


@pytest.mark.parametrize("language, number_locale", [("es-419", "es-AR"), ("es-419", "es-CL"), ("pt-br", "pt-BR")])
def test_thousands_points_and_decimal_commas_are_read_as_the_team_typed_them(block_as, people, started, language,
                                                                            number_locale):
    rows = [{"item": "Mediadores", "quantity": "2", "unit_cost": "1.500"},
            {"item": "Alquiler", "quantity": "3", "unit_cost": "2.500,50"}]
    status, body = save_budget(block_as("ana"), rows, number_locale, language)
    assert status == 200, body
    stored = api.proposal_for_member(block_as("ana").block_key, people["ana"].id).answers["budget"]
    assert [(row["quantity"], row["unit_cost"]) for row in stored] == [(2, 1500), (3, 2500.5)]
    assert api.budget_total(stored) == 10501.5


def test_a_text_two_conventions_read_differently_is_refused_at_its_cell_and_nothing_is_stored(block_as, people,
                                                                                              started):
    first = [{"item": "Mediadores", "quantity": "2", "unit_cost": "2.500,50"}]
    assert save_budget(block_as("ana"), first, "es-419")[0] == 200
    rows = [{"item": "Mediadores", "quantity": "2", "unit_cost": "2.500,50"},
            {"item": "Alquiler", "quantity": "3", "unit_cost": "1.500"}]
    status, body = save_budget(block_as("ana"), rows, "es-419")
    assert status == 400
    assert body["field"] == "budget" and body["cell"] == "1.unit_cost"
    assert "1.500" in body["error"] and "1500" in body["error"]
    stored = api.proposal_for_member(block_as("ana").block_key, people["ana"].id).answers["budget"]
    assert stored == [{"item": "Mediadores", "quantity": 2, "unit_cost": 2500.5}]


def test_a_number_of_another_convention_is_refused_with_the_readers_example(block_as, started):
    status, body = save_budget(block_as("ana"), [{"item": "x", "quantity": "1.5", "unit_cost": "3"}], "pt-BR",
                               "pt-br")
    assert status == 400 and body["cell"] == "0.quantity"
    assert "1.234,5" in body["error"]


def test_a_locale_the_server_does_not_know_falls_back_to_the_page_language(block_as, started):
    status, body = save_budget(block_as("ana"), [{"item": "x", "quantity": "2", "unit_cost": "1.500"}],
                               "<script>", "pt-br")
    assert status == 200, body


def test_the_team_reads_its_grade_on_the_page_in_its_numbers(block_as, people, started):
    from puentes_proposals import rules

    from .conftest import COMPLETE_ANSWERS, SMALL_TEMPLATE
    block = block_as("ana")
    api.save_answers(started, people["ana"].id, [{"section": k, "value": v, "base_revision": 0}
                                                 for k, v in COMPLETE_ANSWERS.items()], SMALL_TEMPLATE)
    api.submit(started, people["ana"].id, SMALL_TEMPLATE, "anon-ana", 2, None)
    api.start_review(started, people["tutor"].id)
    with translation.override("en"):
        assert "Your grade" not in block.student_view().body_html()   # nothing before the approval
    record = api.record_review(started, people["tutor"].id, rubric_scores={"relevance": 4}, decision=rules.APPROVED,
                               section_comments={}, overall_comment="", points_earned=15, points_possible=18)
    api.send_review(record.review_id, people["tutor"].id)
    with translation.override("pt-br"):
        page = block_as("ana").student_view().body_html()
    assert "Sua nota:" in page and "15 de 18 pontos (83 %)" in page
    # Approved is final: the page no longer says the proposal waits for a review (issue 14).
    assert "A proposta foi aprovada: esta versão é definitiva" in page and "bloqueada enquanto" not in page
