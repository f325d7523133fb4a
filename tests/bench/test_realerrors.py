"""The development set's loader and scoring (bench/realerrors.py): what counts as corrected, detected, wrong."""

import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

SPEC = importlib.util.spec_from_file_location("realerrors", Path(__file__).resolve().parents[2] / "bench" / "realerrors.py")
realerrors = importlib.util.module_from_spec(SPEC)
sys.modules["realerrors"] = realerrors  # dataclasses look their module up there
SPEC.loader.exec_module(realerrors)


@dataclass
class Found:
    start: int
    length: int
    suggestion: str
    type: str = "typo"


def pair(wrong, right, sentence=None):
    return realerrors.RealPair("x", wrong, right, sentence, "misspelling", "s", "u", "tune")


def test_a_pair_is_corrected_only_when_the_suggestion_yields_the_right_sentence():
    p = pair("攻府", "政府", "市商务局攻府信息公开。")
    fixed = realerrors.score_pairs([p], lambda text: [Found(4, 1, "政")])
    wrong_fix = realerrors.score_pairs([p], lambda text: [Found(4, 1, "正")])
    elsewhere = realerrors.score_pairs([p], lambda text: [Found(0, 1, "县")])
    assert (fixed.corrected, fixed.detected, fixed.wrong_findings) == (1, 1, 0)
    assert (wrong_fix.corrected, wrong_fix.detected, wrong_fix.wrong_findings) == (0, 1, 1)
    assert (elsewhere.corrected, elsewhere.detected, elsewhere.wrong_findings) == (0, 0, 1)


def test_two_findings_together_may_correct_a_pair_and_privacy_findings_are_not_counted():
    p = pair("中华人民大和国", "中华人民共和国")
    scores = realerrors.score_pairs([p], lambda text: [Found(4, 1, "共"), Found(0, 2, "", "privacy")])
    assert (scores.pairs, scores.corrected, scores.wrong_findings, scores.recall) == (1, 1, 0, 1.0)
    split = pair("内蒙古省", "内蒙古自治区")
    both = realerrors.score_pairs([split], lambda text: [Found(0, 2, "内蒙"), Found(3, 1, "自治区")])
    assert both.corrected == 1


def test_clean_sentences_are_flagged_by_any_finding():
    sentences = [realerrors.CleanSentence(str(i), t, "s", "u", "test") for i, t in enumerate(["甲。", "乙。", "丙。"])]
    scores = realerrors.score_clean(sentences, lambda text: [Found(0, 1, "", "punctuation")] if text == "乙。" else [])
    assert (scores.sentences, scores.flagged, round(scores.rate, 3)) == (3, 1, 0.333)


def test_the_half_comes_from_the_id_and_a_wrong_half_is_refused(tmp_path):
    assert {realerrors.half_of(f"p{i}") for i in range(20)} == {"tune", "test"}
    row = {"id": "p1", "wrong": "攻府", "right": "政府", "sentence": None, "kind": "misspelling", "source": "s",
           "url": "u", "half": realerrors.half_of("p1")}
    good = tmp_path / "pairs.jsonl"
    good.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    assert [p.id for p in realerrors.load_pairs(row["half"], good)] == ["p1"]
    other = "test" if row["half"] == "tune" else "tune"
    assert realerrors.load_pairs(other, good) == []
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(row | {"half": other}, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(realerrors.DevSetError, match=r"bad.jsonl 第 1 行：字段 half"):
        realerrors.load_pairs(None, bad)
    bad.write_text(json.dumps(row | {"sentence": "这里没有错形。"}, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(realerrors.DevSetError, match="字段 sentence"):
        realerrors.load_pairs(None, bad)


def test_the_shipped_set_loads_and_both_halves_are_used():
    pairs, clean = realerrors.load_pairs(), realerrors.load_clean()
    assert {p.half for p in pairs} == {"tune", "test"}
    assert len(realerrors.load_pairs("tune")) + len(realerrors.load_pairs("test")) == len(pairs)
    assert all(p.url.startswith("http") for p in pairs) and all(s.url.startswith("http") for s in clean)
