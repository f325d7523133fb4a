"""Place names (地名) of China's counties, townships and villages: never statistical suspects.

County news names its villages on every line (横渠镇横渠村, 长沙镇齐圣村), and a village's name is
no dictionary word: to the statistical layer its characters look like slips of the pen (齐圣村 reads
as 齐声 + 村). A character inside a name of the national gazetteer (`places.txt.gz`, built by
`build_data` from the administrative divisions that jionlp ships, Apache-2.0) is never a suspect. Only a whole name
with its suffix (村, 社区, 镇, 乡, 街道, 县 …) counts, so the same characters elsewhere are still
checked. Decided on odw.train's tuning half: 2 of its 869 clean sentences flagged fewer, no true
error hidden (docs/decisions.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from govwatch.proofread.data_files import read_text

PLACES_FILE = "places.txt.gz"
SUFFIXES = ("村", "社区", "嘎查", "镇", "乡", "街道", "苏木", "县", "区", "市", "旗", "州", "盟")
SHORTEST = 3  # two-character names (城区, 新村) are common words too


class Gazetteer:
    """Which place name, if any, covers a position of a text."""

    def __init__(self, names: Iterable[str]) -> None:
        self._names = frozenset(names)
        self._longest = max(map(len, self._names), default=0)
        self._last = frozenset(name[-1] for name in self._names)  # a name can only end on one of these

    def __len__(self) -> int:
        return len(self._names)

    @property
    def names(self) -> frozenset[str]:
        """Every name of the gazetteer."""
        return self._names

    def covering(self, text: str, index: int) -> str | None:
        """The longest place name in `text` that includes `text[index]`, or None."""
        span = self.covering_span(text, index)
        return text[span[0] : span[1]] if span is not None else None

    def covering_span(self, text: str, index: int) -> tuple[int, int] | None:
        """(start, end) of the longest place name in `text` that includes `text[index]`, or None."""
        found = None
        for end in range(min(len(text), index + self._longest), index, -1):
            if text[end - 1] not in self._last:
                continue
            for start in range(max(0, end - self._longest), min(index, end - SHORTEST) + 1):
                if text[start:end] in self._names and (found is None or end - start > found[1] - found[0]):
                    found = (start, end)
                    break  # the earliest start is this end's longest name
        return found


def is_place_name(name: str) -> bool:
    """Whether a gazetteer entry is kept: a whole name with its administrative suffix."""
    return len(name) >= SHORTEST and name.endswith(SUFFIXES)


@cache
def packaged_gazetteer() -> Gazetteer:
    """The national gazetteer shipped with the package (about 340,000 names, read once per process).

    A name a line, with `#` comment lines: read directly, as the general record reader takes ten times
    as long over so many one-field lines.
    """
    return Gazetteer(line for line in read_text(PLACES_FILE).splitlines() if line and not line.startswith("#"))
