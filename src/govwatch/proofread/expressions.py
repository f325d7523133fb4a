"""Layer 2: standard political expressions (规范表述) and their near misses.

The packaged list (`expressions.txt`, each line with the document it comes from) holds only correct
forms. Wrong forms are generated from it: one character missing or doubled, two neighbouring
characters or words swapped, one character replaced by a same-sound or similar-shape one; for an
expression of six characters or more also 的 inserted between two of its words, a character typed
again one further on (习近平近新时代), two items of its list
swapped (创新、绿色、协调), and a 顿号 written as a 逗号 or the other way round. Known wrong
abbreviations and outdated wording (`expression_changes.tsv`: 供给侧改革, 市场在资源配置中起基础性作用)
are listed, each with the date the wording changed and its source. A generated form is kept only when it cannot be correct text:
it is not itself (part of) a listed expression, the replaced character does not form a word with
its neighbours (两个确立 → 两个确定 would be ordinary text), and it is not in the packaged list of
exceptions seen in clean official text. Findings are certain and serious: the county's rules fail
an item with a wrong political expression.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import rjieba

from govwatch.proofread.automaton import Automaton
from govwatch.proofread.confusion import confusion_sets
from govwatch.proofread.data_files import DataFileError, packaged_records, read_text
from govwatch.proofread.findings import Hit

EXPRESSIONS_FILE = "expressions.txt"
EXCEPTIONS_FILE = "near_miss_exceptions.txt"
CHANGES_FILE = "expression_changes.tsv"
VARIANTS_FILE = "expression_variants.tsv.gz"
CHANGE_KINDS = {"abbreviation": "不规范简称", "outdated": "过时提法"}
LIST_MARKS = "、，"  # a 顿号 written for a 逗号 or the other way round
INSERTED = "的"  # 中国特色的社会主义: the particle a writer adds between two words of an expression
WINDOW = 4  # characters each side of a match's start that the segmenter sees
MIN_GENERATED = 6  # expressions this long get the insertion, list-order and punctuation slips
PUNCTUATION = set("、，；：“”‘’《》（）()「」 ,;:")
OPTIONAL_CHARS = set("的和与及之")  # dropping these shortens an expression without making it wrong
MIN_NEAR_MISS = 4  # shorter expressions (四风, 双碳) have too many innocent neighbours
MIN_WORD_ORDER = 7  # 乡村振兴 → 振兴乡村 and 安全生产 → 生产安全 are ordinary text


@dataclass(frozen=True)
class Variant:
    """A generated wrong form of `expression`; `edge_end` says whether its last character changed."""

    expression: str
    kind: str
    edge_end: bool


@dataclass(frozen=True)
class Change:
    """A listed wrong abbreviation or outdated wording (`expression_changes.tsv`)."""

    wrong: str
    right: str
    kind: str  # a key of CHANGE_KINDS
    date: str  # when the wording changed (outdated) or was set out (abbreviation)
    source: str


def _lines(name: str) -> list[str]:
    return [s for s in (line.strip() for line in read_text(name).splitlines()) if s and not s.startswith("#")]


def packaged_sources() -> dict[str, str]:
    """expression → the document it comes from, for every standard expression shipped with the package;
    a line without a source of its own has the file's (`# source:`, without its bracketed note)."""
    default = next((line.split(":", 1)[1].split("（", 1)[0].strip() for line in read_text(EXPRESSIONS_FILE).splitlines()
                    if line.startswith("# source:")), "")
    return {expression: source or default for _, (expression, source) in packaged_records(EXPRESSIONS_FILE, 1, 2)}


def packaged_expressions() -> list[str]:
    """The standard expressions shipped with the package."""
    return list(packaged_sources())


def packaged_changes() -> list[Change]:
    """The listed wrong abbreviations and outdated wording shipped with the package."""
    changes = []
    for number, (wrong, right, kind, date, source) in packaged_records(CHANGES_FILE, 5):
        if kind not in CHANGE_KINDS:
            raise DataFileError(f"{CHANGES_FILE} 第 {number} 行：类别“{kind}”应为 {'、'.join(CHANGE_KINDS)} 之一")
        if wrong == right or not wrong or not right:
            raise DataFileError(f"{CHANGES_FILE} 第 {number} 行：错误写法与正确写法应不同且不为空")
        changes.append(Change(wrong, right, kind, date, source))
    return changes


def packaged_exceptions() -> set[str]:
    """Generated forms that occur in clean official text and so must never fire."""
    return set(_lines(EXCEPTIONS_FILE))


def _makes_word(text: str, index: int, is_word: Callable[[str], bool]) -> bool:
    """Whether the character at `index` forms a dictionary word with a neighbour inside `text`."""
    for start in range(max(0, index - 2), index + 1):
        for end in range(index + 1, min(len(text), start + 3) + 1):
            if end - start >= 2 and is_word(text[start:end]):
                return True
    return False


def near_misses(expression: str, is_word: Callable[[str], bool]) -> Iterator[tuple[str, Variant]]:
    """Every wrong form one slip away from `expression` that cannot be ordinary text."""
    n = len(expression)
    if n < MIN_NEAR_MISS:
        return
    confusions = confusion_sets()
    for i, char in enumerate(expression):
        if char in PUNCTUATION:
            continue
        interior = 0 < i < n - 1
        if interior and n >= 6 and char not in OPTIONAL_CHARS:
            yield expression[:i] + expression[i + 1 :], Variant(expression, "missing", False)
        if interior and n >= 5:
            yield expression[:i] + char + expression[i:], Variant(expression, "doubled", False)
        if i + 1 < n - 1 and interior and expression[i + 1] not in PUNCTUATION and expression[i + 1] != char:
            swapped = expression[:i] + expression[i + 1] + char + expression[i + 2 :]
            if not is_word(expression[i + 1] + char):
                yield swapped, Variant(expression, "swapped", False)
        if not interior and n < 6:
            continue
        for other in confusions.get(char, ()):
            changed = expression[:i] + other + expression[i + 1 :]
            if not _makes_word(changed, i, is_word):
                yield changed, Variant(expression, "replaced", i == n - 1)
    if n >= MIN_GENERATED:
        yield from _long_slips(expression, rjieba.cut(expression, hmm=False))
    if n < MIN_WORD_ORDER:
        return
    words = rjieba.cut(expression, hmm=False)
    position = 0
    for left, right in itertools.pairwise(words):
        if len(left) >= 2 and len(right) >= 2 and not (set(left + right) & PUNCTUATION):
            end = position + len(left) + len(right)
            swapped = expression[:position] + right + left + expression[end:]
            yield swapped, Variant(expression, "word_order", False)
        position += len(left)


def _long_slips(expression: str, words: list[str]) -> Iterator[tuple[str, Variant]]:
    """Slips of a long expression: 的 inserted between two words, a character typed again one further on
    (习近平近新时代), two list items swapped, 、 and ， confused."""
    for i in range(2, len(expression)):
        echo = expression[i - 2]
        if echo not in PUNCTUATION and expression[i - 1] not in PUNCTUATION and echo != expression[i - 1]:
            yield expression[:i] + echo + expression[i:], Variant(expression, "echoed", False)
    position = 0
    for left, right in itertools.pairwise(words):
        position += len(left)
        if len(left) >= 2 and len(right) >= 2 and not (set(left + right) & PUNCTUATION) and INSERTED not in (left[-1], right[0]):
            yield expression[:position] + INSERTED + expression[position:], Variant(expression, "inserted", False)
    for j, mark in enumerate(expression):
        if mark in LIST_MARKS:
            other = LIST_MARKS.replace(mark, "")
            yield expression[:j] + other + expression[j + 1 :], Variant(expression, "list_mark", False)
    for mark in LIST_MARKS:
        items = expression.split(mark)
        for i in range(len(items) - 1):
            if items[i] and items[i + 1] and items[i] != items[i + 1]:
                swapped = [*items[:i], items[i + 1], items[i], *items[i + 2:]]
                yield mark.join(swapped), Variant(expression, "list_order", i + 2 == len(items))


def _report_span(right: str, wrong: str, expressions: set[str]) -> tuple[int, int, int]:
    """The smallest listed expression (or punctuation-free segment) of `right` covering the slip.

    Returns (start in right, end in right, end in wrong); start is the same in both, because the
    two share their text before the slip and after it.
    """
    prefix = 0
    while prefix < min(len(right), len(wrong)) and right[prefix] == wrong[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(right), len(wrong)) - prefix and right[-1 - suffix] == wrong[-1 - suffix]:
        suffix += 1
    slip_end = len(right) - suffix
    best = (0, len(right))
    for start in range(0, prefix + 1):
        for end in range(max(slip_end, start + 1), len(right) + 1):
            piece = right[start:end]
            if end - start >= best[1] - best[0]:
                break
            if piece in expressions or _is_segment(right, start, end):
                best = (start, end)
                break
    start, end = best
    return start, end, end - (len(right) - len(wrong))


def _is_segment(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] runs between punctuation marks (or the ends) without crossing one."""
    inner = text[start:end]
    return (
        len(inner) >= MIN_NEAR_MISS
        and not (set(inner) & PUNCTUATION)
        and (start == 0 or text[start - 1] in PUNCTUATION)
        and (end == len(text) or text[end] in PUNCTUATION)
    )


# What a finding of each kind is: a 顿号/逗号 slip is a punctuation error; a listed abbreviation an
# error; everything else, a wrong standard expression, is serious.
KIND_FINDING = {"list_mark": ("punctuation", "warning"), "abbreviation": ("expression", "error")}
SERIOUS = ("expression", "serious")


def generate_variants(expressions: Iterable[str], exceptions: Iterable[str] = (),
                      is_word: Callable[[str], bool] = rjieba.has_word) -> dict[str, Variant]:
    """wrong form → variant for every expression; none is an exception or a stretch of a correct expression."""
    expressions = set(expressions)
    blocked = set(exceptions) | expressions
    variants: dict[str, Variant] = {}
    for expression in sorted(expressions, key=lambda e: (-len(e), e)):
        for wrong, variant in near_misses(expression, is_word):
            if wrong not in blocked and wrong not in variants:
                variants[wrong] = variant
    pieces = {e[i:j] for e in expressions for i in range(len(e)) for j in range(i + MIN_NEAR_MISS - 1, len(e) + 1)}
    for piece in pieces & variants.keys():
        del variants[piece]
    return variants


def packaged_variants() -> dict[str, Variant]:
    """The generated wrong forms shipped with the package (`expression_variants.tsv.gz`, written by
    `build_data`: generating them takes most of the engine's start-up), read directly."""
    variants = {}
    for number, line in enumerate(read_text(VARIANTS_FILE).splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or fields[3] not in ("0", "1"):
            raise DataFileError(f"{VARIANTS_FILE} 第 {number} 行：应为 错误写法<TAB>规范表述<TAB>类别<TAB>末字是否改动（0 或 1）")
        wrong, expression, kind, edge_end = fields
        variants[wrong] = Variant(expression, kind, edge_end == "1")
    return variants


def variant_rows(variants: dict[str, Variant]) -> list[str]:
    """The lines of `expression_variants.tsv.gz` for `variants`."""
    return [f"{w}\t{v.expression}\t{v.kind}\t{int(v.edge_end)}" for w, v in sorted(variants.items())]


class ExpressionLayer:
    """Find near misses of the standard expressions; the correct forms themselves absorb matches."""

    name = "expression"

    def __init__(self, expressions: Iterable[str], exceptions: Iterable[str] = (), is_word: Callable[[str], bool] = rjieba.has_word,
                 sources: dict[str, str] | None = None, changes: Iterable[Change] = (),
                 variants: dict[str, Variant] | None = None) -> None:
        self.expressions = set(expressions)
        self._is_word = is_word
        self._sources = sources or {}
        variants = dict(variants) if variants is not None else generate_variants(self.expressions, exceptions, is_word)
        listed = {c.wrong: c for c in changes if c.wrong not in self.expressions}
        for wrong in listed:
            variants.pop(wrong, None)
        generated = sorted(variants)
        self._patterns = sorted(self.expressions) + generated + sorted(listed)
        self._variants: list[Variant | Change | None] = (
            [None] * len(self.expressions) + [variants[w] for w in generated] + [listed[w] for w in sorted(listed)]
        )
        self._automaton = Automaton(self._patterns)

    @property
    def variant_count(self) -> int:
        """How many wrong forms were generated or listed (for the benchmark)."""
        return len(self._patterns) - len(self.expressions)

    def wrong_forms(self) -> Iterator[str]:
        """Every generated or listed wrong form (for the vocabulary's negative list)."""
        return iter(self._patterns[len(self.expressions) :])

    def scan(self, text: str) -> list[Hit]:
        """Hits for near misses of standard expressions in `text` (already scannable)."""
        hits = []
        for index, start, end in self._automaton.find(text):
            variant = self._variants[index]
            if variant is None:
                continue
            if isinstance(variant, Change):
                hits.append(self._change_hit(variant, start, end))
            elif not self._runs_on(text, start, end, variant):
                hits.append(self._variant_hit(variant, self._patterns[index], start))
        return hits

    def _variant_hit(self, variant: Variant, wrong: str, start: int) -> Hit:
        right_start, right_end, wrong_end = _report_span(variant.expression, wrong, self.expressions)
        right = variant.expression[right_start:right_end]
        shown = wrong[right_start:wrong_end]
        type_, severity = KIND_FINDING.get(variant.kind, SERIOUS)
        source = self._sources.get(right) or self._sources.get(variant.expression)
        return Hit(
            start=start + right_start,
            end=start + wrong_end,
            suggestion=right,
            type=type_,
            severity=severity,
            certain=True,
            rule=f"expression:{right}",
            explanation=f"规范表述错误：“{shown}”应为“{right}”" + (f"（{source}）" if source else ""),
        )

    @staticmethod
    def _change_hit(change: Change, start: int, end: int) -> Hit:
        type_, severity = KIND_FINDING.get(change.kind, SERIOUS)
        when = f"，{change.date} 起" if change.kind == "outdated" else ""
        return Hit(
            start=start,
            end=end,
            suggestion=change.right,
            type=type_,
            severity=severity,
            certain=True,
            rule=f"expression:{change.right}",
            explanation=f"{CHANGE_KINDS[change.kind]}：“{change.wrong}”应为“{change.right}”（{change.source}{when}）",
        )

    def _runs_on(self, text: str, start: int, end: int, variant: Variant) -> bool:
        """Whether a changed last character joins the text after into a word (价值关 + 系), or the match
        starts inside a word of the text (创优营商环境 is 创优 + 营商环境, not 优化营商环境 short of 化; but
        学习习近平 is 学习 + 习近平, though 习习 is a word too)."""
        if variant.edge_end and end < len(text) and self._is_word(text[end - 1 : end + 1]):
            return True
        if start == 0 or not self._is_word(text[start - 1 : start + 1]):
            return False
        window = max(0, start - WINDOW)
        position = window
        for token in rjieba.cut(text[window : start + WINDOW], hmm=False):
            if position >= start:
                return position != start
            position += len(token)
        return False


@cache
def packaged_expression_layer() -> ExpressionLayer:
    """The layer over the packaged expressions, exceptions and changes (built once per process)."""
    sources = packaged_sources()
    return ExpressionLayer(sources, sources=sources, changes=packaged_changes(), variants=packaged_variants())
