"""Do the jurors agree? Krippendorff's alpha per criterion, interval level.

alpha = 1 is perfect agreement, 0 is what chance gives; Krippendorff's own reading: from 0.800
reliable, from 0.667 tentative conclusions only, below that the jury does not share a reading of
the criterion (the level descriptions need work, or a calibration session).
"""
from dataclasses import dataclass

import krippendorff
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
    entries = sorted({str(t[0]) for t in triples})
    jurors = sorted({str(t[1]) for t in triples})
    entry_at = {entry: index for index, entry in enumerate(entries)}
    juror_at = {juror: index for index, juror in enumerate(jurors)}
    matrix = np.full((len(jurors), len(entries)), np.nan)  # jurors x entries, the package's layout
    for entry, juror, level in triples:
        matrix[juror_at[str(juror)], entry_at[str(entry)]] = float(level)
    scored = np.sum(~np.isnan(matrix), axis=0)
    pairable = int(scored[scored >= 2].sum())
    if pairable < 2:
        return None, pairable
    values = matrix[:, scored >= 2]
    if np.nanmax(values) == np.nanmin(values):
        return None, pairable  # everybody gave the same level: agreement, but alpha is 0/0
    return float(krippendorff.alpha(reliability_data=values, level_of_measurement="interval")), pairable


def reliability_by_criterion(sheets, criteria_codes):
    """[CriterionReliability] from {(entry_id, juror_id): {code: level}} submitted score sheets."""
    report = []
    for code in criteria_codes:
        alpha, pairable = criterion_alpha(
            (entry, juror, levels[code]) for (entry, juror), levels in sheets.items() if levels.get(code) is not None)
        report.append(CriterionReliability(code, alpha, pairable, verdict(alpha)))
    return report
