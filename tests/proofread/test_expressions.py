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


@pytest.mark.parametrize(
    ("text", "wrong", "right", "type_", "severity"),
    [
        ("贯彻创新、绿色、协调、开放、共享的新发展理念", "创新、绿色、协调、开放、共享的新发展理念",
         "创新、协调、绿色、开放、共享的新发展理念", "expression", "serious"),  # two list items swapped
        ("深入学习习近平新时代中国特色的社会主义思想", "中国特色的社会主义", "中国特色社会主义", "expression", "serious"),  # 的 inserted
        ("要踔厉奋发，勇毅前行", "踔厉奋发，勇毅前行", "踔厉奋发、勇毅前行", "punctuation", "warning"),  # 逗号 for 顿号
        ("持续推进供给侧改革", "供给侧改革", "供给侧结构性改革", "expression", "error"),  # listed abbreviation
        ("学习习近平近新时代中国特色社会主义思想", "习近平近新时代中国特色社会主义思想", "习近平新时代中国特色社会主义思想",
         "expression", "serious"),  # a character typed again one further on
        ("使市场在资源配置中起基础性作用", "市场在资源配置中起基础性作用", "市场在资源配置中起决定性作用", "expression", "serious"),
    ],
)
def test_long_expression_slips_and_listed_changes_are_found(proofreader, text, wrong, right, type_, severity):
    found = [f for f in proofreader.check(text) if f.rule.startswith("expression:")]
    assert [(f.wrong, f.suggestion, f.type, f.severity) for f in found] == [(wrong, right, type_, severity)]


def test_an_outdated_wording_names_its_source_and_the_date_it_changed(proofreader):
    (finding,) = proofreader.check("全面建设小康社会")
    assert "过时提法" in finding.explanation and "党的十八大报告" in finding.explanation and "2012-11-08" in finding.explanation


def test_a_finding_names_the_document_of_its_expression(proofreader):
    (finding,) = proofreader.check("要踔厉奋发，勇毅前行")
    assert "党的二十大报告（2022-10-16）" in finding.explanation


@pytest.mark.parametrize(
    "text",
    [
        "坚定道路自信、理论自信、制度自信、文化自信。",  # the listed outdated form inside the current one
        "推进供给侧结构性改革，全面建成小康社会。",
        "贯彻创新、协调、绿色、开放、共享的新发展理念，踔厉奋发、勇毅前行。",
        "进一步全面深化改革、推进中国式现代化，构建高水平社会主义市场经济体制。",
        "稳就业、稳企业、稳市场、稳预期。",
        "进一步增强创优营商环境的责任感。",  # 创优 + 营商环境, not 优化营商环境 short of 化
    ],
)
def test_the_current_forms_are_silent(proofreader, text):
    assert [f for f in proofreader.check(text) if f.certain] == []


def test_long_slips_are_generated_only_for_expressions_of_six_characters_or_more():
    kinds = {v.kind for _, v in near_misses("甲乙、丙丁", lambda w: False)}
    assert not kinds & {"inserted", "list_mark", "list_order"}
    kinds = {v.kind for _, v in near_misses("甲乙丙、丁戊己", lambda w: False)}
    assert {"list_mark", "list_order"} <= kinds


def test_changes_file_rejects_an_unknown_kind(monkeypatch):
    from govwatch.proofread import expressions
    from govwatch.proofread.data_files import DataFileError

    monkeypatch.setattr(expressions, "packaged_records", lambda name, *a: iter([(9, ["甲", "乙", "typo", "2020-01-01", "某"])]))
    with pytest.raises(DataFileError, match="第 9 行"):
        expressions.packaged_changes()


def test_the_shipped_variants_are_what_the_list_generates():
    from govwatch.proofread.expressions import generate_variants, packaged_exceptions, packaged_variants

    assert packaged_variants() == generate_variants(packaged_expressions(), packaged_exceptions()), (
        "expressions.txt 已改动：请运行 build_data --jieba-dict … --ecspell … 重新生成 expression_variants.tsv.gz")
