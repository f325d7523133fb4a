"""The annual ledger (年度考核台账): each month's rectification items priced by the rules, and the year's grades."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from govwatch.domain.assessment import Ledger, deduction
from govwatch.domain.calendar import Month
from govwatch.domain.rectification import Status
from govwatch.services.evaluate import refresh_stale
from govwatch.services.rectification import item_overdue
from govwatch.store.counties import StoredCounty
from govwatch.store.history import year_grades
from govwatch.store.rectifications import find_items


def build_ledger(session: Session, stored: StoredCounty, year: int, as_of: datetime) -> Ledger:
    """Deductions of every notified item of `year` (withdrawn ones excepted); lateness judged at `as_of`."""
    refresh_stale(session, stored)  # the year's grades are read from rows of the current result version
    rules = stored.rules
    fails = {"disclosure": rules.disclosure.grades.fail, "news": rules.news.grades.fail,
             "new_media": rules.new_media.grades.fail}
    items = find_items(session, stored.id, year=year,
                       statuses=(Status.OPEN, Status.RESPONDED, Status.CLOSED))
    deductions = tuple(
        deduction(rules.assessment, Month.parse(row.month), row.annex, row.subject, row.unit, row.grade,
                  row.grade == fails[row.annex], len(row.problems), item_overdue(row, as_of))
        for row in items
    )
    grades = tuple(year_grades(session, stored.id, year))
    noticed = {row.month for row in find_items(session, stored.id, year=year)}
    missing = tuple(sorted({g.month for g in grades} - noticed))
    return Ledger(year, rules.assessment.name, deductions, grades, missing)
