"""Test settings: the common defaults plus an event bus on the local Redis (db 5, its own topic prefix)."""
from . import common


def plugin_settings(settings):
    common.plugin_settings(settings)
    for name, value in {
        "EVENT_BUS_PRODUCER": "edx_event_bus_redis.create_producer",
        "EVENT_BUS_REDIS_CONNECTION_URL": "redis://127.0.0.1:6379/5",
        "EVENT_BUS_TOPIC_PREFIX": "puentes-test",
    }.items():
        if not hasattr(settings, name):
            setattr(settings, name, value)
