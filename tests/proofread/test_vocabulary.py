"""The negative list: no form a knowledge layer calls wrong is a word of the statistical layer's vocabulary."""

from govwatch.proofread.lexicon import LexiconLayer, make_entry
from govwatch.proofread.statistical import packaged_frequencies
from govwatch.proofread.vocabulary import layer_wrong_forms, negative_list


def test_no_wrong_form_of_any_knowledge_layer_is_a_word():
    words = packaged_frequencies()
    wrong_words = sorted(form for form in negative_list() if form in words)
    assert wrong_words == [], "words.tsv 中有错误写法，请重新运行 build_data：" + "、".join(wrong_words[:20])


def test_the_negative_list_holds_every_layer_s_wrong_forms(proofreader):
    forms = negative_list()
    assert {"坚苦卓绝", "帐户", "广西省", "供给侧改革", "成固县", "党的二十精神"} <= forms  # lexicon, places, expressions
    assert not {"艰苦卓绝", "广西壮族自治区", "城固县", "党的二十大精神"} & forms


def test_a_guarded_lexicon_entry_is_right_elsewhere_so_stays_a_word():
    guarded = make_entry("截止", "截至", "usage", "error", "测试", "after:目前", "测试 第 1 行")
    plain = make_entry("成份", "成分", "usage", "warning", "测试", "", "测试 第 2 行")
    assert layer_wrong_forms([LexiconLayer([guarded, plain])]) == {"成份"}
