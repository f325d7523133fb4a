"""Web accounts: roles, argon2 password hashes, sign-in with a persistent rate limit, server-side sessions."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from govwatch.errors import InvalidInput, NotFound
from govwatch.store import users
from govwatch.store.counties import StoredCounty
from govwatch.store.db import Database
from govwatch.store.web_tables import UserRow

# 5 failures per (user, address) within 15 minutes lock that pair until the oldest one ages out.
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=12)
TOKEN_USE_PRECISION = timedelta(hours=1)  # a token's last use is written at most hourly: reads stay reads
_hasher = PasswordHasher()
# Verifying against this when the name is unknown keeps the answer time the same (no user enumeration).
_DUMMY_HASH = _hasher.hash("govwatch-no-such-user")


class Role(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"
    LEADER = "leader"


ROLE_LABELS = {Role.ADMIN: "管理员", Role.EDITOR: "单位编辑", Role.LEADER: "领导"}


class LoginLocked(Exception):
    """Too many failed sign-ins for this name from this address."""


@dataclass(frozen=True)
class Viewer:
    """Who is asking: the signed-in user, the unit an editor is bound to, and the session's CSRF token."""

    id: int
    name: str
    role: Role
    unit_id: int | None
    unit: str | None
    csrf: str

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    def sees_unit(self, unit_id: int) -> bool:
        return self.role is not Role.EDITOR or self.unit_id == unit_id


def add_user(session: Session, stored: StoredCounty | None, name: str, password: str, role: Role,
             unit: str | None) -> UserRow:
    """Create or update an account of `stored`'s county, or (None) of every county in the database (a
    city's or province's admin or leader); an editor must name its unit (aliases allowed), others must not."""
    if not name.strip():
        raise InvalidInput("用户名不能为空")
    if len(password) < 8:
        raise InvalidInput("密码至少 8 位")
    if role is Role.EDITOR and not unit:
        raise InvalidInput("单位编辑须用 --unit 指定所属单位")
    if role is not Role.EDITOR and unit:
        raise InvalidInput(f"{ROLE_LABELS[role]}不属于某个单位，请去掉 --unit")
    if stored is None:
        if role is Role.EDITOR:
            raise InvalidInput("单位编辑只属于本县区，不能用 --all-counties")
        return users.save_user(session, name.strip(), _hasher.hash(password), role.value, None, None)
    unit_id = stored.unit_ids[stored.county.unit(unit).name] if unit else None
    return users.save_user(session, name.strip(), _hasher.hash(password), role.value, unit_id, stored.id)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in(db: Database, name: str, password: str, address: str, now: datetime, county_id: int) -> str | None:
    """Check the password; returns a new session token, None on a wrong name or password, or for an
    account of another county than the dashboard's `county_id` (answered alike: no account enumeration).

    The attempt is first recorded as a failure in a transaction of its own, committed before the password
    is checked, so that parallel guesses count against each other; a right password clears the pair's
    failures. Raises LoginLocked (checking nothing) once the pair has more than MAX_FAILURES attempts
    recorded in the window, this one included.
    """
    with db.transaction() as session:
        users.add_failure(session, name, address, now)
    with db.transaction() as session:
        if users.failures_since(session, name, address, now - FAILURE_WINDOW) > MAX_FAILURES:
            raise LoginLocked(f"登录失败次数过多，请 {FAILURE_WINDOW.seconds // 60} 分钟后再试")
        user = users.find_user(session, name)
        try:
            _hasher.verify(user.password_hash if user and user.active else _DUMMY_HASH, password)
            ok = user is not None and user.active and _belongs(user, county_id)
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok or user is None:
            return None
        users.clear_failures(session, name, address)
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        token = secrets.token_urlsafe(32)
        users.add_session(session, _token_hash(token), user.id, secrets.token_urlsafe(32), now + SESSION_LIFETIME)
    return token


def _belongs(user: UserRow, county_id: int) -> bool:
    """Whether the account may use this county's dashboard: its own county's, or every county's."""
    return user.county_id is None or user.county_id == county_id


def viewer_of(session: Session, stored: StoredCounty, token: str, now: datetime) -> Viewer | None:
    """The signed-in user behind a session cookie, or None when it is unknown or expired, or belongs to
    another county (browsers send one host's cookies to every port: another county's dashboard on it)."""
    found = users.live_session(session, _token_hash(token), now)
    if found is None:
        return None
    web_session, user = found
    return _viewer(stored, user, web_session.csrf)


def _viewer(stored: StoredCounty, user: UserRow, csrf: str) -> Viewer | None:
    """The user as a viewer of `stored`'s county, or None when nothing of it is theirs."""
    if not _belongs(user, stored.id):
        return None
    role = Role(user.role)
    unit = next((name for name, uid in stored.unit_ids.items() if uid == user.unit_id), None)
    if role is Role.EDITOR and unit is None:
        return None  # an editor of another county's unit: nothing of this county is theirs
    return Viewer(user.id, user.name, role, user.unit_id, unit, csrf)


def issue_token(session: Session, name: str, label: str = "") -> str:
    """A new API token for the account `name`, returned once (only its hash is kept)."""
    user = users.find_user(session, name)
    if user is None:
        raise NotFound(f"没有账号 {name}")
    token = "gw_" + secrets.token_urlsafe(32)
    users.add_token(session, user.id, _token_hash(token), label.strip())
    return token


def viewer_of_token(session: Session, stored: StoredCounty, token: str, now: datetime) -> Viewer | None:
    """The user behind an API token, as `viewer_of` judges a session; its CSRF token is empty, so no form
    post ever passes with it: tokens read the JSON API."""
    found = users.token_user(session, _token_hash(token))
    if found is None:
        return None
    row, user = found
    viewer = _viewer(stored, user, "")
    if viewer is not None and (row.last_used_at is None or now - row.last_used_at >= TOKEN_USE_PRECISION):
        row.last_used_at = now
    return viewer


def sign_out(session: Session, token: str) -> None:
    users.end_session(session, _token_hash(token))
