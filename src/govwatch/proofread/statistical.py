"""Layer 3: statistical suspects — a character unlikely where it stands, with a confusable one that fits.

A character the segmenter leaves on its own (it joins no dictionary word with its neighbours) is a
suspect unless it is a common function word. Each same-sound, near-sound or similar-shape
replacement is tried: if it joins a neighbour into a frequent word, the replacement scores by that
word's log frequency and length, less what the original character already had going for it. The
weights and the threshold come from `data/statistical.tsv`, tuned on ECSpell odw.train by
`python -m govwatch.proofread.tune` (never on odw.test). Findings are suspects: `certain=False`.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import rjieba

from govwatch.proofread.confusion import NEAR_SOUND, SAME_SOUND, SHAPE, confusion_sets
from govwatch.proofread.data_files import packaged_records
from govwatch.proofread.findings import Hit

WORDS_FILE = "words.tsv"
PARAMETERS_FILE = "statistical.tsv"
_MAX_WORD = 4


@dataclass(frozen=True)
class Parameters:
    """Scoring weights; see `score` for how each is used."""

    threshold: float
    length_bonus: float
    same_sound: float
    shape: float
    near_sound: float
    single_penalty: float
    stay_penalty: float
    word_ceiling: float  # a two-character word more frequent than e^this is never a suspect

    def prior(self, relation: str) -> float:
        """How much more likely one slip is than another."""
        return {SAME_SOUND: self.same_sound, SHAPE: self.shape, NEAR_SOUND: self.near_sound}[relation]


def packaged_parameters() -> Parameters:
    """The tuned parameters shipped with the package."""
    values = {name: float(value) for _, (name, value) in packaged_records(PARAMETERS_FILE, 2)}
    return Parameters(**values)


def packaged_frequencies() -> dict[str, float]:
    """word → log frequency, from the packaged word list."""
    return {word: math.log(int(count)) for _, (word, count) in packaged_records(WORDS_FILE, 2)}


@dataclass(frozen=True)
class Feature:
    """One candidate replacement: the best word it makes (`fit`), the character's own standing."""

    index: int
    replacement: str
    relation: str
    fit: float  # log frequency (+ length bonus) of the best word the replacement forms
    alone: float  # log frequency of the written character as a word by itself
    original: float  # best word the written character already forms (0 if none)


class StatisticalLayer:
    """Flag characters whose confusable replacement makes a much more likely word."""

    name = "statistical"

    def __init__(self, log_freq: dict[str, float], parameters: Parameters) -> None:
        self._log_freq = log_freq
        self.parameters = parameters
        self._confusions = confusion_sets()
        self._segmenter = rjieba.Jieba()
        self._wildcards = wildcard_index(log_freq)
        self._best_possible = max(log_freq.values(), default=0.0) + 2 * parameters.length_bonus + 1.0  # + prior

    @classmethod
    def packaged(cls) -> StatisticalLayer:
        """The layer with its packaged word list and tuned parameters."""
        return cls(packaged_frequencies(), packaged_parameters())

    def scan(self, text: str) -> list[Hit]:
        """Suspect characters in `text`, each with its best replacement."""
        hits = []
        for index, suggestion, score in self.suspects(text):
            if score >= self.parameters.threshold:
                hits.append(
                    Hit(
                        index,
                        index + 1,
                        suggestion,
                        "typo",
                        "error",
                        False,
                        f"stat:{text[index]}>{suggestion}",
                        f"疑似错别字：“{text[index]}”可能应为“{suggestion}”，请人工核对",
                    )
                )
        return hits

    def suspects(self, text: str) -> list[tuple[int, str, float]]:
        """(index, best replacement, score) for every suspect character, whatever its score."""
        best: dict[int, tuple[str, float]] = {}
        for feature in self.features(text):
            score = self.score(feature)
            known = best.get(feature.index)
            if known is None or score > known[1]:
                best[feature.index] = (feature.replacement, score)
        return [(index, replacement, score) for index, (replacement, score) in best.items()]

    def features(self, text: str, prune: bool = True) -> list[Feature]:
        """What speaks for and against each replacement of each suspect character.

        With `prune`, characters so common on their own that no replacement could reach the
        threshold are skipped (the tuner, which tries every threshold, turns this off).
        """
        found = []
        log_freq = self._log_freq
        p = self.parameters
        hopeless = self._best_possible - p.threshold if prune else float("inf")
        for token, start, end in self._tokens(text):
            length = end - start
            if length == 1:
                if not "\u4e00" <= token <= "\u9fff":
                    continue
            elif length > 2 or log_freq.get(token, 0.0) > p.word_ceiling:
                continue
            for index in range(start, end):
                char = text[index]
                alone = log_freq.get(char, 0.0)
                candidates = self._confusions.get(char)
                if not candidates or p.single_penalty * alone > hopeless:
                    continue
                fits = self._fits(text, index, candidates)
                if fits:
                    original = self._best_word(text, index)
                    found += [Feature(index, other, candidates[other], fit, alone, original) for other, fit in fits.items()]
        return found

    def _tokens(self, text: str) -> Iterator[tuple[str, int, int]]:
        """Segment line by line, so that a 10 MB text never becomes one list of millions of tuples."""
        base = 0
        for line in text.split("\n"):
            for token, start, end in self._segmenter.tokenize(line, hmm=False):
                yield token, base + start, base + end
            base += len(line) + 1

    def _fits(self, text: str, index: int, candidates: dict[str, str]) -> dict[str, float]:
        """For each confusable character, the best word it would form at `index` (via the wildcard index)."""
        fits: dict[str, float] = {}
        bonus = self.parameters.length_bonus
        for start, end in _windows(index, len(text)):
            completions = self._wildcards.get(text[start:index] + "?" + text[index + 1 : end])
            if completions is None:
                continue
            for other in completions:
                if other in candidates:
                    value = self._log_freq[text[start:index] + other + text[index + 1 : end]] + bonus * (end - start - 2)
                    if value > fits.get(other, 0.0):
                        fits[other] = value
        return fits

    def score(self, feature: Feature) -> float:
        """How strongly the replacement beats the character as written."""
        p = self.parameters
        return (
            feature.fit
            + p.prior(feature.relation)
            - p.single_penalty * feature.alone
            - p.stay_penalty * feature.original
        )

    def _best_word(self, text: str, index: int) -> float:
        """The best (log frequency + length bonus) of a dictionary word covering `index` as written."""
        best = 0.0
        bonus = self.parameters.length_bonus
        for start, end in _windows(index, len(text)):
            value = self._log_freq.get(text[start:end])
            if value is not None and value + bonus * (end - start - 2) > best:
                best = value + bonus * (end - start - 2)
        return best


def _windows(index: int, size: int) -> list[tuple[int, int]]:
    """Every (start, end) of 2 to _MAX_WORD characters covering `index` inside a text of `size`."""
    return [
        (start, end)
        for start in range(max(0, index - _MAX_WORD + 1), index + 1)
        for end in range(max(index + 1, start + 2), min(size, start + _MAX_WORD) + 1)
    ]


def wildcard_index(log_freq: dict[str, float]) -> dict[str, str]:
    """Map each word with one character masked (中?人民) to the characters that complete it."""
    index: dict[str, list[str]] = {}
    for word in log_freq:
        if len(word) >= 2:
            for i, char in enumerate(word):
                index.setdefault(word[:i] + "?" + word[i + 1 :], []).append(char)
    return {key: "".join(chars) for key, chars in index.items()}
