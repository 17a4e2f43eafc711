"""Delivery in this process, one attempt at a time, against a real local HTTP server: signed, keyed, retried, dead."""
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from puentes_awards import api, outbox
from puentes_awards.models import OutboxMessage
from tests.awards_handoff.conftest import SECRET, build_snapshot

pytestmark = pytest.mark.django_db


def entered_message(proposal_id=1):
    api.enter_proposal(build_snapshot(proposal_id))
    return OutboxMessage.objects.get(entry__proposal_id=proposal_id)


def due_now(message):
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())


def test_a_delivery_is_signed_keyed_and_its_answer_recorded(edition, partner):
    server = partner()
    message = entered_message()
    assert outbox.deliver(message.pk) is None
    message.refresh_from_db()
    assert message.status == "delivered" and message.attempts == 1 and message.response_status == 200
    assert message.response_body == f'{{"stored": "{message.idempotency_key}"}}' and message.delivered_at
    [request] = server.requests
    assert request["signed"] and request["key"] == message.idempotency_key
    assert server.stored[message.idempotency_key]["entry"]["uuid"] == message.idempotency_key
    assert outbox.deliver(message.pk) is None and len(server.requests) == 1, "a delivered message stays delivered"


def test_failures_back_off_then_the_limit_makes_a_dead_letter(edition, partner):
    server = partner(["fail", "timeout", "fail", "fail"])
    message = entered_message()
    delay = outbox.deliver(message.pk)
    message.refresh_from_db()
    assert message.status == "pending" and message.last_error == "HTTP 503" and 5 <= delay <= 10
    assert message.next_attempt_at > timezone.now() + timedelta(seconds=4)
    assert outbox.deliver(message.pk) is None and len(server.requests) == 1, "not due yet: no early attempt"
    for expected_error in ("ReadTimeout", "HTTP 503", "HTTP 503"):
        due_now(message)
        outbox.deliver(message.pk)
        message.refresh_from_db()
        assert expected_error in message.last_error
    assert message.status == "dead" and message.attempts == 4


def test_a_refusal_is_dead_at_once_and_re_driven_after_the_fix(edition, partner, django_capture_on_commit_callbacks):
    server = partner(secret="the partner's other secret")
    message = entered_message()
    outbox.deliver(message.pk)
    message.refresh_from_db()
    assert message.status == "dead" and message.attempts == 1 and message.response_status == 403
    server.secret = SECRET  # the operator fixes the secret
    with django_capture_on_commit_callbacks(execute=True):
        call_command("puentes_awards_redrive")  # eager in the test site: delivers once committed
    message.refresh_from_db()
    assert message.status == "delivered" and message.attempts == 1 and len(server.stored) == 1


def test_the_relay_finds_messages_whose_task_was_lost(edition, partner, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    partner()
    message = entered_message()  # the test transaction never commits: its task was never queued
    assert outbox.relay(grace_seconds=60) == 0, "not late enough yet"
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() - timedelta(minutes=5))
    call_command("puentes_awards_relay", "--grace", "60")
    message.refresh_from_db()
    assert message.status == "delivered"


def test_a_leased_message_is_not_delivered_twice_at_once(edition, partner):
    server = partner()
    message = entered_message()
    assert outbox.claim(timezone.now(), 1, [message.pk])
    assert outbox.deliver(message.pk) is None and server.requests == []
    assert outbox.relay(grace_seconds=0) == 0


def test_the_admin_re_drive_action(edition, partner, admin_client, django_capture_on_commit_callbacks):
    server = partner(secret="wrong")
    message = entered_message()
    outbox.deliver(message.pk)
    server.secret = SECRET
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post("/admin/puentes_awards/outboxmessage/", {
            "action": "redrive", "_selected_action": [message.pk]}, follow=True)
    assert response.status_code == 200
    message.refresh_from_db()
    assert message.status == "delivered"
    assert admin_client.get("/admin/puentes_awards/outboxmessage/?status=dead").status_code == 200
    assert admin_client.get(f"/admin/puentes_awards/entry/{message.entry_id}/change/").status_code == 200
