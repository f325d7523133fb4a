"""互动回应差: a 留言 unanswered too long after it was asked, or answered too many working days later."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from govwatch.domain.sitecheck.model import GatheredPage, SiteFinding
from govwatch.domain.sitecheck.workdays import workdays_between

ESTIMATED = "（含节假日安排未收录的年份，按周一至周五计）"


def interaction_overdue(pages: Iterable[GatheredPage], today: date, unanswered_days: int,
                        answer_workdays: int) -> list[SiteFinding]:
    found = []
    for page in pages:
        message = page.interaction
        if page.type != "interaction" or message is None or message.asked is None:
            continue
        asked = message.asked
        if message.answered is None:
            waited = (today - asked).days
            if waited > unanswered_days:
                found.append(SiteFinding(kind="interaction_overdue", rule="interaction_unanswered", url=page.url,
                                         column=page.column,
                                         detail=f"留言于 {asked:%Y-%m-%d} 提出，已 {waited} 天未答复"
                                                f"（超过 {unanswered_days} 天）"))
            continue
        count = workdays_between(asked, message.answered)
        if count.days > answer_workdays:
            found.append(SiteFinding(kind="interaction_overdue", rule="interaction_late", url=page.url,
                                     column=page.column,
                                     detail=f"留言于 {asked:%Y-%m-%d} 提出，{message.answered:%Y-%m-%d} 才答复，"
                                            f"用时 {count.days} 个工作日（超过 {answer_workdays} 个工作日）"
                                            + (ESTIMATED if count.estimated else "")))
    return found
