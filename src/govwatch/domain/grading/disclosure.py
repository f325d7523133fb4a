"""附件1: 政府信息公开 — each unit's columns against the 任务分解表, judged in each cycle's window."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from govwatch.domain.county import Assignment
from govwatch.domain.grading.context import Judging
from govwatch.domain.grading.findings import counted_issues, issues_reason
from govwatch.domain.grading.reasons import Evidence, Graded, GradeOverride, Reason
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
            "disclosure.count",
            f"保障栏目{len(columns)}个，应更新{required}条，实际更新{actual}条，差额{surplus:+d}条",
            tuple(Evidence(p.id, p.title, p.published_at, p.url, c.assignment.column.name)
                  for c in columns for p in c.posts),
        )
    ]
    in_month = [p for c in columns for p in judging.within(c.posts)]
    failing = counted_issues(in_month, judging.include_suspects, rules.fail_severities)
    short = [c for c in columns if c.actual < c.required]
    if failing:
        reasons.append(issues_reason("disclosure.serious", "发布信息存在严重表述错误，评为" + labels.fail, failing))
        computed = labels.fail
    elif short and rules.fail_on_shortfall:
        names = "、".join(f"{c.assignment.column.name}（应{c.required}条，实{c.actual}条）" for c in short)
        reasons.append(Reason("disclosure.shortfall", f"栏目未按周期更新：{names}，评为{labels.fail}"))
        computed = labels.fail
    elif labels.excellent and rules.excellent_surplus is not None and surplus >= rules.excellent_surplus:
        reasons.append(Reason(
            "disclosure.excellent",
            f"实际更新条数比应更新条数多{surplus}条（≥{rules.excellent_surplus}条），评为{labels.excellent}",
        ))
        computed = labels.excellent
    else:
        if short:
            names = "、".join(c.assignment.column.name for c in short)
            reasons.append(Reason("disclosure.shortfall", f"未达更新要求的栏目：{names}（本规则下不影响等次）"))
        bar = f"，未达{labels.excellent}标准（需多{rules.excellent_surplus}条）" if labels.excellent and rules.excellent_surplus is not None else ""
        reasons.append(Reason("disclosure.pass", f"差额{surplus:+d}条{bar}，无严重表述错误，评为{labels.pass_}"))
        computed = labels.pass_
    return DisclosureGrade(unit, columns, required, actual, computed, tuple(reasons))
