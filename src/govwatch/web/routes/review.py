"""问题审核: the findings queue (confirm / false alarm / severity), grade overrides with a reason, the audit log."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from govwatch.domain.model import FindingStatus, Severity
from govwatch.services import review
from govwatch.services.accounts import Viewer
from govwatch.store import audit
from govwatch.web.deps import Context, Ctx, RowId, form_admin, not_editor, parse_month
from govwatch.web.rendering import page

router = APIRouter(include_in_schema=False)


@router.get("/review", response_class=HTMLResponse)
def queue(request: Request, ctx: Ctx, status: str = "open", _=Depends(not_editor)) -> Response:
    statuses = [FindingStatus(status)] if status in FindingStatus.__members__.values() else list(FindingStatus)
    items = review.finding_queue(ctx.session, ctx.stored, statuses)
    return page(request, ctx, "review.html", items=items, status=status, subjects=_subjects(ctx),
                severities=list(Severity), message=request.query_params.get("msg", ""))


def _subjects(ctx: Context) -> dict[str, list[str]]:
    county = ctx.stored.county
    units = [u.name for u in county.units]
    return {"disclosure": units, "news": units, "new_media": [str(a.key) for a in county.accounts]}


@router.post("/review/findings/{finding_id}")
def verdict(ctx: Ctx, finding_id: RowId, verdict: FindingStatus = Form(...), severity: str = Form(""),
            user: Viewer = Depends(form_admin)) -> Response:
    chosen = Severity(severity) if severity in Severity.__members__.values() else None
    try:
        review.set_verdict(ctx.session, ctx.stored, finding_id, verdict, chosen, user.name)
    except LookupError as exc:
        raise HTTPException(404, str(exc)) from None
    return RedirectResponse("/review?msg=已记录审核结论", status_code=303)


@router.post("/review/overrides")
def override(ctx: Ctx, month: str = Form(...), annex: str = Form(...), subject: str = Form(...), grade: str = Form(...),
             reason: str = Form(""), user: Viewer = Depends(form_admin)) -> Response:
    try:
        review.override_grade(ctx.session, ctx.stored, parse_month(month), annex, subject, grade, reason,
                              user.name, datetime.now(UTC))
    except (ValueError, LookupError) as exc:
        raise HTTPException(422, str(exc)) from None
    return RedirectResponse("/review?msg=已调整等次", status_code=303)


@router.get("/audit", response_class=HTMLResponse)
def audit_log(request: Request, ctx: Ctx, _=Depends(not_editor)) -> Response:
    return page(request, ctx, "audit.html", entries=audit.latest(ctx.session, ctx.stored.id))
