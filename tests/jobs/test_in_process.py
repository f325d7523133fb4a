"""With SQLite the job functions run in this process: checking batches, evaluation, tenants, schedules."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from typer.testing import CliRunner

from govwatch.cli.app import app
from govwatch.domain.calendar import Month
from govwatch.jobs import bodies
from govwatch.jobs.catalog import JOBS, job
from govwatch.jobs.runner import InProcessRunner, JobEnv, runner_for
from govwatch.reports.evaluation_json import evaluation_json
from govwatch.services.evaluate import evaluate_stored
from govwatch.store.counties import load_stored_county
from govwatch.store.db import open_database
from govwatch.store.tables import EvaluationRow
from tests.jobs.conftest import counts, county_dir, store_county, store_unchecked


def _db(url):
    return open_database(url)


def test_sqlite_runs_jobs_in_process_and_checks_every_post_once(sqlite_url, meixian_dir, demo_incoming):
    db = _db(sqlite_url)
    try:
        assert isinstance(runner_for(db), InProcessRunner)
        county = store_county(db, meixian_dir)
        posts, _ = demo_incoming
        added = store_unchecked(db, county, posts)
        assert counts(db, county)[:2] == (added, 0)
        env = JobEnv(db, runner_for(db))
        done = bodies.submit_checks(env, county)
        assert len(done) == -(-added // bodies.CHECK_BATCH) and all(d.job_id is None for d in done)
        after = counts(db, county)
        assert after[:2] == (added, added) and after[2] == sum(d.result["findings"] for d in done) > 0
        again = [env.runner.submit("check", county=county, first_id=1, last_id=10**9)]
        assert again[0].result == {"checked": 0, "findings": 0} and counts(db, county) == after
    finally:
        db.dispose()


def test_a_job_touches_only_its_own_county(sqlite_url, meixian_dir, tmp_path, demo_incoming):
    db = _db(sqlite_url)
    try:
        meixian = store_county(db, meixian_dir)
        other = store_county(db, county_dir(meixian_dir, tmp_path / "other", "测试县"))
        posts, _ = demo_incoming
        store_unchecked(db, meixian, posts[:100])
        store_unchecked(db, other, posts[:100])
        runner = runner_for(db)
        runner.submit("check", county=other, first_id=1, last_id=10**9)
        assert counts(db, meixian)[1] == 0 and counts(db, other)[1] == 100
    finally:
        db.dispose()


def test_evaluation_job_stores_what_the_service_computes_and_is_repeatable(demo_copy):
    with demo_copy.transaction() as session:
        stored = load_stored_county(session)
        expected = evaluation_json(evaluate_stored(session, stored, Month(2023, 6), save=False))
    runner = runner_for(demo_copy)
    for _ in range(2):
        runner.submit("evaluate", county=stored.county.county.name, month="2023-06")
        with demo_copy.transaction() as session:
            rows = session.execute(select(EvaluationRow.annex, EvaluationRow.grade, EvaluationRow.result).where(
                EvaluationRow.county_id == stored.id, EvaluationRow.month == "2023-06")).all()
        stored_grades = sorted((annex, grade, result.get("unit") or result["account"]) for annex, grade, result in rows)
        assert stored_grades == sorted((annex, row["grade"], row.get("unit") or row["account"])
                                       for annex in ("disclosure", "news", "new_media") for row in expected[annex])


class Recorder:
    """A runner that only notes what was submitted."""

    deferred = True

    def __init__(self) -> None:
        self.jobs: list[tuple[str, dict]] = []

    def submit(self, name, **kwargs):
        self.jobs.append((name, kwargs))


def test_daily_collection_plans_a_crawl_per_county_and_an_ingest_per_account(sqlite_url, meixian_dir, tmp_path,
                                                                              demo_incoming):
    from govwatch.collect.fakes.portal import Portal
    from govwatch.config.loader import load_county_dir
    from govwatch.services.demo_site import county_with_urls

    posts, plan = demo_incoming
    portal = Portal(posts, load_county_dir(meixian_dir).county, plan.portal)
    data = county_with_urls(meixian_dir, portal, "http://127.0.0.1:9")
    data["accounts"][0]["source"] = {"kind": "feed", "url": "http://127.0.0.1:9/rss"}
    db = _db(sqlite_url)
    try:
        plain_county = store_county(db, meixian_dir)  # no column URLs, no sources: nothing to collect
        crawled = store_county(db, county_dir(meixian_dir, tmp_path / "c", "采集县", data))
        recorder = Recorder()
        assert bodies.plan_collection(JobEnv(db, recorder)) == {"crawls": 1, "ingests": 1}
        assert recorder.jobs == [("crawl", {"county": crawled, "hosts": [portal.domain]}),
                                 ("ingest", {"county": crawled, "account": "眉县教育（微信订阅号）"})]
        assert plain_county not in {k["county"] for _, k in recorder.jobs}
    finally:
        db.dispose()


def test_warnings_job_runs_the_warnings_service_for_its_county(demo_copy):
    with demo_copy.transaction() as session:
        county = load_stored_county(session).county.county.name
    runner = runner_for(demo_copy)
    first = runner.submit("warn", county=county).result
    assert first["sent"] == 0 and first["errors"] == 0  # no recipients loaded: computed, nothing sent
    assert runner.submit("warn", county=county).result == first


def test_daily_evaluation_grades_last_month_too_while_it_is_still_late(sqlite_url, meixian_dir):
    db = _db(sqlite_url)
    try:
        county = store_county(db, meixian_dir)
        recorder = Recorder()
        env = JobEnv(db, recorder)
        zone = ZoneInfo("Asia/Shanghai")
        bodies.plan_evaluation(env, datetime(2023, 7, 3, 8, tzinfo=zone).isoformat())
        assert [(k["county"], k["month"]) for _, k in recorder.jobs] == [(county, "2023-06"), (county, "2023-07")]
        recorder.jobs.clear()
        # 2023-07-31 20:00 UTC is already 1 August in 眉县
        bodies.plan_evaluation(env, datetime(2023, 7, 31, 20, tzinfo=ZoneInfo("UTC")).isoformat())
        assert [k["month"] for _, k in recorder.jobs] == ["2023-07", "2023-08"]
    finally:
        db.dispose()


def test_every_job_has_a_queue_and_collection_locks_the_host():
    assert {spec.queue for spec in JOBS.values()} == {"io", "cpu"}
    crawl = job("crawl")
    assert crawl.lock({"county": "甲县", "hosts": ["www.a.gov.cn", "b.gov.cn"]}) == "host:www.a.gov.cn"
    assert crawl.queueing_lock({"county": "甲县", "hosts": ["www.a.gov.cn"]}) != crawl.queueing_lock(
        {"county": "乙县", "hosts": ["www.a.gov.cn"]})


def test_check_command_on_sqlite_checks_in_process(sqlite_url, meixian_dir, demo_incoming):
    db = _db(sqlite_url)
    try:
        county = store_county(db, meixian_dir)
        added = store_unchecked(db, county, demo_incoming[0][:50])
    finally:
        db.dispose()
    result = CliRunner().invoke(app, ["--db", sqlite_url, "check"])
    assert result.exit_code == 0, result.output
    assert f"校对 {added} 条尚未校对的信息" in result.output
    again = CliRunner().invoke(app, ["--db", sqlite_url, "check"])
    assert "校对 0 条" in again.output
    everything = CliRunner().invoke(app, ["--db", sqlite_url, "check", "--all"])
    assert everything.exit_code == 0 and f"重新校对 {added} 条信息，新发现问题 0 处" in everything.output


def test_the_schedule_holds_the_daily_planners_and_the_maintenance():
    from sqlalchemy.engine import make_url

    from govwatch.jobs.catalog import DAILY
    from govwatch.jobs.queue_app import make_app

    app = make_app(make_url("postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    scheduled = {task.task.name for task in app.periodic_registry.periodic_tasks.values()}
    assert scheduled == {name for name, _, _ in DAILY} | {"retry_stalled_jobs", "prune_finished_jobs"}
    assert set(JOBS) <= set(app.tasks)


def test_ingest_job_stores_new_posts_once_and_checks_them(sqlite_url, meixian_dir, tmp_path):
    from datetime import date, timedelta

    from govwatch.config.yaml_positions import plain, read_yaml

    folder = tmp_path / "exports"
    folder.mkdir()
    yesterday = date.today() - timedelta(days=1)
    (folder / "posts.csv").write_text(
        "标题,发布时间,编号,正文\n"
        f"防汛工作部署,{yesterday} 09:00,a1,全县召开防汛工作会议。\n"
        f"教育惠民政策解读,{yesterday} 15:00,a2,坚持以人民为中心的发展思想。\n"
        f"春季开学工作安排,{yesterday - timedelta(days=100)} 09:00,a0,全县各校做好开学准备。\n", encoding="utf-8")
    data = plain(read_yaml(meixian_dir / "county.yaml"))
    account = data["accounts"][0]
    account["source"] = {"kind": "export", "url": str(folder),
                         "options": {"标题": "title", "发布时间": "published_at", "编号": "external_id", "正文": "text"}}
    db = _db(sqlite_url)
    try:
        county = store_county(db, county_dir(meixian_dir, tmp_path / "county", "导出县", data))
        runner = runner_for(db)
        key = f"{account['name']}（{account['platform']}）"
        first = runner.submit("ingest", county=county, account=key)
        assert first.result == {"account": key, "fetched": 2, "added": 2}  # a first run reads 60 days back
        assert counts(db, county)[:2] == (2, 2)  # stored, then checked by the follow-up jobs
        again = runner.submit("ingest", county=county, account=key)
        assert again.result["added"] == 0 and counts(db, county)[:2] == (2, 2)
        older = runner.submit("ingest", county=county, account=key, since=str(yesterday - timedelta(days=120)))
        assert older.result == {"account": key, "fetched": 3, "added": 1} and counts(db, county)[:2] == (3, 3)
    finally:
        db.dispose()


def test_checking_again_keeps_verdicts_and_ids_and_drops_stale_open_findings(sqlite_url, meixian_dir, demo_incoming):
    from sqlalchemy import func

    from govwatch.store.tables import FindingRow

    db = _db(sqlite_url)
    try:
        county = store_county(db, meixian_dir)
        store_unchecked(db, county, demo_incoming[0])
        env = JobEnv(db, runner_for(db))
        bodies.submit_checks(env, county)
        with db.transaction() as session:
            confirmed = session.scalars(select(FindingRow).order_by(FindingRow.id)).first()
            confirmed.status = "confirmed"
            post_id = confirmed.post_id
            session.add(FindingRow(post_id=post_id, rule="旧规则", type="typo", severity="error", certain=True,
                                   wrong="旧", suggestion="新", start=0, line=1, offset=0, length=1))
        before = counts(db, county)
        again = bodies.submit_checks(env, county, again=True)
        assert sum(a.result["checked"] for a in again) == before[0]
        assert (sum(a.result["added"] for a in again), sum(a.result["removed"] for a in again)) == (0, 1)
        with db.transaction() as session:
            kept = session.get(FindingRow, confirmed.id)
            assert kept.status == "confirmed" and kept.post_id == post_id
            assert session.scalar(select(func.count()).where(FindingRow.rule == "旧规则")) == 0
        assert counts(db, county) == (before[0], before[1], before[2] - 1)
        twice = bodies.submit_checks(env, county, again=True)
        assert all((t.result["added"], t.result["removed"]) == (0, 0) for t in twice)
    finally:
        db.dispose()


def test_a_county_on_two_hosts_crawls_them_as_a_chain_one_host_per_job(sqlite_url, meixian_dir, tmp_path,
                                                                        demo_incoming):
    from govwatch.collect.fakes.portal import Portal
    from govwatch.collect.fakes.server import LocalServer
    from govwatch.config.loader import load_county_dir
    from govwatch.services.demo_site import county_with_urls
    from govwatch.store.tables import PostRow

    posts, plan = demo_incoming
    portal = Portal(posts, load_county_dir(meixian_dir).county, plan.portal)
    with LocalServer(portal) as server:
        data = county_with_urls(meixian_dir, portal, server.url)
        items = [item for group in data["assignments"] for item in group["columns"] if "url" in item][:6]
        for group in data["assignments"]:
            for item in group["columns"]:
                if "url" in item and item not in items:
                    del item["url"]
        for item in items[3:]:  # the portal answers by path, whatever the host name
            item["url"] = item["url"].replace(portal.domain, "www.other.gov.cn")
        data["crawl"]["check_links"] = False
        db = _db(sqlite_url)
        try:
            county = store_county(db, county_dir(meixian_dir, tmp_path / "c", "两站县", data))
            with db.transaction() as session:
                hosts = bodies.site_hosts(load_stored_county(session, county).county)
            assert hosts == sorted([portal.domain, "www.other.gov.cn"])
            recorder = Recorder()
            first = bodies.crawl_sites(JobEnv(db, recorder), county, hosts)
            assert first["host"] == hosts[0] and first["added"] > 0
            assert recorder.jobs[-1] == ("crawl", {"county": county, "hosts": hosts[1:], "since": None, "proxy": None})
            assert {name for name, _ in recorder.jobs[:-1]} == {"check"}
            with db.transaction() as session:
                urls = list(session.scalars(select(PostRow.url)))
            assert len(urls) == first["added"] and all(f"//{hosts[0]}/" in url for url in urls)
            second = runner_for(db).submit("crawl", county=county, hosts=hosts[1:]).result
            assert second["host"] == hosts[1] and second["added"] > 0
            assert counts(db, county)[:2] == (first["added"] + second["added"],) * 2  # stored and checked
        finally:
            db.dispose()


def test_a_county_whose_stored_config_no_longer_loads_does_not_stop_the_others(sqlite_url, meixian_dir, tmp_path):
    from govwatch.store.tables import CountyRow

    db = _db(sqlite_url)
    try:
        broken = store_county(db, meixian_dir)
        healthy = store_county(db, county_dir(meixian_dir, tmp_path / "h", "邻县", {}))
        with db.transaction() as session:
            session.scalars(select(CountyRow).where(CountyRow.name == broken)).one().rules = {"not": "rules"}
        recorder = Recorder()
        env = JobEnv(db, recorder)
        bodies.plan_evaluation(env, datetime(2023, 7, 20, 8, tzinfo=ZoneInfo("Asia/Shanghai")).isoformat())
        assert [k["county"] for _, k in recorder.jobs] == [healthy]
        assert bodies.plan_collection(env) == {"crawls": 0, "ingests": 0}
    finally:
        db.dispose()
