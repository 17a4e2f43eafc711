"""Published Schulze examples, plus the rule for finalists a juror could not rank."""
import numpy as np

from puentes_awards.scoring.schulze import ballot_from_order, from_preferences, schulze


def ballots(spec):
    """[(count, 'ACBED'), ...] -> one ballot per voter."""
    return [ballot_from_order(order) for count, order in spec for _ in range(count)]


def test_wikipedia_45_voters():
    # Wikipedia, "Schulze method", example; also Schulze's own "Schulze method examples", example 1.
    result = schulze(ballots([(5, "ACBED"), (5, "ADECB"), (8, "BEDAC"), (3, "CABED"),
                              (7, "CAEBD"), (2, "CBADE"), (7, "DCEBA"), (8, "EBADC")]))
    assert result.candidates == tuple("ABCDE")
    assert result.preferences.tolist() == [
        [0, 20, 26, 30, 22], [25, 0, 16, 33, 18], [19, 29, 0, 17, 24], [15, 12, 28, 0, 14], [23, 27, 21, 31, 0]]
    assert result.strongest.tolist() == [
        [0, 28, 28, 30, 24], [25, 0, 28, 33, 24], [25, 29, 0, 29, 24], [25, 28, 28, 0, 24], [25, 28, 28, 31, 0]]
    assert result.order == tuple("EACBD")
    assert result.ties == ()


def test_tennessee_capital_condorcet_winner():
    # Wikipedia's Condorcet example (percentages as voters): Nashville beats every other city head to head.
    result = schulze(ballots([(42, ["Memphis", "Nashville", "Chattanooga", "Knoxville"]),
                              (26, ["Nashville", "Chattanooga", "Knoxville", "Memphis"]),
                              (15, ["Chattanooga", "Knoxville", "Nashville", "Memphis"]),
                              (17, ["Knoxville", "Chattanooga", "Nashville", "Memphis"])]))
    assert result.order == ("Nashville", "Chattanooga", "Knoxville", "Memphis")


def test_schulze_tied_winners_example():
    # Markus Schulze, election-methods list, 28 Nov 2011: defeats D>B 5, C>B 4, A>C 3, B>A 2, C>D 2, D>A 1.
    # A and D are both potential winners; his paper breaks such ties separately (our tie-break does).
    d = np.zeros((4, 4))
    for winner, loser, strength in [(3, 1, 5), (2, 1, 4), (0, 2, 3), (1, 0, 2), (2, 3, 2), (3, 0, 1)]:
        d[winner, loser] = strength
    result = from_preferences("ABCD", d)
    assert result.strongest[0].tolist() == [0, 3, 3, 2]       # A to B via C: 3; A to D via C: 2
    assert result.tiers == (("A", "D"), ("C",), ("B",))
    assert result.ties == (("A", "D"),)
    assert result.beats("A", "C") and not result.beats("D", "C")


def test_ties_on_ballots_and_a_fully_tied_jury():
    result = schulze([ballot_from_order(["A", ("B", "C")]), ballot_from_order([("B", "C"), "A"])])
    assert result.tiers == (("A", "B", "C"),)


def test_a_finalist_missing_from_a_ballot_is_not_counted_last():
    # Three jurors prefer X to Y; the fourth is conflicted with X and ranks only Y and Z.
    full = [ballot_from_order("XYZ")] * 3
    conflicted = {"Y": 1, "Z": 2}
    result = schulze(full + [conflicted], candidates="XYZ")
    assert result.preferences[0].tolist() == [0, 3, 3]      # X over Y and Z: only the three who ranked X
    assert result.preferences[1].tolist() == [0, 0, 4]
    assert result.order == tuple("XYZ")
