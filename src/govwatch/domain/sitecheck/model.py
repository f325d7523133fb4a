"""What a whole-site gathering hands the rules, and what the rules hand back.

The gatherer (collect/site) reads HTML and CSS; these types carry only what the rules judge — dates,
links with the styles that apply to them, meta tags, footer marks, guide fields, 留言 dates — so each
rule can be tested on hand-built pages without a server.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PageType = Literal["home", "list", "article", "guide", "interaction", "other"]
Severity = Literal["veto", "deduct", "notice"]
KINDS = ("home_stale", "column_stale", "column_empty", "dead_link", "hidden_link", "meta_missing",
         "identity_missing", "text_error", "privacy", "interaction_overdue", "guide_incomplete",
         "attachment_unreadable")
"""Finding kinds; `attachment_unreadable` (a linked file that could not be read) is always a notice."""
KIND_LABELS = {"home_stale": "首页不更新", "column_stale": "栏目不更新", "column_empty": "空白栏目",
               "dead_link": "错链断链", "hidden_link": "暗链", "meta_missing": "元数据缺失",
               "identity_missing": "网站标识缺失", "text_error": "严重错误", "privacy": "个人信息泄露",
               "interaction_overdue": "互动回应差", "guide_incomplete": "办事指南要素缺失",
               "attachment_unreadable": "附件无法读取"}
SEVERITY_LABELS = {"veto": "单项否决", "deduct": "扣分", "notice": "提示"}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ElementStyle(_Frozen):
    """The cascaded declarations (lower-cased property → value) of one element, as served CSS gives them."""

    tag: str
    declarations: dict[str, str] = Field(default_factory=dict)


class LinkSeen(_Frozen):
    """A link on a page; `styles` runs from the <a> itself up to <html>, only elements with a relevant style."""

    url: str
    text: str = ""
    styles: tuple[ElementStyle, ...] = ()


class Interaction(_Frozen):
    """A 留言 (citizen's message) detail page: when it was asked and, if it was, answered."""

    asked: date | None
    answered: date | None


class GatheredPage(_Frozen):
    url: str
    type: PageType
    title: str = ""
    column: str | None = None  # ColumnName, or the list page's heading
    column_url: str | None = None  # a list page's column (its first page), grouping a column's pager pages
    meta: dict[str, str] = Field(default_factory=dict)  # lower-cased name → content
    item_dates: tuple[date, ...] = ()  # dates of the items a home or list page shows
    items: int = 0  # items a list page shows (dated or of article shape)
    footer: str = ""  # the footer's text with its images' alt/src and links' hrefs, for identity marks
    links: tuple[LinkSeen, ...] = ()
    fields: dict[str, str] = Field(default_factory=dict)  # a 办事指南's label → value
    interaction: Interaction | None = None


class DeadLink(_Frozen):
    url: str
    page: str
    column: str | None = None
    status: int | None = None
    detail: str = ""


class TextIssue(_Frozen):
    """A proofreader finding on a page's or a file's text (the number itself masked for privacy)."""

    type: str
    severity: str
    wrong: str
    suggestion: str = ""
    explanation: str = ""


class CheckedText(_Frozen):
    """The proofreader's findings on one page's text, or on one linked file (`page` is then the linking page)."""

    url: str
    page: str | None = None
    column: str | None = None
    issues: tuple[TextIssue, ...] = ()
    unreadable: str | None = None  # a file that could not be read, and why


class SiteGathered(_Frozen):
    home: str
    site_hosts: tuple[str, ...]
    pages: tuple[GatheredPage, ...]
    dead_links: tuple[DeadLink, ...] = ()
    texts: tuple[CheckedText, ...] = ()


class SiteFinding(_Frozen):
    kind: str
    rule: str  # the scheme's rule key (interaction_overdue: interaction_unanswered or interaction_late)
    severity: Severity = "notice"
    url: str
    page: str | None = None
    column: str | None = None
    detail: str

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "severity": self.severity, "url": self.url, "page": self.page,
                "column": self.column, "detail": self.detail, "rule": self.rule}
