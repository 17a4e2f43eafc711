"""Every status a proposal passes through is written down with who moved it, and when.
"""
from . import rules
from .models import StatusChange


def log_status(proposal, status, actor_id, version_number=None):
    StatusChange.objects.create(proposal=proposal, status=status, actor_id=actor_id, version_number=version_number)


def move_status(proposal, action, actor_id, version_number=None):
    """Apply a rule's transition (rules.TransitionError if it is not allowed) and log it."""
    proposal.status = rules.next_status(proposal.status, action)
    log_status(proposal, proposal.status, actor_id, version_number)
