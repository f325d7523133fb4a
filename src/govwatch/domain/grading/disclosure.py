"""附件1: 政府信息公开 — each unit's columns against the 任务分解表, judged in each cycle's window."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from govwatch.domain.county import Assignment
from govwatch.domain.grading.context import Judging
from govwatch.domain.grading.findings import counted_issues, issues_reason
from govwatch.domain.grading.reasons import ColumnFigure, Evidence, Graded, GradeOverride, Reason, ReasonKind
from govwatch.domain.model import PostRecord
from govwatch.domain.rules import DisclosureRules


@dataclass(frozen=True)
class ColumnCount:
    """A column's quota and output in its window."""

    assignment: Assignment
    required: int
    actual: int
    posts: tuple[PostRecord, ...]


@dataclass(frozen=True)
class DisclosureGrade(Graded):
    unit: str
    columns: tuple[ColumnCount, ...]
    required: int
    actual: int
    computed: str
    reasons: tuple[Reason, ...]
    published_in_month: int = 0  # distinct items inside the month itself (windows may be longer)
    override: GradeOverride | None = None


def count_column(assignment: Assignment, posts: Sequence[PostRecord], judging: Judging) -> ColumnCount:
    """Items of `assignment`'s column by its unit inside the cycle's window."""
    window = assignment.cycle.window(judging.month)
    mine = [p for p in posts if p.column == assignment.column and p.unit == assignment.unit]
    inside = tuple(judging.within(mine, window))
    return ColumnCount(assignment, assignment.cycle.required(judging.month), len(inside), inside)


def grade_disclosure(
    unit: str,
    assignments: Sequence[Assignment],
    posts: Sequence[PostRecord],
    judging: Judging,
    rules: DisclosureRules,
) -> DisclosureGrade:
    """Grade one 保障单位: serious findings fail it, a large enough surplus makes it excellent."""
    columns = tuple(count_column(a, posts, judging) for a in assignments)
    required = sum(c.required for c in columns)
    actual = sum(c.actual for c in columns)
    surplus = actual - required
    labels = rules.grades
    reasons = [
        Reason(
            ReasonKind.DISCLOSURE_COUNT,
            {"column_count": len(columns), "required": required, "actual": actual, "surplus": surplus},
            evidence=tuple(Evidence(p.id, p.title, p.published_at, p.url, column=c.assignment.column.name)
                           for c in columns for p in c.posts),
        )
    ]
    in_month = [p for c in columns for p in judging.within(c.posts)]
    failing = counted_issues(in_month, judging.include_suspects, rules.fail_severities)
    short = tuple(ColumnFigure(c.assignment.column.name, c.required, c.actual) for c in columns if c.actual < c.required)
    if failing:
        reasons.append(issues_reason(ReasonKind.DISCLOSURE_SERIOUS, failing, labels.fail))
        computed = labels.fail
    elif short and rules.fail_on_shortfall:
        reasons.append(Reason(ReasonKind.DISCLOSURE_SHORTFALL, grade=labels.fail, columns=short))
        computed = labels.fail
    elif labels.excellent and rules.excellent_surplus is not None and surplus >= rules.excellent_surplus:
        reasons.append(Reason(ReasonKind.DISCLOSURE_EXCELLENT,
                              {"surplus": surplus, "excellent_surplus": rules.excellent_surplus},
                              grade=labels.excellent))
        computed = labels.excellent
    else:
        if short:  # noted, without a grade: it does not decide one under these rules
            reasons.append(Reason(ReasonKind.DISCLOSURE_SHORTFALL, columns=short))
        bar = labels.excellent and rules.excellent_surplus is not None
        figures = {"surplus": surplus} | ({"excellent_surplus": rules.excellent_surplus or 0} if bar else {})
        reasons.append(Reason(ReasonKind.DISCLOSURE_PASS, figures, grade=labels.pass_,
                              note=labels.excellent if bar else None))
        computed = labels.pass_
    return DisclosureGrade(unit, columns, required, actual, computed, tuple(reasons), len({p.id for p in in_month}))
