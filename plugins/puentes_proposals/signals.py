"""The openedx-events signal this app sends when a finished proposal enters the competition."""
from openedx_events.tooling import OpenEdxPublicSignal

from .data import ProposalFinishedData

# Sent by api.confirm_competition_entry once the team has confirmed eligibility and consent.
PROPOSAL_FINISHED = OpenEdxPublicSignal(
    event_type="org.puentes.proposal.finished.v1",
    data={"proposal": ProposalFinishedData},
)
