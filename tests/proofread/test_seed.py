"""The planted errors the demo relies on: exact suggestion, type, severity; their correct forms silent."""

import pytest

from tests.proofread.conftest import only

PLANTED = [
    ("学习贯彻党的二十精神", "党的二十精神", "党的二十大精神", "expression", "serious"),
    ("要全面落实从严治党主体责任", "全面落实从严治党", "落实全面从严治党", "expression", "serious"),
    ("培育和践行社会主义核心价值关。", "社会主义核心价值关", "社会主义核心价值观", "expression", "serious"),
    ("不忘初心、牢记始命，砥砺前行", "牢记始命", "牢记使命", "expression", "serious"),
    ("县自热资源局开展执法检查", "自热资源", "自然资源", "typo", "error"),
    ("机关要历行节约、反对浪费", "历行节约", "厉行节约", "typo", "error"),
    ("截止目前，全县已完成", "截止目前", "截至目前", "usage", "error"),
    ("干群一心，攻克时艰", "攻克时艰", "共克时艰", "typo", "error"),
    ("打通服务群众最后‘一公里’", "最后‘一公里’", "‘最后一公里’", "punctuation", "error"),
    ("携手共度难关", "共度难关", "共渡难关", "usage", "error"),
    ("融入京津翼协同发展", "京津翼", "京津冀", "typo", "error"),
    ("检测其主要成份", "成份", "成分", "usage", "warning"),
    ("鼓励群众参预社区治理", "参预", "参与", "usage", "warning"),
]

SILENT = [
    "报名截止日期为7月20日。",
    "报名截止后不再受理。",
    "欢度国庆，共度佳节。",
    "全家共度春节。",
    "县自然资源局召开会议。",
    "推动京津冀协同发展。",
    "打通服务群众‘最后一公里’。",
    "检测其主要成分。",
    "鼓励群众参与社区治理。",
    "深入学习贯彻党的二十大精神，落实全面从严治党主体责任。",
    "不忘初心、牢记使命，培育和践行社会主义核心价值观。",
    "厉行节约，共克时艰，共渡难关，截至目前已完成。",
]


@pytest.mark.parametrize(("text", "wrong", "right", "type_", "severity"), PLANTED)
def test_planted_error_is_found_exactly(proofreader, text, wrong, right, type_, severity):
    finding = only(proofreader.check(text), wrong=wrong, suggestion=right, type=type_, severity=severity, certain=True)
    assert text[finding.start : finding.start + finding.length] == wrong


@pytest.mark.parametrize("text", SILENT)
def test_correct_form_is_silent(proofreader, text):
    assert [f for f in proofreader.check(text) if f.certain] == []


def test_seed_notice_yields_exactly_its_nine_errors(proofreader):
    with open("/work/shared/seed/000_d3f76ca612773a83.txt", encoding="utf-8") as handle:
        seed = handle.read()
    found = {(f.wrong, f.suggestion) for f in proofreader.check(seed) if f.certain}
    assert found == {
        ("党的二十精神", "党的二十大精神"),
        ("全面落实从严治党", "落实全面从严治党"),
        ("自热资源", "自然资源"),
        ("历行节约", "厉行节约"),
        ("截止目前", "截至目前"),
        ("攻克时艰", "共克时艰"),
        ("最后‘一公里’", "‘最后一公里’"),
        ("共度难关", "共渡难关"),
        ("京津翼", "京津冀"),
    }
