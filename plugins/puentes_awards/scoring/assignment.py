"""Who judges what in the screening round: each entry to k jurors.

The rules (issue 6): no juror judges an entry they are conflicted with; every juror's load is
within one of every other's; the same inputs and seed give the same assignment; and the jurors
form one connected overlap graph (two jurors are linked when they judged a common entry), which
is what lets the severity model put every juror on the same scale.

How: most-constrained entries first, each to its k least-loaded allowed jurors with seeded
tie-breaks; then augmenting paths move entries from over- to under-loaded jurors (this finds a
balanced assignment whenever one exists, as in a max-flow); then, if the overlap graph is split,
seeded swaps that keep every load join the parts.
"""
import heapq
import random
from collections import deque
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _


class AssignmentError(ValueError):
    """The constraints cannot all be met; the message says which and what to change."""


@dataclass(frozen=True)
class Assignment:
    jurors_by_entry: dict  # {entry_id: tuple of juror ids, sorted}
    seed: int

    def loads(self):
        counts = {}
        for jurors in self.jurors_by_entry.values():
            for juror in jurors:
                counts[juror] = counts.get(juror, 0) + 1
        return counts

    def entries_of(self, juror):
        return sorted(entry for entry, jurors in self.jurors_by_entry.items() if juror in jurors)

    def pairs(self):
        return [(juror, entry) for entry, jurors in self.jurors_by_entry.items() for juror in jurors]


class UnionFind:
    def __init__(self, items):
        self.parent = {item: item for item in items}

    def find(self, item):
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:  # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, first, second):
        self.parent[self.find(first)] = self.find(second)


def overlap_components(jurors_by_entry):
    """The groups of jurors linked through shared entries (one group: severities comparable)."""
    jurors = {juror for group in jurors_by_entry.values() for juror in group}
    sets = UnionFind(jurors)
    for group in jurors_by_entry.values():
        group = list(group)
        for juror in group[1:]:
            sets.union(group[0], juror)
    components = {}
    for juror in jurors:
        components.setdefault(sets.find(juror), set()).add(juror)
    return sorted(components.values(), key=lambda component: (-len(component), sorted(map(str, component))))


class PairConflicts:
    """Conflicts given as (juror, entry) pairs, answering what `assign` asks of a conflict rule.

    `conflicts.ConflictIndex` answers the same three questions from its index, without the pairs."""

    def __init__(self, pairs, jurors, entries):
        self.pairs = frozenset(pairs)
        self.barred, self.blocked = {}, {}
        jurors, entries = set(jurors), set(entries)
        for juror, entry in self.pairs:
            if juror in jurors and entry in entries:
                self.barred[entry] = self.barred.get(entry, 0) + 1
                self.blocked[juror] = self.blocked.get(juror, 0) + 1

    def conflicted(self, juror, entry):
        return (juror, entry) in self.pairs

    def barred_count(self, entry):
        return self.barred.get(entry, 0)

    def blocked_count(self, juror):
        return self.blocked.get(juror, 0)


def assign(entry_ids: Iterable[Hashable], juror_ids: Iterable[Hashable], k: int,
           conflicts=frozenset(), seed: int = 0) -> Assignment:
    """Each entry to k jurors. `conflicts`: (juror_id, entry_id) pairs that must never meet, or a rule over
    exactly these jurors and entries with conflicted(juror, entry), barred_count(entry), blocked_count(juror)
    (a `conflicts.ConflictIndex`)."""
    entries = sorted(set(entry_ids), key=str)
    jurors = sorted(set(juror_ids), key=str)
    if k < 2:
        raise AssignmentError(_("Each entry needs at least two jurors, so that jurors' severities can be compared."))
    if k > len(jurors):
        raise AssignmentError(_("Each entry needs {k} jurors but the jury has {count}: add jurors or lower k.")
                              .format(k=k, count=len(jurors)))
    rng = random.Random(seed)
    # The work below grows with entries x k (the candidates considered), never with entries x jurors.
    rule = conflicts if callable(getattr(conflicts, "conflicted", None)) else PairConflicts(conflicts, jurors, entries)
    barred_count = {entry: rule.barred_count(entry) for entry in entries}
    short = [entry for entry in entries if len(jurors) - barred_count[entry] < k]
    if short:
        raise AssignmentError(_("These entries have fewer than {k} jurors without a conflict: {entries}. "
                                "Add jurors or review the conflicts.")
                              .format(k=k, entries=", ".join(map(str, short[:20]))))

    low = len(entries) * k // len(jurors)
    for juror in jurors:
        free = len(entries) - rule.blocked_count(juror)
        if free < low:
            raise AssignmentError(_("Juror {juror} can judge only {free} entries without a conflict, fewer than the "
                                    "{low} of a balanced load. Review the conflicts or the jury.")
                                  .format(juror=juror, free=free, low=low))

    order = entries[:]
    rng.shuffle(order)
    order.sort(key=lambda entry: -barred_count[entry])  # stable: most constrained first, seeded among equals
    # The jurors by (load, seeded tie-break): each entry takes the first k it may meet.
    queue = [(0, rng.random(), index) for index in range(len(jurors))]
    heapq.heapify(queue)
    panel = {}
    conflicted = rule.conflicted
    for entry in order:
        chosen, passed = [], []
        while len(chosen) < k:
            place = heapq.heappop(queue)
            (passed if conflicted(jurors[place[2]], entry) else chosen).append(place)
        panel[entry] = {jurors[index] for _load, _tie, index in chosen}
        for taken, _tie, index in chosen:
            heapq.heappush(queue, (taken + 1, rng.random(), index))
        for place in passed:
            heapq.heappush(queue, place)
    load = {jurors[index]: taken for taken, _tie, index in queue}

    _balance(panel, load, conflicted, len(entries) * k, rng)
    _connect(panel, conflicted, rng)
    return Assignment({entry: tuple(sorted(panel[entry], key=str)) for entry in entries}, seed)


def _balance(panel, load, conflicted, total, rng):
    """Bring every load into [floor, ceil] of the mean by moving entries along augmenting paths."""
    low, high = total // len(load), -(-total // len(load))
    entries_of = {juror: set() for juror in load}
    for entry, group in panel.items():
        for juror in group:
            entries_of[juror].add(entry)

    def can_take(juror, entry):
        return juror not in panel[entry] and not conflicted(juror, entry)

    def path_from(start, accept):
        """Shortest chain start -e1-> j1 -e2-> j2 ... ending at a juror `accept` says may gain one."""
        came = {start: None}
        queue = deque([start])
        while queue:
            giver = queue.popleft()
            for entry in sorted(entries_of[giver], key=str):
                for taker in load:
                    if taker in came or not can_take(taker, entry):
                        continue
                    came[taker] = (giver, entry)
                    if accept(taker):
                        return taker, came
                    queue.append(taker)
        return None, came

    def shift(end, came):
        taker = end
        while came[taker] is not None:
            giver, entry = came[taker]
            panel[entry].discard(giver)
            panel[entry].add(taker)
            entries_of[giver].discard(entry)
            entries_of[taker].add(entry)
            load[giver] -= 1
            load[taker] += 1
            taker = giver

    for juror in sorted(load, key=str):
        while load[juror] > high:
            end, came = path_from(juror, lambda taker: load[taker] < high)
            if end is None:
                raise AssignmentError(_("Juror {juror} would have to judge {load} entries, more than the {high} "
                                        "of a balanced load, because of conflicts. Review the conflicts or the jury.")
                                      .format(juror=juror, load=load[juror], high=high))
            shift(end, came)
    for juror in sorted(load, key=str):
        while load[juror] < low:
            # Search backwards: who, through a chain, can hand this juror an entry?
            donor = _donor_path(juror, panel, entries_of, load, low, conflicted)
            if donor is None:
                raise AssignmentError(_("Juror {juror} can judge only {load} entries without a conflict, fewer "
                                        "than the {low} of a balanced load. Review the conflicts or the jury.")
                                      .format(juror=juror, load=load[juror], low=low))
            for giver, entry, taker in donor:
                panel[entry].discard(giver)
                panel[entry].add(taker)
                entries_of[giver].discard(entry)
                entries_of[taker].add(entry)
                load[giver] -= 1
                load[taker] += 1


def _donor_path(needy, panel, entries_of, load, low, conflicted):
    """Moves [(giver, entry, taker)] ending at `needy`, starting from a juror above `low`."""
    came = {needy: None}
    queue = deque([needy])
    while queue:
        taker = queue.popleft()
        for giver in load:
            if giver in came:
                continue
            entry = next((entry for entry in sorted(entries_of[giver], key=str)
                          if taker not in panel[entry] and not conflicted(taker, entry)), None)
            if entry is None:
                continue
            came[giver] = (entry, taker)
            if load[giver] > low:
                moves, juror = [], giver
                while came[juror] is not None:
                    entry, next_taker = came[juror]
                    moves.append((juror, entry, next_taker))
                    juror = next_taker
                return moves
            queue.append(giver)
    return None


def _connect(panel, conflicted, rng, max_swaps=None):
    """Swap jurors between entries of different overlap groups until one group remains (loads unchanged)."""
    max_swaps = max_swaps or 10 * (len(panel) + 1)
    for _attempt in range(max_swaps):
        components = overlap_components(panel)
        if len(components) <= 1:
            return
        first, second = components[0], components[1]
        entries = sorted(panel, key=str)
        rng.shuffle(entries)
        in_first = [entry for entry in entries if panel[entry] & first]
        in_second = [entry for entry in entries if panel[entry] & second]
        swap = _find_swap(panel, conflicted, in_first, in_second, first, second)
        if swap is None:
            break
        entry_a, juror_a, entry_b, juror_b = swap
        panel[entry_a].discard(juror_a)
        panel[entry_a].add(juror_b)
        panel[entry_b].discard(juror_b)
        panel[entry_b].add(juror_a)
    if len(overlap_components(panel)) > 1:
        raise AssignmentError(_("The jurors cannot all be linked through shared entries with these conflicts, so "
                                "their severities could not be compared. Add jurors or raise k."))


def _find_swap(panel, conflicted, in_first, in_second, first, second):
    for entry_a in in_first:
        for juror_a in sorted(panel[entry_a] & first, key=str):
            for entry_b in in_second:
                for juror_b in sorted(panel[entry_b] & second, key=str):
                    if (juror_b not in panel[entry_a] and juror_a not in panel[entry_b]
                            and not conflicted(juror_b, entry_a) and not conflicted(juror_a, entry_b)):
                        return entry_a, juror_a, entry_b, juror_b
    return None
