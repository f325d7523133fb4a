"""Text findings (文字问题) as stored: the one way rows become domain `Finding`s, and the queries on them.

Every reader (grading, the notice's failing posts, the review queue, the API) gets `Finding`s from
`finding_of`; the rows never leave store/.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from govwatch.domain.model import Finding, FindingStatus, Severity
from govwatch.errors import NotFound
from govwatch.store.tables import FindingRow, PostRow

_CHUNK = 500

COLUMNS = (FindingRow.id, FindingRow.post_id, FindingRow.rule, FindingRow.type, FindingRow.severity,
           FindingRow.certain, FindingRow.status, FindingRow.wrong, FindingRow.suggestion, FindingRow.start,
           FindingRow.line, FindingRow.offset, FindingRow.length, FindingRow.explanation)
"""What a `Finding` is read from: select these (Core, fast) or load a `FindingRow` (ORM); both read alike."""


def finding_of(row: Any) -> Finding:
    """The domain finding of a stored one: a `FindingRow` or a Core row of `COLUMNS`."""
    return Finding(
        type=row.type, severity=Severity(row.severity), certain=row.certain, wrong=row.wrong,
        suggestion=row.suggestion, status=FindingStatus(row.status), rule=row.rule, start=row.start, line=row.line,
        offset=row.offset, length=row.length, explanation=row.explanation, id=row.id, post_id=row.post_id,
    )


def issues_of_posts(session: Session, post_ids: Iterable[int]) -> dict[int, tuple[Finding, ...]]:
    """The findings of each post in `post_ids`, in text order."""
    ids = sorted(set(post_ids))
    found: dict[int, list[Finding]] = {}
    for i in range(0, len(ids), _CHUNK):
        rows = session.execute(
            select(*COLUMNS).where(FindingRow.post_id.in_(ids[i : i + _CHUNK]))
            .order_by(FindingRow.post_id, FindingRow.start)
        )
        for row in rows:
            found.setdefault(row.post_id, []).append(finding_of(row))
    return {post_id: tuple(items) for post_id, items in found.items()}


def add_findings(session: Session, found: Mapping[int, Iterable[Finding]]) -> int:
    """Store the checker's findings of each post (`found`: post id → findings), one per (rule, position):
    the unique key of stored findings. One flush for them all; returns how many were stored."""
    added = sum(len(_add(session, post_id, findings, set())) for post_id, findings in found.items())
    session.flush()
    return added


def _add(session: Session, post_id: int, findings: Iterable[Finding], known: set[tuple[str, int]]) -> list[FindingRow]:
    rows = []
    for f in findings:
        if (f.rule, f.start) in known:
            continue
        known.add((f.rule, f.start))
        rows.append(FindingRow(
            post_id=post_id, rule=f.rule, type=f.type, severity=f.severity.value, certain=f.certain, wrong=f.wrong,
            suggestion=f.suggestion, start=f.start, line=f.line, offset=f.offset, length=f.length,
            explanation=f.explanation,
        ))
    session.add_all(rows)
    return rows


def reconcile_findings(session: Session, found: Mapping[int, Sequence[Finding]]) -> tuple[int, int]:
    """Make each post's stored findings those the checker met now (`found`: post id → findings), keeping
    reviewers' work: a finding met again keeps its row (verdict, id); a new one is added; an open one no
    longer met goes; a reviewed one no longer met stays, as the record of the verdict. Returns (added, removed)."""
    stored: dict[int, dict[tuple[str, int], FindingRow]] = {post_id: {} for post_id in found}
    ids = sorted(found)
    for i in range(0, len(ids), _CHUNK):
        for row in session.scalars(select(FindingRow).where(FindingRow.post_id.in_(ids[i : i + _CHUNK]))):
            stored[row.post_id][(row.rule, row.start)] = row
    added = removed = 0
    for post_id, findings in found.items():
        added += len(_add(session, post_id, findings, set(stored[post_id])))
        met = {(f.rule, f.start) for f in findings}
        for key, row in stored[post_id].items():
            if key not in met and row.status == FindingStatus.OPEN.value:
                session.delete(row)
                removed += 1
    session.flush()
    return added, removed


def false_alarm_pairs(session: Session, county_id: int) -> list[tuple[str, str]]:
    """(rule, wrong) of every finding of the county a reviewer judged a false alarm, once each."""
    rows = session.execute(
        select(FindingRow.rule, FindingRow.wrong)
        .join(PostRow, PostRow.id == FindingRow.post_id)
        .where(PostRow.county_id == county_id, FindingRow.status == FindingStatus.FALSE_ALARM.value)
        .distinct()
    )
    return [(rule, wrong) for rule, wrong in rows]


@dataclass(frozen=True)
class QueuedFinding:
    """A finding in the review queue with what the reviewer sees of its post (a read model, no row)."""

    finding: Finding
    post_title: str
    post_url: str | None
    published_at: datetime
    unit_id: int


def _queued(query) -> Any:
    return query.add_columns(PostRow.title, PostRow.url, PostRow.published_at, PostRow.unit_id)


def _queued_of(row: Any) -> QueuedFinding:
    return QueuedFinding(finding_of(row), row.title, row.url, row.published_at, row.unit_id)


def queued_findings(session: Session, county_id: int, statuses: Collection[FindingStatus], unit_id: int | None = None,
                  limit: int = 200) -> list[QueuedFinding]:
    """Findings of the county in those statuses, newest posts first (optionally of one unit)."""
    query = _queued(select(*COLUMNS)).join(PostRow, PostRow.id == FindingRow.post_id).where(
        PostRow.county_id == county_id, FindingRow.status.in_([s.value for s in statuses]))
    if unit_id is not None:
        query = query.where(PostRow.unit_id == unit_id)
    rows = session.execute(query.order_by(PostRow.published_at.desc(), FindingRow.start).limit(limit))
    return [_queued_of(row) for row in rows]


def get_finding(session: Session, county_id: int, finding_id: int) -> QueuedFinding:
    """One finding of the county; LookupError names the id when there is none."""
    found = session.execute(
        _queued(select(*COLUMNS)).join(PostRow, PostRow.id == FindingRow.post_id)
        .where(FindingRow.id == finding_id, PostRow.county_id == county_id)
    ).first()
    if found is None:
        raise NotFound(f"没有编号为 {finding_id} 的问题")
    return _queued_of(found)


def save_verdict(session: Session, finding: Finding) -> None:
    """Store a reviewer's verdict and severity on the finding's row."""
    row = session.get(FindingRow, finding.id)
    if row is None:
        raise NotFound(f"没有编号为 {finding.id} 的问题")
    row.status, row.severity = finding.status.value, finding.severity.value
    session.flush()
