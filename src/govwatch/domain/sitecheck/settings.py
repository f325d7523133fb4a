"""The site-check's thresholds and the national scheme's weights, as rules.yaml `site_check:` holds them.

Every value comes from the shipped preset `presets/national_indicators.yaml` (documented in docs/rules.md,
assumptions marked there); a county overrides single keys under `site_check:` in its rules.yaml.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from govwatch.domain.sitecheck.model import Severity


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class ColumnWindows(_Strict):
    """How long a column may go without an item, by the words its name contains."""

    news_words: tuple[str, ...] = Field(description="动态/要闻/新闻-type columns")
    news_days: int = Field(ge=1)
    notice_words: tuple[str, ...] = Field(description="通知公告/政策文件-type columns")
    notice_months: int = Field(ge=1)
    configured: dict[str, int] = Field(default_factory=dict,
                                       description="other columns by name → days, from the county's cycles")


class RuleWeight(_Strict):
    """How the scheme counts one rule's findings.

    `severity` is the finding's own; `veto_at` findings or more of the rule make them all a single veto
    (`veto_indicator`); a deduction takes `points` per finding, at most `cap` for the indicator."""

    severity: Severity
    indicator: str
    points: float = Field(default=0, ge=0)
    veto_at: int | None = Field(default=None, ge=1)
    veto_indicator: str | None = None
    assumed: bool = Field(default=False, description="the point value is not published: an assumption")


class Scheme(_Strict):
    name: str
    full_marks: float = Field(gt=0)
    pass_mark: float = Field(ge=0)
    caps: dict[str, float] = Field(default_factory=dict, description="indicator → most points it may lose")
    rules: dict[str, RuleWeight]


class SiteCheckRules(_Strict):
    home_days: int = Field(ge=1, description="the home page must show an item dated within this many days")
    columns: ColumnWindows
    interaction_unanswered_days: int = Field(ge=1, description="a 留言 unanswered longer than this: overdue")
    interaction_answer_workdays: int = Field(ge=1, description="an answer later than this many working days: late")
    guide_fields: dict[str, tuple[str, ...]] = Field(description="a 办事指南's required element → the labels it goes by")
    identity_marks: tuple[str, ...] = Field(description="the footer marks required on every page")
    scheme: Scheme
