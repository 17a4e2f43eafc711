"""Benchmark: the tutor workspace's version diff on ordinary and hostile text (issue 13, H2).

Before, two versions of '- . - . …' made difflib work quadratically: 6,000 characters took 3.6–6.4 s per view,
60,000 about 11 minutes per section. Now the diff (puentes_review/diff.py) is Myers' under a per-view step
budget, so the worst case is bounded; the table shows both ordinary edits and the finding's texts.

    python -m benchmarks.review_diff
"""
import random

from benchmarks.harness import bench_database, measure, table


def texts():
    rnd = random.Random(13)
    words = ["familias", "migrantes", "ciudad", "plan", "escuela", "salud", "empleo", "vivienda", "red", "apoyo"]
    paragraphs = [" ".join(rnd.choice(words) + str(rnd.randint(0, 99)) for _ in range(100)) for _ in range(15)]
    edited = [" ".join("cambio" if rnd.random() < 0.1 else word for word in paragraph.split())
              for paragraph in paragraphs]
    return [
        ("1,500 words, 10% of them edited", "\n".join(paragraphs), "\n".join(edited)),
        ("1,500 words rewritten", "\n".join(paragraphs), "\n".join(reversed(edited))),
        ("'- . ' × 1,500 (6,000 chars)", "- . " * 1500, "- - . . " * 750),
        ("'- . ' × 15,000 (60,000 chars)", "- . " * 15000, ". - " * 15000 + "x"),
        ("30,000 one-character lines", "-\n.\n" * 15000, ".\n-\n" * 15000),
    ]


def main():
    with bench_database():
        from puentes_review import diff
        rows = []
        for label, before, after in texts():
            budget = diff.Budget()
            diff.word_changes(before, after, budget)
            timing = measure(lambda before=before, after=after: diff.word_changes(before, after), repeat=10,
                             warmup=1)
            rows.append([label, timing.p50, timing.p95, budget.spent, timing.load])
        print("### One section's diff (the budget is shared by a workspace's sections)\n")
        print(table(["texts", "p50 ms", "p95 ms", "steps", "load"], rows))
        print(f"\nBudget: {diff.MAX_STEPS:,} steps per workspace view; past it the rest is shown deleted and inserted "
              "whole.")


if __name__ == "__main__":
    main()
