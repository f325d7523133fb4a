"""Layer 1: curated pairs, their guards both ways, and the data file's validation."""

import pytest

from govwatch.proofread.data_files import DataFileError
from govwatch.proofread.lexicon import LexiconLayer, make_entry, packaged_entries


def test_packaged_lexicon_has_several_hundred_valid_entries():
    entries = packaged_entries()
    assert len(entries) >= 300
    assert all(e.source for e in entries)


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("截止2023年6月底，共发布", "截止", "截至"),
        ("截止到本月底，已完成", "截止到", "截至"),
        ("工作按步就班推进", "按步就班", "按部就班"),
        ("防犯电信诈骗", "防犯", "防范"),
        ("认真惯彻落实", "惯彻", None),
    ],
)
def test_wrong_forms_fire(proofreader, text, wrong, right):
    findings = [f for f in proofreader.check(text) if f.rule.startswith("lexicon:")]
    assert findings, text
    if right:
        assert (findings[0].wrong, findings[0].suggestion) == (wrong, right)


@pytest.mark.parametrize(
    "text",
    [
        "报名截止2023年7月1日",  # guard: 报名 before 截止
        "申报截止时间为下午五点",
        "截止于6月30日",
        "加强预防犯罪宣传",  # 防犯 inside 预防犯罪
        "沪深300成份股调整",
        "按股分红",
    ],
)
def test_guards_keep_correct_uses_silent(proofreader, text):
    assert [f for f in proofreader.check(text) if f.rule.startswith("lexicon:")] == []


def test_later_entries_replace_earlier_ones():
    layer = LexiconLayer(
        [
            make_entry("甲乙", "甲丙", "typo", "error", "a", "", "t"),
            make_entry("甲乙", "甲丁", "usage", "warning", "b", "", "t"),
        ]
    )
    hit = layer.scan("甲乙")[0]
    assert (hit.suggestion, hit.severity) == ("甲丁", "warning")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (("", "对", "typo", "error", "", ""), "错误写法为空"),
        (("错", "对", "bad", "error", "", ""), "类型"),
        (("错", "对", "typo", "fatal", "", ""), "级别"),
        (("错", "错", "typo", "error", "", ""), "相同"),
        (("错", "对", "typo", "error", "", "after:("), "正则"),
        (("错", "对", "typo", "error", "", "around:x"), "条件"),
    ],
)
def test_bad_entries_are_rejected_with_their_place(fields, message):
    with pytest.raises(DataFileError, match=message) as info:
        make_entry(*fields, where="词表 第 3 行")
    assert "第 3 行" in str(info.value)


def test_protected_form_absorbs_a_wrong_pattern_inside_it():
    layer = LexiconLayer(
        [make_entry("度难", "渡难", "usage", "error", "t", "", "t"), make_entry("共度难忘", "=", "", "", "t", "", "t")]
    )
    assert layer.scan("共度难忘时光") == []
    assert len(layer.scan("共度难关")) == 1
