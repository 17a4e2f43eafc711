"""`make bench`: run every benchmark module in its own process and write docs/benchmarks.md."""
import datetime
import os
import platform
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SKIP = {"__init__", "__main__", "harness"}


def main():
    chosen = sys.argv[1:]  # a few by name: print them, leave docs/benchmarks.md as the full run wrote it
    names = chosen or sorted(p.stem for p in (REPO / "benchmarks").glob("*.py") if p.stem not in SKIP)
    sections = []
    for name in names:
        print(f"benchmark {name} …", flush=True)
        result = subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], cwd=REPO, capture_output=True,
                                text=True, env={**os.environ, "PYTHONPATH": f"{REPO}:{REPO / 'demo'}"})
        output = result.stdout.strip() if result.returncode == 0 else f"FAILED:\n```\n{result.stderr[-3000:]}\n```"
        print(output)
        sections.append(f"## {name}\n\n{output}\n")
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    header = (
        "# Benchmarks\n\n"
        f"Written by `make bench` on {datetime.date.today()}: {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}, SQLite unless a section says otherwise. "
        "p50/p95 in milliseconds over repeated in-process calls through the real handlers; "
        "queries = SQL statements one call issues.\n\n"
    )
    if chosen:
        return
    (REPO / "docs" / "benchmarks.md").write_text(header + "\n".join(sections), encoding="utf-8")
    print("wrote docs/benchmarks.md")


if __name__ == "__main__":
    main()
