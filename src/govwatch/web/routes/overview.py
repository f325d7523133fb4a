"""月度总览: the month's three annexes, counts, charts and changes; the notice and annexes to download."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.background import BackgroundTask

from govwatch.domain.model import UnitKind
from govwatch.services.dashboard import evaluated_months, month_view, post_counts
from govwatch.services.report import EmptyMonth, NotEvaluated, write_report
from govwatch.web.charts import bars, year_failures
from govwatch.web.deps import Ctx, default_month, not_editor, parse_month
from govwatch.web.rendering import annex_labels, page

router = APIRouter(include_in_schema=False)

_DOWNLOADS = {
    "notice.docx": ("notice", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "annexes.xlsx": ("annexes", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@router.get("/")
def home(ctx: Ctx) -> Response:
    return RedirectResponse(f"/months/{default_month(ctx)}", status_code=303)


@router.get("/months/{month}", response_class=HTMLResponse)
def month_page(request: Request, ctx: Ctx, month: str, kind: str = "") -> Response:
    chosen = parse_month(month)
    scope = {ctx.viewer.unit_id} if ctx.viewer.unit_id else None
    kinds = [k.value for k in UnitKind]
    view = month_view(ctx.session, ctx.stored, chosen, kind if kind in kinds else None, scope)
    names = {uid: name for name, uid in ctx.stored.unit_ids.items()}
    counts = post_counts(ctx.session, ctx.stored, chosen)
    shown = {r.unit_id for rows in view.rows.values() for r in rows}
    per_unit = sorted(((names[u], n) for u, n in counts.items() if u in shown), key=lambda x: -x[1])
    fails = {annex: labels.fail for annex, labels in annex_labels(ctx.stored).items()}
    return page(request, ctx, "overview.html", view=view, months=evaluated_months(ctx.session, ctx.stored),
                kinds=kinds, kind=kind, grade_bars={a: bars(c.items()) for a, c in view.counts.items()},
                unit_bars=bars(per_unit[:30]), trend=year_failures(ctx.session, ctx.stored, chosen, fails, scope))


@router.get("/months/{month}/{name}")
def download(request: Request, ctx: Ctx, month: str, name: str,
             _=Depends(not_editor)) -> Response:
    """The notice (.docx) or the annexes (.xlsx), written by the reports code into a temporary folder."""
    if name not in _DOWNLOADS:
        raise HTTPException(404, "没有这个文件")
    chosen = parse_month(month)
    folder = tempfile.TemporaryDirectory()
    try:
        # A GET stores nothing: it shows the month's stored result and opens no rectification item.
        files = write_report(request.app.state.db, chosen, Path(folder.name),
                             ctx.stored.county.county.name, pdf=False, record=False)
    except (EmptyMonth, NotEvaluated) as exc:
        folder.cleanup()
        raise HTTPException(404, str(exc)) from None
    except BaseException:
        folder.cleanup()
        raise
    kind, media = _DOWNLOADS[name]
    path = files.notice if kind == "notice" else files.annexes
    return FileResponse(path, media_type=media, filename=path.name, background=BackgroundTask(folder.cleanup))
