"""The JSON API under /api/: the same data as the pages, the same unit isolation; signed in by the
browser's session or, for scripts, by an API token (`Authorization: Bearer`)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Path, Query, Security
from fastapi.security import APIKeyCookie, HTTPBearer

from govwatch.domain.evaluation import ANNEXES
from govwatch.domain.model import FindingStatus
from govwatch.services import review
from govwatch.services.dashboard import PostPage, account_view, evaluated_months, month_view, unit_view
from govwatch.services.rectification import item_overdue
from govwatch.store.counties import StoredAccount
from govwatch.web.deps import SESSION_COOKIE, Context, Ctx, RowId, ensure_unit, parse_month
from govwatch.web.routes.rectify import visible_items
from govwatch.web.routes.units import (
    PAGE_NUMBER,
    PAGE_SIZE,
    PROBLEMS_ONLY,
    account_row,
    chosen_month,
    unit_known,
)
from govwatch.web.schemas import (
    AccountDetailOut,
    AccountOut,
    CalendarDayOut,
    FindingOut,
    GradeOut,
    MeOut,
    MonthOut,
    PostOut,
    QueueFindingOut,
    RectificationOut,
    UnitDetailOut,
    UnitOut,
)

_401: dict[int | str, dict[str, Any]] = {401: {"description": "未登录"}}
_403: dict[int | str, dict[str, Any]] = {403: {"description": "单位编辑访问其他单位的数据"}, 404: {"description": "不存在"}}
# Declared for the OpenAPI document (either one signs a request in); `deps.context` does the checking.
_AUTH = [
    Security(APIKeyCookie(name=SESSION_COOKIE, auto_error=False, description="网页登录后的会话")),
    Security(HTTPBearer(auto_error=False, description="接口令牌：govwatch user token 用户名")),
]
router = APIRouter(prefix="/api", tags=["api"], responses=_401, dependencies=_AUTH)
_MONTH = Path(pattern=r"^\d{4}-\d{2}$", description="月份，如 2023-06")
_MONTH_QUERY = Query(None, pattern=r"^\d{4}-\d{2}$", description="月份，默认最近评定的月份")


def _scope(ctx: Context) -> set[int] | None:
    return {ctx.viewer.unit_id} if ctx.viewer.unit_id else None


def _account(row: StoredAccount) -> AccountOut:
    return AccountOut(id=row.id, name=row.name, platform=row.platform, unit_id=row.unit_id)


@router.get("/me", response_model=MeOut)
def me(ctx: Ctx) -> MeOut:
    v = ctx.viewer
    return MeOut(name=v.name, role=v.role.value, role_label=v.role_label, unit_id=v.unit_id, unit=v.unit)


@router.get("/months", response_model=list[str])
def months(ctx: Ctx) -> list[str]:
    """Months with stored grades, newest first."""
    return [str(m) for m in evaluated_months(ctx.session, ctx.stored)]


@router.get("/months/{month}", response_model=MonthOut, responses=_403)
def month(ctx: Ctx, month: str = _MONTH,
          kind: str | None = Query(None, description="单位类别：部门、镇街、园区")) -> MonthOut:
    """The month's grades in the three annexes (an editor: its own unit's only) with the previous month's."""
    view = month_view(ctx.session, ctx.stored, parse_month(month), kind, _scope(ctx))
    rows = {annex: [GradeOut.of(r) for r in view.rows[annex]] for annex in ANNEXES}
    return MonthOut(month=str(view.month), counts=view.counts, **rows)


@router.get("/units", response_model=list[UnitOut])
def units(ctx: Ctx) -> list[UnitOut]:
    ids = ctx.stored.unit_ids
    return [UnitOut(id=ids[u.name], name=u.name, kind=u.kind.value) for u in ctx.stored.county.units
            if ctx.viewer.sees_unit(ids[u.name])]


@router.get("/units/{unit_id}", response_model=UnitDetailOut, responses=_403)
def unit(ctx: Ctx, unit_id: RowId, month: str | None = _MONTH_QUERY, page_number: int = PAGE_NUMBER,
         page_size: int = PAGE_SIZE, problems: bool = PROBLEMS_ONLY) -> UnitDetailOut:
    unit_known(ctx, unit_id)
    chosen = PostPage(page_number, page_size, problems)
    view = unit_view(ctx.session, ctx.stored, unit_id, chosen_month(ctx, month), chosen)
    name = next(n for n, uid in ctx.stored.unit_ids.items() if uid == unit_id)
    return UnitDetailOut(
        unit=UnitOut(id=unit_id, name=name, kind=ctx.stored.county.unit(name).kind.value), month=str(view.month),
        grades=[GradeOut.of(g) for g in view.grades], accounts=[_account(a) for a in view.accounts],
        posts=[PostOut.of(p, ctx.stored) for p in view.posts], posts_total=view.posts_total, page=page_number, pages=view.pages,
    )


@router.get("/accounts/{account_id}", response_model=AccountDetailOut, responses=_403)
def account(ctx: Ctx, account_id: RowId, month: str | None = _MONTH_QUERY) -> AccountDetailOut:
    row = account_row(ctx.session, ctx.stored.id, account_id)
    ensure_unit(ctx.viewer, row.unit_id)
    view = account_view(ctx.session, ctx.stored, row, chosen_month(ctx, month))
    return AccountDetailOut(
        account=_account(row), month=str(view.month), grades=[GradeOut.of(g) for g in view.grades],
        calendar=[CalendarDayOut(day=d.day, posts=d.posts, in_gap=d.in_gap) for d in view.calendar],
        posts=[PostOut.of(p, ctx.stored) for p in view.posts],
    )


@router.get("/findings", response_model=list[QueueFindingOut])
def findings(ctx: Ctx, status: FindingStatus | None = None,
             limit: int = Query(200, ge=1, le=1000)) -> list[QueueFindingOut]:
    """The review queue (an editor: its own unit's findings)."""
    items = review.finding_queue(ctx.session, ctx.stored, [status] if status else list(FindingStatus),
                                 ctx.viewer.unit_id, limit)
    return [QueueFindingOut(**FindingOut.of(i.finding).model_dump(), post_title=i.post_title, post_url=i.post_url,
                            unit_id=i.unit_id) for i in items]


@router.get("/rectifications", response_model=list[RectificationOut])
def rectifications(ctx: Ctx) -> list[RectificationOut]:
    now = datetime.now(UTC)
    return [RectificationOut.of(r, item_overdue(r, now)) for r in visible_items(ctx, now)]
