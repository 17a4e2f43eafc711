import krippendorff
import numpy as np
import pytest

from puentes_awards.scoring.reliability import criterion_alpha, reliability_by_criterion, verdict


def test_perfect_agreement_and_disagreement():
    agree = [(entry, juror, entry % 6) for entry in range(12) for juror in ("a", "b", "c")]
    alpha, pairable = criterion_alpha(agree)
    assert alpha == pytest.approx(1.0)
    assert pairable == 36
    rng = np.random.default_rng(0)
    noise = [(entry, juror, int(rng.integers(0, 6))) for entry in range(40) for juror in ("a", "b", "c")]
    assert criterion_alpha(noise)[0] < 0.3


def test_same_as_the_package_on_a_sparse_design():
    # Krippendorff (2011) style: jurors x entries with gaps; entries scored once are unpairable and dropped.
    data = np.array([[1, 2, 3, 3, 2, 1, 4, 1, 2, np.nan, np.nan, np.nan],
                     [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, np.nan, 3],
                     [np.nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, np.nan],
                     [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, np.nan]])
    triples = [(entry, juror, data[juror, entry]) for juror in range(4) for entry in range(12)
               if not np.isnan(data[juror, entry])]
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="interval")
    assert criterion_alpha(triples)[0] == pytest.approx(expected)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_as_the_package_on_random_panels_of_every_size(seed):
    rng = np.random.default_rng(seed)
    data = np.full((12, 300), np.nan)  # 12 jurors; each entry scored by 1 to 5 of them, levels 0-5
    for entry in range(300):
        jurors = rng.choice(12, size=rng.integers(1, 6), replace=False)
        data[jurors, entry] = np.clip(rng.integers(0, 6) + rng.integers(-1, 2, size=len(jurors)), 0, 5)
    triples = [(entry, juror, data[juror, entry]) for juror in range(12) for entry in range(300)
               if not np.isnan(data[juror, entry])]
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="interval")
    assert criterion_alpha(triples)[0] == pytest.approx(expected, abs=1e-9)


def test_not_enough_data_or_no_variation_is_unknown():
    assert criterion_alpha([(1, "a", 3), (2, "b", 4)]) == (None, 0)
    assert criterion_alpha([(1, "a", 3), (1, "b", 3), (2, "a", 3), (2, "b", 3)])[0] is None


def test_report_per_criterion():
    sheets = {(entry, juror): {"impact": entry % 6, "innovation": (entry + (juror == "b")) % 6}
              for entry in range(20) for juror in ("a", "b")}
    report = {row.code: row for row in reliability_by_criterion(sheets, ["impact", "innovation", "replicability"])}
    assert report["impact"].verdict == "reliable"
    assert report["innovation"].alpha < report["impact"].alpha
    assert report["replicability"].verdict == "unknown"
    assert [verdict(a) for a in (0.9, 0.7, 0.1, None)] == ["reliable", "tentative", "low", "unknown"]


def test_report_equals_each_criterion_on_its_own_with_blank_levels():
    # The report numbers the entries once for all criteria; a level left blank must still just be skipped.
    import numpy as np
    rng = np.random.default_rng(4)
    codes = ["impact", "innovation", "gender"]
    sheets = {(entry, juror): {code: int(rng.integers(0, 6)) for code in codes if rng.random() > 0.2}
              for entry in range(60) for juror in rng.choice(["a", "b", "c", "d"], 3, replace=False)}
    for row in reliability_by_criterion(sheets, codes):
        triples = [(entry, juror, levels[row.code]) for (entry, juror), levels in sheets.items() if row.code in levels]
        assert (row.alpha, row.pairable) == criterion_alpha(triples)
        assert row.alpha is not None
    assert reliability_by_criterion({}, codes)[0].alpha is None
