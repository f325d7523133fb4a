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
from govwatch.proofread.data_files import header_lines
from govwatch.proofread.divisions import (
    DIVISIONS_FILE,
    LEVELS,
    VARIANTS_FILE,
    generate_variants,
    parse_division,
)
from govwatch.proofread.evaluation import read_pairs
from govwatch.proofread.expressions import EXCEPTIONS_FILE, near_misses, packaged_expressions, variant_rows
from govwatch.proofread.expressions import VARIANTS_FILE as EXPRESSION_VARIANTS_FILE
from govwatch.proofread.expressions import generate_variants as generate_expression_variants
from govwatch.proofread.glyphs import MIN_SIMILARITY, NEIGHBOURS, similar_glyphs
from govwatch.proofread.lexicon import packaged_entries
from govwatch.proofread.places import PLACES_FILE, is_place_name
from govwatch.proofread.split import MINE, select
from govwatch.proofread.statistical import WORDS_FILE, agency_names
from govwatch.proofread.vocabulary import negative_list

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


def read_divisions(china_location: Path) -> list[tuple[str, str, str, str]]:
    """(level, name, short name, parent's name) of every province, prefecture and county in jionlp's
    `china_location.txt` (fields: name, code, short name; Taiwan's counties have the name only)."""
    rows, parents = [], ["", "", ""]
    for line in china_location.read_text(encoding="utf-8").splitlines():
        fields = line.lstrip("\t")
        depth = len(line) - len(fields)
        if depth >= len(LEVELS):
            continue
        name, *rest = [field.strip() for field in fields.split("\t")]
        parents[depth] = name
        parent = parents[depth - 1] if depth else ""
        if depth == 1 and name == parent:  # a municipality (上海市) is its own prefecture
            continue
        rows.append((LEVELS[depth], name, rest[1] if len(rest) > 1 else "", parent))
    return sorted(set(rows), key=lambda row: (LEVELS.index(row[0]), row[3], row[1]))


JIEBA = "jieba 0.42.1 dict.txt（MIT，见 LICENSE-jieba）"
JIONLP = "jionlp 1.5.31 dictionary/china_location.zip（Apache-2.0，见 LICENSE-jionlp）"
JIONLP_EDITION = ("jionlp 1.5.31（民政部区划代码 2025）", "2025-11")


def write(name: str, header: list[str], rows: list[str]) -> None:
    """Write a data file (gzip with a fixed timestamp for `.gz`, so that a rebuild gives the same bytes)."""
    text = "\n".join(header + rows) + "\n"
    if name.endswith(".gz"):
        (DATA / name).write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    else:
        (DATA / name).write_text(text, encoding="utf-8")
    print(f"{name}：{len(rows)} 行")


def build_vocabulary(jieba_dict: Path, ecspell: Path) -> None:
    """near_miss_exceptions.txt, expression_variants.tsv.gz, then words.tsv without the wrong forms of
    every layer (the negative list is read once these files are written)."""
    corpus = clean_corpus(ecspell)
    header = [
        *header_lines(3, "规范表述近似形式例外", "ECSpell odw.train 挖掘半区正确句、政策法规标题、公文词表（MIT，见 LICENSE-ECSpell）",
                      "ECSpell", "2022-06-01", "MIT"),
        "# 说明：第 2 层程序生成的近似形式中在干净公文语料里出现过的写法。由 build_data 生成，勿手改。",
    ]
    exceptions = build_exceptions(corpus)
    write(EXCEPTIONS_FILE, header, exceptions)
    header = [
        *header_lines(1, "规范表述近似错误形式", "由 expressions.txt 与 near_miss_exceptions.txt 按规则生成", "expressions.txt 第 2 版",
                      "2025-10-23", "同 expressions.txt"),
        "# 说明：错误写法<TAB>规范表述<TAB>类别<TAB>末字是否改动；规则见 expressions.py。由 build_data 生成，勿手改。",
    ]
    write(EXPRESSION_VARIANTS_FILE, header, variant_rows(generate_expression_variants(packaged_expressions(), exceptions)))
    counts = build_words(jieba_dict, ecspell)
    for gram, count in corpus_ngrams(corpus).items():
        counts[gram] = max(counts.get(gram, 0), count)
    negative = negative_list()
    removed = sorted(negative & counts.keys())
    for word in removed:
        del counts[word]
    print(f"负面词表：{len(negative)} 个错误写法，从词频表删去 {len(removed)} 个：{'、'.join(removed[:30])}")
    header = [
        *header_lines(3, "词频表", f"{JIEBA}；ECSpell 公文写作、成语词表与 odw.train 挖掘半区正确句（MIT，见 LICENSE-ECSpell）",
                      "jieba 0.42.1 + ECSpell", "2022-06-01", "MIT（jieba、ECSpell）"),
        f"# 说明：jieba 中出现 ≥ {MIN_COUNT} 次的 1–4 字词；"
        f"本包规范表述、易错词表正确写法、机构简称表（agencies.txt，含层级前缀）及 ECSpell 公文写作词表、成语表的词（长条目取其分词），计数至少 {DOMAIN_COUNT}；"
        f"公文词干加“{''.join(SUFFIXES)}”的派生词（按 jieba 词性），计数至少 {COMPOUND_COUNT}；"
        f"干净公文语料（odw.train 的挖掘半区正确句、政策法规标题、公文词表）中由整词组成、出现 ≥ {NGRAM_MIN} 次的 2–4 字短语，计数 × {NGRAM_WEIGHT}；"
        "删去各知识层的错误写法（负面词表，vocabulary.negative_list）。由 build_data 生成，勿手改。",
    ]
    write(WORDS_FILE, header, [f"{w}\t{c}" for w, c in sorted(counts.items())])


def build_glyphs(font: Path, font_index: int) -> None:
    """same_glyph.txt from the rendered glyphs of `font`."""
    glyphs = similar_glyphs(font, font_index)
    header = [
        *header_lines(2, "形近字（字形渲染）", f"{font.name}（第 {font_index} 个字体）渲染后比较", font.name, "2026-11-30",
                      "SIL OFL 1.1 字体，仅发布相似度结果"),
        f"# 说明：写成的字<TAB>可能本意的常用字（GB 2312），按相似度降序，每字至多 {NEIGHBOURS} 个、余弦相似度 ≥ {MIN_SIMILARITY}；"
        "由 build_data 生成，勿手改。",
    ]
    write(GLYPH_FILE, header, [f"{char}\t{''.join(near)}" for char, near in sorted(glyphs.items())])


def build_places(china_location: Path) -> None:
    """places.txt.gz, divisions.tsv and place_variants.tsv.gz from jionlp's divisions."""
    edition, date = JIONLP_EDITION
    places = read_places(china_location)
    header = [
        *header_lines(2, "全国地名表（统计层不疑）", JIONLP, edition, date, "Apache-2.0"),
        "# 说明：市级以下、带行政区划后缀（村、社区、镇、乡、街道、县、区、市等）且至少 3 字的名称。由 build_data 生成，勿手改。",
    ]
    write(PLACES_FILE, header, places)
    rows = read_divisions(china_location)
    header = [
        *header_lines(1, "行政区划（省、地、县三级）", JIONLP, edition, date, "Apache-2.0"),
        "# 说明：级别<TAB>全称<TAB>简称<TAB>上级全称。由 build_data 生成，勿手改。",
    ]
    write(DIVISIONS_FILE, header, ["\t".join(row) for row in rows])
    divisions = [parse_division(LEVELS.index(level), name, short, parent) for level, name, short, parent in rows]
    variants = generate_variants(divisions, places)
    header = [
        *header_lines(1, "行政区划错误写法", f"由 divisions.tsv 与 places.txt.gz 按规则生成（{JIONLP}）", edition, date, "Apache-2.0"),
        "# 说明：错误写法<TAB>正确写法<TAB>类别（suffix 层级或民族名称错误，slip 错一字）；规则见 divisions.py。由 build_data 生成，勿手改。",
    ]
    write(VARIANTS_FILE, header, [f"{w}\t{v.right}\t{v.kind}" for w, v in sorted(variants.items())])


def main() -> None:
    """Write the derived files whose sources are given into the package's data folder."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jieba-dict", type=Path, help="jieba 0.42.1's dict.txt (with --ecspell: words.tsv, near_miss_exceptions.txt)")
    parser.add_argument("--ecspell", type=Path)
    parser.add_argument("--font", type=Path, help="a CJK font, e.g. Debian fonts-noto-cjk's NotoSansCJK-Regular.ttc (same_glyph.txt)")
    parser.add_argument("--font-index", type=int, default=2, help="the face in a .ttc (2: Noto Sans CJK SC)")
    parser.add_argument("--places", type=Path, help="jionlp 1.5.31's dictionary/china_location.txt (places, divisions)")
    args = parser.parse_args()
    if (args.jieba_dict is None) != (args.ecspell is None):
        parser.error("--jieba-dict 与 --ecspell 须同时给出")
    if not (args.jieba_dict or args.font or args.places):
        parser.error("至少给出 --places、--font 或 --jieba-dict 与 --ecspell 之一")
    if args.places:  # first: the vocabulary's negative list holds the place variants
        build_places(args.places)
    if args.font:
        build_glyphs(args.font, args.font_index)
    if args.jieba_dict:
        build_vocabulary(args.jieba_dict, args.ecspell)


if __name__ == "__main__":
    main()
