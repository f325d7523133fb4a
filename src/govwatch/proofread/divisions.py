"""Layer 3 of the knowledge layers: wrong forms of the names of China's administrative divisions (行政区划).

Provinces, prefectures and counties (34 + 346 + 3,192 names in `divisions.tsv`, built by `build_data
--places` from the divisions jionlp ships) are turned into the wrong forms writers actually produce
(by `build_data`, into `place_variants.tsv.gz`: generating them takes seconds), each matched as a
certain finding:

- a wrong level suffix: 内蒙古省, 广西省, 北京省, 香港市 → 内蒙古自治区, 广西壮族自治区 …;
- the ethnic names of an autonomous unit reordered, or with 族 added or lost, and a region's dropped
  (广西自治区; a prefecture's or county's short form such as 镇宁自治县 is usual):
  新疆维吾尔族自治区, 湘西苗族土家族自治州, 延边朝鲜族自治县;
- a prefecture after the wrong province: 甘肃银川 → 宁夏银川;
- one character of the name replaced by a same-sound or similar-shape common character, dropped,
  doubled, or swapped with its neighbour (成固县, 乌鲁木奇, 呼和浩市).

Guards, because a real name or an ordinary word must never fire: a generated form is dropped when it
is itself the name (or the name without its suffix) of any place of the national gazetteer, village
level included (`places.txt.gz`), or a dictionary word; a bare name without its suffix is generated
only for names of three characters or more, and only where the replaced character forms no word with
its neighbours. A two-character county (眉县, 和县) is a single character before its suffix, and 每县 or
该县 are ordinary text, so its slips are matched only after its own prefecture (宝鸡市媚县, 宝鸡媚县).
In the text, a match is dropped when the suffix joins the next character into a word (成固县长, 香港市民,
香港市场), when its first character joins the previous one into a word (完成固县), when it lies inside a
longer real name, and after 原 (原户县: a name that was right when the place still had it). The correct
names themselves are patterns too, so that a real name absorbs a wrong form overlapping it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import permutations

import rjieba

from govwatch.proofread.automaton import Automaton
from govwatch.proofread.confusion import SAME_SOUND, SHAPE, confusion_sets, is_common
from govwatch.proofread.data_files import DataFileError, packaged_records, read_text
from govwatch.proofread.findings import Hit
from govwatch.proofread.places import SUFFIXES, Gazetteer, packaged_gazetteer

DIVISIONS_FILE = "divisions.tsv"
VARIANTS_FILE = "place_variants.tsv.gz"
KINDS = ("suffix", "parent", "slip")
SOURCE = "行政区划（jionlp 1.5.31，民政部区划代码 2025）"
LEVELS = ("省级", "地级", "县级")
# Longest first, so that 自治州 is read before 州 and 特别行政区 before 区.
ADMIN_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "矿区",
                  "省", "市", "县", "区", "旗", "盟", "州")
AUTONOMOUS = ("自治区", "自治州", "自治县")
ETHNIC = re.compile("[^族]+族|[^族]+$")  # 拉祜族佤族布朗族傣族 → 拉祜族, 佤族 …; 维吾尔 → 维吾尔
MAX_ETHNIC_ORDER = 4  # 4! orders at most
STALE_MARK = "原"  # 原户县: the name as it was
SLIPS = (SAME_SOUND, SHAPE)
MAX_STEM = 5  # longer names are development zones (秦皇岛市经济技术开发区), written out rarely


@dataclass(frozen=True)
class Division:
    """One administrative division: `stem` + `ethnic` + `suffix` == `name`."""

    level: int  # 0 province, 1 prefecture, 2 county
    name: str
    stem: str  # the name without ethnic names and suffix (jionlp's short name where it has one)
    ethnic: tuple[str, ...]  # the ethnic names of an autonomous unit, in order (壮族; 维吾尔)
    suffix: str
    parent: str  # the full name of the division above ("" for a province)


@dataclass(frozen=True)
class Variant:
    """A generated wrong form of a division's name."""

    right: str
    kind: str  # "suffix" (level or ethnic names wrong), "parent" (another province's city): serious; "slip" (a character)


def parse_division(level: int, name: str, short: str, parent: str) -> Division:
    """Split a full name into stem, ethnic names and suffix, using jionlp's short name when it has one."""
    suffix = next((s for s in ADMIN_SUFFIXES if name.endswith(s) and len(name) > len(s)), "")
    body = name[: len(name) - len(suffix)]
    stem = short if short and short != name and body.startswith(short) else body
    ethnic = tuple(ETHNIC.findall(body[len(stem) :])) if suffix in (*AUTONOMOUS, "自治旗") else ()
    if "".join(ethnic) != body[len(stem) :]:
        stem, ethnic = body, ()
    return Division(level, name, stem, ethnic, suffix, parent)


def packaged_divisions() -> list[Division]:
    """The provinces, prefectures and counties shipped with the package."""
    divisions = []
    for number, (level, name, short, parent) in packaged_records(DIVISIONS_FILE, 3, 4):
        if level not in LEVELS:
            raise DataFileError(f"{DIVISIONS_FILE} 第 {number} 行：级别“{level}”应为 {'、'.join(LEVELS)} 之一")
        divisions.append(parse_division(LEVELS.index(level), name, short, parent))
    return divisions


# The commonest function characters (虚词): a name "slipped" into one of them reads as a name and a joint
# of the sentence instead (刘俊平与区劳模 is no 平谷区), far more often than as a slip.
FUNCTION_CHARACTERS = frozenset("的了和与及或在是为对把被从向由于将给等并而")


@cache
def _replacements(char: str) -> tuple[str, ...]:
    """The common characters a writer may put for `char`: same sound and tone (an input method's slip) or
    a similar shape from the hand-made list. Near tones and rendered look-alikes would bring five times as
    many forms (a slower start, more memory) for slips rarely seen in names."""
    return tuple(
        sorted(
            o
            for o, relation in confusion_sets().get(char, {}).items()
            if relation in SLIPS and is_common(o) and o not in FUNCTION_CHARACTERS
        )
    )


def _stem_slips(stem: str) -> Iterator[tuple[str, int | None]]:
    """(wrong stem, index of a replaced character or None) one slip away: replaced, dropped, doubled, swapped."""
    n = len(stem)
    for i, char in enumerate(stem):
        for other in _replacements(char):
            yield stem[:i] + other + stem[i + 1 :], i
        if n >= 3:
            yield stem[:i] + stem[i + 1 :], None
            yield stem[:i] + char + stem[i:], None
        if i + 1 < n and n >= 3 and stem[i + 1] != char:
            yield stem[:i] + stem[i + 1] + char + stem[i + 2 :], None


def _suffix_slips(d: Division) -> Iterator[str]:
    """Wrong level suffixes and ethnic names of one division."""
    ethnic = "".join(d.ethnic)
    if d.level == 0:
        for wrong in ("省", "市", "自治区"):
            if wrong != d.suffix:
                yield d.stem + wrong
                yield d.stem + ethnic + wrong
    if d.suffix not in AUTONOMOUS:
        return
    for other in AUTONOMOUS:
        if other != d.suffix:
            yield d.stem + ethnic + other
    if d.level == 0:  # 广西自治区: the ethnic names dropped (镇宁自治县, 延边州 are the usual short forms below)
        yield d.stem + d.suffix
    yield d.stem + ethnic + d.suffix[-1]  # 广西壮族区: 自治 dropped
    for i, group in enumerate(d.ethnic):
        changed = group[:-1] if group.endswith("族") else group + "族"  # 壮自治区, 维吾尔族自治区
        yield d.stem + "".join((*d.ethnic[:i], changed, *d.ethnic[i + 1:])) + d.suffix
        if len(d.ethnic) > 1:  # one of several dropped
            yield d.stem + "".join(d.ethnic[:i] + d.ethnic[i + 1 :]) + d.suffix
    if 1 < len(d.ethnic) <= MAX_ETHNIC_ORDER:
        for order in permutations(d.ethnic):
            yield d.stem + "".join(order) + d.suffix


def division_variants(d: Division, by_name: dict[str, Division], is_word: Callable[[str], bool],
                      is_real: Callable[[str], bool]) -> Iterator[tuple[str, Variant]]:
    """Every wrong form of one division's name, before the guard against real names. A slip must make no
    dictionary word; a wrong suffix may (jieba lists 广西省 and 宁夏自治区, common as they are)."""
    for wrong in _suffix_slips(d):
        yield wrong, Variant(d.name, "suffix")
    tail = "".join(d.ethnic) + d.suffix
    if len(d.stem) == 1:  # 眉县: only after its prefecture, full or short
        parent = by_name.get(d.parent)
        if parent is None or not d.suffix:
            return
        for wrong_stem, _ in _stem_slips(d.stem):
            for prefix in {parent.name, parent.stem}:
                if len(prefix) >= 2 and not is_word(wrong_stem + tail) and not is_real(wrong_stem + tail):
                    yield prefix + wrong_stem + tail, Variant(prefix + d.name, "slip")
        return
    if len(d.stem) > MAX_STEM:
        return
    for wrong_stem, replaced in _stem_slips(d.stem):
        if len(wrong_stem) < 2 or is_word(wrong_stem):
            continue
        if d.suffix and not is_word(wrong_stem + tail) and not is_word(wrong_stem[-1] + tail[0]):  # 一城市 reads 一 + 城市
            yield wrong_stem + tail, Variant(d.name, "slip")
        if len(d.stem) >= 3 and replaced is not None and not _makes_word(wrong_stem, replaced, is_word):
            yield wrong_stem, Variant(d.stem, "slip")


def parent_slips(divisions: list[Division]) -> Iterator[tuple[str, Variant]]:
    """A prefecture named after the wrong province (甘肃银川 → 宁夏银川; 甘肃省银川市 → 宁夏回族自治区银川市):
    short after short, full after full, for every prefecture whose name no division of the named
    province shares (北京朝阳 is right: 朝阳区 is Beijing's, though 朝阳市 is Liaoning's)."""
    provinces = {d.name: d for d in divisions if d.level == 0}
    names_in: dict[str, set[str]] = {name: set() for name in provinces}
    province_of: dict[str, str] = {}
    for d in divisions:
        province = d.name if d.level == 0 else d.parent if d.parent in provinces else province_of.get(d.parent, "")
        province_of[d.name] = province
        if province:
            names_in[province].update((d.name, d.stem))
    shorts = {p.stem for p in provinces.values()}
    for city in (d for d in divisions if d.level == 1 and d.parent in provinces):
        right = provinces[city.parent]
        for wrong in provinces.values():
            if wrong is right:
                continue
            for wrong_form, right_form, city_form in ((wrong.stem, right.stem, city.stem), (wrong.name, right.name, city.name)):
                if len(city_form) >= 2 and city_form not in names_in[wrong.name] and city_form not in shorts:
                    yield wrong_form + city_form, Variant(right_form + city_form, "parent")


def _makes_word(text: str, index: int, is_word: Callable[[str], bool]) -> bool:
    """Whether the character at `index` forms a word of 2–3 characters with a neighbour inside `text`."""
    return any(
        is_word(text[start:end])
        for start in range(max(0, index - 2), index + 1)
        for end in range(index + 1, min(len(text), start + 3) + 1)
        if end - start >= 2
    )


def _without_suffix(name: str) -> str | None:
    """A gazetteer name without its suffix (成固村 → 成固), or None if too short or an autonomous unit's."""
    suffix = next((s for s in SUFFIXES if name.endswith(s)), "")
    stem = name[: len(name) - len(suffix)]
    return stem if suffix and len(stem) >= 2 and not stem.endswith("自治") else None


def generate_variants(divisions: Iterable[Division], gazetteer: Iterable[str],
                      is_word: Callable[[str], bool] = rjieba.has_word) -> dict[str, Variant]:
    """wrong form → variant, for every division; none is a real name, with or without its suffix, of a
    division or of any place in the gazetteer (a maintainer's step: `build_data` writes the result)."""
    divisions = sorted(divisions, key=lambda d: (d.level, d.name))
    by_name = {d.name: d for d in divisions}
    real = set(gazetteer) | correct_names(divisions)
    real |= {stem for name in real if (stem := _without_suffix(name)) is not None}

    def is_real(form: str) -> bool:
        stem = _without_suffix(form)
        return form in real or (stem is not None and stem in real)

    variants: dict[str, Variant] = {}
    for d in divisions:
        for wrong, variant in division_variants(d, by_name, is_word, is_real):
            if wrong not in variants and not is_real(wrong):
                variants[wrong] = variant
    for wrong, variant in parent_slips(divisions):
        variants.setdefault(wrong, variant)
    return variants


def packaged_variants() -> dict[str, Variant]:
    """The generated wrong forms shipped with the package (`place_variants.tsv.gz`), read directly (the
    general record reader takes several times as long over 50,000 lines)."""
    kinds = {kind: kind for kind in KINDS}
    variants = {}
    for number, line in enumerate(read_text(VARIANTS_FILE).splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        wrong, right, kind = ([*line.split("\t"), "", ""])[:3]
        if kind not in kinds or not right:
            raise DataFileError(f"{VARIANTS_FILE} 第 {number} 行：应为 错误写法<TAB>正确写法<TAB>类别（{'、'.join(KINDS)}）")
        variants[wrong] = Variant(right, kinds[kind])
    return variants


class DivisionLayer:
    """Find wrong forms of division names; the correct names themselves absorb overlapping matches."""

    name = "place"

    def __init__(self, names: Iterable[str], variants: dict[str, Variant], gazetteer: Gazetteer | None = None,
                 is_word: Callable[[str], bool] = rjieba.has_word) -> None:
        self._gazetteer = gazetteer if gazetteer is not None else Gazetteer(())
        self._is_word = is_word
        correct = sorted(set(names) - variants.keys())
        wrong = sorted(variants)
        self._patterns = correct + wrong
        self._variants: list[Variant | None] = [None] * len(correct) + [variants[w] for w in wrong]
        self._automaton = Automaton(self._patterns)

    def wrong_forms(self) -> Iterator[str]:
        """Every generated wrong form (for the vocabulary's negative list)."""
        return (p for p, v in zip(self._patterns, self._variants, strict=True) if v is not None)
    def scan(self, text: str) -> list[Hit]:
        """Hits for wrong forms of division names in `text` (already scannable)."""
        hits = []
        for index, start, end in self._automaton.find(text):
            variant = self._variants[index]
            if variant is None or self._guarded(text, start, end, variant):
                continue
            wrong = self._patterns[index]
            serious = variant.kind != "slip"
            hits.append(
                Hit(
                    start=start,
                    end=end,
                    suggestion=variant.right,
                    type="expression" if serious else "typo",
                    severity="serious" if serious else "error",
                    certain=True,
                    rule=f"place:{variant.right}",
                    explanation=f"地名错误：“{wrong}”应为“{variant.right}”（{SOURCE}）",
                )
            )
        return hits

    def _guarded(self, text: str, start: int, end: int, variant: Variant) -> bool:
        """Whether the match is ordinary text or part of a real name after all."""
        is_word = self._is_word
        if end < len(text) and is_word(text[end - 1 : end + 1]):  # 成固县长, 香港市民
            return True
        if start > 0 and (text[start - 1] == STALE_MARK or is_word(text[start - 1 : start + 1])):
            return True
        for index in (start, end - 1):  # a real name reaching outside the match: 宝鸡市 inside 宝鸡市梅县 is no guard
            span = self._gazetteer.covering_span(text, index)
            if span is not None and (span[0] < start or span[1] > end):
                return True
        return False


@cache
def packaged_division_layer() -> DivisionLayer:
    """The layer over the packaged divisions and gazetteer (built once per process)."""
    return DivisionLayer(correct_names(packaged_divisions()), packaged_variants(), packaged_gazetteer())


def correct_names(divisions: Iterable[Division]) -> set[str]:
    """The names a text may rightly hold: full, without the suffix, without the ethnic names (乌鲁木齐)."""
    return {n for d in divisions for n in (d.name, d.stem, d.stem + "".join(d.ethnic)) if len(n) >= 2}
