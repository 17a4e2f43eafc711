"""The openedx-events signal this app puts on the event bus when an entry is recorded (if the operator wants)."""
from openedx_events.tooling import OpenEdxPublicSignal

from .data import AwardEntryData

ENTRY_RECORDED = OpenEdxPublicSignal(
    event_type="org.puentes.award.entry.recorded.v1",
    data={"entry": AwardEntryData},
)
