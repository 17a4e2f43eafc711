"""Conflicts of interest: which juror may not see or score which entry, and why.

One rule, `conflict_reasons`, decides; everything that lists, assigns or exports entries for a
juror goes through `conflicted_pairs`, so a conflict hides an entry everywhere at once.
"""
import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

DECLARED = "declared"
SAME_MUNICIPALITY = "same_municipality"
SAME_COUNTRY = "same_country"
REVIEWED_PROPOSAL = "reviewed_proposal"
TEAM_MEMBER = "team_member"


@dataclass(frozen=True)
class JurorProfile:
    username: str
    municipality: str = ""
    country: str = ""                                     # ISO 3166-1 alpha-2
    declared_entry_ids: frozenset = field(default_factory=frozenset)


@dataclass(frozen=True)
class EntryProfile:
    entry_id: int
    municipality: str
    country: str
    reviewer_usernames: frozenset = field(default_factory=frozenset)  # ProposalSnapshot.reviewer_usernames
    team_usernames: frozenset = field(default_factory=frozenset)      # ProposalSnapshot.team


@dataclass(frozen=True)
class ConflictPolicy:
    """What an edition counts as a conflict besides declarations and tutoring."""

    same_municipality: bool = True
    same_country: bool = False


@functools.lru_cache(maxsize=4096)
def place_name(name):
    """'San José ' and 'san jose' are the same place: case, accents and spacing do not count."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def conflict_reasons(juror: JurorProfile, entry: EntryProfile, policy: ConflictPolicy):
    """Why `juror` must not judge `entry` (empty list: no conflict)."""
    reasons = []
    if entry.entry_id in juror.declared_entry_ids:
        reasons.append(DECLARED)
    same_country = bool(juror.country) and juror.country.upper() == (entry.country or "").upper()
    # Town names repeat across countries (there is a San José in at least five), so the country must match too.
    if policy.same_municipality and same_country:
        home = place_name(juror.municipality)
        if home and home == place_name(entry.municipality):
            reasons.append(SAME_MUNICIPALITY)
    if policy.same_country and same_country:
        reasons.append(SAME_COUNTRY)
    if juror.username in entry.reviewer_usernames:
        reasons.append(REVIEWED_PROPOSAL)
    if juror.username in entry.team_usernames:   # nobody judges what they wrote (M1)
        reasons.append(TEAM_MEMBER)
    return reasons


def conflicted_pairs(jurors: Iterable[JurorProfile], entries: Iterable[EntryProfile], policy: ConflictPolicy):
    """{(username, entry_id): [reasons]} for every conflicted pair.

    Every reason needs a link between the two — a declaration, the same country (a municipality is
    matched within its country), a review or a place on its team — so only linked pairs are put to
    `conflict_reasons`: the work grows with the links, not with jurors x entries.
    """
    entries = list(entries)
    by_id = {entry.entry_id: entry for entry in entries}
    by_country, by_reviewer = {}, {}
    for entry in entries:
        by_country.setdefault((entry.country or "").upper(), []).append(entry)
        for username in entry.reviewer_usernames | entry.team_usernames:   # who tutored or wrote it
            by_reviewer.setdefault(username, []).append(entry)
    found = {}
    for juror in jurors:
        linked = {entry_id: by_id[entry_id] for entry_id in juror.declared_entry_ids if entry_id in by_id}
        linked.update((entry.entry_id, entry) for entry in by_reviewer.get(juror.username, ()))
        if juror.country:
            linked.update((entry.entry_id, entry) for entry in by_country.get(juror.country.upper(), ()))
        for entry in linked.values():
            reasons = conflict_reasons(juror, entry, policy)
            if reasons:
                found[(juror.username, entry.entry_id)] = reasons
    return found
