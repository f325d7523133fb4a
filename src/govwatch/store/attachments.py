"""Attached files (附件) as stored: the text read from each file an article links, kept with its post.

Stored rather than checked once and dropped, so the workers' checking queue (a crawl without a
proofreader) and `govwatch recheck` check them again like the post's own text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from govwatch.domain.attachments import AttachmentText
from govwatch.store.tables import Base, UtcDateTime, utcnow


class AttachmentRow(Base):
    """One readable file linked from a post's page, with the text that was checked."""

    __tablename__ = "post_attachments"
    __table_args__ = (UniqueConstraint("post_id", "url"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    filename: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    truncated: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    def as_text(self) -> AttachmentText:
        return AttachmentText(url=self.url, filename=self.filename, text=self.text, truncated=self.truncated)


def save_attachments(session: Session, post_id: int, texts: Iterable[AttachmentText]) -> list[AttachmentRow]:
    """Store the post's readable attachments not stored yet (by URL); returns the new rows."""
    known = set(session.scalars(select(AttachmentRow.url).where(AttachmentRow.post_id == post_id)))
    rows = []
    for text in texts:
        if text.unreadable is None and text.url not in known:
            known.add(text.url)
            rows.append(AttachmentRow(post_id=post_id, url=text.url[:2000], filename=text.filename[:500],
                                      text=text.text, truncated=text.truncated))
    session.add_all(rows)
    session.flush()
    return rows


def attachments_of(session: Session, post_ids: Sequence[int]) -> dict[int, list[AttachmentText]]:
    """Each post's stored attachments, in the order they were stored."""
    found: dict[int, list[AttachmentText]] = defaultdict(list)
    for i in range(0, len(post_ids), 500):
        for row in session.scalars(select(AttachmentRow).where(AttachmentRow.post_id.in_(post_ids[i:i + 500]))
                                   .order_by(AttachmentRow.id)):
            found[row.post_id].append(row.as_text())
    return found
