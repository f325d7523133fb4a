"""The daily warnings of the demo month: what is due on chosen days, sent once per recipient, retried after errors."""

from datetime import date

import pytest
from sqlalchemy import func, select

from govwatch.domain.calendar import Month
from govwatch.domain.warnings import WarningKind
from govwatch.notify.recipients import NotifyConfig
from govwatch.services import rectification
from govwatch.services.report import notice_model
from govwatch.services.warnings import send_daily_warnings, store_recipients
from govwatch.settings import Settings
from govwatch.store.counties import load_stored_county
from govwatch.store.warnings import WarningDeliveryRow, WarningSentRow
from tests.notify.conftest import PASSWORD, USER, smtp_server  # noqa: F401  (the fixture)

OK = {"errcode": 0, "errmsg": "ok"}
SECRET = "SECdemo"
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


def only(results):
    [result] = results
    return result


def subjects(result, kind: WarningKind) -> set[str]:
    return {w.subject for w in result.warnings if w.kind is kind}


def test_an_account_silent_since_june_first_is_warned_on_the_sixth(demo_database):
    db, _ = demo_database
    before = only(send_daily_warnings(db, date(2023, 6, 5), dry_run=True))
    assert subjects(before, WarningKind.ACCOUNT_NO_ORIGINAL) == set()
    on_time = only(send_daily_warnings(db, date(2023, 6, 6), dry_run=True))
    # the notice later lists both as "06-01至06-08原创信息未更新"
    assert subjects(on_time, WarningKind.ACCOUNT_NO_ORIGINAL) == {"健康眉县（微信订阅号）", "眉县行政审批服务局（微信订阅号）"}
    warning = next(w for w in on_time.warnings if w.subject == "健康眉县（微信订阅号）")
    assert (warning.unit, warning.silent_days, warning.deadline) == ("县卫健局", 5, date(2023, 6, 8))
    assert not on_time.configured and on_time.deliveries == ()


def test_columns_short_on_the_twentieth_are_those_the_month_ends_short(demo_database):
    db, _ = demo_database
    assert not any(w.kind is WarningKind.COLUMN_SHORT and w.deadline == date(2023, 6, 30) and "本月" in w.message
                   for w in only(send_daily_warnings(db, date(2023, 6, 19), dry_run=True)).warnings)
    result = only(send_daily_warnings(db, date(2023, 6, 20), dry_run=True))
    monthly = {(w.unit, w.subject): (w.required, w.actual) for w in result.warnings
               if w.kind is WarningKind.COLUMN_SHORT and "本月" in w.message}
    assert monthly[("县政府办公室", "政府信息公开·防范化解重大风险")] == (2, 0)
    assert monthly[("县住建局", "新闻动态·部门动态")] == (1, 0)  # 附件2: 县住建局 sent no news in June
    assert subjects(result, WarningKind.ACCOUNT_NO_ORIGINAL) == {"眉县反诈中心（微信订阅号）"}  # 06-14至06-21 later


def test_rectifications_due_tomorrow_and_overdue(demo_copy):
    with demo_copy.transaction() as session:
        stored = load_stored_county(session)
        items = rectification.open_items(session, stored, notice_model(session, stored, Month(2023, 6)))
    assert not subjects(only(send_daily_warnings(demo_copy, date(2023, 7, 18), dry_run=True)),
                        WarningKind.RECTIFICATION_DUE)
    due = only(send_daily_warnings(demo_copy, date(2023, 7, 19), dry_run=True))
    assert subjects(due, WarningKind.RECTIFICATION_DUE) == {r.subject for r in items}
    late = only(send_daily_warnings(demo_copy, date(2023, 7, 21), dry_run=True))
    assert subjects(late, WarningKind.RECTIFICATION_OVERDUE) == {r.subject for r in items}


def recipients(httpserver) -> NotifyConfig:
    return NotifyConfig.model_validate({
        "centre": {"email": ["xxzx@meixian.example.gov.cn"]},
        "units": [
            {"unit": "县卫健局", "robots": [{"kind": "wecom", "url": httpserver.url_for("/wecom?key=wjj")}]},
            {"unit": "县公安局", "email": ["gaj@meixian.example.gov.cn"],
             "robots": [{"kind": "dingtalk", "url": httpserver.url_for("/ding?access_token=gaj"),
                         "secret_env": "GOVWATCH_DINGTALK_SECRET_GAJ"}]},
        ],
    })


def smtp_settings(server) -> Settings:
    return Settings(smtp_host=server.host, smtp_port=server.port, smtp_security="none", smtp_user=USER,
                    smtp_password=PASSWORD, notify_timeout=2)


def sent_count(db) -> int:
    with db.transaction() as session:
        return session.scalar(select(func.count()).select_from(WarningSentRow))


def test_one_digest_per_recipient_and_a_rerun_sends_nothing(demo_copy, httpserver, smtp_server):  # noqa: F811
    server = smtp_server("none")
    httpserver.expect_request("/wecom").respond_with_json(OK)
    httpserver.expect_request("/ding").respond_with_json(OK)
    store_recipients(demo_copy, recipients(httpserver))
    send = dict(today=date(2023, 6, 20), settings=smtp_settings(server),
                secrets={"GOVWATCH_DINGTALK_SECRET_GAJ": SECRET})

    first = only(send_daily_warnings(demo_copy, **send))
    by_scope = {(d.scope, d.target.channel): d for d in first.deliveries}
    assert by_scope[("眉县全县", "email")].sent == len(first.warnings)
    police = [w for w in first.warnings if w.unit == "县公安局"]
    assert by_scope[("县公安局", "email")].sent == by_scope[("县公安局", "dingtalk")].sent == len(police)
    assert all(not d.errors for d in first.deliveries)
    assert sorted(m["To"] for m in server.inbox.messages) == ["gaj@meixian.example.gov.cn",
                                                               "xxzx@meixian.example.gov.cn"]
    centre_mail = next(m for m in server.inbox.messages if m["To"].startswith("xxzx"))
    assert f"今日预警{len(first.warnings)}条" in centre_mail.get_content()
    assert "眉县反诈中心（微信订阅号）已连续6天" in centre_mail.get_content()
    ding = next(r for r, _ in httpserver.log if r.path == "/ding")
    assert {"timestamp", "sign"} <= set(ding.args) and "眉县反诈中心" in ding.get_json()["markdown"]["text"]
    # 县卫健局 has nothing on the 20th except its quarterly columns: its robot still gets one message
    assert sum(r.path == "/wecom" for r, _ in httpserver.log) == 1
    recorded = sent_count(demo_copy)

    again = only(send_daily_warnings(demo_copy, **send))
    assert all(d.sent == 0 and d.pending == 0 for d in again.deliveries)
    assert [d.already for d in again.deliveries] == [d.sent for d in first.deliveries]
    assert len(server.inbox.messages) == 2 and len(httpserver.log) == 2
    assert sent_count(demo_copy) == recorded

    next_day = only(send_daily_warnings(demo_copy, **{**send, "today": date(2023, 6, 21)}))
    assert sum(d.sent for d in next_day.deliveries) > 0  # a new day, a new reminder


def test_a_failing_channel_is_recorded_does_not_stop_the_others_and_is_retried(
    demo_copy, httpserver, smtp_server  # noqa: F811
):
    server = smtp_server("none")
    httpserver.expect_oneshot_request("/wecom").respond_with_json({"errcode": 93000, "errmsg": "invalid webhook url"})
    httpserver.expect_oneshot_request("/ding").respond_with_json({"errcode": -1}, status=500)
    store_recipients(demo_copy, recipients(httpserver))
    send = dict(today=date(2023, 6, 20), settings=smtp_settings(server),
                secrets={"GOVWATCH_DINGTALK_SECRET_GAJ": SECRET})

    first = only(send_daily_warnings(demo_copy, **send))
    errors = {d.target.channel: d.errors for d in first.deliveries if d.errors}
    assert set(errors) == {"wecom", "dingtalk"} and "errcode 93000" in errors["wecom"][0]
    assert "HTTP 500" in errors["dingtalk"][0]
    assert len(server.inbox.messages) == 2  # the mails went regardless
    with demo_copy.transaction() as session:
        failed = session.scalars(select(WarningDeliveryRow).where(WarningDeliveryRow.ok.is_(False))).all()
    assert {r.channel for r in failed} == {"wecom", "dingtalk"}

    httpserver.expect_request("/wecom").respond_with_json(OK)
    httpserver.expect_request("/ding").respond_with_json(OK)
    retry = only(send_daily_warnings(demo_copy, **send))
    assert {d.target.channel: d.sent for d in retry.deliveries if d.sent} == {
        "wecom": next(d.pending for d in first.deliveries if d.target.channel == "wecom"),
        "dingtalk": next(d.pending for d in first.deliveries if d.target.channel == "dingtalk"),
    }
    assert len(server.inbox.messages) == 2
    assert all(d.sent == 0 for d in only(send_daily_warnings(demo_copy, **send)).deliveries)


def test_missing_secret_or_smtp_server_is_an_error_of_that_recipient_only(demo_copy, httpserver):
    httpserver.expect_request("/wecom").respond_with_json(OK)
    store_recipients(demo_copy, recipients(httpserver))
    result = only(send_daily_warnings(demo_copy, date(2023, 6, 20), settings=Settings(), secrets={}))
    errors = {d.target.channel: d.errors for d in result.deliveries}
    assert "GOVWATCH_DINGTALK_SECRET_GAJ" in errors["dingtalk"][0]
    assert "GOVWATCH_SMTP_HOST" in errors["email"][0]
    assert errors["wecom"] == []


def test_dry_run_sends_and_records_nothing(demo_copy, httpserver):
    store_recipients(demo_copy, recipients(httpserver))
    result = only(send_daily_warnings(demo_copy, date(2023, 6, 20), dry_run=True, settings=Settings(), secrets={}))
    assert all(d.pending and not d.sent and not d.errors for d in result.deliveries)
    assert httpserver.log == [] and sent_count(demo_copy) == 0
    assert "县林业局" in result.unrouted and "县卫健局" not in result.unrouted


@pytest.mark.postgres
def test_on_postgresql_a_county_without_posts_is_warned_and_sent_once(postgres_url, meixian_config, httpserver):
    from govwatch.store.counties import save_config
    from govwatch.store.db import open_database

    db = open_database(postgres_url)
    try:
        with db.transaction() as session:
            save_config(session, meixian_config)
        httpserver.expect_request("/wecom").respond_with_json(OK)
        store_recipients(db, NotifyConfig.model_validate(
            {"centre": {"robots": [{"kind": "wecom", "url": httpserver.url_for("/wecom?key=c")}]}}))
        first = only(send_daily_warnings(db, date(2023, 6, 20), settings=Settings(), secrets={}))
        # nothing collected: every account is silent since the first day read, far past its limit
        assert subjects(first, WarningKind.ACCOUNT_SILENT) == {str(a.key) for a in meixian_config.county.accounts}
        [delivery] = first.deliveries
        assert delivery.sent == len(first.warnings) and len(httpserver.log) > 1  # split at 4096 bytes
        again = only(send_daily_warnings(db, date(2023, 6, 20), settings=Settings(), secrets={}))
        assert again.deliveries[0].already == len(first.warnings) and again.deliveries[0].sent == 0
    finally:
        db.dispose()


def test_a_concurrent_run_that_sent_the_same_digest_does_not_crash_the_other(demo_copy, httpserver, monkeypatch):
    httpserver.expect_request("/wecom").respond_with_json(OK)
    store_recipients(demo_copy, NotifyConfig.model_validate(
        {"centre": {"robots": [{"kind": "wecom", "url": httpserver.url_for("/wecom?key=c")}]}}))
    first = only(send_daily_warnings(demo_copy, date(2023, 6, 20), settings=Settings(), secrets={}))
    recorded = sent_count(demo_copy)
    # the other run read "nothing sent yet" before this one recorded its sends
    monkeypatch.setattr("govwatch.services.warnings.sent_keys", lambda *args: set())
    second = only(send_daily_warnings(demo_copy, date(2023, 6, 20), settings=Settings(), secrets={}))
    assert second.deliveries[0].sent == first.deliveries[0].sent and sent_count(demo_copy) == recorded
