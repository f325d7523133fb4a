"""先审后发: findings highlighted in place with suggestions, .docx uploads, 三审三校 signed in order."""

import io
import threading
import time
import zipfile

import docx
from fastapi.testclient import TestClient

from govwatch.web import WebConfig, create_app
from tests.web.conftest import form_token, sign_in

DRAFT = "关于安全生产的通知\n全县各单位要认真贯切落实会议精神。"


def _submit(client, **data):
    return client.post("/proofread", data={"csrf_token": form_token(client), **data.pop("form", {})}, **data)


def test_pasted_text_shows_findings_in_place(editor):
    page = _submit(editor, form={"title": "安全生产通知", "text": DRAFT})
    assert page.status_code == 200 and "校对结果：安全生产通知" in page.text
    assert '<mark class="sev-error" title="错别字：建议改为“贯彻落实”">贯切落实<sup>贯彻落实</sup></mark>' in page.text
    assert 'id="finding-count">1<' in page.text


def test_uploaded_docx_is_checked(editor):
    document = docx.Document()
    for line in DRAFT.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    page = _submit(editor, files={"document": ("通知.docx", buffer.getvalue(), "application/octet-stream")})
    assert "校对结果：通知" in page.text and "<sup>贯彻落实</sup>" in page.text


def test_unreadable_upload_is_a_clear_error(editor):
    page = _submit(editor, files={"document": ("坏文件.docx", b"PK\x03\x04broken", "application/octet-stream")})
    assert page.status_code == 422 and "坏文件.docx" in page.text


def test_three_reviews_in_order_by_different_people(client_as, editor):
    page = _submit(editor, form={"title": "三审稿", "text": DRAFT})
    path = str(page.url.path)
    sign = path + "/sign"
    assert "签署初审" in page.text
    assert editor.post(sign, data={"stage": "复审", "csrf_token": form_token(editor)}).status_code == 422
    assert editor.post(sign, data={"stage": "初审", "opinion": "已改正错别字", "csrf_token": form_token(editor)}).status_code == 200
    twice = editor.post(sign, data={"stage": "复审", "csrf_token": form_token(editor)})
    assert twice.status_code == 422 and "同一人" in twice.text
    second = client_as("editor2")
    assert second.post(sign, data={"stage": "复审", "csrf_token": form_token(second)}).status_code == 200
    admin = client_as("admin")
    done = admin.post(sign, data={"stage": "终审", "csrf_token": form_token(admin)})
    assert "初审、复审、终审均已完成" in done.text
    for who, stage in (("editor", "初审"), ("editor2", "复审"), ("admin", "终审")):
        assert f"<strong>{stage}</strong>：{who}，" in done.text
    assert "已改正错别字" in done.text


def _large_draft(rows: int = 40_000) -> bytes:
    """About 4.7 MB of varied rows with a mobile number each: seconds of proofreading."""
    return "".join(f"第{i}项：全县各单位要认真贯彻落实会议精神，完成投资{i * 7}万元，联系电话1381234{i % 10_000:04d}。\n"
                   for i in range(rows)).encode()


def _upload(client, name: str, content: bytes):
    return client.post("/proofread", data={"csrf_token": form_token(client)}, files={"document": (name, content)},
                       follow_redirects=False)


def test_a_zip_bomb_upload_is_refused_naming_the_file(editor):
    from tests.proofread.test_documents import BOMB_PART, word_file

    page = _upload(editor, "炸弹.docx", word_file((BOMB_PART, bytes(32 * 2**20))))
    assert page.status_code == 422 and "炸弹.docx：Word 文档中的 word/document.xml 压缩比达" in page.text


def test_a_check_past_the_time_bound_is_stopped_with_a_clear_message(site):
    client = TestClient(create_app(site.db, WebConfig(proofread_timeout=1)))
    assert sign_in(client, "editor").status_code == 303
    page = _upload(client, "长稿.txt", _large_draft())
    assert page.status_code == 503 and "校对超过 1 秒仍未完成，已停止" in page.text
    assert _upload(client, "短稿.txt", DRAFT.encode()).status_code == 303  # the next draft is checked as usual


def _large_word_file() -> bytes:
    """A Word file of the large draft's rows: a small upload (about a megabyte) that takes seconds to read and check."""
    from tests.proofread.test_documents import word_file

    package = word_file()
    own = zipfile.ZipFile(io.BytesIO(package)).read("word/document.xml").decode()
    paragraph = own[own.index("<w:p>") : own.index("</w:p>") + len("</w:p>")]
    rows = "".join(f"<w:p><w:r><w:t>{row}</w:t></w:r></w:p>" for row in _large_draft().decode().splitlines())
    return word_file(("word/document.xml", own.replace(paragraph, rows).encode()))


def test_other_requests_are_served_while_a_large_draft_is_checked(site):
    large = _large_word_file()
    assert len(large) < 2 * 2**20  # sent in a moment: what takes seconds is reading and checking it
    finished: dict[str, float] = {}
    with TestClient(create_app(site.db, WebConfig())) as client:  # one event loop for every request
        assert sign_in(client, "editor").status_code == 303
        _upload(client, "预热.txt", DRAFT.encode())  # the first check also starts the worker processes' server

        def check_large() -> None:
            assert _upload(client, "长稿.docx", large).status_code == 303
            finished["large"] = time.monotonic()

        worker = threading.Thread(target=check_large)
        worker.start()
        time.sleep(1)  # the large draft is being read and checked by now
        assert client.get("/proofread").status_code == 200
        finished["page"] = time.monotonic()
        worker.join()
    assert finished["page"] < finished["large"]
