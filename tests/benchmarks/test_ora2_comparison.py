"""The ORA2 comparison (benchmarks/ora2_comparison.py) without ORA2: one line that says how to get it, and the
arithmetic that turns interleaved runs into ratios and verdicts. ORA2 itself is not needed here (nor in CI)."""
import importlib.util
import subprocess
import sys

import pytest

from benchmarks import ora2_comparison
from benchmarks.harness import REPO


@pytest.mark.skipif(importlib.util.find_spec("openassessment") is not None,
                    reason="ORA2 is installed here: the section would run the whole comparison")
def test_without_ora2_the_section_says_how_to_install_it_and_succeeds():
    result = subprocess.run([sys.executable, "-m", "benchmarks.ora2_comparison"], cwd=REPO, capture_output=True,
                            text=True, timeout=60, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == [ora2_comparison.INSTALL_HINT]
    assert "make bench-ora2" in result.stdout


def test_every_operation_runs_once_per_round_in_a_rotating_order():
    calls = []
    operations = {name: (lambda name=name: calls.append(name)) for name in "abc"}
    p50s = ora2_comparison.interleaved_run(operations, rounds=3)
    assert calls == ["a", "b", "c", "b", "c", "a", "c", "a", "b"]
    assert set(p50s) == {"a", "b", "c"} and all(value >= 0 for value in p50s.values())


def test_the_ratio_is_the_median_of_the_runs_ratios_and_the_verdict_follows_the_goal():
    runs = [{"proposal page": 30.0, "ORA2 page, draft": 100.0, "case-study page": 50.0, "ORA2 page, blank": 100.0,
             "case-study submit": 40.0, "proposal submit": 60.0, "ORA2 submit": 100.0},
            {"proposal page": 40.0, "ORA2 page, draft": 100.0, "case-study page": 20.0, "ORA2 page, blank": 100.0,
             "case-study submit": 45.0, "proposal submit": 70.0, "ORA2 submit": 100.0},
            {"proposal page": 20.0, "ORA2 page, draft": 50.0, "case-study page": 30.0, "ORA2 page, blank": 100.0,
             "case-study submit": 55.0, "proposal submit": 40.0, "ORA2 submit": 100.0}]
    rows = ora2_comparison.summarise(1000, runs, [1.5, 2.0, 1.0], deferred=[30.0, 10.0, 20.0, 25.0])
    by_label = {row[0].split(" (")[0].split(" vs")[0].split(":")[0]: row for row in rows}
    page = by_label["proposal page open, a full draft"]
    # The runs' ratios are 0.30, 0.40 and 0.40: their median, not the ratio of the medians (0.30).
    assert page[1:5] == [1000, 30.0, 100.0, "0.40"] and page[6] == "MISSED"
    assert by_label["case-study page open, before answering"][6] == "met"
    assert by_label["case-study submit"][4:7] == ["0.45", "≤ 0.50", "met"]
    assert by_label["proposal submit"][4] == "0.60" and by_label["proposal submit"][6] == "MISSED"
    # The worker's share, after the request: the median of its per-submit times, beside ORA2's submit, no verdict.
    worker = by_label["proposal submit, deferred recording"]
    assert worker[1:7] == [1000, 22.5, 100.0, "0.23", "—", ""]
    assert all(row[7] == "1.0–2.0" for row in rows)
