from puentes_awards.scoring.conflicts import (
    DECLARED,
    REVIEWED_PROPOSAL,
    SAME_COUNTRY,
    SAME_MUNICIPALITY,
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
