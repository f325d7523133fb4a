"""A 公文 title broken into lines as GB/T 9704-2012 §7.3.1 asks: 词意完整, 排列对称 (梯形或菱形).

Words come from rjieba (the proofreader's segmenter); the breaks are chosen by dynamic programming for
lines of nearly equal width that fit the 版心.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from collections.abc import Sequence

import rjieba

from govwatch.reports import gbt9704 as std

# A title's line holds 20 characters of 2号 in the 156 mm 版心; longer titles are broken by words.
_TITLE_CHARS = int(std.TEXT_WIDTH.pt // std.SIZE_2.pt)
_LONGEST_BALANCED_TITLE = 120
# Words that join what follows: a title line does not end with one (…网站和 / 政务新媒体…).
_CONNECTIVES = frozenset({"和", "与", "及", "的", "暨", "关于", "对", "在"})
_DANGLING = 16.0


def title_lines(title: str, issuer: str) -> list[str]:
    """The title broken as GB/T 9704 §7.3.1 asks (词意完整, 梯形或菱形): the issuer on a line of its own,
    the rest in lines of nearly equal width, broken between words."""
    if std.display_width(title) <= _TITLE_CHARS:
        return [title]
    head, rest = [], title
    if issuer and title.startswith(issuer) and std.display_width(issuer) <= _TITLE_CHARS:
        head, rest = [issuer], title[len(issuer):]
    if std.display_width(rest) <= _TITLE_CHARS or len(rest) > _LONGEST_BALANCED_TITLE:
        return [*head, rest]
    words = _attach_punctuation(rjieba.cut(rest))
    count = math.ceil(std.display_width(rest) / _TITLE_CHARS)
    for lines in range(count, count + 3):  # one more line where words do not break to fit
        broken = _balanced(words, lines)
        if all(std.display_width(line) <= _TITLE_CHARS for line in broken):
            return [*head, *broken]
    return [*head, *_balanced(words, count)]


def _attach_punctuation(words: Sequence[str]) -> list[str]:
    """Punctuation goes with the word before it (、 or ） never starts a line), an opening mark with the next."""
    out: list[str] = []
    opening = ""
    for word in words:
        if word and all(unicodedata.category(ch).startswith("P") for ch in word):
            if unicodedata.category(word[-1]) == "Ps" or not out:
                opening += word
            else:
                out[-1] += word
            continue
        out.append(opening + word)
        opening = ""
    if opening:
        out.append(opening)
    return out


def _balanced(words: Sequence[str], count: int) -> list[str]:
    """`words` in `count` lines of the most even widths that fit (dynamic programming over the breaks)."""
    widths = [std.display_width(w) for w in words]
    prefix = [0.0, *itertools.accumulate(widths)]
    target = prefix[-1] / count
    n = len(words)
    best: dict[tuple[int, int], tuple[float, list[int]]] = {(0, 0): (0.0, [])}
    for lines in range(1, count + 1):
        for end in range(1, n + 1):
            options = []
            for start in range(end):
                previous = best.get((start, lines - 1))
                if previous is None:
                    continue
                width = prefix[end] - prefix[start]
                over = max(0.0, width - _TITLE_CHARS) * 100
                dangling = _DANGLING if end < n and words[end - 1] in _CONNECTIVES else 0  # 和 ends no line
                options.append((previous[0] + (width - target) ** 2 + over + dangling, [*previous[1], end]))
            if options:
                best[(end, lines)] = min(options, key=lambda o: o[0])
    breaks = best[(n, count)][1] if (n, count) in best else [n]
    starts = [0, *breaks[:-1]]
    return ["".join(words[s:e]) for s, e in zip(starts, breaks, strict=True)]
