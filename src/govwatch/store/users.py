"""Web accounts, their server-side sessions and failed sign-ins (for the persistent rate limit)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.orm import Session

from govwatch.store.web_tables import ApiTokenRow, LoginFailureRow, UserRow, WebSessionRow


def find_user(session: Session, name: str) -> UserRow | None:
    return session.scalar(select(UserRow).where(UserRow.name == name))


def all_users(session: Session) -> list[UserRow]:
    return list(session.scalars(select(UserRow).order_by(UserRow.id)))


def save_user(session: Session, name: str, password_hash: str, role: str, unit_id: int | None,
              county_id: int | None) -> UserRow:
    """Create the account, or reset its password, role, unit and county when it exists (re-running is
    harmless); a reset signs the account out everywhere, so that a change takes effect at once."""
    row = find_user(session, name) or UserRow(name=name, active=True)
    row.password_hash, row.role, row.unit_id, row.county_id, row.active = password_hash, role, unit_id, county_id, True
    session.add(row)
    session.flush()
    session.execute(delete(WebSessionRow).where(WebSessionRow.user_id == row.id))
    return row


def disable_user(session: Session, name: str) -> bool:
    """Lock the account out and end its sessions; False when there is no such account."""
    row = find_user(session, name)
    if row is None:
        return False
    row.active = False
    session.execute(delete(WebSessionRow).where(WebSessionRow.user_id == row.id))
    return True


def add_session(session: Session, token_hash: str, user_id: int, csrf: str, expires_at: datetime) -> None:
    session.add(WebSessionRow(token_hash=token_hash, user_id=user_id, csrf=csrf, expires_at=expires_at))
    session.flush()


def live_session(session: Session, token_hash: str, now: datetime) -> tuple[WebSessionRow, UserRow] | None:
    """The unexpired session of that cookie and its active user."""
    found = session.execute(
        select(WebSessionRow, UserRow).join(UserRow, UserRow.id == WebSessionRow.user_id)
        .where(WebSessionRow.token_hash == token_hash, WebSessionRow.expires_at > now, UserRow.active.is_(True))
    ).first()
    return (found[0], found[1]) if found else None


def end_session(session: Session, token_hash: str) -> None:
    session.execute(delete(WebSessionRow).where(WebSessionRow.token_hash == token_hash))


def add_token(session: Session, user_id: int, token_hash: str, label: str) -> ApiTokenRow:
    row = ApiTokenRow(user_id=user_id, token_hash=token_hash, label=label)
    session.add(row)
    session.flush()
    return row


def token_user(session: Session, token_hash: str) -> tuple[ApiTokenRow, UserRow] | None:
    """The token with that hash and its active user."""
    found = session.execute(
        select(ApiTokenRow, UserRow).join(UserRow, UserRow.id == ApiTokenRow.user_id)
        .where(ApiTokenRow.token_hash == token_hash, UserRow.active.is_(True))
    ).first()
    return (found[0], found[1]) if found else None


def token_counts(session: Session) -> dict[int, int]:
    """user id → how many API tokens the account has (accounts without one are left out)."""
    rows = session.execute(select(ApiTokenRow.user_id, func.count()).group_by(ApiTokenRow.user_id))
    return dict(rows.all())


def revoke_tokens(session: Session, user_id: int) -> int:
    """Delete every token of the user; returns how many there were."""
    deleted = cast("CursorResult[Any]", session.execute(delete(ApiTokenRow).where(ApiTokenRow.user_id == user_id)))
    return deleted.rowcount or 0


def add_failure(session: Session, username: str, address: str, at: datetime) -> None:
    session.add(LoginFailureRow(username=username, address=address, at=at))
    session.flush()


def failures_since(session: Session, username: str, address: str, since: datetime) -> int:
    return session.scalar(select(func.count()).select_from(LoginFailureRow).where(
        LoginFailureRow.username == username, LoginFailureRow.address == address, LoginFailureRow.at >= since,
    )) or 0


def clear_failures(session: Session, username: str, address: str) -> None:
    session.execute(delete(LoginFailureRow).where(
        LoginFailureRow.username == username, LoginFailureRow.address == address))
