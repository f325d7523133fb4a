from datetime import date, timedelta

from govwatch.domain.sitecheck.freshness import columns, home_stale, months_before
from govwatch.domain.sitecheck.model import GatheredPage

TODAY = date(2024, 6, 20)


def listing(url, column, *ages, items=None, column_url=None):
    dates = tuple(TODAY - timedelta(days=a) for a in ages)
    return GatheredPage(url=url, type="list", column=column, column_url=column_url or url, item_dates=dates,
                        items=len(dates) if items is None else items)


def test_home_is_stale_without_an_item_in_the_last_14_days():
    fresh = GatheredPage(url="h", type="home", item_dates=(TODAY - timedelta(days=14),))
    stale = GatheredPage(url="h", type="home", item_dates=(TODAY - timedelta(days=15), TODAY + timedelta(days=3)))
    assert home_stale(fresh, TODAY, 14) == []
    [finding] = home_stale(stale, TODAY, 14)
    assert finding.kind == "home_stale" and "2024-06-05" in finding.detail
    assert home_stale(GatheredPage(url="h", type="home"), TODAY, 14)[0].detail.endswith("首页未显示带日期的信息")


def test_news_columns_have_14_days_and_notice_columns_6_months(rules):
    pages = [listing("a", "工作动态", 15), listing("b", "部门要闻", 13), listing("c", "通知公告", 200),
             listing("d", "政策文件", 150), listing("e", "机构职能", 900)]
    found = {f.column: f.kind for f in columns(pages, TODAY, rules.columns)}
    assert found == {"工作动态": "column_stale", "通知公告": "column_stale"}


def test_a_configured_cycle_judges_other_columns(rules):
    windows = rules.columns.model_copy(update={"configured": {"机构职能": 92, "工作动态": 400}})
    found = {f.column for f in columns([listing("e", "机构职能", 93), listing("a", "工作动态", 15)], TODAY, windows)}
    assert found == {"机构职能", "工作动态"}  # a 动态 column keeps its national 14 days


def test_a_column_is_judged_over_all_its_pages_and_empty_only_when_every_page_is(rules):
    pages = [listing("n/", "工作动态", 20), listing("n/index_1.html", "工作动态", 3, column_url="n/"),
             listing("z/", "专题", items=0), listing("z/index_1.html", "专题", items=0, column_url="z/")]
    found = [(f.kind, f.url) for f in columns(pages, TODAY, rules.columns)]
    assert found == [("column_empty", "z/")]


def test_undated_items_do_not_count_as_updates(rules):
    [finding] = columns([listing("a", "工作动态", items=3)], TODAY, rules.columns)
    assert finding.kind == "column_stale" and "未注明发布日期" in finding.detail


def test_months_before_keeps_the_day_or_the_month_end():
    assert months_before(date(2024, 8, 31), 6) == date(2024, 2, 29)
    assert months_before(date(2024, 6, 20), 6) == date(2023, 12, 20)
