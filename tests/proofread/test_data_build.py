"""The derived data: odw.train split into a mining and a tuning half, jieba's notice shipped with words.tsv."""

import pytest

from govwatch.proofread.build_data import corpus_ngrams
from govwatch.proofread.data_files import header_lines, read_text
from govwatch.proofread.evaluation import Pair
from govwatch.proofread.split import MINE, TUNE, half, select


def test_split_is_deterministic_and_keeps_duplicates_together():
    pairs = [Pair(f"第{i}句", f"第{i}句") for i in range(200)]
    mine, tune = select(pairs, MINE), select(pairs, TUNE)
    assert len(mine) + len(tune) == 200 and 60 < len(mine) < 140
    assert not set(mine) & set(tune)
    assert half(Pair("同一句", "同一句")) == half(Pair("同一句", "同一句"))
    assert [half(p) for p in pairs] == [half(p) for p in pairs]


def test_mined_phrases_are_made_of_whole_words():
    grams = corpus_ngrams("推进政务公开领域改革")
    assert "政务公开" in grams and "务公开领" not in grams and "公开领" not in grams


def test_words_table_names_its_sources_and_licences():
    header = "\n".join(read_text("words.tsv").splitlines()[:7])
    assert "jieba 0.42.1" in header and "LICENSE-jieba" in header and "挖掘半区" in header
    assert "Sun Junyi" in read_text("LICENSE-jieba") and "MIT" in read_text("LICENSE-jieba")


OWNED = ("agencies.txt", "divisions.tsv", "expression_changes.tsv", "expression_variants.tsv.gz", "expressions.txt", "near_miss_exceptions.txt",
         "place_variants.tsv.gz", "places.txt.gz", "same_glyph.txt", "same_pinyin.txt", "same_stroke.txt",
         "statistical.tsv", "words.tsv")


@pytest.mark.parametrize("name", OWNED)
def test_every_data_file_starts_with_its_header(name):
    header = read_text(name).splitlines()[:6]
    keys = [line.split(":", 1)[0] for line in header]
    assert keys == ["# version", "# name", "# source", "# edition", "# date", "# licence"]
    assert all(line.split(":", 1)[1].strip() for line in header)


def test_header_lines_are_written_in_the_shared_order():
    assert header_lines(1, "名", "源", "版", "2026-01-01", "MIT") == [
        "# version: 1", "# name: 名", "# source: 源", "# edition: 版", "# date: 2026-01-01", "# licence: MIT"]
