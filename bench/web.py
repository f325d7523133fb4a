"""Benchmark of the web app on PostgreSQL: p50/p95 latency and requests/s of the overview and a unit page.

    python bench/web.py [--posts 1000000] [--concurrency 1,4,8] [--workers 1,2] [--seconds 20] [--keep]

1. In a fresh PostgreSQL schema, builds the seed county's demo month (June 2023, crawled from the
   local demo servers, checked and graded as `govwatch demo` does), then bulk-loads copies of its posts
   and their findings with COPY, shifted whole months back in time (several copies a month), until the
   county holds `posts` posts: June stays the real demo month, the tables hold a decade behind it.
2. Starts `govwatch serve` (1, then 2 worker processes) on a free loopback port in a subprocess, signs in as an admin, and drives
   the overview (/months/2023-06) and the unit page of the unit with most posts with an asyncio httpx
   client keeping 1, 4 and 8 requests in flight for `seconds` each (wrk is not on the machine).
Prints figures; asserts nothing. The schema is dropped at the end unless --keep.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from govwatch.domain.calendar import Month  # noqa: E402
from govwatch.services.accounts import Role, add_user  # noqa: E402
from govwatch.services.demo import run_demo  # noqa: E402
from govwatch.store.counties import load_stored_county  # noqa: E402
from govwatch.store.db import Database, open_database  # noqa: E402
from govwatch.store.scratch import scratch_schema  # noqa: E402
from govwatch.store.tables import FindingRow, PostRow  # noqa: E402

MEIXIAN = ROOT / "examples" / "meixian"
JUNE = Month(2023, 6)
GOVWATCH = Path(sys.executable).parent / "govwatch"
PASSWORD = "bench-password-1"
_POSTS = ("id", "county_id", "unit_id", "column_id", "account_id", "natural_key", "title", "url", "published_at",
          "text", "kind", "content_hash", "source", "collected_at", "checked_at")
_FINDINGS = ("post_id", "rule", "type", "severity", "certain", "status", "wrong", "suggestion", "start", "line",
             "offset", "length", "explanation", "created_at")
_FINDING_LIST = ", ".join(f'"{c}"' for c in _FINDINGS)  # "offset" is a reserved word


def fill(db: Database, target: int, per_month: int) -> int:
    """Copy the stored month's posts (and findings) back in time with COPY until `target` posts are stored."""
    with db.transaction() as session:
        template = list(session.scalars(select(PostRow).order_by(PostRow.id)))
        findings: dict[int, list[FindingRow]] = {}
        for f in session.scalars(select(FindingRow)):
            findings.setdefault(f.post_id, []).append(f)
        next_id = (session.scalar(select(func.max(PostRow.id))) or 0) + 1
    stored = len(template)
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        copy_number = 0
        while stored < target:
            copy_number += 1
            months_back = (copy_number - 1) // per_month + 1
            shift = timedelta(days=round(months_back * 30.44))
            now = datetime.now(UTC)
            batch = template[: target - stored]
            with cursor.copy(f"COPY posts ({', '.join(_POSTS)}) FROM STDIN") as out:
                for i, p in enumerate(batch):
                    out.write_row((next_id + i, p.county_id, p.unit_id, p.column_id, p.account_id,
                                   f"{p.natural_key}#copy{copy_number}", p.title, p.url, p.published_at - shift,
                                   p.text, p.kind, p.content_hash, p.source, now, now))
            with cursor.copy(f"COPY findings ({_FINDING_LIST}) FROM STDIN") as out:
                for i, p in enumerate(batch):
                    for f in findings.get(p.id, ()):
                        out.write_row((next_id + i, f.rule, f.type, f.severity, f.certain, f.status, f.wrong,
                                       f.suggestion, f.start, f.line, f.offset, f.length, f.explanation, now))
            next_id += len(batch)
            stored += len(batch)
            if copy_number % 100 == 0:
                raw.commit()
                print(f"  {stored:,} posts", flush=True)
        cursor.execute("SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts))")
        cursor.execute("ANALYZE posts")
        cursor.execute("ANALYZE findings")
        raw.commit()
    finally:
        raw.close()
    return stored


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def load(url: str, cookies: dict[str, str], concurrency: int, seconds: float) -> tuple[list[float], float, int]:
    """Keep `concurrency` GETs of `url` in flight for `seconds`; returns latencies, elapsed, errors."""
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(cookies=cookies, limits=limits, timeout=30) as client:
        await client.get(url)  # warm-up
        stop = time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                started = time.perf_counter()
                response = await client.get(url)
                latencies.append(time.perf_counter() - started)
                errors += response.status_code != 200

        begun = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return latencies, time.perf_counter() - begun, errors


def sign_in(base: str) -> dict[str, str]:
    with httpx.Client(base_url=base, follow_redirects=False) as client:
        form = client.get("/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        response = client.post("/login", data={"username": "bench", "password": PASSWORD, "csrf_token": token})
        assert response.status_code == 303, response.text
        return {"gw_session": client.cookies["gw_session"]}


def wait_for(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("govwatch serve exited")
        try:
            httpx.get(f"{base}/login", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("govwatch serve did not start")


def prepare(url: str, posts: int, per_month: int) -> int:
    """Build and fill the database; returns the id of the unit with most posts in June."""
    db = open_database(url)
    try:
        started = time.perf_counter()
        run_demo(db, MEIXIAN, JUNE)
        print(f"demo month built in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        stored = fill(db, posts, per_month)
        print(f"bulk-loaded to {stored:,} posts in {time.perf_counter() - started:.1f} s")
        with db.transaction() as session:
            add_user(session, load_stored_county(session), "bench", PASSWORD, Role.ADMIN, None)
            start = datetime(2023, 5, 31, 16, tzinfo=UTC)  # 2023-06-01 00:00 in 眉县
            unit_id, month_posts = session.execute(
                select(PostRow.unit_id, func.count()).where(PostRow.published_at >= start,
                                                            PostRow.published_at < start + timedelta(days=30))
                .group_by(PostRow.unit_id).order_by(func.count().desc()).limit(1)).one()
            findings = session.scalar(select(func.count()).select_from(FindingRow))
        print(f"findings stored: {findings:,}; unit page: unit {unit_id} with {month_posts} posts in June")
        return unit_id
    finally:
        db.dispose()


def measure(url: str, unit_id: int, concurrencies: list[int], seconds: float, workers: int) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(GOVWATCH), "--db", url, "serve", "--port", str(port), "--workers", str(workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(base, server)
        cookies = sign_in(base)
        print(f"{seconds:.0f} s per page and load, {workers} server process(es)")
        print(f"{'page':<30}{'in flight':>10}{'requests':>9}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}{'errors':>7}")
        pages = (("overview /months/2023-06", "/months/2023-06"), (f"unit page /units/{unit_id}", f"/units/{unit_id}"),
                 ("API /api/months/2023-06", "/api/months/2023-06"))
        for name, path in pages:
            for concurrency in concurrencies:
                latencies, elapsed, errors = asyncio.run(load(base + path, cookies, concurrency, seconds))
                cuts = statistics.quantiles(latencies, n=100)
                print(f"{name:<30}{concurrency:>10}{len(latencies):>9}{len(latencies) / elapsed:>8.1f}"
                      f"{cuts[49] * 1000:>8.1f}{cuts[94] * 1000:>8.1f}{max(latencies) * 1000:>8.1f}{errors:>7}", flush=True)
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--per-month", type=int, default=10, help="copies of the month per earlier month")
    parser.add_argument("--concurrency", default="1,4,8", help="requests kept in flight, one load per value")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--database", default=os.environ.get("GOVWATCH_TEST_PG",
                                                             "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--workers", default="1,2", help="server processes, one run of the loads per value")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    print(f"machine: {platform.machine()} {os.cpu_count()} CPUs, python {platform.python_version()}")
    with scratch_schema(args.database, "gw_web", keep=args.keep) as url:
        print(f"database: {url}")
        unit_id = prepare(url, args.posts, args.per_month)
        for workers in (int(w) for w in args.workers.split(",")):
            measure(url, unit_id, [int(c) for c in args.concurrency.split(",")], args.seconds, workers)


if __name__ == "__main__":
    main()
