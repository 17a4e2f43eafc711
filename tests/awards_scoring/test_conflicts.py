import pytest

from puentes_awards.scoring.conflicts import (
    DECLARED,
    REVIEWED_PROPOSAL,
    SAME_COUNTRY,
    SAME_MUNICIPALITY,
    ConflictIndex,
    ConflictPolicy,
    EntryProfile,
    JurorProfile,
    conflict_reasons,
    conflicted_pairs,
)

ENTRY = EntryProfile(7, "San José", "CR", frozenset({"carla"}))


def test_no_conflict():
    juror = JurorProfile("elena", "Quito", "EC")
    assert conflict_reasons(juror, ENTRY, ConflictPolicy(same_country=True)) == []


def test_declared():
    juror = JurorProfile("elena", "Quito", "EC", frozenset({7}))
    assert conflict_reasons(juror, ENTRY, ConflictPolicy()) == [DECLARED]


def test_same_municipality_ignores_case_accents_and_spaces():
    juror = JurorProfile("elena", "  san  jose ", "cr")
    assert conflict_reasons(juror, ENTRY, ConflictPolicy()) == [SAME_MUNICIPALITY]
    assert conflict_reasons(juror, ENTRY, ConflictPolicy(same_municipality=False)) == []


def test_same_town_name_in_another_country_is_no_conflict():
    juror = JurorProfile("elena", "San José", "UY")
    assert conflict_reasons(juror, ENTRY, ConflictPolicy(same_municipality=True)) == []


def test_same_country_only_when_the_edition_says_so():
    juror = JurorProfile("elena", "Cartago", "CR")
    assert conflict_reasons(juror, ENTRY, ConflictPolicy()) == []
    assert conflict_reasons(juror, ENTRY, ConflictPolicy(same_country=True)) == [SAME_COUNTRY]


def test_tutor_who_reviewed_the_proposal():
    juror = JurorProfile("carla")
    assert conflict_reasons(juror, ENTRY, ConflictPolicy(same_country=True)) == [REVIEWED_PROPOSAL]


def test_every_reason_is_reported():
    juror = JurorProfile("carla", "San José", "CR", frozenset({7}))
    assert conflict_reasons(juror, ENTRY, ConflictPolicy(same_country=True)) == [
        DECLARED, SAME_MUNICIPALITY, SAME_COUNTRY, REVIEWED_PROPOSAL]


def test_pairs():
    jurors = [JurorProfile("carla"), JurorProfile("elena", "Quito", "EC")]
    entries = [ENTRY, EntryProfile(8, "Quito", "EC")]
    assert conflicted_pairs(jurors, entries, ConflictPolicy()) == {
        ("carla", 7): [REVIEWED_PROPOSAL], ("elena", 8): [SAME_MUNICIPALITY]}


def random_edition(seed, entries=120, jurors=25):
    """Profiles where every kind of link occurs: shared towns (spelled differently), countries, tutors, teams."""
    import random
    rng = random.Random(seed)
    towns = [("San José", "CR"), ("san jose ", "cr"), ("San José", "UY"), ("Quito", "EC"), ("Cuenca", "EC"),
             ("Rosario", "AR"), ("", "AR"), ("Rosario", "")]
    usernames = [f"u{number}" for number in range(jurors + 10)]
    entry_profiles = []
    for number in range(entries):
        town, country = rng.choice(towns)
        entry_profiles.append(EntryProfile(number, town, country, frozenset(rng.sample(usernames, rng.randint(0, 2))),
                                           frozenset(rng.sample(usernames, rng.randint(0, 1)))))
    juror_profiles = []
    for username in usernames[:jurors]:
        town, country = rng.choice(towns)
        juror_profiles.append(JurorProfile(username, town, country,
                                           frozenset(rng.sample(range(entries + 5), rng.randint(0, 3)))))
    return juror_profiles, entry_profiles


POLICIES = [ConflictPolicy(), ConflictPolicy(same_country=True), ConflictPolicy(False, True), ConflictPolicy(False)]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("policy", POLICIES)
def test_index_agrees_with_the_rule_on_every_pair(seed, policy):
    jurors, entries = random_edition(seed)
    index = ConflictIndex(jurors, entries, policy)
    every_pair = {(juror.username, entry.entry_id): conflict_reasons(juror, entry, policy)
                  for juror in jurors for entry in entries}
    expected = {pair: reasons for pair, reasons in every_pair.items() if reasons}
    assert conflicted_pairs(jurors, entries, policy) == expected
    assert expected  # the random edition does have conflicts
    for (username, entry_id), reasons in every_pair.items():
        assert index.conflicted(username, entry_id) == bool(reasons)
    for entry in entries:
        assert index.barred_count(entry.entry_id) == sum((juror.username, entry.entry_id) in expected
                                                         for juror in jurors)
    for juror in jurors:
        assert index.blocked_count(juror.username) == sum((juror.username, entry.entry_id) in expected
                                                          for entry in entries)


def test_index_keys_jurors_as_asked():
    jurors = [JurorProfile("carla"), JurorProfile("elena", "Quito", "EC")]
    ids = {"carla": 11, "elena": 12}
    index = ConflictIndex(jurors, [ENTRY, EntryProfile(8, "Quito", "EC")], ConflictPolicy(),
                          key=lambda profile: ids[profile.username])
    assert index.pairs() == {(11, 7): [REVIEWED_PROPOSAL], (12, 8): [SAME_MUNICIPALITY]}
    assert index.conflicted(12, 8) and not index.conflicted(12, 7)
