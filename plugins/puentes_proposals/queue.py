"""The tutors' queue: a course's proposals with counts by status, filters, search, oldest waiting first, pages.

A page is the same handful of queries at 100 or 10,000 proposals: counts by status kept per block (status_counts),
one page of rows (with their queue facts joined), then the page's claims and teams by id.
"""
import datetime
import math
import re
import unicodedata

from django.db import connection
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey, UsageKey

from . import leases, rules, status_counts
from .cohorts import cohorts_of
from .data import ClaimRecord, QueueItem, QueuePage
from .models import (
    CourseTutor,
    Proposal,
    ProposalVersion,
    QueueFacts,
    QueueSearchTerm,
    Review,
    ReviewClaim,
    TeamMembership,
    TutorAssignment,
)

MAX_PAGE_SIZE = 100
ITEM_COLUMNS = ("id", "block_key", "status", "country", "municipality", "versions_submitted", "submitted_at",
                "queue_facts__title", "queue_facts__country", "queue_facts__thematic_area", "queue_facts__cohort")
COUNTED_STATUSES = tuple(status for status in rules.STATUSES if status != rules.DRAFT)


def course_proposals(course_key, block_keys=()):
    proposals = Proposal.objects.filter(course_key=CourseKey.from_string(str(course_key)))
    if block_keys:
        proposals = proposals.filter(block_key__in=[UsageKey.from_string(str(key)) for key in block_keys])
    return proposals


def _choice_answer(template, answers, section_id):
    section = next((s for s in template if s["id"] == section_id), None)
    if section is None and section_id == "thematic_area":
        section = next((s for s in template if s["type"] == "choice"), None)
    return str(answers.get(section["id"]) or "") if section else ""


def facts_row(version, usernames, cohort=""):
    """What the queue filters on, copied from a proposal's latest submitted version (a QueueFacts, not saved)."""
    proposal = version.proposal
    country = (_choice_answer(version.template, version.answers, "country") or proposal.country)[:2].upper()
    search = " ".join([version.title, proposal.municipality, str(version.answers.get("municipality") or ""),
                       *usernames]).lower()
    return QueueFacts(proposal_id=proposal.pk, course_key=proposal.course_key, block_key=proposal.block_key,
                      title=version.title, country=country,
                      thematic_area=_choice_answer(version.template, version.answers, "thematic_area")[:100],
                      cohort=(cohort or "")[:100], search_text=search)


FACT_FIELDS = ["course_key", "block_key", "title", "country", "thematic_area", "cohort", "search_text"]
TERM_LENGTH = 64
# A searched word found in more proposals than this is checked proposal by proposal; a rarer one lists its
# proposals first, so the database starts from the few that can match, whatever its statistics say.
LISTED_MATCHES = 500


def fold(text):
    """Lower case without accents, as terms are stored and searched: "Pastó" and "pasto" are one word."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def search_terms(text):
    """The distinct words of a search text, folded, as the term index holds them."""
    return list(dict.fromkeys(word[:TERM_LENGTH] for word in re.findall(r"\w+", fold(text))))


def _store_terms(rows, replace=True):
    """The rows' search terms: the old ones deleted first unless there can be none (a first version's)."""
    if replace:
        QueueSearchTerm.objects.filter(proposal_id__in=[row.proposal_id for row in rows]).delete()
    QueueSearchTerm.objects.bulk_create([QueueSearchTerm(proposal_id=row.proposal_id, term=term)
                                         for row in rows for term in search_terms(row.search_text)],
                                        batch_size=1000)


def _upsert(rows):
    # MariaDB's ON DUPLICATE KEY takes no conflict target; SQLite's and PostgreSQL's ON CONFLICT need one.
    target = ["proposal"] if connection.features.supports_update_conflicts_with_target else None
    QueueFacts.objects.bulk_create(rows, update_conflicts=True, unique_fields=target, update_fields=FACT_FIELDS)


def _with_term(prefix):
    """Proposals with a word starting with `prefix`, read from the (term, proposal) index.

    SQLite compares terms by code point, so a range finds the prefix (its LIKE would not use the index). MariaDB
    compares by the column's collation (utf8mb4_unicode_ci), where "pa{" sorts before "paz" and a range would
    miss every word ending in z or 9: there LIKE 'prefix%' (istartswith), which MariaDB reads as an index range.
    """
    if connection.vendor == "mysql":
        return QueueSearchTerm.objects.filter(term__istartswith=prefix).values("proposal_id")
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return QueueSearchTerm.objects.filter(term__gte=prefix, term__lt=upper).values("proposal_id")


def _with_every_term(words):
    """(Q: proposals with a word starting with each of `words`, whether they are at most LISTED_MATCHES).

    Each word's proposals are listed first (one index read of at most LISTED_MATCHES + 1 rows): the rare words'
    lists are intersected here and the common words are left to the database to check on those few, so the
    plan does not hang on the database's statistics (MariaDB, with stale ones, read all 10,000 proposals of a
    common word). When every word is common, the database checks them all.
    """
    listed, common = None, Q()
    for word in words:
        found = set(_with_term(word).values_list("proposal_id", flat=True)[:LISTED_MATCHES + 1])
        if len(found) > LISTED_MATCHES:
            common &= Q(pk__in=_with_term(word))
            continue
        listed = found if listed is None else listed & found
        if not listed:
            return Q(pk__in=[]), True
    return (common, False) if listed is None else (Q(pk__in=sorted(listed)) & common, True)


def store_facts(versions, cohorts=None):
    """Write (or overwrite) the queue facts of these latest submitted versions, `cohorts` by proposal id.

    Four queries however many versions come: the teams' usernames, one upsert, then the search terms
    replaced (a delete and an insert). The rebuild command passes batches; a submit writes its one version
    with store_version_facts.
    """
    versions = list(versions)
    if not versions:
        return 0
    members = {}
    for proposal_id, username in TeamMembership.objects.filter(
            proposal_id__in=[v.proposal_id for v in versions]).values_list("proposal_id", "user__username"):
        members.setdefault(proposal_id, []).append(username)
    rows = [facts_row(v, members.get(v.proposal_id, []), (cohorts or {}).get(v.proposal_id, "")) for v in versions]
    _upsert(rows)
    _store_terms(rows)
    return len(rows)


def store_version_facts(version, usernames, cohort="", first=False):
    """The queue facts of one version just submitted, from the team its submit already read (`usernames`, in
    joining order): the upsert and the search terms, in the submit's transaction. A first version's proposal
    has no terms yet, so nothing is deleted. Returns the QueueFacts row as written."""
    row = facts_row(version, usernames, cohort)
    _upsert([row])
    _store_terms([row], replace=not first)
    return row


def rebuild_facts(course_key=None, batch_size=500):
    """(Re)write the queue facts of every submitted proposal (of one course) from its latest version.

    For proposals submitted before the receiver existed, or whose facts went missing. A batch is
    four queries (versions, stored cohorts, teams, one upsert) plus one cohort lookup per course in
    the LMS, whatever the number of proposals; running it again writes the same values.
    """
    latest = (ProposalVersion.objects.filter(number=F("proposal__versions_submitted"))
              .select_related("proposal").order_by("proposal_id"))
    if course_key:
        latest = latest.filter(proposal__course_key=CourseKey.from_string(str(course_key)))
    written, after = 0, 0
    while True:
        versions = list(latest.filter(proposal_id__gt=after)[:batch_size])
        if not versions:
            return written
        ids = [version.proposal_id for version in versions]
        # A cohort the LMS no longer reports (or outside the LMS) keeps the one the receiver stored.
        cohorts = dict(QueueFacts.objects.filter(proposal_id__in=ids).values_list("proposal_id", "cohort"))
        submitters = {}
        for version in versions:
            submitters.setdefault(str(version.proposal.course_key), set()).add(version.submitted_by_id)
        for course, user_ids in submitters.items():
            found = cohorts_of(course, user_ids)
            for version in versions:
                if str(version.proposal.course_key) == course and found.get(version.submitted_by_id):
                    cohorts[version.proposal_id] = found[version.submitted_by_id]
        written += store_facts(versions, cohorts)
        after = ids[-1]


def assignment(course_key, user_id):
    """(countries, cohorts) the tutor looks after in this course."""
    row = TutorAssignment.objects.filter(course_key=CourseKey.from_string(str(course_key)), user_id=user_id).first()
    return (list(row.countries), list(row.cohorts)) if row else ([], [])


def assign(course_key, user_id, countries=(), cohorts=()):
    countries = sorted({str(code).strip().upper()[:2] for code in countries if str(code).strip()})
    cohorts = sorted({str(name).strip()[:100] for name in cohorts if str(name).strip()})
    TutorAssignment.objects.update_or_create(course_key=CourseKey.from_string(str(course_key)), user_id=user_id,
                                             defaults={"countries": countries, "cohorts": cohorts})


def _statuses(filters):
    return [s for s in filters.statuses if s in rules.STATUSES] or list(rules.AWAITING_REVIEW)


def _by_status_only(filters):
    """Whether the filters pick proposals by status alone (then the counts by status give the total)."""
    return (not (filters.country or filters.thematic_area or filters.waiting_days or filters.tutor
                 or filters.search.strip())
            and all(status in COUNTED_STATUSES for status in _statuses(filters)))


def _filtered(proposals, filters, now):
    """(The matching proposals, whether a search keeps them to a few: at most LISTED_MATCHES + 1.)"""
    proposals = proposals.filter(status__in=_statuses(filters))
    if filters.country:
        proposals = proposals.filter(queue_facts__country=filters.country.strip().upper())
    if filters.thematic_area:
        proposals = proposals.filter(queue_facts__thematic_area=filters.thematic_area)
    if filters.waiting_days:
        proposals = proposals.filter(submitted_at__lte=now - datetime.timedelta(days=filters.waiting_days))
    if filters.tutor:
        holds = ReviewClaim.objects.filter(proposal=OuterRef("pk"), held=True, tutor__username=filters.tutor)
        reviewed = Review.objects.filter(proposal=OuterRef("pk"), state=Review.SENT, tutor__username=filters.tutor)
        proposals = proposals.filter(Q(Exists(holds)) | Q(Exists(reviewed)))
    search = " ".join(filters.search.split()).lower()
    if search.lstrip("#").isdecimal() and search.startswith("#"):
        return proposals.filter(pk=int(search.lstrip("#"))), True
    words = search_terms(search)
    if not words:
        return proposals, False
    by_text, few = _with_every_term(words)   # every word, as the start of a word of the title, municipality or team
    return proposals.filter(by_text | Q(pk=int(search)) if search.isdecimal() else by_text), few


def _in_queue_order(matching, countries, cohorts):
    """The ids of a few matching proposals (a search's), in the queue's order, sorted here.

    The database would walk proposal_waiting_idx in order looking for these few among every waiting proposal;
    their sort keys are one small read. The order is page()'s: assigned first, then oldest submission (none
    first, as SQL sorts NULL), then id.
    """
    def order(row):
        pk, submitted_at, country, cohort = row
        later = bool(countries or cohorts) and not (country in countries or cohort in cohorts)
        return (later, submitted_at is not None, submitted_at, pk)
    return [row[0] for row in sorted(matching.values_list("pk", "submitted_at", "queue_facts__country",
                                                          "queue_facts__cohort"), key=order)]


def page(course_key, filters, viewer_id=None, block_keys=(), now=None):
    """One page of the queue as `viewer_id` sees it: their countries and cohorts first, then oldest waiting."""
    now = now or timezone.now()
    proposals = course_proposals(course_key, block_keys)
    counts = status_counts.of_course(course_key, COUNTED_STATUSES, block_keys)   # kept with each status change
    matching, few = _filtered(proposals, filters, now)
    countries, cohorts = assignment(course_key, viewer_id) if viewer_id else ([], [])
    in_order = _in_queue_order(matching, countries, cohorts) if few else None
    if in_order is not None:
        total = len(in_order)
    elif _by_status_only(filters):
        total = sum(counts.get(status, 0) for status in set(_statuses(filters)))
    else:
        total = matching.count()
    page_size = max(1, min(int(filters.page_size or 25), MAX_PAGE_SIZE))
    pages = max(1, math.ceil(total / page_size))
    number = max(1, min(int(filters.page or 1), pages))
    ordering = ["submitted_at", "id"]
    if countries or cohorts:
        mine = Q(queue_facts__country__in=countries) | Q(queue_facts__cohort__in=cohorts)
        matching = matching.annotate(assigned=Case(When(mine, then=Value(0)), default=Value(1),
                                                   output_field=IntegerField()))
        ordering = ["assigned", *ordering]
    start = (number - 1) * page_size
    # Only what a queue item shows: a draft's answers (JSON) and the search text stay in the database.
    shown = matching.select_related("queue_facts").only(*ITEM_COLUMNS)
    if in_order is not None:
        place = {pk: index for index, pk in enumerate(in_order[start:start + page_size])}
        rows = sorted(shown.filter(pk__in=list(place)).order_by(), key=lambda row: place[row.pk])
    else:
        rows = list(shown.order_by(*ordering)[start:start + page_size])
    ids = [row.pk for row in rows]
    held = {claim.proposal_id: claim for claim in
            ReviewClaim.objects.filter(proposal_id__in=ids, held=True).select_related("tutor")}
    teams = {}
    for proposal_id, username in TeamMembership.objects.filter(proposal_id__in=ids).values_list(
            "proposal_id", "user__username"):
        teams.setdefault(proposal_id, []).append(username)
    items = [_item(row, held.get(row.pk), teams.get(row.pk, []), countries, cohorts, now) for row in rows]
    return QueuePage(items=items, total=total, page=number, pages=pages,
                     counts={status: counts.get(status, 0) for status in COUNTED_STATUSES})


def claim_record(claim, now):
    if claim is None:
        return None
    return ClaimRecord(proposal_id=claim.proposal_id, tutor_username=claim.tutor.username,
                       claimed_at=claim.claimed_at, expires_at=claim.expires_at,
                       live=leases.is_live(leases.Lease(claim.tutor_id, claim.expires_at), now))


def _item(row, claim, team, countries, cohorts, now):
    facts = getattr(row, "queue_facts", None) if hasattr(row, "queue_facts") else None
    country = facts.country if facts else row.country
    cohort = facts.cohort if facts else ""
    return QueueItem(
        proposal_id=row.pk, block_key=str(row.block_key), status=row.status, title=facts.title if facts else "",
        country=country, thematic_area=facts.thematic_area if facts else "", cohort=cohort,
        municipality=row.municipality, versions_submitted=row.versions_submitted, submitted_at=row.submitted_at,
        team_usernames=team, claim=claim_record(claim, now),
        assigned=bool((country and country in countries) or (cohort and cohort in cohorts)))


def facets(course_key, block_keys=()):
    """The countries and thematic areas that occur in the course's queue (for the filter menus).

    One query on the queue_course_facets (for some blocks, queue_block_facets) index. The course is asked for as
    a range (>= and <=, the same rows as =) and selected: with "=", MariaDB 10.11 reads every proposal's index
    entry; with the range it reads one per distinct row ("Using index for group-by"): 1 ms instead of 13 at
    10,000 proposals.
    """
    course_key = CourseKey.from_string(str(course_key))
    facts = QueueFacts.objects.filter(course_key__gte=course_key, course_key__lte=course_key)
    if block_keys:
        facts = facts.filter(block_key__in=[UsageKey.from_string(str(key)) for key in block_keys])
        pairs = facts.values_list("course_key", "block_key", "country", "thematic_area")
    else:
        pairs = facts.values_list("course_key", "country", "thematic_area")
    countries, areas = set(), set()
    for *_where, country, area in pairs.distinct().order_by():   # at most blocks × countries × areas rows
        countries.add(country)
        areas.add(area)
    return sorted(c for c in countries if c), sorted(a for a in areas if a)


def tutors(course_key):
    """[(username, countries, cohorts)] of the course's tutors (CourseTutor), by username."""
    course_key = CourseKey.from_string(str(course_key))
    assignments = {row.user_id: row for row in TutorAssignment.objects.filter(course_key=course_key)}
    found = []
    for user_id, username in CourseTutor.objects.filter(course_key=course_key).values_list("user_id",
                                                                                            "user__username"):
        row = assignments.get(user_id)
        found.append((username, list(row.countries) if row else [], list(row.cohorts) if row else []))
    return sorted(found)
