"""Benchmark: finished proposals turned into entries, and entries carried to a partner by a real worker (issue 5, 19).

1. Entering: `api.enter_proposal` in this process — entry + outbox row in one transaction (+ the batch nudge when
   delivery is on). Per-call p50/p95, SQL queries of one call, entries/s.
2. End to end, as an operator runs it: several producer processes (the LMS's web workers, where teams confirm
   their entries) enter proposals while a Celery worker with the prefork pool, one process per core, drains the
   outbox a batch per task into a local partner server over kept-alive connections. Entries/s = entries /
   (first entry started → partner stored the last one); every entry must be stored once and posted once.
   Each run is repeated; the table shows the median run, with the machine's load.

    python -m benchmarks.awards_handoff [--entries 1000] [--producers 3] [--concurrency 2] [--runs 3]
    PUENTES_DB=mysql python -m benchmarks.awards_handoff        # the measured case: MariaDB
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import machine_load

REPO = Path(__file__).resolve().parent.parent
# Own Redis database and MariaDB schema by environment, so engineers sharing a machine do not flush each other.
BROKER = os.environ.get("PUENTES_BENCH_BROKER", "redis://127.0.0.1:6379/6")
SECRET = "bench-secret"


def setup(workdir, migrate=True):
    """A file database the worker can share (or its own MariaDB schema with PUENTES_DB=mysql), migrated."""
    sys.path[:0] = [str(REPO / "demo"), str(REPO)]
    os.environ.update({"DJANGO_SETTINGS_MODULE": "puentes_demo.settings", "PUENTES_DEMO_VAR": str(workdir),
                       "PUENTES_DEMO_DEBUG": "0",  # DEBUG keeps every query in memory and slows each call
                       "PUENTES_CELERY_BROKER": BROKER, "PUENTES_CACHE_URL": BROKER})
    # One Redis cache for the producers and the worker, as in Tutor: one "a task is queued" mark for them all.
    database_env = {"PUENTES_DEMO_VAR": str(workdir), "PUENTES_CACHE_URL": BROKER}
    if os.environ.get("PUENTES_DB") == "mysql":
        name = os.environ.get("PUENTES_BENCH_DB_NAME", "bench_awards_handoff")
        if migrate:
            import MySQLdb
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
    if migrate:
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


def produce(workdir, first_id, count, awards):
    """A producer process: set up, say 'ready', wait for 'go' on stdin, enter its proposals, report."""
    setup(Path(workdir), migrate=False)
    from django.conf import settings

    from puentes_demo.celery import configure
    from tests.awards_handoff.conftest import COURSE
    configure(broker_url=BROKER, task_always_eager=False)
    for name, value in json.loads(awards).items():
        setattr(settings, name, tuple(value) if isinstance(value, list) else value)
    print("ready", flush=True)
    sys.stdin.readline()
    cpu = time.process_time()
    samples, _queries, seconds = enter_many(first_id, count, COURSE)
    print(json.dumps({"samples": samples, "seconds": seconds, "cpu": time.process_time() - cpu}), flush=True)


def worker_cpu_seconds(worker):
    """CPU seconds the worker's processes have used so far: the main one, its live pool processes, and the pool
    processes it replaced and reaped (--max-tasks-per-child), which count in its children_user/children_system."""
    import psutil
    main = psutil.Process(worker.process.pid)
    return sum(main.cpu_times()[:4]) + sum(sum(child.cpu_times()[:2]) for child in main.children(recursive=True))


def servers_cpu_seconds():
    """CPU seconds MariaDB's and Redis's servers have used so far. Other engineers' tests use the same servers,
    so over a run this is an upper bound of what the hand-off cost them."""
    import psutil
    return sum(sum(process.cpu_times()[:2]) for process in psutil.process_iter(["name"])
               if process.info["name"] in ("mariadbd", "mysqld", "redis-server"))


def end_to_end(workdir, database_env, partner, awards, first_id, count, producers, worker):
    """Producers enter `count` proposals at once; returns (entries/s, latencies ms, stored once, attempts,
    partner connections, CPU ms per entry across producers, worker and partner, those three apart, entered/s)."""
    from puentes_awards.models import OutboxMessage
    from tests.awards_handoff.harness import wait_for
    env = {**os.environ, **database_env, "PYTHONPATH": f"{REPO}:{REPO / 'demo'}"}
    share = -(-count // producers)
    processes = []
    for index in range(producers):
        start, size = first_id + index * share, min(share, count - index * share)
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "benchmarks.awards_handoff", "--produce", str(workdir), str(start), str(size),
             json.dumps(awards)], cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True))
    for process in processes:
        assert process.stdout.readline().strip() == "ready", "a producer failed to start"
    requests_before = len(partner.requests)
    worker_before, own_before, servers_before = worker_cpu_seconds(worker), time.process_time(), servers_cpu_seconds()
    started = time.time()
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    producer_cpu, producer_seconds = 0, 0
    for process in processes:
        report = json.loads(process.stdout.readline())
        producer_cpu, producer_seconds = producer_cpu + report["cpu"], max(producer_seconds, report["seconds"])
        process.wait(600)
    keys = set(OutboxMessage.objects.filter(entry__proposal_id__gte=first_id, entry__proposal_id__lt=first_id + count)
               .values_list("idempotency_key", flat=True))
    wait_for(lambda: keys <= set(partner.stored), 600, interval=0.2, message="all deliveries")
    finished = max(partner.arrivals[key] for key in keys)
    # The worker records a batch's outcomes once the whole batch is posted: wait for that before checking.
    wait_for(lambda: OutboxMessage.objects.filter(idempotency_key__in=keys, status="delivered").count() == len(keys),
             120, interval=0.2, message="deliveries recorded")
    parts = {"producers": producer_cpu, "worker": worker_cpu_seconds(worker) - worker_before,
             "partner": time.process_time() - own_before}
    servers_ms = (servers_cpu_seconds() - servers_before) * 1000 / count
    cpu_ms = sum(parts.values()) * 1000 / count
    split = "/".join(f"{seconds * 1000 / count:.1f}" for seconds in parts.values())
    rows = OutboxMessage.objects.filter(idempotency_key__in=keys)
    created = {key: moment.timestamp() for key, moment in rows.values_list("idempotency_key", "created")}
    latencies = [(partner.arrivals[key] - created[key]) * 1000 for key in keys]
    # Only this run's entries: the worker may still be delivering what earlier sections entered.
    posts = [request["key"] for request in partner.requests[requests_before:] if request["key"] in keys]
    connections = len({request["connection"] for request in partner.requests[requests_before:]})
    counts = (len(keys), rows.filter(status="delivered").count(), len(posts), len(set(posts)))
    once = all(number == count for number in counts) or f"no: keys, delivered, posts, distinct = {counts}"
    attempts = sum(rows.values_list("attempts", flat=True))
    return (count / (finished - started), latencies, once, attempts, connections, cpu_ms, split,
            count / producer_seconds, servers_ms)


def flush_setting():
    """MariaDB's commit durability as the benchmark found it (1: every commit waits for its log flush, as in
    production; a binary log with sync_binlog = 1, as Tutor's MySQL 8.4 keeps, adds a second flush)."""
    from django.db import connection
    if connection.vendor != "mysql":
        return "n/a"
    with connection.cursor() as cursor:
        cursor.execute("SELECT @@innodb_flush_log_at_trx_commit, @@log_bin, @@sync_binlog")
        flush, log_bin, sync_binlog = cursor.fetchone()
    return f"{flush}, binary log {'on, sync_binlog = ' + str(sync_binlog) if log_bin else 'off'}"


def row(label, count, samples, queries, seconds, load):
    return (f"| {label} | {count} | {statistics.median(samples):.1f} | {percentile(samples, 0.95):.1f} | "
            f"{queries} | {count / seconds:.0f} | {load} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--producers", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--produce", nargs=4, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.produce:
        return produce(options.produce[0], int(options.produce[1]), int(options.produce[2]), options.produce[3])
    workdir = Path(tempfile.mkdtemp(prefix="puentes-bench-awards-"))
    database_env = setup(workdir)

    from django.conf import settings

    from tests.awards_handoff.conftest import COURSE, make_edition
    from tests.awards_handoff.harness import CeleryWorker, PartnerServer, worker_env

    make_edition()
    count = options.entries
    database = "MariaDB" if os.environ.get("PUENTES_DB") == "mysql" else "SQLite"
    lines = [f"Database: {database}.", "", "| operation | N | p50 ms | p95 ms | queries per call | entries/s | load |",
             "|---|---|---|---|---|---|---|"]

    # 1. Entering without delivery: the entry, its snapshot and eligibility, in one transaction.
    settings.PUENTES_AWARDS_DELIVERY_URL = ""
    samples, queries, seconds = enter_many(1, count, COURSE)
    lines.append(row("enter a finished proposal (no delivery)", count, samples, queries, seconds, machine_load()))

    # 2. With delivery on, while the real worker drains the outbox into the partner server.
    runs = []
    with PartnerServer(SECRET) as partner:
        awards = {"PUENTES_AWARDS_DELIVERY_URL": partner.url, "PUENTES_AWARDS_SIGNING_SECRET": SECRET,
                  "PUENTES_AWARDS_DELIVERY_TIMEOUTS": [3.05, 10], "PUENTES_AWARDS_DELIVERY_BACKOFF": [1, 60]}
        for name, value in awards.items():
            setattr(settings, name, tuple(value) if isinstance(value, list) else value)
        worker = CeleryWorker(worker_env(database_env, BROKER, awards), workdir / "worker.log",
                              concurrency=options.concurrency, pool="prefork", max_tasks_per_child=100).start()
        try:
            from puentes_demo.celery import configure
            configure(broker_url=BROKER, task_always_eager=False)
            samples, queries, seconds = enter_many(100_000, count // 2, COURSE)
            lines.append(row("enter + outbox row + batch nudge (one producer)", count // 2, samples, queries,
                             seconds, machine_load()))
            for run in range(options.runs):
                result = end_to_end(workdir, database_env, partner, awards, 200_000 + run * count, count,
                                    options.producers, worker)
                runs.append((*result, machine_load()))
        finally:
            worker.stop()

    cores = os.cpu_count() or 2
    exactly_once = next((run[2] for run in runs if run[2] is not True), True)  # True, or what the first bad run saw
    lines += ["", f"End to end: {options.producers} producer processes, a Celery worker (prefork, "
              f"{options.concurrency} processes, --prefetch-multiplier=1 --max-tasks-per-child=100 as Tutor runs "
              "the LMS worker), Redis as broker and shared cache, a local partner over kept-alive connections; "
              f"batches of {settings.PUENTES_AWARDS_DELIVERY_BATCH_SIZE}, window "
              f"{settings.PUENTES_AWARDS_DELIVERY_BATCH_WINDOW} s; {database} as found "
              f"(innodb_flush_log_at_trx_commit = {flush_setting()}). {options.runs} runs, the median last.", "",
              "| end to end | N | entries/s | entered/s | latency p50 ms | latency p95 ms | stored and posted once "
              "| attempts | partner connections | CPU ms per entry | producers/worker/partner | entries/s the CPU "
              f"allows on {cores} idle cores | + MariaDB and Redis servers (shared) | load |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]

    def table_row(label, rate, latencies, once, attempts, connections, cpu_ms, split, entered, servers, load):
        return (f"| {label} | {count} | {rate:.0f} | {entered:.0f} | {statistics.median(latencies):.0f} | "
                f"{percentile(latencies, 0.95):.0f} | {once} | {attempts} | {connections} | {cpu_ms:.1f} | {split} | "
                f"{cores * 1000 / cpu_ms:.0f} | {servers:.1f} ms: {cores * 1000 / (cpu_ms + servers):.0f}/s | {load} |")
    for number, run in enumerate(runs, 1):
        lines.append(table_row(f"run {number}", *run))
    median = sorted(runs, key=lambda run: run[0])[len(runs) // 2]
    median_cpu = statistics.median(run[5] for run in runs)
    median_servers = statistics.median(run[8] for run in runs)
    lines += [f"| **median: entry committed → partner stored it** | {count} | **{median[0]:.0f}** | {median[7]:.0f} "
              f"| {statistics.median(median[1]):.0f} | {percentile(median[1], 0.95):.0f} | {exactly_once} | "
              f"{median[3]} | {median[4]} | {median_cpu:.1f} | {median[6]} | {cores * 1000 / median_cpu:.0f} | "
              f"{median_servers:.1f} ms: {cores * 1000 / (median_cpu + median_servers):.0f}/s | {median[9]} |",
              "", "Entries/s: entries / (first entry started → the partner stored the last). Entered/s: what the "
              "producers alone reached. CPU ms per entry: the producers', the worker's (main process and pool) and "
              "this process's (the partner server) CPU time over the run, divided by the entries; on a shared machine "
              "it is the figure the load does not distort, and cores x 1000 / it bounds what the machine could carry "
              "if it were idle. MariaDB and Redis servers: their CPU over the run per entry (they serve other "
              "users of the machine too, so an upper bound), and what the machine could carry counting them. "
              "The median row: the median run by entries/s, with the median CPU ms of all runs."]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
