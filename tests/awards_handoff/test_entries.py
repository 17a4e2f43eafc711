"""A finished proposal becomes one entry and its outbox rows, in one transaction, once; ineligible teams are told."""
import pytest
from django.core.files.storage import storages
from django.db import IntegrityError

from puentes_awards import api, attachments
from puentes_awards.models import Entry, EntryAttachment, OutboxMessage
from tests.awards_handoff.conftest import COURSE, build_snapshot, make_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def delivery_on(settings):
    settings.PUENTES_AWARDS_DELIVERY_URL = "http://127.0.0.1:9/never-called/"
    settings.PUENTES_AWARDS_EVENT_BUS = True


def counts():
    return Entry.objects.count(), EntryAttachment.objects.count(), OutboxMessage.objects.count()


def test_an_entry_is_a_snapshot_with_copied_files_and_one_outbox_row_per_destination(
        edition, upload, delivery_on, django_capture_on_commit_callbacks):
    record = upload(7, "plan de acción.pdf", b"%PDF-1.4 plan")
    with django_capture_on_commit_callbacks() as callbacks:
        entry = api.enter_proposal(build_snapshot(attachments=[record]))
    assert entry.eligible and entry.edition_slug == edition.slug and entry.municipality == "Cúcuta"
    stored = Entry.objects.get(uuid=entry.uuid)
    assert stored.snapshot["sections"][0]["value"] == "Llegan 300 familias por mes."
    assert stored.snapshot["total_budget"] == "42000.00" and stored.language == "es-419"
    copy = stored.attachments.get()
    # The folder is a keyed hash of the ids, not "1-v1/7-…", which anyone could count through (L5).
    edition_folder, folder, name = copy.file.name.split("/")[1:]
    assert edition_folder == edition.slug and name == "plan_de_acci_n.pdf"
    assert len(folder) == 40 and "1-v1" not in copy.file.name
    assert folder == attachments.destination_path(edition.slug, 1, 1, 7, "x").split("/")[2]
    assert storages["awards"].open(copy.file.name).read() == b"%PDF-1.4 plan"
    assert copy.sha256 == __import__("hashlib").sha256(b"%PDF-1.4 plan").hexdigest()
    messages = {m.destination: m for m in stored.outbox.all()}
    assert set(messages) == {"http", "event_bus"}
    assert messages["http"].idempotency_key == str(stored.uuid)
    payload = messages["http"].payload["entry"]
    assert payload["attachments"][0]["sha256"] == copy.sha256
    assert "email" not in payload["snapshot"]["team"][0], "e-mails stay on the site"
    assert len(callbacks) == 1, "delivery is queued only once the entry is committed"


def test_the_same_event_twice_and_a_later_version_change_nothing(edition, upload, delivery_on):
    record = upload(7, "plan.pdf", b"%PDF-1.4 plan")
    first = api.enter_proposal(build_snapshot(attachments=[record]))
    before = counts()
    again = api.enter_proposal(build_snapshot(attachments=[record]))
    later = api.enter_proposal(build_snapshot(version=2, budget="1", attachments=[record]))
    assert again.uuid == first.uuid == later.uuid and later.version == 1
    assert counts() == before == (1, 1, 2)
    folder = attachments.destination_path(edition.slug, 1, 1, 7, "plan.pdf").rsplit("/", 1)[0]
    assert len(storages["awards"].listdir(folder)[1]) == 1


def test_a_concurrent_insert_is_caught_by_the_unique_constraints(edition, delivery_on):
    api.enter_proposal(build_snapshot())
    entry = Entry.objects.get()
    with pytest.raises(IntegrityError):
        Entry.objects.create(edition=edition, proposal_id=1, version=1, course_key=COURSE, block_key="b",
                             title="t", municipality="m", country="CO", snapshot={}, eligible=True,
                             submitted_at=entry.submitted_at, approved_at=entry.approved_at,
                             entered_at=entry.entered_at)


def test_a_failure_after_the_entry_row_leaves_nothing_behind(edition, upload, delivery_on):
    # Two files with one id break the attachment constraint after the entry row is written.
    record = upload(7, "plan.pdf", b"%PDF-1.4 plan")
    with pytest.raises(IntegrityError):
        api.enter_proposal(build_snapshot(attachments=[record, record]))
    assert counts() == (0, 0, 0)
    assert api.enter_proposal(build_snapshot(attachments=[record])).eligible


def test_an_ineligible_proposal_is_recorded_with_its_reasons_and_the_team_told_in_its_language(
        edition, delivery_on, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry = api.enter_proposal(build_snapshot(budget="80000"))
    assert not entry.eligible
    assert entry.ineligibility == [{"code": "over_budget", "budget": "80000", "cap": "50000.00",
                                    "currency": "USD"}]
    assert OutboxMessage.objects.count() == 0, "only eligible entries leave the site"
    [mail] = mailoutbox
    assert sorted(mail.to) == ["ana1@example.org", "bruno1@example.org"]
    assert mail.subject == "Su proyecto no pudo participar en Premio Puentes 2027"
    assert "supera el tope de 50000.00 USD" in mail.body and str(entry.uuid) in mail.body


def test_a_course_no_edition_draws_from_enters_nowhere(edition):
    assert api.enter_proposal(build_snapshot(course_key="course-v1:OAS+OTHER+2027")) is None
    assert Entry.objects.count() == 0


def test_a_missing_file_stops_the_entry_loudly(edition, awards_storage):
    from puentes_awards.attachments import AttachmentMissing
    from puentes_proposals.data import AttachmentRecord
    ghost = AttachmentRecord(attachment_id=1, name="x.pdf", content_type="application/pdf", size=1,
                             storage_path="proposals/none/x.pdf")
    with pytest.raises(AttachmentMissing):
        api.enter_proposal(build_snapshot(attachments=[ghost]))
    assert Entry.objects.count() == 0


def test_the_snapshot_cannot_be_changed(edition):
    api.enter_proposal(build_snapshot())
    entry = Entry.objects.get()
    entry.snapshot = {**entry.snapshot, "title": "edited"}
    with pytest.raises(ValueError):
        entry.save()
    entry = Entry.objects.get()
    entry.eligible = True
    entry.save()  # other fields are for part 2 (jury) to use


def test_the_proposals_apps_finished_event_enters_the_approved_version(
        awards_storage, make_user, django_capture_on_commit_callbacks, delivery_on):
    """Through the real proposals app: submit, review, approve, confirm; its signal reaches our receiver."""
    from tests.awards_handoff.proposals_flow import approve_and_enter
    make_edition()
    learner, tutor = make_user("ana"), make_user("carla")
    with django_capture_on_commit_callbacks(execute=True):
        proposal_id = approve_and_enter(COURSE, "block-v1:OAS+PUENTES-ES+2027+type@puentes_proposal+block@p",
                                        learner, tutor)
    entry = api.get_entry_for_proposal(proposal_id)
    assert entry is not None and entry.eligible and entry.version == 1 and entry.country == "CO"
    stored = Entry.objects.get(uuid=entry.uuid)
    assert stored.attachments.get().name == "plan.pdf"
    assert stored.snapshot["total_budget"] == "40000" and stored.snapshot["reviewer_usernames"] == ["carla"]
    assert stored.outbox.count() == 2


def test_the_hand_offs_own_insert_writes_what_the_orm_would(edition):
    from puentes_awards import inserts
    fields = {"edition": edition, "version": 1, "course_key": COURSE, "block_key": "b", "title": "Título",
              "municipality": "Cúcuta", "country": "CO", "language": "es-419", "team": [{"full_name": "Ana"}],
              "snapshot": {"sections": [{"value": "ñ", "amount": "1.50"}]}, "eligible": False,
              "ineligibility": [{"code": "no_team"}], "submitted_at": edition.call_opens_at,
              "approved_at": edition.call_closes_at, "entered_at": edition.created}
    ours = inserts.insert(Entry(proposal_id=1, **fields))
    theirs = Entry.objects.create(proposal_id=2, **fields)
    assert ours.pk and not ours._state.adding and ours.created is not None
    read = {entry.proposal_id: entry for entry in Entry.objects.filter(pk__in=[ours.pk, theirs.pk])}
    names = [field.attname for field in Entry._meta.concrete_fields if field.attname not in ("id", "uuid",
                                                                                             "proposal_id", "created")]
    assert [getattr(read[1], name) for name in names] == [getattr(read[2], name) for name in names]
    assert read[1].uuid == ours.uuid and read[1].created == ours.created
    with pytest.raises(IntegrityError):
        inserts.insert(Entry(proposal_id=1, **fields))  # the database's constraints, as Django's error
