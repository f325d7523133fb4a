"""链接与采集问题: the demo month's crawl findings on a page and under /api/, by unit and kind, isolated by unit."""

from __future__ import annotations

from govwatch.domain.crawl_issues import CrawlIssueKind
from govwatch.store.counties import load_stored_county
from govwatch.store.crawl_issues import crawl_issues


def _issues(site, **filters):
    with site.db.transaction() as session:
        return crawl_issues(session, load_stored_county(session), **filters)


def test_the_demo_crawl_findings_are_stored_with_their_unit_and_recheck(site):
    issues = _issues(site)
    dead = [i for i in issues if i.kind is CrawlIssueKind.DEAD_LINK]
    assert dead and all(i.page and i.status == 404 and i.rechecked for i in dead)  # confirmed by the second check
    assert all(i.units and i.column for i in dead)  # each on a column of the 任务分解表
    assert {i.kind for i in issues} >= {CrawlIssueKind.DEAD_LINK, CrawlIssueKind.EXTERNAL_LINK}


def test_the_page_lists_them_by_unit_with_page_and_dates(site, admin):
    issues = _issues(site)
    html = admin.get("/crawl-issues").text
    assert "链接与采集问题" in html and f"按单位统计（{len(issues)} 条）" in html
    dead = next(i for i in issues if i.kind is CrawlIssueKind.DEAD_LINK)
    assert f'id="crawl-issue-{dead.id}"' in html and dead.page in html and "已复核" in html
    assert dead.units[0] in html


def test_filters_by_unit_and_kind(site, admin):
    issues = _issues(site)
    unit = next(i for i in issues if i.units).units[0]
    html = admin.get("/crawl-issues", params={"unit": unit, "kind": "dead_link"}).text
    mine = [i for i in issues if unit in i.units and i.kind is CrawlIssueKind.DEAD_LINK]
    assert f"按单位统计（{len(mine)} 条）" in html
    shown = admin.get("/api/crawl-issues", params={"unit": unit, "kind": ["dead_link"]}).json()
    assert sorted(i["id"] for i in shown) == sorted(i.id for i in mine)
    assert all(i["kind"] == "dead_link" and unit in i["units"] for i in shown)
    assert admin.get("/api/crawl-issues", params={"unit": "不存在的单位"}).status_code == 404


def test_an_editor_sees_its_own_unit_only(site, admin, editor):
    everyone = admin.get("/api/crawl-issues").json()
    own = editor.get("/api/crawl-issues").json()
    assert own and all(i["units"] == [site.unit] for i in own)  # a shared column's other keepers unnamed
    assert sorted(i["id"] for i in own) == sorted(i["id"] for i in everyone if site.unit in i["units"])
    assert editor.get("/api/crawl-issues", params={"unit": site.other}).status_code == 403
    assert editor.get("/crawl-issues", params={"unit": site.other}).status_code == 403
    page = editor.get("/crawl-issues").text
    assert f"单位：{site.unit}" in page and f'<option value="{site.other}"' not in page


def test_resolved_ones_are_listed_only_when_asked(site, admin):
    from datetime import UTC, datetime

    from govwatch.store.tables import CrawlFindingRow

    first = _issues(site)[0]
    with site.db.transaction() as session:
        session.get(CrawlFindingRow, first.id).resolved_at = datetime.now(UTC)
    assert first.id not in {i["id"] for i in admin.get("/api/crawl-issues").json()}
    again = {i["id"]: i for i in admin.get("/api/crawl-issues", params={"resolved": "true"}).json()}
    assert again[first.id]["resolved_at"] is not None


def test_the_api_schema_is_typed(admin):
    schema = admin.get("/openapi.json").json()
    out = schema["components"]["schemas"]["CrawlIssueOut"]
    assert out["properties"]["rechecked"]["type"] == "boolean"
    assert "dead_link" in schema["components"]["schemas"]["CrawlIssueKind"]["enum"]
