"""Local county portals of three CMS styles, each planting every site-check kind beside controls.

The page conventions are those the crawler's own fakes follow (collect/fakes/pages.py): TRS WCM
(`/col/xxx/index.html`, `createPageHTML` pager, `/YYYYMM/tYYYYMMDD_N.html`, `TRS_Editor`), 大汉 Hanweb
JCMS (`/col/colN/index.html` filled from `dataproxy.jsp` POSTs, `/art/Y/M/D/art_C_N.html`) and a
hand-made ASP site (`list.asp?id=N` with a 下一页 link, no meta tags). Every host is answered by one app
through the proxy mode: the portal (www.testxian.gov.cn), a visible external site (www.example.com,
robots.txt forbidding /secret/), the sites 暗链 point to, and any other host (footer marks) with 200.

`planted` lists the (kind, url) pairs each portal must be reported for and nothing else; controls —
a complete 办事指南, masked ID lists, a visible external link, answered 留言, pages with every meta
tag, a hidden link within the site — carry no finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape
from urllib.parse import urlencode

from govwatch.collect.fakes.server import FakeRequest, FakeResponse

HOST = "www.testxian.gov.cn"
BASE = f"http://{HOST}"
TODAY = date(2024, 6, 20)
FULL_ID = "110101199003078515"  # a valid GB 11643 number (checksum and birth date)
MASKED_ID = "1101**********8515"
FOOTER = ('<div class="footer"><p>主办：测试县人民政府办公室 网站标识码：6100000001</p>'
          '<p><a href="http://beian.miit.gov.cn/">陕ICP备05001234号</a> '
          '<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=61032602000123">'
          '陕公网安备 61032602000123号</a></p>'
          '<a href="http://bszs.conac.cn/sitename?method=show&id=ABCDEF"><img src="/images/red.png" alt="党政机关"></a>'
          '</div>')
GUIDE_ROWS = {"事项名称": "城乡居民最低生活保障审批", "设定依据": "《社会救助暂行办法》", "申请条件": "家庭人均收入低于当地低保标准",
              "办理材料": "户口簿、身份证、收入证明", "办理地点": "县便民服务中心二楼", "办理时间": "工作日 9:00-17:00",
              "联系电话": "0917-5512345", "办理流程": "申请、审核、公示、审批"}


def days_ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@dataclass
class FakeSites:
    """Every host's pages by (host, path with query); the requests each host saw."""

    pages: dict[tuple[str, str], tuple[int, str, bytes]] = field(default_factory=dict)
    seen: list[tuple[str, str, str]] = field(default_factory=list)  # (method, host, path)
    planted: set[tuple[str, str]] = field(default_factory=set)
    dataproxy: dict[str, list[str]] = field(default_factory=dict)  # Hanweb columnid → record <li>s

    def put(self, url_path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8",
            host: str = HOST, status: int = 200) -> str:
        data = body.encode() if isinstance(body, str) else body
        self.pages[(host, url_path)] = (status, content_type, data)
        return f"http://{host}{url_path}"

    def plant(self, kind: str, url: str) -> None:
        self.planted.add((kind, url))

    def __call__(self, request: FakeRequest) -> FakeResponse:
        path = request.path + (f"?{urlencode(sorted(request.query.items()))}" if request.query else "")
        self.seen.append((request.method, request.host, path))
        if request.path.endswith("dataproxy.jsp"):
            rows = self.dataproxy.get(request.form().get("columnid", ""), [])
            start, end = int(request.query.get("startrecord", 1)), int(request.query.get("endrecord", 45))
            records = "".join(f"<record><![CDATA[{r}]]></record>" for r in rows[start - 1:end])
            body = (f'<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>{len(rows)}</totalrecord>'
                    f"<recordset>{records}</recordset></datastore>")
            return FakeResponse(200, body.encode(), {"Content-Type": "text/xml; charset=utf-8"})
        found = self.pages.get((request.host, path)) or self.pages.get((request.host, path + "index.html"))
        if found is None and request.host != HOST and (request.host, path) not in self.pages:
            if path == "/robots.txt" or request.host == "www.example.com":
                return FakeResponse(404, b"not found", {"Content-Type": "text/plain"})
            return FakeResponse(200, b"<html><body>ok</body></html>", {"Content-Type": "text/html"})
        if found is None:
            return FakeResponse(404, "<html><body>页面不存在</body></html>".encode(), {"Content-Type": "text/html"})
        status, kind, body = found
        return FakeResponse(status, body, {"Content-Type": kind})

    def requested(self, host: str, prefix: str) -> list[str]:
        return [p for _, h, p in self.seen if h == host and p.startswith(prefix)]


def head(title: str, meta: dict[str, str], extra: str = "") -> str:
    tags = "".join(f'<meta name="{k}" content="{escape(v)}">' for k, v in meta.items())
    return f'<!DOCTYPE html><html><head><meta charset="utf-8">{tags}<title>{escape(title)}_测试县人民政府</title>{extra}</head>'


SITE_META = {"SiteName": "测试县人民政府", "SiteDomain": HOST, "SiteIDCode": "6100000001"}


def list_meta(column: str) -> dict[str, str]:
    return {**SITE_META, "ColumnName": column, "ColumnDescription": f"{column}栏目", "ColumnKeywords": column,
            "ColumnType": "信息列表"}


def article_meta(column: str, title: str, day: date) -> dict[str, str]:
    return {**SITE_META, "ColumnName": column, "ArticleTitle": title, "PubDate": f"{day:%Y-%m-%d} 09:00",
            "ContentSource": "测试县人民政府办公室"}


def item(url: str, title: str, day: date) -> str:
    return f'<li><a href="{url}" title="{escape(title)}">{escape(title)}</a><span>{day:%Y-%m-%d}</span></li>'


def page(title: str, meta: dict[str, str], body: str, footer: str = FOOTER, extra_head: str = "") -> str:
    nav = '<div class="nav"><a href="/">首页</a> <a href="/index.html">网站首页</a></div>'
    return head(title, meta, extra_head) + f"<body>{nav}{body}{footer}</body></html>"


def article_body(title: str, day: date, text: str, links: str = "") -> str:
    return (f"<div class='article'><h1>{escape(title)}</h1><div class='info'>发布时间：{day:%Y-%m-%d} 09:00 "
            f"来源：测试县人民政府办公室</div><div class='TRS_Editor'><p>{text}</p></div>{links}</div>")


def guide_page(rows: dict[str, str]) -> str:
    cells = "".join(f"<tr><td>{k}</td><td>{escape(v)}</td></tr>" for k, v in rows.items())
    meta = article_meta("办事指南", "城乡低保办事指南", days_ago(30))
    return page("城乡低保办事指南", meta, f"<h1>城乡低保办事指南</h1><div class='TRS_Editor'><table>{cells}</table></div>")


def message_page(asked: date, answered: date | None) -> str:
    reply = (f"<p>答复时间：{answered:%Y-%m-%d}</p><p>答复内容：您好，已转相关部门办理。</p>" if answered
             else "<p>答复内容：暂未回复</p>")
    body = (f"<div class='TRS_Editor'><h1>关于村道维修的咨询</h1><p>留言时间：{asked:%Y-%m-%d} 10:12</p>"
            f"<p>留言内容：村道破损，何时维修？</p>{reply}</div>")
    return page("关于村道维修的咨询", SITE_META, body)


def trs_portal() -> FakeSites:
    """TRS WCM style: the richest portal, planting every kind once and holding every control."""
    s = FakeSites()
    s.put("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    s.put("/robots.txt", "User-agent: *\nDisallow: /secret/\n", "text/plain", host="www.example.com")
    s.put("/", b"", host="www.example.com")
    s.put("/css/site.css", ".hd { position: absolute; left: -9999px } .article a:hover { display: none }",
          "text/css", host=HOST)
    # 工作动态: fresh (control), two pages by the script pager.
    news = [(f"/202406/t2024061{i}_{100 + i}.html", f"县政府召开第{i}次常务会议", days_ago(i + 5)) for i in range(4)]
    s.put("/xwzx/gzdt/index.html", page("工作动态", list_meta("工作动态"),
          "<ul class='list'>" + "".join(item(u, t, d) for u, t, d in news[:2]) + "</ul>"
          "<script>createPageHTML(2, 0, \"index\", \"html\");</script>"))
    s.put("/xwzx/gzdt/index_1.html", page("工作动态", list_meta("工作动态"),
          "<ul class='list'>" + "".join(item(u, t, d) for u, t, d in news[2:]) + "</ul>"
          "<script>createPageHTML(2, 1, \"index\", \"html\");</script>"))
    for url, title, day in news:
        s.put(url, page(title, article_meta("工作动态", title, day), article_body(title, day, "会议研究了有关工作。")))
    # 通知公告: last item 8 months ago (column_stale); 政策文件: 2 months ago (control).
    old = ("/202310/t20231015_200.html", "关于秋季防火的通知", days_ago(250))
    s.put("/zwgk/tzgg/index.html", page("通知公告", list_meta("通知公告"), "<ul>" + item(*old) + "</ul>"))
    s.plant("column_stale", f"{BASE}/zwgk/tzgg/")
    s.put(old[0], page(old[1], article_meta("通知公告", old[1], old[2]), article_body(old[1], old[2], "请做好防火工作。")))
    policy = ("/202404/t20240420_300.html", "县政府关于印发工作要点的通知", days_ago(60))
    s.put("/zwgk/zcwj/index.html", page("政策文件", list_meta("政策文件"), "<ul>" + item(*policy) + "</ul>"))
    # the policy article: a serious error in its text, a full ID list as CSV, a masked one, an unreadable PDF
    s.put(policy[0], page(policy[1], article_meta("政策文件", policy[1], policy[2]), article_body(
        policy[1], policy[2], "深入学习习近平新时代中国特色的社会主义思想。",
        '<p><a href="/upload/dibao.csv">低保名单</a> <a href="/upload/masked.csv">公示名单</a> '
        '<a href="/upload/broken.pdf">附件</a></p>')))
    s.plant("text_error", BASE + policy[0])
    s.put("/upload/dibao.csv", f"姓名,身份证号,金额\n张三,{FULL_ID},500\n", "text/csv")
    s.plant("privacy", f"{BASE}/upload/dibao.csv")
    s.put("/upload/masked.csv", f"姓名,身份证号,金额\n李四,{MASKED_ID},500\n", "text/csv")
    s.put("/upload/broken.pdf", b"this is not a pdf at all", "application/pdf")
    s.plant("attachment_unreadable", f"{BASE}/upload/broken.pdf")
    # 专题专栏: an empty column
    s.put("/ztzl/index.html", page("专题专栏", list_meta("专题专栏"), "<ul class='list'></ul><p>暂无信息</p>"))
    s.plant("column_empty", f"{BASE}/ztzl/")
    # an article missing two article meta tags; one with hidden and visible external links, and dead links
    bare = ("/202406/t20240618_400.html", "我县开展安全生产检查", days_ago(2))
    meta = {k: v for k, v in article_meta("工作动态", bare[1], bare[2]).items() if k not in ("PubDate", "ContentSource")}
    hidden_html = (
        '<div style="display:none"><a href="http://www.casino-one.com/">娱乐城</a></div>'
        '<p class="hd"><a href="http://www.casino-two.com/">彩票</a></p>'
        '<div id="ad"><a href="http://www.casino-three.com/">棋牌</a></div>'
        '<a href="#main" class="hd">跳到正文</a><a href="/about.html" class="hd">关于本站</a>'
        '<p><a href="http://www.example.com/">友情链接</a></p>'
        '<p><a href="http://www.example.com/secret/page.html">机密</a></p>'
        '<p><a href="http://www.example.com/gone.html">失效链接</a> <a href="/upload/missing.doc">旧附件</a></p>'
        '<p><a href="/private/inner.html">内部</a></p>')
    s.put(bare[0], page(bare[1], meta, article_body(bare[1], bare[2], "检查组深入企业开展检查。", hidden_html),
                        extra_head='<link rel="stylesheet" href="/css/site.css"><style>#ad a { font-size: 0 }</style>'))
    s.put("/about.html", page("关于本站", {**SITE_META, "ArticleTitle": "关于本站", "PubDate": "2024-01-01",
                                         "ContentSource": "测试县人民政府办公室"}, article_body("关于本站", days_ago(100), "本站简介。")))
    for host in ("www.casino-one.com", "www.casino-two.com", "www.casino-three.com"):
        s.plant("hidden_link", f"http://{host}/")
    s.plant("meta_missing", BASE + bare[0])
    s.plant("dead_link", "http://www.example.com/gone.html")
    s.plant("dead_link", f"{BASE}/upload/missing.doc")
    # a page with a full ID number in its text, and one with masked numbers (control)
    leak = ("/202406/t20240617_500.html", "2024年6月临时救助名单", days_ago(3))
    s.put(leak[0], page(leak[1], article_meta("工作动态", leak[1], leak[2]),
                        article_body(leak[1], leak[2], f"王五，身份证号{FULL_ID}，救助金额1000元。")))
    s.plant("privacy", BASE + leak[0])
    masked = ("/202406/t20240616_501.html", "2024年5月临时救助名单", days_ago(4))
    s.put(masked[0], page(masked[1], article_meta("工作动态", masked[1], masked[2]),
                          article_body(masked[1], masked[2], f"赵六，身份证号{MASKED_ID}，救助金额800元。")))
    # 办事指南: one complete (control), one missing 设定依据 and 联系电话
    s.put("/bsfw/bszn/index.html", page("办事指南", list_meta("办事指南"), "<ul>" + item(
        "/bsfw/bszn/guide1.html", "城乡低保办事指南", days_ago(30)) + item("/bsfw/bszn/guide2.html", "临时救助办事指南",
                                                                       days_ago(30)) + "</ul>"))
    s.put("/bsfw/bszn/guide1.html", guide_page(GUIDE_ROWS))
    s.put("/bsfw/bszn/guide2.html", guide_page({k: v for k, v in GUIDE_ROWS.items() if k not in ("设定依据", "联系电话")}))
    s.plant("guide_incomplete", f"{BASE}/bsfw/bszn/guide2.html")
    # 留言: answered in time (control), answered late, unanswered too long, unanswered but recent (control)
    messages = {"m1": (date(2024, 5, 6), date(2024, 5, 10)), "m2": (date(2024, 1, 2), date(2024, 2, 20)),
                "m3": (days_ago(120), None), "m4": (days_ago(30), None)}
    s.put("/hdjl/zxzx/index.html", page("咨询投诉", list_meta("咨询投诉"), "<ul>" + "".join(
        item(f"/hdjl/zxzx/{k}.html", f"咨询{k}", asked) for k, (asked, _) in messages.items()) + "</ul>"))
    for key, (asked, answered) in messages.items():
        s.put(f"/hdjl/zxzx/{key}.html", message_page(asked, answered))
    s.plant("interaction_overdue", f"{BASE}/hdjl/zxzx/m2.html")
    s.plant("interaction_overdue", f"{BASE}/hdjl/zxzx/m3.html")
    home_items = "".join(item(u, t, d) for u, t, d in news[:2])
    columns = "".join(f'<li><a href="{u}">{n}</a></li>' for n, u in (
        ("工作动态", "/xwzx/gzdt/index.html"), ("通知公告", "/zwgk/tzgg/"), ("政策文件", "/zwgk/zcwj/index.html"),
        ("专题专栏", "/ztzl/"), ("办事指南", "/bsfw/bszn/index.html"), ("咨询投诉", "/hdjl/zxzx/index.html")))
    links = "".join(f'<li><a href="{u}">{t}</a></li>' for u, t, _ in (bare, leak, masked))
    s.put("/", page("首页", SITE_META, f"<ul class='columns'>{columns}</ul><ul class='news'>{home_items}{links}</ul>"))
    return s


def hanweb_portal() -> FakeSites:
    """大汉 Hanweb JCMS style: columns filled by dataproxy POSTs; the home page and one news column stale."""
    s = FakeSites()
    columns = {"101": ("县政府动态", 20), "102": ("政策解读", 10)}
    nav = "".join(f'<li><a href="/col/col{c}/index.html">{n}</a></li>' for c, (n, _) in columns.items())
    for cid, (name, age) in columns.items():
        script = (f'<div id="div{cid}"></div><script type="text/javascript" src="/module/web/jpage/jpage.js"></script>'
                  f"<script>var pageConfig = {{columnid:'{cid}', unitid:'1', webid:'1', appid:'1', "
                  f"url:'/module/web/jpage/dataproxy.jsp', perpage:15}};</script>")
        s.put(f"/col/col{cid}/index.html", page(name, list_meta(name), script))
        rows = []
        for n in range(50):  # two dataproxy batches of 45
            day = days_ago(age + n)
            url = f"/art/{day.year}/{day.month}/{day.day}/art_{cid}_{n}.html"
            title = f"{name}第{n}条"
            rows.append(item(url, title, day))
            s.put(url, page(title, article_meta(name, title, day), article_body(title, day, "有关工作稳步推进。")))
        s.dataproxy[cid] = rows
    s.plant("column_stale", f"{BASE}/col/col101/")
    shown = [(days_ago(20 + n), n) for n in (10, 11, 12)]  # the column's items of 30-32 days ago
    old = "".join(item(f"/art/{d.year}/{d.month}/{d.day}/art_101_{n}.html", f"县政府动态第{n}条", d) for d, n in shown)
    s.put("/index.html", page("首页", SITE_META, f"<ul class='nav'>{nav}</ul><ul class='news'>{old}</ul>"))
    s.plant("home_stale", f"{BASE}/")
    return s


def handmade_portal() -> FakeSites:
    """A hand-made ASP site: no meta tags anywhere, a 下一页 pager, a footer lacking two identity marks."""
    s = FakeSites()
    footer = '<div id="foot">版权所有：测试县人民政府 网站标识码：6100000001 陕ICP备05001234号</div>'

    def bare(title: str, body: str) -> str:
        return (f"<html><head><meta charset='utf-8'><title>{title}-测试县人民政府</title></head>"
                f"<body><a href='/default.asp'>首页</a>{body}{footer}</body></html>")

    articles = [(f"/news.asp?id={n}", f"镇村要闻{n}", days_ago(n + 1)) for n in range(4)]
    first = "".join(item(u, t, d) for u, t, d in articles[:2]) + "<a href='list.asp?id=1&page=2'>下一页</a>"
    s.put("/list.asp?id=1", bare("镇村要闻", f"<h2>镇村要闻</h2><ul>{first}</ul>"))
    s.put("/list.asp?id=1&page=2", bare("镇村要闻", "<h2>镇村要闻</h2><ul>"
                                         + "".join(item(u, t, d) for u, t, d in articles[2:]) + "</ul>"))
    for url, title, day in articles:
        s.put(url, bare(title, f"<h1>{title}</h1><p>发布时间：{day:%Y-%m-%d}</p><p>有关工作稳步推进。</p>"))
        s.plant("meta_missing", BASE + url)
    home = bare("首页", "<a href='/list.asp?id=1'>镇村要闻</a><ul>" + "".join(item(u, t, d) for u, t, d in articles)
                + "</ul>")
    s.put("/", home)
    s.put("/default.asp", home)
    for url in ("/", "/list.asp?id=1", "/list.asp?id=1&page=2"):
        s.plant("meta_missing", BASE + url)
    s.plant("identity_missing", f"{BASE}/")  # 党政机关标识 and 公安机关备案号, once each for the site
    return s
