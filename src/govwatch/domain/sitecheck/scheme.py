"""The national score: which findings are single vetoes (单项否决), what each deduction (扣分) costs.

A rule's findings carry the rule's own severity, unless there are `veto_at` or more of them: then they
are all vetoes (栏目不更新 is a veto from 5 stale columns on, each one below that a deduction). A site with
any veto fails whatever its points; otherwise it passes with `pass_mark` points or more out of
`full_marks`, each indicator losing at most its cap.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from govwatch.domain.sitecheck.model import SiteFinding
from govwatch.domain.sitecheck.settings import RuleWeight, Scheme

NOTICE = RuleWeight(severity="notice", indicator="提示")


class Veto(BaseModel):
    model_config = ConfigDict(frozen=True)

    indicator: str
    findings: int
    example: str  # one finding's url


class Deduction(BaseModel):
    model_config = ConfigDict(frozen=True)

    indicator: str
    findings: int
    points: float  # after the indicator's cap
    uncapped: float
    assumed: bool


class SiteScore(BaseModel):
    model_config = ConfigDict(frozen=True)

    scheme: str
    full_marks: float
    pass_mark: float
    vetoes: tuple[Veto, ...]
    deductions: tuple[Deduction, ...]
    total: float
    passed: bool

    @property
    def verdict(self) -> str:
        return "合格" if self.passed else "不合格（单项否决）" if self.vetoes else "不合格"


def weight(scheme: Scheme, rule: str) -> RuleWeight:
    return scheme.rules.get(rule, NOTICE)


def with_severity(findings: Iterable[SiteFinding], scheme: Scheme) -> list[SiteFinding]:
    """The findings with the severity the scheme gives them (counted per rule for `veto_at`)."""
    findings = list(findings)
    counts = Counter(f.rule for f in findings)
    out = []
    for finding in findings:
        rule = weight(scheme, finding.rule)
        veto = rule.severity == "veto" or (rule.veto_at is not None and counts[finding.rule] >= rule.veto_at)
        out.append(finding.model_copy(update={"severity": "veto" if veto else rule.severity}))
    return out


def score(findings: Iterable[SiteFinding], scheme: Scheme) -> SiteScore:
    """Vetoes and capped deductions of findings that already carry their severity (`with_severity`)."""
    vetoes: dict[str, list[SiteFinding]] = defaultdict(list)
    deducted: dict[str, list[tuple[SiteFinding, RuleWeight]]] = defaultdict(list)
    for finding in findings:
        rule = weight(scheme, finding.rule)
        if finding.severity == "veto":
            vetoes[rule.veto_indicator or rule.indicator].append(finding)
        elif finding.severity == "deduct":
            deducted[rule.indicator].append((finding, rule))
    deductions = []
    for indicator, items in deducted.items():
        uncapped = round(sum(rule.points for _, rule in items), 2)
        cap = scheme.caps.get(indicator)
        deductions.append(Deduction(indicator=indicator, findings=len(items), uncapped=uncapped,
                                    points=min(uncapped, cap) if cap is not None else uncapped,
                                    assumed=any(rule.assumed for _, rule in items)))
    total = round(max(0.0, scheme.full_marks - sum(d.points for d in deductions)), 2)
    return SiteScore(scheme=scheme.name, full_marks=scheme.full_marks, pass_mark=scheme.pass_mark,
                     vetoes=tuple(Veto(indicator=k, findings=len(v), example=v[0].url) for k, v in vetoes.items()),
                     deductions=tuple(deductions), total=total, passed=not vetoes and total >= scheme.pass_mark)
