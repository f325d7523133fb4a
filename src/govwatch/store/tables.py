"""The database schema (SQLAlchemy 2 declarative). Changes go through an Alembic migration."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UtcDateTime(TypeDecorator):
    """Aware datetimes stored as UTC; SQLite keeps no zone, so it is put back on load."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: give a time zone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class CountyRow(Base):
    """A tenant: one county with its configuration and rules as loaded."""

    __tablename__ = "counties"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    config: Mapped[dict] = mapped_column(JSON)
    rules: Mapped[dict] = mapped_column(JSON)
    notice_template: Mapped[str | None] = mapped_column(Text, nullable=True)  # notice.md.j2 as loaded
    lexicon: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # lexicon/ as loaded: allow, pairs
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class UnitRow(Base):
    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("county_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(10))
    aliases: Mapped[list] = mapped_column(JSON, default=list)


class ColumnRow(Base):
    """A portal column (栏目); `path` is channel/owner/name, unique in the county."""

    __tablename__ = "columns"
    __table_args__ = (UniqueConstraint("county_id", "path"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(String(300))
    channel: Mapped[str] = mapped_column(String(100))
    owner_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    name: Mapped[str] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(Text)


class AssignmentRow(Base):
    """A row of the 任务分解表."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("unit_id", "column_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    column_id: Mapped[int] = mapped_column(ForeignKey("columns.id"))
    cycle: Mapped[str] = mapped_column(String(20))


class AccountRow(Base):
    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("county_id", "name", "platform"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    name: Mapped[str] = mapped_column(String(100))
    platform: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str | None] = mapped_column(String(200))


class PostRow(Base):
    """A published item; `natural_key` (url, platform id or content hash) makes re-imports idempotent."""

    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("county_id", "natural_key"),
        Index("ix_posts_county_published", "county_id", "published_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    column_id: Mapped[int | None] = mapped_column(ForeignKey("columns.id"))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    natural_key: Mapped[str] = mapped_column(String(500))
    title: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(UtcDateTime)
    text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(10))
    content_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(200))
    collected_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    checked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    findings: Mapped[list[FindingRow]] = relationship(back_populates="post", cascade="all, delete-orphan")


class FindingRow(Base):
    """A text finding on a post (错别字, 规范表述, 个人信息 …) and the reviewer's verdict."""

    __tablename__ = "findings"
    __table_args__ = (UniqueConstraint("post_id", "rule", "start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    rule: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(20))
    severity: Mapped[str] = mapped_column(String(10))
    certain: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(20), default="open")
    wrong: Mapped[str] = mapped_column(Text)
    suggestion: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    offset: Mapped[int] = mapped_column(Integer)
    length: Mapped[int] = mapped_column(Integer)
    explanation: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    post: Mapped[PostRow] = relationship(back_populates="findings")


class EvaluationRow(Base):
    """A stored grade of a month: figures and reasons as JSON, replaced whole on re-evaluation."""

    __tablename__ = "evaluations"
    __table_args__ = (UniqueConstraint("county_id", "month", "annex", "subject"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))
    annex: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(200))
    computed_grade: Mapped[str] = mapped_column(String(10))
    grade: Mapped[str] = mapped_column(String(10))
    result: Mapped[dict] = mapped_column(JSON)
    # The grade result model's version the row was written with (domain/result.py); 0: the shape before it.
    schema_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    evaluated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class OverrideRow(Base):
    """A manual grade adjustment (人工调整); the latest for a subject and month applies, older ones stay as history."""

    __tablename__ = "overrides"
    __table_args__ = (Index("ix_overrides_lookup", "county_id", "month", "annex", "subject"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))
    annex: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(200))
    grade: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
    by: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class RectificationRow(Base):
    """A rectification item (整改): a unit or account named in a month's notice, what it covers, its answer.

    One per (county, month, annex, subject): regenerating a notice refreshes `problems` and keeps the
    unit's response and the status.
    """

    __tablename__ = "rectifications"
    __table_args__ = (UniqueConstraint("county_id", "month", "annex", "subject"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))
    annex: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(100))
    grade: Mapped[str] = mapped_column(String(10))
    problems: Mapped[list] = mapped_column(JSON)
    deadline: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(20), default="open")
    response: Mapped[str] = mapped_column(Text, default="")
    responded_by: Mapped[str] = mapped_column(String(100), default="")
    responded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_by: Mapped[str] = mapped_column(String(100), default="")
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


# --- collection ---
class CrawledPageRow(Base):
    """A portal page as last fetched: its validators for conditional requests and the post it became."""

    __tablename__ = "crawled_pages"
    __table_args__ = (UniqueConstraint("county_id", "url"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"))
    url: Mapped[str] = mapped_column(String(2000))
    column_id: Mapped[int | None] = mapped_column(ForeignKey("columns.id"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"))
    etag: Mapped[str | None] = mapped_column(String(300))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    content_hash: Mapped[str] = mapped_column(String(64))
    first_seen: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_fetched: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_changed: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    versions: Mapped[list[PageVersionRow]] = relationship(
        back_populates="page", cascade="all, delete-orphan", order_by="PageVersionRow.id"
    )


class PageVersionRow(Base):
    """One version of a page: the raw bytes (zlib) beside what was extracted, to replay extraction offline."""

    __tablename__ = "page_versions"
    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("crawled_pages.id", ondelete="CASCADE"), index=True)
    fetched_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    content_hash: Mapped[str] = mapped_column(String(64))
    encoding: Mapped[str] = mapped_column(String(40))
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    title: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    source: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(20))
    page: Mapped[CrawledPageRow] = relationship(back_populates="versions")


class FrontierRow(Base):
    """A request of the running crawl; rows left undone after a kill are where the next run resumes.

    `scope` (the hosts the run crawls) keeps apart the runs of one county that go on at once, such as
    the workers' per-host jobs: each resumes, and clears, only its own requests."""

    __tablename__ = "crawl_frontier"
    __table_args__ = (UniqueConstraint("county_id", "scope", "key_hash"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"))
    scope: Mapped[str] = mapped_column(Text, default="")
    key_hash: Mapped[str] = mapped_column(String(64))
    request: Mapped[dict] = mapped_column(JSON)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class CrawlFindingRow(Base):
    """A dead or non-government link on a page, or a page that could not be used; confirmed before stored."""

    __tablename__ = "crawl_findings"
    __table_args__ = (UniqueConstraint("county_id", "kind", "url", "page"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"))
    column_id: Mapped[int | None] = mapped_column(ForeignKey("columns.id"))
    kind: Mapped[str] = mapped_column(String(30))
    url: Mapped[str] = mapped_column(String(2000))
    page: Mapped[str] = mapped_column(String(2000), default="")
    status: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text, default="")
    first_seen: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    rechecked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class CollectFailureRow(Base):
    """An account's item that `govwatch ingest` could not read (a page that failed, a garbled entry):
    the next run reads back to its day again, and the row goes once a run covering that day succeeds."""

    __tablename__ = "collect_failures"
    __table_args__ = (UniqueConstraint("account_id", "item_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    item_key: Mapped[str] = mapped_column(String(1000))
    reason: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    first_failed: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_failed: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class PlatformTokenRow(Base):
    """An access token shared by every worker (one WeChat stable_token per appid: a second fetch can revoke it)."""

    __tablename__ = "platform_tokens"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    token: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
