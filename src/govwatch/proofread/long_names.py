"""Long fixed names written with any one character replaced (长名称错一字): 中华人民大和国, 不忘实心、牢记使命.

The near misses of `knowledge.name_slips` and `expressions.near_misses` replace a character only by a
same-sound or similar-shape one. A state's full name of 7 characters or more, or a standard political
expression of 8 or more, is wrong with *any* other Han character in one place: no other name or phrase
shares all but one of their characters (中华人民共和国 has no neighbour one character away; 德意志联邦共和国
and 德意志民主共和国 are two apart). Two guards, from the clean lines these were run over: a numeral in the
replaced place is an ordinal, not a slip (第十四个五年规划 beside 第十五个五年规划), and a window that is
itself a listed name, or sits inside a longer listed one, is no slip. A replacement by a confusable
character (same sound or similar shape, `confusion_sets`) is left to the generated near misses, which
report it on the narrower span and with the list's own severity. For expressions (given `words`),
a replaced character that makes a more frequent word with its neighbour than the listed one does is a
deliberate other wording, not a slip (分级分类审核、先审后发: 分类 is commoner than 分级; 不忘实心: 实心 is
rarer than 初心). Found with an automaton of each
name's two halves, one of which a single replacement leaves intact.
"""

from __future__ import annotations

from collections.abc import Mapping

from govwatch.proofread.automaton import Automaton
from govwatch.proofread.confusion import confusion_sets
from govwatch.proofread.findings import Hit

STATES_FROM = 7  # shorter full names (大韩民国, 日本国) have innocent neighbours
EXPRESSIONS_FROM = 8  # 分类审核、先审后发 is the shortest kind seen written right one character off a listed one
NUMERALS = frozenset("〇零一二三四五六七八九十百千万两")


class LongNameSlips:
    """Report a listed long name written with one character replaced by any other Han character."""

    def __init__(self, names: Mapping[str, str], shortest: int, stem: str, type_: str, severity: str, kind: str,
                 words: Mapping[str, float] | None = None) -> None:
        """`names`: name → the list or document a finding cites; `kind`: the finding's label (规范表述);
        `words`: log frequencies for the rival-word guard (none: no guard)."""
        self._labels = dict(names)
        self._words = words
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
                if begin < 0 or end > len(text) or (begin, name) in seen:
                    continue
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
                if self._words is not None and self._rival(written, name, differing[0]):
                    continue
                hits.append(Hit(begin, end, name, self._type, self._severity, True, f"knowledge:{self._stem}:{written}",
                                f"{self._kind}：“{written}”应为“{name}”（{self._labels[name]}）"))
        return hits

    def _rival(self, written: str, name: str, i: int) -> bool:
        """Whether written[i] makes a more frequent two-character word with a neighbour than name[i] does."""
        words = self._words or {}

        def best(form: str) -> float:
            pairs = (form[j : j + 2] for j in (i - 1, i) if j >= 0 and j + 2 <= len(form))
            return max((words.get(pair, 0.0) for pair in pairs), default=0.0)

        return best(written) > best(name)

    def _inside_listed(self, text: str, begin: int, end: int) -> bool:
        return any(
            text[start : start + len(name)] == name
            for name in self._names
            if len(name) > end - begin
            for start in range(max(0, end - len(name)), begin + 1)
        )
