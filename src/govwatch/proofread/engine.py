"""The proofreading pipeline: run every layer, keep one finding per span, apply county data and verdicts."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from functools import cache

from govwatch.proofread.automaton import scannable
from govwatch.proofread.county import AllowList, Verdicts, county_entries, county_leaders
from govwatch.proofread.divisions import DivisionLayer, packaged_division_layer
from govwatch.proofread.expressions import ExpressionLayer, packaged_expression_layer
from govwatch.proofread.findings import CountyLexicon, Hit, Severity, Suppression, TextFinding
from govwatch.proofread.knowledge import KnowledgeLayer, packaged_knowledge
from govwatch.proofread.lexicon import LexiconLayer, packaged_entries
from govwatch.proofread.privacy import PrivacyLayer
from govwatch.proofread.punctuation import PunctuationLayer
from govwatch.proofread.statistical import StatisticalLayer

# When two layers claim overlapping text, the earlier one here wins: personal data must always be
# reported (and masked); the curated lexicon (with the county's pairs) and the knowledge lists know
# their pairs better than the generated near misses (of expressions, then of place names); statistical
# suspects only fill the gaps.
PRIORITY = ("privacy", "lexicon", "knowledge", "expression", "place", "punctuation", "statistical")
_Layers = tuple[LexiconLayer, KnowledgeLayer, ExpressionLayer, DivisionLayer, PunctuationLayer, PrivacyLayer, StatisticalLayer]


@cache
def _shared_layers() -> _Layers:
    """The packaged layers, built once per process (the expression automaton takes about a second)."""
    expressions = packaged_expression_layer()
    return (
        LexiconLayer(packaged_entries()),
        packaged_knowledge(),
        expressions,
        packaged_division_layer(),
        PunctuationLayer(expressions.expressions),
        PrivacyLayer(),
        StatisticalLayer.packaged(),
    )


class Proofreader:
    """Check texts against every layer, with a county's own data and its reviewers' verdicts."""

    def __init__(self, county: CountyLexicon | None = None, suppressions: Iterable[Suppression] = ()) -> None:
        lexicon, knowledge, expressions, places, punctuation, privacy, statistical = _shared_layers()
        if county is not None and county.pairs:
            lexicon = LexiconLayer(lexicon.entries + county_entries(county))
        if county is not None and county.leaders:
            knowledge = knowledge.with_leaders(county_leaders(county))
        self.layers = (lexicon, knowledge, expressions, places, punctuation, privacy, statistical)
        self._allow = AllowList(county.allow if county is not None else ())
        self._verdicts = Verdicts(suppressions)

    def check(self, text: str) -> list[TextFinding]:
        """Every finding in `text`, sorted by position; never raises on a str."""
        scan = scannable(text)
        hits = [hit for layer in self.layers for hit in layer.scan(scan)]
        hits = self._allow.filter(scan, _one_per_span(hits))
        locate = _Locator(text)
        findings = []
        for hit in hits:
            wrong = hit.shown if hit.shown is not None else text[hit.start : hit.end]
            if self._verdicts.suppressed(scan, hit, wrong):
                continue
            line, offset = locate(hit.start)
            findings.append(
                TextFinding(
                    start=hit.start,
                    line=line,
                    offset=offset,
                    length=hit.end - hit.start,
                    wrong=wrong,
                    suggestion=hit.suggestion,
                    type=hit.type,
                    severity=Severity(hit.severity),
                    certain=hit.certain,
                    rule=hit.rule,
                    explanation=hit.explanation,
                )
            )
        return findings


def _one_per_span(hits: list[Hit]) -> list[Hit]:
    """Drop hits overlapping a hit of a higher-priority layer (or an earlier one of the same layer)."""
    rank = {name: index for index, name in enumerate(PRIORITY)}
    kept: list[Hit] = []  # non-overlapping, so sorted by start and by end alike
    starts: list[int] = []
    for hit in sorted(hits, key=lambda h: (rank[_layer_of(h)], h.start, -h.end)):
        at = bisect_right(starts, hit.start)
        if (at and kept[at - 1].end > hit.start) or (at < len(kept) and kept[at].start < hit.end):
            continue
        kept.insert(at, hit)
        starts.insert(at, hit.start)
    return kept


def _layer_of(hit: Hit) -> str:
    """The layer a hit came from, read from its rule id."""
    prefix = hit.rule.split(":", 1)[0]
    return {"stat": "statistical"}.get(prefix, prefix)


class _Locator:
    """Turn character offsets into (1-based line, 0-based offset in line)."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        found = text.find("\n")
        while found >= 0:
            self._starts.append(found + 1)
            found = text.find("\n", found + 1)

    def __call__(self, start: int) -> tuple[int, int]:
        line = bisect_right(self._starts, start)
        return line, start - self._starts[line - 1]


@cache
def default_proofreader() -> Proofreader:
    """A shared proofreader with no county data (building one takes about a second)."""
    return Proofreader()
