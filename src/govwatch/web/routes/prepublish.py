"""发布前校对 (先审后发): paste text or upload a .docx, see findings in place, sign 初审/复审/终审."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from govwatch.domain.publishing import next_stage
from govwatch.proofread.documents import MAX_BYTES, UnreadableDocument
from govwatch.services import prepublish
from govwatch.services.accounts import Viewer
from govwatch.services.isolated import CallFailed, run_bounded
from govwatch.store.publish_checks import PublishCheck
from govwatch.web.config import WebConfig
from govwatch.web.deps import Context, Ctx, RowId, ensure_unit, form_user
from govwatch.web.rendering import page

router = APIRouter(include_in_schema=False)
Result = TypeVar("Result")
_UPLOAD_LIMIT = min(MAX_BYTES, 20 * 1024 * 1024)


@router.get("/proofread", response_class=HTMLResponse)
def proofread_page(request: Request, ctx: Ctx) -> Response:
    checks = prepublish.recent_checks(ctx.session, ctx.stored, ctx.viewer.unit_id)
    return page(request, ctx, "proofread.html", checks=checks, message="")


@router.post("/proofread")
async def submit(request: Request, ctx: Ctx, title: str = Form(""), text: str = Form(""),
                 document: UploadFile | None = File(None), user: Viewer = Depends(form_user)) -> Response:
    """Check the pasted text, or the uploaded file when one is given, and keep it for the reviews."""
    upload = None
    if document is not None and document.filename:
        data = await document.read(_UPLOAD_LIMIT + 1)
        if len(data) > _UPLOAD_LIMIT:
            raise HTTPException(422, f"{document.filename}：文件超过 {_UPLOAD_LIMIT // 1024 // 1024} MB")
        upload = (document.filename, data)
        title = title or document.filename.rsplit(".", 1)[0]
    elif not text.strip():
        raise HTTPException(422, "请粘贴稿件内容或上传 .docx 文件")
    try:
        text, findings = await _off_the_loop(request, prepublish.draft_checker(ctx.session, ctx.stored).read_and_check,
                                             text, upload)
    except UnreadableDocument as exc:
        raise HTTPException(422, str(exc)) from None
    title = title[:300]  # the stored title's length; a file name can be longer
    try:
        row = prepublish.save_check(ctx.session, ctx.stored, user.unit_id, title or text.strip().splitlines()[0][:60],
                                    text, len(findings), user.name)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    return RedirectResponse(f"/proofread/{row.id}", status_code=303)


async def _off_the_loop(request: Request, call: Callable[..., Result], *args: object) -> Result:
    """Read and proofread in a child process under the web settings' time bound, so that a large draft
    never stalls the other users' requests; 503 with the reason when the bound is hit."""
    config: WebConfig = request.app.state.config
    try:
        return await run_bounded(config.proofread_timeout, request.app.state.proofread_limiter, call, *args,
                                 what="校对")
    except CallFailed as exc:
        raise HTTPException(503, str(exc)) from None


def _own_check(ctx: Context, check_id: int) -> PublishCheck:
    try:
        row = prepublish.get_check(ctx.session, ctx.stored, check_id)
    except LookupError as exc:
        raise HTTPException(404, str(exc)) from None
    if row.unit_id is not None:
        ensure_unit(ctx.viewer, row.unit_id)
    elif ctx.viewer.unit_id is not None:
        raise HTTPException(403, "单位编辑只能查看本单位的稿件")
    return row


@router.get("/proofread/{check_id}", response_class=HTMLResponse)
def result(request: Request, ctx: Ctx, check_id: RowId) -> Response:
    """The draft with its findings, checked again: reviewers' verdicts since may have silenced some.
    Synchronous, so that its queries and the rendering of a long draft run in the thread pool."""
    row = _own_check(ctx, check_id)
    findings = anyio.from_thread.run(_off_the_loop, request, prepublish.draft_checker(ctx.session, ctx.stored).check,
                                     row.text)
    done = prepublish.steps(ctx.session, row.id)
    return page(request, ctx, "proofread_result.html", check=row, findings=findings,
                segments=prepublish.segments(row.text, findings), steps=done, next_stage=next_stage(done))


@router.post("/proofread/{check_id}/sign")
def sign(ctx: Ctx, check_id: RowId, stage: str = Form(...), opinion: str = Form(""),
         user: Viewer = Depends(form_user)) -> Response:
    row = _own_check(ctx, check_id)
    try:
        prepublish.sign_stage(ctx.session, row, stage, user.name, opinion)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    return RedirectResponse(f"/proofread/{check_id}", status_code=303)
