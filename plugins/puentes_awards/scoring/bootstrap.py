"""The residual bootstrap of the severity model: every sample's adjusted scores and ranks, in blocks.

The design does not change between samples, so a refit is the fit plus a fixed linear map of the drawn
residuals (`severity._Design.adjusted_many`); a block of samples is a few sparse products. The draws are
`rng.integers(0, scores, (block, scores))` per block of `block` samples, so a seed gives the same samples
whatever else changes here.

What the statistics need is laid out for them: each entry's samples form one contiguous row (entries x
samples), so the percentile intervals are one in-place row sort each (numpy's vectorised sort), not a
partition across a strided axis; ranks are taken per sample on the block while it is in cache.
"""
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Summary:
    """Per entry (in the model's entry order): what the bootstrap says about its score and its rank."""

    low: np.ndarray         # percentile interval of the adjusted score
    high: np.ndarray
    top_hits: np.ndarray    # samples in which the entry ranked within `top`
    rank_low: np.ndarray    # percentile interval of the rank (1 = best), not yet rounded outwards
    rank_high: np.ndarray


def sorted_row_percentiles(rows, percents, offset=None):
    """np.percentile(rows + offset[:, None], percents, axis=1) for rows already sorted ascending (numpy's
    'linear' rule); the offset is added in double precision to the order statistics it needs, not to every row."""
    count = rows.shape[1]
    virtual = (count - 1) * (np.asarray(percents, dtype=float) / 100)
    below = np.clip(np.floor(virtual).astype(np.intp), 0, count - 1)
    above = np.minimum(below + 1, count - 1)
    gamma = (virtual - below)[:, None]
    a, b = rows[:, below].T.astype(float), rows[:, above].T.astype(float)
    if offset is not None:
        a += offset
        b += offset
    # numpy's lerp, term for term, so the intervals equal np.percentile's to the last bit.
    diff = b - a
    return np.where(gamma >= 0.5, b - diff * (1 - gamma), a + diff * gamma)


def ascending_order(values):
    """np.argsort(values, axis=1) for float64 rows, by one plain sort of integer keys.

    Sorting plain integers costs about 40 % less than numpy's argsort (100 x 10,000 rows, this machine), so
    each value's bits become an integer that sorts in the same order (negatives: flip all but the sign bit)
    with the column number in the lowest `bits` bits. Values closer than 2^(bits - 52) of their size (4e-12
    at 10,000 columns) become ties; ties, exact or not, go to the lower column first (argsort's order among
    equal values is unspecified).
    """
    columns = values.shape[1]
    bits = max(1, (columns - 1).bit_length())
    raw = np.ascontiguousarray(values, dtype=np.float64).view(np.int64)
    keys = raw >> 63                                   # -1 for negatives, 0 otherwise
    keys &= np.int64(0x7FFFFFFFFFFFFFFF)
    keys ^= raw
    keys &= np.int64(-(1 << bits))                     # clear the low bits (in place: one pass fewer)
    keys |= np.arange(columns, dtype=np.int64)
    keys.sort(axis=1)
    keys &= (1 << bits) - 1
    return keys


def descending_ranks(values):
    """Rank of each value in each row, 1 for the highest (rows x columns, int32)."""
    rows, columns = values.shape
    order = ascending_order(values)
    ranks = np.empty((rows, columns), dtype=np.int32)
    places = np.arange(columns, 0, -1, dtype=np.int32)  # position i of the ascending order is rank columns - i
    for row in range(rows):  # a row at a time: the scatter stays in cache (put_along_axis builds index arrays)
        ranks[row, order[row]] = places
    return ranks


def residual_bootstrap(model, adjusted, residuals, samples, seed, top, confidence, block=100):
    """Summary of `samples` refits of `model` to its fit plus resampled `residuals` (float32, already rescaled)."""
    entries, scores = len(adjusted), len(residuals)
    rng = np.random.default_rng(seed)
    # Each sample's change to the adjusted scores, kept in single precision: adding the fit is monotonic, so the
    # order statistics of fit + change are the fit plus those of the change, exactly; half the memory to sort.
    change = np.empty((entries, samples), dtype=np.float32)   # entries x samples: a row per entry
    ranks = np.empty((entries, samples), dtype=np.int32)
    # Every block writes into the same scratch arrays: fresh pages for each block's tens of MB cost the kernel
    # more time than the arithmetic on them.
    columns = by_sample = None
    for start in range(0, samples, block):
        stop = min(start + block, samples)
        if columns is None or columns.shape[1] != stop - start:
            columns = np.empty((scores, stop - start), dtype=np.float32)
            by_sample = np.empty((stop - start, entries))
        drawn = rng.integers(0, scores, size=(stop - start, scores), dtype=np.int32)
        # scores x samples, each score's draws contiguous: the layout the sparse products read. The draws are in
        # range by construction, so `take` need not check them ("clip" skips the check: a fifth faster).
        delta = model.adjusted_many(np.take(residuals, drawn.T, mode="clip", out=columns))   # entries x block
        change[:, start:stop] = delta
        np.add(delta.T, adjusted, out=by_sample)           # contiguous rows: each sample's ranks come from one sort
        ranks[:, start:stop] = descending_ranks(by_sample).T
    top_hits = np.count_nonzero(ranks <= top, axis=1) if top else np.zeros(entries, dtype=np.intp)
    tail = (1 - confidence) / 2 * 100
    bounds = (tail, 100 - tail)
    change.sort(axis=1)
    low, high = sorted_row_percentiles(change, bounds, offset=adjusted)
    del change
    ranks.sort(axis=1)
    rank_low, rank_high = sorted_row_percentiles(ranks, bounds)
    return Summary(low, high, top_hits, rank_low, rank_high)
