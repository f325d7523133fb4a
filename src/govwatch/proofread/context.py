"""Word lookups around one character for the statistical layer, from its 7-character context.

A dictionary word of 2–4 characters covering position i lies within text[i-3 : i+4], so that context
(padded with newlines at the text's edges: no word holds one) is all the layer needs to know about a
character, and it makes a good cache key. Each word of the table is also filed under its masked forms
(中?人民 → 华), completions sorted by falling frequency, so that a search for replacements can stop at
the first one too rare to matter.
"""

from __future__ import annotations

import math

WIDTH = 3  # characters each side of the examined one: _MAX_WORD - 1
_MAX_WORD = 4
PAD = "\n"
# Every (start, end, characters beyond two) of a 2–4-character window covering position WIDTH.
WINDOWS = tuple(
    (start, end, end - start - 2)
    for start in range(0, WIDTH + 1)
    for end in range(max(WIDTH + 1, start + 2), min(2 * WIDTH + 1, start + _MAX_WORD) + 1)
)


class ContextIndex:
    """The word table seen through 7-character contexts."""

    def __init__(self, log_freq: dict[str, float]) -> None:
        self._log_freq = log_freq
        self._wildcards = wildcard_index(log_freq)
        self._top = max(log_freq.values(), default=0.0)

    @staticmethod
    def key(text: str, index: int) -> str:
        """text[index-3 : index+4], padded at the edges, so that the character is always at WIDTH."""
        if index >= WIDTH and index + WIDTH < len(text):
            return text[index - WIDTH : index + WIDTH + 1]
        left = max(0, WIDTH - index)
        right = max(0, index + WIDTH + 1 - len(text))
        return PAD * left + text[index - WIDTH + left : index + WIDTH + 1] + PAD * right

    def original(self, key: str, bonus: float) -> float:
        """The best (log frequency + length bonus) of a word covering the character as written (0 if none)."""
        best = 0.0
        get = self._log_freq.get
        for start, end, extra in WINDOWS:
            value = get(key[start:end])
            if value is not None and value + bonus * extra > best:
                best = value + bonus * extra
        return best

    def fits(self, key: str, candidates: dict[str, str], bonus: float, need: float = -math.inf) -> dict[str, float]:
        """For each candidate, the best (log frequency + length bonus) of a word it forms in place of the
        character; only values of at least `need` (lower ones cannot reach the threshold)."""
        fits: dict[str, float] = {}
        log_freq = self._log_freq
        for start, end, extra in WINDOWS:
            floor = need - bonus * extra  # the log frequency a word in this window needs
            if floor > self._top:
                continue
            prefix, suffix = key[start:WIDTH], key[WIDTH + 1 : end]
            completions = self._wildcards.get(prefix + "?" + suffix)
            if completions is None:
                continue
            first = completions[0] if completions[0] != key[WIDTH] else completions[1:2]
            if not first or log_freq[prefix + first + suffix] < floor:
                continue  # not even the most frequent other completion would do
            if len(completions) > 8 * len(candidates):  # e.g. ?的: cheaper to try each candidate
                for other in candidates:
                    found = log_freq.get(prefix + other + suffix)
                    if found is not None and found >= floor and found + bonus * extra > fits.get(other, 0.0):
                        fits[other] = found + bonus * extra
                continue
            for other in completions:
                if other in candidates:
                    found = log_freq[prefix + other + suffix]
                    if found < floor:
                        break  # the rest are rarer still
                    if found + bonus * extra > fits.get(other, 0.0):
                        fits[other] = found + bonus * extra
        return fits


def wildcard_index(log_freq: dict[str, float]) -> dict[str, str]:
    """Map each word with one character masked (中?人民) to the characters that complete it, most frequent first."""
    index: dict[str, list[str]] = {}
    for word in sorted(log_freq, key=log_freq.__getitem__, reverse=True):
        if len(word) >= 2:
            for i, char in enumerate(word):
                index.setdefault(word[:i] + "?" + word[i + 1 :], []).append(char)
    return {key: "".join(chars) for key, chars in index.items()}
