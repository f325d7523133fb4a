"""链接与采集问题 counted in the column annexes (附件1, 附件2), where the county's rules.yaml turns it on
(`crawl_findings.count`): a unit whose columns of the annex's channel hold `fail_at` or more of the month's
counted crawl findings gets the annex's failing grade, and every counted finding is named in a reason.

A step after the annexes are graded, so that counting them or not never touches the text and quota rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from govwatch.domain.crawl_issues import KIND_LABELS, CrawlIssue
from govwatch.domain.evaluation import MonthEvaluation
from govwatch.domain.grading.reasons import Reason, ReasonKind
from govwatch.domain.rules import CrawlFindingRules, GradeLabels

SHOWN = 5  # links named in a reason; the annex workbook's sheet lists them all


def count_crawl_issues(evaluation: MonthEvaluation, issues: Sequence[CrawlIssue],
                       rules: CrawlFindingRules) -> MonthEvaluation:
    """`evaluation` with the month's crawl `issues` counted as `rules` say (unchanged when they are off)."""
    if not rules.count:
        return evaluation
    counted = [i for i in issues if i.kind in rules.kinds and i.column is not None]
    changed: dict[str, Any] = {}
    for annex in rules.annexes:
        annex_rules = getattr(evaluation.rules, annex)
        mine = [i for i in counted if i.column is not None and i.column.channel == annex_rules.channel]
        grades = [_counted(g, [i for i in mine if g.unit in i.units], annex, annex_rules.grades, rules.fail_at)
                  for g in getattr(evaluation, annex)]
        # a unit failed here joins the failing ones; the order within each grade stays as grading left it
        changed[annex] = tuple(sorted(grades, key=lambda g: g.grade == annex_rules.grades.fail))
    return replace(evaluation, **changed)


def _counted(grade: Any, issues: list[CrawlIssue], annex: str, labels: GradeLabels, fail_at: int | None) -> Any:
    if not issues:
        return grade
    # The kinds and links named are values, not figures: they travel in `note`, worded by reports/wording.
    kinds = "、".join(f"{KIND_LABELS[kind]}{n}处" for kind, n in Counter(i.kind for i in issues).items())
    links = "；".join(i.url for i in issues[:SHOWN]) + ("等" if len(issues) > SHOWN else "")
    failing = fail_at is not None and len(issues) >= fail_at
    reason = Reason(ReasonKind(f"{annex}.crawl_issues"), figures={"issues": len(issues), "fail_at": fail_at or 0},
                    grade=labels.fail if failing else None, note=f"{kinds}：{links}")
    return replace(grade, computed=labels.fail if failing else grade.computed, reasons=(*grade.reasons, reason))
