"""The vectorised bootstrap against a plain one: every sample refitted by least squares, one at a time."""
from types import SimpleNamespace

import numpy as np
import pytest
from scipy.stats import rankdata

from puentes_awards.scoring.assignment import assign
from puentes_awards.scoring.bootstrap import ascending_order, descending_ranks, sorted_row_percentiles
from puentes_awards.scoring.severity import rank_entries, tie_zones


def simulate(seed, entries, jurors, k=3):
    rng = np.random.default_rng(seed)
    quality, severity = rng.normal(60, 6, entries), rng.normal(0, 6, jurors)
    panel = [f"j{number:02d}" for number in range(jurors)]
    assignment = assign(range(entries), panel, k, seed=seed)
    return [(entry, juror, quality[entry] - severity[panel.index(juror)] + rng.normal(0, 4))
            for entry, group in assignment.jurors_by_entry.items() for juror in group]


def reference(scores, samples, seed, top=3, confidence=0.95, chunk=100):
    """The residual bootstrap as the textbook states it: a dense least-squares refit per sample.

    Same model (entry effects, juror effects summing to zero), same rescaled residuals, same draws (the
    seeded generator, `chunk` samples of `scores` indices per call); float64 throughout."""
    entry_ids = sorted({str(entry) for entry, _juror, _score in scores})
    juror_ids = sorted({str(juror) for _entry, juror, _score in scores})
    n, entries, jurors = len(scores), len(entry_ids), len(juror_ids)
    design = np.zeros((n, entries + jurors - 1))
    for row, (entry, juror, _score) in enumerate(scores):
        design[row, entry_ids.index(str(entry))] = 1
        position = juror_ids.index(str(juror))
        if position < jurors - 1:
            design[row, entries + position] = 1
        else:
            design[row, entries:] = -1  # sum-to-zero contrast: the last juror is minus the others
    y = np.array([score for _entry, _juror, score in scores])

    def adjusted_of(values):
        return np.linalg.lstsq(design, values, rcond=None)[0][:entries]

    coefficients = np.linalg.lstsq(design, y, rcond=None)[0]
    fitted = design @ coefficients
    residuals = y - fitted
    dof = n - entries - (jurors - 1)
    inflated = (residuals * np.sqrt(n / dof)).astype(np.float32).astype(float)
    rng = np.random.default_rng(seed)
    boot, ranks = [], []
    for start in range(0, samples, chunk):
        for drawn in rng.integers(0, n, size=(min(chunk, samples - start), n), dtype=np.int32):
            refit = adjusted_of(fitted + inflated[drawn])
            boot.append(refit)
            ranks.append(rankdata(-refit, method="ordinal"))
    boot, ranks = np.array(boot), np.array(ranks)
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(boot, [tail, 100 - tail], axis=0)
    rank_low, rank_high = np.percentile(ranks, [tail, 100 - tail], axis=0)
    return {entry_ids[index]: (low[index], high[index], np.mean(ranks[:, index] <= top),
                               int(np.floor(rank_low[index])), int(np.ceil(rank_high[index])))
            for index in range(entries)}


@pytest.mark.parametrize("seed, entries, jurors, samples", [(1, 30, 6, 200), (2, 60, 9, 250), (3, 45, 7, 130)])
def test_equals_the_per_sample_refit(seed, entries, jurors, samples):
    scores = simulate(seed, entries, jurors)
    ranking = rank_entries(scores, samples=samples, seed=seed, boundaries=(3, 10))
    expected = reference(scores, samples, seed)
    for estimate in ranking.entries:
        low, high, top_share, rank_low, rank_high = expected[str(estimate.entry_id)]
        # The fast path refits in single precision: intervals agree to well under a point's thousandth.
        assert estimate.low == pytest.approx(low, abs=1e-4)
        assert estimate.high == pytest.approx(high, abs=1e-4)
        assert estimate.top_probability == pytest.approx(top_share, abs=1e-12)
        assert (estimate.rank_low, estimate.rank_high) == (rank_low, rank_high)
    # The same tie zones as the reference's intervals give, taken in the same (deterministic) rank order.
    from_reference = [SimpleNamespace(entry_id=e.entry_id, low=expected[str(e.entry_id)][0],
                                      high=expected[str(e.entry_id)][1]) for e in ranking.entries]
    assert ranking.tie_zones == tie_zones(from_reference, (3, 10))
    assert ranking.tie_zones  # the cases are small and close enough to have some


def test_the_seed_decides_and_a_block_size_does_not_change_the_statistic():
    scores = simulate(4, 50, 8)
    first = rank_entries(scores, samples=300, seed=9)
    assert first == rank_entries(scores, samples=300, seed=9)
    assert first != rank_entries(scores, samples=300, seed=10)
    # 150 draws per call instead of 100 is the same stream of draws here (an even count of 32-bit draws).
    assert first == rank_entries(scores, samples=300, seed=9, chunk=150)


@pytest.mark.parametrize("dtype", [np.float64, np.int32])
def test_sorted_row_percentiles_equal_numpy(dtype):
    rng = np.random.default_rng(0)
    for count in (1, 2, 7, 40, 1000):
        rows = np.sort((rng.normal(0, 50, (30, count))).astype(dtype), axis=1)
        percents = (2.5, 97.5, 0, 50, 100, 33.3)
        assert np.array_equal(sorted_row_percentiles(rows, percents), np.percentile(rows, percents, axis=1))


def test_ascending_order_equals_argsort():
    rng = np.random.default_rng(1)
    values = rng.normal(0, 40, (50, 3000))
    values[:, ::7] *= 1e-9                 # tiny magnitudes of both signs
    values[:, 1::11] = -values[:, 1::11] ** 3
    assert np.array_equal(ascending_order(values), np.argsort(values, axis=1))
    tied = np.array([[2.0, 1.0, 2.0, -0.5, 1.0]])
    assert ascending_order(tied).tolist() == [[3, 1, 4, 0, 2]]   # equal values: lower column first


def test_descending_ranks():
    rng = np.random.default_rng(2)
    values = rng.normal(size=(20, 500))
    expected = np.array([rankdata(-row, method="ordinal") for row in values])
    assert np.array_equal(descending_ranks(values), expected)
