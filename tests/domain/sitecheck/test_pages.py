from govwatch.domain.sitecheck.model import GatheredPage
from govwatch.domain.sitecheck.pages import guide_incomplete, identity_missing, meta_missing

SITE = {"sitename": "县政府", "sitedomain": "www.x.gov.cn", "siteidcode": "6100000001"}
FOOTER = ("网站标识码：6100000001 陕ICP备05001234号 陕公网安备 61032602000123号 "
          "http://bszs.conac.cn/sitename?method=show&id=1")


def test_meta_tags_by_page_type():
    pages = [
        GatheredPage(url="home", type="home", meta=SITE),
        GatheredPage(url="list", type="list", meta={**SITE, "columnname": "动态", "columntype": "列表"}),
        GatheredPage(url="art", type="article", meta={**SITE, "articletitle": "t", "pubdate": "2024-01-01",
                                                        "contentsource": "办公室"}),
        GatheredPage(url="bare", type="article"),
    ]
    found = {f.url: f.detail for f in meta_missing(pages)}
    assert set(found) == {"list", "bare"}
    assert found["list"].endswith("ColumnDescription、ColumnKeywords")
    assert "SiteIDCode" in found["bare"] and "ArticleTitle" in found["bare"]


def test_identity_marks_reported_once_for_the_site_with_an_example():
    pages = [GatheredPage(url="home", type="home", footer=FOOTER),
             GatheredPage(url="a1", type="article", footer=FOOTER.replace("陕公网安备 61032602000123号", "")),
             GatheredPage(url="a2", type="article", footer="网站标识码：6100000001"),
             GatheredPage(url="file", type="other")]
    found = {f.detail.split("：")[0]: f for f in identity_missing(pages, ["党政机关标识", "网站标识码", "ICP备案号",
                                                                         "公安机关备案号"])}
    assert set(found) == {"网站页面缺少党政机关标识", "网站页面缺少ICP备案号", "网站页面缺少公安机关备案号"}
    assert found["网站页面缺少公安机关备案号"].url == "a1" and "2/3" in found["网站页面缺少公安机关备案号"].detail
    assert identity_missing(pages[:1], ["党政机关标识", "网站标识码", "ICP备案号", "公安机关备案号"]) == []


def test_a_guide_lacks_elements_absent_or_empty(rules):
    complete = {"事项名称": "低保", "受理条件": "收入低", "申请材料": "身份证", "设定依据": "《办法》", "办理地点": "中心",
                "办理时间": "工作日", "咨询电话": "0917-1234567", "办理流程": "申请、审批"}
    lacking = {**complete, "设定依据": "无", "咨询电话": ""}
    pages = [GatheredPage(url="g1", type="guide", fields=complete), GatheredPage(url="g2", type="guide", fields=lacking),
             GatheredPage(url="a", type="article", fields={})]
    [finding] = guide_incomplete(pages, rules.guide_fields)
    assert finding.url == "g2" and finding.detail == "办事指南缺少要素：设定依据、联系电话"
