"""问题审核: a false-alarm verdict suppresses the finding on re-check; overrides need a reason; all audited."""

from sqlalchemy import select

from govwatch.services.checking import post_text
from govwatch.services.prepublish import draft_checker
from govwatch.store.counties import load_stored_county
from govwatch.store.tables import FindingRow, OverrideRow, PostRow
from govwatch.store.web_tables import AuditRow
from tests.web.conftest import form_token


def _open_finding(site):
    with site.db.transaction() as session:
        finding, post = session.execute(
            select(FindingRow, PostRow).join(PostRow).where(FindingRow.status == "open", FindingRow.certain.is_(True))
            .order_by(FindingRow.id)
        ).first()
        return finding.id, finding.rule, finding.wrong, post_text(post.title, post.text)


def _rechecked(site, text):
    with site.db.transaction() as session:
        return [(f.rule, f.wrong) for f in draft_checker(session, load_stored_county(session)).check(text)]


def test_false_alarm_verdict_suppresses_the_finding_on_recheck(admin, site):
    finding_id, rule, wrong, text = _open_finding(site)
    assert (rule, wrong) in _rechecked(site, text)
    response = admin.post(f"/review/findings/{finding_id}", data={"verdict": "false_alarm", "csrf_token": form_token(admin)},
                          follow_redirects=False)
    assert response.status_code == 303
    assert (rule, wrong) not in _rechecked(site, text)
    # the same words pasted into 先审后发 are no longer flagged either
    page = admin.post("/proofread", data={"title": "复查", "text": text, "csrf_token": form_token(admin)})
    assert f"<td>{wrong}</td>" not in page.text
    with site.db.transaction() as session:
        entry = session.scalar(select(AuditRow).where(AuditRow.action == "finding.verdict"))
        assert entry.user == "admin" and entry.detail["after"]["status"] == "false_alarm"
        assert entry.target == f"finding:{finding_id}"


def test_confirm_and_set_severity(admin, site):
    finding_id, *_ = _open_finding(site)
    admin.post(f"/review/findings/{finding_id}",
               data={"verdict": "confirmed", "severity": "serious", "csrf_token": form_token(admin)})
    found = next(f for f in admin.get("/api/findings", params={"status": "confirmed"}).json() if f["id"] == finding_id)
    assert found["severity"] == "serious"
    assert finding_id not in [f["id"] for f in admin.get("/api/findings", params={"status": "open"}).json()]


def _news_row(client, unit):
    return next(r for r in client.get("/api/months/2023-06").json()["news"] if r["subject"] == unit)


def test_override_requires_a_reason_and_regrades_the_month(admin, site):
    row = _news_row(admin, site.unit)
    target = "合格" if row["grade"] != "合格" else "不合格"
    form = {"month": "2023-06", "annex": "news", "subject": site.unit, "grade": target, "csrf_token": form_token(admin)}
    refused = admin.post("/review/overrides", data={**form, "reason": "   "})
    assert refused.status_code == 422 and "理由" in refused.text
    with site.db.transaction() as session:
        assert session.scalar(select(OverrideRow).where(OverrideRow.subject == site.unit, OverrideRow.annex == "news")) is None
    accepted = admin.post("/review/overrides", data={**form, "reason": "经核实已按期更新"}, follow_redirects=False)
    assert accepted.status_code == 303
    after = _news_row(admin, site.unit)
    assert after["grade"] == target and after["override"]["reason"] == "经核实已按期更新"
    assert after["override"]["by"] == "admin" and after["computed_grade"] == row["computed_grade"]
    audit = admin.get("/audit").text
    assert "grade.override" in audit and "经核实已按期更新" in audit


def test_override_to_an_unknown_grade_is_refused(admin, site):
    response = admin.post("/review/overrides", data={"month": "2023-06", "annex": "news", "subject": site.unit,
                                                     "grade": "很好", "reason": "x", "csrf_token": form_token(admin)})
    assert response.status_code == 422 and "等次应为" in response.text
