"""Site-check runs stored whole on SQLite and PostgreSQL: the latest read back as it was, the trend in order."""

from datetime import date

import pytest

from govwatch.store.db import open_database
from govwatch.store.sitecheck import latest_site_check, save_site_check, site_check_trend
from tests.web.test_sitecheck_page import run_result


def _round_trip(url):
    db = open_database(url)
    try:
        with db.transaction() as session:
            assert latest_site_check(session, None) is None
            first, last = run_result(date(2024, 6, 1), 3), run_result(date(2024, 6, 8), 1)
            save_site_check(session, None, first)
            save_site_check(session, None, last)
        with db.transaction() as session:
            assert latest_site_check(session, None) == last
            assert [(r.today, r.total, r.vetoes) for r in site_check_trend(session, None)] == [
                (date(2024, 6, 1), 97.0, 1), (date(2024, 6, 8), 99.0, 1)]
    finally:
        db.dispose()


def test_runs_round_trip_on_sqlite(sqlite_url):
    _round_trip(sqlite_url)


@pytest.mark.postgres
def test_runs_round_trip_on_postgres(postgres_url):
    _round_trip(postgres_url)
