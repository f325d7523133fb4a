"""The annual assessment (年度考核): the points a notified problem costs a unit, as the rules set them."""

from __future__ import annotations

from dataclasses import dataclass

from govwatch.domain.calendar import Month
from govwatch.domain.rules import AssessmentRules


@dataclass(frozen=True)
class Deduction:
    """One rectification item's cost: the failing grade, its problems, a late answer."""

    month: Month
    annex: str
    subject: str
    unit: str
    grade: str
    failed: bool
    problems: int
    overdue: bool
    points: float


def deduction(
    rules: AssessmentRules, month: Month, annex: str, subject: str, unit: str, grade: str,
    failed: bool, problems: int, overdue: bool,
) -> Deduction:
    """Points for one item: `fail` if the grade is the annex's failing one, `per_problem` each, and lateness."""
    points = getattr(rules, annex)
    total = (points.fail if failed else 0) + points.per_problem * problems
    total += rules.overdue_rectification if overdue else 0
    return Deduction(month, annex, subject, unit, grade, failed, problems, overdue, round(total, 2))


@dataclass(frozen=True)
class MonthGrade:
    """A subject's final grade in a month, as stored: the rows of the year's month-over-month view."""

    month: str
    annex: str
    subject: str
    unit: str
    grade: str


@dataclass(frozen=True)
class Ledger:
    """A year's deductions by item, the grades behind them, and evaluated months no notice was made for."""

    year: int
    assessment: str
    deductions: tuple[Deduction, ...]
    grades: tuple[MonthGrade, ...]
    months_without_items: tuple[str, ...]

    def unit_totals(self) -> dict[str, dict[int, float]]:
        """Points per unit and month (1–12), units by total deducted, most first."""
        table: dict[str, dict[int, float]] = {}
        for d in self.deductions:
            months = table.setdefault(d.unit, {})
            months[d.month.month] = round(months.get(d.month.month, 0) + d.points, 2)
        return dict(sorted(table.items(), key=lambda item: (-sum(item[1].values()), item[0])))
