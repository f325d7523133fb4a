"""The tuner's extra data: the development set's tuning half only, never a row of its test half."""

import json

import pytest

from govwatch.proofread.data_files import DataFileError
from govwatch.proofread.evaluation import Pair
from govwatch.proofread.tune import realerror_pairs


def test_only_tuning_rows_are_read(tmp_path):
    rows = [
        {"wrong": "成固县", "right": "城固县", "sentence": "陕西省成固县召开会议", "half": "tune"},
        {"wrong": "广西省", "right": "广西壮族自治区", "sentence": None, "half": "tune"},
        {"wrong": "测试半", "right": "不可读", "sentence": None, "half": "test"},
    ]
    (tmp_path / "pairs.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    clean = [{"text": "干净句。", "half": "tune"}, {"text": "测试句。", "half": "test"}]
    (tmp_path / "clean.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in clean) + "\n", encoding="utf-8")
    assert realerror_pairs(tmp_path) == [
        Pair("陕西省成固县召开会议", "陕西省城固县召开会议"), Pair("广西省", "广西壮族自治区"), Pair("干净句。", "干净句。")]


def test_a_broken_line_is_named(tmp_path):
    (tmp_path / "pairs.jsonl").write_text('{"half": "tune"\n', encoding="utf-8")
    (tmp_path / "clean.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"pairs.jsonl 第 1 行"):
        realerror_pairs(tmp_path)
