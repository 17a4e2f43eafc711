"""Accept an entry another site hands us: signed, keyed, stored once. Nothing is stored from a refused request."""
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from puentes_core import safe_json

from .models import ReceivedEntry
from .signing import body_hash, signature_matches

MAX_KEY_LENGTH = 255


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict


def refusal(status, message, code):
    return Answer(status, {"error": code, "message": message})


def stored_result(received, created):
    return Answer(201 if created else 200, {"status": "accepted", "id": received.pk,
                                            "idempotency_key": received.idempotency_key,
                                            "received_at": received.received_at.isoformat(),
                                            "duplicate": not created})


def receive(body: bytes, signature_header, idempotency_key):
    secret = settings.PUENTES_AWARDS_RECEIVER_SECRET
    if not secret:
        return refusal(503, "This site does not accept entries: PUENTES_AWARDS_RECEIVER_SECRET is not set.",
                       "receiving_disabled")
    if not signature_header:
        return refusal(401, "Sign the body with HMAC-SHA256 and send it as 'X-Puentes-Signature: sha256=<hex>'.",
                       "signature_missing")
    if not signature_matches(body, secret, signature_header):
        return refusal(403, "The signature does not match the body: check the shared secret and that the body "
                            "is sent exactly as signed.", "signature_invalid")
    key = (idempotency_key or "").strip()
    if not key or len(key) > MAX_KEY_LENGTH:
        return refusal(400, f"Send an 'Idempotency-Key' header of 1 to {MAX_KEY_LENGTH} characters, the same "
                            "for every retry of this entry.", "idempotency_key_missing")
    try:
        payload = safe_json.loads(body)   # nesting capped: a signed body 100,000 deep is a 400, not a 500 (L1)
    except safe_json.JsonRefused as refused:
        return refusal(400, f"The body is not UTF-8 JSON the receiver reads ({refused.code}: at most "
                            f"{safe_json.MAX_DEPTH} levels of nesting, no lone surrogates).", "malformed_json")
    if not isinstance(payload, dict) or not isinstance(payload.get("entry"), dict):
        return refusal(400, "The body must be a JSON object with an 'entry' object in it.", "malformed_entry")
    return _store(key, body_hash(body), payload)


def _store(key, digest, payload):
    existing = ReceivedEntry.objects.filter(idempotency_key=key).first()
    if existing is None:
        if ReceivedEntry.objects.filter(body_hash=digest).exists():
            return _replay()
        try:
            with transaction.atomic():
                return stored_result(ReceivedEntry.objects.create(
                    idempotency_key=key, body_hash=digest, payload=payload,
                    sender=str(payload.get("sender", ""))[:255]), created=True)
        except IntegrityError:
            existing = ReceivedEntry.objects.filter(idempotency_key=key).first()
            if existing is None:  # a concurrent request stored this body under another key
                return _replay()
    if existing.body_hash != digest:
        return refusal(422, "This Idempotency-Key was already used for a different body; use a new key for a "
                            "new entry.", "idempotency_key_reused")
    return stored_result(existing, created=False)


def _replay():
    return refusal(409, "This exact body was already received under another Idempotency-Key: refused as a "
                        "replay. Retries must reuse the original key.", "replay")

