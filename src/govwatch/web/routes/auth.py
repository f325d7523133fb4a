"""Signing in and out: argon2-checked passwords, a persistent rate limit, an HttpOnly session cookie."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from govwatch.services.accounts import SESSION_LIFETIME, LoginLocked, Viewer, sign_in, sign_out
from govwatch.store import audit
from govwatch.web.deps import LOGIN_CSRF_COOKIE, SESSION_COOKIE, Ctx, db_session, logout_user
from govwatch.web.rendering import templates

router = APIRouter(include_in_schema=False)


def _safe_next(target: str) -> str:
    """Only local paths: an open redirect would let a phishing link borrow the login page."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


def _login_form(request: Request, message: str = "", status_code: int = 200, target: str = "/") -> Response:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)
    response = templates.TemplateResponse(
        request, "login.html", {"csrf": token, "message": message, "next": _safe_next(target), "viewer": None},
        status_code=status_code)
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="lax",
                        secure=request.app.state.config.secure_cookie)
    return response


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> Response:
    return _login_form(request, target=next)


@router.post("/login")
def login(request: Request, username: str = Form("", max_length=100), password: str = Form("", max_length=1000),
          csrf_token: str = Form(""), next: str = Form("/"), session: Session = Depends(db_session, scope="function")) -> Response:
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not secrets.compare_digest(expected, csrf_token):
        return _login_form(request, "表单已失效，请重新登录", 403, next)
    address = request.client.host if request.client else "unknown"
    county_id = request.app.state.counties.get(session).id
    try:
        token = sign_in(request.app.state.db, username.strip(), password, address, datetime.now(UTC), county_id)
    except LoginLocked as exc:
        return _login_form(request, str(exc), 429, next)
    if token is None:
        return _login_form(request, "用户名或密码错误", 401, next)
    audit.record(session, username.strip(), "login", f"address:{address}", county_id=county_id)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, token, max_age=int(SESSION_LIFETIME.total_seconds()), httponly=True,
                        samesite="lax", secure=request.app.state.config.secure_cookie)
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout")
def logout(request: Request, ctx: Ctx, user: Viewer = Depends(logout_user)) -> Response:
    sign_out(ctx.session, request.cookies.get(SESSION_COOKIE, ""))
    audit.record(ctx.session, user.name, "logout", f"user:{user.id}", county_id=ctx.stored.id)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
