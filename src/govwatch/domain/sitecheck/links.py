"""错链断链 and 暗链: links that do not answer, and links to other sites that readers cannot see.

A link is hidden when its own style or an ancestor's hides it: display:none, visibility:hidden (the
nearest element that sets it decides, as visibility inherits), font-size 0 (likewise), a zero width or
height that clips (overflow:hidden), a hidden attribute, or a position far off-screen (absolute/fixed
with left/top at or beyond -500px, or a text-indent that far). Links within the site are never 暗链.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from govwatch.domain.sitecheck.model import DeadLink, ElementStyle, GatheredPage, SiteFinding

OFF_SCREEN_PX = 500
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(px|pt|em|rem|%|)?\s*(?:!\s*important)?\s*$", re.I)
_EM_PX = 16


def _pixels(value: str | None) -> float | None:
    """A CSS length in px (em/rem as 16px, % left out); None when absent or not a length."""
    found = _LENGTH.match(value or "")
    if not found or found.group(2) == "%":
        return None
    number = float(found.group(1))
    unit = (found.group(2) or "px").lower()
    return number * (_EM_PX if unit in ("em", "rem") else 4 / 3 if unit == "pt" else 1)


def _word(value: str | None) -> str:
    return (value or "").lower().replace("!important", "").strip()


def _own_reason(style: ElementStyle) -> str | None:
    """What hides an element by its own declarations, whatever its ancestors do."""
    d = style.declarations
    if _word(d.get("display")) == "none":
        return "display:none"
    if "hidden" in d:
        return "hidden 属性"
    clipped = _word(d.get("overflow")) in ("hidden", "clip")
    zero = [name for name in ("width", "height") if _pixels(d.get(name)) == 0]
    if zero and (clipped or len(zero) == 2):
        return "尺寸为零（" + "、".join(f"{n}:0" for n in zero) + "）"
    if _word(d.get("position")) in ("absolute", "fixed"):
        for side in ("left", "top"):
            offset = _pixels(d.get(side))
            if offset is not None and offset <= -OFF_SCREEN_PX:
                return f"定位在屏幕外（{side}:{d[side]}）"
    indent = _pixels(d.get("text-indent"))
    if indent is not None and indent <= -OFF_SCREEN_PX:
        return f"定位在屏幕外（text-indent:{d['text-indent']}）"
    return None


def _inherited(styles: tuple[ElementStyle, ...], name: str) -> str | None:
    """The value of an inherited property: the nearest element (the link first) that sets it."""
    return next((s.declarations[name] for s in styles if name in s.declarations), None)


def hiding_reason(styles: tuple[ElementStyle, ...]) -> str | None:
    """Why a link with these styles (itself first, then its ancestors) is invisible; None if it shows."""
    for style in styles:
        reason = _own_reason(style)
        if reason:
            return reason if style.tag in ("a", "iframe") else f"{reason}（所在的 <{style.tag}> 元素）"
    if _word(_inherited(styles, "visibility")) in ("hidden", "collapse"):
        return "visibility:hidden"
    if _pixels(_inherited(styles, "font-size")) == 0:
        return "字号为零（font-size:0）"
    return None


def on_site(url: str, hosts: Iterable[str]) -> bool:
    return (urlsplit(url).hostname or "").lower() in {h.lower() for h in hosts}


def hidden_links(pages: Iterable[GatheredPage], site_hosts: Iterable[str]) -> list[SiteFinding]:
    """暗链: a link readers cannot see that points off the site."""
    hosts = tuple(site_hosts)
    found = []
    for page in pages:
        for link in page.links:
            if on_site(link.url, hosts):
                continue
            reason = hiding_reason(link.styles)
            if reason:
                text = f"“{link.text[:40]}”" if link.text else ""
                found.append(SiteFinding(kind="hidden_link", rule="hidden_link", url=link.url, page=page.url,
                                         column=page.column,
                                         detail=f"暗链：指向站外的链接{text}对读者不可见（{reason}）"))
    return found


def dead_links(links: Iterable[DeadLink], home: str) -> list[SiteFinding]:
    """错链断链: each link that answered 4xx/5xx or did not answer, on the page that holds it. The scheme weighs
    those of the home page apart (rule dead_link_home), and the home page itself not answering is 站点无法访问
    (rule site_unreachable)."""
    found = []
    for link in links:
        rule = ("site_unreachable" if link.url.rstrip("/") == home.rstrip("/") and link.page == link.url
                else "dead_link_home" if link.page.rstrip("/") == home.rstrip("/") else "dead_link")
        answer = f"HTTP {link.status}" if link.status else link.detail or "无响应"
        detail = f"网站首页无法访问（{answer}）" if rule == "site_unreachable" else f"链接无法访问（{answer}）"
        found.append(SiteFinding(kind="dead_link", rule=rule, url=link.url, page=link.page, column=link.column,
                                 detail=detail))
    return found
