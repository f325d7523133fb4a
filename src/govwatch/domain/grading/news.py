"""附件2: 各镇快讯 / 部门动态 — news items each unit sent to the portal in the month."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from govwatch.domain.gaps import find_silent_runs
from govwatch.domain.grading.context import Judging
from govwatch.domain.grading.findings import counted_issues, issue_evidence, issues_reason
from govwatch.domain.grading.reasons import Evidence, Graded, GradeOverride, Reason, ReasonKind
from govwatch.domain.model import PostRecord
from govwatch.domain.rules import NewsRules


@dataclass(frozen=True)
class NewsGrade(Graded):
    unit: str
    posts: tuple[PostRecord, ...]
    computed: str
    reasons: tuple[Reason, ...]
    override: GradeOverride | None = None


def grade_news(unit: str, posts: Sequence[PostRecord], judging: Judging, rules: NewsRules) -> NewsGrade:
    """Grade a unit's news: none or a serious error fails; enough items and no 错敏词 is excellent."""
    labels = rules.grades
    mine = judging.within(p for p in posts if p.unit == unit and p.column and p.column.channel == rules.channel)
    count = len(mine)
    reasons = [Reason(
        ReasonKind.NEWS_COUNT, {"posts": count},
        evidence=tuple(Evidence(p.id, p.title, p.published_at, p.url, column=p.column.name if p.column else "")
                       for p in mine),
    )]
    failing = counted_issues(mine, judging.include_suspects, rules.fail_severities)
    any_issue = counted_issues(mine, judging.include_suspects)
    runs = []
    if rules.max_silent_days is not None:
        days = [judging.day_of(p) for p in posts if p.unit == unit and p.column and p.column.channel == rules.channel]
        runs = find_silent_runs(days, judging.days, rules.max_silent_days)
    if count < rules.min_posts:
        reasons.append(Reason(ReasonKind.NEWS_TOO_FEW, {"posts": count, "min_posts": rules.min_posts},
                              grade=labels.fail))
        computed = labels.fail
    elif failing:
        reasons.append(issues_reason(ReasonKind.NEWS_SERIOUS, failing, labels.fail))
        computed = labels.fail
    elif runs:
        reasons.append(Reason(ReasonKind.NEWS_SILENT, {"allowed_days": rules.max_silent_days or 0},
                              grade=labels.fail, days=tuple(r.shown for r in runs)))
        computed = labels.fail
    elif labels.excellent and rules.excellent_min_posts is not None and count >= rules.excellent_min_posts:
        figures = {"posts": count, "excellent_min_posts": rules.excellent_min_posts}
        if rules.excellent_requires_no_findings and any_issue:
            reasons.append(Reason(ReasonKind.NEWS_MINOR_BLOCKS_EXCELLENT, figures, grade=labels.pass_,
                                  evidence=issue_evidence(any_issue)))
            computed = labels.pass_
        else:
            reasons.append(Reason(ReasonKind.NEWS_EXCELLENT, figures, grade=labels.excellent))
            computed = labels.excellent
    else:
        reasons.append(Reason(ReasonKind.NEWS_PASS, grade=labels.pass_))
        computed = labels.pass_
    return NewsGrade(unit, tuple(mine), computed, tuple(reasons))
