"""puentes_proposals_rebuild_queue: proposals without queue facts get them back from their latest version, in
batches whose query count does not grow with the number of proposals; a second run changes nothing."""
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from puentes_proposals import api
from puentes_proposals.data import QueueFilters
from puentes_proposals.models import QueueFacts
from tests.helpers import set_status

pytestmark = pytest.mark.django_db
# The counts by status recounted, whatever the number of proposals: savepoint, delete, count, insert, release.
RECOUNT = 5


def matching(course_key, **filters):
    return [item.proposal_id for item in api.review_queue(course_key, QueueFilters(**filters)).items]


def facts():
    return sorted(QueueFacts.objects.values_list("proposal_id", "title", "country", "thematic_area", "cohort",
                                                 "search_text"))


def rebuild(*args):
    out = io.StringIO()
    call_command("puentes_proposals_rebuild_queue", *args, stdout=out)
    return out.getvalue()


def test_lost_facts_come_back_and_the_filters_work_again(submit, course_key):
    first = submit("ana", title="Casa de acogida", area="education", country="AR")
    second = submit("bruno", title="Empleo joven", area="employment", country="BR")
    set_status(second, "revision_requested")
    submit("bruno", proposal_id=second, title="Empleo joven rural", area="employment", country="BR")
    before = facts()
    QueueFacts.objects.all().delete()
    assert matching(course_key, country="BR") == [] and api.queue_facets(course_key) == ([], [])
    assert [item.title for item in api.review_queue(course_key, QueueFilters()).items] == ["", ""]

    assert rebuild() == "2 proposal(s) in the queue rebuilt\n8 count(s) by block and status recounted\n"
    assert facts() == before   # the same facts the receiver wrote, from the latest version
    assert matching(course_key, country="BR") == [second]
    assert matching(course_key, thematic_area="education") == [first]
    assert matching(course_key, search="rural") == [second] and matching(course_key, search="ana") == [first]
    assert api.queue_facets(course_key) == (["AR", "BR"], ["education", "employment"])
    rebuild()
    assert facts() == before   # running again changes nothing


def test_one_course_only_and_a_stored_cohort_is_kept(submit, course_key):
    proposal_id = submit("ana")
    QueueFacts.objects.filter(pk=proposal_id).update(title="stale", cohort="Cohorte Andina")
    rebuild("--course", "course-v1:Other+X+2027")
    assert QueueFacts.objects.get(pk=proposal_id).title == "stale"
    rebuild("--course", str(course_key))
    row = QueueFacts.objects.get(pk=proposal_id)
    assert (row.title, row.cohort) == ("Casa de acogida", "Cohorte Andina")   # no LMS here to ask for the cohort


def test_bad_arguments_are_refused(db):
    with pytest.raises(CommandError, match="course key"):
        rebuild("--course", "not a course")
    with pytest.raises(CommandError, match="at least 1"):
        rebuild("--batch-size", "0")


def queries_to_rebuild(submit, count, batch_size):
    for index in range(count):
        submit(["ana", "bruno", "carla", "tina", "lucia", "pablo"][index % 6])
    QueueFacts.objects.all().delete()
    with CaptureQueriesContext(connection) as queries:
        rebuild("--batch-size", str(batch_size))
    assert QueueFacts.objects.count() == count
    return len(queries)


@pytest.mark.parametrize("count", [2, 6])
def test_queries_per_batch_do_not_grow_with_the_proposals(submit, count):
    # One batch holds them all: the same queries for 2 as for 6 (versions, cohorts, teams, upsert, the search
    # terms replaced — a delete and an insert —, the empty end), then the recount's RECOUNT.
    assert queries_to_rebuild(submit, count, batch_size=100) == 7 + RECOUNT


def test_batches_cover_every_proposal(submit):
    assert queries_to_rebuild(submit, 5, batch_size=2) == 3 * 6 + 1 + RECOUNT


def test_search_finds_word_starts_through_the_term_index_not_inside_words(submit, course_key):
    from puentes_proposals.models import QueueSearchTerm
    first = submit("ana", title="Casa de acogida", area="education", country="AR")
    assert QueueSearchTerm.objects.filter(proposal_id=first, term="acogida").exists()
    assert matching(course_key, search="acog CASA") == [first]
    assert matching(course_key, search="cogida") == [], "a word's start, as in the practices library"
    assert matching(course_key, search="acogida zzz") == []


@pytest.mark.parametrize("command", ["puentes_proposals_rebuild_queue", "puentes_proposals_record"])
def test_a_bad_course_is_a_usage_error_that_shows_a_key(command):
    from django.core.management import CommandError, call_command
    with pytest.raises(CommandError, match="is not a course key such as course-v1:OAS"):
        call_command(command, "--course", "nope")
