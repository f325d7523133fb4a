"""Regenerate the derived data files from their sources (a maintainer's tool, never used at run time).

    python -m govwatch.proofread.build_data --jieba-dict PATH/jieba/dict.txt --ecspell PATH/ecspell \
        --font /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc --font-index 2 \
        --places PATH/jionlp/dictionary/china_location.txt

jieba 0.42.1's `dict.txt` and jionlp 1.5.31's `china_location.txt` (inside its
`dictionary/china_location.zip`) come from PyPI, not from the packages at run time (see
docs/decisions.md).

- `words.tsv`: jieba's words of 1–4 Han characters seen at least `MIN_COUNT` times; the official
  vocabulary jieba lacks or under-counts at a count of at least `DOMAIN_COUNT` (this package's
  expressions and lexicon right forms, the short names of government bodies in `agencies.txt` (bare
  and after 县/市/省…) and ECSpell's 公文写作 and 成语 lists, MIT — longer entries by their rjieba
  words); productive suffix compounds of official stems (整改率, 规范化) at `COMPOUND_COUNT`, so that
  correct official coinages are not suspects; and phrases of 2–4 characters made of whole rjieba
  words of clean official text — only the *mining* half of odw.train (`split`), so that the tuner,
  which scores the other half, is not scoring sentences whose words it was given.
- `near_miss_exceptions.txt`: generated near misses of the standard expressions that occur in the
  same clean text.
- `same_glyph.txt`: characters that look alike in the given font (`glyphs`), Noto Sans CJK SC here.
- `places.txt.gz`: the names of counties, townships and villages in jionlp's administrative divisions
  that `places.is_place_name` keeps (`places`).
"""

from __future__ import annotations

import argparse
import gzip
import re
from pathlib import Path

import rjieba

from govwatch.proofread.automaton import Automaton
from govwatch.proofread.confusion import GLYPH_FILE
from govwatch.proofread.evaluation import read_pairs
from govwatch.proofread.expressions import EXCEPTIONS_FILE, near_misses, packaged_expressions
from govwatch.proofread.glyphs import MIN_SIMILARITY, NEIGHBOURS, similar_glyphs
from govwatch.proofread.lexicon import packaged_entries
from govwatch.proofread.places import PLACES_FILE, is_place_name
from govwatch.proofread.split import MINE, select
from govwatch.proofread.statistical import WORDS_FILE, agency_names

MIN_COUNT = 5
DOMAIN_COUNT = 200
COMPOUND_COUNT = 20  # enough to shield a correct compound, too little to pull a neighbour towards it
# Every phrase of clean official text counts. Chosen on odw.train's tuning half (correction F1 at
# ≤ 1 % clean sentences flagged): raw character n-grams seen ≥ 3 times 0.36, ≥ 2 times 0.39, once
# 0.48; phrases of whole words seen once 0.51, with a table half the size.
NGRAM_MIN = 1
NGRAM_WEIGHT = 100  # a phrase's count in that small corpus, scaled to jieba's counts
# Suffixes that make words of an official stem at will (整改率, 参与人数 → 参与数, 规范化), with the
# jieba parts of speech of the stems they take: the dictionary cannot list every such compound.
SUFFIXES = {"率": {"v", "vn"}, "数": {"v", "vn"}, "化": {"n", "vn", "a", "an", "v"}}
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{1,4}")
DATA = Path(__file__).parent / "data"


def read_jieba(jieba_dict: Path) -> tuple[dict[str, int], dict[str, str]]:
    """(word → count for Han words of 1–4 characters, word → part of speech) from jieba's dict.txt."""
    counts, tags = {}, {}
    for line in jieba_dict.read_text(encoding="utf-8").splitlines():
        word, count, *tag = line.split(" ")
        if _HAN_WORD.fullmatch(word):
            counts[word], tags[word] = int(count), tag[0] if tag else ""
    return counts, tags


def official_words(ecspell: Path) -> set[str]:
    """Words of 2–4 Han characters of the official vocabulary; longer entries give their rjieba words."""
    domain = packaged_expressions() + [e.right for e in packaged_entries() if e.right] + agency_names()
    for name in ("公文写作.txt", "成语.txt"):
        domain += [line.split("\t")[0].strip() for line in (ecspell / "wordlist" / name).read_text(encoding="utf-8").splitlines()]
    words = set()
    for entry in domain:
        for piece in [entry] + (rjieba.cut(entry, hmm=False) if len(entry) > 4 else []):
            if _HAN_WORD.fullmatch(piece) and len(piece) >= 2:
                words.add(piece)
    return words


def build_words(jieba_dict: Path, ecspell: Path) -> dict[str, int]:
    """word → count from jieba's dictionary, the official vocabulary and its suffix compounds."""
    jieba, tags = read_jieba(jieba_dict)
    counts = {word: count for word, count in jieba.items() if count >= MIN_COUNT}
    official = official_words(ecspell)
    for word in official:
        counts[word] = max(counts.get(word, 0), DOMAIN_COUNT)
    for stem in sorted(official):
        if len(stem) == 2:
            for suffix, takes in SUFFIXES.items():
                if tags.get(stem) in takes:
                    counts[stem + suffix] = max(counts.get(stem + suffix, 0), COMPOUND_COUNT)
    return counts


def corpus_ngrams(corpus: str) -> dict[str, int]:
    """Phrases of 2–4 Han characters (runs of whole rjieba words) seen at least `NGRAM_MIN` times in
    clean official text; a string that starts or ends inside a word (务公开领, of 政务公开领域) is not one."""
    counts: dict[str, int] = {}
    for run in re.findall(r"[\u4e00-\u9fff]{2,}", corpus):
        words = rjieba.cut(run, hmm=False)
        for first in range(len(words)):
            gram = ""
            for word in words[first:]:
                gram += word
                if len(gram) > 4:
                    break
                if len(gram) >= 2:
                    counts[gram] = counts.get(gram, 0) + 1
    return {gram: count * NGRAM_WEIGHT for gram, count in counts.items() if count >= NGRAM_MIN}


def clean_corpus(ecspell: Path) -> str:
    """Correct official text: the mining half of odw.train (corrected side), policy titles, vocabulary."""
    parts = [pair.target for pair in select(read_pairs(ecspell / "odw.train"), MINE)]
    for name in ("政策法规标题.txt", "公文写作.txt", "成语.txt"):
        parts += [line.split("\t")[0] for line in (ecspell / "wordlist" / name).read_text(encoding="utf-8").splitlines()]
    return "\n".join(parts)


def build_exceptions(corpus: str) -> list[str]:
    """Generated near misses that appear in clean text."""
    forms = sorted({wrong for e in packaged_expressions() for wrong, _ in near_misses(e, rjieba.has_word)})
    return sorted({forms[i] for i, _, _ in Automaton(forms, overlapping=True).find(corpus)})


def read_places(china_location: Path) -> list[str]:
    """The kept names below the provinces in jionlp's `china_location.txt`, where a name's depth is its
    count of leading tabs (0 province, 1 city, 2 county, 3 township, 4 village)."""
    names = set()
    for line in china_location.read_text(encoding="utf-8").splitlines():
        fields = line.lstrip("\t")
        name = fields.split("\t")[0].strip()
        if len(line) > len(fields) and is_place_name(name):  # indented: below a province
            names.add(name)
    return sorted(names)


def main() -> None:
    """Write the derived files into the package's data folder."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jieba-dict", type=Path, required=True)
    parser.add_argument("--ecspell", type=Path, required=True)
    parser.add_argument("--font", type=Path, required=True, help="a CJK font, e.g. Debian fonts-noto-cjk's NotoSansCJK-Regular.ttc")
    parser.add_argument("--font-index", type=int, default=2, help="the face in a .ttc (2: Noto Sans CJK SC)")
    parser.add_argument("--places", type=Path, required=True, help="jionlp 1.5.31's dictionary/china_location.txt")
    args = parser.parse_args()
    counts = build_words(args.jieba_dict, args.ecspell)
    corpus = clean_corpus(args.ecspell)
    for gram, count in corpus_ngrams(corpus).items():
        counts[gram] = max(counts.get(gram, 0), count)
    header = [
        "# version: 2",
        f"# 词频表：jieba 0.42.1 dict.txt（MIT，见 LICENSE-jieba）中出现 ≥ {MIN_COUNT} 次的 1–4 字词；"
        f"本包规范表述、易错词表正确写法、机构简称表（agencies.txt，含层级前缀）及 ECSpell 公文写作词表、成语表（MIT，见 LICENSE-ECSpell）的词（长条目取其分词），计数至少 {DOMAIN_COUNT}；"
        f"公文词干加“{''.join(SUFFIXES)}”的派生词（按 jieba 词性），计数至少 {COMPOUND_COUNT}；"
        f"干净公文语料（odw.train 的挖掘半区正确句、政策法规标题、公文词表）中由整词组成、出现 ≥ {NGRAM_MIN} 次的 2–4 字短语，计数 × {NGRAM_WEIGHT}。"
        "由 build_data 生成，勿手改。",
    ]
    rows = [f"{w}\t{c}" for w, c in sorted(counts.items())]
    (DATA / WORDS_FILE).write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    exceptions = build_exceptions(corpus)
    header = [
        "# version: 2",
        "# 第 2 层例外：程序生成的近似形式中在干净公文语料（ECSpell odw.train 挖掘半区正确句、政策法规标题、公文词表）里出现过的写法。"
        "由 build_data 生成，勿手改。",
    ]
    (DATA / EXCEPTIONS_FILE).write_text("\n".join(header + exceptions) + "\n", encoding="utf-8")
    glyphs = similar_glyphs(args.font, args.font_index)
    header = [
        "# version: 1",
        f"# 形近字（字形渲染）：写成的字<TAB>可能本意的常用字（GB 2312），按相似度降序，每字至多 {NEIGHBOURS} 个、余弦相似度 ≥ {MIN_SIMILARITY}；"
        f"由 build_data 以 {args.font.name}（第 {args.font_index} 个字体）渲染生成，勿手改。",
    ]
    rows = [f"{char}\t{''.join(near)}" for char, near in sorted(glyphs.items())]
    (DATA / GLYPH_FILE).write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    places = read_places(args.places)
    header = [
        "# version: 1",
        "# 地名表：jionlp 1.5.31 行政区划（china_location.txt，Apache-2.0，见 LICENSE-jionlp）中市级以下、"
        "带行政区划后缀（村、社区、镇、乡、街道、县、区、市等）且至少 3 字的名称。由 build_data 生成，勿手改。",
    ]
    text = "\n".join(header + places) + "\n"
    (DATA / PLACES_FILE).write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{WORDS_FILE}: {len(counts)} 词；{EXCEPTIONS_FILE}: {len(exceptions)} 条；{GLYPH_FILE}: {len(rows)} 字；"
          f"{PLACES_FILE}: {len(places)} 个地名")


if __name__ == "__main__":
    main()
