"""单位 / 账号 pages: each grade with its reasons, the posts behind it, findings, calendar and the year's trend."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from govwatch.domain.calendar import Month
from govwatch.services.dashboard import PostPage, account_view, unit_view
from govwatch.store.counties import StoredAccount, account_of
from govwatch.web.deps import Context, Ctx, RowId, default_month, ensure_unit, parse_month
from govwatch.web.rendering import page

router = APIRouter(include_in_schema=False)


def chosen_month(ctx: Context, month: str | None) -> Month:
    return parse_month(month) if month else default_month(ctx)


def account_row(session: Session, county_id: int, account_id: int) -> StoredAccount:
    try:
        return account_of(session, county_id, account_id)
    except LookupError as exc:
        raise HTTPException(404, str(exc)) from None


def unit_known(ctx: Context, unit_id: int) -> None:
    """404 for an unknown unit, 403 for another unit of an editor."""
    if unit_id not in ctx.stored.unit_ids.values():
        raise HTTPException(404, f"没有编号为 {unit_id} 的单位")
    ensure_unit(ctx.viewer, unit_id)


@router.get("/units", response_class=HTMLResponse)
def units_page(request: Request, ctx: Ctx) -> Response:
    ids = ctx.stored.unit_ids
    units = [(u, ids[u.name]) for u in ctx.stored.county.units if ctx.viewer.sees_unit(ids[u.name])]
    return page(request, ctx, "units.html", units=units)


# Page numbers as the URL gives them: at most a million posts a month, 100 a page.
PAGE_NUMBER = Query(1, alias="page", ge=1, le=10_000, description="页码，从 1 开始")
PAGE_SIZE = Query(100, ge=1, le=1000, description="每页条数")
PROBLEMS_ONLY = Query(False, description="只列出有问题的信息")


@router.get("/units/{unit_id}", response_class=HTMLResponse)
def unit_page(request: Request, ctx: Ctx, unit_id: RowId, month: str | None = None, page_number: int = PAGE_NUMBER,
              page_size: int = PAGE_SIZE, problems: bool = PROBLEMS_ONLY) -> Response:
    unit_known(ctx, unit_id)
    chosen = chosen_month(ctx, month)
    name = next(n for n, uid in ctx.stored.unit_ids.items() if uid == unit_id)
    return page(request, ctx, "unit.html", unit=ctx.stored.county.unit(name), unit_id=unit_id,
                view=unit_view(ctx.session, ctx.stored, unit_id, chosen, PostPage(page_number, page_size, problems)),
                account_ids=ctx.stored.account_ids)


@router.get("/accounts/{account_id}", response_class=HTMLResponse)
def account_page(request: Request, ctx: Ctx, account_id: RowId, month: str | None = None) -> Response:
    account = account_row(ctx.session, ctx.stored.id, account_id)
    ensure_unit(ctx.viewer, account.unit_id)
    chosen = chosen_month(ctx, month)
    unit = next(n for n, uid in ctx.stored.unit_ids.items() if uid == account.unit_id)
    return page(request, ctx, "account.html", account=account, unit=unit,
                view=account_view(ctx.session, ctx.stored, account, chosen),
                allowed=ctx.stored.rules.new_media.max_silent_days)
