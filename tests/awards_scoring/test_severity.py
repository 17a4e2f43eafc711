"""The severity model against data whose truth we know, and against statsmodels' OLS."""
import numpy as np
import pytest
from scipy.stats import spearmanr

from puentes_awards.scoring.assignment import assign
from puentes_awards.scoring.severity import SeverityError, TieZone, rank_entries, tie_zones


def simulate(seed, entries=150, jurors=12, k=3, quality_sd=10.0, severity_sd=8.0, noise_sd=4.0):
    """Scores = true quality - juror severity + noise, on a seeded assignment."""
    rng = np.random.default_rng(seed)
    quality = rng.normal(60, quality_sd, entries)
    severity = rng.normal(0, severity_sd, jurors)
    panel = [f"j{number}" for number in range(jurors)]
    assignment = assign(range(entries), panel, k, seed=seed)
    scores = [(entry, juror, quality[entry] - severity[panel.index(juror)] + rng.normal(0, noise_sd))
              for entry, group in assignment.jurors_by_entry.items() for juror in group]
    return quality, severity, panel, scores


def by_entry(ranking, field):
    return np.array([getattr(estimate, field) for estimate in sorted(ranking.entries, key=lambda e: e.entry_id)])


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_recovers_quality_better_than_raw_means(seed):
    quality, severity, panel, scores = simulate(seed)
    ranking = rank_entries(scores, samples=200, seed=seed)
    adjusted, raw = by_entry(ranking, "adjusted"), by_entry(ranking, "raw_mean")
    assert spearmanr(adjusted, quality).statistic > spearmanr(raw, quality).statistic
    # Compare on the truth's scale: the model's average juror is the jury's mean severity.
    truth = quality - severity.mean()
    rmse_adjusted = np.sqrt(np.mean((adjusted - truth) ** 2))
    rmse_raw = np.sqrt(np.mean((raw - truth) ** 2))
    assert rmse_adjusted < 0.8 * rmse_raw


def test_recovers_juror_severity():
    quality, severity, panel, scores = simulate(7, entries=300)
    ranking = rank_entries(scores, samples=100)
    estimated = {juror.juror_id: juror.severity for juror in ranking.jurors}
    centred = severity - severity.mean()
    assert np.abs(np.array([estimated[juror] for juror in panel]) - centred).max() < 1.5
    assert ranking.jurors[0].severity >= ranking.jurors[-1].severity  # harshest first


def test_matches_statsmodels_ols_with_sum_to_zero_juror_effects():
    import pandas as pd
    import statsmodels.formula.api as smf

    quality, severity, panel, scores = simulate(9, entries=40, jurors=6)
    frame = pd.DataFrame(scores, columns=["entry", "juror", "score"])
    fit = smf.ols("score ~ C(entry) + C(juror, Sum)", data=frame).fit()
    ranking = rank_entries(scores, samples=50)
    ours = {juror.juror_id: -juror.severity for juror in ranking.jurors}
    juror_levels = sorted(panel)
    theirs = [fit.params[f"C(juror, Sum)[S.{juror}]"] for juror in juror_levels[:-1]]
    theirs.append(-sum(theirs))
    assert [ours[juror] for juror in juror_levels] == pytest.approx(theirs, abs=1e-8)
    for estimate in ranking.entries:
        entry_term = 0.0 if estimate.entry_id == 0 else fit.params[f"C(entry)[T.{estimate.entry_id}]"]
        assert estimate.adjusted == pytest.approx(fit.params["Intercept"] + entry_term, abs=1e-8)
    assert ranking.residual_sd == pytest.approx(np.sqrt(fit.scale), rel=1e-9)


def test_bootstrap_intervals_cover_the_truth_and_top_probabilities_add_up():
    quality, severity, panel, scores = simulate(11, entries=200)
    ranking = rank_entries(scores, samples=400, seed=1)
    truth = dict(enumerate(quality - severity.mean()))
    covered = np.mean([estimate.low <= truth[estimate.entry_id] <= estimate.high for estimate in ranking.entries])
    assert 0.85 <= covered <= 0.99
    assert sum(estimate.top_probability for estimate in ranking.entries) == pytest.approx(3)
    assert ranking.entries[0].top_probability > 0.5
    assert all(e.rank_low <= e.rank <= e.rank_high or e.top_probability == 0 for e in ranking.entries[:10])


def test_reproducible_from_the_seed():
    *_, scores = simulate(3, entries=60)
    assert rank_entries(scores, samples=100, seed=5) == rank_entries(scores, samples=100, seed=5)


def test_close_entries_form_a_tie_zone_and_clear_ones_do_not():
    # Entries 0-1 clearly best, 2-4 indistinguishable, the rest clearly behind; jurors overlap everywhere.
    rng = np.random.default_rng(0)
    means = [90, 85, 70, 70, 70] + [40] * 10
    jurors = ["a", "b", "c", "d"]
    assignment = assign(range(len(means)), jurors, 3, seed=0)
    scores = [(entry, juror, means[entry] + rng.normal(0, 2))
              for entry, group in assignment.jurors_by_entry.items() for juror in group]
    ranking = rank_entries(scores, samples=500, seed=2)
    assert [e.entry_id for e in ranking.entries[:2]] == [0, 1]
    (zone,) = ranking.tie_zones
    assert zone.boundary == 3 and set(zone.entry_ids) == {2, 3, 4}
    assert ranking.entries[0].top_probability == 1.0


def test_tie_zones_rule():
    class Estimate:
        def __init__(self, entry_id, low, high):
            self.entry_id, self.low, self.high = entry_id, low, high

    estimates = [Estimate("a", 80, 90), Estimate("b", 70, 79), Estimate("c", 60, 72), Estimate("d", 50, 55)]
    assert tie_zones(estimates, [1, 2, 3]) == (TieZone(2, ("b", "c")),)
    assert tie_zones(estimates, [0, 4]) == ()


def test_disconnected_jury_is_refused():
    scores = [(1, "a", 50), (1, "b", 60), (2, "c", 70), (2, "d", 40)]
    with pytest.raises(SeverityError, match="2 groups"):
        rank_entries(scores, samples=10)


def test_duplicate_and_empty_scores_are_refused():
    with pytest.raises(SeverityError):
        rank_entries([], samples=10)
    with pytest.raises(SeverityError):
        rank_entries([(1, "a", 50), (1, "a", 60)], samples=10)
