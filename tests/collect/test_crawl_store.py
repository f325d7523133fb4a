"""Crawling into the database: idempotent re-runs, page history, resuming a killed crawl, replay."""

from __future__ import annotations

import asyncio
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from govwatch.collect.crawl.crawler import ColumnTarget, CrawlOptions
from govwatch.collect.crawl.fetch import Request
from govwatch.collect.crawl.session import crawl
from govwatch.collect.extract.article import extract_article
from govwatch.collect.extract.charset import decode_html
from govwatch.services.checking import county_proofreader
from govwatch.services.crawl import StoringSink, crawl_scope, run_crawl
from govwatch.store.collection import StoredFrontier, open_findings, replay_raw
from govwatch.store.counties import load_stored_county
from govwatch.store.tables import CrawledPageRow, FrontierRow, PageVersionRow, PostRow
from tests.collect.conftest import FAST, targets_of

SOME = 12  # columns crawled here: enough for every pager style, quick on two cores


def _stored(db):
    with db.transaction() as session:
        stored = load_stored_county(session)
        return stored, county_proofreader(session, stored.id)


def _count(db, what):
    with db.transaction() as session:
        return session.scalar(select(func.count()).select_from(what))


def test_crawl_twice_stores_each_article_once_and_keeps_history(stored_db, portal, portal_server):
    stored, proofreader = _stored(stored_db)
    settings = FAST.model_copy(update={"proxy": portal_server.url})
    first = run_crawl(stored_db, stored, proofreader, targets_of(portal)[:SOME], settings=settings)
    assert first.added == first.stats.articles == _count(stored_db, PostRow) > 50
    assert len(open_findings_of(stored_db, stored.id)) == first.stats.findings
    again = run_crawl(stored_db, stored, proofreader, targets_of(portal)[:SOME], settings=settings)
    assert (again.added, again.changed, again.stats.unchanged) == (0, 0, first.added)

    with stored_db.transaction() as session:
        page = session.scalars(select(CrawledPageRow).order_by(CrawledPageRow.id)).first()
        old_title = page.versions[0].title
        html = replay_raw(page.versions[0]).decode(page.versions[0].encoding).replace(old_title, old_title + "（更正）")
    portal.update(page.url, html)
    changed = run_crawl(stored_db, stored, proofreader, targets_of(portal)[:SOME], settings=settings)
    assert (changed.added, changed.changed) == (0, 1)
    with stored_db.transaction() as session:
        page = session.get(CrawledPageRow, page.id)
        assert [v.title for v in page.versions] == [old_title, old_title + "（更正）"]
        post = session.get(PostRow, page.post_id)
        assert post.title == old_title  # the post is what was published; the versions show the change
    assert _count(stored_db, PostRow) == first.added


def open_findings_of(db, county_id):
    with db.transaction() as session:
        return open_findings(session, county_id)


def test_stored_raw_html_replays_to_the_same_extraction(stored_db, portal, portal_server):
    stored, proofreader = _stored(stored_db)
    run_crawl(stored_db, stored, proofreader, targets_of(portal)[:3],
              settings=FAST.model_copy(update={"proxy": portal_server.url}))
    with stored_db.transaction() as session:
        for version in session.scalars(select(PageVersionRow)):
            text, _ = decode_html(replay_raw(version))
            again = extract_article(text, version.page.url, ZoneInfo(stored.county.county.timezone))
            assert (again.title, again.text, again.published_at) == (version.title, version.text, version.published_at)


def test_killed_crawl_resumes_from_its_frontier(stored_db, portal, portal_server):
    stored, proofreader = _stored(stored_db)
    settings = FAST.model_copy(update={"proxy": portal_server.url, "concurrency": 2})
    sink = StoringSink(stored_db, stored, proofreader)

    store_page = sink.page

    async def killed_after_20() -> None:
        task = asyncio.create_task(crawl(targets_of(portal)[:SOME], settings, CrawlOptions(workers=2), sink,
                                         StoredFrontier(stored_db, stored.id, crawl_scope(targets_of(portal)[:SOME]))))

        def page_then_die(result):
            store_page(result)
            if sink.added == 20:
                task.cancel()  # like a kill after the 20th article's transaction committed

        sink.page = page_then_die
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(killed_after_20())
    stored_before = _count(stored_db, PostRow)
    assert 20 <= stored_before < 50
    with stored_db.transaction() as session:
        pending = session.scalar(select(func.count()).select_from(FrontierRow).where(FrontierRow.done.is_(False)))
    assert pending > 0
    resumed = run_crawl(stored_db, stored, proofreader, targets_of(portal)[:SOME], settings=settings)
    assert _count(stored_db, PostRow) == stored_before + resumed.added == sum(c.articles for c in portal.columns[:SOME])
    assert _count(stored_db, FrontierRow) == 0


def test_a_crawl_killed_between_an_article_and_its_link_checks_still_finds_its_dead_links(
        stored_db, portal, portal_server):
    stored, proofreader = _stored(stored_db)
    targets = targets_of(portal)[:SOME]
    settings = FAST.model_copy(update={"proxy": portal_server.url})
    sink = StoringSink(stored_db, stored, proofreader)
    store_page = sink.page

    async def killed_after_a_page_with_a_dead_link() -> None:
        task = asyncio.create_task(crawl(targets, settings, CrawlOptions(workers=2), sink,
                                         StoredFrontier(stored_db, stored.id, crawl_scope(targets))))

        def page_then_die(result):
            store_page(result)
            if b"/upload/2023/old_" in result.raw:
                task.cancel()  # the article is committed; its link checks never ran

        sink.page = page_then_die
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(killed_after_a_page_with_a_dead_link())
    run_crawl(stored_db, stored, proofreader, targets, settings=settings)  # resumes: that article answers 304
    columns = {t.column for t in targets}
    expected = {url for url, column in portal.dead_links.items() if column in columns}
    assert expected
    assert {f.url for f in open_findings_of(stored_db, stored.id) if f.kind == "dead_link"} == expected


def test_runs_of_other_hosts_keep_their_own_frontier(stored_db):
    stored, _ = _stored(stored_db)
    first = Request("http://www.meixian.gov.cn/col/col1/index.html", kind="list", column="a")
    other = Request("http://other.meixian.gov.cn/col/col2/index.html", kind="list", column="b")
    ours = StoredFrontier(stored_db, stored.id, "www.meixian.gov.cn")
    theirs = StoredFrontier(stored_db, stored.id, "other.meixian.gov.cn")
    assert ours.add([first]) == [first] and theirs.add([other, first]) == [other, first]  # seen apart
    ours.done(first)
    assert ours.pending() == [] and theirs.pending() == [other, first]
    ours.finish()
    assert StoredFrontier(stored_db, stored.id, "other.meixian.gov.cn").pending() == [other, first]
    assert crawl_scope([ColumnTarget("a", "http://www.meixian.gov.cn/x"), ColumnTarget("b", "http://a.gov.cn/y"),
                        ColumnTarget("c", "http://www.meixian.gov.cn/z")]) == "a.gov.cn,www.meixian.gov.cn"
