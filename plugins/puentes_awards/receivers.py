"""In-process receiver of org.puentes.proposal.finished.v1 (connected by signals_config or AppConfig.ready)."""
import logging

from django.utils import timezone

log = logging.getLogger(__name__)


def enter_finished_proposal(sender=None, proposal=None, metadata=None, **kwargs):  # noqa: ARG001 - signal API
    from . import api
    entered_at = getattr(metadata, "time", None) or timezone.now()
    try:
        return api.enter_finished_proposal(proposal, entered_at=entered_at)
    except Exception:
        log.exception("Proposal %s v%s could not enter the competition; the relay's next reconciliation "
                      "(`manage.py lms puentes_awards_reconcile`) or `manage.py lms puentes_awards_enter %s %s` "
                      "enters it", getattr(proposal, "proposal_id", "?"),
                      getattr(proposal, "version", "?"), getattr(proposal, "proposal_id", "?"),
                      getattr(proposal, "version", "?"))
        raise
