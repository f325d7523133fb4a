"""Reading stored text findings of chosen posts, as the domain reads them."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from govwatch.domain.model import FindingStatus, Severity, TextIssue
from govwatch.store.tables import FindingRow

_CHUNK = 500


def issues_of_posts(session: Session, post_ids: Iterable[int]) -> dict[int, tuple[TextIssue, ...]]:
    """The findings of each post in `post_ids`, in text order."""
    ids = sorted(set(post_ids))
    found: dict[int, list[TextIssue]] = {}
    for i in range(0, len(ids), _CHUNK):
        rows = session.scalars(
            select(FindingRow).where(FindingRow.post_id.in_(ids[i : i + _CHUNK])).order_by(FindingRow.post_id, FindingRow.start)
        )
        for f in rows:
            found.setdefault(f.post_id, []).append(
                TextIssue(f.type, Severity(f.severity), f.certain, f.wrong, f.suggestion, FindingStatus(f.status))
            )
    return {post_id: tuple(items) for post_id, items in found.items()}
