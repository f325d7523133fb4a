"""A county portal generated from posts (the demo month, or a benchmark's thousands), served locally.

What a real portal shows, and what the crawler must cope with: three pager styles (TRS script
pager, "下一页" links, Hanweb dataproxy POSTs), articles with and without the 政府网站发展指引 meta
tags, some GB2312-encoded (declared only in a <meta>, or only in the header), robots.txt, ETag and
Last-Modified with 304 answers, a few dead links and links to a commercial site.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import format_datetime
from urllib.parse import urlsplit

from govwatch.collect.fakes import pages
from govwatch.collect.fakes.server import FakeRequest, FakeResponse
from govwatch.domain.county import County
from govwatch.domain.incoming import IncomingPost
from govwatch.domain.model import ColumnKey

PER_PAGE = 15
ROBOTS = "User-agent: *\nDisallow: /private/\n"
EXTERNAL = "http://www.example.com/ad/"  # a commercial site; reached only through the proxy mode


@dataclass(frozen=True)
class _Page:
    body: bytes
    content_type: str
    modified: str

    @property
    def etag(self) -> str:
        return '"' + hashlib.md5(self.body).hexdigest() + '"'


@dataclass(frozen=True)
class PortalColumn:
    key: str  # the column's path (ColumnKey as text), as govwatch names it
    name: str
    url: str  # first list page, absolute
    articles: int


class Portal:
    """The site as a request handler; `columns` lists each column's first list page."""

    def __init__(self, posts: Sequence[IncomingPost], county: County, base: str,
                 pagers: tuple[str, ...] = ("script", "link", "hanweb")) -> None:
        self.pagers = pagers
        self.base, self.site = base.rstrip("/"), f"{county.county.name}人民政府"
        self.domain = urlsplit(base).hostname or ""
        shared = {c.name for c in county.columns() if c.owner is None}
        self.columns: list[PortalColumn] = []
        self._pages: dict[str, _Page] = {}
        self._records: dict[str, list[str]] = {}
        self.dead_links: dict[str, str] = {}  # dead URL → the column whose article links to it
        self.requests = 0
        by_column: dict[ColumnKey, list[IncomingPost]] = defaultdict(list)
        for post in posts:
            if post.column and post.url:
                owner = None if post.column in shared else post.unit
                by_column[ColumnKey(post.channel or "", owner, post.column)].append(post)
        nav = [(key.name, f"/col/col{1000 + i}/index.html") for i, key in enumerate(by_column)]
        for number, (key, items) in enumerate(by_column.items()):
            items = sorted(items, key=lambda p: p.published_at, reverse=True)
            self._column(number, str(key), key.name, items, nav)
        self._put("/", pages.home(self.site, self.domain, nav))
        self._put("/robots.txt", ROBOTS, "text/plain")

    def _put(self, path: str, html: str, kind: str = "text/html; charset=utf-8", charset: str = "utf-8",
             modified: str = "Mon, 03 Jul 2023 08:00:00 GMT") -> None:
        self._pages[path] = _Page(html.encode(charset), kind, modified)

    def _column(self, number: int, key: str, name: str, items: list[IncomingPost], nav: list[tuple[str, str]]) -> None:
        folder = f"/col/col{1000 + number}/"
        self.columns.append(PortalColumn(key, name, f"{self.base}{folder}index.html", len(items)))
        rows = [pages.list_item(p, urlsplit(p.url or "").path) for p in items]
        count = max(1, -(-len(rows) // PER_PAGE))
        for index in range(count):
            chunk = rows[index * PER_PAGE:(index + 1) * PER_PAGE]
            path = folder + ("index.html" if index == 0 else f"index_{index}.html")
            style = self.pagers[number % len(self.pagers)]
            if style == "hanweb":
                if index == 0:
                    self._records[str(1000 + number)] = rows
                    self._put(path, pages.list_page(self.site, self.domain, name, [], pages.hanweb_pager(
                        1000 + number, number), nav))
                continue
            pager = (pages.script_pager(count, index) if style == "script" else
                     pages.link_pager(f"index_{index + 1}.html" if index + 1 < count else None))
            self._put(path, pages.list_page(self.site, self.domain, name, chunk, pager, nav))
        for post in items:
            self._article(key, name, post, nav)

    def _article(self, column_key: str, column: str, post: IncomingPost, nav: list[tuple[str, str]]) -> None:
        path = urlsplit(post.url or "").path
        serial = int(hashlib.md5(path.encode()).hexdigest()[:8], 16)
        links = []
        if serial % 50 == 7:
            links.append(f"/upload/2023/old_{serial % 1000}.doc")
            self.dead_links[f"{self.base}/upload/2023/old_{serial % 1000}.doc"] = column_key
        if serial % 40 == 3:
            links.append(f"{EXTERNAL}{serial % 1000}.html")
        gb = serial % 10 in (1, 6)
        charset = "gb2312" if gb else "utf-8"
        html = pages.article(self.site, self.domain, column, post, with_meta=serial % 7 != 3,
                             charset=charset if serial % 10 != 6 else None, extra_links=links, columns=nav)
        kind = "text/html; charset=gb2312" if serial % 10 == 6 else "text/html"
        self._put(path, html, kind, "gb18030" if gb else "utf-8", format_datetime(post.published_at, usegmt=False))

    def update(self, url: str, html: str) -> None:
        """Change a page after publication (tests of page history)."""
        self._put(urlsplit(url).path, html)

    def __call__(self, request: FakeRequest) -> FakeResponse:
        self.requests += 1
        if request.host == "www.example.com":
            return FakeResponse(200, "<html><body>商业广告</body></html>".encode(), {"Content-Type": "text/html"})
        if request.method == "POST" and request.path.endswith("dataproxy.jsp"):
            return self._dataproxy(request)
        page = self._pages.get(request.path)
        if page is None:
            return FakeResponse(404, "<html><body>页面不存在</body></html>".encode(), {"Content-Type": "text/html"})
        headers = {"Content-Type": page.content_type, "ETag": page.etag, "Last-Modified": page.modified}
        if request.headers.get("if-none-match") == page.etag:
            return FakeResponse(304, b"", headers)
        return FakeResponse(200, page.body, headers)

    def _dataproxy(self, request: FakeRequest) -> FakeResponse:
        rows = self._records.get(request.form().get("columnid", ""), [])
        start, end = int(request.query.get("startrecord", 1)), int(request.query.get("endrecord", 45))
        body = pages.hanweb_records(rows[start - 1:end], len(rows))
        return FakeResponse(200, body.encode(), {"Content-Type": "text/xml; charset=utf-8"})
