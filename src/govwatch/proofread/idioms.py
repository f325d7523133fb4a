"""Idiom misspellings (成语别字) generated from an idiom dictionary, not listed one by one.

`idioms.txt.gz` holds jionlp's dictionary of four-character idioms (Apache-2.0), each marked whether
it is in common official use (also in ECSpell's idiom list, MIT, and not a known wrong form of
lexicon.tsv). A four-character stretch of text that is no dictionary idiom but differs from a common
one in a single character, written for it by sound or shape (confusion sets), is reported: 言简意骇
→ 言简意赅. The dictionary decides what is an idiom — never the word-frequency list, which counts
common misspellings as words — and a replaced character that forms a word with a neighbour inside
the stretch (不能自己: 自己) is left alone, since such a stretch may be ordinary text.

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
from govwatch.proofread.confusion import confusion_sets
from govwatch.proofread.data_files import read_text
from govwatch.proofread.findings import Hit

IDIOMS_FILE = "idioms.txt.gz"
SIZE = 4


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
                 is_word: Callable[[str], bool] = rjieba.has_word) -> None:
        self.label = label
        self._known = frozenset(known)
        self._is_word = is_word
        self._confusions = confusion_sets()
        self._masked: dict[str, list[str]] = {}
        common = sorted(set(common))
        for idiom in common:
            for i in range(SIZE):
                self._masked.setdefault(idiom[:i] + "?" + idiom[i + 1 :], []).append(idiom)
        self._first = frozenset(idiom[:2] for idiom in common)
        self._second = frozenset(idiom[2:] for idiom in common)
        self._halves = sorted(self._first | self._second)
        self._automaton = Automaton(self._halves, overlapping=True)

    def scan(self, text: str) -> list[Hit]:
        """Hits for idiom slips in `text` (already scannable)."""
        hits, seen = [], set()
        for index, start, _ in self._automaton.find(text):
            half = self._halves[index]
            for begin in ((start,) if half in self._first else ()) + ((start - 2,) if half in self._second else ()):
                if begin < 0 or begin + SIZE > len(text) or begin in seen:
                    continue
                seen.add(begin)
                idiom = self._slip_of(text[begin : begin + SIZE])
                if idiom is not None:
                    hits.append(Hit(begin, begin + SIZE, idiom, "typo", "error", True, f"knowledge:idioms:{idiom}",
                                    f"成语错误：“{text[begin : begin + SIZE]}”应为“{idiom}”（{self.label}）"))
        return hits

    def _slip_of(self, written: str) -> str | None:
        """The one common idiom `written` is a slip of, or None."""
        if written in self._known:
            return None
        found = set()
        for i, char in enumerate(written):
            for idiom in self._masked.get(written[:i] + "?" + written[i + 1 :], ()):
                if idiom[i] in self._confusions.get(char, ()) and not _makes_word(written, i, self._is_word):
                    found.add(idiom)
        return found.pop() if len(found) == 1 else None


@cache
def packaged_idioms() -> IdiomSlips:
    """The generator over the packaged idiom dictionary (read once per process).

    A generated file of 30,000 two-field lines: split directly, as the general record reader takes
    several times as long (bad lines cannot occur; `build_idioms` writes it)."""
    text = read_text(IDIOMS_FILE)
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return IdiomSlips((i for i, c in rows if c == "1"), (i for i, _ in rows), parse_header(text).label)
