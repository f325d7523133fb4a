"""The notice (通报) as data: a month's figures, quoted errors and problems, built from its stored result.

The body text, the annex tables and the rectification items all read this one model, so every figure
printed in the text is the sum of the table it summarises and every quoted error is a finding the stored
grade counted. Everything comes from the result's data (kinds, figures, days, findings); no sentence is
read back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from govwatch.domain.calendar import DayRange, Month
from govwatch.domain.county import CountyInfo
from govwatch.domain.grading.reasons import SERIOUS_REASONS, UPDATE_FAILURES, ProblemKind
from govwatch.domain.rectification import rectification_deadline
from govwatch.domain.result import (
    DisclosureResult,
    EvidenceResult,
    MonthResult,
    NewMediaResult,
    NewsResult,
    ReasonResult,
    Summary,
)
from govwatch.domain.rules import GradeLabels, Rules
from govwatch.reports.wording import wording


@dataclass(frozen=True)
class EvaluationStamp:
    """Which stored evaluation a notice shows: the month's first stored row and when it was graded."""

    month: Month
    record: int
    evaluated_at: datetime

    @property
    def label(self) -> str:
        return f"{self.month}评定记录#{self.record}（{self.evaluated_at:%Y-%m-%d %H:%M:%S} UTC）"


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
    evidence: EvidenceResult

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
    evidence: EvidenceResult | None = None

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
    result: MonthResult
    rules: Rules
    stamp: EvaluationStamp
    summary: Summary
    grades: dict[str, GradeCount]
    labels: dict[str, GradeLabels]
    errors: dict[str, tuple[ErrorGroup, ...]]
    account_problems: tuple[AccountProblem, ...]
    other_failures: tuple[OtherFailure, ...]
    subjects: tuple[NotifiedSubject, ...]
    deadline: datetime

    @property
    def month(self) -> Month:
        return self.stamp.month

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


def _failing_findings(reasons: Sequence[ReasonResult], rule: str) -> list[EvidenceResult]:
    """The findings behind a failing-error reason, grouped by post in the order the posts are first cited."""
    by_post: dict[int, list[EvidenceResult]] = {}
    for reason in reasons:
        if reason.rule == rule:
            for item in reason.evidence:
                if item.issue is not None:
                    by_post.setdefault(item.post_id, []).append(item)
    return [item for items in by_post.values() for item in items]


class _Builder:
    """Walks the failing subjects of each annex once and collects errors, problems and notified subjects."""

    def __init__(self, result: MonthResult, rules: Rules) -> None:
        self.result, self.rules = result, rules
        self.errors: dict[str, list[TextError]] = {annex: [] for annex in SERIOUS_REASONS}
        self.problems: list[AccountProblem] = []
        self.others: list[OtherFailure] = []
        self.subjects: list[NotifiedSubject] = []

    def text_errors(self, annex: str, unit: str, reasons: Sequence[ReasonResult], places: dict[int, str],
                    default: str = "") -> list[TextError]:
        """The counted failing findings a failing reason cites, placed in the post's column (or `default`)."""
        found = []
        for item in _failing_findings(reasons, SERIOUS_REASONS[annex]):
            issue = item.issue
            assert issue is not None  # _failing_findings keeps only evidence with a finding
            found.append(TextError(annex, unit, places.get(item.post_id, default), issue.wrong,
                                   issue.suggestion, item))
        self.errors[annex] += found
        return found

    def other_failures(self, annex: str, subject: str, reasons: Sequence[ReasonResult]) -> list[ProblemLine]:
        lines = []
        for reason in reasons:
            if reason.rule in UPDATE_FAILURES:
                text = wording().update_failure(reason)
                self.others.append(OtherFailure(annex, subject, text))
                lines.append(ProblemLine(text))
        return lines

    def notify(self, annex: str, subject: str, unit: str, row: DisclosureResult | NewsResult | NewMediaResult,
               lines: list[ProblemLine]) -> None:
        fail = _labels(self.rules)[annex].fail
        if row.grade != fail:
            return
        if row.override is not None and row.computed != fail:
            lines = [ProblemLine(f"人工调整为{fail}：{row.override.reason}")]
        self.subjects.append(NotifiedSubject(annex, subject, unit, row.grade, True, tuple(lines)))

    def build(self) -> None:
        fails = _labels(self.rules)
        for d in self.result.disclosure:
            if d.grade != fails["disclosure"].fail:
                continue
            errors = self.text_errors("disclosure", d.unit, d.reasons, _columns_of(d.reasons))
            lines = [ProblemLine(e.line, e.evidence) for e in errors]
            lines += self.other_failures("disclosure", d.unit, d.reasons)
            self.notify("disclosure", d.unit, d.unit, d, lines)
        for n in self.result.news:
            if n.grade != fails["news"].fail:
                continue
            errors = self.text_errors("news", n.unit, n.reasons, _columns_of(n.reasons))
            lines = [ProblemLine(e.line, e.evidence) for e in errors]
            lines += self.other_failures("news", n.unit, n.reasons)
            self.notify("news", n.unit, n.unit, n, lines)
        for m in self.result.new_media:
            errors = self.text_errors("new_media", m.unit, m.reasons, {}, f"“{m.account}”{m.platform.value}")
            lines = []
            for problem in m.problems:
                days = DayRange(problem.days.start, problem.days.end) if problem.days else None
                self.problems.append(AccountProblem(m.account, m.platform.value, problem.kind.value, problem.text, days))
                if problem.kind is ProblemKind.SERIOUS_TEXT and errors:
                    lines += [ProblemLine(e.line, e.evidence) for e in errors]
                else:
                    lines.append(ProblemLine(problem.text))
            self.notify("new_media", m.subject, m.unit, m, lines)


def _columns_of(reasons: Sequence[ReasonResult]) -> dict[int, str]:
    """Post id → the column it was counted in, from the counting reason's evidence."""
    return {e.post_id: e.column for r in reasons for e in r.evidence if e.column}


def _group(errors: Sequence[TextError]) -> tuple[ErrorGroup, ...]:
    groups: dict[tuple[str, str], list[TextError]] = {}
    for error in errors:
        groups.setdefault((error.unit, error.place), []).append(error)
    return tuple(ErrorGroup(unit, place, tuple(items)) for (unit, place), items in groups.items())


def build_notice_model(county: CountyInfo, result: MonthResult, rules: Rules, stamp: EvaluationStamp) -> NoticeModel:
    """The notice of the stored `result` of a month (the evaluation `stamp` names)."""
    builder = _Builder(result, rules)
    builder.build()
    labels = _labels(rules)
    return NoticeModel(
        county=county,
        result=result,
        rules=rules,
        stamp=stamp,
        summary=result.summary,
        grades={
            "disclosure": _count(result.disclosure, labels["disclosure"], lambda g: g.unit),
            "news": _count(result.news, labels["news"], lambda g: g.unit),
            "new_media": _count(result.new_media, labels["new_media"], lambda g: g.account),
        },
        labels=labels,
        errors={annex: _group(found) for annex, found in builder.errors.items()},
        account_problems=tuple(builder.problems),
        other_failures=tuple(builder.others),
        subjects=tuple(builder.subjects),
        deadline=rectification_deadline(stamp.month, rules.rectification, county.timezone),
    )
