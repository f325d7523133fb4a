"""Tables of the web app: accounts, sessions, login failures, the audit log and 三审三校 records.

Kept apart from tables.py so that the web layer's schema (migration 0004) stays one module.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from govwatch.store.tables import Base, PostRow, UtcDateTime, utcnow


class UserRow(Base):
    """A person who signs in: 管理员 (admin), 单位编辑 (editor, bound to one unit) or 领导 (leader), of one
    county, or of every county in the database (`county_id` NULL: a city's or province's account)."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    county_id: Mapped[int | None] = mapped_column(ForeignKey("counties.id"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class WebSessionRow(Base):
    """A signed-in browser: only the SHA-256 of its cookie is stored, beside the session's CSRF token."""

    __tablename__ = "web_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ApiTokenRow(Base):
    """A token for scripts reading the JSON API as one user (`Authorization: Bearer …`); only its SHA-256
    is stored, so the token is shown once, when it is made."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class LoginFailureRow(Base):
    """A failed sign-in, kept so that the rate limit survives a restart."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_lookup", "username", "address", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class AuditRow(Base):
    """One change made through the web app: who, when, what, on which object, and why."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    county_id: Mapped[int | None] = mapped_column(ForeignKey("counties.id"), index=True)  # NULL: every county's
    user: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50))
    target: Mapped[str] = mapped_column(String(300))
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    reason: Mapped[str] = mapped_column(Text, default="")


class PublishCheckRow(Base):
    """A draft checked before publishing (先审后发): its text, the findings count, and its unit."""

    __tablename__ = "publish_checks"
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    findings: Mapped[int] = mapped_column(default=0)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class PublishStepRow(Base):
    """One step of 三审三校 on a draft: 初审, 复审 or 终审, who signed it and when."""

    __tablename__ = "publish_steps"
    id: Mapped[int] = mapped_column(primary_key=True)
    check_id: Mapped[int] = mapped_column(ForeignKey("publish_checks.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(10))
    by: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    opinion: Mapped[str] = mapped_column(Text, default="")


# A unit's page lists its posts of a month: without this PostgreSQL scans the county's whole month.
Index("ix_posts_unit_published", PostRow.unit_id, PostRow.published_at)
