"""CSC metrics: pycorrector's sentence-level counting, over the findings a spelling benchmark scores."""

from govwatch.proofread.evaluation import Pair, score, spelling


def test_punctuation_findings_are_outside_a_spelling_benchmark(proofreader):
    clean = "下一步，我局将统筹安排2021年项目,大力支持生态修复工作。"
    assert [f.type for f in proofreader.check(clean)] == ["punctuation"]
    assert spelling(proofreader.check(clean)) == []


def test_sentence_level_counts(proofreader):
    pairs = [
        Pair("截止目前已完成。", "截至目前已完成。"),  # corrected
        Pair("学习党的二十精神。", "学习党的二十大精神。"),  # not a same-length pair in ECSpell, but scored alike
        Pair("县财政局召开全体干部职工大会。", "县财政局召开全体干部职工大会。"),  # clean, silent
        Pair("已整改完毕。", "己整改完毕。"),  # reference differs: a miss
    ]
    _, correction = score(pairs, lambda text: spelling(proofreader.check(text)))
    assert (correction.clean, correction.erroneous, correction.false_alarm_rate) == (1, 3, 0.0)
    assert correction.precision == 1.0 and round(correction.recall, 3) == 0.667
