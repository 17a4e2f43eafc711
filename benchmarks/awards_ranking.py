"""Benchmark: screening-round assignment and ranking at competition scale (issues 6 and 19).

2,000 entries x 60 jurors and 10,000 entries x 200 jurors, k = 3, 1,000 bootstrap samples; the whole
computation at 10,000 x 200 must stay under 3 s and 300 MB on the 2-core machine. Pure functions: no SQL
is involved (query count 0 by construction). Each stage is timed on the wall clock and in CPU seconds (on a
shared machine the CPU time is what a quiet one would show), medians of several runs, the load beside them;
the memory is the peak of Python and numpy allocations during one more run (tracemalloc).

    python -m benchmarks.awards_ranking [--repeat N]
"""
import argparse
import functools
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

from benchmarks.harness import load_span, machine_load, several_runs

ROOT = Path(__file__).resolve().parent.parent
SCALES = ((2000, 60), (10000, 200))
K, SAMPLES = 3, 1000
COUNTRIES = ["AR", "BO", "BR", "CL", "CO", "CR", "EC", "GT", "MX", "PE", "PY", "UY"]


def setup_django():
    for path in (ROOT / "demo", ROOT, ROOT / "plugins"):
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puentes_demo.settings")
    import django
    django.setup()


def competition(seed=0, size=SCALES[0]):
    """A synthetic edition: entries and jurors spread over twelve countries, true quality and severity."""
    from puentes_awards.scoring.conflicts import EntryProfile, JurorProfile
    entry_count, juror_count = size
    rng = np.random.default_rng(seed)
    entries = [EntryProfile(number, f"Town {number % 400}", COUNTRIES[number % len(COUNTRIES)],
                            frozenset({f"tutor{number % 30}"})) for number in range(entry_count)]
    jurors = [JurorProfile(f"juror{number:03d}", f"Town {number}", COUNTRIES[number % len(COUNTRIES)],
                           frozenset(rng.choice(entry_count, 3, replace=False).tolist()))
              for number in range(juror_count)]
    quality = rng.normal(60, 12, entry_count)
    severity = dict(zip([juror.username for juror in jurors], rng.normal(0, 8, juror_count), strict=True))
    return entries, jurors, quality, severity, rng


class Clock:
    """Wall and CPU seconds of each stage."""

    def __init__(self):
        self.wall, self.cpu = {}, {}

    def time(self, stage, work):
        wall, cpu = time.perf_counter(), time.process_time()
        result = work()
        self.wall[stage] = time.perf_counter() - wall
        self.cpu[stage] = time.process_time() - cpu
        return result


def run_once(seed=0, size=SCALES[0]):
    """One full pass; returns a Clock with each stage's wall and CPU seconds."""
    from puentes_awards.scoring.assignment import assign
    from puentes_awards.scoring.conflicts import ConflictIndex, ConflictPolicy
    from puentes_awards.scoring.reliability import reliability_by_criterion
    from puentes_awards.scoring.schulze import ballot_from_order, schulze
    from puentes_awards.scoring.severity import rank_entries

    entries, jurors, quality, severity, rng = competition(seed, size)
    clock = Clock()
    # Same country and same town both count: the strictest policy, ~1/12 of all pairs conflicted. The index
    # is what assigning needs; listing every conflicted pair is left to the pages that show them.
    conflicts = clock.time(f"conflicts: index ({len(entries):,} entries x {len(jurors)} jurors)", lambda: ConflictIndex(
        jurors, entries, ConflictPolicy(same_municipality=True, same_country=True)))
    assignment = clock.time(f"assignment (k = {K})", lambda: assign(
        [entry.entry_id for entry in entries], list(severity), K, conflicts, seed=seed))

    # The synthetic scores and sheets are drawn in whole arrays: building them is not what is measured.
    pairs = assignment.pairs()
    noise = rng.normal(0, 5, len(pairs))
    scores = [(entry, juror, quality[entry] - severity[juror] + extra)
              for (juror, entry), extra in zip(pairs, noise.tolist(), strict=True)]
    ranking = clock.time(f"ranking: fit + {SAMPLES:,} bootstrap samples", lambda: rank_entries(
        scores, samples=SAMPLES, seed=seed, boundaries=(3, 10)))

    codes = ["innovation", "impact", "feasibility", "participation", "sustainability", "replicability", "gender"]
    levels = np.clip(np.rint(np.array([score for _entry, _juror, score in scores])[:, None] / 20
                             + rng.normal(0, 0.7, (len(scores), len(codes)))), 0, 5).astype(int).tolist()
    sheets = {(entry, juror): dict(zip(codes, row, strict=True))
              for (juror, entry), row in zip(pairs, levels, strict=True)}
    clock.time("reliability (7 criteria)", lambda: reliability_by_criterion(sheets, codes))

    finalists = [estimate.entry_id for estimate in ranking.entries[:10]]
    ballots = [ballot_from_order(list(rng.permutation(finalists))) for _ in range(len(jurors))]
    clock.time(f"final round: Schulze, 10 finalists x {len(jurors)} ballots", lambda: schulze(ballots, finalists))
    for measured in (clock.wall, clock.cpu):
        stages = list(measured.values())
        measured["assignment + ranking"] = stages[1] + stages[2]
        measured["whole computation"] = sum(stages)
    return clock


def peak_memory_mb(size):
    """The peak of Python and numpy allocations during one full pass, in MB."""
    tracemalloc.start()
    run_once(0, size)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    setup_django()
    for size in SCALES:
        entry_count, juror_count = size
        runs, loads = several_runs(functools.partial(run_once, size=size), args.repeat)  # seeds 0, 1, ...
        memory = peak_memory_mb(size)
        big = size == SCALES[-1]
        print(f"### Awards: assignment and ranking ({entry_count:,} entries, {juror_count} jurors, k = {K}, "
              f"{SAMPLES:,} bootstrap samples; median of {args.repeat} runs)\n")
        print("| stage | wall p50 (s) | wall p95 (s) | CPU p50 (s) | SQL queries | target | load |")
        print("|---|---|---|---|---|---|---|")
        for stage in runs[0].wall:
            wall = [run.wall[stage] for run in runs]
            cpu = [run.cpu[stage] for run in runs]
            target = ("< 3 s" if big else "< 10 s") if stage in ("assignment + ranking", "whole computation") else ""
            print(f"| {stage} | {statistics.median(wall):.3f} | {percentile(wall, 0.95):.3f} | "
                  f"{statistics.median(cpu):.3f} | 0 | {target} | {load_span(loads)} |")
        verdict = "ok" if memory < 300 or not big else "OVER"
        print(f"\nPeak memory of one pass (tracemalloc: Python objects and numpy arrays): {memory:.0f} MB"
              + (f" (target < 300 MB: {verdict})" if big else "") + f"; load {machine_load()}\n")


if __name__ == "__main__":
    main()
