"""Long fixed names written with any one character replaced (长名称错一字): 中华人民大和国, 中共人民共和国.

The near misses of `knowledge.name_slips` and `expressions.near_misses` replace a character only by a
same-sound or similar-shape one. A state's full name of 7 characters or more is wrong with *any* other
Han character in one place: no other name or phrase shares all but one of its characters (中华人民共和国
has no neighbour one character away; 德意志联邦共和国 and 德意志民主共和国 are two apart). A numeral in the
replaced place is an ordinal, not a slip, and a window that is itself a listed name, or sits inside a
longer listed one, is no slip. A replacement by a confusable
character (same sound or similar shape, `confusion_sets`) is left to the generated near misses, which
report it on the narrower span and with the list's own severity. Found with an automaton of each
name's two halves, one of which a single replacement leaves intact.
"""

from __future__ import annotations

from collections.abc import Mapping

from govwatch.proofread.automaton import Automaton
from govwatch.proofread.confusion import confusion_sets
from govwatch.proofread.findings import Hit

STATES_FROM = 7  # shorter full names (大韩民国, 日本国) have innocent neighbours
NUMERALS = frozenset("〇零一二三四五六七八九十百千万两")


class LongNameSlips:
    """Report a listed long name written with one character replaced by any other Han character."""

    def __init__(self, names: Mapping[str, str], shortest: int, stem: str, type_: str, severity: str, kind: str) -> None:
        """`names`: name → the list or document a finding cites; `kind`: the finding's label (规范表述)."""
        self._labels = dict(names)
        self._confusions = confusion_sets()
        self._stem, self._type, self._severity, self._kind = stem, type_, severity, kind
        self._names = sorted(n for n in self._labels if len(n) >= shortest)
        halves: dict[str, list[tuple[str, int]]] = {}  # half → (name, offset of the half in the name)
        for name in self._names:
            middle = len(name) // 2
            halves.setdefault(name[:middle], []).append((name, 0))
            halves.setdefault(name[middle:], []).append((name, middle))
        self._halves = sorted(halves)
        self._where = [halves[h] for h in self._halves]
        self._automaton = Automaton(self._halves, overlapping=True)

    def scan(self, text: str) -> list[Hit]:
        """Hits for one-character slips of the long names in `text` (already scannable)."""
        hits, seen = [], set()
        for index, start, _ in self._automaton.find(text):
            for name, offset in self._where[index]:
                begin = start - offset
                end = begin + len(name)
                if begin < 0 or end > len(text) or text.startswith(name, begin) or (begin, name) in seen:
                    continue  # the name as listed (the usual case, checked first) or a window already seen
                seen.add((begin, name))
                written = text[begin:end]
                differing = [i for i, (a, b) in enumerate(zip(written, name, strict=True)) if a != b]
                if len(differing) != 1:
                    continue
                char, meant = written[differing[0]], name[differing[0]]
                if not "\u4e00" <= char <= "\u9fff" or char in NUMERALS or meant in NUMERALS:
                    continue
                if meant in self._confusions.get(char, ()):  # the near misses' own slip
                    continue
                if written in self._labels or self._inside_listed(text, begin, end):
                    continue
                hits.append(Hit(begin, end, name, self._type, self._severity, True, f"knowledge:{self._stem}:{written}",
                                f"{self._kind}：“{written}”应为“{name}”（{self._labels[name]}）"))
        return hits

    def _inside_listed(self, text: str, begin: int, end: int) -> bool:
        return any(
            text[start : start + len(name)] == name
            for name in self._names
            if len(name) > end - begin
            for start in range(max(0, end - len(name)), begin + 1)
        )
