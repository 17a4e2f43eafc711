"""The queue's counts by status (StatusCount) equal a fresh count of the proposals after every kind of status
change, per block; the rebuild command and the migration recount what was written around Proposal.save."""
import importlib
import io
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import Count

from puentes_demo.runtime import anonymous_id_for
from puentes_proposals import api, queue, rules
from puentes_proposals.data import QueueFilters
from puentes_proposals.models import Proposal, StatusCount

from .conftest import TEMPLATE, answers

pytestmark = pytest.mark.django_db


def fresh():
    counted = Proposal.objects.values_list("course_key", "block_key", "status").annotate(n=Count("id")).order_by()
    return {(str(course), str(block), status): n for course, block, status, n in counted}


def kept():
    return {(str(row.course_key), str(row.block_key), row.status): row.proposals
            for row in StatusCount.objects.all() if row.proposals}


def assert_counts_true(course_key):
    assert kept() == fresh()
    shown = api.review_queue(course_key, QueueFilters()).counts
    assert shown == {status: sum(n for (_c, _b, s), n in fresh().items() if s == status)
                     for status in queue.COUNTED_STATUSES}


def decide(proposal_id, tutor, decision):
    api.start_review(proposal_id, tutor.id)
    review = api.record_review(proposal_id, tutor.id, rubric_scores={"relevance": 4}, decision=decision,
                               overall_comment="Bien.", points_earned=90 if decision == rules.APPROVED else None,
                               points_possible=100 if decision == rules.APPROVED else None)
    api.send_review(review.review_id, tutor.id)


def test_every_kind_of_status_change_keeps_the_counts(submit, people, course_key, proposal_block, load_block):
    carla, ana = people["carla"], people["ana"]
    draft = api.start_proposal(course_key, proposal_block, people["tina"].id, "anon-tina").proposal_id
    assert_counts_true(course_key)                                    # created: a draft
    first, second, _third = submit("ana"), submit("bruno"), submit("pablo")
    assert_counts_true(course_key)                                    # submitted
    api.claim_proposal(first, carla.id)
    assert Proposal.objects.get(pk=first).status == rules.IN_REVIEW
    assert_counts_true(course_key)                                    # claimed
    api.release_claim(first, carla.id)
    assert_counts_true(course_key)                                    # released: waiting again
    decide(first, carla, rules.REVISION_REQUESTED)
    assert_counts_true(course_key)                                    # a decision: revision requested
    submit("ana", proposal_id=first, title="Casa de acogida 2")
    assert Proposal.objects.get(pk=first).status == rules.RESUBMITTED
    assert_counts_true(course_key)                                    # resubmitted
    decide(first, carla, rules.APPROVED)
    assert_counts_true(course_key)                                    # approved
    api.confirm_competition_entry(first, ana.id, "Rosario", "AR", True, True)
    assert Proposal.objects.get(pk=first).status == rules.ENTERED
    assert_counts_true(course_key)                                    # entered (the awards side's hand-off)
    decide(second, carla, rules.INELIGIBLE)
    assert_counts_true(course_key)                                    # ineligible
    api.leave(draft, people["tina"].id)
    assert not Proposal.objects.filter(pk=draft).exists()
    assert_counts_true(course_key)                                    # a draft withdrawn: deleted
    other_block = load_block.parse(f"<puentes_proposal url_name='other' sections='{json.dumps(TEMPLATE)}'/>")
    other = api.start_proposal(course_key, other_block, people["lucia"].id, "anon-lucia").proposal_id
    revision = api.get_proposal(other).revision
    api.save_answers(other, people["lucia"].id, [{"section": key, "value": value, "base_revision": revision}
                                                  for key, value in answers().items()], TEMPLATE)
    api.submit(other, people["lucia"].id, TEMPLATE, anonymous_id_for(people["lucia"].id, course_key), 0, None)
    assert_counts_true(course_key)                                    # another block: its own rows
    by_block = api.review_queue(course_key, QueueFilters(), block_keys=[proposal_block]).counts
    assert by_block[rules.SUBMITTED] == 1 and by_block[rules.ENTERED] == 1   # third; first
    assert api.review_queue(course_key, QueueFilters(), block_keys=[other_block]).counts[rules.SUBMITTED] == 1


def test_the_rebuild_command_recounts_what_was_written_around_save(submit, course_key):
    first, second = submit("ana"), submit("bruno")
    Proposal.objects.filter(pk=first).update(status=rules.APPROVED)   # SQL from outside the app: not counted
    StatusCount.objects.filter(status=rules.SUBMITTED).update(proposals=7)
    assert kept() != fresh()
    out = io.StringIO()
    call_command("puentes_proposals_rebuild_queue", "--course", "course-v1:Other+X+2027", stdout=out)
    assert kept() != fresh()                                          # another course: untouched
    call_command("puentes_proposals_rebuild_queue", "--course", str(course_key), stdout=out)
    assert out.getvalue().endswith("8 count(s) by block and status recounted\n")   # its block, every status
    assert_counts_true(course_key)
    assert api.review_queue(course_key, QueueFilters(statuses=["submitted"])).total == 1
    assert Proposal.objects.get(pk=second).status == rules.SUBMITTED


def test_the_migration_counts_the_proposals_already_stored(submit, course_key):
    submit("ana")
    submit("bruno")
    StatusCount.objects.all().delete()
    migration = importlib.import_module("puentes_proposals.migrations.0008_proposal_status_counts")
    migration.count_existing(apps, None)
    assert_counts_true(course_key)


def test_the_admins_delete_selected_keeps_the_counts(submit, course_key, make_user, client):
    first, second = submit("ana"), submit("bruno")
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    response = client.post("/admin/puentes_proposals/proposal/",
                           {"action": "delete_selected", "_selected_action": [first], "post": "yes"})
    assert response.status_code == 302 and not Proposal.objects.filter(pk=first).exists()
    assert Proposal.objects.filter(pk=second).exists()
    assert_counts_true(course_key)
