"""Per-request plumbing: a transaction, the county (cached until its configuration changes), who is asking, CSRF."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, UTC, datetime
from typing import Annotated

from fastapi import Depends, Form, HTTPException, Path, Request
from sqlalchemy.orm import Session

from govwatch.domain.calendar import Month
from govwatch.services.accounts import Role, Viewer, viewer_of, viewer_of_token
from govwatch.services.dashboard import evaluated_months
from govwatch.store.counties import StoredCounty, county_versions, load_stored_county
from govwatch.store.db import Database

SESSION_COOKIE = "gw_session"
# Row ids as the URL gives them: within a 32-bit INTEGER column (PostgreSQL refuses larger numbers).
RowId = Annotated[int, Path(ge=1, le=2_147_483_647)]
LOGIN_CSRF_COOKIE = "gw_login_csrf"


class CountyCache:
    """The stored county, parsed once and re-read only when `save_config` has touched its row."""

    def __init__(self, name: str | None) -> None:
        self._name = name
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._stored: StoredCounty | None = None

    def get(self, session: Session) -> StoredCounty:
        key = county_versions(session, self._name)
        with self._lock:
            if key != self._key or self._stored is None:
                self._stored, self._key = load_stored_county(session, self._name), key
            return self._stored


def db_session(request: Request) -> Iterator[Session]:
    """One transaction per request, committed when the handler returns without error."""
    database: Database = request.app.state.db
    with database.transaction() as session:
        yield session


@dataclass(frozen=True)
class Context:
    """What most handlers need at once: the request's transaction, the county, who is asking."""

    session: Session
    stored: StoredCounty
    viewer: Viewer


def context(request: Request) -> Iterator[Context]:
    """One transaction with the county and the signed-in user; 401 without a live session, or, under
    /api/, without a valid `Authorization: Bearer` API token (`govwatch user token`).

    One dependency rather than a chain: each synchronous dependency is a hop to the thread pool.
    """
    database: Database = request.app.state.db
    with database.transaction() as session:
        stored = request.app.state.counties.get(session)
        now = datetime.now(UTC)
        token = request.cookies.get(SESSION_COOKIE)
        bearer = _bearer(request) if request.url.path.startswith("/api/") else None
        if token:
            found = viewer_of(session, stored, token, now)
        else:
            found = viewer_of_token(session, stored, bearer, now) if bearer else None
        if found is None:
            raise HTTPException(401, "请先登录")
        yield Context(session, stored, found)


def _bearer(request: Request) -> str | None:
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return credentials.strip() or None


# Its teardown (commit) runs before the response is sent: a browser following a redirect must see the change.
Ctx = Annotated[Context, Depends(context, scope="function")]


# The checks below do no I/O: async, so they run on the event loop without a thread-pool hop.
async def not_editor(ctx: Ctx) -> Viewer:
    """Admins and leaders: views of the whole county."""
    if ctx.viewer.role is Role.EDITOR:
        raise HTTPException(403, "单位编辑只能查看本单位的信息")
    return ctx.viewer


def _checked(found: Viewer, token: str) -> Viewer:
    if not token or not secrets.compare_digest(token, found.csrf):
        raise HTTPException(403, "表单已失效（CSRF 校验未通过），请刷新页面后重试")
    return found


async def logout_user(ctx: Ctx, csrf_token: str = Form("")) -> Viewer:
    return _checked(ctx.viewer, csrf_token)


async def form_user(found: Viewer = Depends(logout_user)) -> Viewer:
    """A signed-in user posting a form of this session (CSRF token checked); leaders only read."""
    if found.role is Role.LEADER:
        raise HTTPException(403, "领导账号为只读账号")
    return found


async def form_admin(found: Viewer = Depends(form_user)) -> Viewer:
    if found.role is not Role.ADMIN:
        raise HTTPException(403, "只有管理员可以进行此操作")
    return found


def ensure_unit(found: Viewer, unit_id: int) -> None:
    """403 when a unit editor asks for another unit's data."""
    if not found.sees_unit(unit_id):
        raise HTTPException(403, "单位编辑只能查看和处理本单位的信息")


def parse_month(text: str) -> Month:
    """A month of the URL; one that cannot exist (2023-13, 0000-01) is simply not found, nor one at the very
    edge of the calendar (0001-01, 9999-12), whose previous month or following day a page also needs."""
    try:
        month = Month.parse(text)
    except ValueError as exc:
        raise HTTPException(404, str(exc)) from None
    if not MINYEAR < month.year < MAXYEAR:
        raise HTTPException(404, f"月份超出可查询范围：{month}")
    return month


def default_month(ctx: Context) -> Month:
    """The newest month with grades, else the current one."""
    months = evaluated_months(ctx.session, ctx.stored)
    return months[0] if months else Month.of(datetime.now(UTC).date())
