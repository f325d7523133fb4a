"""问题审核: reviewers' verdicts on findings and grade overrides, each audited and re-graded at once.

A false-alarm verdict is stored on the finding (status `false_alarm`); `checking.false_alarms` reads
those verdicts back as suppressions, so later checks (re-runs and 先审后发) no longer raise it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from govwatch.domain.calendar import Month
from govwatch.domain.grading.reasons import GradeOverride
from govwatch.domain.model import FindingStatus, Severity
from govwatch.errors import NotFound
from govwatch.services.evaluate import evaluate_stored
from govwatch.services.overrides import record_override
from govwatch.store import audit
from govwatch.store.counties import StoredCounty
from govwatch.store.tables import FindingRow, PostRow


@dataclass(frozen=True)
class QueueItem:
    finding: FindingRow
    post: PostRow


def finding_queue(session: Session, stored: StoredCounty, statuses: Collection[FindingStatus],
                  unit_id: int | None = None, limit: int = 200) -> list[QueueItem]:
    """Findings of the county in those statuses, newest posts first (optionally of one unit)."""
    query = (
        select(FindingRow, PostRow).join(PostRow, PostRow.id == FindingRow.post_id)
        .where(PostRow.county_id == stored.id, FindingRow.status.in_([s.value for s in statuses]))
    )
    if unit_id is not None:
        query = query.where(PostRow.unit_id == unit_id)
    rows = session.execute(query.order_by(PostRow.published_at.desc(), FindingRow.start).limit(limit))
    return [QueueItem(f, p) for f, p in rows]


def get_finding(session: Session, stored: StoredCounty, finding_id: int) -> QueueItem:
    found = session.execute(
        select(FindingRow, PostRow).join(PostRow, PostRow.id == FindingRow.post_id)
        .where(FindingRow.id == finding_id, PostRow.county_id == stored.id)
    ).first()
    if found is None:
        raise NotFound(f"没有编号为 {finding_id} 的问题")
    return QueueItem(found[0], found[1])


def _month_of(stored: StoredCounty, moment: datetime) -> Month:
    return Month.of(moment.astimezone(ZoneInfo(stored.county.county.timezone)).date())


def set_verdict(session: Session, stored: StoredCounty, finding_id: int, status: FindingStatus,
                severity: Severity | None, by: str) -> FindingRow:
    """Confirm a finding or mark it a false alarm (and optionally re-rate it); the post's month is re-graded."""
    item = get_finding(session, stored, finding_id)
    finding = item.finding
    before = {"status": finding.status, "severity": finding.severity}
    finding.status = status.value
    if severity is not None:
        finding.severity = severity.value
    after = {"status": finding.status, "severity": finding.severity}
    audit.record(session, by, "finding.verdict", f"finding:{finding.id}",
                 {"before": before, "after": after, "wrong": finding.wrong, "post_id": item.post.id},
                 county_id=stored.id)
    session.flush()
    evaluate_stored(session, stored, _month_of(stored, item.post.published_at))
    return finding


def override_grade(session: Session, stored: StoredCounty, month: Month, annex: str, subject: str, grade: str,
                   reason: str, by: str, at: datetime) -> GradeOverride:
    """Adjust a grade (the reason is mandatory: GradeOverride refuses an empty one), audit it, re-grade the month."""
    fixed = record_override(session, stored, month, GradeOverride(annex, subject, grade, reason, by, at))
    audit.record(session, by, "grade.override", f"{month}/{annex}/{fixed.subject}", {"grade": grade}, reason,
                 county_id=stored.id)
    evaluate_stored(session, stored, month)
    return fixed
