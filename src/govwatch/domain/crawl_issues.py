"""Crawl issues (链接与采集问题): what a portal crawl finds besides articles — dead links, links to
non-government sites, pages robots.txt forbids or that cannot be read, pagers and pages cut at a bound.

The crawler (collect/crawl) reports each as a `Finding`; storage keeps one row per kind, link and page with
when it was first and last met and whether a second check confirmed it (store/crawl_issues.py hands them
back as `CrawlIssue`). The dashboard, the API and the annex workbook show them; grading counts them only
where a county's rules.yaml asks (`crawl_findings:`, domain/grading/crawl_issues.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum

from govwatch.domain.calendar import DayRange
from govwatch.domain.model import ColumnKey


class CrawlIssueKind(StrEnum):
    """The kinds of `collect.crawl.results.Finding` (unresolved: the article's 来源 names no known unit); the
    bounds of the crawl settings follow, then the attachments that could not be read, or only in part."""

    DEAD_LINK = "dead_link"
    EXTERNAL_LINK = "external_link"
    BAD_LINK = "bad_link"
    BAD_PAGE = "bad_page"
    REDIRECT_LOOP = "redirect_loop"
    MISSING_DATE = "missing_date"
    FUTURE_DATE = "future_date"
    ROBOTS = "robots"
    UNRESOLVED = "unresolved"
    TOO_LARGE = "too_large"
    DEADLINE = "deadline"
    RETRY_AFTER = "retry_after"
    LINK_CAP = "link_cap"
    PAGER_CAP = "pager_cap"
    ATTACHMENT_UNREADABLE = "attachment_unreadable"
    ATTACHMENT_CAP = "attachment_cap"


KIND_LABELS = {
    CrawlIssueKind.DEAD_LINK: "死链（链接不可用）",
    CrawlIssueKind.EXTERNAL_LINK: "链接指向非政府网站",
    CrawlIssueKind.BAD_LINK: "链接地址无效",
    CrawlIssueKind.BAD_PAGE: "页面无法解析",
    CrawlIssueKind.REDIRECT_LOOP: "循环跳转",
    CrawlIssueKind.MISSING_DATE: "页面无发布时间",
    CrawlIssueKind.FUTURE_DATE: "发布时间晚于当前",
    CrawlIssueKind.ROBOTS: "robots.txt 禁止抓取",
    CrawlIssueKind.UNRESOLVED: "来源单位无法识别",
    CrawlIssueKind.TOO_LARGE: "页面过大未读完",
    CrawlIssueKind.DEADLINE: "读取超时",
    CrawlIssueKind.RETRY_AFTER: "服务器要求稍后再试",
    CrawlIssueKind.LINK_CAP: "链接过多未全部检查",
    CrawlIssueKind.PAGER_CAP: "列表页过多未读完",
    CrawlIssueKind.ATTACHMENT_UNREADABLE: "附件无法读取",
    CrawlIssueKind.ATTACHMENT_CAP: "附件过大未读完",
}


@dataclass(frozen=True)
class CrawlIssue:
    """One stored crawl finding: `url` is the link or page concerned, `page` the page that holds the link
    (None for a page's own problem); `units` are the units that keep `column` in the 任务分解表.

    `rechecked`: a failure confirmed by a second check after the crawl's recheck delay (a blip of the
    target site is never stored); `resolved_at`: a later crawl read the page again and no longer met it.
    """

    id: int
    kind: CrawlIssueKind
    url: str
    page: str | None
    column: ColumnKey | None
    units: tuple[str, ...]
    status: int | None
    detail: str
    first_seen: datetime
    last_seen: datetime
    rechecked: bool
    resolved_at: datetime | None

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def seen_again(self) -> bool:
        """Met by more than one crawl (last seen later than first seen)."""
        return self.last_seen > self.first_seen

    def open_during(self, start: datetime, end: datetime) -> bool:
        """Met before `end` and not resolved before `start`: an issue of that span (an issue no crawl has
        resolved is still there, even when no crawl of the span read its page)."""
        return self.first_seen < end and (self.resolved_at is None or self.resolved_at >= start)


def issues_of_span(issues: Iterable[CrawlIssue], days: DayRange, zone: tzinfo,
                   pages: Collection[str] = ()) -> list[CrawlIssue]:
    """The issues of `days` (in the county's time zone `zone`): open at some time during them, or on one of
    `pages`, the articles published during them (a crawl after the month, reading its articles, still
    finds the month's dead links)."""
    start, end = days.moments(zone)
    return [i for i in issues if i.open_during(start, end) or (i.page or i.url) in pages]
