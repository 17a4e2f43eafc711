"""With the event bus on, an entry is published through openedx-events' producer to the real Redis stream."""
import uuid

import pytest
import redis
from openedx_events.event_bus.avro.deserializer import deserialize_bytes_to_event_data

from puentes_awards import api, outbox
from puentes_awards.models import OutboxMessage
from puentes_awards.signals import ENTRY_RECORDED
from tests.awards_handoff.conftest import build_snapshot

pytestmark = pytest.mark.django_db
REDIS_URL = "redis://127.0.0.1:6379/7"


def test_an_entry_arrives_on_the_event_bus_stream(edition, settings):
    prefix = f"puentes-test-{uuid.uuid4().hex[:8]}"
    settings.PUENTES_AWARDS_EVENT_BUS = True
    settings.EVENT_BUS_PRODUCER = "edx_event_bus_redis.create_producer"
    settings.EVENT_BUS_REDIS_CONNECTION_URL = REDIS_URL
    settings.EVENT_BUS_TOPIC_PREFIX = prefix
    entry = api.enter_proposal(build_snapshot())
    message = OutboxMessage.objects.get(destination="event_bus")
    assert outbox.deliver(message.pk) is None
    message.refresh_from_db()
    assert message.status == "delivered"

    stream = f"{prefix}-{settings.PUENTES_AWARDS_EVENT_BUS_TOPIC}"
    client = redis.Redis.from_url(REDIS_URL)
    try:
        [(_id, fields)] = client.xrange(stream)
        assert fields[b"type"] == b"org.puentes.award.entry.recorded.v1"
        data = deserialize_bytes_to_event_data(fields[b"event_data"], ENTRY_RECORDED)
        assert data["entry"].entry_uuid == entry.uuid and data["entry"].municipality == "Cúcuta"
        assert '"municipality":"Cúcuta"' in data["entry"].payload_json
    finally:
        client.delete(stream)


def test_without_a_producer_the_message_waits(edition, settings):
    settings.PUENTES_AWARDS_EVENT_BUS = True
    settings.EVENT_BUS_PRODUCER = None
    api.enter_proposal(build_snapshot())
    message = OutboxMessage.objects.get(destination="event_bus")
    assert outbox.deliver(message.pk) is not None
    message.refresh_from_db()
    assert message.status == "pending" and "EVENT_BUS_PRODUCER" in message.last_error
