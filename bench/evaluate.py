"""Benchmark of the foundation: building the demo month, ingest + check throughput, month evaluation time.

    python bench/evaluate.py [--scale 20] [--database-url URL]

Builds the seed county's demo month in a fresh database, then adds `scale` more copies of the
month's posts (new URLs and ids, the same texts and dates) through the same ingest path (resolve,
store, proofread), and times a full evaluation of the month. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from govwatch.config.loader import load_county_dir, validate_file  # noqa: E402
from govwatch.demo.generator import generate_month  # noqa: E402
from govwatch.demo.plan import DemoPlan  # noqa: E402
from govwatch.domain.calendar import Month  # noqa: E402
from govwatch.proofread import default_proofreader  # noqa: E402
from govwatch.services.checking import county_proofreader, post_text  # noqa: E402
from govwatch.services.demo import run_demo  # noqa: E402
from govwatch.services.evaluate import evaluate_stored  # noqa: E402
from govwatch.services.ingest import ingest_posts  # noqa: E402
from govwatch.store.counties import load_stored_county  # noqa: E402
from govwatch.store.db import open_database  # noqa: E402

MEIXIAN = ROOT / "examples" / "meixian"
JUNE = Month(2023, 6)


def copies(posts, scale):
    """The month's posts again, `scale` times, each copy with its own URL or platform id."""
    for n in range(1, scale + 1):
        for post in posts:
            yield dataclasses.replace(
                post,
                url=f"{post.url}?copy={n}" if post.url else None,
                external_id=f"{post.external_id}-{n}" if post.external_id else None,
            )


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=20)
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    args = parser.parse_args()
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as directory:
        url = args.database_url or f"sqlite:///{directory}/bench.db"
        db = open_database(url)
        print(f"database: {db.engine.dialect.name}")

        started = time.perf_counter()
        demo = run_demo(db, MEIXIAN, JUNE)
        demo_s = time.perf_counter() - started
        print(f"demo month: {demo.posts} posts gathered over HTTP, stored, checked and evaluated in {demo_s:.2f} s")

        plan = validate_file(DemoPlan, MEIXIAN / "demo" / "2023-06.yaml")
        posts = list(copies(generate_month(plan, load_county_dir(MEIXIAN).county), args.scale))
        chars = sum(len(p.title) + len(p.text) for p in posts)
        started = time.perf_counter()
        with db.transaction() as session:
            stored = load_stored_county(session, "眉县")
            result = ingest_posts(session, stored, posts, county_proofreader(session, stored.id))
        ingest_s = time.perf_counter() - started
        print(f"ingest + proofread: {result.added} posts ({chars / 1e6:.2f} M chars) in {ingest_s:.2f} s = "
              f"{result.added / ingest_s:,.0f} posts/s, {chars / ingest_s / 1e6:.2f} M chars/s")
        proofreader = default_proofreader()
        started = time.perf_counter()
        for post in posts:
            proofreader.check(post_text(post.title, post.text))
        check_s = time.perf_counter() - started
        print(f"  of which proofreading alone: {check_s:.2f} s; storing: {ingest_s - check_s:.2f} s = "
              f"{result.added / max(ingest_s - check_s, 1e-9):,.0f} posts/s")

        runs = []
        for _ in range(3):
            started = time.perf_counter()
            with db.transaction() as session:
                evaluation = evaluate_stored(session, load_stored_county(session, "眉县"), JUNE)
            runs.append(time.perf_counter() - started)
        total = sum(g.total for g in evaluation.new_media) + sum(g.actual for g in evaluation.disclosure)
        print(f"evaluate month ({total:,} counted items, load + grade + store): best {min(runs):.2f} s of 3")
        print(f"peak RSS: {peak_rss_mb():.0f} MB")
        db.dispose()


if __name__ == "__main__":
    main()
