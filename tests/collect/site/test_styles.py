"""The cascade of hiding declarations from served CSS, without a browser."""

import lxml.html

from govwatch.collect.site.styles import Cascade, parse_stylesheet
from govwatch.domain.sitecheck.links import hiding_reason


def reasons(html, *sheets):
    doc = lxml.html.document_fromstring(html)
    cascade = Cascade(doc, [parse_stylesheet(s) for s in sheets])
    return {a.get("href"): hiding_reason(cascade.chain(a)) for a in doc.iter("a")}


def test_classes_ids_and_descendant_selectors_from_sheets():
    found = reasons('<div class="x"><a href="1">a</a></div><p id="y"><a href="2">b</a></p><a href="3">c</a>',
                    ".x { display: none }", "#y a { font-size: 0 }")
    assert found["1"] and found["2"] and found["3"] is None


def test_later_and_more_specific_rules_win_and_important_beats_inline():
    html = '<a class="k" href="1">a</a><a class="k" id="v" href="2">b</a><a class="k" style="display:inline" href="3">c</a>'
    found = reasons(html, ".k { display: none } #v { display: inline } .k { display: none !important } #v { display: block !important }")
    assert found == {"1": "display:none", "2": None, "3": "display:none"}
    assert reasons('<a style="display:none" href="1">a</a>', "a { display: inline }")["1"] == "display:none"


def test_interaction_only_rules_and_print_media_do_not_hide():
    found = reasons('<a href="1">a</a><a class="p" href="2">b</a>',
                    "a:hover { display: none } @media print { .p { display: none } } @media screen { .p { color: red } }")
    assert found == {"1": None, "2": None}


def test_screen_media_and_broken_css_are_read_as_browsers_do():
    found = reasons('<a class="m" href="1">a</a><a class="b" href="2">b</a>',
                    "@media screen { .m { position: absolute; top: -3000px } } .b { display: ; } .b { visibility: hidden }")
    assert found["1"].startswith("定位在屏幕外") and found["2"] == "visibility:hidden"
