"""The derived data: odw.train split into a mining and a tuning half, jieba's notice shipped with words.tsv."""

from govwatch.proofread.build_data import corpus_ngrams
from govwatch.proofread.data_files import read_text
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
    header = "\n".join(read_text("words.tsv").splitlines()[:2])
    assert "jieba 0.42.1" in header and "LICENSE-jieba" in header and "挖掘半区" in header
    assert "Sun Junyi" in read_text("LICENSE-jieba") and "MIT" in read_text("LICENSE-jieba")
