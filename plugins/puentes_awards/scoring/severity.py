"""Screening-round ranking: each entry's quality and each juror's severity, estimated together.

The model is additive: score = mu + quality(entry) + leniency(juror) + noise, with leniencies
summing to zero (so the adjusted score of an entry is what an average juror of this jury would
give it). It is the same least-squares fit as statsmodels' OLS `score ~ C(entry) + C(juror, Sum)`
(a test checks they agree), solved in closed form: absorbing the entry effects leaves a
jurors x jurors system, so 2,000 entries and 60 jurors is a 60 x 60 solve, not a 2,060-column fit.

Uncertainty comes from a residual bootstrap (residuals rescaled for the degrees of freedom used,
resampled, refitted). The design does not change between samples, so every refit is the same
linear map of the resampled scores: a refit is the fit plus the map of the drawn residuals, and 1,000
refits are a few sparse products in single precision (ample for intervals), not 1,000 OLS calls
(`bootstrap.py`; a test checks it against a per-sample least-squares refit).
"""
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _
from scipy import sparse
from scipy.sparse import csgraph

from .bootstrap import residual_bootstrap


class SeverityError(ValueError):
    """The scores cannot support the model (e.g. jurors split into groups that share no entry)."""


@dataclass(frozen=True)
class EntryEstimate:
    entry_id: object
    n_scores: int
    raw_mean: float
    adjusted: float       # what an average juror of this jury would give
    low: float            # bootstrap percentile interval of `adjusted`
    high: float
    top_probability: float  # share of bootstrap samples in which the entry finished in the top `top`
    rank: int             # 1-based, by adjusted score
    rank_low: int         # bootstrap interval of the rank
    rank_high: int


@dataclass(frozen=True)
class JurorEstimate:
    juror_id: object
    n_scores: int
    mean_given: float
    severity: float       # points this juror takes off compared with the average juror (negative: lenient)


@dataclass(frozen=True)
class TieZone:
    boundary: int          # the zone straddles the line between rank `boundary` and `boundary + 1`
    entry_ids: tuple       # in rank order; the data cannot say which side of the line each falls on


@dataclass(frozen=True)
class Ranking:
    entries: tuple         # EntryEstimate, best first
    jurors: tuple          # JurorEstimate, harshest first
    tie_zones: tuple       # TieZone, one per boundary where intervals overlap across it
    residual_sd: float
    samples: int
    confidence: float
    top: int


def rank_entries(scores, samples=1000, seed=0, top=3, confidence=0.95, boundaries=None, chunk=100):
    """Fit the model to (entry_id, juror_id, score) triples and bootstrap its uncertainty."""
    triples = list(scores)
    if not triples:
        raise SeverityError(_("There are no submitted scores to rank yet."))
    entry_ids, entry_index = np.unique(np.array([str(t[0]) for t in triples]), return_inverse=True)
    juror_ids, juror_index = np.unique(np.array([str(t[1]) for t in triples]), return_inverse=True)
    original_entry = {str(t[0]): t[0] for t in triples}
    original_juror = {str(t[1]): t[1] for t in triples}
    y = np.array([float(t[2]) for t in triples])
    if len(np.unique(entry_index * len(juror_ids) + juror_index)) != len(triples):
        raise SeverityError(_("A juror has more than one score for the same entry."))
    groups = _juror_groups(entry_index, juror_index, len(entry_ids), len(juror_ids))
    if groups > 1:
        raise SeverityError(_("The jurors fall into {count} groups that share no entry, so their severities "
                              "cannot be compared. Assign entries that link the groups.").format(count=groups))

    model = _Design(entry_index, juror_index, len(entry_ids), len(juror_ids))
    leniency, adjusted, fitted = model.fit(y)
    residuals = y - fitted
    dof = len(y) - len(entry_ids) - (len(juror_ids) - 1)
    residual_sd = float(np.sqrt(residuals @ residuals / dof)) if dof > 0 else 0.0

    # Residual bootstrap: rescale so resampled residuals have the model's error variance.
    inflated = (residuals * np.sqrt(len(y) / dof) if dof > 0 else residuals).astype(np.float32)
    top = min(top, len(entry_ids))
    summary = residual_bootstrap(model, adjusted, inflated, samples, seed, top, confidence, block=chunk)
    low, high, top_hits = summary.low, summary.high, summary.top_hits
    rank_low, rank_high = summary.rank_low, summary.rank_high

    counts = np.bincount(entry_index, minlength=len(entry_ids))
    raw = np.bincount(entry_index, weights=y, minlength=len(entry_ids)) / counts
    # Best first; equal scores in the order of the ids' text (entry_ids is sorted, and the sort is stable).
    ranked = np.argsort(-adjusted, kind="stable")
    columns = zip(entry_ids[ranked].tolist(), counts[ranked].tolist(), raw[ranked].tolist(), adjusted[ranked].tolist(),
                  low[ranked].tolist(), high[ranked].tolist(), (top_hits[ranked] / samples).tolist(),
                  np.floor(rank_low[ranked]).astype(int).tolist(), np.ceil(rank_high[ranked]).astype(int).tolist(),
                  strict=True)
    estimates = tuple(
        EntryEstimate(original_entry[name], count, mean, score, lowest, highest, share, position, best, worst)
        for position, (name, count, mean, score, lowest, highest, share, best, worst) in enumerate(columns, start=1))
    given = np.bincount(juror_index, minlength=len(juror_ids))
    given_mean = np.bincount(juror_index, weights=y, minlength=len(juror_ids)) / given
    jurors = tuple(sorted(
        (JurorEstimate(original_juror[juror_ids[index]], int(given[index]), float(given_mean[index]),
                       float(-leniency[index])) for index in range(len(juror_ids))),
        key=lambda juror: (-juror.severity, str(juror.juror_id))))
    zones = tie_zones(estimates, boundaries if boundaries is not None else (top,))
    return Ranking(estimates, jurors, zones, residual_sd, samples, confidence, top)


def tie_zones(estimates, boundaries):
    """For each rank boundary, the entries on either side whose intervals overlap one across the line."""
    zones = []
    for boundary in sorted(set(boundaries)):
        if boundary <= 0 or boundary >= len(estimates):
            continue
        above, below = estimates[:boundary], estimates[boundary:]
        highest_below = max(entry.high for entry in below)
        lowest_above = min(entry.low for entry in above)
        zone = [entry.entry_id for entry in above if entry.low <= highest_below]
        zone += [entry.entry_id for entry in below if entry.high >= lowest_above]
        if zone:
            zones.append(TieZone(boundary, tuple(zone)))
    return tuple(zones)


def _juror_groups(entry_index, juror_index, n_entries, n_jurors):
    """How many groups of jurors share no entry with one another (1: every severity is on one scale).

    Entries and jurors are the nodes of one graph, a score its edge; every node has a score, so each
    connected part holds at least one juror."""
    nodes = n_entries + n_jurors
    graph = sparse.coo_matrix((np.ones(len(entry_index)), (entry_index, n_entries + juror_index)),
                              shape=(nodes, nodes))
    count, _labels = csgraph.connected_components(graph, directed=False)
    return count


class _Design:
    """The fixed design of one screening round: which juror scored which entry.

    Everything stays sparse (one non-zero per score, or k per score once entry means are taken out),
    so a refit costs time in scores x k plus jurors², never scores x jurors.
    """

    def __init__(self, entry_index, juror_index, n_entries, n_jurors):
        n = len(entry_index)
        self.entry_index, self.juror_index = entry_index, juror_index
        rows = np.arange(n)
        by_entry = sparse.csr_matrix((np.ones(n), (rows, entry_index)), shape=(n, n_entries))
        by_juror = sparse.csr_matrix((np.ones(n), (rows, juror_index)), shape=(n, n_jurors))
        counts = np.asarray(by_entry.sum(axis=0)).ravel()
        # Averages a column of per-score values into per-entry means.
        self.entry_mean = (sparse.diags(1.0 / counts) @ by_entry.T).tocsr()
        # Juror indicators with each entry's mean taken out: what is left once entry effects are absorbed.
        self.within_t = (by_juror - by_entry @ (self.entry_mean @ by_juror)).T.tocsr()
        normal = (self.within_t @ self.within_t.T).toarray() + np.ones((n_jurors, n_jurors))  # + 11': sum = 0
        self.inverse = np.linalg.inv(normal)                         # leniency = inverse @ within' scores
        # Single-precision copies for the bootstrap: half the memory traffic, and intervals need no more. The
        # within product goes column by column (CSC): it reads each score's draws once, in order. The inverse,
        # dense as it is, is multiplied in sparse form too: scipy's own loop adds each sample's terms in one
        # fixed order, where a BLAS kernel's order (and so the last bit) depends on how many samples a block
        # holds and on the processor, and BLAS would wake its threads to spin for a product this small.
        self.single = (self.within_t.astype(np.float32).tocsc(), sparse.csr_matrix(self.inverse.astype(np.float32)),
                       self.entry_mean.astype(np.float32))

    def fit(self, y):
        leniency = self.inverse @ (self.within_t @ y)
        adjusted = self.entry_mean @ (y - leniency[self.juror_index])
        return leniency, adjusted, adjusted[self.entry_index] + leniency[self.juror_index]

    def adjusted_many(self, columns):
        """The change in adjusted scores that each column of `columns` (scores x samples) makes: entries x samples.

        `columns` is used up: the jurors' part is taken out of it in place."""
        within_t, inverse, entry_mean = self.single
        leniency = inverse @ (within_t @ columns)                    # jurors x samples
        columns -= leniency[self.juror_index]
        return entry_mean @ columns
