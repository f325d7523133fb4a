"""The grade result of a month (domain/result.py) made from its evaluation, with the words applied.

`month_result` is what `evaluate` stores and `govwatch evaluate --format json` prints (the evaluation
contract, README): the domain's reasons and problems as data, each with its words from reports/wording.py.
"""

from __future__ import annotations

from typing import Any

from govwatch.domain.evaluation import MonthEvaluation
from govwatch.domain.grading.disclosure import DisclosureGrade
from govwatch.domain.grading.new_media import NewMediaGrade
from govwatch.domain.grading.news import NewsGrade
from govwatch.domain.grading.reasons import Evidence, GradeOverride, Problem, Reason
from govwatch.domain.result import (
    ColumnFigureResult,
    ColumnResult,
    DaysResult,
    DisclosureResult,
    EvidenceResult,
    IssueResult,
    MonthResult,
    NewMediaResult,
    NewsResult,
    OverrideResult,
    ProblemResult,
    ReasonResult,
)
from govwatch.domain.rules import NewMediaWording
from govwatch.reports.wording import Wording, problem_text, wording


def _evidence(item: Evidence, words: Wording) -> EvidenceResult:
    issue = item.issue
    kind = item.post_kind.value if item.post_kind else None
    detail = words.evidence_detail(item.role.value, item.column, kind, issue.wrong if issue else "",
                                   issue.suggestion if issue else "")
    found = IssueResult(severity=issue.severity, wrong=issue.wrong, suggestion=issue.suggestion,
                        finding_id=issue.finding_id) if issue else None
    return EvidenceResult(
        post_id=item.post_id, title=item.title, published_at=item.published_at, url=item.url, role=item.role,
        column=item.column, post_kind=item.post_kind, issue=found, detail=detail,
    )


def _reason(reason: Reason, words: Wording) -> ReasonResult:
    return ReasonResult(
        rule=reason.kind, figures=dict(reason.figures), grade=reason.grade,
        days=[DaysResult(start=d.start, end=d.end) for d in reason.days],
        columns=[ColumnFigureResult(column=c.column, required=c.required, actual=c.actual) for c in reason.columns],
        severities=dict(reason.severities), note=reason.note,
        evidence=[_evidence(e, words) for e in reason.evidence], text=words.reason(reason),
    )


def _problem(problem: Problem, words: Wording, county_words: NewMediaWording) -> ProblemResult:
    days = DaysResult(start=problem.days.start, end=problem.days.end) if problem.days else None
    return ProblemResult(kind=problem.kind, days=days, evidence=[_evidence(e, words) for e in problem.evidence],
                         text=problem_text(problem.kind.value, problem.days, county_words))


def _override(override: GradeOverride | None, computed: str) -> OverrideResult | None:
    if override is None:
        return None
    return OverrideResult(grade=override.grade, computed=computed, reason=override.reason, by=override.by,
                          at=override.at)


def _graded(g: DisclosureGrade | NewsGrade | NewMediaGrade, words: Wording) -> dict[str, Any]:
    return {"grade": g.grade, "computed_grade": g.computed, "reasons": [_reason(r, words) for r in g.reasons],
            "override": _override(g.override, g.computed)}


def disclosure_result(g: DisclosureGrade, words: Wording) -> DisclosureResult:
    columns = [ColumnResult(column=c.assignment.column.name, cycle=str(c.assignment.cycle), required=c.required,
                            actual=c.actual) for c in g.columns]
    return DisclosureResult(unit=g.unit, columns=columns, required=g.required, actual=g.actual,
                            published_in_month=g.published_in_month, **_graded(g, words))


def news_result(g: NewsGrade, words: Wording) -> NewsResult:
    return NewsResult(unit=g.unit, posts=len(g.posts), **_graded(g, words))


def new_media_result(g: NewMediaGrade, words: Wording, county_words: NewMediaWording) -> NewMediaResult:
    return NewMediaResult(
        account=g.account.name, platform=g.account.platform, unit=g.unit, original=g.original,
        recommended=g.recommended, reposts=g.reposts, other_reposts=g.other_reposts, total=g.total,
        problems=[_problem(p, words, county_words) for p in g.problems], **_graded(g, words),
    )


def month_result(evaluation: MonthEvaluation) -> MonthResult:
    """The month's grade result, in table order, with every reason, problem and evidence line worded."""
    words, county_words = wording(), evaluation.rules.new_media.wording
    rows: list[DisclosureResult | NewsResult | NewMediaResult] = [
        *(disclosure_result(g, words) for g in evaluation.disclosure),
        *(news_result(g, words) for g in evaluation.news),
        *(new_media_result(g, words, county_words) for g in evaluation.new_media),
    ]
    return MonthResult.of(str(evaluation.month), evaluation.rules.name, rows)


def evaluation_json(evaluation: MonthEvaluation) -> dict[str, Any]:
    """The month as the documented JSON contract (the model's JSON, with `schema_version`)."""
    return month_result(evaluation).model_dump(mode="json")
