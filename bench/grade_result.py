"""What the typed grade result costs beside grading itself, on the demo month.

    python bench/grade_result.py [--runs 15]

Builds 眉县's demo month in a fresh SQLite file, then times, each `runs` times, loading the month's posts,
grading them (domain), making the typed result with its words (reports/evaluation_json.month_result) and
storing it (store/evaluations.replace_month). Prints medians side by side; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from govwatch.domain.calendar import Month
from govwatch.domain.evaluation import evaluate_month
from govwatch.reports.evaluation_json import month_result
from govwatch.services.demo import run_demo
from govwatch.services.evaluate import _load_span
from govwatch.store.counties import load_stored_county
from govwatch.store.db import open_database
from govwatch.store.evaluations import replace_month
from govwatch.store.overrides import current_overrides
from govwatch.store.posts import post_records

JUNE = Month(2023, 6)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    stages: dict[str, list[float]] = {"load posts": [], "grade (domain)": [], "typed result + words": [],
                                      "store rows": []}
    with tempfile.TemporaryDirectory() as directory:
        db = open_database(f"sqlite:///{directory}/bench.db")
        run_demo(db, Path(__file__).parents[1] / "examples" / "meixian", JUNE)
        with db.transaction() as session:
            stored = load_stored_county(session)
            for _ in range(runs):
                t0 = time.perf_counter()
                posts = post_records(session, stored.id, *_load_span(JUNE, stored.county.county.timezone))
                t1 = time.perf_counter()
                evaluation = evaluate_month(stored.county, stored.rules, JUNE, posts,
                                            current_overrides(session, stored.id, JUNE))
                t2 = time.perf_counter()
                result = month_result(evaluation)
                t3 = time.perf_counter()
                replace_month(session, stored.id, result)
                t4 = time.perf_counter()
                for name, spent in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                    stages[name].append(spent)
        db.dispose()
    reasons = sum(len(r.reasons) for r in result.rows())
    evidence = sum(len(x.evidence) for r in result.rows() for x in r.reasons)
    print(f"demo month: {len(result.rows())} grades, {reasons} reasons, {evidence} evidence lines; {runs} runs")
    for name, times in stages.items():
        print(f"  {name:<22} median {statistics.median(times) * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
