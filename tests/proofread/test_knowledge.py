"""The knowledge layer: each list fires on its wrong forms and stays silent on right ones in real sentences."""

import pytest

from govwatch.proofread import CountyLexicon, Proofreader
from govwatch.proofread.catalogue import packaged_catalogue, parse_header
from govwatch.proofread.data_files import DataFileError
from govwatch.proofread.knowledge import KNOWLEDGE_FILES, conjunction_slips, packaged_knowledge, pair_entries
from govwatch.proofread.laws import LawTitles, parse_laws
from tests.proofread.conftest import only


def knowledge(findings):
    return [f for f in findings if f.rule.startswith("knowledge:")]


@pytest.mark.parametrize(
    ("text", "wrong", "right", "cites"),
    [
        ("台湾政府近日宣布调整政策。", "台湾政府", "台湾当局", "新华社禁用词和慎用词（2016版）"),
        ("两岸三地青年交流活动举行。", "两岸三地", "海峡两岸和香港", "新华社禁用词和慎用词（2016版）"),
        ("慰问蒙族、回族群众。", "蒙族", "蒙古族", "新华社禁用词和慎用词（2016版）"),
        ("坚决反对台独分裂活动。", "台独", "“台独”", "新华社禁用词和慎用词（2016版）"),
        ("欢迎港澳台游客来华旅游。", "来华", "来内地", "新华社禁用词和慎用词（2016版）"),
        ("推进“一带一路”战略实施。", "“一带一路”战略", "“一带一路”倡议", "新华社禁用词和慎用词（2016版）"),
        ("陕西省省委书记调研。", "省省委", "省委", "新华社禁用词和慎用词（2016版）"),
        ("与南韩企业签约。", "南韩", "韩国", "国家和地区名称（2025年版）"),
        ("朝鲜人民民主共和国代表团访华。", "朝鲜人民民主共和国", "朝鲜民主主义人民共和国", "国家和地区名称（2025年版）"),
        ("县检查院召开座谈会。", "县检查院", "县检察院", "国家机构名称（2023年机构改革后）"),
        ("县人大主任带队视察。", "人大主任", "人大常委会主任", "国家机构名称（2023年机构改革后）"),
        ("县住房与城乡建设局开展检查。", "住房与城乡建设局", "住房和城乡建设局", "国家机构名称（2023年机构改革后）"),
        ("县退役军人事物局走访。", "退役军人事物", "退役军人事务", "国家机构名称（2023年机构改革后）"),
    ],
)
def test_pair_lists_fire_and_cite_their_list(proofreader, text, wrong, right, cites):
    finding = only(knowledge(proofreader.check(text)), wrong=wrong, suggestion=right, certain=True)
    assert cites in finding.explanation
    assert text[finding.start : finding.start + finding.length] == wrong


@pytest.mark.parametrize(
    "text",
    [
        "台湾当局应当停止挑衅。",
        "台湾地区领导人选举结果揭晓后，国台办发言人答记者问。",
        "南韩村村民委员会换届选举顺利完成。",  # a village's name
        "海南朝鲜族乡举办民俗文化节。",
        "延边朝鲜族自治州与蒙古族、维吾尔族代表座谈。",
        "平台独立运行，舞台独白感人。",
        "同学们来回教室之间。",
        "大陆与台湾同胞血脉相连，两岸关系和平发展。",
        "县人大常委会主任、县政协主席出席会议。",
        "县人大常委会副主任科员参加培训。",
        "县住房和城乡建设局、县人力资源和社会保障局联合检查。",
        "全国政协委员会同有关部门调研。",
        "朝鲜民主主义人民共和国、老挝人民民主共和国、缅甸联邦共和国。",
        "书呆子气，新闻摄影后期制作。",
        "排污许可证由环境保护部门依法发放。",  # an old body's name in an old document is no error
        "人民银行、银保监会指导。",
    ],
)
def test_right_forms_in_real_sentences_are_silent(proofreader, text):
    assert knowledge(proofreader.check(text)) == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("依据《中华人民共和国安全生产发》规定", "中华人民共和国安全生产发", "中华人民共和国安全生产法"),
        ("学习《中华人民共和国民法》", "中华人民共和国民法", "中华人民共和国民法典"),
        ("根据《政府信息公开条列》", "政府信息公开条列", "政府信息公开条例"),
        ("落实《优化营商环境条理》", "优化营商环境条理", "优化营商环境条例"),
        ("宣传《个人信息保户法》", "个人信息保户法", "个人信息保护法"),
        ("依照《中华人民共和国信访工作条例》", "中华人民共和国信访工作条例", "信访工作条例"),
        ("依据《劳动同合法》", "劳动同合法", "劳动合同法"),
    ],
)
def test_wrong_law_titles_fire(proofreader, text, wrong, right):
    finding = only(knowledge(proofreader.check(text)), wrong=wrong, suggestion=right, type="expression")
    assert "法律法规名称" in finding.explanation


@pytest.mark.parametrize(
    "text",
    [
        "根据《劳动合同法》和《中华人民共和国劳动合同法实施条例》",  # an accepted short title; an unlisted one
        "依据《中华人民共和国安全生产法》（2021年修正）",
        "签订《劳动合同》一式两份。",  # a form's name, not a mistyped law
        "《中华人民共和国公司法》《中华人民共和国公路法》",  # both real, one character apart
        "依据《中华人民共和国合同法》（已废止）签订的合同",  # a repealed law cited by an old document
        "《陕西省大气污染防治条例》自公布之日起施行。",
    ],
)
def test_right_law_titles_are_silent(proofreader, text):
    assert knowledge(proofreader.check(text)) == []


@pytest.mark.parametrize(
    ("text", "wrong", "right", "type_"),
    [
        ("国务院副总理李强出席会议。", "国务院副总理", "国务院总理", "expression"),
        ("李强副总理指出。", "副总理", "国务院总理", "expression"),
        ("国家主席韩正会见外宾。", "国家主席", "国家副主席", "expression"),
        ("国务院总理李墙主持会议。", "李墙", "李强", "typo"),
        ("习近乎总书记强调。", "习近乎", "习近平", "typo"),
        ("全国政协主席王护宁出席。", "王护宁", "王沪宁", "typo"),
        ("王护宁同志指出。", "王护宁", "王沪宁", "typo"),
    ],
)
def test_leaders_wrong_post_or_mistyped_name_fires(proofreader, text, wrong, right, type_):
    finding = only(knowledge(proofreader.check(text)), wrong=wrong, suggestion=right, type=type_, severity="serious")
    assert "党和国家领导人名单（2025年3月）" in finding.explanation


@pytest.mark.parametrize(
    "text",
    [
        "习近平总书记强调，国务院总理李强主持会议。",
        "国务院副总理丁薛祥、国务委员王小洪出席。",
        "时任国务院副总理韩正视察。",  # a dated post
        "县长李强到村调研。",  # a county's 县长 may share a national leader's name
        "李蔷同志被评为先进个人。",  # a name near a leader's, with no post beside it
        "中央政治局常委、全国人大常委会委员长赵乐际。",
    ],
)
def test_leaders_right_posts_are_silent(proofreader, text):
    assert knowledge(proofreader.check(text)) == []


def test_county_leaders_are_checked_with_their_own_posts():
    county = CountyLexicon(leaders=(("周明远", "县委书记"), ("孙立新", "县委副书记、县长（代县长）")), leaders_label="眉县领导名单（2023-06-30）")
    checker = Proofreader(county)
    wrong_post = only(knowledge(checker.check("县长周明远主持会议。")), wrong="县长", suggestion="县委书记")
    assert "眉县领导名单（2023-06-30）" in wrong_post.explanation
    only(knowledge(checker.check("县委书记周名远调研。")), wrong="周名远", suggestion="周明远")
    assert knowledge(checker.check("县委书记周明远、县长孙立新、代县长孙立新。")) == []


def test_generated_conjunction_slips():
    assert list(conjunction_slips("工业和信息化部")) == ["工业与信息化部", "工业及信息化部"]


def test_every_knowledge_file_has_a_full_header():
    infos = {info.file: info for info in packaged_catalogue()}
    for name in (*KNOWLEDGE_FILES, "lexicon.tsv"):
        header = infos[name].header
        assert header.name and header.source and header.date and header.licence, name
        assert infos[name].entries > 0


def test_header_parsing_stops_at_the_first_other_line():
    header = parse_header("# name: 甲\n# version: 2\n# edition: 2016版\n# 说明\n# date: 2020-01-01\n")
    assert (header.name, header.edition, header.date, header.label) == ("甲", "2016版", "", "甲（2016版）")


def test_every_wrong_form_differs_from_its_right_form_and_no_right_form_is_a_wrong_one():
    layer = packaged_knowledge()
    wrong = layer.wrong_forms()
    rights = {e.right for e in layer.pairs.entries if e.right} | {e.wrong for e in layer.pairs.entries if e.right is None}
    assert not (wrong & {r for r in rights if "“" not in r}), wrong & rights


def test_bad_records_are_reported_with_file_and_line():
    with pytest.raises(DataFileError, match=r"states.tsv 第 2 行"):
        pair_entries("# name: 甲\n南韩\t韩国\ttypo\tfatal\n", "states.tsv")
    with pytest.raises(DataFileError, match=r"laws.tsv 第 1 行"):
        parse_laws("《宪法》\n", "laws.tsv")


def test_law_titles_ignore_short_titles_for_near_misses():
    titles = LawTitles(["中华人民共和国刑法"], "t")
    assert titles.scan("《宪法》《刑罚》") == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("要持之以衡，久久为功。", "持之以衡", "持之以恒"),
        ("工作一丝不芶。", "一丝不芶", "一丝不苟"),
        ("中华人民共合国成立以来", "中华人民共合国", "中华人民共和国"),
        ("县人力资源及社会保障局", "人力资源及社会保障局", "人力资源和社会保障局"),
        ("二零一二年三月", "二零一二年", "二〇一二年"),
    ],
)
def test_generated_wrong_forms_fire(proofreader, text, wrong, right):
    only(knowledge(proofreader.check(text)), wrong=wrong, suggestion=right, certain=True)


@pytest.mark.parametrize(
    "text",
    [
        "文字言简意赅，一如既往，再接再厉。",
        "这件事不能自己决定，要集体研究。",  # 自己 is a word: no slip of 不能自已
        "二〇一二年三月，中华人民共和国国务院发布。",
        "国家发展改革委、工业和信息化部联合印发。",
    ],
)
def test_generated_forms_leave_right_text_alone(proofreader, text):
    assert knowledge(proofreader.check(text)) == []


def test_build_idioms_marks_common_idioms_and_drops_known_wrong_forms(tmp_path):
    from govwatch.proofread.build_idioms import build

    (tmp_path / "wordlist").mkdir()
    (tmp_path / "wordlist" / "成语.txt").write_text("言简意赅\t10\n严于律已\t5\n", encoding="utf-8")
    jionlp = tmp_path / "chinese_idiom.txt"
    jionlp.write_text("言简意赅\t1\n一丁不识\t1\n严于律已\t1\n一不做，二不休\t1\n", encoding="utf-8")
    text = build(jionlp, tmp_path)
    assert parse_header(text).name == "成语词典"
    rows = [line for line in text.splitlines() if not line.startswith("#")]
    assert rows == ["一丁不识\t0", "言简意赅\t1"]
