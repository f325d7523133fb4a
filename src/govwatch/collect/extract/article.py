"""An article page's fields: the 政府网站发展指引 meta tags first, then the visible
"发布时间：/ 来源：" lines and the common CMS body containers, then trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import lxml.html
from lxml import etree

from govwatch.collect.extract.dates import parse_date

# Body containers of the common CMSs: TRS WCM, 大汉 Hanweb, 开普云 and hand-made templates.
_BODY_XPATH = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' TRS_Editor ')]",
    "//*[@id='zoom']", "//*[@id='UCAP-CONTENT']", "//*[contains(@class, 'article-content')]",
    "//*[@id='js_content']",
)
_BLOCK = "self::p or self::div or self::td or self::li or self::h2 or self::h3"
_LEAF_BLOCKS = f".//*[{_BLOCK}][not(.//*[{_BLOCK}])]"
_VISIBLE_DATE = re.compile(r"(?:发布|发表|成文)(?:时间|日期)\s*[：:]\s*([^\n|]{8,40})")
_VISIBLE_SOURCE = re.compile(r"(?:信息)?来源\s*[：:]\s*([^\s|　<>]{2,40})")
_TITLE_SEPARATORS = re.compile(r"\s*[_|\-—–]\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # lxml refuses them; browsers ignore them


class NotAnArticle(ValueError):
    """The page cannot be read as an article (empty, not HTML, no title)."""


@dataclass(frozen=True)
class Article:
    url: str
    title: str
    published_at: datetime | None
    source: str | None
    column: str | None
    text: str
    method: str  # which layer gave the date: meta, visible or trafilatura

    def as_json(self) -> dict[str, str | None]:
        return {"kind": "article", "url": self.url, "title": self.title,
                "published_at": self.published_at.isoformat() if self.published_at else None,
                "source": self.source, "column": self.column, "text": self.text}


def parse_html(html: str) -> lxml.html.HtmlElement:
    """An lxml tree, or NotAnArticle for text lxml cannot make a document of."""
    try:
        return lxml.html.document_fromstring(_CONTROL.sub("", html))
    except (etree.ParserError, ValueError) as exc:
        raise NotAnArticle(f"无法解析的 HTML：{exc}") from None


def meta_tags(doc: lxml.html.HtmlElement) -> dict[str, str]:
    """<meta name=… content=…> by lower-cased name; content "null" or blank is left out."""
    found: dict[str, str] = {}
    for meta in doc.iter("meta"):
        name, content = meta.get("name"), (meta.get("content") or "").strip()
        if name and content and content.lower() != "null":
            found.setdefault(name.strip().lower(), content)
    return found


def element_text(element: lxml.html.HtmlElement) -> str:
    """Visible text with one line per block, scripts and styles dropped."""
    for bad in element.xpath(".//script|.//style"):
        bad.drop_tree()
    blocks = element.xpath(_LEAF_BLOCKS) or [element]
    return "\n".join(line for line in (" ".join(b.text_content().split()) for b in blocks) if line)


def _body(doc: lxml.html.HtmlElement, html: str, url: str) -> tuple[str, bool]:
    """The body text and whether a known container held it (else trafilatura found it)."""
    for xpath in _BODY_XPATH:
        nodes = doc.xpath(xpath)
        if nodes:
            return element_text(nodes[0]), True
    import trafilatura  # imported late: it takes a second to load and most portal pages never need it

    return (trafilatura.extract(html, url=url, include_comments=False, include_tables=True) or "").strip(), False


def _title(doc: lxml.html.HtmlElement, meta: dict[str, str]) -> str:
    if meta.get("articletitle"):
        return meta["articletitle"]
    for xpath in ("//h1", "//*[contains(@class, 'title')]", "//title"):
        for node in doc.xpath(xpath):
            text = " ".join(node.text_content().split())
            if text:
                return _TITLE_SEPARATORS.split(text)[0] if xpath == "//title" else text
    return ""


def extract_article(html: str, url: str, zone: ZoneInfo) -> Article:
    """Read an article page; NotAnArticle when it has no title at all."""
    html = _CONTROL.sub("", html)
    doc = parse_html(html)
    meta = meta_tags(doc)
    title = _title(doc, meta)
    if not title:
        raise NotAnArticle("页面没有标题")
    text, known_container = _body(doc, html, url)
    published, method = parse_date(meta.get("pubdate"), zone), "meta"
    visible = element_text(doc) if published is None or not meta.get("contentsource") else ""
    if published is None:
        found = _VISIBLE_DATE.search(visible)
        published, method = (parse_date(found.group(1), zone) if found else None), "visible"
    if published is None and not known_container:
        import trafilatura

        metadata = trafilatura.extract_metadata(html, default_url=url)
        published, method = parse_date(metadata.date if metadata else None, zone), "trafilatura"
    source = meta.get("contentsource")
    if source is None:
        found = _VISIBLE_SOURCE.search(visible)
        source = found.group(1) if found else None
    return Article(url, title, published, source, meta.get("columnname"), text, method)


def html_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a WeChat article body, a feed summary); "" when empty or unparsable."""
    if not fragment or not fragment.strip():
        return ""
    try:
        return element_text(lxml.html.fragment_fromstring(_CONTROL.sub("", fragment), create_parent="div"))
    except (etree.ParserError, ValueError):
        return ""
