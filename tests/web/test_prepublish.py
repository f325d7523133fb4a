"""先审后发: findings highlighted in place with suggestions, .docx uploads, 三审三校 signed in order."""

import io

import docx

from tests.web.conftest import form_token

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
