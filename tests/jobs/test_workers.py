"""Real worker processes on the real PostgreSQL: enqueueing commands, a worker killed with SIGKILL, the host lock."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govwatch.cli.app import app
from govwatch.collect.fakes.portal import Portal
from govwatch.collect.fakes.server import FakeRequest, FakeResponse, LocalServer
from govwatch.config.loader import load_county_dir
from govwatch.jobs import bodies
from govwatch.jobs.runner import InProcessRunner, JobEnv, runner_for
from govwatch.services.demo_site import county_with_urls
from govwatch.store.db import open_database
from tests.jobs.conftest import (
    counts,
    county_dir,
    job_states,
    start_worker,
    store_county,
    store_unchecked,
    wait_for,
)

pytestmark = pytest.mark.postgres
cli = CliRunner()


def test_commands_enqueue_on_postgres_and_say_so(postgres_url, meixian_dir, demo_incoming):
    db = open_database(postgres_url)
    try:
        county = store_county(db, meixian_dir)
        store_unchecked(db, county, demo_incoming[0][:300])
        first = cli.invoke(app, ["--db", postgres_url, "check"])
        assert first.exit_code == 0, first.output
        assert first.output.count("已加入队列，任务编号") == 2
        again = cli.invoke(app, ["--db", postgres_url, "check"])
        assert again.output.count("同样的任务已在队列中等待") == 2
        graded = cli.invoke(app, ["--db", postgres_url, "evaluate", "--month", "2023-06"])
        assert "评定（眉县 2023-06）：已加入队列，任务编号" in graded.output
        assert [(task, status) for task, status, _ in job_states(db)] == [
            ("check", "todo"), ("check", "todo"), ("evaluate", "todo")]
        assert counts(db, county)[1] == 0  # nothing ran in the command's process
        everything = cli.invoke(app, ["--db", postgres_url, "check", "--all"])
        assert everything.output.count("重新校对（眉县）：已加入队列") == 2
        now = cli.invoke(app, ["--db", postgres_url, "evaluate", "--month", "2023-06", "--now"])
        assert now.exit_code == 0 and "附件" in now.output
    finally:
        db.dispose()


def test_worker_refuses_sqlite(sqlite_url):
    result = cli.invoke(app, ["--db", sqlite_url, "worker"])
    assert result.exit_code == 2 and "需要 PostgreSQL" in result.output
    result = cli.invoke(app, ["--db", sqlite_url, "worker", "--heartbeat", "40", "--stalled-after", "60"])
    assert result.exit_code == 2 and "--heartbeat" in result.output


def _expected_counts(tmp_path, meixian_dir, posts) -> tuple[int, int, int]:
    """What checking these posts gives when nothing goes wrong: the in-process path on SQLite."""
    db = open_database(f"sqlite:///{tmp_path / 'expected.db'}")
    try:
        county = store_county(db, meixian_dir)
        store_unchecked(db, county, posts, repeat=3)
        bodies.submit_checks(JobEnv(db, InProcessRunner(db)), county)
        return counts(db, county)
    finally:
        db.dispose()


@pytest.mark.slow
def test_workers_killed_mid_batch_lose_and_double_count_nothing(postgres_url, meixian_dir, demo_incoming, tmp_path):
    posts = demo_incoming[0]
    expected = _expected_counts(tmp_path, meixian_dir, posts)
    db = open_database(postgres_url)
    fast = ("--stalled-after", "2", "--heartbeat", "0.5")
    try:
        county = store_county(db, meixian_dir)
        store_unchecked(db, county, posts, repeat=3)
        batches = bodies.submit_checks(JobEnv(db, runner_for(db)), county)
        assert len(batches) == 5 and all(b.job_id for b in batches)
        log = tmp_path / "workers.log"
        workers = start_worker(postgres_url, log, "--queue", "cpu", "--processes", "2", *fast)
        try:
            wait_for(lambda: counts(db, county)[1] > 0, 90, "a first batch to commit")
        finally:
            os.killpg(workers.pid, signal.SIGKILL)
            workers.wait()
        checked = counts(db, county)[1]
        states = job_states(db)
        assert 0 < checked < expected[1], "killed too late: every batch had finished"
        assert any(status == "doing" for _, status, _ in states), states  # a job died with its worker

        time.sleep(2.5)  # the dead workers' heartbeats grow old
        again = start_worker(postgres_url, log, "--queue", "cpu", "--processes", "1", "--until-empty", *fast)
        assert again.wait(timeout=120) == 0, log.read_text()[-3000:]
        assert counts(db, county) == expected
        final = [state for state in job_states(db) if state[0] == "check"]
        assert len(final) == 5 and all(status == "succeeded" for _, status, _ in final), final
        assert any(attempts > 0 for _, _, attempts in final)  # the stalled job was retried
    finally:
        db.dispose()


class RecordingSite:
    """The demo portal, recording when each request began and ended, by User-Agent (one per county)."""

    def __init__(self, portal: Portal) -> None:
        self.portal = portal
        self.spans: dict[str, list[tuple[float, float]]] = {}
        self._lock = threading.Lock()

    def __call__(self, request: FakeRequest) -> FakeResponse:
        start = time.monotonic()
        time.sleep(0.005)  # a real site is not instant: concurrent crawls would overlap
        response = self.portal(request)
        with self._lock:
            self.spans.setdefault(request.headers.get("user-agent", ""), []).append((start, time.monotonic()))
        return response


def _crawl_county(meixian_dir, target, name: str, agent: str, portal: Portal, proxy: str, columns: int):
    data = county_with_urls(meixian_dir, portal, proxy)
    kept = 0
    for group in data["assignments"]:
        for item in group["columns"]:
            if "url" in item and kept >= columns:
                del item["url"]
            kept += "url" in item
    data["crawl"].update({"user_agent": agent, "check_links": False})
    return county_dir(meixian_dir, target, name, data)


@pytest.mark.slow
def test_two_workers_never_crawl_one_host_at_once_and_a_second_crawl_adds_nothing(
        postgres_url, meixian_dir, demo_incoming, tmp_path):
    posts, plan = demo_incoming
    portal = Portal(posts, load_county_dir(meixian_dir).county, plan.portal)
    site = RecordingSite(portal)
    db = open_database(postgres_url)
    workers = []
    try:
        with LocalServer(site) as server:
            names = [store_county(db, _crawl_county(meixian_dir, tmp_path / agent, name, agent, portal, server.url, 6))
                     for name, agent in (("眉县", "govwatch-a"), ("测试县", "govwatch-b"))]
            runner = runner_for(db)
            hosts = [bodies.site_hosts(load_county_dir(tmp_path / agent).county)
                     for agent in ("govwatch-a", "govwatch-b")]
            assert hosts[0] == hosts[1] == [portal.domain]
            for name, county_hosts in zip(names, hosts, strict=True):
                assert runner.submit("crawl", county=name, hosts=county_hosts).job_id
            workers = [start_worker(postgres_url, tmp_path / f"worker-{i}.log", "--queue", "io", "--concurrency", "2")
                       for i in range(2)]

            def crawls_done(count: int):
                return sum(task == "crawl" and status == "succeeded" for task, status, _ in job_states(db)) >= count

            wait_for(lambda: crawls_done(2), 120, "both crawls", interval=0.2)
            first = [counts(db, name) for name in names]
            assert first[0][0] == first[1][0] > 10
            a, b = site.spans["govwatch-a"], site.spans["govwatch-b"]
            a_span, b_span = (min(s for s, _ in a), max(e for _, e in a)), (min(s for s, _ in b), max(e for _, e in b))
            assert a_span[1] <= b_span[0] or b_span[1] <= a_span[0], (a_span, b_span)  # one after the other

            runner.submit("crawl", county=names[0], hosts=hosts[0])
            wait_for(lambda: crawls_done(3), 120, "the repeated crawl", interval=0.2)
            assert [counts(db, name)[0] for name in names] == [first[0][0], first[1][0]]
            runner.close()
    finally:
        for worker in workers:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=30)
        db.dispose()


def _worker_children(pid: int) -> list[int]:
    """The worker processes `pid` spawned (not multiprocessing's resource tracker)."""
    path = f"/proc/{pid}/task/{pid}/children"
    children = [int(p) for p in Path(path).read_text().split()] if os.path.exists(path) else []
    return [c for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]


def _stopped(pid: int) -> bool:
    """Gone, or a zombie waiting to be reaped: either way it takes no more jobs."""
    try:
        with open(f"/proc/{pid}/status") as status:
            return any(line.startswith("State:") and "Z" in line.split()[1] for line in status)
    except FileNotFoundError:
        return True


def test_worker_children_stop_when_their_parent_is_killed(postgres_url, tmp_path):
    open_database(postgres_url).dispose()
    workers = start_worker(postgres_url, tmp_path / "workers.log", "--queue", "cpu", "--processes", "2")
    try:
        children = wait_for(lambda: len(found := _worker_children(workers.pid)) == 2 and found, 60, "two children")
        os.kill(workers.pid, signal.SIGKILL)  # no handler runs: only the kernel can tell the children
        workers.wait()
        wait_for(lambda: all(_stopped(child) for child in children), 30, "the children to stop with their parent")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(workers.pid, signal.SIGKILL)
