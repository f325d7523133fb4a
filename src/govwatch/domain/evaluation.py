"""A month evaluated: the three annexes of the notice computed from individual posts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from govwatch.domain.calendar import Month
from govwatch.domain.county import County
from govwatch.domain.grading.context import Judging
from govwatch.domain.grading.disclosure import DisclosureGrade, grade_disclosure
from govwatch.domain.grading.new_media import NewMediaGrade, grade_account
from govwatch.domain.grading.news import NewsGrade, grade_news
from govwatch.domain.grading.reasons import GradeOverride
from govwatch.domain.model import PostRecord
from govwatch.domain.rules import GradeLabels, Rules
from govwatch.errors import InvalidInput

ANNEXES = ("disclosure", "news", "new_media")


@dataclass(frozen=True)
class MonthEvaluation:
    month: Month
    rules: Rules
    disclosure: tuple[DisclosureGrade, ...]
    news: tuple[NewsGrade, ...]
    new_media: tuple[NewMediaGrade, ...]
    disclosure_published_in_month: int

    def is_empty(self) -> bool:
        """No item counted anywhere: nothing was collected for this month."""
        return (
            not any(g.actual for g in self.disclosure)
            and not any(g.posts for g in self.news)
            and not any(g.total for g in self.new_media)
        )


class UnknownOverride(InvalidInput):
    """An override names a unit or account that the annex does not grade."""


def _rank(labels: GradeLabels, grade: str) -> int:
    order = [labels.excellent, labels.pass_, labels.fail]
    return order.index(grade) if grade in order else len(order)


def _apply(grades: Sequence, annex: str, overrides: dict[tuple[str, str], GradeOverride], key) -> tuple:
    out = []
    for grade in grades:
        override = overrides.pop((annex, key(grade)), None)
        out.append(grade if override is None else replace(grade, override=override))
    return tuple(out)


def evaluate_month(
    county: County,
    rules: Rules,
    month: Month,
    posts: Iterable[PostRecord],
    overrides: Iterable[GradeOverride] = (),
) -> MonthEvaluation:
    """Grade every unit and account of `county` for `month` from `posts` (which may span other months)."""
    by_unit: dict[str, list[PostRecord]] = defaultdict(list)
    by_account: dict[str, list[PostRecord]] = defaultdict(list)
    for post in posts:
        by_unit[post.unit].append(post)
        if post.account is not None:
            by_account[str(post.account)].append(post)
    judging = Judging(month, county.county.timezone, rules.findings.count_suspects)
    pending = {(o.annex, o.subject): o for o in overrides}

    rows = county.assignment_rows
    disclosure_units = list(dict.fromkeys(r.unit for r in rows if r.column.channel == rules.disclosure.channel))
    disclosure = [
        grade_disclosure(u, [r for r in rows if r.unit == u and r.column.channel == rules.disclosure.channel],
                         by_unit[u], judging, rules.disclosure)
        for u in disclosure_units
    ]
    news_units = list(dict.fromkeys(r.unit for r in rows if r.column.channel == rules.news.channel))
    news = [grade_news(u, by_unit[u], judging, rules.news) for u in news_units]
    media = [
        grade_account(a.key, a.unit, by_account[str(a.key)], judging, rules.new_media, a.monitored_from)
        for a in county.accounts
    ]

    disclosure_t = _apply(disclosure, "disclosure", pending, lambda g: g.unit)
    news_t = _apply(news, "news", pending, lambda g: g.unit)
    media_t = _apply(media, "new_media", pending, lambda g: str(g.account))
    if pending:
        names = "、".join(f"{annex}:{subject}" for annex, subject in pending)
        raise UnknownOverride(f"人工调整指向不存在的评定对象：{names}")

    d_labels, n_labels, m_labels = rules.disclosure.grades, rules.news.grades, rules.new_media.grades
    order = {u: i for i, u in enumerate(disclosure_units)}
    in_month = {p.id for g in disclosure_t for c in g.columns for p in judging.within(c.posts)}
    return MonthEvaluation(
        month=month,
        rules=rules,
        disclosure=tuple(sorted(disclosure_t, key=lambda g: (_rank(d_labels, g.grade), order[g.unit]))),
        news=tuple(sorted(news_t, key=lambda g: (_rank(n_labels, g.grade), -len(g.posts)))),
        new_media=tuple(sorted(media_t, key=lambda g: (_rank(m_labels, g.grade), -g.original))),
        disclosure_published_in_month=len(in_month),
    )
