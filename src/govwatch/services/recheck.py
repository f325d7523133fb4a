"""Checking stored posts again (the proofreader's data or the county's words changed), keeping reviewers' work.

A finding met again keeps its row, so its verdict (confirmed, false alarm) and its id stay; a new one
is added; an open one no longer met goes; a reviewed one no longer met stays, as the record of the
verdict. Running it twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from govwatch.domain.model import FindingStatus
from govwatch.proofread import Proofreader
from govwatch.services.attachment_checking import stored_attachment_findings
from govwatch.services.checking import finding_rows, post_text
from govwatch.store.tables import FindingRow, PostRow, utcnow


def recheck_posts(session: Session, rows: Sequence[PostRow], proofreader: Proofreader) -> tuple[int, int]:
    """Check `rows` again and reconcile their stored findings; returns (findings added, findings removed)."""
    now = utcnow()
    stored = {(f.post_id, f.rule, f.start): f for f in session.scalars(
        select(FindingRow).where(FindingRow.post_id.in_([row.id for row in rows])))}
    met: set[tuple[int, str, int]] = set()
    added = 0
    attached = stored_attachment_findings(session, rows, proofreader, lambda row: post_text(row.title, row.text))
    for row in rows:
        for finding in finding_rows(row.id, proofreader.check(post_text(row.title, row.text))) + attached.get(row.id, []):
            key = (row.id, finding.rule, finding.start)
            met.add(key)
            if key not in stored:
                session.add(finding)
                added += 1
        row.checked_at = now
    gone = [f for key, f in stored.items() if key not in met and f.status == FindingStatus.OPEN.value]
    for finding in gone:
        session.delete(finding)
    session.flush()
    return added, len(gone)
