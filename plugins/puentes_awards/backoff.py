"""When to try a delivery again, and when to stop. Pure functions."""
import random

DELIVERED, RETRY, GIVE_UP = "delivered", "retry", "give_up"
# Statuses worth retrying: the receiver is busy, rate-limiting us, or broken for now.
RETRYABLE_STATUSES = {408, 425, 429}


def retry_delay(attempt, base, cap, rand=random.random):
    """Seconds before attempt `attempt + 1`: exponential (base, 2·base, 4·base …) up to cap, with jitter.

    "Equal jitter": half the delay is fixed, half random, so retries spread out but never come too soon.
    """
    delay = min(cap, base * (2 ** max(attempt - 1, 0)))
    return delay / 2 + rand() * delay / 2


def outcome(status_code):
    """What a response means for the message. None (no response: timeout, refused connection) is retried."""
    if status_code is None or status_code >= 500 or status_code in RETRYABLE_STATUSES:
        return RETRY
    if 200 <= status_code < 300:
        return DELIVERED
    # Other 4xx: the receiver refuses this request as it is (bad signature, bad payload). Retrying the same
    # bytes cannot help; a person fixes the cause and re-drives it.
    return GIVE_UP


def next_status(result, attempts, max_attempts):
    """The message's status after an attempt: delivered, pending (retry later) or dead."""
    if result == DELIVERED:
        return "delivered"
    if result == GIVE_UP or attempts >= max_attempts:
        return "dead"
    return "pending"
