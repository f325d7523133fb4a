"""Multi-pattern matching shared by the layers: ahocorasick_rs, made safe for any Python string."""

from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick_rs

_FAST_SCAN = ahocorasick_rs.Implementation.ContiguousNFA  # builds as fast as the others, scans fastest
_SURROGATE = re.compile("[\ud800-\udfff]")


def scannable(text: str) -> str:
    """Replace lone surrogates (which cannot cross into Rust as UTF-8) one for one, keeping offsets."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


class Automaton:
    """Matching of a fixed list of patterns; indexes are characters of the Python string.

    Leftmost-longest by default, so that a longer correct form (报名截止日期) absorbs a shorter
    pattern inside it; `overlapping=True` reports every occurrence (for allow-lists).
    """

    def __init__(self, patterns: Sequence[str], overlapping: bool = False) -> None:
        self.patterns = list(patterns)
        self._overlapping = overlapping
        kind = ahocorasick_rs.MATCHKIND_STANDARD if overlapping else ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST
        self._ac = (
            ahocorasick_rs.AhoCorasick(self.patterns, matchkind=kind, implementation=_FAST_SCAN) if self.patterns else None
        )

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """(pattern index, start, end) of each match; `text` must already be `scannable`."""
        if self._ac is None or not text:
            return []
        return self._ac.find_matches_as_indexes(text, overlapping=self._overlapping)
