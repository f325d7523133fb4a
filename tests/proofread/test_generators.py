"""Generators that cover whole kinds of slips (fixed_forms, idiom slips, law titles short of a word,
document numbers, the statistical guards): each fires on wrong forms it was not written for and stays
silent on the right form in real sentences."""

import pytest

from govwatch.proofread.fixed_forms import sexagenary, sexagenary_entries

FIRES = [
    # 干支: every name's look-alike slip, not only the one seen
    ("二〇二九年为已酉年。", "已酉", "己酉"),
    ("戍戌变法发生在1898年。", "戍戌", "戊戌"),
    ("时值丁已年春。", "丁已", "丁巳"),
    # doubled level characters before the committee
    ("区区委书记主持召开会议。", "区区委", "区委"),
    ("县县委副书记张某到会讲话。", "县县委", "县委"),
    ("镇镇党委召开专题会议。", "镇镇党委", "镇党委"),
    # padded 精神 of a congress or a plenum
    ("认真学习党的十九大会议精神。", "十九大会议精神", "十九大精神"),
    ("深入学习二十大报告精神。", "二十大报告精神", "二十大精神"),
    ("传达党的二十届三中全会会议精神。", "全会会议精神", "全会精神"),
    # idiom slips whose replaced character makes a rarer word, and reduplicated characters
    ("他总是谈笑风声，从容不迫。", "谈笑风声", "谈笑风生"),
    ("这是一处世外桃园。", "世外桃园", "世外桃源"),
    ("几个人鬼鬼崇崇地走进来。", "鬼鬼崇崇", "鬼鬼祟祟"),
    # organs of the Taiwan authorities named as a state's, 大陆 beside 香港
    ("据台湾教育部公布的数据。", "台湾教育部", "台湾地区教育主管部门"),
    ("台湾监察院日前表示。", "台湾监察院", "台湾地区监察机构"),
    ("促进大陆与香港交流合作。", "大陆与香港", "内地与香港"),
    # a township's congress has a 主席 and no standing committee (地方组织法 第十八条)
    ("汤峪镇人大主任张某出席会议。", "镇人大主任", "镇人大主席"),
    ("乡人大常委会召开会议。", "乡人大常委会", "乡人大"),
    # a law title short of a word
    ("依照《道路交通法》处理。", "道路交通法", "道路交通安全法"),
    # the year of a document number in the wrong brackets
    ("根据陕政发[2021]21号文件精神。", "[2021]21号", "〔2021〕21号"),
    ("转发宝政办发（2023）5号通知。", "（2023）5号", "〔2023〕5号"),
]

SILENT = [
    "己亥年春节期间，全县平稳有序。",
    "老丁已经把材料报上来了。",
    "中共眉县县委召开常委会议。",
    "芒市市委书记调研乡村振兴工作。",
    "湘西土家族苗族自治州州委召开全会。",
    "城区区委、社区党组织共同开展活动。",
    "会议传达学习了县委常委会会议精神。",
    "要坚持以人民为中心，不能自己说了算。",
    "无所不用其极的做法必须纠正。",
    "街头巷议的话题也要关注。",
    "据台湾“教育部”公布的数据，内地与香港、澳门交流不断深化。",
    "汤峪镇人大主席团召开会议，县人大常委会主任出席。",
    "依照《中华人民共和国道路交通安全法》和《道路交通安全法实施条例》处理。",
    "（2021）陕0326民初123号民事判决书已送达。",
    "陕政发〔2021〕21号文件已转发。",
    "财政预决算、“三公”经费使用情况等信息常态化公开。",
    "巡查发现“两违”问题5宗，全面配备“一杆一绳一圈一标识”等设施。",
    "根据省委、省政府《实施意见》（冀发〔2021〕1号）要求。",
    "主要涉及冯庄水厂、徐营水厂等60处农村饮水安全工程。",
]


@pytest.mark.parametrize(("text", "wrong", "right"), FIRES)
def test_a_generated_wrong_form_is_found_with_its_right_form(proofreader, text, wrong, right):
    found = [(f.wrong, f.suggestion, f.certain) for f in proofreader.check(text)]
    # a listed pair may cover a longer stretch (已酉年 → 己酉年 in lexicon.tsv): same correction
    assert any(w.startswith(wrong) and s.startswith(right) and s[len(right):] == w[len(wrong):] and c for w, s, c in found), found


@pytest.mark.parametrize("text", SILENT)
def test_the_right_form_in_a_real_sentence_is_silent(proofreader, text):
    assert proofreader.check(text) == []


def test_the_sexagenary_cycle_has_sixty_names_and_no_slip_is_one_of_them():
    names = sexagenary()
    assert len(names) == len(set(names)) == 60
    assert names[0] == "甲子" and names[-1] == "癸亥" and "己亥" in names and "戊戌" in names
    slips = {entry.wrong for entry in sexagenary_entries()}
    assert slips and not slips & set(names)
    assert {"已亥", "戍戌", "戊戍", "己末"} <= slips


def test_a_slip_of_function_characters_needs_a_date_after_it(proofreader):
    assert [f.suggestion for f in proofreader.check("己未年")] == []  # the right form
    assert [f.suggestion[:2] for f in proofreader.check("已未年五月")] == ["己未"]
    assert proofreader.check("材料已未按时报送。") == []


@pytest.mark.parametrize(("text", "right"), [
    ("中共人民共和国成立七十五周年。", "中华人民共和国"),
    ("中华人民大和国国务院。", "中华人民共和国"),
    ("越南社会主议共和国总理访华。", "越南社会主义共和国"),
])
def test_a_long_state_name_with_any_one_character_replaced_is_found(proofreader, text, right):
    assert right in [f.suggestion for f in proofreader.check(text)]


@pytest.mark.parametrize("text", ["中华人民共和国宪法规定。", "孟加拉人民共和国与中国建交。", "德意志民主共和国已不存在。"])
def test_a_listed_state_name_is_silent(proofreader, text):
    assert proofreader.check(text) == []


@pytest.mark.parametrize(("written", "right"), [("循私舞弊", "徇私舞弊"), ("和霭可亲", "和蔼可亲"), ("另辟溪径", "另辟蹊径")])
def test_idiom_slips_by_a_same_syllable_character_in_another_tone_or_reading(proofreader, written, right):
    assert [f.suggestion for f in proofreader.check(f"他一向{written}。")] == [right]


def test_same_syllable_table_pairs_tones_and_readings():
    from govwatch.proofread.confusion import SYLLABLE, wide_confusion_sets

    table = wide_confusion_sets()
    assert table["循"]["徇"] == SYLLABLE and "蹊" in table["溪"] and "沓" in table["踏"]
    assert "大" not in table["循"]


def test_the_fast_word_list_reader_agrees_with_the_checking_record_reader():
    import math

    from govwatch.proofread.data_files import packaged_records
    from govwatch.proofread.statistical import WORDS_FILE, packaged_frequencies

    checked = {word: math.log(int(count)) for _, (word, count) in packaged_records(WORDS_FILE, 2)}
    assert packaged_frequencies() == checked


def test_the_wildcard_index_is_cached_rebuilt_when_bad_and_built_when_the_folder_is_unwritable(tmp_path, monkeypatch):
    from govwatch.proofread.context import cached_wildcard_index, wildcard_index

    words = {"中华": 5.0, "中国": 6.0, "人民": 7.0}
    monkeypatch.setenv("GOVWATCH_CACHE_DIR", str(tmp_path / "cache"))
    first = cached_wildcard_index(words, "k1")
    assert first == wildcard_index(words) and first["中?"] == "国华"
    (cached,) = (tmp_path / "cache").iterdir()
    assert cached_wildcard_index({"别的": 1.0}, "k1") == first  # read back, not rebuilt
    cached.write_bytes(b"\x00garbage")
    assert cached_wildcard_index(words, "k1") == first  # a bad file is rebuilt
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("GOVWATCH_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    assert cached_wildcard_index(words, "k2") == first


@pytest.mark.parametrize(("text", "right"), [("习平近总书记发表重要讲话。", "习近平"), ("会议由王宁沪同志主持。", "王沪宁")])
def test_a_leaders_name_with_two_neighbours_swapped_is_found_beside_a_post_or_comrade(proofreader, text, right):
    assert right in [f.suggestion for f in proofreader.check(text)]


def test_a_swapped_name_alone_is_not_reported(proofreader):
    assert proofreader.check("他是习平近的同学。") == []  # no post, no 同志: may be anyone's name
