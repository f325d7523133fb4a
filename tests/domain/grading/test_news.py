from datetime import date

from govwatch.domain.calendar import DayRange, Month
from govwatch.domain.grading.context import Judging
from govwatch.domain.grading.news import grade_news
from govwatch.domain.grading.reasons import ReasonKind
from govwatch.domain.model import ColumnKey, Severity, TextIssue
from tests.conftest import post

JUDGING = Judging(Month(2023, 6), "Asia/Shanghai", include_suspects=False)
NEWS = ColumnKey("新闻动态", None, "部门动态")
OTHER = ColumnKey("政府信息公开", "县测试局", "政府机构")


def news(n, issues=(), start=1):
    return [post(date(2023, 6, start + i), column=NEWS, issues=issues if i == 0 else ()) for i in range(n)]


def test_none_published_fails(rules):
    result = grade_news("县测试局", [post(date(2023, 6, 2), column=OTHER)], JUDGING, rules.news)
    assert (len(result.posts), result.computed) == (0, "不合格")


def test_five_clean_items_are_excellent_four_are_not(rules):
    assert grade_news("县测试局", news(5), JUDGING, rules.news).computed == "优秀"
    assert grade_news("县测试局", news(4), JUDGING, rules.news).computed == "合格"


def test_a_minor_finding_blocks_excellent(rules):
    minor = (TextIssue("usage", Severity.WARNING, True, "成份", "成分"),)
    result = grade_news("县测试局", news(11, minor), JUDGING, rules.news)
    assert result.computed == "合格"
    assert result.reasons[-1].rule == "news.minor_blocks_excellent"


def test_a_serious_error_fails(rules):
    serious = (TextIssue("usage", Severity.ERROR, True, "截止目前", "截至目前"),)
    assert grade_news("县测试局", news(6, serious), JUDGING, rules.news).computed == "不合格"


def test_items_of_other_units_and_months_do_not_count(rules):
    posts = [*news(1), post(date(2023, 5, 31), column=NEWS), post(date(2023, 6, 3), unit="县别的局", column=NEWS)]
    assert len(grade_news("县测试局", posts, JUDGING, rules.news).posts) == 1


def test_national_silence_rule_fails_a_stale_column(rules):
    national = rules.news.model_copy(update={"max_silent_days": 14, "excellent_min_posts": None})
    posts = [post(date(2023, 6, 1), column=NEWS), post(date(2023, 6, 28), column=NEWS)]
    result = grade_news("县测试局", posts, JUDGING, national)
    assert result.computed == "不合格"
    assert result.reasons[-1].kind is ReasonKind.NEWS_SILENT
    assert result.reasons[-1].days == (DayRange(date(2023, 6, 2), date(2023, 6, 27)),)
