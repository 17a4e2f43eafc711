"""The awards app's public interface (OEP-49): the only module other packages import, with data.py."""
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from . import entries
from .data import EntryRecord, LibraryEntry
from .models import Edition, EditionCourse, Entry


def _record(entry):
    return EntryRecord(uuid=str(entry.uuid), edition_slug=entry.edition.slug, edition_name=entry.edition.name,
                       proposal_id=entry.proposal_id, version=entry.version, title=entry.title,
                       municipality=entry.municipality, country=entry.country, eligible=entry.eligible,
                       ineligibility=list(entry.ineligibility), entered_at=entry.entered_at)


def enter_proposal(snapshot, entered_at=None):
    """Enter a finished proposal's snapshot (puentes_proposals.data.ProposalSnapshot) in the competition.

    Idempotent: the same version again, or another version of an entered proposal, returns the existing
    entry and changes nothing. None when no edition draws from the proposal's course.
    """
    entry, _created = entries.enter(snapshot, entered_at or timezone.now())
    return _record(entry) if entry else None


def enter_finished_proposal(proposal, entered_at=None):
    """Enter the proposal named by a ProposalFinishedData event payload, reading its snapshot from the proposals app."""
    from puentes_proposals.api import get_snapshot
    return enter_proposal(get_snapshot(proposal.proposal_id, proposal.version), entered_at)


def get_entry_for_proposal(proposal_id):
    """The proposal's entry in the competition, or None."""
    entry = Entry.objects.select_related("edition").filter(proposal_id=proposal_id).order_by("-created").first()
    return _record(entry) if entry else None


def can_organise(user, edition):
    """Organisers of the edition and global staff run it; nobody else sees its entries."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_staff or edition.organisers.filter(pk=user.pk).exists()


def entries_for_library(edition_slug, user):
    """The edition's eligible entries with their confirmed prize place, for an organiser choosing what goes
    into the library of good practices; None when `user` does not organise the edition."""
    edition = Edition.objects.filter(slug=str(edition_slug)).first()
    if edition is None or not can_organise(user, edition):
        return None
    places = dict(edition.winners.values_list("entry_id", "place"))
    return [_library_entry(entry, places.get(entry.pk))
            for entry in edition.entries.filter(eligible=True).order_by("municipality", "id")]


def entry_for_library(edition_slug, entry_uuid, user):
    """One entry of `entries_for_library`, or None."""
    return next((entry for entry in entries_for_library(edition_slug, user) or [] if entry.uuid == str(entry_uuid)),
                None)


def _library_entry(entry, place):
    return LibraryEntry(uuid=str(entry.uuid), edition_slug=entry.edition.slug, edition_name=entry.edition.name,
                        title=entry.title, municipality=entry.municipality, country=entry.country,
                        language=entry.language, place=place, snapshot=entry.snapshot)


@transaction.atomic
def create_edition(*, name, courses, call_opens_at, call_closes_at, prizes, currency, budget_cap=None,
                   countries=(), slug=None, organisers=()):
    """Create (or update, by slug) an edition. courses: [(course_key, language)]; prizes: (1st, 2nd, 3rd)."""
    if call_closes_at <= call_opens_at:
        raise ValueError("The call must close after it opens")
    first, second, third = prizes
    edition, _ = Edition.objects.update_or_create(slug=slug or slugify(name)[:80], defaults={
        "name": name, "call_opens_at": call_opens_at, "call_closes_at": call_closes_at, "first_prize": first,
        "second_prize": second, "third_prize": third, "currency": currency.upper(), "budget_cap": budget_cap,
        "countries": sorted({code.upper() for code in countries})})
    for course_key, language in courses:
        EditionCourse.objects.update_or_create(edition=edition, course_key=course_key,
                                               defaults={"language": language})
    if organisers:
        edition.organisers.add(*organisers)
    return edition.slug


# ---- the jury (issue 6) -------------------------------------------------------------------------------------

def grant_role(edition_slug, user, role, municipality="", country="", actor=None):
    """Make `user` an organiser or a juror ("organiser" / "juror") of the edition, audited; granting a role
    already held changes nothing. A juror's municipality and country (ISO alpha-2) find conflicts of interest."""
    from .jury import services
    services.grant_role(Edition.objects.get(slug=edition_slug), user, role, actor=actor,
                        municipality=municipality, country=country)


def configure_jury(edition_slug, actor=None, **changes):
    """Change jury settings (jurors_per_entry, seed, show_municipality, conflict_same_municipality,
    conflict_same_country, tiebreak_order) before the entries are assigned. Values already set change nothing;
    a change after assignment raises ValueError with the reason."""
    import dataclasses

    from .jury import services, setup
    edition = Edition.objects.get(slug=edition_slug)
    settings = services.jury_settings(edition)
    current = setup.JuryChoices(settings.jurors_per_entry, settings.seed, settings.show_municipality,
                                settings.conflict_same_municipality, settings.conflict_same_country,
                                tuple(settings.tiebreak_order))
    if "tiebreak_order" in changes:
        changes["tiebreak_order"] = tuple(changes["tiebreak_order"])
    wanted = dataclasses.replace(current, **changes)
    if wanted != current:
        services.update_settings(edition, wanted, actor)
