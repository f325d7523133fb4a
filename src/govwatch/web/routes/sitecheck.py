"""网站自查: the latest `govwatch site-check` run of the county's portal — verdict, vetoes, deductions,
findings by kind — and the trend of its score over the stored runs."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from govwatch.domain.sitecheck.model import KIND_LABELS, SEVERITY_LABELS
from govwatch.store.sitecheck import latest_site_check, site_check_trend
from govwatch.web.charts import bars
from govwatch.web.deps import Ctx
from govwatch.web.rendering import page

router = APIRouter(include_in_schema=False)
SHOWN = 500  # findings listed on the page; the report (govwatch site-check --report) has them all


@router.get("/sitecheck", response_class=HTMLResponse)
def sitecheck_page(request: Request, ctx: Ctx) -> Response:
    latest = latest_site_check(ctx.session, ctx.stored.id)
    trend = site_check_trend(ctx.session, ctx.stored.id)
    kinds = Counter(f.kind for f in latest.findings) if latest else Counter()
    rank = {"veto": 0, "deduct": 1, "notice": 2}
    findings = sorted(latest.findings, key=lambda f: (rank[f.severity], f.kind, f.url))[:SHOWN] if latest else []
    return page(request, ctx, "sitecheck.html", latest=latest, findings=findings, shown=SHOWN,
                kind_bars=bars((KIND_LABELS.get(k, k), n) for k, n in kinds.most_common()),
                trend_bars=bars((f"{r.today:%m-%d}", round(r.total)) for r in trend), trend=trend,
                kind_labels=KIND_LABELS, site_severity_labels=SEVERITY_LABELS)
