"""整改: the unit editor answers its item; the centre closes it; both are audited."""

from tests.web.conftest import form_token


def test_editor_answers_and_admin_closes(admin, editor, site):
    item = editor.get("/api/rectifications").json()[0]
    assert item["status"] == "open" and item["unit"] == site.unit
    page = editor.get("/rectifications").text
    assert f'action="/rectifications/{item["id"]}/respond"' in page
    assert f'action="/rectifications/{item["id"]}/close"' not in page  # closing is the centre's
    answered = editor.post(f"/rectifications/{item['id']}/respond",
                           data={"response": "已补发信息并建立更新台账", "csrf_token": form_token(editor)})
    assert answered.status_code == 200 and "已补发信息并建立更新台账" in answered.text
    after = next(i for i in editor.get("/api/rectifications").json() if i["id"] == item["id"])
    assert after["status"] == "responded" and after["responded_by"] == "editor"
    token = form_token(editor)
    assert editor.post(f"/rectifications/{item['id']}/close", data={"csrf_token": token}).status_code == 403
    closed = admin.post(f"/rectifications/{item['id']}/close", data={"note": "核实无误", "csrf_token": form_token(admin)})
    assert closed.status_code == 200
    final = next(i for i in admin.get("/api/rectifications").json() if i["id"] == item["id"])
    assert final["status"] == "closed" and final["closed_by"] == "admin"
    log = admin.get("/audit").text
    assert "rectification.respond" in log and "rectification.close" in log


def test_empty_answer_is_refused(editor):
    item = editor.get("/api/rectifications").json()[0]
    response = editor.post(f"/rectifications/{item['id']}/respond", data={"response": " ", "csrf_token": form_token(editor)})
    assert response.status_code == 422 and "不能为空" in response.text
