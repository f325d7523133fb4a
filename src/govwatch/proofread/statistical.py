"""Layer 3: statistical suspects — a character unlikely where it stands, with a confusable one that fits.

A character the segmenter leaves on its own (it joins no dictionary word with its neighbours), or one
of a rare two-character token, is a suspect unless it is a common function word; so is one of a 3–4-character
token when a confusable character in its place makes a word e^`neighbour_gap` times as frequent (jieba's
dictionary holds misspellings such as 再接再励 as words). Each same-sound,
near-sound or similar-shape replacement is tried: if it joins a neighbour into a frequent word, the
replacement scores by that word's log frequency and length, less what the original character already
had going for it, plus how much likelier the whole 7-character context becomes (`ContextIndex.weigh`).
The weights and the threshold come from `data/statistical.tsv`, tuned on the tuning half of ECSpell
odw.train by `python -m govwatch.proofread.tune` (never on odw.test). Findings are suspects:
`certain=False`.

Characters of a government body's short name (县卫健局, 市发改委; `agencies.txt`) are never suspects,
as numerals are not, nor people's names right after their post (县长高巍主持): 县委 is far more frequent
than 县卫, yet the name is right as written. Nor are
those of a county's, township's or village's name (`places.py`), looked up only for the few characters
that have a replacement to weigh, since the gazetteer is too large to scan every line with.

Speed (this layer is most of the pipeline's cost, in pure Python): the word windows around a character
are read from its 7-character context (`context.py`); a replacement is only looked up in windows that
could still lift it over the threshold, given what the character as written already has and the most
the context's gain could add; and the result for a context is cached, since official text repeats its
phrases. None of this changes a finding: whatever is skipped provably scores below the threshold.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import rjieba

from govwatch.proofread.automaton import Automaton
from govwatch.proofread.confusion import GLYPH, NEAR_SOUND, SAME_SOUND, SHAPE, confusion_sets
from govwatch.proofread.context import ContextIndex
from govwatch.proofread.data_files import packaged_records, read_text
from govwatch.proofread.findings import Hit
from govwatch.proofread.places import Gazetteer, packaged_gazetteer

# Numbers written in Chinese numerals (一点二亿, 三千五百万, 二〇二三) are no dictionary words, and their
# digits all have homophones (一点二 → 一点儿): never suspects.
NUMERAL = re.compile(
    "[零〇一二三四五六七八九十两]+点[零〇一二三四五六七八九]+[十百千万亿]*"
    "|[零〇一二三四五六七八九十两]+[十百千万亿][零〇一二三四五六七八九十百千万亿]*"
    "|[零〇一二三四五六七八九]{3,}"
)
# People named after their post (县长高巍主持, 副县长秦献鹏，) and the list that follows (县领导孙旭、蔡军、
# 李向平): a name is no dictionary word, and its characters look like slips. Only a name opening with a
# common surname (the 100 of 《百家姓》 most borne today) is spared.
TITLE = re.compile("(?:书记|县长|市长|省长|区长|镇长|乡长|主任|主席|局长|部长|厅长|处长|科长|所长|院长|校长|"
                   "巡视员|调研员|常委|委员|领导|记者|通讯员)[：:]?")
SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                     "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
NAME_END = "、，。；：）,;:) \n"
# Numbered abbreviations in quotes (“两违”, “一杆一绳一圈一标识”, “三公”): coined terms, no dictionary words.
QUOTED_NUMBERED = re.compile("“[^“”\n]{0,10}[一二三四五六七八九十两百千万][^“”\n]{0,10}”")
# The issuing body's code of a document number (冀发〔2021〕1号, 陕政办发[2023]5号): an abbreviation.
ISSUER_CODE = re.compile(r"[\u4e00-\u9fff]{1,8}(?=[〔\[(（【［](?:19|20)\d\d[〕\])）】］])")
# A village named after a family (冯庄, 李村, 王家营): the surname before a settlement character.
SETTLEMENT = frozenset("庄村屯寨堡营集店湾坪沟窑")
WORDS_FILE = "words.tsv"
CACHE_SIZE = 100_000  # contexts remembered (≈ 30 MB at most); most repeats are near each other
_NO_FITS: dict[str, tuple[float, float]] = {}  # shared by every cached context without a candidate (never mutated)
PARAMETERS_FILE = "statistical.tsv"
AGENCIES_FILE = "agencies.txt"
LEVELS = ("省", "市", "县", "区", "州", "旗")  # 县卫健局, 市发改委, 旗民宗局


@dataclass(frozen=True)
class Parameters:
    """Scoring weights; see `StatisticalLayer.score` for how each is used."""

    threshold: float
    length_bonus: float
    same_sound: float
    shape: float
    near_sound: float
    single_penalty: float
    stay_penalty: float
    word_ceiling: float  # a two-character word more frequent than e^this is never a suspect
    glyph: float  # prior of a rendered look-alike (`same_glyph.txt`)
    gain: float  # weight of the context's gain in log probability
    neighbour_gap: float  # a 3–4-character word is a suspect when a confusable neighbour is e^this times as frequent

    def prior(self, relation: str) -> float:
        """How much more likely one slip is than another."""
        return {SAME_SOUND: self.same_sound, SHAPE: self.shape, GLYPH: self.glyph, NEAR_SOUND: self.near_sound}[relation]


def packaged_parameters() -> Parameters:
    """The tuned parameters shipped with the package."""
    values = {name: float(value) for _, (name, value) in packaged_records(PARAMETERS_FILE, 2)}
    return Parameters(**values)


@cache
def packaged_frequencies() -> dict[str, float]:
    """word → log frequency, from the packaged word list (read once per process; shared, never mutated).

    A generated file of about 350,000 two-field lines written by `build_data` (no bad lines occur; the
    data build test reads it with the checking record reader): split directly, which takes a fifth of
    the general reader's time at start-up."""
    log = math.log
    pairs = (line.split("\t") for line in read_text(WORDS_FILE).splitlines() if line and line[0] != "#")
    return {word: log(int(count)) for word, count in pairs}


def agency_names() -> list[str]:
    """Short names of government bodies (`agencies.txt`), bare and after a level (卫健局, 县卫健局)."""
    names = [fields[0] for _, fields in packaged_records(AGENCIES_FILE, 1)]
    return names + [level + name for level in LEVELS for name in names]


@dataclass(frozen=True)
class Feature:
    """One candidate replacement: the best word it makes (`fit`), the character's own standing."""

    index: int
    replacement: str
    relation: str
    fit: float  # log frequency (+ length bonus) of the best word the replacement forms
    alone: float  # log frequency of the written character as a word by itself
    original: float  # best word the written character already forms (0 if none)
    gain: float  # log probability the context gains with the replacement


def _names_after_titles(line: str) -> Iterator[tuple[int, int]]:
    """Spans of the people's names right after a post title (the first opening with a common surname), and
    of the 、-list of names that follows:
    three characters where punctuation or a word follows them, else two (高巍主持 is 高巍 + 主持, 赵金锋参加
    赵金锋 + 参加)."""
    for title in TITLE.finditer(line):
        start = title.end()
        if start >= len(line) or line[start] not in SURNAMES:  # the first name vouches for the list
            continue
        while start < len(line):
            size = 3 if start + 3 <= len(line) and line[start + 2] not in NAME_END and (
                start + 3 == len(line) or line[start + 3] in NAME_END
                or (rjieba.has_word(line[start + 3 : start + 5]) and not rjieba.has_word(line[start + 2 : start + 4]))
            ) else 2
            if start + size > len(line) or any(c in NAME_END for c in line[start : start + size]):
                break
            yield start, start + size
            if start + size < len(line) and line[start + size] == "、":
                start += size + 1
            else:
                break


class StatisticalLayer:
    """Flag characters whose confusable replacement makes a much more likely word."""

    name = "statistical"

    def __init__(
        self, log_freq: dict[str, float], parameters: Parameters, names: Sequence[str] = (),
        places: Gazetteer | None = None, cache_key: str | None = None,
    ) -> None:
        self._log_freq = log_freq
        self._names = Automaton(names)
        self._places = places if places is not None else Gazetteer(())
        self.parameters = parameters
        self._confusions = confusion_sets()
        self._segmenter = rjieba.Jieba()
        self._context = ContextIndex(log_freq, cache_key)
        self._cache: dict[str, tuple[float, dict[str, tuple[float, float]]]] = {}
        self._cached_for: Parameters | None = None
        self._neighbours: dict[str, tuple[int, ...]] = {}
        self._neighbours_for: float | None = None

    @classmethod
    def packaged(cls) -> StatisticalLayer:
        """The layer with its packaged word list and tuned parameters."""
        key = hashlib.sha256(read_text(WORDS_FILE).encode("utf-8")).hexdigest()[:16]
        return cls(packaged_frequencies(), packaged_parameters(), agency_names(), packaged_gazetteer(), cache_key=key)

    def clear_cache(self) -> None:
        """Forget cached contexts (for a benchmark that measures text the layer has never seen)."""
        self._cache, self._cached_for = {}, None

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
        """(index, best replacement, score) for every suspect character that could reach the threshold."""
        best: dict[int, tuple[str, float]] = {}
        for feature in self.features(text):
            score = self.score(feature)
            known = best.get(feature.index)
            if known is None or (score, known[0]) > (known[1], feature.replacement):  # ties: the lower code point
                best[feature.index] = (feature.replacement, score)
        return [(index, replacement, score) for index, (replacement, score) in best.items()]

    def features(self, text: str, prune: bool = True) -> list[Feature]:
        """What speaks for and against each replacement of each suspect character.

        With `prune`, replacements that cannot reach the threshold are left out, and results are
        cached by context (the tuner, which tries every threshold and weight, turns this off).
        """
        p = self.parameters
        if prune and self._cached_for is not p:
            self._cache, self._cached_for = {}, p
        cache = self._cache
        log_freq, confusions, context = self._log_freq, self._confusions, self._context
        top_prior = max(p.same_sound, p.shape, p.glyph, p.near_sound)
        found = []
        for index in self._candidates(text):
            char = text[index]
            candidates = confusions.get(char)
            if not candidates:
                continue
            alone = log_freq.get(char, 0.0)
            key = context.key(text, index)
            known = cache.get(key) if prune else None
            if known is None:
                windows = context.completions(key, candidates)
                if windows:
                    frame = context.frame(key, p.length_bonus)
                    if prune:  # what fit + gain × weight must reach
                        need = p.threshold - top_prior + p.single_penalty * alone + p.stay_penalty * frame.original
                    else:
                        need = -math.inf
                    known = (frame.original, context.weigh(frame, windows, p.length_bonus, p.gain, need) or _NO_FITS)
                else:
                    known = (0.0, _NO_FITS)  # no candidate completes any word: nothing to weigh
                if prune:
                    if len(cache) >= CACHE_SIZE:  # bound the memory a long run over varied text can take
                        cache.clear()
                    cache[key] = known
            original, fits = known
            if fits and self._places.covering(text, index):
                continue
            found += [Feature(index, other, candidates[other], fit, alone, original, gain) for other, (fit, gain) in fits.items()]
        return found

    def _candidates(self, text: str) -> Iterator[int]:
        """Indices of the characters of single Han-character tokens, of rare two-character tokens, and of
        3–4-character tokens where a far more frequent confusable neighbour exists (`_near_neighbours`).

        Segments line by line, so that a 10 MB text never becomes one list of millions of tokens.
        """
        common = self._common_pairs()
        cut = self._segmenter.cut
        base = 0
        for line in text.split("\n"):
            spared = {base + i for m in NUMERAL.finditer(line) for i in range(m.start(), m.end())}
            spared.update(base + i for start, end in _names_after_titles(line) for i in range(start, end))
            spared.update(base + i for _, start, end in self._names.find(line) for i in range(start, end))
            for pattern in (QUOTED_NUMBERED, ISSUER_CODE):
                spared.update(base + i for m in pattern.finditer(line) for i in range(m.start(), m.end()))
            spared.update(base + i for i in range(len(line) - 1) if line[i] in SURNAMES and line[i + 1] in SETTLEMENT)
            position = base
            for token in cut(line, hmm=False):
                size = len(token)
                if size == 1:
                    if "\u4e00" <= token <= "\u9fff" and position not in spared:
                        yield position
                elif size == 2 and token not in common:
                    if position not in spared:
                        yield position
                    if position + 1 not in spared:
                        yield position + 1
                elif size in (3, 4):
                    yield from (position + i for i in self._near_neighbours(token) if position + i not in spared)
                position += size
            base += len(line) + 1

    def _near_neighbours(self, word: str) -> tuple[int, ...]:
        """Positions of a 3–4-character word where a confusable character makes a word far more frequent
        (哈尔宾 beside 哈尔滨): the dictionary holds misspellings as words, rare but not absent."""
        gap = self.parameters.neighbour_gap
        if self._neighbours_for != gap:
            self._neighbours, self._neighbours_for = {}, gap
        known = self._neighbours.get(word)
        if known is None:
            floor = self._log_freq.get(word, 0.0) + gap
            known = tuple(i for i, char in enumerate(word) if self._has_neighbour(word, i, floor))
            if len(self._neighbours) >= CACHE_SIZE:
                self._neighbours.clear()
            self._neighbours[word] = known
        return known

    def _has_neighbour(self, word: str, index: int, floor: float) -> bool:
        """Whether a character confusable with word[index] makes a word of log frequency `floor` or more
        (the fillers come most frequent first, so the search stops at the first one below it)."""
        confusable = self._confusions.get(word[index], {})
        for other in self._context.fillers(word, index):
            if self._log_freq[word[:index] + other + word[index + 1 :]] < floor:
                return False
            if other in confusable:
                return True
        return False

    def _common_pairs(self) -> frozenset[str]:
        """Two-character words too frequent to be suspects (above the tuned word ceiling)."""
        ceiling = self.parameters.word_ceiling
        if getattr(self, "_common_for", None) != ceiling:
            self._common = frozenset(w for w, f in self._log_freq.items() if len(w) == 2 and f > ceiling)
            self._common_for = ceiling
        return self._common

    def score(self, feature: Feature) -> float:
        """How strongly the replacement beats the character as written."""
        p = self.parameters
        return (
            feature.fit
            + p.prior(feature.relation)
            - p.single_penalty * feature.alone
            - p.stay_penalty * feature.original
            + p.gain * feature.gain
        )
