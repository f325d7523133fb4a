"""Regenerate the derived data files from their sources (a maintainer's tool, not used at run time).

    python -m govwatch.proofread.build_data --jieba-dict PATH/jieba/dict.txt --ecspell PATH/ecspell

- `words.tsv`: jieba 0.42.1's `dict.txt` (MIT) words of 1–4 Han characters seen at least
  `MIN_COUNT` times, plus this package's standard expressions and lexicon right-hand forms and the
  ECSpell official-writing vocabulary and idioms (MIT), which jieba lacks or under-counts, at a
  count of at least `DOMAIN_COUNT`, plus n-grams frequent in clean official text.
- `near_miss_exceptions.txt`: generated near misses of the standard expressions that occur in
  clean official text (ECSpell odw.train's corrected side, its policy titles and vocabulary).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import rjieba

from govwatch.proofread.automaton import Automaton
from govwatch.proofread.expressions import EXCEPTIONS_FILE, near_misses, packaged_expressions
from govwatch.proofread.lexicon import packaged_entries
from govwatch.proofread.statistical import WORDS_FILE

MIN_COUNT = 5
DOMAIN_COUNT = 200
NGRAM_MIN = 3  # an n-gram seen this often in clean official text is a phrase of the register
NGRAM_WEIGHT = 100  # its count in that small corpus, scaled to jieba's counts
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{1,4}")
DATA = Path(__file__).parent / "data"


def build_words(jieba_dict: Path, ecspell: Path) -> dict[str, int]:
    """word → count from jieba's dictionary and the ECSpell domain word lists."""
    counts: dict[str, int] = {}
    for line in jieba_dict.read_text(encoding="utf-8").splitlines():
        word, count, *_ = line.split(" ")
        if _HAN_WORD.fullmatch(word) and int(count) >= MIN_COUNT:
            counts[word] = int(count)
    domain = [e for e in packaged_expressions()] + [e.right for e in packaged_entries() if e.right]
    for name in ("公文写作.txt", "成语.txt"):
        domain += [line.split("\t")[0].strip() for line in (ecspell / "wordlist" / name).read_text(encoding="utf-8").splitlines()]
    for word in domain:
        if _HAN_WORD.fullmatch(word) and len(word) >= 2:
            counts[word] = max(counts.get(word, 0), DOMAIN_COUNT)
    return counts


def corpus_ngrams(corpus: str) -> dict[str, int]:
    """Han n-grams of 2–4 characters seen at least `NGRAM_MIN` times in clean official text."""
    counts: dict[str, int] = {}
    for run in re.findall(r"[\u4e00-\u9fff]{2,}", corpus):
        for size in range(2, 5):
            for start in range(len(run) - size + 1):
                gram = run[start : start + size]
                counts[gram] = counts.get(gram, 0) + 1
    return {gram: count * NGRAM_WEIGHT for gram, count in counts.items() if count >= NGRAM_MIN}


def clean_corpus(ecspell: Path) -> str:
    """Correct official text: odw.train's target side, policy titles, official vocabulary."""
    parts = []
    for line in (ecspell / "odw.train").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) == 3:
            parts.append(fields[2])
    for name in ("政策法规标题.txt", "公文写作.txt", "成语.txt"):
        parts += [line.split("\t")[0] for line in (ecspell / "wordlist" / name).read_text(encoding="utf-8").splitlines()]
    return "\n".join(parts)


def build_exceptions(corpus: str) -> list[str]:
    """Generated near misses that appear in clean text."""
    forms = sorted({wrong for e in packaged_expressions() for wrong, _ in near_misses(e, rjieba.has_word)})
    return sorted({forms[i] for i, _, _ in Automaton(forms, overlapping=True).find(corpus)})


def main() -> None:
    """Write the derived files into the package's data folder."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jieba-dict", type=Path, required=True)
    parser.add_argument("--ecspell", type=Path, required=True)
    args = parser.parse_args()
    counts = build_words(args.jieba_dict, args.ecspell)
    corpus = clean_corpus(args.ecspell)
    for gram, count in corpus_ngrams(corpus).items():
        counts[gram] = max(counts.get(gram, 0), count)
    header = [
        "# version: 1",
        f"# 词频表：jieba 0.42.1 dict.txt（MIT）中出现 ≥ {MIN_COUNT} 次的 1–4 字词，"
        f"另加本包规范表述、易错词表的正确写法及 ECSpell 公文写作词表、成语表（MIT），计数至少 {DOMAIN_COUNT}；"
        f"另加干净公文语料（odw.train 正确句、政策法规标题、公文词表）中出现 ≥ {NGRAM_MIN} 次的 2–4 字串，计数 × {NGRAM_WEIGHT}。"
        "由 build_data 生成，勿手改。",
    ]
    rows = [f"{w}\t{c}" for w, c in sorted(counts.items())]
    (DATA / WORDS_FILE).write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    exceptions = build_exceptions(corpus)
    header = [
        "# version: 1",
        "# 第 2 层例外：程序生成的近似形式中在干净公文语料（ECSpell odw.train 正确句、政策法规标题、公文词表）里出现过的写法。"
        "由 build_data 生成，勿手改。",
    ]
    (DATA / EXCEPTIONS_FILE).write_text("\n".join(header + exceptions) + "\n", encoding="utf-8")
    print(f"{WORDS_FILE}: {len(rows)} 词；{EXCEPTIONS_FILE}: {len(exceptions)} 条")


if __name__ == "__main__":
    main()
