"""What every benchmark needs: Django on a throwaway database, timings as p50/p95, query counts, tables.

Every figure is a median of several measurements with the machine's load beside it, in its own row:

    from benchmarks.harness import TIMED, bench_database, measure, table
    with bench_database():
        ...create rows...
        timing = measure(lambda: do_something(), repeat=50)
        rows.append(["operation", size, *timing.cells()])       # p50, p95, queries, load
        print(table(["operation", "N", *TIMED], rows))

A section whose measurement is a whole run rather than one call repeats the run with `several_runs`, reports
the median run and gives `load_span` of the runs' loads beside each row.
"""
import contextlib
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def django_setup():
    sys.path[:0] = [str(REPO / "demo"), str(REPO)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puentes_demo.settings")
    os.environ.setdefault("PUENTES_DEMO_VAR", "/tmp/puentes-bench")
    import django
    django.setup()


@contextlib.contextmanager
def bench_database():
    """A fresh test database (SQLite file, or MariaDB with PUENTES_DB=mysql), dropped afterwards."""
    django_setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def machine_load():
    """The machine's 1-minute load average, printed beside each figure: on a shared machine a slow
    figure next to a high load says 'measure again', not 'the code got slower'."""
    return round(os.getloadavg()[0], 1)


# The columns `Timing.cells()` fills.
TIMED = ["p50 ms", "p95 ms", "queries", "load"]


class Timing:
    def __init__(self, samples_ms, queries, load=None):
        self.samples_ms = samples_ms
        self.queries = queries
        self.load = load

    @property
    def p50(self):
        return statistics.median(self.samples_ms)

    @property
    def p95(self):
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    def cells(self, queries=None):
        """p50, p95, the queries of one call (or `queries`, counted otherwise) and the load: the TIMED columns."""
        return [self.p50, self.p95, self.queries if queries is None else queries, self.load]


def measure(operation, repeat=30, warmup=3, budget=None, least=10):
    """Time `operation()` `repeat` times; also count the SQL queries of one call.

    With a `budget` (seconds), stop once it is spent, but never before `least` calls: a call of a second or more
    has a median that ten calls place well, and thirty of them only make `make bench` longer."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    for _ in range(warmup):
        operation()
    with CaptureQueriesContext(connection) as captured:
        operation()
    samples = []
    started = time.perf_counter()
    for _ in range(repeat):
        if budget is not None and len(samples) >= least and time.perf_counter() - started > budget:
            break
        start = time.perf_counter()
        operation()
        samples.append((time.perf_counter() - start) * 1000)
    return Timing(samples, len(captured.captured_queries), machine_load())


def several_runs(run, runs):
    """Call run(number) for number 0 .. runs - 1 (a seed, say): (the results, the machine's load after each)."""
    results, loads = [], []
    for number in range(runs):
        results.append(run(number))
        loads.append(machine_load())
    return results, loads


def load_span(loads):
    """The loads seen over a measurement's runs, as one table cell: '2.1' or '1.8–2.6'."""
    low, high = min(loads), max(loads)
    return f"{low}" if low == high else f"{low}–{high}"


def table(headers, rows):
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows:
        lines.append("| " + " | ".join(f"{cell:.1f}" if isinstance(cell, float) else str(cell) for cell in row) + " |")
    return "\n".join(lines)


def page_weight(package, html_label, html, files, limit_kb):
    """What a browser downloads for a block: its HTML plus the package's own files, against a limit."""
    from importlib import import_module
    root = Path(import_module(package).__file__).parent
    parts = [(html_label, len(html.encode() if isinstance(html, str) else html))]
    parts += [(name, (root / name).stat().st_size) for name in files]
    total = sum(size for _name, size in parts)
    verdict = "ok" if total <= limit_kb * 1024 else "OVER"
    summary = f"{total} ({total / 1024:.1f} KB; limit {limit_kb} KB: {verdict})"
    return table(["part", "bytes"], [*parts, ("total", summary)])
