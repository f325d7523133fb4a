"""Layer of wrong division names: fires on the wrong forms writers produce, silent on real names and words."""

import pytest

from govwatch.proofread.build_data import read_divisions
from govwatch.proofread.data_files import read_text
from govwatch.proofread.divisions import (
    DIVISIONS_FILE,
    VARIANTS_FILE,
    DivisionLayer,
    correct_names,
    generate_variants,
    packaged_divisions,
    packaged_variants,
    parse_division,
)
from govwatch.proofread.places import Gazetteer

WRONG = [
    ("内蒙古省呼和浩特市召开会议", "内蒙古省", "内蒙古自治区", "expression", "serious"),
    ("广西省南宁市", "广西省", "广西壮族自治区", "expression", "serious"),
    ("来自宁夏自治区的考察团", "宁夏自治区", "宁夏回族自治区", "expression", "serious"),
    ("新疆维吾尔族自治区人民政府", "新疆维吾尔族自治区", "新疆维吾尔自治区", "expression", "serious"),
    ("北京省各区县", "北京省", "北京市", "expression", "serious"),
    ("湘西苗族土家族自治州州委", "湘西苗族土家族自治州", "湘西土家族苗族自治州", "expression", "serious"),
    ("陕西省成固县开展检查", "成固县", "城固县", "typo", "error"),
    ("淮安市鸿泽区城乡建设", "鸿泽区", "洪泽区", "typo", "error"),
    ("高牌店市人民政府", "高牌店市", "高碑店市", "typo", "error"),
    ("首府乌鲁木奇", "乌鲁木奇", "乌鲁木齐", "typo", "error"),
    ("哈尔宾医科大学", "哈尔宾", "哈尔滨", "typo", "error"),
]

SILENT = [
    "宝鸡市眉县横渠镇召开会议。",
    "内蒙古自治区呼和浩特市、广西壮族自治区南宁市、宁夏回族自治区银川市。",
    "新疆维吾尔自治区乌鲁木齐市天山区。",
    "湘西土家族苗族自治州、延边朝鲜族自治州、延边州。",
    "延边自治州、镇宁自治县、黔东南州。",  # a prefecture's or county's short form without its ethnic names
    "王晓平与区领导一同调研。",  # 平与区 reads as a name and 与, not as a slip of 平谷区
    "香港市民、香港市场、香港特别行政区。",
    "成固县长讲话。",  # 县长: a county head named 成固 could stand here
    "每县配备一名专干，该县、本县、各县均已完成。",
    "原户县已更名为鄠邑区。",
    "城固县、周至县、长安区、台湾省。",
    "打造一城市一品牌。",
]


@pytest.mark.parametrize(("text", "wrong", "right", "type_", "severity"), WRONG)
def test_a_wrong_division_name_is_found_with_the_right_one(proofreader, text, wrong, right, type_, severity):
    found = [f for f in proofreader.check(text) if f.rule.startswith("place:")]
    assert [(f.wrong, f.suggestion, f.type, f.severity, f.certain) for f in found] == [(wrong, right, type_, severity, True)]
    assert "行政区划" in found[0].explanation and text[found[0].start : found[0].start + found[0].length] == wrong


@pytest.mark.parametrize("text", SILENT)
def test_real_names_and_ordinary_words_are_silent(proofreader, text):
    assert [f for f in proofreader.check(text) if f.rule.startswith("place:")] == []


def test_a_two_character_county_is_checked_only_after_its_prefecture():
    divisions = [parse_division(1, "宝鸡市", "宝鸡", "陕西省"), parse_division(2, "眉县", "眉县", "宝鸡市")]
    variants = generate_variants(divisions, [], is_word=lambda w: False)
    assert "宝鸡市媚县" in variants and variants["宝鸡市媚县"].right == "宝鸡市眉县"
    assert not any(len(w) == 2 for w in variants)  # never a bare 媚县
    layer = DivisionLayer(correct_names(divisions), variants)
    assert [h.suggestion for h in layer.scan("陕西省宝鸡市媚县")] == ["宝鸡市眉县"]
    assert layer.scan("宝鸡市眉县") == []


def test_no_generated_form_is_a_real_name_of_the_gazetteer():
    divisions = [parse_division(2, "城固县", "城固", "汉中市")]
    variants = generate_variants(divisions, ["成固村"], is_word=lambda w: False)
    assert "成固县" not in variants and "成固" not in variants  # 成固村 exists: 成固 is a real name
    assert "程固县" in variants


def test_ethnic_names_are_reordered_and_dropped_one_of_several():
    d = parse_division(1, "黔东南苗族侗族自治州", "黔东南", "贵州省")
    assert (d.stem, d.ethnic, d.suffix) == ("黔东南", ("苗族", "侗族"), "自治州")
    variants = generate_variants([d], [], is_word=lambda w: False)
    assert "黔东南自治州" not in variants  # the usual short form
    for wrong in ("黔东南侗族苗族自治州", "黔东南苗族自治州", "黔东南苗族侗族自治县", "黔东南苗侗族自治州"):
        assert variants[wrong].right == "黔东南苗族侗族自治州" and variants[wrong].kind == "suffix"


def test_a_match_inside_a_longer_real_name_is_silent():
    divisions = [parse_division(2, "城固县", "城固", "汉中市")]
    layer = DivisionLayer(correct_names(divisions), generate_variants(divisions, [], is_word=lambda w: False),
                          Gazetteer(["程固县村"]))
    assert layer.scan("程固县") != [] and layer.scan("程固县村") == []


def test_build_reads_provinces_prefectures_and_counties(tmp_path):
    source = tmp_path / "china_location.txt"
    source.write_text(
        "北京市\t110000\t北京\n\t北京市\t110000\t北京\n\t\t东城区\t110101\t东城\n"
        "陕西省\t610000\t陕西\n\t宝鸡市\t610300\t宝鸡\n\t\t眉县\t610326\t眉县\n\t\t\t横渠镇\n",
        encoding="utf-8",
    )
    assert read_divisions(source) == [
        ("省级", "北京市", "北京", ""), ("省级", "陕西省", "陕西", ""), ("地级", "宝鸡市", "宝鸡", "陕西省"),
        ("县级", "东城区", "东城", "北京市"), ("县级", "眉县", "眉县", "宝鸡市"),
    ]


def test_packaged_files_carry_their_header_and_load():
    for name in (DIVISIONS_FILE, VARIANTS_FILE):
        header = read_text(name).splitlines()[:6]
        assert [line.split(":")[0] for line in header] == ["# version", "# name", "# source", "# edition", "# date", "# licence"]
    assert len(packaged_divisions()) > 3500 and len(packaged_variants()) > 40_000


def test_a_prefecture_after_another_province_is_found_but_not_a_county_of_that_province(proofreader):
    found = [(f.wrong, f.suggestion, f.severity) for f in proofreader.check("赴甘肃银川考察") if f.rule.startswith("place:")]
    assert found == [("甘肃银川", "宁夏银川", "serious")]
    for text in ("北京朝阳区", "辽宁朝阳市", "陕西西安", "青海海南藏族自治州"):  # 朝阳区 is Beijing's; 海南州 Qinghai's
        assert [f for f in proofreader.check(text) if f.rule.startswith("place:")] == []
