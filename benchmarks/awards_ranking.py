"""Benchmark: screening-round assignment and ranking at competition scale (issue 6).

2,000 entries, 60 jurors, k = 3, 1,000 bootstrap samples; the whole computation must stay under
10 s on the 2-core machine. Pure functions: no SQL is involved (query count 0 by construction).

    python -m benchmarks.awards_ranking [--repeat N]
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
ENTRIES, JURORS, K, SAMPLES = 2000, 60, 3, 1000
COUNTRIES = ["AR", "BO", "BR", "CL", "CO", "CR", "EC", "GT", "MX", "PE", "PY", "UY"]


def setup_django():
    for path in (ROOT / "demo", ROOT, ROOT / "plugins"):
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puentes_demo.settings")
    import django
    django.setup()


def competition(seed=0):
    """A synthetic edition: entries and jurors spread over twelve countries, true quality and severity."""
    from puentes_awards.scoring.conflicts import EntryProfile, JurorProfile
    rng = np.random.default_rng(seed)
    entries = [EntryProfile(number, f"Town {number % 400}", COUNTRIES[number % len(COUNTRIES)],
                            frozenset({f"tutor{number % 30}"})) for number in range(ENTRIES)]
    jurors = [JurorProfile(f"juror{number:02d}", f"Town {number}", COUNTRIES[number % len(COUNTRIES)],
                           frozenset(rng.choice(ENTRIES, 3, replace=False).tolist())) for number in range(JURORS)]
    quality = rng.normal(60, 12, ENTRIES)
    severity = dict(zip([juror.username for juror in jurors], rng.normal(0, 8, JURORS), strict=True))
    return entries, jurors, quality, severity, rng


def run_once(seed=0):
    """One full pass; returns {stage: seconds}."""
    from puentes_awards.scoring.assignment import assign
    from puentes_awards.scoring.conflicts import ConflictPolicy, conflicted_pairs
    from puentes_awards.scoring.reliability import reliability_by_criterion
    from puentes_awards.scoring.schulze import ballot_from_order, schulze
    from puentes_awards.scoring.severity import rank_entries

    entries, jurors, quality, severity, rng = competition(seed)
    times = {}
    started = time.perf_counter()
    conflicts = conflicted_pairs(jurors, entries, ConflictPolicy(same_municipality=True, same_country=True))
    times["conflicts (120,000 pairs)"] = time.perf_counter() - started

    started = time.perf_counter()
    assignment = assign([entry.entry_id for entry in entries], list(severity), K, set(conflicts), seed=seed)
    times["assignment (k = 3)"] = time.perf_counter() - started

    scores = [(entry, juror, quality[entry] - severity[juror] + rng.normal(0, 5))
              for entry, group in assignment.jurors_by_entry.items() for juror in group]
    started = time.perf_counter()
    ranking = rank_entries(scores, samples=SAMPLES, seed=seed, boundaries=(3, 10))
    times["ranking: fit + 1,000 bootstrap samples"] = time.perf_counter() - started

    codes = ["innovation", "impact", "feasibility", "participation", "sustainability", "replicability", "gender"]
    sheets = {(entry, juror): {code: int(np.clip(round(score / 20 + rng.normal(0, 0.7)), 0, 5)) for code in codes}
              for entry, juror, score in scores}
    started = time.perf_counter()
    reliability_by_criterion(sheets, codes)
    times["reliability (7 criteria)"] = time.perf_counter() - started

    finalists = [estimate.entry_id for estimate in ranking.entries[:10]]
    ballots = [ballot_from_order(list(rng.permutation(finalists))) for _ in range(JURORS)]
    started = time.perf_counter()
    schulze(ballots, finalists)
    times["final round: Schulze, 10 finalists x 60 ballots"] = time.perf_counter() - started
    times["assignment + ranking"] = times["assignment (k = 3)"] + times["ranking: fit + 1,000 bootstrap samples"]
    times["whole computation"] = sum(value for stage, value in times.items() if stage != "assignment + ranking")
    return times


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    setup_django()
    runs = [run_once(seed) for seed in range(args.repeat)]
    print(f"### Awards: assignment and ranking ({ENTRIES:,} entries, {JURORS} jurors, k = {K}, "
          f"{SAMPLES:,} bootstrap samples; {args.repeat} runs)\n")
    print("| stage | p50 (s) | p95 (s) | SQL queries | target |")
    print("|---|---|---|---|---|")
    for stage in runs[0]:
        values = [run[stage] for run in runs]
        target = "< 10 s" if stage in ("assignment + ranking", "whole computation") else ""
        print(f"| {stage} | {statistics.median(values):.3f} | {percentile(values, 0.95):.3f} | 0 | {target} |")
    return runs


if __name__ == "__main__":
    main()
