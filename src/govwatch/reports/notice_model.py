"""The notice (通报) as data: a month's figures, quoted errors and problems, built from its evaluation.

The body text, the annex tables and the rectification items all read this one model, so every figure
printed in the text is the sum of the table it summarises and every quoted error is a stored finding.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from govwatch.domain.calendar import DayRange, Month
from govwatch.domain.county import CountyInfo
from govwatch.domain.evaluation import MonthEvaluation
from govwatch.domain.grading.reasons import Evidence, Reason
from govwatch.domain.model import TextIssue
from govwatch.domain.rectification import rectification_deadline
from govwatch.domain.rules import GradeLabels, NewMediaWording, Rules
from govwatch.reports.evaluation_json import summary_json

# The reasons whose evidence lists the counted findings that failed a subject.
_ERROR_RULES = {"disclosure": "disclosure.serious", "news": "news.serious", "new_media": "new_media.serious"}
# Reasons that fail a subject without a text error.
_OTHER_FAIL_RULES = {"disclosure.shortfall", "news.too_few", "news.silent"}
# Problem kinds of 附件3, in the order the notice lists them (the keys of the rules' wording).
ACCOUNT_PROBLEM_KINDS = tuple(NewMediaWording.model_fields)


@dataclass(frozen=True)
class GradeCount:
    """How many subjects of an annex got each grade; the excellent ones by name, in table order."""

    excellent: tuple[str, ...]
    passed: int
    failed: int


@dataclass(frozen=True)
class TextError:
    """A counted finding that failed a unit: where it was published, and the wrong and right forms."""

    annex: str
    unit: str
    place: str
    wrong: str
    right: str
    evidence: Evidence

    @property
    def line(self) -> str:
        """One line for a rectification item: place, title, the correction."""
        right = f"应为“{self.right}”" if self.right else "有误"
        return f"{self.place}《{self.evidence.title}》：“{self.wrong}”{right}"


@dataclass(frozen=True)
class ErrorGroup:
    """The errors of one unit in one column (or account), quoted together as the seed does."""

    unit: str
    place: str
    errors: tuple[TextError, ...]


@dataclass(frozen=True)
class AccountProblem:
    """A listed problem of an account (附件3 存在突出问题), its kind and the days it covers."""

    account: str
    platform: str
    kind: str
    text: str
    days: DayRange | None


@dataclass(frozen=True)
class OtherFailure:
    """A subject failed without a text error (no news item, a column not updated): the reason's words."""

    annex: str
    subject: str
    text: str


@dataclass(frozen=True)
class ProblemLine:
    """One problem a rectification item covers, with the post behind it when there is one."""

    text: str
    evidence: Evidence | None = None

    def as_json(self) -> dict[str, Any]:
        e = self.evidence
        return {
            "text": self.text,
            "post_id": e.post_id if e else None,
            "title": e.title if e else None,
            "url": e.url if e else None,
            "published_at": e.published_at.isoformat() if e else None,
        }


@dataclass(frozen=True)
class NotifiedSubject:
    """A unit or account the notice names for a problem: it gets a rectification item."""

    annex: str
    subject: str
    unit: str
    grade: str
    failed: bool
    problems: tuple[ProblemLine, ...]


@dataclass(frozen=True)
class NoticeModel:
    county: CountyInfo
    evaluation: MonthEvaluation
    summary: dict[str, Any]
    grades: dict[str, GradeCount]
    labels: dict[str, GradeLabels]
    errors: dict[str, tuple[ErrorGroup, ...]]
    account_problems: tuple[AccountProblem, ...]
    other_failures: tuple[OtherFailure, ...]
    subjects: tuple[NotifiedSubject, ...]
    deadline: datetime

    @property
    def month(self) -> Month:
        return self.evaluation.month

    @property
    def rules(self) -> Rules:
        return self.evaluation.rules

    def problems_of_kind(self, kind: str) -> tuple[AccountProblem, ...]:
        return tuple(p for p in self.account_problems if p.kind == kind)


def _labels(rules: Rules) -> dict[str, GradeLabels]:
    return {"disclosure": rules.disclosure.grades, "news": rules.news.grades, "new_media": rules.new_media.grades}


def _count(rows: Sequence[Any], labels: GradeLabels, name) -> GradeCount:
    return GradeCount(
        excellent=tuple(name(r) for r in rows if labels.excellent and r.grade == labels.excellent),
        passed=sum(1 for r in rows if r.grade == labels.pass_),
        failed=sum(1 for r in rows if r.grade == labels.fail),
    )


def _wording_patterns(wording: NewMediaWording) -> list[tuple[str, re.Pattern[str]]]:
    """Each problem text of the rules as a pattern, so a listed problem is read back into kind and days."""
    patterns = []
    for kind in ACCOUNT_PROBLEM_KINDS:
        head, found, tail = getattr(wording, kind).partition("{range}")
        days = r"(\d{2})-(\d{2})至(\d{2})-(\d{2})" if found else ""
        patterns.append((kind, re.compile(re.escape(head) + days + re.escape(tail))))
    return patterns


def _account_problem(text: str, account: str, platform: str, year: int, patterns) -> AccountProblem:
    for kind, pattern in patterns:
        match = pattern.fullmatch(text)
        if match:
            days = None
            if match.groups():
                m1, d1, m2, d2 = (int(g) for g in match.groups())
                days = DayRange(date(year, m1, d1), date(year, m2, d2))
            return AccountProblem(account, platform, kind, text, days)
    return AccountProblem(account, platform, "other", text, None)


def _failing_evidence(reasons: Sequence[Reason], rule: str) -> list[Evidence]:
    """The posts behind a failing-error reason, each once, in the reason's order."""
    seen: dict[int, Evidence] = {}
    for reason in reasons:
        if reason.rule == rule:
            for item in reason.evidence:
                seen.setdefault(item.post_id, item)
    return list(seen.values())


class _Builder:
    """Walks the failing subjects of each annex once and collects errors, problems and notified subjects."""

    def __init__(self, evaluation: MonthEvaluation, issues: Mapping[int, Sequence[TextIssue]]) -> None:
        self.evaluation, self.issues = evaluation, issues
        self.rules = evaluation.rules
        self.errors: dict[str, list[TextError]] = {annex: [] for annex in _ERROR_RULES}
        self.problems: list[AccountProblem] = []
        self.others: list[OtherFailure] = []
        self.subjects: list[NotifiedSubject] = []

    def text_errors(self, annex: str, unit: str, reasons: Sequence[Reason], places: Mapping[int, str],
                    default: str = "") -> list[TextError]:
        """The counted failing findings of the posts a failing reason cites; `places` names each post's column."""
        severities = set(getattr(self.rules, annex).fail_severities)
        found = []
        for item in _failing_evidence(reasons, _ERROR_RULES[annex]):
            for issue in self.issues.get(item.post_id, ()):
                if issue.counts(self.rules.findings.count_suspects) and issue.severity in severities:
                    place = places.get(item.post_id, default)
                    found.append(TextError(annex, unit, place, issue.wrong, issue.suggestion, item))
        self.errors[annex] += found
        return found

    def other_failures(self, annex: str, subject: str, reasons: Sequence[Reason], fail: str, posts: int = 0) -> list[ProblemLine]:
        lines = []
        for reason in reasons:
            if reason.rule in _OTHER_FAIL_RULES:
                text = reason.text.removesuffix(f"，评为{fail}")
                if reason.rule == "news.too_few":
                    minimum = self.rules.news.min_posts
                    text = "本月未报送新闻信息" if posts == 0 else f"本月仅报送新闻信息{posts}条（每月至少{minimum}条）"
                self.others.append(OtherFailure(annex, subject, text))
                lines.append(ProblemLine(text))
        return lines

    def notify(self, annex: str, subject: str, unit: str, row, lines: list[ProblemLine]) -> None:
        fail = _labels(self.rules)[annex].fail
        if row.grade != fail:
            return
        if row.override is not None and row.computed != fail:
            lines = [ProblemLine(f"人工调整为{fail}：{row.override.reason}")]
        self.subjects.append(NotifiedSubject(annex, subject, unit, row.grade, True, tuple(lines)))

    def build(self) -> None:
        fails = _labels(self.rules)
        for g in self.evaluation.disclosure:
            if g.grade != fails["disclosure"].fail:
                continue
            places = {p.id: c.assignment.column.name for c in g.columns for p in c.posts}
            errors = self.text_errors("disclosure", g.unit, g.reasons, places)
            lines = [ProblemLine(e.line, e.evidence) for e in errors]
            lines += self.other_failures("disclosure", g.unit, g.reasons, fails["disclosure"].fail)
            self.notify("disclosure", g.unit, g.unit, g, lines)
        for n in self.evaluation.news:
            if n.grade != fails["news"].fail:
                continue
            places = {p.id: p.column.name for p in n.posts if p.column}
            errors = self.text_errors("news", n.unit, n.reasons, places)
            lines = [ProblemLine(e.line, e.evidence) for e in errors]
            lines += self.other_failures("news", n.unit, n.reasons, fails["news"].fail, len(n.posts))
            self.notify("news", n.unit, n.unit, n, lines)
        patterns = _wording_patterns(self.rules.new_media.wording)
        for m in self.evaluation.new_media:
            name, platform = m.account.name, m.account.platform.value
            errors = self.text_errors("new_media", m.unit, m.reasons, {}, f"“{name}”{platform}")
            lines = []
            for text in m.problems:
                problem = _account_problem(text, name, platform, self.evaluation.month.year, patterns)
                self.problems.append(problem)
                if problem.kind == "serious_text" and errors:
                    lines += [ProblemLine(e.line, e.evidence) for e in errors]
                else:
                    lines.append(ProblemLine(text))
            self.notify("new_media", str(m.account), m.unit, m, lines)


def _group(errors: Sequence[TextError]) -> tuple[ErrorGroup, ...]:
    groups: dict[tuple[str, str], list[TextError]] = {}
    for error in errors:
        groups.setdefault((error.unit, error.place), []).append(error)
    return tuple(ErrorGroup(unit, place, tuple(items)) for (unit, place), items in groups.items())


def build_notice_model(
    county: CountyInfo, evaluation: MonthEvaluation, issues: Mapping[int, Sequence[TextIssue]]
) -> NoticeModel:
    """The notice of `evaluation`; `issues` holds the stored findings of the posts behind its failing grades."""
    builder = _Builder(evaluation, issues)
    builder.build()
    labels = _labels(evaluation.rules)
    return NoticeModel(
        county=county,
        evaluation=evaluation,
        summary=summary_json(evaluation),
        grades={
            "disclosure": _count(evaluation.disclosure, labels["disclosure"], lambda g: g.unit),
            "news": _count(evaluation.news, labels["news"], lambda g: g.unit),
            "new_media": _count(evaluation.new_media, labels["new_media"], lambda g: g.account.name),
        },
        labels=labels,
        errors={annex: _group(found) for annex, found in builder.errors.items()},
        account_problems=tuple(builder.problems),
        other_failures=tuple(builder.others),
        subjects=tuple(builder.subjects),
        deadline=rectification_deadline(evaluation.month, evaluation.rules.rectification, county.timezone),
    )


def failing_post_ids(evaluation: MonthEvaluation) -> set[int]:
    """The posts whose findings the notice quotes: the evidence of every failing-error reason."""
    rows = (*evaluation.disclosure, *evaluation.news, *evaluation.new_media)
    return {e.post_id for row in rows for r in row.reasons if r.rule in _ERROR_RULES.values() for e in r.evidence}
