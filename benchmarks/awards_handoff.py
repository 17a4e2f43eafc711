"""Benchmark: finished proposals turned into entries, and entries carried to a partner by the real worker (issue 5).

1. Entering: `api.enter_proposal` for 1,000 snapshots in this process — entry + outbox row in one transaction,
   plus queueing the delivery on Redis when delivery is on. Per-call p50/p95, SQL queries of one call, entries/s.
2. End to end: 1,000 entries created while a real Celery worker (threads pool) consumes the Redis queue and
   POSTs each, signed, to a local partner server. Latency = entry committed → partner stored it.

    python -m benchmarks.awards_handoff [--entries 1000] [--concurrency 4]
"""
import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BROKER = "redis://127.0.0.1:6379/6"
SECRET = "bench-secret"


def setup(workdir):
    """A file database the worker can share (or its own MariaDB schema with PUENTES_DB=mysql), migrated."""
    sys.path[:0] = [str(REPO / "demo"), str(REPO)]
    os.environ.update({"DJANGO_SETTINGS_MODULE": "puentes_demo.settings", "PUENTES_DEMO_VAR": str(workdir),
                       "PUENTES_DEMO_DEBUG": "0",  # DEBUG keeps every query in memory and slows each call
                       "PUENTES_CELERY_BROKER": BROKER})
    database_env = {"PUENTES_DEMO_VAR": str(workdir)}
    if os.environ.get("PUENTES_DB") == "mysql":
        import MySQLdb
        name = "bench_awards_handoff"
        server = MySQLdb.connect(host="127.0.0.1", user="root", passwd="")
        server.cursor().execute(f"DROP DATABASE IF EXISTS {name}")
        server.cursor().execute(f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        os.environ["PUENTES_DB_NAME"] = name
        database_env.update({"PUENTES_DB": "mysql", "PUENTES_DB_NAME": name})
    else:
        os.environ["PUENTES_DEMO_DB"] = str(workdir / "bench.sqlite3")
        database_env["PUENTES_DEMO_DB"] = os.environ["PUENTES_DEMO_DB"]
    import django
    django.setup()
    import redis
    from django.core.management import call_command
    call_command("migrate", verbosity=0, interactive=False)
    redis.Redis.from_url(BROKER).flushdb()
    return database_env


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def enter_many(first_id, count, course_key):
    """Enter `count` proposals; (per-call ms, queries of one call, seconds in all)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from puentes_awards import api
    from tests.awards_handoff.conftest import build_snapshot
    snapshots = [build_snapshot(first_id + n, course_key=course_key) for n in range(count)]
    samples, queries = [], 0
    started = time.perf_counter()
    for index, snapshot in enumerate(snapshots):
        begin = time.perf_counter()
        if index == count // 2:
            with CaptureQueriesContext(connection) as captured:
                api.enter_proposal(snapshot)
            queries = len(captured.captured_queries)
        else:
            api.enter_proposal(snapshot)
        samples.append((time.perf_counter() - begin) * 1000)
    return samples, queries, time.perf_counter() - started


def row(label, count, samples, queries, seconds):
    return (f"| {label} | {count} | {statistics.median(samples):.1f} | {percentile(samples, 0.95):.1f} | "
            f"{queries} | {count / seconds:.0f} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=4)
    options = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="puentes-bench-awards-"))
    database_env = setup(workdir)

    from django.conf import settings

    from puentes_awards.models import OutboxMessage
    from tests.awards_handoff.conftest import COURSE, make_edition
    from tests.awards_handoff.harness import CeleryWorker, PartnerServer, wait_for, worker_env

    make_edition()
    count = options.entries
    lines = ["| operation | N | p50 ms | p95 ms | queries per call | entries/s |", "|---|---|---|---|---|---|"]

    # 1. Entering without delivery: the entry, its snapshot and eligibility, in one transaction.
    settings.PUENTES_AWARDS_DELIVERY_URL = ""
    samples, queries, seconds = enter_many(1, count, COURSE)
    lines.append(row("enter a finished proposal (no delivery)", count, samples, queries, seconds))

    # 2. With delivery on, while the real worker drains the queue into the partner server.
    with PartnerServer(SECRET) as partner:
        awards = {"PUENTES_AWARDS_DELIVERY_URL": partner.url, "PUENTES_AWARDS_SIGNING_SECRET": SECRET,
                  "PUENTES_AWARDS_DELIVERY_TIMEOUTS": [3.05, 10], "PUENTES_AWARDS_DELIVERY_BACKOFF": [1, 60]}
        for name, value in awards.items():
            setattr(settings, name, tuple(value) if isinstance(value, list) else value)
        worker = CeleryWorker(worker_env(database_env, BROKER, awards), workdir / "worker.log",
                              concurrency=options.concurrency, pool="threads").start()
        try:
            started = time.time()
            samples, queries, seconds = enter_many(100_000, count, COURSE)
            lines.append(row("enter + outbox row + queue on Redis", count, samples, queries, seconds))
            wait_for(lambda: len(partner.stored) >= count, 600, interval=0.5, message="all deliveries")
            finished = max(partner.arrivals.values())
            created = {str(uuid): created.timestamp() for uuid, created in
                       OutboxMessage.objects.values_list("idempotency_key", "created")}
            latencies = [(partner.arrivals[key] - created[key]) * 1000 for key in partner.stored]
            attempts = sum(OutboxMessage.objects.values_list("attempts", flat=True))
            delivered = OutboxMessage.objects.filter(status="delivered").count()
        finally:
            worker.stop()

    lines += ["", "| end to end (real worker, Redis, local partner) | N | worker threads | entries/s | "
              "latency p50 ms | latency p95 ms | stored once | attempts |", "|---|---|---|---|---|---|---|---|",
              f"| entry committed → partner stored it | {count} | {options.concurrency} | "
              f"{count / (finished - started):.0f} | {statistics.median(latencies):.0f} | "
              f"{percentile(latencies, 0.95):.0f} | {len(partner.stored) == count == delivered} | {attempts} |"]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
