"""Conflicts of interest: which juror may not see or score which entry, and why.

One rule, `conflict_reasons`, decides; everything that lists, assigns or exports entries for a
juror goes through a `ConflictIndex` (or `conflicted_pairs`, its full list), so a conflict hides an
entry everywhere at once.
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


class ConflictIndex:
    """The conflict rule indexed by what can link a juror to an entry, so that nothing walks jurors x entries.

    Every reason needs a link between the two: a declaration, a review, a place on the team, the same
    town (within the same country) or, when the edition says so, the same country. The index keeps, per
    juror, the entries individually linked to them and, per country, its jurors and entries; one pair is
    then decided by a few lookups, and `assign` asks only about the candidates it considers (entries x
    (k + a few)). With `same_country` the conflicted pairs themselves number entries x jurors / countries:
    only `pairs()`, for the pages that list them, pays for that.

    Jurors are known by `key(profile)` (default: the username), so the database's ids can be used.
    """

    def __init__(self, jurors: Iterable[JurorProfile], entries: Iterable[EntryProfile], policy: ConflictPolicy,
                 key=lambda profile: profile.username):
        self.policy = policy
        self.jurors = {key(juror): juror for juror in jurors}
        self.entries = {entry.entry_id: entry for entry in entries}
        self.juror_country = {name: (juror.country or "").upper() for name, juror in self.jurors.items()}
        self.entry_country = {entry_id: (entry.country or "").upper() for entry_id, entry in self.entries.items()}
        self.entries_by_country, by_place, by_person = {}, {}, {}
        for entry_id, entry in self.entries.items():
            country = self.entry_country[entry_id]
            self.entries_by_country.setdefault(country, []).append(entry_id)
            by_place.setdefault((country, place_name(entry.municipality)), []).append(entry_id)
            for username in entry.reviewer_usernames | entry.team_usernames:   # who tutored or wrote it
                by_person.setdefault(username, []).append(entry_id)
        self.jurors_by_country = {}
        self.linked = {}   # {juror: entry ids conflicted for a reason other than the country alone}
        for name, juror in self.jurors.items():
            country = self.juror_country[name]
            if country:
                self.jurors_by_country.setdefault(country, []).append(name)
            linked = {entry_id for entry_id in juror.declared_entry_ids if entry_id in self.entries}
            linked.update(by_person.get(juror.username, ()))
            home = place_name(juror.municipality)
            if policy.same_municipality and country and home:
                linked.update(by_place.get((country, home), ()))
            self.linked[name] = linked
        self._count_barred()

    def _count_barred(self):
        """How many jurors each entry must not meet, and how many entries each juror must not judge."""
        self.barred = dict.fromkeys(self.entries, 0)
        self.blocked = {}
        same_country = self.policy.same_country
        for name, linked in self.linked.items():
            country = self.juror_country[name]
            # A linked entry of the juror's own country is already counted with the country.
            extra = [entry_id for entry_id in linked
                     if not (same_country and country and self.entry_country[entry_id] == country)]
            for entry_id in extra:
                self.barred[entry_id] += 1
            whole_country = len(self.entries_by_country.get(country, ())) if same_country and country else 0
            self.blocked[name] = whole_country + len(extra)
        if same_country:
            for entry_id, country in self.entry_country.items():
                self.barred[entry_id] += len(self.jurors_by_country.get(country, ()))

    def conflicted(self, juror, entry_id):
        """May `juror` (a key) not judge `entry_id`? Equal to bool(conflict_reasons(...)), in a few lookups."""
        if entry_id in self.linked[juror]:
            return True
        country = self.juror_country[juror]
        return self.policy.same_country and bool(country) and country == self.entry_country[entry_id]

    def barred_count(self, entry_id):
        return self.barred[entry_id]

    def blocked_count(self, juror):
        return self.blocked[juror]

    def reasons(self, juror, entry_id):
        return conflict_reasons(self.jurors[juror], self.entries[entry_id], self.policy)

    def pairs(self):
        """{(juror key, entry_id): [reasons]} for every conflicted pair."""
        found = {}
        for name, linked in self.linked.items():
            for entry_id in linked:
                found[(name, entry_id)] = self.reasons(name, entry_id)
            country = self.juror_country[name]
            if self.policy.same_country and country:
                # Not linked otherwise: the country is the only reason (any other would be a link).
                found.update(((name, entry_id), [SAME_COUNTRY]) for entry_id in self.entries_by_country.get(country, ())
                             if entry_id not in linked)
        return found


def conflicted_pairs(jurors: Iterable[JurorProfile], entries: Iterable[EntryProfile], policy: ConflictPolicy):
    """{(username, entry_id): [reasons]} for every conflicted pair (see ConflictIndex)."""
    return ConflictIndex(jurors, entries, policy).pairs()
