"""The posts repository returns domain posts with typed column and account keys, and its listings filter as asked."""

from datetime import UTC, datetime

from govwatch.domain.model import Finding, PostKind, PostRecord, Severity
from govwatch.store.findings import add_findings
from govwatch.store.posts import (
    PostFilter,
    count_posts,
    county_totals,
    newest_of_account,
    post_id_of,
    post_ids,
    post_records,
    posts_per_unit,
    posts_to_check,
    read_posts,
    reclassify_account_posts,
)
from tests.store.conftest import COLUMN, SHARED, first_account

JUNE = (datetime(2023, 5, 31, 16, tzinfo=UTC), datetime(2023, 6, 30, 16, tzinfo=UTC))


def _june(session, stored) -> list[PostRecord]:
    return post_records(session, stored.county_id, *JUNE)


def test_post_records_carry_typed_keys_and_stored_findings(county_db, meixian_config):
    with county_db.db.transaction() as session:
        first = post_id_of(session, county_db.county_id, "url:http://x.gov.cn/a/1.html")
        assert first is not None
        add_findings(session, {first: [Finding("typo", Severity.ERROR, True, "二十精神", "二十大精神", rule="r1", start=3)]})
        posts = _june(session, county_db)
    assert [p.title for p in posts] == ["自然资源局机构设置", "推文", "部门动态一则"]  # by publication
    article, tweet, shared = posts
    assert article.column == COLUMN and article.account is None and article.unit == "县自然资源局"
    assert shared.column == SHARED and shared.unit == "县民政局"  # a shared column: the unit the post names
    assert tweet.account == first_account(meixian_config) and tweet.kind is PostKind.OTHER_REPOST
    [finding] = article.issues
    assert (finding.wrong, finding.severity, finding.post_id, finding.rule) == ("二十精神", Severity.ERROR, first, "r1")
    assert finding.id is not None and tweet.issues == ()


def test_listings_filter_count_and_page(county_db):
    with county_db.db.transaction() as session:
        stored = county_db.county(session)
        unit_id = stored.unit_ids["县自然资源局"]
        first = post_id_of(session, stored.id, "url:http://x.gov.cn/a/1.html")
        add_findings(session, {first: [Finding("typo", Severity.WARNING, False, "甲", "乙", rule="r", start=1)]})
        everything = PostFilter(stored.id, *JUNE)
        assert count_posts(session, everything) == 3
        assert [p.title for p in read_posts(session, everything, offset=1, limit=1)] == ["推文"]
        problems = PostFilter(stored.id, *JUNE, problems_only=True)
        [post] = read_posts(session, problems)
        assert post.id == first and post.unit == "县自然资源局" and post.column == COLUMN
        assert [f.wrong for f in post.issues] == ["甲"]
        add_findings(session, {first: [Finding("typo", Severity.ERROR, True, "丙", "丁", rule="r", start=0)]})
        [paged] = read_posts(session, problems, limit=10, by_position=True)
        assert [f.wrong for f in paged.issues] == ["丙", "甲"]  # in text order
        assert [f.wrong for f in read_posts(session, problems)[0].issues] == ["甲", "丙"]  # in the order stored
        assert count_posts(session, PostFilter(stored.id, *JUNE, unit_id=unit_id)) == 1
        assert posts_per_unit(session, stored.id, *JUNE)[unit_id] == 1


def test_account_helpers_and_totals(county_db, meixian_config):
    key = first_account(meixian_config)
    with county_db.db.transaction() as session:
        stored = county_db.county(session)
        newest = newest_of_account(session, stored.account_ids[key])
        assert newest is not None and newest.date().isoformat() == "2023-07-02"
        assert county_totals(session, stored.id) == (4, 0)
        changed = reclassify_account_posts(session, stored.id, *JUNE,
                                           lambda title, url, kind: PostKind.RECOMMENDED)
        assert changed == 1
        assert [p.kind for p in _june(session, county_db) if p.account] == [PostKind.RECOMMENDED]
        assert reclassify_account_posts(session, stored.id, *JUNE, lambda title, url, kind: kind) == 0
        assert post_id_of(session, stored.id, "url:http://nowhere") is None


def test_check_batches_read_unchecked_posts_by_id_range(county_db):
    with county_db.db.transaction() as session:
        ids = post_ids(session, county_db.county_id, unchecked_only=True)
        assert len(ids) == 4 and ids == sorted(ids)  # stored without a proofreader: all unchecked
        rows = posts_to_check(session, county_db.county_id, ids[1], ids[2], unchecked_only=True)
        assert [r.id for r in rows] == ids[1:3]
        rows[0].checked_at = datetime(2023, 7, 1, tzinfo=UTC)
        session.flush()
        assert post_ids(session, county_db.county_id, unchecked_only=True) == [ids[0], *ids[2:]]
        assert post_ids(session, county_db.county_id, unchecked_only=False) == ids
        assert [r.id for r in posts_to_check(session, county_db.county_id, ids[0], ids[-1], False)] == ids
