"""List pages: the articles a column lists (link, title, date) and the next page to read.

Pagers handled: TRS WCM `index.html, index_1.html …` whose page count lives only in script
(`createPageHTML(N, i, "index", "html")`, `var countPage = N`), a visible "下一页" link, and 大汉 Hanweb
JCMS columns whose items arrive by POST to `/module/web/jpage/dataproxy.jsp` as XML records.
Pages are followed one at a time, so the crawler can stop paging once items predate the month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import lxml.html

from govwatch.collect.crawl.fetch import Request
from govwatch.collect.extract.article import meta_tags, parse_html
from govwatch.collect.extract.dates import find_dates
from govwatch.collect.extract.links import absolute_url

# Article URLs of the common CMSs: TRS /YYYYMM/tYYYYMMDD_ID.html, Hanweb /art/Y/M/D/art_C_ID.html, 开普云.
ARTICLE_URL = re.compile(r"/t\d{8}_\d+\.s?html?$|/art_\d+_\d+\.html$|/art_[0-9a-f]{32}\.html$|/content_\d+\.html?$")
_PAGE_COUNT = re.compile(r"createPageHTML\(\s*['\"]?(\d+)|countPage\s*=\s*['\"]?(\d+)")
_INDEX_N = re.compile(r"index(?:_(\d+))?\.s?html?$")
_NEXT_WORDS = ("下一页", "下页", "后一页")
_HANWEB = re.compile(r"dataproxy\.jsp")
_HANWEB_FIELD = "(?:{name})\\s*[=:]\\s*['\"]?(\\w+)"
_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)
_TOTAL = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>", re.I)
HANWEB_BATCH = 45  # Hanweb's own pager asks for three pages of 15 at a time


@dataclass(frozen=True)
class ListItem:
    url: str
    title: str
    published_at: datetime | None


@dataclass(frozen=True)
class ListPage:
    items: tuple[ListItem, ...]
    next: tuple[Request, ...]
    column: str | None  # ColumnName meta tag


def _items(doc: lxml.html.HtmlElement, base: str, zone: ZoneInfo) -> list[ListItem]:
    """Article links: those in a row that shows a date, or whose URL has an article shape."""
    found: dict[str, ListItem] = {}
    for anchor in doc.xpath("//a[@href]"):
        url = absolute_url(base, anchor.get("href"))
        if url is None or url in found:  # a malformed or non-web href is no article, and no reason to drop the page
            continue
        title = " ".join((anchor.get("title") or anchor.text_content()).split())
        row = next((a for a in anchor.iterancestors("li", "tr", "dd") ), None)
        dates = find_dates(row.text_content(), zone) if row is not None else []
        if title and (dates or ARTICLE_URL.search(urlsplit(url).path)):
            found[url] = ListItem(url, title, dates[0] if dates else None)
    return list(found.values())


def _script_pager(html: str, url: str, column: str | None) -> list[Request]:
    """The next index_N.html of a script-generated pager (TRS createPageHTML / countPage)."""
    count = _PAGE_COUNT.search(html)
    current = _INDEX_N.search(urlsplit(url).path)
    if not count:
        return []
    total = int(count.group(1) or count.group(2))
    index = int(current.group(1) or 0) if current else 0
    if index + 1 >= total:
        return []
    return [Request(urljoin(url, f"index_{index + 1}.html"), kind="list", column=column)]


def _next_link(doc: lxml.html.HtmlElement, url: str, column: str | None) -> list[Request]:
    for anchor in doc.xpath("//a[@href]"):
        text = "".join(anchor.text_content().split())
        href = anchor.get("href").strip()
        target = absolute_url(url, href) if text in _NEXT_WORDS and not href.startswith("#") else None
        if target is not None:
            return [Request(target, kind="list", column=column)]
    return []


def hanweb_request(html: str, url: str, column: str | None, start: int = 1) -> Request | None:
    """The dataproxy POST for records start … start+44 of a Hanweb column page, if it is one."""
    if not _HANWEB.search(html):
        return None
    fields = {}
    for name in ("columnid", "unitid", "webid", "appid"):
        found = re.search(_HANWEB_FIELD.format(name=name), html, re.I)
        if found:
            fields[name] = found.group(1)
    if "columnid" not in fields:
        return None
    query = f"startrecord={start}&endrecord={start + HANWEB_BATCH - 1}&perpage=15"
    form = (("col", "1"), ("appid", fields.get("appid", "1")), ("webid", fields.get("webid", "1")),
            ("path", "/"), ("columnid", fields["columnid"]), ("sourceContentType", "1"),
            ("unitid", fields.get("unitid", "")), ("permissiontype", "0"))
    return Request(urljoin(url, f"/module/web/jpage/dataproxy.jsp?{query}"), "POST", form, "list", column)


def _hanweb_records(xml: str, request: Request, zone: ZoneInfo) -> ListPage:
    """A dataproxy answer: records of <li> HTML, and the next batch while records remain."""
    records = _RECORD.findall(xml)
    doc = parse_html("<ul>" + "".join(records) + "</ul>") if records else None
    items = _items(doc, request.url, zone) if doc is not None else []
    total = _TOTAL.search(xml)
    asked = re.search(r"startrecord=(\d+)", request.url)  # our own request (_hanweb_request) says where it began
    start = int(asked.group(1)) if asked else 1
    following = start + HANWEB_BATCH
    more = records and total and following <= int(total.group(1))
    nxt = (Request(re.sub(r"startrecord=\d+&endrecord=\d+", f"startrecord={following}&endrecord="
                          f"{following + HANWEB_BATCH - 1}", request.url), "POST", request.form, "list",
                   request.column),) if more else ()
    return ListPage(tuple(items), nxt, None)


def parse_list_page(html: str, request: Request, zone: ZoneInfo) -> ListPage:
    """Items and the next page of one list page (or Hanweb dataproxy answer)."""
    if request.method == "POST" and "dataproxy" in request.url:
        return _hanweb_records(html, request, zone)
    doc = parse_html(html)
    column = meta_tags(doc).get("columnname")
    hanweb = hanweb_request(html, request.url, request.column)
    if hanweb is not None:
        # The page's own <script type="text/xml"> carries the first records; the POSTs bring them all.
        return ListPage((), (hanweb,), column)
    nxt = _script_pager(html, request.url, request.column) or _next_link(doc, request.url, request.column)
    return ListPage(tuple(_items(doc, request.url, zone)), tuple(nxt), column)
