"""The practices library's public interface (OEP-49): other packages and this app's views call these.

Functions take ids, users and plain values and return records from data.py. Refusals are
PracticeError with a `code` (and the `field` it is about) that the caller turns into a sentence.
"""
import math

import attr
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey

from . import building, countries, search
from .data import NetworkMember, PracticePage, PracticeRecord
from .models import LibraryModerator, Practice, PracticeEvent, PracticeTag
from .vocabulary import BUDGET_BAND_LABELS, GROUPS_SERVED, LANGUAGES, THEMATIC_AREAS, language_of

SHAREABLE = ("approved", "entered")   # proposal statuses whose latest version a tutor approved


class PracticeError(Exception):
    def __init__(self, code, field=None):
        super().__init__(code)
        self.code, self.field = code, field


# --- records -------------------------------------------------------------------------------------

def _run(course_key):
    try:
        key = CourseKey.from_string(str(course_key))
    except Exception:  # noqa: BLE001 - a key the platform wrote; shown as it is if it does not parse
        return str(course_key)
    return f"{key.course} {key.run}"


def _record(practice):
    tags = list(practice.tags.all())
    return PracticeRecord(
        practice_id=practice.pk, status=practice.status, source=practice.source, proposal_id=practice.proposal_id,
        course_key=str(practice.course_key), course_run=_run(practice.course_key), language=practice.language,
        title=practice.title, summary=practice.summary, problem=practice.problem, actions=practice.actions,
        partners=practice.partners, indicators=list(practice.indicators or []), municipality=practice.municipality,
        country=practice.country, areas=sorted(t.code for t in tags if t.kind == PracticeTag.AREA),
        groups=sorted(t.code for t in tags if t.kind == PracticeTag.GROUP), budget_total=practice.budget_total,
        currency=practice.currency, budget_band=practice.budget_band, award=practice.award,
        award_place=practice.award_place, edition_name=practice.edition_name, contact_email=practice.contact_email,
        in_network=practice.in_network, published_at=practice.published_at, updated_at=practice.updated_at)


def _with_tags(queryset):
    return queryset.prefetch_related(Prefetch("tags", queryset=PracticeTag.objects.order_by("kind", "code")))


def _log(practice, action, actor, note=""):
    PracticeEvent.objects.create(practice=practice, action=action, actor=actor if actor and actor.pk else None,
                                 note=note)


def _set_tags(practice, kind, codes):
    PracticeTag.objects.filter(practice=practice, kind=kind).delete()
    PracticeTag.objects.bulk_create([PracticeTag(practice=practice, kind=kind, code=code) for code in codes])


def _save(practice, areas=None, groups=None):
    practice.search_text = building.search_text(practice)
    practice.save()
    if areas is not None:
        _set_tags(practice, PracticeTag.AREA, areas)
    if groups is not None:
        _set_tags(practice, PracticeTag.GROUP, groups)


# --- who may do what -------------------------------------------------------------------------------

def may_moderate(user):
    """Global staff and the library's moderators (granted in the admin) publish, edit and withdraw."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_staff or LibraryModerator.objects.filter(user=user).exists()


def _is_team_member(practice, user):
    from puentes_proposals import api as proposals_api
    return getattr(user, "is_authenticated", False) and proposals_api.is_member(practice.proposal_id, user.pk)


# --- the team's consent ----------------------------------------------------------------------------

def _checked_codes(codes, vocabulary, field):
    codes = [str(code) for code in codes or []]
    if any(code not in vocabulary for code in codes):
        raise PracticeError("unknown_choice", field)
    return sorted(set(codes))


def _checked_team_fields(language, groups, country, budget_band, contact_email, wants_contact):
    if language not in LANGUAGES:
        raise PracticeError("unknown_choice", "language")
    groups = _checked_codes(groups, GROUPS_SERVED, "groups")
    if not groups:
        raise PracticeError("groups_required", "groups")
    if country and not countries.is_country(country):
        raise PracticeError("unknown_country", "country")
    if budget_band and budget_band not in BUDGET_BAND_LABELS:
        raise PracticeError("unknown_choice", "budget_band")
    contact_email = str(contact_email or "").strip()
    if wants_contact:
        from django.core.exceptions import ValidationError
        from django.core.validators import validate_email
        try:
            validate_email(contact_email)
        except ValidationError:
            raise PracticeError("bad_email", "contact_email") from None
    return groups, (contact_email if wants_contact else "")


def practice_for_proposal(proposal_id):
    """The practice made from this proposal, whatever its status, or None (for the team's page)."""
    practice = _with_tags(Practice.objects.filter(proposal_id=proposal_id)).first()
    return _record(practice) if practice else None


def share_proposal(proposal_id, user, *, language, groups, municipality, country, budget_band="",
                   contact_email="", wants_contact=False, in_network=False):
    """A team member consents to publish the team's approved proposal: a practice waiting for moderation.

    Sharing again after a withdrawal asks for moderation again; sharing while pending or published
    updates what the team chose (groups, contact, directory listing) and keeps the status.
    """
    from puentes_proposals import api as proposals_api
    try:
        proposal = proposals_api.get_proposal(proposal_id)
    except proposals_api.NotFound:
        raise PracticeError("not_found") from None
    if not proposals_api.is_member(proposal_id, user.pk):
        raise PracticeError("not_found")
    if proposal.status not in SHAREABLE:
        raise PracticeError("not_approved")
    groups, contact_email = _checked_team_fields(language, groups, country, budget_band, contact_email,
                                                 wants_contact)
    fields = building.fields_from_snapshot(
        _snapshot_dict(proposals_api.get_snapshot(proposal_id, proposal.versions_submitted)))
    municipality = " ".join(str(municipality or "").split())[:200] or fields["municipality"]
    country = str(country or "").upper() or fields["country"]
    if not municipality:
        raise PracticeError("municipality_required", "municipality")
    if not country:
        raise PracticeError("unknown_country", "country")
    areas = fields.pop("areas")
    with transaction.atomic():
        practice = Practice.objects.select_for_update().filter(proposal_id=proposal_id).first()
        reopened = practice is None or practice.status == Practice.WITHDRAWN
        if practice is None:
            practice = Practice(source=Practice.FROM_PROPOSAL, created_by=user, **fields)
        elif reopened:
            for name, value in fields.items():
                setattr(practice, name, value)
        practice.language, practice.municipality, practice.country = language, municipality, country
        practice.budget_band = budget_band or fields["budget_band"] or practice.budget_band
        practice.contact_email, practice.in_network = contact_email, bool(in_network)
        if reopened:
            practice.status, practice.published_at = Practice.PENDING, None
        _save(practice, areas=areas if reopened else None, groups=groups)
        _log(practice, "consented" if reopened else "team_updated", user)
    return practice_for_proposal(proposal_id)


def _snapshot_dict(snapshot):
    return attr.asdict(snapshot)


def withdraw(practice_id, user, note=""):
    """The team (any member) or a moderator takes a practice out of the library; it stays out until shared again."""
    with transaction.atomic():
        practice = Practice.objects.select_for_update().filter(pk=practice_id).first()
        if practice is None or not (may_moderate(user) or _is_team_member(practice, user)):
            raise PracticeError("not_found")
        if practice.status != Practice.WITHDRAWN:
            practice.status, practice.published_at = Practice.WITHDRAWN, None
            practice.save(update_fields=["status", "published_at", "updated_at"])
            _log(practice, "withdrawn", user, str(note or "")[:1000])
    return practice_for_proposal(practice.proposal_id)


# --- competition entries -----------------------------------------------------------------------------

def add_entry(edition_slug, entry_uuid, organiser, award=""):
    """An organiser puts a competition entry in the library (its team consented to publication when it
    entered); winners are labelled from the confirmed prizes, a mention when the organiser says so.
    Like every practice, it waits for a moderator."""
    from puentes_awards import api as awards_api
    if award not in ("", "mention"):
        raise PracticeError("unknown_choice", "award")
    entry = awards_api.entry_for_library(edition_slug, entry_uuid, organiser)
    if entry is None:
        raise PracticeError("not_found")
    fields = building.fields_from_snapshot(entry.snapshot)
    areas = fields.pop("areas")
    with transaction.atomic():
        practice = Practice.objects.select_for_update().filter(proposal_id=fields["proposal_id"]).first()
        if practice is None:
            practice = Practice(source=Practice.FROM_ENTRY, created_by=organiser, language=language_of(entry.language),
                                **fields)
        practice.entry_uuid, practice.edition_name = entry.uuid, entry.edition_name
        practice.award, practice.award_place = ("winner", entry.place) if entry.place else (award, None)
        _save(practice, areas=areas if practice.pk is None else None)
        _log(practice, "entry_added", organiser, practice.award)
    return practice_for_proposal(practice.proposal_id)


# --- moderation -------------------------------------------------------------------------------------

def moderation_queue(status=Practice.PENDING, limit=100):
    rows = _with_tags(Practice.objects.filter(status=status).order_by("-updated_at", "-id"))[:limit]
    return [_record(row) for row in rows]


def _moderated(practice_id, moderator):
    if not may_moderate(moderator):
        raise PracticeError("not_found")
    practice = Practice.objects.select_for_update().filter(pk=practice_id).first()
    if practice is None:
        raise PracticeError("not_found")
    return practice


def publish(practice_id, moderator):
    with transaction.atomic():
        practice = _moderated(practice_id, moderator)
        if practice.status == Practice.WITHDRAWN:
            raise PracticeError("withdrawn")   # only the team's new consent brings it back
        if practice.status != Practice.PUBLISHED:
            practice.status, practice.published_at = Practice.PUBLISHED, timezone.now()
            practice.save(update_fields=["status", "published_at", "updated_at"])
            _log(practice, "published", moderator)
    return practice_for_proposal(practice.proposal_id)


def edit(practice_id, moderator, *, summary, groups, budget_band, areas):
    """A moderator's edit of what the library shows about the practice (the team's own texts stay as written)."""
    summary = " ".join(str(summary or "").split())
    if not summary:
        raise PracticeError("summary_required", "summary")
    if len(summary) > 1500:
        raise PracticeError("summary_too_long", "summary")
    groups = _checked_codes(groups, GROUPS_SERVED, "groups")
    areas = _checked_codes(areas, THEMATIC_AREAS, "areas")
    if budget_band and budget_band not in BUDGET_BAND_LABELS:
        raise PracticeError("unknown_choice", "budget_band")
    with transaction.atomic():
        practice = _moderated(practice_id, moderator)
        practice.summary, practice.budget_band = summary, budget_band
        _save(practice, areas=areas, groups=groups)
        _log(practice, "edited", moderator)
    return practice_for_proposal(practice.proposal_id)


# --- the public library ------------------------------------------------------------------------------

def get_public(practice_id):
    """A published practice, or None: nothing pending or withdrawn is ever shown."""
    practice = _with_tags(Practice.objects.filter(pk=practice_id, status=Practice.PUBLISHED)).first()
    return _record(practice) if practice else None


def _filtered(filters):
    queryset = Practice.objects.filter(status=Practice.PUBLISHED)
    if filters.get("country"):
        queryset = queryset.filter(country=filters["country"])
    if filters.get("band"):
        queryset = queryset.filter(budget_band=filters["band"])
    if filters.get("awarded"):
        queryset = queryset.exclude(award="")
    for kind, name in ((PracticeTag.AREA, "area"), (PracticeTag.GROUP, "group")):
        if filters.get(name):
            queryset = queryset.filter(pk__in=PracticeTag.objects.filter(kind=kind, code=filters[name])
                                       .values("practice_id"))
    return queryset


def clean_filters(raw):
    """The filters a reader asked for, checked against the vocabularies: PracticeError(field) for a bad one."""
    filters = {}
    for name, vocabulary in (("area", THEMATIC_AREAS), ("group", GROUPS_SERVED), ("band", BUDGET_BAND_LABELS)):
        value = str(raw.get(name) or "")
        if value and value not in vocabulary:
            raise PracticeError("unknown_choice", name)
        filters[name] = value
    country = str(raw.get("country") or "").upper()
    if country and not countries.is_country(country):
        raise PracticeError("unknown_country", "country")
    filters["country"] = country
    filters["awarded"] = str(raw.get("awarded") or "") in ("1", "true", "on")
    return filters


def search_practices(query="", filters=None, page=1, page_size=20):
    """A page of published practices matching the words and filters, newest first."""
    words = search.query_words(query)
    ignored = [word for word in search.fold(query).split() if word not in words]
    queryset = search.matching(_filtered(filters or {}), words)
    total = queryset.count()
    pages = max(1, math.ceil(total / page_size))
    page = min(max(1, int(page)), pages)
    rows = _with_tags(queryset.order_by("-published_at", "-id"))[(page - 1) * page_size:page * page_size]
    return PracticePage(practices=[_record(row) for row in rows], total=total, page=page, pages=pages,
                        words=words, ignored=ignored)


def latest(limit=30):
    """The most recently published practices (the Atom feed)."""
    return [_record(row) for row in _with_tags(Practice.objects.filter(status=Practice.PUBLISHED)
                                               .order_by("-published_at", "-id"))[:limit]]


def network():
    """The municipalities whose teams opted in to the directory, by country, with their published practices."""
    members = {}
    rows = (Practice.objects.filter(status=Practice.PUBLISHED, in_network=True)
            .order_by("country", "municipality", "-published_at")
            .values_list("pk", "title", "municipality", "country", "course_key"))
    for practice_id, title, municipality, country, course_key in rows:
        member = members.setdefault((country, municipality.casefold()),
                                    {"municipality": municipality, "country": country, "practices": [], "runs": []})
        member["practices"].append((practice_id, title))
        if _run(course_key) not in member["runs"]:
            member["runs"].append(_run(course_key))
    return [NetworkMember(municipality=m["municipality"], country=m["country"], practices=m["practices"],
                          course_runs=sorted(m["runs"])) for m in members.values()]



def grant_moderator(user):
    """Let `user` moderate the library (what the Django admin's "Library moderators" page does)."""
    LibraryModerator.objects.get_or_create(user=user)


def list_in_network(practice_id, user, listed=True):
    """List (or unlist) the practice's municipality in the network directory: the team's choice, which a
    moderator may record for a team that asked by other means (a competition entry's team, for instance)."""
    with transaction.atomic():
        practice = Practice.objects.select_for_update().filter(pk=practice_id).first()
        if practice is None or not (may_moderate(user) or _is_team_member(practice, user)):
            raise PracticeError("not_found")
        practice.in_network = bool(listed)
        practice.save(update_fields=["in_network", "updated_at"])
        _log(practice, "listed" if listed else "unlisted", user)
