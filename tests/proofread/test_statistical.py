"""Layer 3: statistical suspects are uncertain, and the tuned layer catches typical slips."""

import pytest

from govwatch.proofread.statistical import StatisticalLayer, packaged_parameters


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("大力培育发展大数局产业。", "局", "据"),
        ("将天然气产供储销体系重大工程建射纳入专项督查。", "射", "设"),
        ("健全依法刑政制度体系", "刑", "行"),
    ],
)
def test_typical_slips_are_suspected(proofreader, text, wrong, right):
    suspects = [f for f in proofreader.check(text) if f.rule.startswith("stat:")]
    assert [(f.wrong, f.suggestion) for f in suspects] == [(wrong, right)]
    assert all(not f.certain and f.type == "typo" for f in suspects)


@pytest.mark.parametrize("text", ["大力培育发展大数据产业。", "全国人民代表大会常务委员会", "县财政局召开全体干部职工大会"])
def test_clean_sentences_are_silent(proofreader, text):
    assert [f for f in proofreader.check(text) if f.rule.startswith("stat:")] == []


def test_only_scores_at_the_threshold_become_findings():
    params = packaged_parameters()
    layer = StatisticalLayer({"数据": 9.0, "据": 2.0, "局": 6.0}, params)
    scores = {index: score for index, _, score in layer.suspects("大数局产业")}
    assert scores[2] > params.threshold
    assert [h.start for h in layer.scan("大数局产业")] == [2]
