"""Checking stored posts again (the proofreader's data or the county's words changed), keeping reviewers' work.

`store.findings.reconcile_findings` keeps what reviewers decided: a finding met again keeps its row, a
reviewed one no longer met stays as the record of the verdict. Running it twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from govwatch.proofread import Proofreader
from govwatch.services.checking import findings_of_rows
from govwatch.store.findings import reconcile_findings
from govwatch.store.tables import PostRow


def recheck_posts(session: Session, rows: Sequence[PostRow], proofreader: Proofreader) -> tuple[int, int]:
    """Check `rows` again and reconcile their stored findings; returns (findings added, findings removed)."""
    return reconcile_findings(session, findings_of_rows(session, rows, proofreader))
