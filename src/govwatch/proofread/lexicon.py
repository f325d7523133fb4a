"""Layer 1: a curated list of wrong → right pairs common in official writing, with context guards.

Each entry is certain: it names a string that is wrong wherever its guards allow it. Guards keep
correct uses silent (截止 is right in 报名截止, wrong before a time point as in 截止目前). Lines whose
right-hand side is `=` are correct forms that only protect the text they cover.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from govwatch.proofread.automaton import Automaton
from govwatch.proofread.catalogue import parse_header
from govwatch.proofread.data_files import DataFileError, packaged_records, read_text
from govwatch.proofread.findings import SEVERITIES, TYPE_LABELS, TYPES, Hit

LEXICON_FILE = "lexicon.tsv"
_WINDOW = 12  # characters of context a guard looks at on each side


@dataclass(frozen=True)
class Guard:
    """A regular expression the text just before or after a match must (not) fit."""

    side: str  # "before" or "after"
    pattern: re.Pattern[str]
    required: bool

    def allows(self, text: str, start: int, end: int) -> bool:
        """Whether the match at [start, end) passes this guard."""
        if self.side == "before":
            found = self.pattern.search(text[max(0, start - _WINDOW) : start]) is not None
        else:
            found = self.pattern.match(text[end : end + _WINDOW]) is not None
        return found == self.required


@dataclass(frozen=True)
class LexiconEntry:
    """One wrong → right pair; `right` is None for a protected correct form, "" for a banned word with no
    replacement (it is to be struck out or rephrased)."""

    wrong: str
    right: str | None
    type: str
    severity: str
    source: str
    guards: tuple[Guard, ...] = ()
    rule: str = ""  # the finding's rule id; `lexicon:<wrong>` when empty
    label: str = ""  # the list a finding cites, with its edition (catalogue.ListHeader.label)


def parse_guards(spec: str, where: str) -> tuple[Guard, ...]:
    """Parse `after:RE;!before:RE` (`!` = must not fit) into guards."""
    guards = []
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        required = not part.startswith("!")
        side, _, expression = part.lstrip("!").partition(":")
        if side not in ("before", "after") or not expression:
            raise DataFileError(f"{where}：条件“{part}”应写作 before:正则 或 !after:正则")
        try:
            anchored = f"(?:{expression})$" if side == "before" else expression
            guards.append(Guard(side, re.compile(anchored), required))
        except re.error as exc:
            raise DataFileError(f"{where}：正则“{expression}”有误（{exc}）") from exc
    return tuple(guards)


def make_entry(
    wrong: str, right: str, type_: str, severity: str, source: str, guards: str, where: str, rule: str = "", label: str = ""
) -> LexiconEntry:
    """Validate one record into an entry; `where` names file and line for the error message."""
    if not wrong:
        raise DataFileError(f"{where}：错误写法为空")
    if right == "=":
        return LexiconEntry(wrong, None, "", "", source, parse_guards(guards, where), rule, label)
    if type_ not in TYPES:
        raise DataFileError(f"{where}：类型“{type_}”应为 {'、'.join(TYPES)} 之一")
    if severity not in SEVERITIES:
        raise DataFileError(f"{where}：级别“{severity}”应为 {'、'.join(SEVERITIES)} 之一")
    if right == wrong:
        raise DataFileError(f"{where}：正确写法与错误写法相同")
    return LexiconEntry(wrong, right, type_, severity, source, parse_guards(guards, where), rule, label)


def packaged_entries() -> list[LexiconEntry]:
    """The curated lexicon shipped with the package, citing its header's name and edition."""
    label = parse_header(read_text(LEXICON_FILE)).label
    return [
        make_entry(w, r, t, s, src, g, f"{LEXICON_FILE} 第 {n} 行", label=label)
        for n, (w, r, t, s, src, g) in packaged_records(LEXICON_FILE, 5, 6)
    ]


class LexiconLayer:
    """Find every curated wrong form, later entries (a county's) replacing earlier ones."""

    name = "lexicon"

    def __init__(self, entries: Iterable[LexiconEntry]) -> None:
        by_wrong: dict[str, LexiconEntry] = {}
        for entry in entries:
            by_wrong[entry.wrong] = entry
        self.entries = list(by_wrong.values())
        self._automaton = Automaton([e.wrong for e in self.entries])

    def scan(self, text: str) -> list[Hit]:
        """Hits for the curated pairs found in `text` (already scannable)."""
        hits = []
        for index, start, end in self._automaton.find(text):
            entry = self.entries[index]
            if entry.right is None or not all(g.allows(text, start, end) for g in entry.guards):
                continue
            hits.append(
                Hit(
                    start=start,
                    end=end,
                    suggestion=entry.right,
                    type=entry.type,
                    severity=entry.severity,
                    certain=True,
                    rule=entry.rule or f"lexicon:{entry.wrong}",
                    explanation=f"{TYPE_LABELS[entry.type]}：“{entry.wrong}”"
                    + (f"应为“{entry.right}”" if entry.right else "不得使用")
                    + (f"（{entry.label}）" if entry.label else ""),
                )
            )
        return hits
