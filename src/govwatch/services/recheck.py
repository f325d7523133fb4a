"""Checking stored posts again (the proofreader's data or the county's words changed), keeping reviewers' work.

`store.findings.reconcile_findings` keeps what reviewers decided: a finding met again keeps its row, a
reviewed one no longer met stays as the record of the verdict. Running it twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from govwatch.proofread import Proofreader
from govwatch.services.attachment_checking import stored_attachment_findings
from govwatch.services.checking import post_text
from govwatch.store.findings import reconcile_findings
from govwatch.store.tables import PostRow, utcnow


def recheck_posts(session: Session, rows: Sequence[PostRow], proofreader: Proofreader) -> tuple[int, int]:
    """Check `rows` again and reconcile their stored findings; returns (findings added, findings removed)."""
    now = utcnow()
    attached = stored_attachment_findings(session, rows, proofreader, lambda row: post_text(row.title, row.text))
    found = {row.id: [*proofreader.check(post_text(row.title, row.text)), *attached.get(row.id, [])] for row in rows}
    for row in rows:
        row.checked_at = now
    return reconcile_findings(session, found)
