"""整改: a unit sees and answers its items before the deadline; the centre closes (销号) them."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from govwatch.domain.rectification import RectificationItem
from govwatch.services import rectification
from govwatch.services.accounts import Viewer
from govwatch.store import audit
from govwatch.store.rectifications import get_item
from govwatch.web.deps import Context, Ctx, RowId, form_admin, form_user
from govwatch.web.rendering import page

router = APIRouter(include_in_schema=False)


def visible_items(ctx: Context, now: datetime) -> list[RectificationItem]:
    """Every item for the centre and leaders; an editor's unit's items only."""
    rows = rectification.list_items(ctx.session, ctx.stored, now)
    return [r for r in rows if ctx.viewer.unit is None or r.unit == ctx.viewer.unit]


def _item(ctx: Context, item_id: int) -> RectificationItem:
    try:
        row = get_item(ctx.session, ctx.stored.id, item_id)
    except LookupError as exc:
        raise HTTPException(404, str(exc)) from None
    if ctx.viewer.unit is not None and row.unit != ctx.viewer.unit:
        raise HTTPException(403, "单位编辑只能查看和处理本单位的整改事项")
    return row


@router.get("/rectifications", response_class=HTMLResponse)
def items_page(request: Request, ctx: Ctx) -> Response:
    now = datetime.now(UTC)
    rows = visible_items(ctx, now)
    return page(request, ctx, "rectifications.html", items=rows,
                overdue={r.id for r in rows if r.overdue(now)})


@router.post("/rectifications/{item_id}/respond")
def respond(ctx: Ctx, item_id: RowId, response: str = Form(""),
            user: Viewer = Depends(form_user)) -> Response:
    row = _item(ctx, item_id)
    try:
        rectification.respond(ctx.session, ctx.stored, item_id, response, user.name, datetime.now(UTC))
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    audit.record(ctx.session, user.name, "rectification.respond", f"rectification:{row.id}", {"subject": row.subject},
                 response, county_id=ctx.stored.id)
    return RedirectResponse("/rectifications", status_code=303)


@router.post("/rectifications/{item_id}/close")
def close(ctx: Ctx, item_id: RowId, note: str = Form(""),
          user: Viewer = Depends(form_admin)) -> Response:
    row = _item(ctx, item_id)
    try:
        rectification.close(ctx.session, ctx.stored, item_id, user.name, datetime.now(UTC), note)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    audit.record(ctx.session, user.name, "rectification.close", f"rectification:{row.id}", {"subject": row.subject},
                 note, county_id=ctx.stored.id)
    return RedirectResponse("/rectifications", status_code=303)
