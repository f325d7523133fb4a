"""The daily 网站自查: one job per county with a portal; the job checks the portal and stores the run."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from govwatch.collect.fakes.server import LocalServer
from govwatch.config.yaml_positions import plain, read_yaml
from govwatch.jobs.catalog import DAILY, JOBS
from govwatch.jobs.runner import JobEnv
from govwatch.jobs.sitecheck import plan_site_checks, site_check
from govwatch.store.counties import load_stored_county
from govwatch.store.db import open_database
from govwatch.store.sitecheck import latest_site_check
from tests.collect.site.portals import BASE, handmade_portal
from tests.jobs.conftest import county_dir, store_county


@dataclass
class Recorder:
    submitted: list[tuple[str, dict]] = field(default_factory=list)

    def submit(self, name: str, **kwargs: object) -> None:
        self.submitted.append((name, kwargs))


def test_the_schedule_submits_a_check_for_counties_with_a_portal(sqlite_url, meixian_dir, tmp_path):
    db = open_database(sqlite_url)
    try:
        store_county(db, meixian_dir)  # 眉县 configures no portal
        data = plain(read_yaml(meixian_dir / "county.yaml"))
        data["county"]["portal"] = BASE + "/"
        store_county(db, county_dir(meixian_dir, tmp_path / "other", "邻县", data))
        recorder = Recorder()
        assert plan_site_checks(JobEnv(db, recorder)) == {"site_checks": 1}
        assert recorder.submitted == [("site_check", {"county": "邻县"})]
        assert "site_check" in JOBS and any(name == "daily_site_check" for name, _, _ in DAILY)
    finally:
        db.dispose()


def test_the_job_checks_the_portal_and_stores_the_run(sqlite_url, meixian_dir, tmp_path):
    db = open_database(sqlite_url)
    try:
        data = plain(read_yaml(meixian_dir / "county.yaml"))
        data["county"]["portal"] = BASE + "/"
        data["crawl"] = {**data.get("crawl", {}), "delay_seconds": 0, "recheck_seconds": 0.01}
        county = store_county(db, county_dir(meixian_dir, tmp_path / "other", "邻县", data))
        with LocalServer(handmade_portal()) as server:
            done = site_check(JobEnv(db, Recorder()), county, proxy=server.url)
        assert done["pages"] == 7, done
        with db.transaction() as session:
            stored = latest_site_check(session, load_stored_county(session, county).id)
        # the job checks as of the county's real today: the portal's 2024 items are stale by now
        assert stored is not None and stored.counts() == {"meta_missing": 7, "identity_missing": 2, "home_stale": 1,
                                                          "column_stale": 1}
        assert stored.today > date(2024, 7, 4) and not done["passed"]
    finally:
        db.dispose()
