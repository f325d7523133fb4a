"""Manual grade adjustments (人工调整): every one kept, the latest per subject and month applies."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from govwatch.domain.calendar import Month
from govwatch.domain.grading.reasons import GradeOverride
from govwatch.store.tables import OverrideRow


def add_override(session: Session, county_id: int, month: Month, override: GradeOverride) -> None:
    """Record an adjustment; an identical one already recorded (same grade, reason, author) is not repeated."""
    same = session.scalar(select(OverrideRow).where(
        OverrideRow.county_id == county_id, OverrideRow.month == str(month), OverrideRow.annex == override.annex,
        OverrideRow.subject == override.subject, OverrideRow.grade == override.grade,
        OverrideRow.reason == override.reason, OverrideRow.by == override.by,
    ))
    if same is None:
        session.add(OverrideRow(
            county_id=county_id, month=str(month), annex=override.annex, subject=override.subject,
            grade=override.grade, reason=override.reason, by=override.by, at=override.at,
        ))
        session.flush()


def override_history(session: Session, county_id: int, month: Month) -> list[GradeOverride]:
    """Every adjustment of the month, oldest first."""
    rows = session.scalars(
        select(OverrideRow)
        .where(OverrideRow.county_id == county_id, OverrideRow.month == str(month))
        .order_by(OverrideRow.at, OverrideRow.id)
    )
    return [GradeOverride(r.annex, r.subject, r.grade, r.reason, r.by, r.at) for r in rows]


def current_overrides(session: Session, county_id: int, month: Month) -> list[GradeOverride]:
    """The adjustment in force for each subject: the latest."""
    latest: dict[tuple[str, str], GradeOverride] = {}
    for override in override_history(session, county_id, month):
        latest[(override.annex, override.subject)] = override
    return list(latest.values())

