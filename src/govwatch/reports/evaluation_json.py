"""The evaluation contract (`govwatch evaluate --format json`) that other tools and checks read."""

from __future__ import annotations

from typing import Any

from govwatch.domain.evaluation import MonthEvaluation
from govwatch.domain.grading.reasons import Evidence, GradeOverride, Reason


def _evidence(item: Evidence) -> dict[str, Any]:
    return {
        "post_id": item.post_id,
        "title": item.title,
        "published_at": item.published_at.isoformat(),
        "url": item.url,
        "detail": item.detail,
    }


def reason_json(reason: Reason) -> dict[str, Any]:
    return {"rule": reason.rule, "text": reason.text, "evidence": [_evidence(e) for e in reason.evidence]}


def override_json(override: GradeOverride | None, computed: str) -> dict[str, Any] | None:
    if override is None:
        return None
    return {
        "grade": override.grade,
        "computed": computed,
        "reason": override.reason,
        "by": override.by,
        "at": override.at.isoformat(),
    }


def _share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def summary_json(evaluation: MonthEvaluation) -> dict[str, Any]:
    """Totals and grade counts, computed from the same rows as the tables."""
    def grades(rows) -> dict[str, int]:
        out: dict[str, int] = {}
        for row in rows:
            out[row.grade] = out.get(row.grade, 0) + 1
        return out

    media = evaluation.new_media
    total = sum(g.total for g in media)
    original = sum(g.original for g in media)
    reposts = sum(g.reposts for g in media)
    return {
        "disclosure": {
            "units": len(evaluation.disclosure),
            "items": sum(g.actual for g in evaluation.disclosure),
            "items_published_in_month": evaluation.disclosure_published_in_month,
            "grades": grades(evaluation.disclosure),
        },
        "news": {
            "units": len(evaluation.news),
            "items": sum(len(g.posts) for g in evaluation.news),
            "grades": grades(evaluation.news),
        },
        "new_media": {
            "accounts": len(media),
            "total": total,
            "original": original,
            "original_share": _share(original, total),
            "reposts": reposts,
            "reposts_share": _share(reposts, total),
            "grades": grades(media),
        },
    }


def evaluation_json(evaluation: MonthEvaluation) -> dict[str, Any]:
    """The month as the documented JSON contract; `grade` is always the final one."""
    return {
        "month": str(evaluation.month),
        "rules": evaluation.rules.name,
        "disclosure": [
            {
                "unit": g.unit,
                "columns": [
                    {
                        "column": c.assignment.column.name,
                        "cycle": str(c.assignment.cycle),
                        "required": c.required,
                        "actual": c.actual,
                    }
                    for c in g.columns
                ],
                "required": g.required,
                "actual": g.actual,
                "grade": g.grade,
                "computed_grade": g.computed,
                "reasons": [reason_json(r) for r in g.reasons],
                "override": override_json(g.override, g.computed),
            }
            for g in evaluation.disclosure
        ],
        "news": [
            {
                "unit": g.unit,
                "posts": len(g.posts),
                "grade": g.grade,
                "computed_grade": g.computed,
                "reasons": [reason_json(r) for r in g.reasons],
                "override": override_json(g.override, g.computed),
            }
            for g in evaluation.news
        ],
        "new_media": [
            {
                "account": g.account.name,
                "platform": g.account.platform.value,
                "unit": g.unit,
                "original": g.original,
                "recommended": g.recommended,
                "reposts": g.reposts,
                "other_reposts": g.other_reposts,
                "total": g.total,
                "problems": list(g.problems),
                "grade": g.grade,
                "computed_grade": g.computed,
                "reasons": [reason_json(r) for r in g.reasons],
                "override": override_json(g.override, g.computed),
            }
            for g in evaluation.new_media
        ],
        "summary": summary_json(evaluation),
    }
