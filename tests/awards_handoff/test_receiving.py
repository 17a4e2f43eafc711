"""The receiving endpoint: signed and keyed entries are stored once; every refusal is a clear 4xx and stores nothing."""
import json

import pytest

from puentes_awards.models import ReceivedEntry
from puentes_awards.signing import signature
from tests.awards_handoff.conftest import SECRET

pytestmark = pytest.mark.django_db
URL = "/api/puentes_awards/v1/entries/"
BODY = json.dumps({"schema": "org.puentes.award.entry.v1", "sender": "lms.partner.org",
                   "entry": {"uuid": "u-1", "municipality": "Cúcuta"}}, ensure_ascii=False).encode()


@pytest.fixture(autouse=True)
def receiver_secret(settings):
    settings.PUENTES_AWARDS_RECEIVER_SECRET = SECRET


def post(client, body=BODY, key="key-1", signed_with=SECRET, signature_header=None):
    headers = {"Idempotency-Key": key} if key is not None else {}
    headers["X-Puentes-Signature"] = signature_header or signature(body, signed_with)
    return client.post(URL, body, content_type="application/json", headers=headers)


def test_a_signed_entry_is_stored_and_the_same_request_again_gets_the_stored_answer(client):
    first = post(client)
    assert first.status_code == 201
    stored = ReceivedEntry.objects.get()
    assert stored.sender == "lms.partner.org" and stored.payload["entry"]["municipality"] == "Cúcuta"
    again = post(client)
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"] and again.json()["duplicate"] is True
    assert ReceivedEntry.objects.count() == 1


@pytest.mark.parametrize("kwargs,status,code", [
    ({"signed_with": "not the secret"}, 403, "signature_invalid"),
    ({"signature_header": "sha256=" + "0" * 64}, 403, "signature_invalid"),
    ({"key": None}, 400, "idempotency_key_missing"),
    ({"key": "k" * 256}, 400, "idempotency_key_missing"),
    ({"body": b'{"entry": {"uuid": '}, 400, "malformed_json"),
    ({"body": b"\xff\xfe not utf-8"}, 400, "malformed_json"),
    ({"body": b'["an", "array"]'}, 400, "malformed_entry"),
])
def test_refusals_are_clear_and_store_nothing(client, kwargs, status, code):
    response = post(client, **kwargs)
    assert response.status_code == status
    assert response.json()["error"] == code and len(response.json()["message"]) > 20
    assert ReceivedEntry.objects.count() == 0


def test_an_unsigned_request_is_told_how_to_sign(client):
    response = client.post(URL, BODY, content_type="application/json", headers={"Idempotency-Key": "k"})
    assert response.status_code == 401 and "X-Puentes-Signature" in response.json()["message"]
    assert ReceivedEntry.objects.count() == 0


def test_the_same_body_under_another_key_is_a_replay(client):
    assert post(client).status_code == 201
    replay = post(client, key="key-2")
    assert replay.status_code == 409 and replay.json()["error"] == "replay"
    assert ReceivedEntry.objects.count() == 1


def test_a_key_reused_for_another_body_is_refused(client):
    assert post(client).status_code == 201
    other = BODY.replace(b"u-1", b"u-2")
    response = post(client, body=other)
    assert response.status_code == 422 and response.json()["error"] == "idempotency_key_reused"
    assert ReceivedEntry.objects.count() == 1


def test_closed_when_no_secret_is_set_and_post_only(client, settings):
    settings.PUENTES_AWARDS_RECEIVER_SECRET = ""
    assert post(client).status_code == 503
    assert client.get(URL).status_code == 405
    assert ReceivedEntry.objects.count() == 0


def test_what_our_sender_sends_is_what_our_receiver_accepts(client, edition, settings):
    """Two Puentes sites: the outbox payload, signed as delivery signs it, is accepted by the endpoint."""
    from puentes_awards import api
    from puentes_awards.models import OutboxMessage
    from puentes_awards.payload import canonical_json
    from tests.awards_handoff.conftest import build_snapshot
    settings.PUENTES_AWARDS_DELIVERY_URL = "http://127.0.0.1:9/"
    api.enter_proposal(build_snapshot())
    message = OutboxMessage.objects.get()
    response = post(client, body=canonical_json(message.payload), key=message.idempotency_key)
    assert response.status_code == 201
    assert ReceivedEntry.objects.get().payload == message.payload


@pytest.mark.parametrize("body", [b"[" * 100_000 + b"]" * 100_000, b'{"entry": ' + b"{\"a\": " * 5000 + b"1"
                                  + b"}" * 5001, b'{"entry": {"title": "\\ud800"}}'])
def test_a_signed_body_nested_too_deep_or_with_a_lone_surrogate_is_a_400(client, body):
    """L1: a correctly signed body 100,000 levels deep made the receiver's json.loads raise RecursionError (500)."""
    from puentes_awards.models import ReceivedEntry
    response = post(client, body=body)
    assert response.status_code == 400 and response.json()["error"] == "malformed_json"
    assert "nesting" in response.json()["message"]
    assert not ReceivedEntry.objects.exists()
