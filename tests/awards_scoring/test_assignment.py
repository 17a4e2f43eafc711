import random

import pytest

from puentes_awards.scoring.assignment import AssignmentError, assign, overlap_components


def jurors(count):
    return [f"juror{number:02d}" for number in range(count)]


def check_rules(assignment, entries, panel, k, conflicts=frozenset()):
    assert sorted(assignment.jurors_by_entry) == sorted(entries)
    for entry, group in assignment.jurors_by_entry.items():
        assert len(set(group)) == k
        assert not any((juror, entry) in conflicts for juror in group)
    loads = assignment.loads()
    assert max(loads.values()) - min(loads.values()) <= 1
    assert set(loads) == set(panel)
    assert len(overlap_components(assignment.jurors_by_entry)) == 1


@pytest.mark.parametrize("entries, jury, k", [(10, 4, 2), (97, 13, 3), (300, 25, 3), (40, 40, 2)])
def test_balanced_connected_without_conflicts(entries, jury, k):
    entry_ids = list(range(entries))
    assignment = assign(entry_ids, jurors(jury), k, seed=3)
    check_rules(assignment, entry_ids, jurors(jury), k)


def test_conflicts_are_never_assigned_and_load_stays_balanced():
    rng = random.Random(11)
    entry_ids = list(range(200))
    panel = jurors(15)
    conflicts = {(juror, entry) for juror in panel for entry in entry_ids if rng.random() < 0.25}
    assignment = assign(entry_ids, panel, 3, conflicts, seed=5)
    check_rules(assignment, entry_ids, panel, 3, conflicts)


def test_a_heavily_conflicted_juror_still_gets_a_balanced_load():
    # juror00 may judge only entries 0-19, which juror01-03 may not: greedy shares those 20 entries among three
    # jurors and leaves juror00 short; only moving entries along chains gives everyone the balanced 20.
    entry_ids = list(range(60))
    panel = jurors(6)
    conflicts = {("juror00", entry) for entry in range(20, 60)}
    conflicts |= {(juror, entry) for juror in ("juror01", "juror02", "juror03") for entry in range(20)}
    assignment = assign(entry_ids, panel, 2, conflicts, seed=1)
    check_rules(assignment, entry_ids, panel, 2, conflicts)
    assert assignment.loads()["juror00"] == 20


def test_reproducible_from_the_seed_whatever_the_input_order():
    entry_ids = list(range(120))
    first = assign(entry_ids, jurors(10), 3, seed=42)
    again = assign(list(reversed(entry_ids)), list(reversed(jurors(10))), 3, seed=42)
    other = assign(entry_ids, jurors(10), 3, seed=43)
    assert first.jurors_by_entry == again.jurors_by_entry
    assert first.jurors_by_entry != other.jurors_by_entry


def test_split_jury_is_joined():
    # Conflicts that would let two halves of the jury each keep to "their" entries; the swaps must link them.
    entry_ids = list(range(40))
    panel = jurors(8)
    left, right = panel[:4], panel[4:]
    conflicts = {(juror, entry) for juror in left for entry in range(20, 40) if entry != 39}
    conflicts |= {(juror, entry) for juror in right for entry in range(0, 20) if entry != 0}
    assignment = assign(entry_ids, panel, 2, conflicts, seed=0)
    check_rules(assignment, entry_ids, panel, 2, conflicts)


def test_entry_with_too_few_free_jurors_is_named():
    conflicts = {("juror00", 5), ("juror01", 5)}
    with pytest.raises(AssignmentError, match="5"):
        assign(range(10), jurors(3), 2, conflicts)


def test_k_must_allow_severities_to_be_compared():
    with pytest.raises(AssignmentError, match="at least two"):
        assign(range(10), jurors(3), 1)
    with pytest.raises(AssignmentError, match="4 jurors"):
        assign(range(10), jurors(3), 4)


def test_balance_impossible_is_explained():
    # juror00 may judge only 2 of 30 entries, but a balanced load is 15.
    conflicts = {("juror00", entry) for entry in range(2, 30)}
    with pytest.raises(AssignmentError, match="juror00"):
        assign(range(30), jurors(4), 2, conflicts)


def test_overlap_components():
    assert len(overlap_components({1: ("a", "b"), 2: ("c", "d")})) == 2
    assert len(overlap_components({1: ("a", "b"), 2: ("b", "c"), 3: ("c", "d")})) == 1


@pytest.mark.parametrize("seed", [1, 2])
def test_the_conflict_index_assigns_as_the_pairs_do(seed):
    # The index answers from countries, towns and links what the list of pairs answers pair by pair: same
    # inputs and seed, same assignment; and the rules hold.
    from puentes_awards.scoring.conflicts import ConflictIndex, ConflictPolicy, EntryProfile, JurorProfile
    rng = random.Random(seed)
    countries = ["AR", "BO", "CL", "CO", "MX", "PE"]
    entries = [EntryProfile(number, f"Town {number % 40}", countries[number % 6],
                            frozenset({f"juror{number % 23:02d}"})) for number in range(240)]
    panel = [JurorProfile(name, f"Town {number}", countries[number % 6], frozenset(rng.sample(range(240), 3)))
             for number, name in enumerate(jurors(24))]
    policy = ConflictPolicy(same_municipality=True, same_country=True)
    index = ConflictIndex(panel, entries, policy)
    pairs = set(index.pairs())
    entry_ids = [entry.entry_id for entry in entries]
    by_index = assign(entry_ids, jurors(24), 3, index, seed=seed)
    assert by_index == assign(entry_ids, jurors(24), 3, pairs, seed=seed)
    check_rules(by_index, entry_ids, jurors(24), 3, pairs)
