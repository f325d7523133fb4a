"""A small stored county for the repository tests, built through the public API, on SQLite and (tests
marked `postgres`) on the PostgreSQL server."""

from dataclasses import dataclass
from datetime import date

import pytest

from govwatch.domain.incoming import IncomingPost
from govwatch.domain.model import AccountKey, ColumnKey, PostKind
from govwatch.services.ingest import ingest_posts
from govwatch.store.counties import StoredCounty, load_stored_county, save_config
from govwatch.store.db import Database, open_database
from tests.conftest import at

COLUMN = ColumnKey("政府信息公开", "县自然资源局", "政府机构")
SHARED = ColumnKey("新闻动态", None, "部门动态")


@dataclass(frozen=True)
class Stored:
    db: Database
    county_id: int

    def county(self, session) -> StoredCounty:
        return load_stored_county(session)


def _posts(account: AccountKey) -> list[IncomingPost]:
    return [
        IncomingPost("自然资源局机构设置", at(date(2023, 6, 5)), "正文一", "http://x.gov.cn/a/1.html",
                     unit="县自然资源局", channel=COLUMN.channel, column=COLUMN.name, source="test"),
        IncomingPost("部门动态一则", at(date(2023, 6, 20)), "正文二", "http://x.gov.cn/a/2.html",
                     unit="县民政局", channel=SHARED.channel, column=SHARED.name, source="test"),
        IncomingPost("推文", at(date(2023, 6, 12)), "推文正文", kind=PostKind.OTHER_REPOST, account=account.name,
                     platform=account.platform, external_id="wx:1", source="test"),
        IncomingPost("七月推文", at(date(2023, 7, 2)), "七月正文", account=account.name, platform=account.platform,
                     external_id="wx:2", source="test"),
    ]


def _build(url: str, meixian_config) -> Stored:
    db = open_database(url)
    with db.transaction() as session:
        county_id = save_config(session, meixian_config)
        stored = load_stored_county(session)
        ingest_posts(session, stored, _posts(first_account(meixian_config)), None)
    return Stored(db, county_id)


def first_account(meixian_config) -> AccountKey:
    return meixian_config.county.accounts[0].key


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def county_db(request, meixian_config, tmp_path):
    """The example county with four posts (two portal articles of June, two posts of its first account)."""
    url = request.getfixturevalue("postgres_url") if request.param == "postgres" else f"sqlite:///{tmp_path}/s.db"
    built = _build(url, meixian_config)
    try:
        yield built
    finally:
        built.db.dispose()
