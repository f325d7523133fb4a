"""Routing warnings to recipients and rendering the digest: one message each, split only to fit a channel."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from govwatch.domain.warnings import EarlyWarning, WarningKind
from govwatch.notify.digest import render, route
from govwatch.notify.recipients import NotifyConfig
from govwatch.notify.wecom import WECOM_MAX_BYTES

TODAY = date(2023, 6, 6)


def warning(unit: str, n: int, kind: WarningKind = WarningKind.COLUMN_SHORT, text: str = "") -> EarlyWarning:
    return EarlyWarning(kind, unit, f"栏目{n}", f"{kind}:{unit}:{n}", text or f"栏目{n}本月应更新1条，目前0条")


def config(**data) -> NotifyConfig:
    return NotifyConfig.model_validate(data)


WARNINGS = [warning("县教体局", 1), warning("县教体局", 2, WarningKind.ACCOUNT_NO_ORIGINAL), warning("县民政局", 3)]


def test_centre_gets_the_county_and_units_their_own(meixian_config):
    setup = config(centre={"email": ["c@x.cn"]},
                   units=[{"unit": "县教体局", "email": ["j@x.cn"]}, {"unit": "县人社局", "email": ["r@x.cn"]}])
    digests = {d.target.address: d for d in route(setup, meixian_config.county, WARNINGS)}
    assert set(digests) == {"email:c@x.cn", "email:j@x.cn"}  # 县人社局 has nothing today: no message
    assert len(digests["email:c@x.cn"].warnings) == 3 and digests["email:c@x.cn"].scope == "眉县全县"
    assert {w.unit for w in digests["email:j@x.cn"].warnings} == {"县教体局"}


def test_a_unit_dropped_from_the_county_since_notify_was_loaded_is_left_out(meixian_config):
    setup = config(centre={"email": ["c@x.cn"]},
                   units=[{"unit": "县已撤并局", "email": ["gone@x.cn"]}, {"unit": "县教体局", "email": ["j@x.cn"]}])
    digests = {d.target.address: d for d in route(setup, meixian_config.county, WARNINGS)}
    assert set(digests) == {"email:c@x.cn", "email:j@x.cn"}
    assert setup.for_unit(meixian_config.county, "县民政局") is None


def test_kinds_filter_and_an_address_configured_twice_gets_one_digest(meixian_config):
    setup = config(centre={"email": ["same@x.cn"], "kinds": ["column_short"]},
                   units=[{"unit": "县教体局", "email": ["same@x.cn"]}])
    [digest] = route(setup, meixian_config.county, WARNINGS)
    assert sorted(w.key for w in digest.warnings) == sorted(w.key for w in WARNINGS)
    only = config(units=[{"unit": "县教体局", "email": ["j@x.cn"], "kinds": ["account_no_original"]}])
    [digest] = route(only, meixian_config.county, WARNINGS)
    assert [w.kind for w in digest.warnings] == [WarningKind.ACCOUNT_NO_ORIGINAL]


def test_a_robot_is_identified_without_showing_its_key(meixian_config):
    url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key"
    [digest] = route(config(centre={"robots": [{"kind": "wecom", "url": url}]}), meixian_config.county, WARNINGS)
    assert "secret-key" not in digest.target.address + digest.target.label
    assert digest.target.channel == "wecom"


def test_small_digest_is_one_message_holding_every_warning(meixian_config):
    [digest] = route(config(centre={"email": ["c@x.cn"]}), meixian_config.county, WARNINGS)
    [part] = render(digest, "眉县", TODAY, markdown=False)
    assert part.title == "眉县政务公开预警 2023-06-06"
    assert "今日预警3条" in part.body and "【栏目更新不足】县民政局：栏目3" in part.body and "**" not in part.body
    [md] = render(digest, "眉县", TODAY, markdown=True, max_bytes=WECOM_MAX_BYTES)
    assert md.body.startswith("### 眉县政务公开预警") and "**【新媒体原创未更新】**" in md.body


@settings(max_examples=30, deadline=None)
@given(count=st.integers(1, 120), length=st.integers(10, 400), limit=st.sampled_from([600, 1000, WECOM_MAX_BYTES]))
def test_split_parts_fit_the_limit_and_carry_each_warning_once(meixian_config, count, length, limit):
    many = [warning("县教体局", n, text="县" * length) for n in range(count)]
    [digest] = route(config(centre={"email": ["c@x.cn"]}), meixian_config.county, many)
    parts = render(digest, "眉县", TODAY, markdown=True, max_bytes=limit)
    assert all(len(p.body.encode()) <= limit for p in parts)
    assert [w.key for p in parts for w in p.warnings] == [w.key for w in digest.warnings]
    if len(parts) > 1:
        assert parts[-1].title.endswith(f"（{len(parts)}/{len(parts)}）")
