"""Word lookups around one character for the statistical layer, from its 7-character context.

A dictionary word of 2–4 characters covering position i lies within text[i-3 : i+4], so that context
(padded with newlines at the text's edges: no word holds one) is all the layer needs to know about a
character, and it makes a good cache key. Each word of the table is also filed under its masked forms
(中?人民 → 华), completions sorted by falling frequency, so that a search for replacements can stop at
the first one too rare to matter.

A replacement is also weighed as a whole: how much the log probability of the context's best split
into table words (a unigram word model, jieba's own) rises with it (its gain, `weigh`). A typo usually breaks
the words on both of its sides, a rare name only its own; the gain sees both.

The masked-form index takes about two seconds to build from the 170,000 words, most of the start-up's
statistical share, so the packaged layer keeps it in the user's cache folder (`cache_folder`) after the
first run, marshalled under a key of the word list's bytes, this module's source (so that a change of
`wildcard_index` never meets an index built by the old code) and the Python version, and reads it back in a
quarter of the time. A missing, stale or unreadable file is rebuilt; a folder that cannot be written only
costs the rebuild each time. Nothing is downloaded: the file is derived from packaged data alone.
"""

from __future__ import annotations

import hashlib
import marshal
import math
import os
import sys
from pathlib import Path
from typing import NamedTuple

WIDTH = 3  # characters each side of the examined one: _MAX_WORD - 1
_MAX_WORD = 4
PAD = "\n"
# Every (start, end, characters beyond two) of a 2–4-character window covering position WIDTH.
WINDOWS = tuple(
    (start, end, end - start - 2)
    for start in range(0, WIDTH + 1)
    for end in range(max(WIDTH + 1, start + 2), min(2 * WIDTH + 1, start + _MAX_WORD) + 1)
)


class Frame(NamedTuple):
    """The context as written: best splits of what lies left of the middle (`left[i]`: of key[:i]) and
    right of it (`right[j]`: of key[j:]), of the whole (`written`), and the best (log frequency + length
    bonus) of a word covering the middle character (`original`, 0 if none)."""

    left: list[float]
    right: list[float]
    written: float
    original: float


class Completions(NamedTuple):
    """A window of the context and the candidates that complete a table word in it, most frequent first."""

    start: int
    end: int
    extra: int  # characters beyond two
    words: list[tuple[str, float]]  # (candidate, log frequency of the word it completes)


class ContextIndex:
    """The word table seen through 7-character contexts."""

    def __init__(self, log_freq: dict[str, float], cache_key: str | None = None) -> None:
        self._log_freq = log_freq
        self._wildcards = cached_wildcard_index(log_freq, cache_key) if cache_key else wildcard_index(log_freq)
        self._total = math.log(sum(math.exp(value) for value in log_freq.values())) if log_freq else 0.0
        self._unknown = math.log(0.5)  # a character outside the table counts as seen half a time

    @staticmethod
    def key(text: str, index: int) -> str:
        """text[index-3 : index+4], padded at the edges, so that the character is always at WIDTH."""
        if index >= WIDTH and index + WIDTH < len(text):
            return text[index - WIDTH : index + WIDTH + 1]
        left = max(0, WIDTH - index)
        right = max(0, index + WIDTH + 1 - len(text))
        return PAD * left + text[index - WIDTH + left : index + WIDTH + 1] + PAD * right

    def fillers(self, word: str, index: int) -> str:
        """The characters that, in place of word[index], make a table word, most frequent first."""
        return self._wildcards.get(word[:index] + "?" + word[index + 1 :], "")

    def completions(self, key: str, candidates: dict[str, str]) -> list[Completions]:
        """The windows in which some candidate, in place of the middle character, completes a table word."""
        log_freq, wildcards = self._log_freq, self._wildcards
        masked = key[:WIDTH] + "?" + key[WIDTH + 1 :]
        found = []
        for start, end, extra in WINDOWS:
            chars = wildcards.get(masked[start:end])
            if chars is None:
                continue
            prefix, suffix = key[start:WIDTH], key[WIDTH + 1 : end]
            if len(chars) > 4 * len(candidates):  # e.g. ?的: cheaper to look each candidate up
                words = [(other, value) for other in candidates if (value := log_freq.get(prefix + other + suffix)) is not None]
                words.sort(key=lambda word: -word[1])
            else:
                words = [(other, log_freq[prefix + other + suffix]) for other in chars if other in candidates]
            if words:
                found.append(Completions(start, end, extra, words))
        return found

    def weigh(
        self, frame: Frame, windows: list[Completions], bonus: float, weight: float, need: float = -math.inf
    ) -> dict[str, tuple[float, float]]:
        """For each candidate of `windows`: (fit, gain). The fit is the best (log frequency + length
        bonus) of a word it completes; the gain is how much the log probability of the context's best
        split into words rises with it. Candidates whose fit + weight × gain cannot reach `need` may be
        left out.

        The best split of the context holds one word across the middle, so with the best splits of what
        lies left and right of each window (`frame`) a candidate's gain is one addition per window. A
        word too rare to lift either its fit or its gain to what passing needs, given the best the other
        could be, is skipped, and with it the rarer ones of its window.
        """
        if not windows:
            return {}
        log_freq, cost, unknown = self._log_freq, self._total, self._unknown
        left, right, written = frame.left, frame.right, frame.written
        # The gain of a candidate standing alone in the middle, but for its own log frequency:
        around = left[WIDTH] + right[WIDTH + 1] - cost - written
        offsets = [(w.words, bonus * w.extra, left[w.start] + right[w.end] - cost - written) for w in windows]
        top_fit = max(words[0][1] + fit_offset for words, fit_offset, _ in offsets)
        top_gain = max(words[0][1] + gain_offset for words, _, gain_offset in offsets)
        top_gain = max(top_gain, around + max(log_freq.get(o, unknown) for words, _, _ in offsets for o, _ in words))
        fit_floor = need - weight * top_gain
        gain_floor = (need - top_fit) / weight if weight > 0 else math.inf
        fits: dict[str, float] = {}
        gains: dict[str, float] = {}
        for words, fit_offset, gain_offset in offsets:
            floor = min(fit_floor - fit_offset, gain_floor - gain_offset)  # a rarer word helps neither
            for other, value in words:
                if value < floor:
                    break  # the rest are rarer still
                if value + fit_offset > fits.get(other, 0.0):
                    fits[other] = value + fit_offset
                gain = gains.get(other)
                if gain is None:  # the candidate alone, as a word of one character
                    gain = gains[other] = around + log_freq.get(other, unknown)
                if value + gain_offset > gain:
                    gains[other] = value + gain_offset
        return {other: (fit, gains[other]) for other, fit in fits.items()}

    def frame(self, key: str, bonus: float) -> Frame:
        """What the context as written offers: its best splits (in log probability; every word costs
        log(total count), so that fewer, likelier words win) and its best word across the middle."""
        log_freq, cost, unknown = self._log_freq, self._total, self._unknown
        size = len(key)
        left = [0.0]
        for end in range(1, WIDTH + 1):
            value = left[end - 1] + log_freq.get(key[end - 1], unknown) - cost
            for length in range(2, min(_MAX_WORD, end) + 1):
                word = log_freq.get(key[end - length : end])
                if word is not None and left[end - length] + word - cost > value:
                    value = left[end - length] + word - cost
            left.append(value)
        right = [0.0] * (size + 1)
        for start in range(size - 1, WIDTH, -1):
            value = log_freq.get(key[start], unknown) - cost + right[start + 1]
            for length in range(2, min(_MAX_WORD, size - start) + 1):
                word = log_freq.get(key[start : start + length])
                if word is not None and word - cost + right[start + length] > value:
                    value = word - cost + right[start + length]
            right[start] = value
        written = left[WIDTH] + log_freq.get(key[WIDTH], unknown) - cost + right[WIDTH + 1]
        original = 0.0
        for start, end, extra in WINDOWS:
            word = log_freq.get(key[start:end])
            if word is not None:
                written = max(written, left[start] + word - cost + right[end])
                original = max(original, word + bonus * extra)
        return Frame(left, right, written, original)


def wildcard_index(log_freq: dict[str, float]) -> dict[str, str]:
    """Map each word with one character masked (中?人民) to the characters that complete it, most frequent first."""
    index: dict[str, list[str]] = {}
    for word in sorted(log_freq, key=log_freq.__getitem__, reverse=True):
        if len(word) >= 2:
            for i, char in enumerate(word):
                index.setdefault(word[:i] + "?" + word[i + 1 :], []).append(char)
    return {key: "".join(chars) for key, chars in index.items()}


def cache_folder() -> Path:
    """Where derived indexes are kept between runs: $GOVWATCH_CACHE_DIR, else $XDG_CACHE_HOME/govwatch,
    else ~/.cache/govwatch."""
    if os.environ.get("GOVWATCH_CACHE_DIR"):
        return Path(os.environ["GOVWATCH_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "govwatch"


def cached_wildcard_index(log_freq: dict[str, float], key: str) -> dict[str, str]:
    """`wildcard_index(log_freq)`, read from the cache file of `key` when there is a good one, else built
    and written there (atomically: a half-written file is never read)."""
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    path = cache_folder() / f"wildcards-{key}-{code}-py{sys.version_info[0]}{sys.version_info[1]}-m{marshal.version}.bin"
    try:
        index = marshal.loads(path.read_bytes())
        if isinstance(index, dict):
            return index
    except (OSError, ValueError, EOFError, TypeError):
        pass
    index = wildcard_index(log_freq)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(marshal.dumps(index))
        partial.replace(path)
    except OSError:
        pass
    return index
