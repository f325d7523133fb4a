"""Stored month evaluations: replaced whole for a month, so re-running never leaves a mix."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from govwatch.domain.evaluation import ANNEXES
from govwatch.domain.model import AccountKey, Platform
from govwatch.store.tables import EvaluationRow


def _subject(annex: str, row: dict[str, Any]) -> str:
    if annex == "new_media":
        return str(AccountKey(row["account"], Platform(row["platform"])))
    return row["unit"]


def replace_month(session: Session, county_id: int, contract: dict[str, Any]) -> int:
    """Store the rows of an evaluation (its JSON contract), replacing the month's earlier ones."""
    month = contract["month"]
    session.execute(delete(EvaluationRow).where(EvaluationRow.county_id == county_id, EvaluationRow.month == month))
    count = 0
    for annex in ANNEXES:
        for row in contract[annex]:
            session.add(EvaluationRow(
                county_id=county_id, month=month, annex=annex, subject=_subject(annex, row),
                computed_grade=row["computed_grade"], grade=row["grade"], result=row,
            ))
            count += 1
    session.flush()
    return count
