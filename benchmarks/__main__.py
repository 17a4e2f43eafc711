"""`make bench`: run every benchmark module in its own process and write docs/benchmarks.md.

Each section says the machine's load when it started and ended: on a shared machine a slow figure beside a
high load means "measure again". The queue and the hand-off are also (the hand-off only) measured on MariaDB
when one answers on 127.0.0.1:3306 (PUENTES_DB=mysql), the database an Open edX site runs.
"""
import datetime
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.harness import machine_load

REPO = Path(__file__).resolve().parent.parent
SKIP = {"__init__", "__main__", "harness", "lms_like_settings", "ora2_settings", "ora2_runtime", "ora2_data",
        "ora2_operations"}
# A section that needs an optional extra runs with the venv that has it, when there is one (`make bench-ora2`).
PYTHON_FOR = {"ora2_comparison": REPO / ".venv-ora2" / "bin" / "python"}
ON_MARIADB = {"review": "also", "awards_handoff": "only"}


def mariadb_answers():
    try:
        import MySQLdb
        MySQLdb.connect(host="127.0.0.1", user=os.environ.get("PUENTES_DB_USER", "root"),
                        passwd=os.environ.get("PUENTES_DB_PASSWORD", ""), connect_timeout=2).close()
        return True
    except Exception:  # noqa: BLE001 - no MariaDB here: the SQLite figures stand alone
        return False


def runs_of(name, mariadb):
    """(title, extra environment) for each run of the module."""
    where = ON_MARIADB.get(name)
    mysql = ("MariaDB", {"PUENTES_DB": "mysql",
                         "PUENTES_TEST_DB_NAME": os.environ.get("PUENTES_TEST_DB_NAME", "bench_puentes")})
    if where == "only" and mariadb:
        return [mysql]
    if where == "also" and mariadb:
        return [("SQLite", {"PUENTES_DB": ""}), mysql]
    return [("", {"PUENTES_DB": ""})]


def run(name, title, extra):
    heading = f"## {name}" + (f" ({title})" if title else "")
    print(f"benchmark {name} {title}…", flush=True)
    load_before = machine_load()
    python = PYTHON_FOR.get(name)
    python = str(python) if python and python.exists() else sys.executable
    started = time.monotonic()
    result = subprocess.run([python, "-m", f"benchmarks.{name}"], cwd=REPO, capture_output=True, text=True,
                            env={**os.environ, **extra, "PYTHONPATH": f"{REPO}:{REPO / 'demo'}"})
    seconds = time.monotonic() - started
    output = result.stdout.strip() if result.returncode == 0 else f"FAILED:\n```\n{result.stderr[-3000:]}\n```"
    print(output)
    load = (f"Machine load (1-minute average): {load_before} at the start, {machine_load()} at the end; "
            f"the section took {seconds:.0f} s.")
    print(f"benchmark {heading[3:]}: {seconds:.0f} s", flush=True)
    return heading[3:], f"{heading}\n\n{load}\n\n{output}\n", seconds


def main():
    chosen = sys.argv[1:]  # a few by name: print them, leave docs/benchmarks.md as the full run wrote it
    names = chosen or sorted(p.stem for p in (REPO / "benchmarks").glob("*.py") if p.stem not in SKIP)
    mariadb = mariadb_answers()
    started = time.monotonic()
    sections = [run(name, title, extra) for name in names for title, extra in runs_of(name, mariadb)]
    total = time.monotonic() - started
    # What each section costs, so a slow `make bench` says where its time went.
    print("durations: " + ", ".join(f"{name} {seconds:.0f} s" for name, _text, seconds in sections)
          + f"; total {total / 60:.1f} min", flush=True)
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    header = (
        "# Benchmarks\n\n"
        f"Written by `make bench` on {datetime.date.today()}: {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}, SQLite unless a section says otherwise. "
        "p50/p95 in milliseconds over repeated in-process calls through the real handlers (p50: the median); "
        "queries = SQL statements one call issues. Each section gives the machine's load beside its figures. "
        "Section ora2_comparison sets the pack beside edx-ora2 7.1.2 in one process, database and runtime; it runs "
        "once `make bench-ora2` has installed ORA2 (an optional extra, in .venv-ora2), and otherwise says so.\n\n"
    )
    if chosen:
        return
    header += f"The whole run took {total / 60:.0f} minutes.\n\n"
    (REPO / "docs" / "benchmarks.md").write_text(header + "\n".join(text for _name, text, _seconds in sections),
                                                 encoding="utf-8")
    print("wrote docs/benchmarks.md")


if __name__ == "__main__":
    main()
