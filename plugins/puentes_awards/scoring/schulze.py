"""The final round: every juror ranks the finalists; the Schulze method combines the rankings.

Ballots map each finalist to a rank (1 best; equal ranks are ties). A finalist missing from a
ballot is one that juror did not rank (a conflict of interest): that ballot says nothing about it,
rather than counting it as last, which would punish an entry for a juror's conflict.

Strength of a defeat is "winning votes" d[X, Y] (Schulze's paper and the Wikipedia article);
strongest paths by Floyd-Warshall. X is better than Y when p[X, Y] > p[Y, X]; that relation is
transitive, so the order is built tier by tier: the candidates no remaining candidate beats form
the next tier. A tier with more than one candidate is a tie the published tie-break must settle.
"""
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class SchulzeResult:
    candidates: tuple
    preferences: np.ndarray  # d[i, j]: ballots ranking candidates[i] above candidates[j]
    strongest: np.ndarray    # p[i, j]: strength of the strongest path from i to j
    tiers: tuple             # tuples of candidates, best first

    @property
    def order(self):
        return tuple(candidate for tier in self.tiers for candidate in tier)

    @property
    def ties(self):
        return tuple(tier for tier in self.tiers if len(tier) > 1)

    def beats(self, first, second):
        i, j = self.candidates.index(first), self.candidates.index(second)
        return self.strongest[i, j] > self.strongest[j, i]


def ballot_from_order(order):
    """'ACBED' or ['A', ('C', 'B'), 'E'] -> {candidate: rank}; a tuple is a group ranked equal."""
    ballot = {}
    for rank, group in enumerate(order, start=1):
        for candidate in (group if isinstance(group, tuple) else (group,)):
            ballot[candidate] = rank
    return ballot


def pairwise_preferences(ballots: Iterable[Mapping], candidates, weights=None):
    """d[i, j]: how many ballots (times their weight) rank candidates[i] strictly above candidates[j]."""
    at = {candidate: index for index, candidate in enumerate(candidates)}
    d = np.zeros((len(candidates), len(candidates)))
    for number, ballot in enumerate(ballots):
        weight = 1 if weights is None else weights[number]
        ranks = np.full(len(candidates), np.nan)
        for candidate, rank in ballot.items():
            if candidate not in at:
                raise ValueError(f"Unknown candidate on a ballot: {candidate!r}")
            ranks[at[candidate]] = rank
        # NaN compares false both ways: an unranked candidate gains and loses nothing on this ballot.
        d += weight * (ranks[:, None] < ranks[None, :])
    return d


def strongest_paths(d):
    """p[i, j] by Floyd-Warshall over winning-votes defeats (0 where there is no path)."""
    p = np.where(d > d.T, d, 0.0)
    np.fill_diagonal(p, 0)
    for i in range(len(p)):
        p = np.maximum(p, np.minimum(p[:, i:i + 1], p[i:i + 1, :]))
        np.fill_diagonal(p, 0)
    return p


def tiers_from_paths(candidates, p):
    remaining = list(range(len(candidates)))
    tiers = []
    while remaining:
        unbeaten = [i for i in remaining if not any(p[j, i] > p[i, j] for j in remaining if j != i)]
        tiers.append(tuple(candidates[i] for i in unbeaten))
        remaining = [i for i in remaining if i not in unbeaten]
    return tuple(tiers)


def schulze(ballots, candidates=None, weights=None):
    """Combine ranked ballots; candidates default to everyone named on a ballot, in sorted order."""
    ballots = list(ballots)
    if candidates is None:
        candidates = sorted({candidate for ballot in ballots for candidate in ballot}, key=str)
    candidates = tuple(candidates)
    d = pairwise_preferences(ballots, candidates, weights)
    return from_preferences(candidates, d)


def from_preferences(candidates, d):
    """The Schulze result from a ready pairwise matrix (as published examples often give it)."""
    candidates = tuple(candidates)
    d = np.asarray(d, dtype=float)
    p = strongest_paths(d)
    return SchulzeResult(candidates, d, p, tiers_from_paths(candidates, p))
