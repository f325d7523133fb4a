"""Full names of states (国家全称) with any one character replaced: 中华人民大和国, 中共人民共和国.

The near misses of `knowledge.name_slips` replace a character only by a same-sound or similar-shape
one; a state's full name of `LONGEST_FROM` characters or more is wrong with *any* other Han character in
one place, since no other name or phrase shares all but one of its characters (中华人民共和国 has no
neighbour one character away; 德意志联邦共和国 and 德意志民主共和国 are two apart). Found with an
automaton of each name's two halves, one of which a single replacement leaves intact; a window that
is itself a listed name, or that sits inside a longer listed name, is no slip.
"""

from __future__ import annotations

from collections.abc import Iterable

from govwatch.proofread.automaton import Automaton
from govwatch.proofread.findings import Hit

LONGEST_FROM = 7  # shorter full names (大韩民国, 日本国) have innocent neighbours


class StateNameSlips:
    """Report a state's full name written with one character replaced by any other Han character."""

    def __init__(self, names: Iterable[str], label: str, stem: str = "states") -> None:
        self.label = label
        self._stem = stem
        self._all = frozenset(names)
        self._names = sorted(n for n in self._all if len(n) >= LONGEST_FROM)
        halves: dict[str, list[tuple[str, int]]] = {}  # half → (name, offset of the half in the name)
        for name in self._names:
            middle = len(name) // 2
            halves.setdefault(name[:middle], []).append((name, 0))
            halves.setdefault(name[middle:], []).append((name, middle))
        self._halves = sorted(halves)
        self._where = [halves[h] for h in self._halves]
        self._automaton = Automaton(self._halves, overlapping=True)

    def scan(self, text: str) -> list[Hit]:
        """Hits for one-character slips of the long full names in `text` (already scannable)."""
        hits, seen = [], set()
        for index, start, _ in self._automaton.find(text):
            for name, offset in self._where[index]:
                begin = start - offset
                end = begin + len(name)
                if begin < 0 or end > len(text) or (begin, name) in seen:
                    continue
                seen.add((begin, name))
                written = text[begin:end]
                differing = [i for i, (a, b) in enumerate(zip(written, name, strict=True)) if a != b]
                if len(differing) != 1 or not "\u4e00" <= written[differing[0]] <= "\u9fff":
                    continue
                if written in self._all or self._inside_listed(text, begin, end):
                    continue
                hits.append(Hit(begin, end, name, "expression", "serious", True, f"knowledge:{self._stem}:{written}",
                                f"规范表述：“{written}”应为“{name}”（{self.label}）"))
        return hits

    def _inside_listed(self, text: str, begin: int, end: int) -> bool:
        return any(
            text[start : start + len(name)] == name
            for name in self._names
            if len(name) > end - begin
            for start in range(max(0, end - len(name)), begin + 1)
        )
