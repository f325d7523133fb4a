"""Benchmark of a province on PostgreSQL: bulk-built data, collection and checking by workers, evaluation.

    python bench/scale.py [--counties 100] [--posts 1000000] [--samples 4] [--small] [--keep]

1. Builds a synthetic province in a fresh schema: `counties` tenants, each a renamed copy of 眉县
   (44 units, 16 accounts), and the demo month's posts copied back in time until `posts` are stored.
   The first copy goes through the ingest service (resolve, store, proofread); the rest are bulk-loaded
   with COPY, findings included, so every county grades like the demo month.
2. Collection + checking throughput with 1 and 2 worker processes: `samples` more counties whose
   columns point at the demo portal (one local server, one host name per county) are crawled by
   `govwatch worker --queue io`; then `checked` counties of the province are proofread again by
   `govwatch worker --queue cpu`. Rates are over the jobs' busy time (first start to last end).
3. The month's evaluation of every county (load, grade, store), in this process and by 2 workers.
Prints figures and peak memory; asserts nothing. `--small`: 10 counties, 100,000 posts, 4 samples, 1 checked.
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from ruamel.yaml import YAML
from sqlalchemy import delete, func, select, text, update

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from govwatch.collect.fakes.portal import Portal  # noqa: E402
from govwatch.collect.fakes.server import LocalServer  # noqa: E402
from govwatch.config.loader import COUNTY_FILE, RULES_FILE, CountyConfig, load_county_dir, validate_file  # noqa: E402
from govwatch.demo.generator import generate_month  # noqa: E402
from govwatch.demo.plan import DemoPlan  # noqa: E402
from govwatch.domain.calendar import Month  # noqa: E402
from govwatch.jobs.bodies import site_hosts, submit_checks  # noqa: E402
from govwatch.jobs.runner import JobEnv, runner_for  # noqa: E402
from govwatch.services.checking import county_proofreader  # noqa: E402
from govwatch.services.demo_site import county_with_urls  # noqa: E402
from govwatch.services.evaluate import evaluate_stored  # noqa: E402
from govwatch.services.ingest import ingest_posts  # noqa: E402
from govwatch.store.counties import StoredCounty, county_names, load_stored_county, save_config  # noqa: E402
from govwatch.store.db import Database, open_database  # noqa: E402
from govwatch.store.scratch import scratch_schema  # noqa: E402
from govwatch.store.tables import FindingRow, PostRow  # noqa: E402

MEIXIAN = ROOT / "examples" / "meixian"
JUNE = Month(2023, 6)
GOVWATCH = Path(sys.executable).parent / "govwatch"
POST_COLUMNS = ("id", "county_id", "unit_id", "column_id", "account_id", "natural_key", "title", "url",
                "published_at", "text", "kind", "content_hash", "source", "collected_at", "checked_at")
FINDING_COLUMNS = ("post_id", "rule", "type", "severity", "certain", "status", "wrong", "suggestion", "start",
                   "line", "offset", "length", "explanation", "created_at")


def renamed(config: CountyConfig, name: str, data: dict | None = None) -> CountyConfig:
    """The county of `config` as another tenant called `name` (its county.yaml data `data` when given)."""
    data = copy.deepcopy(data or config.county_data)
    data["county"]["name"] = name
    with tempfile.TemporaryDirectory() as folder:
        with (Path(folder) / COUNTY_FILE).open("w", encoding="utf-8") as out:
            YAML().dump(data, out)
        (Path(folder) / RULES_FILE).write_text((MEIXIAN / RULES_FILE).read_text(encoding="utf-8"), encoding="utf-8")
        return load_county_dir(Path(folder))


def store_counties(db: Database, configs: list[CountyConfig]) -> list[StoredCounty]:
    with db.transaction() as session:
        for config in configs:
            save_config(session, config)
    with db.transaction() as session:
        return [load_stored_county(session, c.county.county.name) for c in configs]


def template(db: Database, stored: StoredCounty, posts) -> tuple[list[PostRow], dict[int, list[tuple]]]:
    """The demo month ingested and proofread through the service into the first county: rows to copy."""
    with db.transaction() as session:
        ingest_posts(session, stored, posts, county_proofreader(session, stored.id))
    with db.transaction() as session:
        rows = list(session.scalars(select(PostRow).where(PostRow.county_id == stored.id).order_by(PostRow.id)))
        findings: dict[int, list[tuple]] = {}
        for f in session.scalars(select(FindingRow).join(PostRow).where(PostRow.county_id == stored.id)):
            findings.setdefault(f.post_id, []).append(tuple(getattr(f, c) for c in FINDING_COLUMNS[1:]))
    return rows, findings


def bulk_copies(db: Database, counties: list[StoredCounty], rows: list[PostRow], findings: dict[int, list[tuple]],
                copies: int) -> int:
    """COPY the template rows into every county, `copies` times, each copy a month earlier; returns posts."""
    names = {v: k for k, v in counties[0].unit_ids.items()}
    columns = {v: k for k, v in counties[0].column_ids.items()}
    accounts = {v: k for k, v in counties[0].account_ids.items()}
    raw = db.engine.raw_connection()
    try:
        connection = raw.driver_connection
        with connection.cursor() as cursor:
            next_id = cursor.execute("SELECT max(id) FROM posts").fetchone()[0] + 1
            first_id, written = next_id, 0
            with cursor.copy(f"COPY posts ({', '.join(POST_COLUMNS)}) FROM STDIN") as posts_copy:
                for stored in counties:
                    for n in range(copies):
                        if stored is counties[0] and n == 0:
                            continue  # the ingested template itself
                        for row in rows:
                            posts_copy.write_row(_post_row(next_id, stored, row, n, names, columns, accounts))
                            next_id += 1
                            written += 1
            with cursor.copy('COPY findings (post_id, rule, type, severity, certain, status, wrong, suggestion, '
                             'start, line, "offset", length, explanation, created_at) FROM STDIN') as findings_copy:
                post_id = first_id
                for stored in counties:
                    for n in range(copies):
                        if stored is counties[0] and n == 0:
                            continue
                        for row in rows:
                            for finding in findings.get(row.id, ()):
                                findings_copy.write_row((post_id, *finding))
                            post_id += 1
            cursor.execute("SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts))")
            cursor.execute("ANALYZE")
        connection.commit()
    finally:
        raw.close()
    return written + len(rows)


def _post_row(post_id, stored, row, n, names, columns, accounts) -> tuple:
    shift = timedelta(days=30 * n)
    suffix = f"#c{n}" if n else ""
    return (post_id, stored.id, stored.unit_ids[names[row.unit_id]],
            stored.column_ids[columns[row.column_id]] if row.column_id else None,
            stored.account_ids[accounts[row.account_id]] if row.account_id else None,
            row.natural_key + suffix, row.title, f"{row.url}{suffix}" if row.url else None,
            row.published_at - shift, row.text, row.kind, row.content_hash, row.source, row.collected_at,
            row.checked_at)


def build_province(db: Database, count: int, target: int, posts) -> list[StoredCounty]:
    base = load_county_dir(MEIXIAN)
    started = time.perf_counter()
    counties = store_counties(db, [renamed(base, f"省测试{i:03d}县") for i in range(count)])
    rows, findings = template(db, counties[0], posts)
    copies = -(-target // (count * len(rows)))
    stored = bulk_copies(db, counties, rows, findings, copies)
    elapsed = time.perf_counter() - started
    with db.transaction() as session:
        units = session.scalar(text("SELECT count(*) FROM units"))
        accounts = session.scalar(text("SELECT count(*) FROM accounts"))
        finding_count = session.scalar(select(func.count()).select_from(FindingRow))
    print(f"province: {count} counties, {units:,} units, {accounts:,} accounts, {stored:,} posts "
          f"({copies} copies of the demo month's {len(rows)}), {finding_count:,} findings; built in {elapsed:.1f} s "
          f"({stored / elapsed:,.0f} posts/s with COPY)")
    return counties


def run_workers(db: Database, url: str, task: str, *options: str) -> tuple[float, float]:
    """Run `govwatch worker … --until-empty` to the end; returns its wall time and the time its `task` jobs
    took from the first start to the last end (without the processes' start)."""
    with db.engine.connect() as connection:
        after = connection.exec_driver_sql("SELECT coalesce(max(id), 0) FROM procrastinate_events").scalar()
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        subprocess.run([str(GOVWATCH), "--db", url, "worker", "--until-empty", *options], check=True,
                       stdout=quiet, stderr=subprocess.STDOUT)
    wall = time.perf_counter() - started
    with db.engine.connect() as connection:
        busy = connection.exec_driver_sql(
            "SELECT extract(epoch FROM max(e.at) FILTER (WHERE e.type = 'succeeded') "
            "- min(e.at) FILTER (WHERE e.type = 'started')) FROM procrastinate_events e "
            "JOIN procrastinate_jobs j ON j.id = e.job_id WHERE e.id > %(after)s AND j.task_name = %(task)s",
            {"after": after, "task": task}).scalar()
    return wall, float(busy or 0)


def sample_counties(db: Database, portal: Portal, proxy: str, count: int, offset: int) -> list[str]:
    """Counties whose columns are on their own host name, all served by the one local demo portal."""
    data = county_with_urls(MEIXIAN, portal, proxy)
    base = load_county_dir(MEIXIAN)
    configs = []
    for i in range(offset, offset + count):
        host = f"www.s{i:03d}.gov.cn"
        own = copy.deepcopy(data)
        for group in own["assignments"]:
            for item in group["columns"]:
                if "url" in item:
                    item["url"] = item["url"].replace(portal.domain, host)
        own["crawl"]["check_links"] = False
        own["crawl"]["sites"] = [{"host": host, "obey_robots": True}]
        configs.append(renamed(base, f"样本{i:03d}县", own))
    return [s.county.county.name for s in store_counties(db, configs)]


def posts_of(db: Database, names: list[str]) -> tuple[int, int]:
    """(posts, characters) stored for these counties."""
    with db.transaction() as session:
        ids = [load_stored_county(session, n).id for n in names]
        count, chars = session.execute(select(func.count(), func.coalesce(func.sum(
            func.length(PostRow.title) + func.length(PostRow.text)), 0)).where(PostRow.county_id.in_(ids))).one()
    return count, int(chars)


def reset_checks(db: Database, names: list[str]) -> None:
    """Forget the checks of these counties' posts, to check them again with another number of workers."""
    with db.transaction() as session:
        ids = [load_stored_county(session, n).id for n in names]
        posts = select(PostRow.id).where(PostRow.county_id.in_(ids))
        session.execute(delete(FindingRow).where(FindingRow.post_id.in_(posts)))
        session.execute(update(PostRow).where(PostRow.county_id.in_(ids)).values(checked_at=None))
        session.execute(text("DELETE FROM procrastinate_jobs WHERE task_name = 'check'"))


def throughput(db: Database, url: str, posts, plan: DemoPlan, samples: int, checked: int) -> None:
    """Crawl sample counties with 1 and 2 io worker processes; proofread `checked` counties with 1 and 2 cpu ones."""
    portal = Portal(posts, load_county_dir(MEIXIAN).county, plan.portal)
    runner = runner_for(db)
    with LocalServer(portal) as server:
        half = max(1, samples // 2)
        groups = [sample_counties(db, portal, server.url, half, 0), sample_counties(db, portal, server.url, half, half)]
        for processes, names in zip((1, 2), groups):
            for name in names:
                with db.transaction() as session:
                    hosts = site_hosts(load_stored_county(session, name).county)
                runner.submit("crawl", county=name, hosts=hosts)
            wall, busy = run_workers(db, url, "crawl", "--queue", "io", "--processes", str(processes))
            count, _ = posts_of(db, names)
            print(f"collection (crawl the demo portal, extract, store) with {processes} io worker process(es), "
                  f"{len(names)} counties: {count:,} posts in {busy:.1f} s = {count / busy:,.0f} posts/s "
                  f"(wall {wall:.1f} s with the processes' start)")
    with db.transaction() as session:
        names = [n for n in county_names(session) if n.startswith("省测试")][:checked]
    count, chars = posts_of(db, names)
    for processes in (1, 2):
        reset_checks(db, names)
        for name in names:
            submit_checks(JobEnv(db, runner), name)
        wall, busy = run_workers(db, url, "check", "--queue", "cpu", "--processes", str(processes))
        print(f"proofreading (check jobs: load, proofread, store findings) with {processes} cpu worker process(es): "
              f"{count:,} posts ({chars / 1e6:.2f} M chars) in {busy:.1f} s = {count / busy:,.0f} posts/s, "
              f"{chars / busy / 1e6:.2f} M chars/s (wall {wall:.1f} s with the processes' start)")
    runner.close()


def evaluation(db: Database, url: str) -> None:
    """Grade June for every county of the province: in this process, then as jobs for 2 cpu workers."""
    with db.transaction() as session:
        names = [n for n in county_names(session) if n.startswith("省测试")]
    load = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    for name in names:
        with db.transaction() as session:
            evaluate_stored(session, load_stored_county(session, name), JUNE)
    alone, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"evaluation of {JUNE} for {len(names)} counties in one process: {alone:.2f} s "
          f"({alone / len(names) * 1000:.0f} ms per county; this process's CPU {cpu:.2f} s, the rest is waiting "
          f"for PostgreSQL and for the CPU: load average {load:.1f} on {os.cpu_count()} CPUs)")
    runner = runner_for(db)
    for name in names:
        runner.submit("evaluate", county=name, month=str(JUNE))
    runner.close()
    wall, busy = run_workers(db, url, "evaluate", "--queue", "cpu", "--processes", "2")
    print(f"evaluation of {JUNE} for {len(names)} counties as jobs of 2 cpu worker processes: {busy:.2f} s "
          f"(wall {wall:.1f} s with the processes' start)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--counties", type=int, default=100)
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=8, help="counties crawled by workers (half with 1 process)")
    parser.add_argument("--checked", type=int, default=4, help="counties of the province proofread again by workers")
    parser.add_argument("--small", action="store_true", help="10 counties, 100,000 posts, 4 samples, 1 checked")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the schema afterwards")
    parser.add_argument("--database-url", default=os.environ.get(
        "GOVWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    args = parser.parse_args()
    if args.small:
        args.counties, args.posts, args.samples, args.checked = 10, 100_000, 4, 1
    print(f"machine: {platform.machine()} {os.cpu_count()} CPUs, python {platform.python_version()}")
    with scratch_schema(args.database_url, "gw_scale", keep=args.keep) as url:
        print(f"database: {url}")
        run(url, args)


def run(url: str, args: argparse.Namespace) -> None:
    """Build the province in the database at `url` and print every measure."""
    db = open_database(url)
    try:
        plan = validate_file(DemoPlan, MEIXIAN / "demo" / "2023-06.yaml")
        posts = generate_month(plan, load_county_dir(MEIXIAN).county)
        build_province(db, args.counties, args.posts, posts)
        evaluation(db, url)
        if not args.skip_throughput:
            throughput(db, url, posts, plan, args.samples, args.checked)
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak RSS: this process {own:.0f} MB, largest worker process {workers:.0f} MB")
    finally:
        db.dispose()


if __name__ == "__main__":
    main()
