"""The CSS that applies to a page's links, as served, without a browser.

Sources in cascade order: <style> blocks and same-site <link rel=stylesheet> sheets (document order,
@media rules other than print included), then inline style attributes. Selectors are matched with
cssselect (CSS 3 selectors to XPath over lxml); a rule whose selector only applies on interaction
(:hover, :focus …) or to a pseudo-element cannot hide a link from a reader and is skipped. Per element
and property the winner is the usual one: !important first, then inline, then specificity, then order.
Only the properties that can hide a link are kept (see domain/sitecheck/links.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import cssselect
import lxml.html
import tinycss2
from lxml import etree

from govwatch.domain.sitecheck.model import ElementStyle

HIDING_PROPERTIES = frozenset({"display", "visibility", "width", "height", "overflow", "position", "left", "top",
                               "text-indent", "font-size"})
_INLINE = (1, 0, 0, 0)
_TRANSLATOR = cssselect.HTMLTranslator()


@dataclass(frozen=True)
class StyleRule:
    xpath: str
    specificity: tuple[int, ...]
    declarations: tuple[tuple[str, str, bool], ...]  # (property, value, important)


def _declarations(tokens: object) -> tuple[tuple[str, str, bool], ...]:
    found = []
    for item in tinycss2.parse_declaration_list(tokens, skip_whitespace=True, skip_comments=True):
        if item.type == "declaration" and item.lower_name in HIDING_PROPERTIES:
            found.append((item.lower_name, tinycss2.serialize(item.value).strip(), bool(item.important)))
    return tuple(found)


def _rules(nodes: Iterable[object]) -> Iterator[StyleRule]:
    for node in nodes:
        kind = getattr(node, "type", None)
        if kind == "at-rule" and node.lower_at_keyword == "media" and node.content is not None:  # type: ignore[attr-defined]
            if "print" not in tinycss2.serialize(node.prelude).lower():  # type: ignore[attr-defined]
                yield from _rules(tinycss2.parse_rule_list(node.content, skip_whitespace=True, skip_comments=True))  # type: ignore[attr-defined]
            continue
        if kind != "qualified-rule":
            continue
        declarations = _declarations(node.content)  # type: ignore[attr-defined]
        if not declarations:
            continue
        try:
            selectors = cssselect.parse(tinycss2.serialize(node.prelude))  # type: ignore[attr-defined]
        except cssselect.SelectorError:
            continue
        for selector in selectors:
            if selector.pseudo_element is not None:
                continue
            try:
                xpath = _TRANSLATOR.selector_to_xpath(selector)
            except cssselect.ExpressionError:  # :hover, :focus … apply only on interaction
                continue
            yield StyleRule(xpath, selector.specificity(), declarations)


def parse_stylesheet(css: str) -> list[StyleRule]:
    """The rules of a sheet that set a hiding property; unparsable parts are skipped as browsers do."""
    return list(_rules(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)))


def is_stylesheet(element: lxml.html.HtmlElement) -> bool:
    """Whether a <link> is a stylesheet for the screen."""
    rel = (element.get("rel") or "").lower().split()
    return "stylesheet" in rel and "print" not in (element.get("media") or "")


Winner = tuple[bool, tuple[int, ...], int, str]  # important, specificity, order, value


class Cascade:
    """The hiding declarations of elements of one page, from its sheets (in order) and inline styles."""

    def __init__(self, doc: lxml.html.HtmlElement, sheets: Iterable[list[StyleRule]]) -> None:
        self._won: dict[etree._Element, dict[str, Winner]] = {}
        order = 0
        for sheet in sheets:
            for rule in sheet:
                try:
                    matched = doc.xpath(rule.xpath)
                except etree.XPathError:
                    continue
                for element in matched:
                    for name, value, important in rule.declarations:
                        order += 1
                        self._offer(element, name, (important, rule.specificity, order, value))
        for element in doc.xpath("//*[@style]"):
            for name, value, important in _declarations(element.get("style")):
                order += 1
                self._offer(element, name, (important, _INLINE, order, value))

    def _offer(self, element: etree._Element, name: str, candidate: Winner) -> None:
        won = self._won.setdefault(element, {})
        if name not in won or candidate[:3] > won[name][:3]:
            won[name] = candidate

    def chain(self, element: etree._Element) -> tuple[ElementStyle, ...]:
        """The element and its ancestors that carry a hiding declaration or a hidden attribute, nearest first."""
        found = []
        node: etree._Element | None = element
        while node is not None:
            declarations = {name: won[3] for name, won in self._won.get(node, {}).items()}
            if node.get("hidden") is not None:
                declarations["hidden"] = ""
            if declarations:
                found.append(ElementStyle(tag=str(node.tag), declarations=declarations))
            node = node.getparent()
        return tuple(found)
