"""Turn a finished proposal's snapshot into an entry and its outbox rows, once, in one transaction."""
import logging

from django.db import IntegrityError, transaction
from django.db.models import Q

from . import attachments, editions, eligibility, inserts, notifications, outbox
from .models import Entry, EntryAttachment
from .payload import snapshot_as_json

log = logging.getLogger(__name__)


def _same_proposal(snapshot, edition):
    # proposal_id first, so the database walks the (proposal_id, version) index, not every entry.
    return (Entry.objects.filter(proposal_id=snapshot.proposal_id)
            .filter(Q(version=snapshot.version) | Q(edition=edition)))


def existing_entry(snapshot, edition):
    return _same_proposal(snapshot, edition).select_related("edition").first()


def enter(snapshot, entered_at):
    """(entry, created). (None, False) when no edition draws from the proposal's course."""
    edition, language = editions.edition_for(snapshot.course_key, entered_at)
    if edition is None:
        log.warning("Proposal %s v%s finished in %s, which no competition edition draws from",
                    snapshot.proposal_id, snapshot.version, snapshot.course_key)
        return None, False
    # Most events enter a new proposal, and the unique constraints (one entry per version, one per proposal and
    # edition) turn the rare repeat or later version into an IntegrityError below: no question asked first.
    # Except with files: copying them costs more than a query, and a repeat must not copy again.
    if snapshot.attachments and _same_proposal(snapshot, edition).exists():
        return existing_entry(snapshot, edition), False  # the same event again, or a later version: nothing changes
    # Files first, outside the transaction: paths are deterministic, so a retry reuses what a failed run copied.
    copies = attachments.copy_all(edition.slug, snapshot)
    reasons = eligibility.ineligibility(snapshot, eligibility.rules_of(edition), entered_at)
    try:
        # Writes only inside: on SQLite a read first would make the insert fail at once under a concurrent writer.
        with transaction.atomic():
            entry = _record(edition, snapshot, entered_at, reasons, copies, language)
            messages = outbox.open_messages(entry, copies) if entry.eligible else []
    except IntegrityError:
        # The same event again, a later version, or another process recording it first: the entry there stands.
        entry = existing_entry(snapshot, edition)
        if entry is None:
            raise
        return entry, False
    if messages:
        outbox.nudge_on_commit()
    if not entry.eligible:
        transaction.on_commit(lambda: notifications.tell_team_ineligible(entry), robust=True)
    return entry, True


def _record(edition, snapshot, entered_at, reasons, copies, language):
    snapshot_json = snapshot_as_json(snapshot)
    entry = inserts.insert(Entry(
        edition=edition, proposal_id=snapshot.proposal_id, version=snapshot.version,
        course_key=snapshot.course_key, block_key=snapshot.block_key, title=snapshot.title[:300],
        municipality=snapshot.municipality[:200], country=(snapshot.country or "")[:2].upper(),
        language=language, team=snapshot_json["team"], snapshot=snapshot_json,
        eligible=not reasons, ineligibility=reasons, submitted_at=snapshot.submitted_at,
        approved_at=snapshot.approved_at, entered_at=entered_at))
    entry._stored_snapshot = entry.snapshot  # what Entry.save keeps immutable from now on
    EntryAttachment.objects.bulk_create([
        EntryAttachment(entry=entry, attachment_id=copy.attachment_id, name=copy.name[:255],
                        content_type=copy.content_type[:100], size=copy.size, sha256=copy.sha256, file=copy.path)
        for copy in copies])
    return entry
