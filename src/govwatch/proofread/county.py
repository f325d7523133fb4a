"""Layer 6: a county's own data and its reviewers' verdicts, applied on top of the packaged layers."""

from __future__ import annotations

from collections.abc import Iterable

from govwatch.proofread.automaton import Automaton
from govwatch.proofread.findings import CountyLexicon, Hit, Suppression
from govwatch.proofread.leaders import LeaderList, make_leader
from govwatch.proofread.lexicon import LexiconEntry, make_entry

COUNTY_SOURCE = "县（区）自定义词表"
COUNTY_LEADERS = "本县（区）领导名单"


def county_entries(county: CountyLexicon) -> list[LexiconEntry]:
    """The county's extra pairs as lexicon entries (validated like the packaged ones)."""
    return [
        make_entry(wrong, right, type_, severity, COUNTY_SOURCE, "", f"自定义词对第 {number} 条")
        for number, (wrong, right, type_, severity) in enumerate(county.pairs, start=1)
    ]


def county_leaders(county: CountyLexicon) -> list[LeaderList]:
    """The county's leaders as a list of its own (empty when it keeps none)."""
    if not county.leaders:
        return []
    leaders = tuple(make_leader(name, posts, f"领导名单第 {n} 条") for n, (name, posts) in enumerate(county.leaders, start=1))
    return [LeaderList(leaders, county.leaders_label or COUNTY_LEADERS)]


class AllowList:
    """Words never to flag: a hit touching an occurrence of one is dropped."""

    def __init__(self, words: Iterable[str]) -> None:
        self._automaton = Automaton(sorted(w for w in words if w), overlapping=True)

    def filter(self, text: str, hits: list[Hit]) -> list[Hit]:
        """The hits that overlap no allowed word."""
        spans = [(start, end) for _, start, end in self._automaton.find(text)]
        if not spans:
            return hits
        return [h for h in hits if not any(s < h.end and h.start < e for s, e in spans)]


class Verdicts:
    """Reviewers' "false alarm" verdicts: (rule, wrong) everywhere, or only near a given context."""

    def __init__(self, suppressions: Iterable[Suppression]) -> None:
        self._everywhere: set[tuple[str, str]] = set()
        self._in_context: dict[tuple[str, str], list[str]] = {}
        for s in suppressions:
            if s.context:
                self._in_context.setdefault((s.rule, s.wrong), []).append(s.context)
            else:
                self._everywhere.add((s.rule, s.wrong))

    def suppressed(self, text: str, hit: Hit, wrong: str) -> bool:
        """Whether a reviewer has already judged this finding a false alarm."""
        key = (hit.rule, wrong)
        if key in self._everywhere:
            return True
        for context in self._in_context.get(key, ()):
            around = text[max(0, hit.start - len(context)) : hit.end + len(context)]
            if context in around:
                return True
        return False
