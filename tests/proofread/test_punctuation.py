"""Layer 4: quotes splitting a fixed phrase, unpaired marks, half-width marks between Chinese."""

import pytest

from govwatch.proofread.punctuation import PunctuationLayer
from tests.proofread.conftest import only

LAYER = PunctuationLayer(["最后一公里", "放管服", "统筹推进“五位一体”总体布局", "五位一体总体布局"])


def test_quote_leaving_out_the_head_of_a_phrase():
    hit = LAYER.scan("打通最后“一公里”。")[0]
    assert (hit.start, hit.end, hit.suggestion) == (2, 9, "“最后一公里”")


def test_quote_leaving_out_the_tail_of_a_phrase():
    hit = LAYER.scan("打通‘最后一’公里。")[0]
    assert hit.suggestion == "‘最后一公里’"


@pytest.mark.parametrize("text", ["打通‘最后一公里’。", "深化“放管服”改革", "统筹推进“五位一体”总体布局"])
def test_correct_quotes_are_silent(text):
    assert LAYER.scan(text) == []


@pytest.mark.parametrize(("text", "mark"), [("详见附件（略。", "（"), ("他说：“好。", "“"), ("内容》已印发", "》")])
def test_unpaired_marks(text, mark):
    hits = LAYER.scan(text)
    assert [(text[h.start], h.rule) for h in hits] == [(mark, "punctuation:unpaired")]


@pytest.mark.parametrize(
    "text",
    [
        "1）加强领导；2）落实责任。",
        "（一）总体要求",
        "“第一段引文\n“第二段引文。”",  # a quotation over paragraphs closes only at its end
        "《通知》（试行）",
    ],
)
def test_paired_or_list_marks_are_silent(text):
    assert LAYER.scan(text) == []


def test_half_width_comma_between_chinese(proofreader):
    only(proofreader.check("加强领导,落实责任"), wrong=",", suggestion="，", type="punctuation", severity="warning")


def test_mixed_width_bracket_pair():
    hit = LAYER.scan("附件（具体见表1)")[0]
    assert (hit.rule, hit.suggestion) == ("punctuation:mixed-width", "）")


@pytest.mark.parametrize("text", ["时间为18:00。", "版本 1.2, 已发布", "Hello, world."])
def test_half_width_outside_chinese_is_silent(text):
    assert LAYER.scan(text) == []
