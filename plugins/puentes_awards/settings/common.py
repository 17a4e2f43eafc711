"""Defaults every site gets; an operator's (or another plugin's) values always win."""

DEFAULTS = {
    "PUENTES_ATTACHMENT_STORAGE": "default",      # where the proposals app keeps uploads (we copy from it)
    "PUENTES_AWARDS_STORAGE": "default",          # STORAGES alias for the entries' copied attachments
    "PUENTES_AWARDS_DELIVERY_URL": "",            # external awards system; empty = no HTTP delivery
    "PUENTES_AWARDS_SIGNING_SECRET": "",          # HMAC key for what we send
    "PUENTES_AWARDS_RECEIVER_SECRET": "",         # HMAC key for what we accept; empty = endpoint closed
    "PUENTES_AWARDS_EVENT_BUS": False,            # also publish each entry on the Open edX event bus
    "PUENTES_AWARDS_EVENT_BUS_TOPIC": "puentes-awards-entry-recorded",
    "PUENTES_AWARDS_DELIVERY_MAX_ATTEMPTS": 8,
    "PUENTES_AWARDS_DELIVERY_TIMEOUTS": (3.05, 10),  # (connect, read) seconds, as requests takes them
    "PUENTES_AWARDS_DELIVERY_BACKOFF": (10, 3600),   # first retry after ~base s, doubling, never above cap
    "PUENTES_AWARDS_RELAY_GRACE_SECONDS": 60,     # a pending message this late has lost its task
    "PUENTES_AWARDS_DELIVERY_BATCH_SIZE": 50,     # rows one task claims and posts
    # seconds a new row waits so that rows leave together: long enough to fill a batch of 50 at 200 entries/s,
    # short enough that nobody waits on it (the hand-off benchmark: delay p50 about 1.0 s at 1 s, 0.5 s at 0.25 s)
    "PUENTES_AWARDS_DELIVERY_BATCH_WINDOW": 0.25,
    "PUENTES_AWARDS_DELIVERY_CACHE": "default",   # CACHES alias holding the "a task is queued" mark
    "PUENTES_AWARDS_SENDER": "",                  # how receivers name us; defaults to LMS_BASE
}


def plugin_settings(settings):
    for name, value in DEFAULTS.items():
        if not hasattr(settings, name):
            setattr(settings, name, value)
