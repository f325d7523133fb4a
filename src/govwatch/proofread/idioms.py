"""Idiom misspellings (成语别字) generated from an idiom dictionary, not listed one by one.

`idioms.txt.gz` holds jionlp's dictionary of four-character idioms (Apache-2.0), each marked whether
it is in common official use (also in ECSpell's idiom list, MIT, and not a known wrong form of
lexicon.tsv). A four-character stretch of text that is no dictionary idiom but differs from a common
one in a single character, written for it by sound (any tone) or shape (`wide_confusion_sets`), is reported: 言简意骇
→ 言简意赅; so is a reduplicated character replaced in both places (鬼鬼崇崇 → 鬼鬼祟祟). The dictionary
decides what is an idiom — never the word-frequency list, which counts common misspellings as words.
A replaced character that forms a *very common* word with a neighbour inside the stretch (不能自己:
自己, log frequency ≥ `COMMON_WORD`) is left alone, since such a stretch is most often ordinary text
(不能自己做); a rarer word is the usual shape of an idiom slip (谈笑风声, 人情事故, 世外桃园: 风声, 事故,
桃园 are words, the stretch is still a slip), so it does not vouch for the text.

Matching: every single-character slip keeps one half of the idiom intact, so an automaton of the
common idioms' halves finds the few places worth a look, and a table of the idioms with one
character masked (言简?赅) names the candidate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

import rjieba

from govwatch.proofread.automaton import Automaton
from govwatch.proofread.catalogue import parse_header
from govwatch.proofread.confusion import wide_confusion_sets
from govwatch.proofread.data_files import read_text
from govwatch.proofread.findings import Hit
from govwatch.proofread.statistical import packaged_frequencies

IDIOMS_FILE = "idioms.txt.gz"
SIZE = 4
# A slip that makes a word this frequent (log of jieba's count; 自己 ≈ 11.4, 不能 ≈ 10.4, 事故 ≈ 7.5,
# 风声 ≈ 6.6) may be ordinary text; chosen on the development set's tuning half and odw.train: 8 and 9
# gave the same 20 of 27 tuning idiom pairs with no finding on 2,256 clean sentences.
COMMON_WORD = 9.0


def _covering_words(text: str, begin: int, is_word: Callable[[str], bool]) -> bool:
    """Whether a dictionary word of 5–7 characters covers text[begin : begin + SIZE]."""
    for size in range(SIZE + 1, SIZE + 4):
        for start in range(max(0, begin + SIZE - size), begin + 1):
            if start + size <= len(text) and is_word(text[start : start + size]):
                return True
    return False


def _makes_word(text: str, index: int, is_word: Callable[[str], bool]) -> bool:
    """Whether text[index] forms a word of 2–3 characters with a neighbour inside `text`."""
    return any(
        is_word(text[start:end])
        for start in range(max(0, index - 2), index + 1)
        for end in range(max(index + 1, start + 2), min(len(text), start + 3) + 1)
    )


class IdiomSlips:
    """Find four-character slips of common idioms."""

    def __init__(self, common: Iterable[str], known: Iterable[str], label: str,
                 is_word: Callable[[str], bool] = rjieba.has_word, has_word: Callable[[str], bool] = rjieba.has_word,
                 in_vocabulary: Callable[[str], bool] = rjieba.has_word) -> None:
        """`is_word`: whether a slip's neighbour word is common enough to vouch for ordinary text;
        `has_word`: the segmenter's dictionary (longer words and sayings); `in_vocabulary`: the clean
        vocabulary (known misspellings removed), whose four-character words are no slips."""
        self.label = label
        self._known = frozenset(known)
        self._is_word = is_word
        self._has_word = has_word
        self._in_vocabulary = in_vocabulary
        self._confusions = wide_confusion_sets()
        self._masked: dict[str, list[str]] = {}
        self._doubled: dict[str, list[tuple[str, int]]] = {}  # 鬼鬼??: idioms with a reduplicated character
        common = sorted(set(common))
        for idiom in common:
            for i in range(SIZE):
                self._masked.setdefault(idiom[:i] + "?" + idiom[i + 1 :], []).append(idiom)
            for i in range(SIZE - 1):
                if idiom[i] == idiom[i + 1]:
                    self._doubled.setdefault(idiom[:i] + "??" + idiom[i + 2 :], []).append((idiom, i))
        self._first = frozenset(idiom[:2] for idiom in common)
        self._second = frozenset(idiom[2:] for idiom in common)
        self._halves = sorted(self._first | self._second)
        self._automaton = Automaton(self._halves, overlapping=True)

    def _in_longer_word(self, text: str, begin: int) -> bool:
        return _covering_words(text, begin, self._has_word)

    def scan(self, text: str) -> list[Hit]:
        """Hits for idiom slips in `text` (already scannable)."""
        hits, seen = [], set()
        for index, start, _ in self._automaton.find(text):
            half = self._halves[index]
            for begin in ((start,) if half in self._first else ()) + ((start - 2,) if half in self._second else ()):
                if begin < 0 or begin + SIZE > len(text) or begin in seen:
                    continue
                seen.add(begin)
                idiom = self._slip_of(text, begin)
                if idiom is not None:
                    hits.append(Hit(begin, begin + SIZE, idiom, "typo", "error", True, f"knowledge:idioms:{idiom}",
                                    f"成语错误：“{text[begin : begin + SIZE]}”应为“{idiom}”（{self.label}）"))
        return hits

    def _slip_of(self, text: str, begin: int) -> str | None:
        """The one common idiom the stretch at `begin` is a slip of, or None: not when the stretch is a
        known idiom or a word of the clean vocabulary (街头巷议), nor when it lies inside a longer dictionary word or saying (无所不用其极, 士为知己者死)."""
        written = text[begin : begin + SIZE]
        if written in self._known or self._in_vocabulary(written) or self._in_longer_word(text, begin):
            return None
        found = set()
        for i, char in enumerate(written):
            for idiom in self._masked.get(written[:i] + "?" + written[i + 1 :], ()):
                if idiom[i] in self._confusions.get(char, ()) and not _makes_word(written, i, self._is_word):
                    found.add(idiom)
        for i in range(SIZE - 1):
            if written[i] == written[i + 1]:
                for idiom, _ in self._doubled.get(written[:i] + "??" + written[i + 2 :], ()):
                    if idiom[i] in self._confusions.get(written[i], ()):
                        found.add(idiom)
        return found.pop() if len(found) == 1 else None


@cache
def packaged_idioms() -> IdiomSlips:
    """The generator over the packaged idiom dictionary (read once per process).

    A generated file of 30,000 two-field lines: split directly, as the general record reader takes
    several times as long (bad lines cannot occur; `build_idioms` writes it)."""
    text = read_text(IDIOMS_FILE)
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    frequencies = packaged_frequencies()
    return IdiomSlips((i for i, c in rows if c == "1"), (i for i, _ in rows), parse_header(text).label,
                      is_word=lambda word: frequencies.get(word, 0.0) >= COMMON_WORD, in_vocabulary=frequencies.__contains__)
