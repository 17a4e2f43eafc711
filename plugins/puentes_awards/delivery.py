"""Carry one outbox message to its destination: HTTP POST to the external awards system, or the event bus."""
import threading
from dataclasses import dataclass

import urllib3
from django.conf import settings
from openedx_events.event_bus import NoEventBusProducer, get_producer

from .data import AwardEntryData
from .payload import canonical_json
from .signals import ENTRY_RECORDED
from .signing import IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signature

_local = threading.local()


@dataclass(frozen=True)
class DeliveryResult:
    status_code: int | None  # None: no HTTP answer (timeout, refused) or not HTTP at all
    body: str = ""
    error: str = ""


def http_pool():
    """One connection pool per worker thread: connections to the receiver are kept alive between deliveries.
    urllib3 itself, not a requests Session over it: a batch is posts with no cookies, redirects or hooks, and
    requests' layer cost about 1 ms of CPU per post, as much as the rest of the worker's work on the entry."""
    if getattr(_local, "pool", None) is None:
        _local.pool = urllib3.PoolManager(headers={"User-Agent": "puentes-awards/1"})
    return _local.pool


def configuration_problem():
    """Why HTTP delivery must not run as configured, or None. A delivery URL with an empty signing secret
    would sign every entry with an empty key, which anyone can forge (L4)."""
    if settings.PUENTES_AWARDS_DELIVERY_URL and not str(settings.PUENTES_AWARDS_SIGNING_SECRET or "").strip():
        return ("PUENTES_AWARDS_DELIVERY_URL is set but PUENTES_AWARDS_SIGNING_SECRET is empty: set a long random "
                "secret shared with the receiving system (Tutor generates one), or unset the URL.")
    return None


def post_entry(payload, idempotency_key):
    url, secret = settings.PUENTES_AWARDS_DELIVERY_URL, settings.PUENTES_AWARDS_SIGNING_SECRET
    if not url:
        return DeliveryResult(None, error="PUENTES_AWARDS_DELIVERY_URL is not set")
    problem = configuration_problem()
    if problem:
        return DeliveryResult(None, error=problem)   # never sent unsigned; the row waits for the fix
    body = canonical_json(payload)
    headers = {"Content-Type": "application/json", IDEMPOTENCY_HEADER: idempotency_key,
               SIGNATURE_HEADER: signature(body, secret)}
    connect, read = settings.PUENTES_AWARDS_DELIVERY_TIMEOUTS
    try:
        # No retries and no redirects here: the outbox retries, and an entry never follows a redirect elsewhere.
        response = http_pool().request("POST", url, body=body, headers=headers, redirect=False, retries=False,
                                       timeout=urllib3.Timeout(connect=connect, read=read))
    except urllib3.exceptions.HTTPError as exc:
        return DeliveryResult(None, error=f"{type(exc).__name__}: {exc}"[:2000])
    error = "" if 200 <= response.status < 300 else f"HTTP {response.status}"
    return DeliveryResult(response.status, response.data.decode("utf-8", "replace")[:4000], error)


def publish_entry(payload):
    producer = get_producer()
    if isinstance(producer, NoEventBusProducer):
        return DeliveryResult(None, error="EVENT_BUS_PRODUCER is not configured")
    entry = payload["entry"]
    data = AwardEntryData(entry_uuid=entry["uuid"], edition_slug=entry["edition"]["slug"],
                          proposal_id=entry["proposal_id"], version=entry["version"],
                          course_key=entry["course_key"], municipality=entry["municipality"],
                          country=entry["country"], payload_json=canonical_json(payload).decode("utf-8"))
    producer.send(signal=ENTRY_RECORDED, topic=settings.PUENTES_AWARDS_EVENT_BUS_TOPIC,
                  event_key_field="entry.entry_uuid", event_data={"entry": data},
                  event_metadata=ENTRY_RECORDED.generate_signal_metadata())
    return DeliveryResult(None)


def deliver(message):
    if message.destination == message.EVENT_BUS:
        return publish_entry(message.payload)
    return post_entry(message.payload, message.idempotency_key)
