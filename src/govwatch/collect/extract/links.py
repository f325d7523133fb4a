"""The links a page shows, and which of them leave government sites.

Only http and https addresses are links. A page's hrefs are its author's text, so a malformed one
(`http://[::1/bad`) or one of another scheme (`data:`, `file:`, `ftp:`) is kept as text and flagged,
never raised out of the page: one bad href must not lose the page's other links or a list's articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html

WEB_SCHEMES = ("http", "https")
# Hrefs that are no address to check and no fault: script buttons, mail and phone links, in-page anchors.
_NOT_ADDRESSES = ("javascript:", "mailto:", "tel:", "sms:", "#")


def web_url(url: str | None) -> bool:
    """Whether `url` is an absolute http(s) address with a host (what may be stored or shown as a link)."""
    if not url:
        return False
    try:
        parts = urlsplit(url.strip())
        return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)
    except ValueError:  # http://[::1/bad and its kind
        return False


def absolute_url(base: str, href: str) -> str | None:
    """`href` resolved against `base` without its fragment, or None when it is no http(s) address."""
    try:
        absolute = urldefrag(urljoin(base, href.strip())).url
    except ValueError:
        return None
    return absolute if web_url(absolute) else None


@dataclass(frozen=True)
class PageLinks:
    """A page's http(s) links, each once in page order, and the hrefs that are no usable address."""

    links: tuple[str, ...]
    rejected: tuple[str, ...]


def page_links(doc: lxml.html.HtmlElement, base_url: str) -> PageLinks:
    """The <a href> and <iframe src> of a page: absolute http(s) links, and the malformed or non-web ones."""
    links, rejected = [], []
    for element in doc.xpath("//a[@href]|//iframe[@src]"):
        raw = (element.get("href") or element.get("src") or "").strip()
        if not raw or raw.lower().startswith(_NOT_ADDRESSES):
            continue
        absolute = absolute_url(base_url, raw)
        if absolute is None:
            rejected.append(raw)
        else:
            links.append(absolute)
    return PageLinks(tuple(dict.fromkeys(links)), tuple(dict.fromkeys(rejected)))


def is_government(url: str, government: Iterable[str], own_hosts: Iterable[str] = ()) -> bool:
    """Whether `url` is on a government host (suffix such as .gov.cn) or one of the portal's own hosts."""
    host = (urlsplit(url).hostname or "").lower()
    return host in set(own_hosts) or any(host == s.lstrip(".") or host.endswith(s) for s in government)
