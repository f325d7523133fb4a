"""The links a page shows, and which of them leave government sites."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html

_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "#")


def page_links(doc: lxml.html.HtmlElement, base_url: str) -> list[str]:
    """Absolute http(s) links of <a href> and <iframe src>, each once, in page order."""
    links = []
    for element in doc.xpath("//a[@href]|//iframe[@src]"):
        raw = (element.get("href") or element.get("src") or "").strip()
        if not raw or raw.lower().startswith(_SKIP_SCHEMES):
            continue
        absolute = urldefrag(urljoin(base_url, raw)).url
        if urlsplit(absolute).scheme in ("http", "https"):
            links.append(absolute)
    return list(dict.fromkeys(links))


def is_government(url: str, government: Iterable[str], own_hosts: Iterable[str] = ()) -> bool:
    """Whether `url` is on a government host (suffix such as .gov.cn) or one of the portal's own hosts."""
    host = (urlsplit(url).hostname or "").lower()
    return host in set(own_hosts) or any(host == s.lstrip(".") or host.endswith(s) for s in government)
