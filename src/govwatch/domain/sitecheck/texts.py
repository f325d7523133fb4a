"""严重错误 and personal information, from the proofreader's findings on pages and linked files.

Only serious findings count: lesser wording findings belong to the monthly grading, not to the national
check. Personal information counts when the privacy layer rates it serious (resident ID and bank card
numbers; a mobile number on a 办事指南 is usually the office's own and is left to the grading).
"""

from __future__ import annotations

from collections.abc import Iterable

from govwatch.domain.sitecheck.model import CheckedText, SiteFinding


def text_findings(texts: Iterable[CheckedText]) -> list[SiteFinding]:
    found = []
    for text in texts:
        where = "附件" if text.page else "页面"
        if text.unreadable:
            found.append(SiteFinding(kind="attachment_unreadable", rule="attachment_unreadable", url=text.url,
                                     page=text.page, column=text.column,
                                     detail=f"附件无法读取，未检查：{text.unreadable}"))
        for issue in text.issues:
            if issue.severity != "serious":
                continue
            if issue.type == "privacy":
                found.append(SiteFinding(kind="privacy", rule="privacy", url=text.url, page=text.page,
                                         column=text.column, detail=f"{where}{issue.explanation}（{issue.wrong}）"))
            else:
                fix = f"，应为“{issue.suggestion}”" if issue.suggestion else ""
                found.append(SiteFinding(kind="text_error", rule="text_error", url=text.url, page=text.page,
                                         column=text.column,
                                         detail=f"{where}严重错误：“{issue.wrong}”{fix}"
                                                + (f"（{issue.explanation}）" if issue.explanation else "")))
    return found
