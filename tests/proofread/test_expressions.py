"""Layer 2: near misses of standard expressions are caught without being listed; correct text is not."""

import pytest

from govwatch.proofread.expressions import ExpressionLayer, near_misses, packaged_expressions
from tests.proofread.conftest import only


def test_several_hundred_expressions_are_packaged():
    assert len(packaged_expressions()) >= 300


@pytest.mark.parametrize(
    ("text", "wrong", "right", "kind"),
    [
        ("学习习近平新时代中国特色社会主义想", "习近平新时代中国特色社会主义想", "习近平新时代中国特色社会主义思想", "missing"),
        ("学习党的二十大大精神", "党的二十大大精神", "党的二十大精神", "doubled"),
        ("推进国家治理体系和治理能力代现化", "国家治理体系和治理能力代现化", "国家治理体系和治理能力现代化", "swapped"),
        ("学习习近平新时代中国特色社会主义思相", "习近平新时代中国特色社会主义思相", "习近平新时代中国特色社会主义思想", "same sound"),
        ("学习习析平新时代中国特色社会主义思想", "习析平新时代中国特色社会主义思想", "习近平新时代中国特色社会主义思想", "similar shape"),
    ],
)
def test_kinds_of_slip_are_caught(proofreader, text, wrong, right, kind):
    only(proofreader.check(text), wrong=wrong, suggestion=right, type="expression", severity="serious", certain=True)


@pytest.mark.parametrize(
    "text",
    [
        "坚定拥护“两个确立”，坚决做到“两个维护”。",
        "确定两个方案。",  # 两个确立 → 两个确定 would be ordinary text
        "全面推进乡村振兴，振兴乡村产业。",
        "抓好安全生产，保障生产安全。",
        "提高质量发展产业。",
        "深化“放管服”改革，优化营商环境。",
        "社会主义核心价值观系列宣传活动。",
    ],
)
def test_ordinary_text_is_silent(proofreader, text):
    assert [f for f in proofreader.check(text) if f.type == "expression"] == []


def test_short_expressions_have_no_generated_neighbours():
    assert list(near_misses("双碳", lambda w: False)) == []


def test_a_generated_form_inside_a_correct_expression_is_dropped():
    layer = ExpressionLayer(["牢记使命", "甲牢记使乙"], is_word=lambda w: False)
    assert layer.scan("甲牢记使乙") == []
