"""问题审核: reviewers' verdicts on findings and grade overrides, each audited and re-graded at once.

A false-alarm verdict is stored on the finding (status `false_alarm`); `checking.false_alarms` reads
those verdicts back as suppressions, so later checks (re-runs and 先审后发) no longer raise it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from govwatch.domain.calendar import Month
from govwatch.domain.grading.reasons import GradeOverride
from govwatch.domain.model import Finding, FindingStatus, Severity
from govwatch.services.evaluate import evaluate_stored
from govwatch.services.overrides import record_override
from govwatch.store import audit
from govwatch.store.counties import StoredCounty
from govwatch.store.findings import QueuedFinding, get_finding, queued_findings, save_verdict


def finding_queue(session: Session, stored: StoredCounty, statuses: Collection[FindingStatus],
                  unit_id: int | None = None, limit: int = 200) -> list[QueuedFinding]:
    """Findings of the county in those statuses, newest posts first (optionally of one unit)."""
    return queued_findings(session, stored.id, statuses, unit_id, limit)


def _month_of(stored: StoredCounty, moment: datetime) -> Month:
    return Month.of(moment.astimezone(ZoneInfo(stored.county.county.timezone)).date())


def set_verdict(session: Session, stored: StoredCounty, finding_id: int, status: FindingStatus,
                severity: Severity | None, by: str) -> Finding:
    """Confirm a finding or mark it a false alarm (and optionally re-rate it); the post's month is re-graded."""
    item = get_finding(session, stored.id, finding_id)
    before = item.finding
    after = replace(before, status=status, severity=severity or before.severity)
    save_verdict(session, after)
    audit.record(session, by, "finding.verdict", f"finding:{after.id}",
                 {"before": {"status": before.status.value, "severity": before.severity.value},
                  "after": {"status": after.status.value, "severity": after.severity.value},
                  "wrong": after.wrong, "post_id": after.post_id},
                 county_id=stored.id)
    session.flush()
    evaluate_stored(session, stored, _month_of(stored, item.published_at))
    return after


def override_grade(session: Session, stored: StoredCounty, month: Month, annex: str, subject: str, grade: str,
                   reason: str, by: str, at: datetime) -> GradeOverride:
    """Adjust a grade (the reason is mandatory: GradeOverride refuses an empty one), audit it, re-grade the month."""
    fixed = record_override(session, stored, month, GradeOverride(annex, subject, grade, reason, by, at))
    audit.record(session, by, "grade.override", f"{month}/{annex}/{fixed.subject}", {"grade": grade}, reason,
                 county_id=stored.id)
    evaluate_stored(session, stored, month)
    return fixed
