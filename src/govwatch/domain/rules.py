"""A county's grading rules (评定规则), read from its `rules.yaml`: every threshold is a setting.

The defaults are none: a rules file states each figure, so that what a county applies is
written down where its officials can read it. Presets (`preset: national`) supply a base.
"""

from __future__ import annotations

from datetime import time
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, PositiveInt

from govwatch.domain import limits
from govwatch.domain.crawl_issues import CrawlIssueKind
from govwatch.domain.model import Platform, Severity
from govwatch.domain.sitecheck.settings import SiteCheckRules

# A grade as the notice prints it (优秀, 合格, 不合格, 差); stored beside each evaluation.
GradeLabel = Annotated[str, limits.name(limits.GRADE_LABEL)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GradeLabels(_Strict):
    excellent: GradeLabel | None = Field(description="the top grade (优秀); null: not awarded")
    pass_: GradeLabel = Field(alias="pass")
    fail: GradeLabel


class FindingRules(_Strict):
    count_suspects: bool = Field(
        description="count statistical suspects (疑似) before a reviewer confirms them"
    )


class DisclosureRules(_Strict):
    """附件1: 政府信息公开 columns against the 任务分解表."""

    channel: str
    excellent_surplus: NonNegativeInt | None = Field(description="Σactual − Σrequired at least this → excellent")
    fail_severities: tuple[Severity, ...] = Field(description="a finding of these severities fails the unit")
    fail_on_shortfall: bool = Field(description="a due column with fewer items than required fails the unit")
    grades: GradeLabels


class NewsRules(_Strict):
    """附件2: 各镇快讯 / 部门动态."""

    channel: str
    min_posts: NonNegativeInt = Field(description="fewer items in the month fails the unit")
    excellent_min_posts: NonNegativeInt | None
    excellent_requires_no_findings: bool = Field(description="any finding (错敏词) blocks excellent")
    fail_severities: tuple[Severity, ...]
    max_silent_days: PositiveInt | None = Field(description="a longer run without news fails the unit (national: 14)")
    grades: GradeLabels


class NewMediaWording(_Strict):
    silent: str = Field(description="problem text for a run without any post; {range} is 06-01至06-08")
    silent_original: str
    too_few_recommended: str
    too_few_original: str
    serious_text: str


class NewMediaRules(_Strict):
    """附件3: 政务新媒体."""

    required_original: NonNegativeInt = Field(description="original posts required a month (shown in the table)")
    required_recommended: NonNegativeInt = Field(description="recommended reposts required a month (shown in the table)")
    min_recommended: NonNegativeInt = Field(description="fewer recommended reposts is a problem")
    recommended_exempt_platforms: tuple[Platform, ...] = ()
    max_silent_days: PositiveInt | None = Field(description="a longer run without any post is a problem")
    max_original_silent_days: PositiveInt | None = Field(description="a longer run without an original post is a problem")
    excellent_min_original: NonNegativeInt | None = Field(description="accounts with no problem and this many originals → excellent")
    fail_severities: tuple[Severity, ...]
    wording: NewMediaWording
    grades: GradeLabels


class RectificationRules(_Strict):
    """整改: when the units named in a notice must report what they corrected."""

    deadline_day: int = Field(ge=1, le=31, description="day of the month after the judged one (the seed: 20)")
    deadline_time: time = Field(description="time of day on that day, in the county's time zone (the seed: 18:00)")


class AnnexPoints(_Strict):
    """Points an annex deducts in the annual assessment, per month."""

    fail: float = Field(ge=0, allow_inf_nan=False, description="deducted when the subject gets the annex's failing grade")
    per_problem: float = Field(ge=0, allow_inf_nan=False, description="deducted for each problem listed (a text error, a silence …)")


class AssessmentRules(_Strict):
    """年度考核: what a notified problem costs a unit in the annual target assessment."""

    name: str = Field(description="the assessment's name, e.g. 智慧城市建设和政务公开目标责任考核")
    disclosure: AnnexPoints
    news: AnnexPoints
    new_media: AnnexPoints
    overdue_rectification: float = Field(ge=0, allow_inf_nan=False, description="deducted when a rectification is reported late")


class WarningRules(_Strict):
    """预警: how early, before a rule is broken, the responsible unit is warned.

    Unlike the grading figures these have defaults, so that rules stored before warnings existed
    still load; a county writes its own under `warnings:`.
    """

    account_silent_days: int | None = Field(
        default=5, ge=1, description="warn an account this many whole days without any post (null: never)"
    )
    account_original_silent_days: int | None = Field(
        default=5, ge=1, description="warn an account this many whole days without an original post"
    )
    news_silent_days: int | None = Field(
        default=10, ge=1, description="warn a unit this many whole days without news, where news.max_silent_days is set"
    )
    month_column_day: int = Field(
        default=20, ge=1, le=31, description="from this day of the month, warn a monthly column short of its quota"
    )
    quarter_column_day: int = Field(
        default=1, ge=1, le=31, description="from this day of a quarter's last month, warn a quarterly column"
    )
    half_year_column_day: int = Field(default=1, ge=1, le=31, description="from this day of June and December")
    year_column_day: int = Field(default=1, ge=1, le=31, description="from this day of December, warn a yearly column")
    rectification_days_before: int = Field(
        default=1, ge=0, description="warn an unanswered rectification this many days before its deadline, and after"
    )


class CrawlFindingRules(_Strict):
    """链接与采集问题 in grades: the portal crawl's findings on a unit's columns (docs/rules.md).

    Off unless a county turns it on (with defaults, so that rules stored before it existed still load): the
    findings are shown on the dashboard and in the annex workbook either way.
    """

    count: bool = Field(default=False, description="count the month's crawl findings in the column annexes' grades")
    kinds: tuple[CrawlIssueKind, ...] = Field(
        default=(CrawlIssueKind.DEAD_LINK, CrawlIssueKind.EXTERNAL_LINK), min_length=1,
        description="which kinds count (dead_link, external_link, robots, pager_cap …)",
    )
    annexes: tuple[Literal["disclosure", "news"], ...] = Field(
        default=("disclosure", "news"), min_length=1, description="the annexes whose units they count against"
    )
    fail_at: PositiveInt | None = Field(
        default=1, description="this many counted findings on a unit's columns of the annex fail it (null: reason only)"
    )


class Rules(_Strict):
    name: str = Field(description="what these rules are, for the notice and the dashboard")
    findings: FindingRules
    disclosure: DisclosureRules
    news: NewsRules
    new_media: NewMediaRules
    rectification: RectificationRules
    assessment: AssessmentRules
    warnings: WarningRules = WarningRules()
    site_check: SiteCheckRules | None = Field(
        default=None, description="网站自查: the shipped national_indicators preset with the county's overrides"
    )
    rule_names: dict[str, str] = Field(
        default_factory=dict, description="the words for each reason's rule code (disclosure.count → 更新条数统计) in the annexes"
    )

    def rule_name(self, code: str) -> str:
        """The county's words for a rule code; the code itself where the rules file names none."""
        return self.rule_names.get(code, code)
    crawl_findings: CrawlFindingRules = CrawlFindingRules()
