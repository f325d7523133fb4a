"""A unit editor never reads or changes another unit's data; leaders only read; reviews are the centre's."""

import pytest
from sqlalchemy import select

from govwatch.store.tables import AccountRow, FindingRow, PostRow
from tests.web.conftest import form_token


def _ids_of(site):
    """Ids (of the other unit) to put in every route's path parameters."""
    with site.db.transaction() as session:
        account = session.scalar(select(AccountRow.id).where(AccountRow.unit_id == site.other_id))
        finding = session.scalar(select(FindingRow.id).join(PostRow).where(PostRow.unit_id == site.other_id))
    return {"unit_id": site.other_id, "account_id": account, "finding_id": finding, "month": "2023-06"}


def _all_routes():
    from govwatch.web.routes import api, auth, overview, prepublish, rectify, review, units

    return [route for module in (api, auth, overview, prepublish, rectify, review, units) for route in module.router.routes]


def test_every_get_route_with_an_id_refuses_another_units_data(editor, site):
    ids = _ids_of(site)
    tried = 0
    for route in _all_routes():
        methods = getattr(route, "methods", set())
        if "GET" not in methods or not any(f"{{{name}}}" in route.path for name in ("unit_id", "account_id")):
            continue
        response = editor.get(route.path.format(**ids))
        assert response.status_code == 403, route.path
        tried += 1
    assert tried >= 4  # /units/{id}, /accounts/{id} and their API twins


def test_lists_hold_only_the_editors_unit(editor, site):
    assert [u["id"] for u in editor.get("/api/units").json()] == [site.unit_id]
    month = editor.get("/api/months/2023-06").json()
    rows = month["disclosure"] + month["news"] + month["new_media"]
    assert rows and {r["unit"] for r in rows} == {site.unit}
    findings = editor.get("/api/findings").json()
    assert all(f["unit_id"] == site.unit_id for f in findings)
    items = editor.get("/api/rectifications").json()
    assert items and {i["unit"] for i in items} == {site.unit}
    page = editor.get("/rectifications").text
    assert site.unit in page and site.other not in page
    overview = editor.get("/months/2023-06").text
    assert site.other not in overview


def test_editor_cannot_answer_another_units_rectification(admin, editor, site):
    other = next(i for i in admin.get("/api/rectifications").json() if i["unit"] == site.other)
    response = editor.post(f"/rectifications/{other['id']}/respond",
                           data={"response": "越权反馈", "csrf_token": form_token(editor)})
    assert response.status_code == 403
    assert next(i for i in admin.get("/api/rectifications").json() if i["id"] == other["id"])["status"] == "open"


def test_editor_cannot_read_another_units_draft(admin, client_as, editor):
    token = form_token(editor)
    editor.post("/proofread", data={"title": "本单位稿件", "text": "认真贯切落实。", "csrf_token": token})
    mine = client_as("editor").get("/proofread").text
    assert "本单位稿件" in mine
    admin.post("/proofread", data={"title": "中心稿件", "text": "认真贯切落实。", "csrf_token": form_token(admin)})
    center_check = admin.get("/proofread").text.split('href="/proofread/')[1].split('"')[0]
    assert editor.get(f"/proofread/{center_check}").status_code == 403
    assert "中心稿件" not in editor.get("/proofread").text


@pytest.mark.parametrize("path", ["/review", "/audit", "/months/2023-06/notice.docx", "/months/2023-06/annexes.xlsx"])
def test_centre_pages_are_closed_to_editors(editor, path):
    assert editor.get(path).status_code == 403


def test_reviews_and_overrides_are_for_the_centre_only(client_as, site):
    finding = _ids_of(site)["finding_id"]
    for name in ("editor", "leader"):
        client = client_as(name)
        token = form_token(client)
        assert client.post(f"/review/findings/{finding}", data={"verdict": "false_alarm", "csrf_token": token}).status_code == 403
        assert client.post("/review/overrides", data={"month": "2023-06", "annex": "news", "subject": site.unit,
                                                      "grade": "合格", "reason": "x", "csrf_token": token}).status_code == 403


def test_leader_reads_everything_and_changes_nothing(client_as, site):
    leader = client_as("leader")
    assert leader.get(f"/units/{site.other_id}").status_code == 200
    assert leader.get("/review").status_code == 200
    item = leader.get("/api/rectifications").json()[0]
    token = form_token(leader)
    assert leader.post(f"/rectifications/{item['id']}/respond", data={"response": "x", "csrf_token": token}).status_code == 403
    assert leader.post("/proofread", data={"text": "认真贯切落实。", "csrf_token": token}).status_code == 403
