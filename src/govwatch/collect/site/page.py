"""One page of the site read for the self-check: its type, dates, meta tags, footer, links and fields.

Page types: the home page; a 留言 (interaction) when it shows when the message was asked; a 办事指南
(guide) when its title says so or it carries four of the guide's elements; an article when it has the
article meta tags, an article URL or a visible 发布时间; a column's list page when it has ColumnName
without article tags, lists items, has a pager or says it has none (暂无信息); else other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import lxml.html

from govwatch.collect.crawl.fetch import Request
from govwatch.collect.crawl.listing import ARTICLE_URL, ListPage, parse_list_page
from govwatch.collect.extract.article import NotAnArticle, element_text, extract_article, meta_tags
from govwatch.collect.extract.dates import find_dates
from govwatch.collect.extract.links import absolute_url
from govwatch.collect.site.styles import Cascade, StyleRule
from govwatch.domain.sitecheck.model import GatheredPage, Interaction, LinkSeen, PageType

_INDEX = re.compile(r"/(?:index|default)\.(?:s?html?|jsp|php|aspx?)$", re.I)
_INDEX_N = re.compile(r"/(?:index|default)(?:_\d+)?\.(?:s?html?|jsp|php|aspx?)$", re.I)
_NOT_ADDRESSES = ("javascript:", "mailto:", "tel:", "sms:", "#")
_FOOTER = ("//footer|//*[contains(@class,'footer') or contains(@id,'footer') or contains(@class,'foot') "
           "or contains(@id,'foot') or contains(@class,'bottom') or contains(@id,'bottom') "
           "or contains(@class,'copyright')]")
_ASKED = re.compile(r"(?:留言|来信|提问|咨询|提交|写信)(?:时间|日期)\s*[：:]\s*([^\n|]{8,30})")
_ANSWERED = re.compile(r"(?:回复|答复|回复办理|处理)(?:时间|日期)\s*[：:]\s*([^\n|]{8,30})")
_NONE_YET = re.compile(r"暂无(?:信息|数据|内容|记录)|没有(?:相关)?(?:信息|记录)")
_VISIBLE_DATE = re.compile(r"(?:发布|发表|成文)(?:时间|日期)\s*[：:]")
_LABEL = re.compile(r"^([^：:]{2,12})[：:]\s*(.*)$")
GUIDE_WORD = "办事指南"


def canonical(url: str) -> str:
    """The page's identity: no fragment, host lower-cased, `/index.html` (and kin) the same as `/`."""
    parts = urlsplit(url)
    path = _INDEX.sub("/", parts.path)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path or "/", parts.query, ""))


def column_url(url: str) -> str:
    """A list page's column: its first page (the folder of index_N.html, or the page itself)."""
    parts = urlsplit(url)
    path = _INDEX_N.sub("/", parts.path)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path or "/", parts.query if path == parts.path
                       else "", ""))


@dataclass
class PageRead:
    page: GatheredPage
    links: tuple[str, ...]  # every http(s) link of the page, in order
    pager: tuple[Request, ...]  # the next list pages (script/link pager, Hanweb dataproxy)
    text: str  # the body text to proofread ("" for home and list pages)
    files: tuple[str, ...] = field(default=())


def _footer(doc: lxml.html.HtmlElement) -> str:
    nodes = doc.xpath(_FOOTER) or [doc]
    parts = []
    for node in nodes:
        parts.append(" ".join(node.text_content().split()))
        parts += [f"{img.get('alt', '')} {img.get('src', '')}" for img in node.iter("img")]
        parts += [a.get("href", "") for a in node.iter("a")]
    return " ".join(parts)


def _fields(doc: lxml.html.HtmlElement, lines: list[str]) -> dict[str, str]:
    """Label → value pairs: table rows (first cell the label), <dt>/<dd>, `label：value` lines and a
    short line followed by its value."""
    found: dict[str, str] = {}
    for row in doc.iter("tr"):
        cells = [" ".join(c.text_content().split()) for c in row if c.tag in ("td", "th")]
        if len(cells) >= 2 and cells[0]:
            found.setdefault(cells[0].strip("：: "), " ".join(cells[1:]))
    for term in doc.iter("dt"):
        value = term.getnext()
        if value is not None and value.tag == "dd":
            found.setdefault(" ".join(term.text_content().split()).strip("：: "), value.text_content().strip())
    for index, line in enumerate(lines):
        labelled = _LABEL.match(line)
        if labelled:
            found.setdefault(labelled.group(1).strip(), labelled.group(2))
        elif len(line) <= 8 and index + 1 < len(lines):
            found.setdefault(line, lines[index + 1])
    return found


def _interaction(text: str, zone: ZoneInfo) -> Interaction | None:
    asked = _ASKED.search(text)
    asked_dates = find_dates(asked.group(1), zone) if asked else []
    if not asked_dates:
        return None
    answered = _ANSWERED.search(text)
    answered_dates = find_dates(answered.group(1), zone) if answered else []
    return Interaction(asked=asked_dates[0].date(), answered=answered_dates[0].date() if answered_dates else None)


def _page_type(url: str, home: bool, meta: dict[str, str], title: str, listing: ListPage, text: str,
               fields: dict[str, str], guide_labels: Iterable[str], interaction: Interaction | None) -> PageType:
    if home:
        return "home"
    if interaction is not None:
        return "interaction"
    labels = [label for label in guide_labels if any(label in name for name in fields)]
    listing_page = "articletitle" not in meta and "pubdate" not in meta and (
        "columnname" in meta or bool(listing.next) or bool(_NONE_YET.search(text)) or len(listing.items) >= 2)
    if len(labels) >= 4 or (GUIDE_WORD in title and not listing_page):
        return "guide"
    if "articletitle" in meta or "pubdate" in meta or ARTICLE_URL.search(urlsplit(url).path):
        return "article"
    if listing_page:
        return "list"
    if _VISIBLE_DATE.search(text):
        return "article"
    return "other"


def read_page(html: str, doc: lxml.html.HtmlElement, url: str, *, home: bool, site_host: str,
              sheets: Iterable[list[StyleRule]], zone: ZoneInfo, guide_labels: Iterable[str],
              file_suffixes: Iterable[str]) -> PageRead:
    """Everything the rules need from one HTML page (`doc` is `html` parsed; it is changed)."""
    meta = meta_tags(doc)
    cascade = Cascade(doc, sheets)
    links, off_site, files = [], [], []
    suffixes = tuple(file_suffixes)
    for anchor in doc.xpath("//a[@href]|//iframe[@src]"):
        raw = (anchor.get("href") or anchor.get("src") or "").strip()
        target = absolute_url(url, raw) if raw and not raw.lower().startswith(_NOT_ADDRESSES) else None
        if target is None:
            continue
        links.append(target)
        host = (urlsplit(target).netloc or "").lower()
        if host != site_host:
            off_site.append(LinkSeen(url=target, text=" ".join(anchor.text_content().split())[:80],
                                     styles=cascade.chain(anchor)))
        elif urlsplit(target).path.lower().endswith(suffixes):
            files.append(target)
    footer = _footer(doc)
    title_node = doc.find(".//title")
    title = " ".join(title_node.text_content().split()) if title_node is not None else ""
    listing = parse_list_page(html, Request(url, kind="list"), zone)
    lines = element_text(doc).split("\n")  # drops scripts and styles from doc: after the cascade
    text = "\n".join(lines)
    fields = _fields(doc, lines)
    interaction = _interaction(text, zone)
    kind = _page_type(url, home, meta, meta.get("articletitle") or title, listing, text, fields, guide_labels,
                      interaction)
    column = meta.get("columnname") or (re.split(r"[_|\-—]", title)[0].strip() if kind == "list" else None)
    body = ""
    if kind in ("article", "guide", "interaction"):
        try:
            body = extract_article(html, url, zone).text or text
        except NotAnArticle:
            body = text
    page = GatheredPage(
        url=url, type=kind, title=title[:200], column=column or None,
        column_url=column_url(url) if kind == "list" else None, meta=meta,
        item_dates=tuple(sorted({i.published_at.date() for i in listing.items if i.published_at}, reverse=True)),
        items=len(listing.items), footer=footer[:4000], links=tuple(off_site),
        fields=fields if kind == "guide" else {}, interaction=interaction if kind == "interaction" else None)
    return PageRead(page, tuple(dict.fromkeys(links)), listing.next, body, tuple(dict.fromkeys(files)))


def with_items(page: GatheredPage, dates: Iterable[date | None]) -> GatheredPage:
    """A list page whose items came by a later request (Hanweb dataproxy batches) added to it."""
    dates = list(dates)
    known = {d for d in dates if d is not None} | set(page.item_dates)
    return page.model_copy(update={"items": page.items + len(dates), "type": "list",
                                   "item_dates": tuple(sorted(known, reverse=True))})

