"""Stored month evaluations: the grade result's rows, replaced whole for a month, so re-running never leaves a mix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from govwatch.domain.result import (
    GRADE_RESULT,
    SCHEMA_VERSION,
    DisclosureResult,
    MonthResult,
    NewMediaResult,
    NewsResult,
)
from govwatch.store.tables import CountyRow, EvaluationRow, PostRow


class StaleResult(LookupError):
    """A month's stored rows are of an older result version: re-evaluate it before reading (services/evaluate.py)."""


@dataclass(frozen=True)
class StoredResult:
    """A month's stored grade result, and which evaluation it is: its first row's id and when it was graded."""

    result: MonthResult
    record: int
    evaluated_at: datetime


def replace_month(session: Session, county_id: int, result: MonthResult) -> int:
    """Store the rows of a month's result, replacing the month's earlier ones; returns how many."""
    session.execute(delete(EvaluationRow).where(EvaluationRow.county_id == county_id,
                                                EvaluationRow.month == result.month))
    rows = result.rows()
    for row in rows:
        session.add(EvaluationRow(
            county_id=county_id, month=result.month, annex=row.annex, subject=row.subject,
            computed_grade=row.computed_grade, grade=row.grade, result=row.model_dump(mode="json"),
            schema_version=SCHEMA_VERSION,
        ))
    session.flush()
    return len(rows)


def stale_months(session: Session, county_id: int) -> list[str]:
    """Months with rows written by an older version of the result model (after an upgrade), oldest first."""
    return list(session.scalars(
        select(EvaluationRow.month).where(EvaluationRow.county_id == county_id,
                                          EvaluationRow.schema_version != SCHEMA_VERSION)
        .distinct().order_by(EvaluationRow.month)))


def has_month(session: Session, county_id: int, month: str) -> bool:
    return session.scalar(select(EvaluationRow.id).where(
        EvaluationRow.county_id == county_id, EvaluationRow.month == month).limit(1)) is not None


def read_row(row: EvaluationRow) -> DisclosureResult | NewsResult | NewMediaResult:
    """One stored row as its annex's result model."""
    if row.schema_version != SCHEMA_VERSION:
        raise StaleResult(f"{row.month} 的评定结果为旧版本（{row.schema_version}），需重新评定")
    return GRADE_RESULT.validate_python(row.result)


def stored_month(session: Session, county_id: int, month: str, rules: str) -> StoredResult | None:
    """The month's stored result in evaluation order (None: never evaluated); `rules` names the county's rules."""
    rows = list(session.scalars(select(EvaluationRow).where(
        EvaluationRow.county_id == county_id, EvaluationRow.month == month).order_by(EvaluationRow.id)))
    if not rows:
        return None
    return StoredResult(MonthResult.of(month, rules, [read_row(r) for r in rows]), rows[0].id,
                        max(r.evaluated_at for r in rows))


def inputs_changed_after(session: Session, county_id: int, start: datetime, end: datetime, at: datetime) -> bool:
    """Whether what a month is graded from changed after `at`: a post published in [start, end) was collected
    (new or updated) or checked later, or the county's configuration was loaded again."""
    posts = select(PostRow.id).where(
        PostRow.county_id == county_id, PostRow.published_at >= start, PostRow.published_at < end,
        (PostRow.collected_at > at) | (PostRow.checked_at > at)).limit(1)
    config = select(CountyRow.id).where(CountyRow.id == county_id, CountyRow.updated_at > at)
    return session.scalar(posts) is not None or session.scalar(config) is not None


@dataclass(frozen=True)
class StoredGrade:
    """One stored subject's grade of a month, with its annex's result row (the dashboard's read)."""

    annex: str
    subject: str
    grade: str
    result: DisclosureResult | NewsResult | NewMediaResult


def evaluated_months(session: Session, county_id: int) -> list[str]:
    """The months with stored grades ("YYYY-MM"), in no order."""
    return list(session.scalars(select(EvaluationRow.month).where(EvaluationRow.county_id == county_id).distinct()))


def month_version(session: Session, county_id: int, month: str) -> tuple[int, int | None, datetime | None]:
    """What identifies a month's stored rows (count, newest id, newest time): re-grading changes it."""
    count, newest, at = session.execute(
        select(func.count(), func.max(EvaluationRow.id), func.max(EvaluationRow.evaluated_at))
        .where(EvaluationRow.county_id == county_id, EvaluationRow.month == month)).one()
    return count, newest, at


def month_grades(session: Session, county_id: int, month: str, subjects: Sequence[str] | None) -> list[StoredGrade]:
    """A month's stored grades in evaluation order (of some subjects), each with its result row."""
    query = select(EvaluationRow).where(EvaluationRow.county_id == county_id, EvaluationRow.month == month)
    if subjects is not None:
        query = query.where(EvaluationRow.subject.in_(subjects))
    return [StoredGrade(row.annex, row.subject, row.grade, read_row(row))
            for row in session.scalars(query.order_by(EvaluationRow.id))]


def final_grades(session: Session, county_id: int, months: Sequence[str],
                 subjects: Sequence[str] | None) -> list[tuple[str, str, str, str]]:
    """(month, annex, subject, grade) of some months' stored grades, without their results (no JSON decoded)."""
    query = select(EvaluationRow.month, EvaluationRow.annex, EvaluationRow.subject, EvaluationRow.grade).where(
        EvaluationRow.county_id == county_id, EvaluationRow.month.in_(months))
    if subjects is not None:
        query = query.where(EvaluationRow.subject.in_(subjects))
    return [(m, annex, subject, grade)
            for m, annex, subject, grade in session.execute(query.order_by(EvaluationRow.month, EvaluationRow.id))]
