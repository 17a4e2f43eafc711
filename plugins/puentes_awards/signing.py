"""HMAC-SHA256 signatures over a request body, in the `X-Puentes-Signature: sha256=<hex>` header."""
import hashlib
import hmac

SIGNATURE_HEADER = "X-Puentes-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"


def signature(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def signature_matches(body: bytes, secret: str, header_value: str | None) -> bool:
    """Constant-time comparison, so timing tells an attacker nothing about the right signature."""
    if not secret or not header_value:
        return False
    return hmac.compare_digest(signature(body, secret).encode("ascii"), header_value.strip().encode("ascii", "replace"))


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()
