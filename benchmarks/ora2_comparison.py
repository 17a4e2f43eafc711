"""Benchmark: the pack's learner pages and submits against edx-ora2 7.1.2's, side by side (issue 19).

ORA2's openassessment block and the pack's blocks run in one process, on one database, through one runtime
(the demo's, with the same platform shims for every block: benchmarks/ora2_runtime.py), each call a request
of its own as in the LMS (a new runtime, the block's fields read in one query). Calls are interleaved — every
operation once per round, the order rotating — so a load spike hits all alike; each run gives a p50 per
operation, and the figures are the medians of several runs, with the machine's load beside each.

ORA2's page is its student_view plus the requests its JavaScript sends on load (edx-ora2
openassessment/xblock/static/js/src/lms/oa_base.js `load` → ResponseView and `loadAssessmentModules`, each
view's `server.render(...)`, a POST to `render_<step>`; the peer view then asks for `render_message`):
submission, student_training, peer_assessment, staff_assessment, self_assessment, grade, leaderboard,
message. The pack's pages send no request on load.

Both submits are one learner's: the proposal's team has one member (one edx-submissions team submission with
one member's submission, as ORA2 team assignments create them), ORA2's is an individual submission with its
staff workflow (submissions.api.create_submission, AssessmentWorkflow.start_workflow). Both are timed as the LMS
runs them: the tasks a request queues are published to Redis (benchmarks/ora2_settings.py), not run in it. The
proposal's tasks (its edx-submissions team submission, the tutors' e-mail: puentes_proposals/recording.py) are
then run and timed one by one as the worker would: the row "deferred recording (worker)", not part of the ratio.

Needs ORA2 (`make bench-ora2` installs it in .venv-ora2 and runs this); without it, says so and stops.

    python -m benchmarks.ora2_comparison
    PUENTES_ORA2_SIZES=0,1000 PUENTES_ORA2_RUNS=3 PUENTES_ORA2_ROUNDS=8 python -m benchmarks.ora2_comparison  # quicker
"""
import importlib.util
import os
import statistics
import time
import warnings

INSTALL_HINT = ("ORA2 comparison skipped: edx-ora2 is not installed here. `make bench-ora2` installs edx-ora2 "
                "7.1.2 in .venv-ora2 (requirements/ora2.in) and runs it.")
SIZES = tuple(int(size) for size in os.environ.get("PUENTES_ORA2_SIZES", "0,1000,10000").split(","))
RUNS = int(os.environ.get("PUENTES_ORA2_RUNS", "5"))
ROUNDS = int(os.environ.get("PUENTES_ORA2_ROUNDS", "12"))
# (what is compared, the pack's operation, ORA2's operation, the goal for the ratio)
COMPARISONS = (
    ("proposal page open, a full draft (ORA2: page + 8 load requests, a saved draft)", "proposal page",
     "ORA2 page, draft", 1 / 3),
    ("case-study page open, before answering (ORA2: page + 8 load requests, nothing saved)", "case-study page",
     "ORA2 page, blank", 1 / 3),
    ("case-study submit vs ORA2 submit", "case-study submit", "ORA2 submit", 0.5),
    ("proposal submit (a team of one: 15 sections + a letter) vs ORA2 submit (one learner)", "proposal submit",
     "ORA2 submit", 0.5),
)


def ora2_installed():
    return importlib.util.find_spec("openassessment") is not None


def interleaved_run(operations, rounds):
    """One run: every operation once per round, the order rotating; the p50 (ms) of each."""
    names = list(operations)
    samples = {name: [] for name in names}
    for number in range(rounds):
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            start = time.perf_counter()
            operations[name]()
            samples[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def measure_runs(operations, runs, rounds):
    """Per operation, the p50 of each run; and the machine's load after each run."""
    from benchmarks.harness import several_runs
    for operation in operations.values():  # warm caches (compiled templates, translations) as a live site has
        operation()
    return several_runs(lambda _number: interleaved_run(operations, rounds), runs)


def summarise(size, results, loads, deferred):
    """Rows: comparison, N, pack p50, ORA2 p50, ratio (median of the runs' ratios), goal, verdict, load; then the
    proposal submit's deferred work (`deferred`: ms per submit, in the worker) beside ORA2's submit."""
    from benchmarks.harness import load_span
    rows = []
    for label, ours, theirs, goal in COMPARISONS:
        ratio = statistics.median(run[ours] / run[theirs] for run in results)
        rows.append([label, size, statistics.median(run[ours] for run in results),
                     statistics.median(run[theirs] for run in results), f"{ratio:.2f}", f"≤ {goal:.2f}",
                     "met" if ratio <= goal else "MISSED", load_span(loads)])
    ora2_submit = statistics.median(run["ORA2 submit"] for run in results)
    worker = statistics.median(deferred)
    rows.append(["proposal submit, deferred recording (worker): after the request, not in the ratio above", size,
                 worker, ora2_submit, f"{worker / ora2_submit:.2f}", "—", "", load_span(loads)])
    return rows


def main():
    if not ora2_installed():
        print(INSTALL_HINT)
        return
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.ora2_settings"
    warnings.filterwarnings("ignore", category=DeprecationWarning)  # ORA2's utcnow(), once per line, to stderr
    from benchmarks.harness import bench_database, table
    with bench_database() as connection:
        from benchmarks.ora2_operations import Scene
        scene = Scene()
        rows = []
        filled = 0
        for size in SIZES:
            scene.fill(size - filled, start=filled)
            filled = size
            results, loads = measure_runs(scene.operations(RUNS * ROUNDS + 1), RUNS, ROUNDS)
            rows += summarise(size, results, loads, scene.deferred_work())
        database = "MariaDB" if connection.vendor == "mysql" else "SQLite"
        print(f"{database}, Spanish (es-419); N = other learners' submissions in each block. p50 ms per "
              f"operation in each of {RUNS} runs of {ROUNDS} interleaved rounds; the figures are the runs' "
              "medians, the ratio the median of the runs' ratios; load = the machine's 1-minute load after "
              "each run.\n")
        print(table(["comparison", "N", "Puentes p50 ms", "ORA2 p50 ms", "ratio", "goal", "", "load"], rows))


if __name__ == "__main__":
    main()
