"""Early warnings: each threshold from both sides, the silences against the rules' limits, rectification deadlines."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govwatch.domain.county import County
from govwatch.domain.model import AccountKey, ColumnKey, Platform, PostKind
from govwatch.domain.rectification import RectificationItem, Status
from govwatch.domain.warnings import EarlyWarning, WarningKind, due_warnings
from tests.conftest import post

UNIT = "县测试局"
ACCOUNT = AccountKey("测试发布", Platform.WECHAT_SUBSCRIPTION)
HISTORY = date(2023, 1, 1)


def county(monitored_from: date | None = None) -> County:
    return County.model_validate({
        "county": {"name": "测试县", "issuer": "测试县人民政府办公室"},
        "units": [{"name": UNIT}],
        "channels": [{"name": "政府信息公开", "per_unit": True},
                     {"name": "新闻动态", "per_unit": False, "columns": ["部门动态"]}],
        "assignments": [
            {"unit": UNIT, "channel": "政府信息公开", "columns": [
                {"column": "月度栏目", "cycle": "1条/月"},
                {"column": "双月栏目", "cycle": "2条/月"},
                {"column": "季度栏目", "cycle": "1条/季度"},
                {"column": "半年栏目", "cycle": "1条/半年"},
                {"column": "年度栏目", "cycle": "1条/年"},
                {"column": "实时栏目", "cycle": "实时更新"},
            ]},
            {"unit": UNIT, "channel": "新闻动态", "columns": [{"column": "部门动态", "cycle": "实时更新"}]},
        ],
        "accounts": [{"name": ACCOUNT.name, "platform": ACCOUNT.platform, "unit": UNIT,
                      "monitored_from": monitored_from}],
    })


def column(name: str) -> ColumnKey:
    return ColumnKey("政府信息公开", UNIT, name)


def warnings_on(today, rules, posts=(), items=(), monitored_from=None, kinds=None) -> list[EarlyWarning]:
    found = due_warnings(county(monitored_from), rules, list(posts), list(items), today, HISTORY)
    return [w for w in found if kinds is None or w.kind in kinds]


def account_posts(*days: date, kind: PostKind = PostKind.ORIGINAL) -> list:
    return [post(d, UNIT, account=ACCOUNT, kind=kind) for d in days]


def daily_reposts(start: date, end: date) -> list:
    return account_posts(*(start + timedelta(days=i) for i in range((end - start).days + 1)),
                         kind=PostKind.OTHER_REPOST)


ACCOUNT_KINDS = {WarningKind.ACCOUNT_SILENT, WarningKind.ACCOUNT_NO_ORIGINAL}


# --- accounts ---------------------------------------------------------------------------------------

def test_original_silence_warned_on_day_five_not_four(rules):
    posts = account_posts(date(2023, 5, 31)) + daily_reposts(date(2023, 6, 1), date(2023, 6, 30))
    assert warnings_on(date(2023, 6, 5), rules, posts, kinds=ACCOUNT_KINDS) == []
    [warning] = warnings_on(date(2023, 6, 6), rules, posts, kinds=ACCOUNT_KINDS)
    assert warning.kind is WarningKind.ACCOUNT_NO_ORIGINAL
    assert (warning.unit, warning.subject) == (UNIT, "测试发布（微信订阅号）")
    assert (warning.silent_days, warning.allowed_days, warning.deadline) == (5, 7, date(2023, 6, 8))
    assert not warning.broken
    assert "已连续5天（06-01起）未发布原创信息" in warning.message and "06-08前" in warning.message


def test_a_silence_past_the_limit_is_still_warned_and_marked_broken(rules):
    posts = account_posts(date(2023, 5, 31)) + daily_reposts(date(2023, 6, 1), date(2023, 6, 30))
    [warning] = warnings_on(date(2023, 6, 9), rules, posts, kinds=ACCOUNT_KINDS)
    assert warning.silent_days == 8 and warning.broken and "已超过规定的7天" in warning.message


@given(last=st.integers(0, 40), ahead=st.integers(1, 20))
def test_original_silence_threshold_for_any_day(rules, last, ahead):
    last_original = date(2023, 5, 1) + timedelta(days=last)
    today = last_original + timedelta(days=ahead)
    posts = account_posts(last_original) + daily_reposts(date(2023, 5, 1), today)
    found = warnings_on(today, rules, posts, kinds=ACCOUNT_KINDS)
    whole_days = ahead - 1
    assert bool(found) == (whole_days >= rules.warnings.account_original_silent_days)
    if found:
        assert found[0].silent_days == whole_days
        assert found[0].deadline == last_original + timedelta(days=1 + rules.new_media.max_original_silent_days)
        assert found[0].key == f"account_no_original:测试发布（微信订阅号）:{last_original + timedelta(days=1)}"


def test_no_post_at_all_is_warned_once_as_silence(rules):
    posts = account_posts(date(2023, 5, 31))
    assert warnings_on(date(2023, 6, 5), rules, posts, kinds=ACCOUNT_KINDS) == []
    [warning] = warnings_on(date(2023, 6, 6), rules, posts, kinds=ACCOUNT_KINDS)
    assert warning.kind is WarningKind.ACCOUNT_SILENT and "未发布任何信息" in warning.message


def test_one_silence_is_warned_by_the_stricter_rule(rules):
    stricter = rules.model_copy(update={"new_media": rules.new_media.model_copy(
        update={"max_silent_days": 14, "max_original_silent_days": 7})})
    [warning] = warnings_on(date(2023, 6, 10), stricter, account_posts(date(2023, 6, 1)), kinds=ACCOUNT_KINDS)
    assert warning.kind is WarningKind.ACCOUNT_NO_ORIGINAL and warning.allowed_days == 7 and warning.broken


def test_silence_and_an_older_original_silence_are_both_warned(rules):
    posts = account_posts(date(2023, 5, 20)) + account_posts(date(2023, 5, 31), kind=PostKind.RECOMMENDED)
    found = warnings_on(date(2023, 6, 6), rules, posts, kinds=ACCOUNT_KINDS)
    assert {w.kind: w.silent_days for w in found} == {WarningKind.ACCOUNT_SILENT: 5,
                                                      WarningKind.ACCOUNT_NO_ORIGINAL: 16}


def test_a_post_today_ends_the_silence(rules):
    posts = account_posts(date(2023, 5, 31), date(2023, 6, 6))
    assert warnings_on(date(2023, 6, 6), rules, posts, kinds=ACCOUNT_KINDS) == []


def test_posts_after_today_are_not_seen(rules):
    posts = account_posts(date(2023, 5, 31), date(2023, 6, 7))
    assert len(warnings_on(date(2023, 6, 6), rules, posts, kinds=ACCOUNT_KINDS)) == 1


def test_no_silence_before_monitoring_began(rules):
    start = date(2023, 6, 3)
    assert warnings_on(date(2023, 6, 7), rules, monitored_from=start, kinds=ACCOUNT_KINDS) == []
    [warning] = warnings_on(date(2023, 6, 8), rules, monitored_from=start, kinds=ACCOUNT_KINDS)
    assert warning.silent_days == 5 and warning.key.endswith(":2023-06-03")


def test_no_threshold_or_no_rule_means_no_account_warning(rules):
    off = rules.model_copy(update={"warnings": rules.warnings.model_copy(
        update={"account_silent_days": None, "account_original_silent_days": None})})
    assert warnings_on(date(2023, 6, 20), off, account_posts(date(2023, 5, 31)), kinds=ACCOUNT_KINDS) == []
    unruled = rules.model_copy(update={"new_media": rules.new_media.model_copy(
        update={"max_silent_days": None, "max_original_silent_days": None})})
    assert warnings_on(date(2023, 6, 20), unruled, account_posts(date(2023, 5, 31)), kinds=ACCOUNT_KINDS) == []


# --- columns ----------------------------------------------------------------------------------------

def column_warnings(today, rules, posts=()):
    return {w.subject: w for w in warnings_on(today, rules, posts, kinds={WarningKind.COLUMN_SHORT})}


def test_monthly_column_warned_from_the_twentieth(rules):
    assert "政府信息公开·月度栏目" not in column_warnings(date(2023, 5, 19), rules)
    warning = column_warnings(date(2023, 5, 20), rules)["政府信息公开·月度栏目"]
    assert (warning.required, warning.actual, warning.deadline) == (1, 0, date(2023, 5, 31))
    assert warning.unit == UNIT and "本月应更新1条（1条/月），目前0条，请于05-31前更新" in warning.message


def test_monthly_column_with_its_quota_is_not_warned_but_one_short_is(rules):
    posts = [post(date(2023, 5, 3), UNIT, column("月度栏目")), post(date(2023, 5, 4), UNIT, column("双月栏目"))]
    found = column_warnings(date(2023, 5, 25), rules, posts)
    assert "政府信息公开·月度栏目" not in found
    assert (found["政府信息公开·双月栏目"].required, found["政府信息公开·双月栏目"].actual) == (2, 1)


def test_an_item_of_last_month_does_not_count(rules):
    posts = [post(date(2023, 4, 30), UNIT, column("月度栏目"))]
    assert "政府信息公开·月度栏目" in column_warnings(date(2023, 5, 20), rules, posts)


def test_quarterly_column_warned_in_the_quarters_last_month_only(rules):
    assert "政府信息公开·季度栏目" not in column_warnings(date(2023, 5, 31), rules)
    warning = column_warnings(date(2023, 6, 1), rules)["政府信息公开·季度栏目"]
    assert warning.deadline == date(2023, 6, 30) and "本季度" in warning.message
    assert warning.key == "column_short:县测试局:政府信息公开/县测试局/季度栏目:2023-04-01"
    earlier = [post(date(2023, 4, 12), UNIT, column("季度栏目"))]
    assert "政府信息公开·季度栏目" not in column_warnings(date(2023, 6, 1), rules, earlier)


def test_configured_day_of_the_quarters_last_month(rules):
    later = rules.model_copy(update={"warnings": rules.warnings.model_copy(update={"quarter_column_day": 10})})
    assert "政府信息公开·季度栏目" not in column_warnings(date(2023, 9, 9), later)
    assert "政府信息公开·季度栏目" in column_warnings(date(2023, 9, 10), later)


def test_half_year_and_year_columns(rules):
    assert "政府信息公开·半年栏目" not in column_warnings(date(2023, 5, 31), rules)
    assert "政府信息公开·半年栏目" in column_warnings(date(2023, 6, 1), rules)
    january = [post(date(2023, 1, 9), UNIT, column("半年栏目"))]
    assert "政府信息公开·半年栏目" not in column_warnings(date(2023, 6, 1), rules, january)
    assert "政府信息公开·年度栏目" not in column_warnings(date(2023, 11, 30), rules)
    assert column_warnings(date(2023, 12, 1), rules)["政府信息公开·年度栏目"].deadline == date(2023, 12, 31)


def test_realtime_columns_are_never_warned(rules):
    assert not any("实时" in s or "部门动态" in s for s in column_warnings(date(2023, 12, 31), rules))


def test_a_warning_day_past_the_months_end_means_its_last_day(rules):
    late = rules.model_copy(update={"warnings": rules.warnings.model_copy(update={"month_column_day": 31})})
    assert "政府信息公开·月度栏目" not in column_warnings(date(2023, 2, 27), late)
    assert "政府信息公开·月度栏目" in column_warnings(date(2023, 2, 28), late)


# --- news (a rule of the national preset) -------------------------------------------------------------

def test_news_silence_where_the_rules_limit_it(rules):
    news = ColumnKey("新闻动态", None, "部门动态")
    posts = [post(date(2023, 6, 1), UNIT, news)]
    assert warnings_on(date(2023, 6, 20), rules, posts, kinds={WarningKind.NEWS_SILENT}) == []  # 眉县: no limit
    national = rules.model_copy(update={"news": rules.news.model_copy(update={"max_silent_days": 14})})
    assert warnings_on(date(2023, 6, 11), national, posts, kinds={WarningKind.NEWS_SILENT}) == []
    [warning] = warnings_on(date(2023, 6, 12), national, posts, kinds={WarningKind.NEWS_SILENT})
    assert (warning.silent_days, warning.allowed_days, warning.deadline) == (10, 14, date(2023, 6, 16))


# --- rectifications ---------------------------------------------------------------------------------

DEADLINE = datetime.combine(date(2023, 7, 20), time(18), ZoneInfo("Asia/Shanghai"))


def item(status: Status = Status.OPEN, responded_at: datetime | None = None) -> RectificationItem:
    return RectificationItem(7, "2023-06", "new_media", "测试发布（微信订阅号）", UNIT, "不合格", [], DEADLINE, status,
                             responded_at=responded_at)


RECTIFY = {WarningKind.RECTIFICATION_DUE, WarningKind.RECTIFICATION_OVERDUE}


@pytest.mark.parametrize("today, kind, words", [
    (date(2023, 7, 18), None, None),
    (date(2023, 7, 19), WarningKind.RECTIFICATION_DUE, "将于明天（07-20 18:00）截止"),
    (date(2023, 7, 20), WarningKind.RECTIFICATION_DUE, "将于今天18:00截止"),
    (date(2023, 7, 21), WarningKind.RECTIFICATION_OVERDUE, "已于07-20 18:00逾期"),
])
def test_rectification_due_tomorrow_today_and_overdue(rules, today, kind, words):
    found = warnings_on(today, rules, items=[item()], kinds=RECTIFY)
    assert [w.kind for w in found] == ([kind] if kind else [])
    if kind:
        assert words in found[0].message and found[0].key == f"{kind}:7"
        assert found[0].broken == (kind is WarningKind.RECTIFICATION_OVERDUE)


def test_answered_or_withdrawn_rectifications_are_not_warned(rules):
    answered = item(Status.RESPONDED, DEADLINE - timedelta(days=2))
    assert warnings_on(date(2023, 7, 21), rules, items=[answered, item(Status.WITHDRAWN)], kinds=RECTIFY) == []


def test_rectification_warned_earlier_when_configured(rules):
    earlier = rules.model_copy(update={"warnings": rules.warnings.model_copy(update={"rectification_days_before": 3})})
    assert warnings_on(date(2023, 7, 16), earlier, items=[item()], kinds=RECTIFY) == []
    [warning] = warnings_on(date(2023, 7, 17), earlier, items=[item()], kinds=RECTIFY)
    assert "将于3天后" in warning.message


def test_a_silence_reaching_back_to_the_first_day_read_is_told_as_at_least(rules):
    [warning] = warnings_on(date(2023, 1, 9), rules, kinds=ACCOUNT_KINDS)
    assert warning.silent_days == 8 and "测试发布（微信订阅号）自01-01以来（至少8天）未发布任何信息" in warning.message
    [watched] = warnings_on(date(2023, 1, 9), rules, monitored_from=HISTORY, kinds=ACCOUNT_KINDS)
    assert "已连续8天（01-01起）" in watched.message  # watched from that day: exactly 8


@given(day=st.dates(date(2023, 1, 1), date(2024, 12, 31)))
def test_column_thresholds_on_any_day(rules, day):
    found = column_warnings(day, rules)
    assert ("政府信息公开·月度栏目" in found) == (day.day >= rules.warnings.month_column_day)
    assert ("政府信息公开·季度栏目" in found) == (day.month % 3 == 0 and day.day >= rules.warnings.quarter_column_day)
    assert ("政府信息公开·半年栏目" in found) == (day.month in (6, 12))
    assert ("政府信息公开·年度栏目" in found) == (day.month == 12)
