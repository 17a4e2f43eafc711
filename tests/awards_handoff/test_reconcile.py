"""Reconciliation: a finished proposal whose in-process event failed still becomes exactly one entry."""
import io
import logging
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from puentes_awards import reconcile, tasks
from puentes_awards.models import Entry, EntryAttachment, OutboxMessage
from puentes_proposals import api as proposals
from tests.awards_handoff.conftest import COURSE, make_edition
from tests.awards_handoff.proposals_flow import approve_and_enter

pytestmark = pytest.mark.django_db
BLOCK = "block-v1:OAS+PUENTES-ES+2027+type@puentes_proposal+block@p"


@pytest.fixture
def delivery_on(settings):
    settings.PUENTES_AWARDS_DELIVERY_URL = "http://127.0.0.1:9/never-called/"
    settings.PUENTES_AWARDS_SIGNING_SECRET = "a-secret-the-relay-needs-to-start"


@pytest.fixture
def finish(awards_storage, make_user, django_capture_on_commit_callbacks):
    """Take a proposal through the real proposals flow to "entered", the finished event sent on commit.

    missing_file=True deletes its attachment from storage before the team confirms, so our receiver raises
    (send_robust only logs it); the file's path and bytes come back so the test can restore it."""
    def run(username, missing_file=False):
        learner, tutor = make_user(username), make_user("carla")
        removed = {}

        def remove_attachment(proposal_id):
            path = proposals.get_proposal(proposal_id).attachments[0].storage_path
            storage = storages["default"]
            with storage.open(path, "rb") as handle:
                removed[path] = handle.read()
            storage.delete(path)

        with django_capture_on_commit_callbacks(execute=True):
            proposal_id = approve_and_enter(COURSE, f"{BLOCK}-{username}", learner, tutor,
                                            before_confirming=remove_attachment if missing_file else None)
        return proposal_id, removed
    return run


def restore(removed):
    for path, content in removed.items():
        assert storages["default"].save(path, ContentFile(content)) == path


def counts():
    return Entry.objects.count(), EntryAttachment.objects.count(), OutboxMessage.objects.count()


def test_a_proposal_the_receiver_failed_on_enters_once_and_only_once(finish, delivery_on, caplog):
    slug = make_edition()
    with caplog.at_level(logging.ERROR):
        proposal_id, removed = finish("ana", missing_file=True)
    assert proposals.get_proposal(proposal_id).status == "entered"
    assert "could not enter the competition" in caplog.text and "AttachmentMissing" in caplog.text
    assert counts() == (0, 0, 0), "the event is spent and nothing entered"

    restore(removed)
    first = reconcile.reconcile(slug)
    assert (first.entered, first.present, first.failed) == (1, 0, [])
    entry = Entry.objects.get(proposal_id=proposal_id)
    assert entry.eligible and entry.version == 1 and entry.attachments.get().name == "plan.pdf"
    assert entry.entered_at == proposals.get_proposal(proposal_id).entered_at, "judged at the team's moment"
    assert counts() == (1, 1, 1)

    again = reconcile.reconcile(slug)
    assert (again.entered, again.present, again.failed) == (0, 1, [])
    assert counts() == (1, 1, 1)


def test_a_proposal_still_broken_is_reported_and_does_not_stop_the_others(finish, delivery_on):
    slug = make_edition()
    broken, _ = finish("ana", missing_file=True)
    fixed, removed = finish("bruno", missing_file=True)
    restore(removed)
    report = reconcile.reconcile(slug)
    assert (report.entered, report.present, report.failed) == (1, 0, [broken])
    assert list(Entry.objects.values_list("proposal_id", flat=True)) == [fixed]
    assert str(report) == f"1 entered, 0 already entered, 1 failed, failed: {broken}"


def test_an_entry_the_receiver_makes_meanwhile_is_not_doubled(finish, delivery_on):
    from puentes_awards import api
    slug = make_edition()
    proposal_id, removed = finish("ana", missing_file=True)
    restore(removed)
    [stale_batch] = proposals.finished_proposals([COURSE])  # read while the proposal had no entry
    [finished] = stale_batch
    api.enter_finished_proposal(finished.proposal, entered_at=finished.entered_at)  # the event, redelivered
    report = reconcile.Reconciliation()
    reconcile.enter_missing(finished, report)
    assert (report.entered, report.present) == (0, 1)
    assert counts() == (1, 1, 1)
    assert reconcile.reconcile(slug).entered == 0 and counts() == (1, 1, 1)


def test_listing_finished_proposals_takes_the_same_queries_per_batch_at_any_size(finish, make_user):
    make_edition()
    for username in ("ana", "bruno", "carmen", "diego"):
        finish(username)
    writer = make_user("elena")
    draft = proposals.start_proposal(COURSE, f"{BLOCK}-draft", writer.id, "anon-elena")  # not finished: not listed

    def queries(batch_size):
        with CaptureQueriesContext(connection) as captured:
            batches = list(proposals.finished_proposals([COURSE], batch_size=batch_size))
        return len(captured), batches

    two_batches, batches = queries(2)
    assert [len(batch) for batch in batches] == [2, 2]
    one_batch, [batch] = queries(4)
    assert len(batch) == 4 and draft.proposal_id not in {f.proposal.proposal_id for f in batch}
    assert two_batches == 3 * 2 + 1 and one_batch == 3 * 1 + 1, "three queries a batch, one to find the end"
    payload = batch[0].proposal
    assert payload.version == 1 and payload.team_anonymous_ids and payload.submitted_at is not None


def test_since_skips_proposals_entered_before_it(finish, delivery_on):
    slug = make_edition()
    finish("ana", missing_file=True)
    later = timezone.now() + timedelta(minutes=1)
    assert reconcile.reconcile(slug, since=later).failed == []
    assert list(proposals.finished_proposals([COURSE], since=later)) == []


def test_the_command_and_the_task_reconcile_and_refuse_bad_input(finish, delivery_on):
    slug = make_edition()
    _, removed = finish("ana", missing_file=True)
    restore(removed)
    with pytest.raises(CommandError, match="is not a date"):
        call_command("puentes_awards_reconcile", "--since", "yesterday")
    with pytest.raises(CommandError, match="No edition with slug 'nope'"):
        call_command("puentes_awards_reconcile", "--edition", "nope")
    since = (timezone.now() - timedelta(hours=1)).isoformat()
    assert tasks.reconcile_entries.apply(kwargs={"edition_slug": slug, "since": since}).get() == {
        "entered": 1, "present": 0, "failed": []}
    out = io.StringIO()
    call_command("puentes_awards_reconcile", "--edition", slug, stdout=out)
    assert out.getvalue().strip() == "0 entered, 1 already entered, 0 failed"
    assert counts()[0] == 1


def test_the_relay_reconciles_when_asked(finish, delivery_on):
    make_edition()
    _, removed = finish("ana", missing_file=True)
    restore(removed)
    out = io.StringIO()
    call_command("puentes_awards_relay", "--reconcile", stdout=out)
    assert "entries: 1 entered, 0 already entered, 0 failed" in out.getvalue()
    call_command("puentes_awards_relay", stdout=out)  # without the flag a single run only relays
    assert counts()[0] == 1


def test_the_looping_relay_reconciles_on_its_first_loop_then_every_nth():
    from puentes_awards.management.commands.puentes_awards_relay import reconciles_on
    assert [loop for loop in range(30) if reconciles_on(loop, 12)] == [0, 12, 24]
    assert not any(reconciles_on(loop, 0) for loop in range(30))
