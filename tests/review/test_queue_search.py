"""The queue's search through the term index: accents and case do not matter, on SQLite and MariaDB alike; the
terms follow every submitted version and the migration that folded them; rare and common words find the same
proposals whichever gets listed first; a view filtered by status alone takes its total from the counts."""
import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from puentes_proposals import api, queue
from puentes_proposals.data import QueueFilters
from puentes_proposals.models import QueueFacts, QueueSearchTerm
from tests.helpers import set_status

pytestmark = pytest.mark.django_db


def matching(course_key, search):
    return sorted(item.proposal_id for item in api.review_queue(course_key, QueueFilters(search=search)).items)


def test_accents_and_case_do_not_matter_either_way(submit, course_key):
    pasto = submit("ana", title="Huertas de Pastó")
    paulo = submit("bruno", title="Açaí em São Paulo")
    plain = submit("carla", title="Pasto verde")
    assert matching(course_key, "pasto") == [pasto, plain]
    assert matching(course_key, "PASTÓ") == [pasto, plain]
    assert matching(course_key, "Sao paulo") == [paulo] and matching(course_key, "acai SÃO") == [paulo]
    assert matching(course_key, "pastó verde") == [plain]
    assert QueueSearchTerm.objects.filter(proposal_id=pasto, term="pasto").exists()


def test_words_ending_in_z_or_9_are_found(submit, course_key):
    # On MariaDB's utf8mb4_unicode_ci "paz" sorts after "pa{": a term range ending at the next code point missed
    # every word ending in z or 9 there.
    paz = submit("ana", title="Plaza de la Paz 2029")
    perez = submit("bruno", title="Barrio Pérez 1999")
    assert matching(course_key, "paz") == [paz] and matching(course_key, "PEREZ") == [perez]
    assert matching(course_key, "barrio 1999") == [perez] and matching(course_key, "plaza 2029") == [paz]
    assert matching(course_key, "pa") == [paz]   # a word's start: "paz", not "plaza"
    assert matching(course_key, "barrio 2029") == []


@pytest.mark.parametrize("listed", [0, 1, 500])
def test_rare_and_common_words_find_the_same_proposals(submit, course_key, monkeypatch, listed):
    # 0: every word is left to the database; 1: "casa" (three proposals) is common, "rural" rare; 500: all listed.
    monkeypatch.setattr(queue, "LISTED_MATCHES", listed)
    first = submit("ana", title="Casa de acogida")
    second = submit("bruno", title="Casa rural")
    third = submit("carla", title="Casa joven rural")
    assert matching(course_key, "casa") == [first, second, third]
    assert matching(course_key, "casa rural") == [second, third]
    assert matching(course_key, "rural joven casa") == [third]
    assert matching(course_key, "rural acogida") == []
    assert matching(course_key, "casa zzz") == []
    assert matching(course_key, "ana casa") == [first]   # a team member's username
    assert matching(course_key, f"#{second}") == [second]


def test_a_search_that_is_only_symbols_or_a_huge_number_filters_nothing_and_fails_nothing(submit, course_key):
    first = submit("ana")
    assert matching(course_key, "¿?") == [first]
    assert matching(course_key, "²") == []   # not a decimal: the word "2", not proposal number 2
    assert matching(course_key, str(first)) == [first]
    assert matching(course_key, "9" * 30) == [] and matching(course_key, "#" + "9" * 30) == []


def test_a_revision_replaces_the_words(submit, course_key):
    proposal_id = submit("ana", title="Huertas de Pastó")
    set_status(proposal_id, "revision_requested")
    submit("ana", proposal_id=proposal_id, title="Comedor de Cúcuta")
    assert matching(course_key, "cucuta") == [proposal_id]
    assert matching(course_key, "pasto") == []
    assert sorted(QueueSearchTerm.objects.filter(proposal_id=proposal_id).values_list("term", flat=True)) == [
        "ana", "comedor", "cucuta", "de"]


def test_the_migration_folds_the_terms_already_stored(submit, course_key):
    proposal_id = submit("ana", title="Huertas de Pastó")
    # The terms as 0004 wrote them: lower case, accents kept.
    QueueSearchTerm.objects.filter(proposal_id=proposal_id).delete()
    QueueSearchTerm.objects.bulk_create([QueueSearchTerm(proposal_id=proposal_id, term=term)
                                         for term in ["huertas", "de", "pastó", "ana"]])
    assert "pastó" in QueueFacts.objects.get(pk=proposal_id).search_text
    migration = importlib.import_module("puentes_proposals.migrations.0005_queue_search_terms_folded")
    migration.fold_terms(apps, None)
    assert sorted(QueueSearchTerm.objects.filter(proposal_id=proposal_id).values_list("term", flat=True)) == [
        "ana", "de", "huertas", "pasto"]
    assert matching(course_key, "pastó") == [proposal_id]
    migration.fold_terms(apps, None)   # again: the same terms, no duplicates
    assert QueueSearchTerm.objects.filter(proposal_id=proposal_id).count() == 4


def test_the_total_of_a_view_by_status_comes_from_the_counts(submit, people, proposal_block, course_key):
    submit("ana")
    second = submit("bruno")
    set_status(second, "approved")
    api.start_proposal(course_key, proposal_block, people["carla"].id, "anon-carla")   # a draft: in no count
    for statuses, total in [((), 1), (("approved",), 1), (("submitted", "approved"), 2),
                            (("approved", "approved"), 1), (("draft",), 1), (("draft", "approved"), 2)]:
        with CaptureQueriesContext(connection) as captured:
            page = api.review_queue(course_key, QueueFilters(statuses=statuses, page_size=1))
        assert page.total == total and page.pages == total, statuses
        counted = [q["sql"] for q in captured.captured_queries if "COUNT(*)" in q["sql"]]
        assert len(counted) == (1 if "draft" in statuses else 0), statuses
    assert api.review_queue(course_key, QueueFilters(statuses=("approved",), search="ana")).total == 0


def test_facets_come_from_the_facts_of_the_course_or_of_the_blocks(submit, load_block, proposal_block, course_key):
    from opaque_keys.edx.locator import CourseLocator
    submit("ana", area="education", country="AR")
    submit("bruno", area="employment", country="BR")
    assert api.queue_facets(course_key) == (["AR", "BR"], ["education", "employment"])
    assert api.queue_facets(course_key, [proposal_block]) == (["AR", "BR"], ["education", "employment"])
    other = load_block.parse("<puentes_proposal url_name='other'/>")
    assert api.queue_facets(course_key, [other]) == ([], [])
    assert api.queue_facets(CourseLocator("Other", "X", "2027")) == ([], [])


def test_the_migration_gives_existing_facts_their_course_and_block(submit, proposal_block, course_key):
    submit("ana", area="education", country="AR")
    QueueFacts.objects.update(course_key=None, block_key=None)   # as 0006 found them
    assert api.queue_facets(course_key) == ([], [])
    migration = importlib.import_module("puentes_proposals.migrations.0006_queue_facts_course_and_block")
    migration.copy_course_and_block(apps, None)
    assert api.queue_facets(course_key) == (["AR"], ["education"])
    assert api.queue_facets(course_key, [proposal_block]) == (["AR"], ["education"])


@pytest.mark.parametrize("listed", [0, 500])
def test_a_search_pages_in_the_queue_order_whether_the_database_or_python_sorts(submit, people, course_key,
                                                                              monkeypatch, listed):
    # 500: the few matches are sorted here (_in_queue_order); 0: by the database. The same pages either way.
    monkeypatch.setattr(queue, "LISTED_MATCHES", listed)
    first = submit("ana", title="Casa uno", country="AR")
    second = submit("bruno", title="Casa dos", country="BR")
    third = submit("lucia", title="Casa tres", country="AR")
    submit("pablo", title="Otra cosa", country="BR")
    api.assign_tutor(course_key, "carla", countries=["BR"])

    def pages(**filters):
        found = []
        for number in (1, 2, 3, 4):
            page = api.review_queue(course_key, QueueFilters(page=number, page_size=1, **filters),
                                    people["carla"].id)
            assert (page.total, page.pages) == (3, 3)
            found.append([(item.proposal_id, item.assigned) for item in page.items])
        return found

    # Carla looks after Brazil: its proposal first, then the oldest; a page past the end shows the last one.
    assert pages(search="casa") == [[(second, True)], [(first, False)], [(third, False)], [(third, False)]]
    assert pages(search="casa", statuses=("submitted",)) == pages(search="CASA")
