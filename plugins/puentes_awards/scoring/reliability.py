"""Do the jurors agree? Krippendorff's alpha per criterion, interval level.

alpha = 1 is perfect agreement, 0 is what chance gives; Krippendorff's own reading: from 0.800
reliable, from 0.667 tentative conclusions only, below that the jury does not share a reading of
the criterion (the level descriptions need work, or a calibration session).

Computed from sums per entry (for the interval metric the coincidence matrix collapses to sums of
levels and of their squares), so 10,000 entries cost a few array passes; a test checks it against the
`krippendorff` package.
"""
from dataclasses import dataclass

import numpy as np

RELIABLE, TENTATIVE = 0.800, 0.667


@dataclass(frozen=True)
class CriterionReliability:
    code: str
    alpha: float | None   # None: not enough overlapping scores, or no variation at all
    pairable: int         # scores on entries that at least two jurors scored
    verdict: str          # "reliable", "tentative", "low" or "unknown"


def verdict(alpha):
    if alpha is None:
        return "unknown"
    if alpha >= RELIABLE:
        return "reliable"
    if alpha >= TENTATIVE:
        return "tentative"
    return "low"


def criterion_alpha(levels):
    """Alpha for one criterion from (entry_id, juror_id, level) triples, with how many scores it rests on."""
    triples = list(levels)
    if not triples:
        return None, 0
    _entries, unit = np.unique(np.array([str(t[0]) for t in triples]), return_inverse=True)
    return _alpha(unit, np.array([float(t[2]) for t in triples]))


def _alpha(unit, value):
    """Alpha from each level's entry number (`unit`) and the levels."""
    if not len(value):
        return None, 0
    sizes = np.bincount(unit)
    total, squares = np.bincount(unit, weights=value), np.bincount(unit, weights=value * value)
    paired = sizes >= 2                              # an entry scored once pairs with nothing
    pairable = int(sizes[paired].sum())
    if pairable < 2:
        return None, pairable
    values = value[paired[unit]]
    if values.max() == values.min():
        return None, pairable  # everybody gave the same level: agreement, but alpha is 0/0
    m, level_sum, square_sum = sizes[paired], total[paired], squares[paired]
    # (a - b)² summed over ordered pairs of one entry's levels is 2m·Σv² − 2(Σv)²; weighted 1/(m − 1).
    observed = np.sum((2 * m * square_sum - 2 * level_sum ** 2) / (m - 1)) / pairable
    expected = (2 * pairable * np.sum(values ** 2) - 2 * np.sum(values) ** 2) / (pairable * (pairable - 1))
    return float(1 - observed / expected), pairable


def reliability_by_criterion(sheets, criteria_codes):
    """[CriterionReliability] from {(entry_id, juror_id): {code: level}} submitted score sheets."""
    # The entries are numbered once for every criterion (a criterion left blank on a sheet just skips it).
    keys = list(sheets)
    units = np.unique(np.array([str(entry) for entry, _juror in keys]), return_inverse=True)[1] if keys else None
    filled = list(sheets.values())
    report = []
    for code in criteria_codes:
        # One pass per criterion: a blank (missing or None) becomes NaN in the float array.
        levels = np.array([sheet.get(code) for sheet in filled], dtype=float)
        given = ~np.isnan(levels)
        alpha, pairable = _alpha(units[given], levels[given]) if keys else (None, 0)
        report.append(CriterionReliability(code, alpha, pairable, verdict(alpha)))
    return report
