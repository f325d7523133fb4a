"""链接与采集问题: the findings of the portal crawl (dead and non-government links, pages that could not be
read, bounds hit), by unit and column, as a page and under /api/; an editor sees its own unit's only."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from govwatch.domain.crawl_issues import KIND_LABELS, CrawlIssue, CrawlIssueKind
from govwatch.store.crawl_issues import crawl_issues
from govwatch.web.deps import Context, Ctx
from govwatch.web.rendering import page
from govwatch.web.routes import api

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["api"], responses=api.router.responses,
                       dependencies=api.router.dependencies)

_UNIT = Query(None, max_length=200, description="单位名称；单位编辑只能查看本单位")
_KIND = Query(None, description="问题类型，可多选")
_RESOLVED = Query(False, description="同时列出已消除（再次采集时未再发现）的问题")


class CrawlIssueOut(BaseModel):
    """One crawl finding as the API gives it."""

    id: int
    kind: CrawlIssueKind
    kind_label: str
    url: str = Field(description="有问题的链接或页面")
    page: str | None = Field(description="含有该链接的页面；页面本身的问题为 null")
    channel: str | None
    column: str | None
    units: list[str] = Field(description="任务分解表中保障该栏目的单位")
    status: int | None = Field(description="HTTP 状态码；无应答为 null")
    detail: str
    first_seen: datetime
    last_seen: datetime
    rechecked: bool = Field(description="间隔一段时间再次检查仍失败后才记录")
    resolved_at: datetime | None

    @classmethod
    def of(cls, issue: CrawlIssue) -> CrawlIssueOut:
        column = issue.column
        return cls(id=issue.id, kind=issue.kind, kind_label=issue.label, url=issue.url, page=issue.page,
                   channel=column.channel if column else None, column=column.name if column else None,
                   units=list(issue.units), status=issue.status, detail=issue.detail, first_seen=issue.first_seen,
                   last_seen=issue.last_seen, rechecked=issue.rechecked, resolved_at=issue.resolved_at)


def visible_issues(ctx: Context, unit: str | None, kinds: list[CrawlIssueKind] | None, resolved: bool,
                   limit: int | None = None) -> list[CrawlIssue]:
    """The issues the viewer may see: an editor's own unit's, under its unit alone (403 when asking for
    another), else the county's or one unit's (404 for a unit the county does not have)."""
    viewer = ctx.viewer
    if viewer.unit is not None and unit not in (None, "", viewer.unit):
        raise HTTPException(403, "单位编辑只能查看和处理本单位的信息")
    chosen = viewer.unit or unit or None
    if chosen is not None and chosen not in ctx.stored.unit_ids:
        raise HTTPException(404, f"没有名为“{chosen}”的单位")
    found = crawl_issues(ctx.session, ctx.stored, units=None if chosen is None else [chosen], kinds=kinds or None,
                         resolved=resolved, limit=limit)
    if viewer.unit is not None:  # a shared column's other keepers are not the editor's business
        found = [replace(i, units=(viewer.unit,)) for i in found]
    return found


@router.get("/crawl-issues", response_class=HTMLResponse)
def issues_page(request: Request, ctx: Ctx, unit: str | None = _UNIT, kind: list[CrawlIssueKind] | None = _KIND,
                resolved: bool = _RESOLVED) -> Response:
    issues = visible_issues(ctx, unit, kind, resolved)
    units = [u.name for u in ctx.stored.county.units if ctx.viewer.sees_unit(ctx.stored.unit_ids[u.name])]
    met = {i.kind for i in issues}
    # by unit, then column; within a column the most recently seen first (the order crawl_issues gives)
    ordered = sorted(issues, key=lambda i: (i.units or ("\uffff",), i.column.name if i.column else "\uffff"))
    return page(request, ctx, "crawl_issues.html", issues=ordered, by_unit=_by_unit(issues), units=units,
                unit=ctx.viewer.unit or unit or "", kinds=set(kind or ()), resolved=resolved, kind_labels=KIND_LABELS,
                shown=[k for k in CrawlIssueKind if k in met])


def _by_unit(issues: list[CrawlIssue]) -> list[tuple[str, dict[CrawlIssueKind, int]]]:
    """Counts per unit and kind; a finding of no known column is counted under 未归属栏目."""
    counts: dict[str, dict[CrawlIssueKind, int]] = {}
    for issue in issues:
        for name in issue.units or ("未归属栏目",):
            row = counts.setdefault(name, {})
            row[issue.kind] = row.get(issue.kind, 0) + 1
    return sorted(counts.items(), key=lambda item: -sum(item[1].values()))


@api_router.get("/crawl-issues", response_model=list[CrawlIssueOut],
                responses={403: {"description": "单位编辑访问其他单位的数据"}, 404: {"description": "没有该单位"}})
def issues_api(ctx: Ctx, unit: str | None = _UNIT, kind: list[CrawlIssueKind] | None = _KIND,
               resolved: bool = _RESOLVED, limit: int = Query(500, ge=1, le=5000)) -> list[CrawlIssueOut]:
    """链接与采集问题 (an editor: its own unit's), most recently seen first."""
    return [CrawlIssueOut.of(i) for i in visible_issues(ctx, unit, kind, resolved, limit)]
