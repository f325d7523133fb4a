"""A year of stored grades: what each unit and account got month by month."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from govwatch.domain.assessment import MonthGrade
from govwatch.store.evaluations import read_row
from govwatch.store.tables import EvaluationRow


def year_grades(session: Session, county_id: int, year: int) -> list[MonthGrade]:
    """Every stored final grade of `year`, by month, annex and evaluation order (rows of the current result
    version: services re-evaluate older ones first)."""
    rows = session.scalars(
        select(EvaluationRow)
        .where(EvaluationRow.county_id == county_id, EvaluationRow.month.like(f"{year:04d}-%"))
        .order_by(EvaluationRow.month, EvaluationRow.id)
    )
    return [MonthGrade(r.month, r.annex, r.subject, read_row(r).unit, r.grade) for r in rows]
