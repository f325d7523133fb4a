"""Jinja2 pages: one environment, filters for dates and labels, and the context every page gets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from govwatch.collect.extract.links import web_url
from govwatch.domain.model import FindingStatus
from govwatch.domain.rectification import STATUS_LABELS, Status
from govwatch.domain.rules import DisclosureRules, NewMediaRules, NewsRules
from govwatch.proofread.findings import SEVERITY_LABELS, TYPE_LABELS
from govwatch.services.overrides import ANNEX_NAMES
from govwatch.store.counties import StoredCounty
from govwatch.web.deps import Context

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.auto_reload = False  # packaged templates do not change under a running server: no stat per page
templates.env.tests["web_url"] = web_url  # `{% if url is web_url %}`: only http(s) addresses become links
VERDICT_LABELS = {FindingStatus.OPEN: "待审核", FindingStatus.CONFIRMED: "已确认", FindingStatus.FALSE_ALARM: "误报"}


def annex_labels(stored: StoredCounty) -> dict[str, Any]:
    """Each annex's grade labels (优秀/合格/不合格 or 差), as the county's rules name them."""
    rules: dict[str, DisclosureRules | NewsRules | NewMediaRules] = {"disclosure": stored.rules.disclosure, "news": stored.rules.news, "new_media": stored.rules.new_media}
    return {annex: r.grades for annex, r in rules.items()}


def grade_class(labels: dict[str, Any], annex: str, grade: str) -> str:
    """CSS class of a grade: the annex's fail label is bad, its top one good."""
    names = labels[annex]
    if grade == names.fail:
        return "grade-bad"
    return "grade-good" if grade == names.excellent else "grade-ok"


def _local(stored: StoredCounty):
    zone = ZoneInfo(stored.county.county.timezone)

    def local(moment: datetime | None, pattern: str = "%Y-%m-%d %H:%M") -> str:
        return moment.astimezone(zone).strftime(pattern) if moment else ""

    return local


def page(request: Request, ctx: Context, name: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    """Render a signed-in page with the viewer, the CSRF token for its forms and the shared labels."""
    labels = annex_labels(ctx.stored)
    values.update(
        viewer=ctx.viewer, csrf=ctx.viewer.csrf, county=ctx.stored.county.county, annex_names=ANNEX_NAMES,
        grade_class=lambda annex, grade: grade_class(labels, annex, grade), local=_local(ctx.stored),
        type_labels=TYPE_LABELS, severity_labels=SEVERITY_LABELS, verdict_labels=VERDICT_LABELS,
        status_labels={s.value: label for s, label in STATUS_LABELS.items()}, grade_labels=labels,
        unit_ids=ctx.stored.unit_ids, Status=Status,
    )
    return templates.TemplateResponse(request, name, values, status_code=status_code)
