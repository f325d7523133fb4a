"""Early warnings (预警): what is about to break a rule, found each day so the unit can act in time.

The monthly notice reports a breach after the month; a warning names the same rule while it can
still be kept: an account some days into a silence, a column short of its quota late in its window,
a rectification whose deadline is near. Silences and windows come from the grading's own logic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from govwatch.domain.calendar import DayRange, Month
from govwatch.domain.county import Assignment, County
from govwatch.domain.cycles import Period
from govwatch.domain.gaps import SilentRun, find_silent_runs
from govwatch.domain.grading.context import Judging
from govwatch.domain.grading.disclosure import count_column
from govwatch.domain.model import PostKind, PostRecord
from govwatch.domain.rectification import RectificationItem, Status
from govwatch.domain.rules import Rules, WarningRules


class WarningKind(StrEnum):
    ACCOUNT_SILENT = "account_silent"
    ACCOUNT_NO_ORIGINAL = "account_no_original"
    NEWS_SILENT = "news_silent"
    COLUMN_SHORT = "column_short"
    RECTIFICATION_DUE = "rectification_due"
    RECTIFICATION_OVERDUE = "rectification_overdue"


KIND_LABELS = {
    WarningKind.ACCOUNT_SILENT: "新媒体未更新",
    WarningKind.ACCOUNT_NO_ORIGINAL: "新媒体原创未更新",
    WarningKind.NEWS_SILENT: "新闻动态未更新",
    WarningKind.COLUMN_SHORT: "栏目更新不足",
    WarningKind.RECTIFICATION_DUE: "整改即将到期",
    WarningKind.RECTIFICATION_OVERDUE: "整改已逾期",
}

_PERIOD_WORDS = {Period.MONTH: "本月", Period.QUARTER: "本季度", Period.HALF_YEAR: "本半年", Period.YEAR: "本年度"}


@dataclass(frozen=True)
class EarlyWarning:
    """One warning: whom it concerns, the figures behind it and the message the unit reads.

    `key` names the situation, not the day (an account's silence by the day it began), so that a
    recipient gets each situation once a day however often warnings are sent.
    """

    kind: WarningKind
    unit: str
    subject: str
    key: str
    message: str
    deadline: date | None = None
    silent_days: int | None = None
    allowed_days: int | None = None
    required: int | None = None
    actual: int | None = None
    broken: bool = False

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


def _current_silence(days: Iterable[date], start: date, today: date, threshold: int) -> SilentRun | None:
    """The run without posts that reaches today, when it already spans `threshold` whole days before today."""
    runs = find_silent_runs(days, DayRange(start, today), threshold, observed_from=start)
    return next((r for r in runs if r.run.end == today), None)


def _silence(
    kind: WarningKind, unit: str, subject: str, what: str, run: SilentRun | None, allowed: int | None,
    unseen_before: date | None = None,
) -> list[EarlyWarning]:
    """The warning for a current silence, told against the rule's limit (`allowed` days; None: no rule).

    A run that starts on `unseen_before` (the first day read, with earlier days not read) may be longer.
    """
    if run is None or allowed is None:
        return []
    silent = run.days - 1  # whole days: today is not over yet
    deadline = run.run.start + timedelta(days=allowed)
    since = (f"自{run.run.start:%m-%d}以来（至少{silent}天）" if run.run.start == unseen_before
             else f"已连续{silent}天（{run.run.start:%m-%d}起）")
    if silent > allowed:
        text = f"{subject}{since}未发布{what}，已超过规定的{allowed}天，请尽快发布"
    else:
        text = f"{subject}{since}未发布{what}，规定不超过{allowed}天，请于{deadline:%m-%d}前（含当日）发布"
    return [EarlyWarning(kind, unit, subject, f"{kind}:{subject}:{run.run.start}", text, deadline=deadline,
                         silent_days=silent, allowed_days=allowed, broken=silent > allowed)]


def _run(days: Iterable[date], start: date, today: date, threshold: int | None) -> SilentRun | None:
    return None if threshold is None else _current_silence(days, start, today, threshold)


def _account_warnings(
    county: County, rules: Rules, posts: Sequence[PostRecord], judging: Judging, today: date, history_start: date
) -> list[EarlyWarning]:
    limits, thresholds = rules.new_media, rules.warnings
    found: list[EarlyWarning] = []
    for account in county.accounts:
        mine = [p for p in posts if p.account == account.key]
        start = max(history_start, account.monitored_from or history_start)
        unseen = history_start if start == history_start and account.monitored_from != history_start else None
        any_run = _run([judging.day_of(p) for p in mine], start, today, thresholds.account_silent_days)
        original_run = _run([judging.day_of(p) for p in mine if p.kind is PostKind.ORIGINAL], start, today,
                            thresholds.account_original_silent_days)
        if limits.max_silent_days is not None and any_run and original_run and any_run.run == original_run.run:
            # A run without any post is also one without an original: say it once, by the stricter rule.
            stricter_original = (limits.max_original_silent_days is not None
                                 and limits.max_original_silent_days < limits.max_silent_days)
            any_run, original_run = (None, original_run) if stricter_original else (any_run, None)
        subject = str(account.key)
        found += _silence(WarningKind.ACCOUNT_SILENT, account.unit, subject, "任何信息", any_run,
                          limits.max_silent_days, unseen)
        found += _silence(WarningKind.ACCOUNT_NO_ORIGINAL, account.unit, subject, "原创信息", original_run,
                          limits.max_original_silent_days, unseen)
    return found


def _news_warnings(
    county: County, rules: Rules, posts: Sequence[PostRecord], judging: Judging, today: date, history_start: date
) -> list[EarlyWarning]:
    channel = rules.news.channel
    units = dict.fromkeys(r.unit for r in county.assignment_rows if r.column.channel == channel)
    found: list[EarlyWarning] = []
    for unit in units:
        days = [judging.day_of(p) for p in posts if p.unit == unit and p.column and p.column.channel == channel]
        run = _run(days, history_start, today, rules.warnings.news_silent_days)
        found += _silence(WarningKind.NEWS_SILENT, unit, f"{unit}（{channel}）", "信息", run,
                          rules.news.max_silent_days, history_start)
    return found


def _warn_from(thresholds: WarningRules, period: Period) -> int | None:
    return {
        Period.MONTH: thresholds.month_column_day,
        Period.QUARTER: thresholds.quarter_column_day,
        Period.HALF_YEAR: thresholds.half_year_column_day,
        Period.YEAR: thresholds.year_column_day,
    }.get(period)


def _column_warning(row: Assignment, posts: Sequence[PostRecord], judging: Judging, today: date,
                    thresholds: WarningRules) -> EarlyWarning | None:
    """A column due at the end of this month, short of its quota from the configured day on."""
    from_day = _warn_from(thresholds, row.cycle.period)
    month = judging.month
    if from_day is None or not row.cycle.is_due(month) or today.day < min(from_day, month.last_day.day):
        return None
    count = count_column(row, posts, judging)
    if count.actual >= count.required:
        return None
    window = row.cycle.window(month)
    name = f"{row.column.channel}·{row.column.name}"
    text = (f"栏目“{name}”{_PERIOD_WORDS[row.cycle.period]}应更新{count.required}条（{row.cycle}），"
            f"目前{count.actual}条，请于{window.end:%m-%d}前更新")
    key = f"{WarningKind.COLUMN_SHORT}:{row.unit}:{row.column}:{window.start}"  # shared columns: one per unit
    return EarlyWarning(WarningKind.COLUMN_SHORT, row.unit, name, key, text, deadline=window.end,
                        required=count.required, actual=count.actual)


def _rectification_warnings(
    items: Sequence[RectificationItem], thresholds: WarningRules, today: date, timezone: str
) -> list[EarlyWarning]:
    zone = ZoneInfo(timezone)
    day_start = datetime.combine(today, time.min, zone)
    found = []
    for item in items:
        if item.status is not Status.OPEN:
            continue
        due = item.deadline.astimezone(zone)
        overdue = item.overdue(day_start)
        left = (due.date() - today).days
        if not overdue and left > thresholds.rectification_days_before:
            continue
        kind = WarningKind.RECTIFICATION_OVERDUE if overdue else WarningKind.RECTIFICATION_DUE
        if overdue:
            state = f"已于{due:%m-%d %H:%M}逾期"
        elif left == 0:
            state = f"将于今天{due:%H:%M}截止"
        else:
            state = f"将于{'明天' if left == 1 else f'{left}天后'}（{due:%m-%d %H:%M}）截止"
        text = f"{item.month}通报的整改事项“{item.subject}”{state}，尚未反馈整改情况"
        found.append(EarlyWarning(kind, item.unit, item.subject, f"{kind}:{item.id}", text,
                                  deadline=due.date(), broken=overdue))
    return found


def due_warnings(
    county: County,
    rules: Rules,
    posts: Sequence[PostRecord],
    rectifications: Sequence[RectificationItem],
    today: date,
    history_start: date,
) -> list[EarlyWarning]:
    """Every warning due on `today` from the posts published up to today (those since `history_start`).

    A silence cannot be seen to begin before `history_start`, the first day the posts cover.
    """
    judging = Judging(Month.of(today), county.county.timezone, rules.findings.count_suspects)
    seen = [p for p in posts if judging.day_of(p) <= today]
    by_unit: dict[str, list[PostRecord]] = defaultdict(list)
    for p in seen:
        by_unit[p.unit].append(p)
    thresholds = rules.warnings
    columns = [_column_warning(r, by_unit[r.unit], judging, today, thresholds) for r in county.assignment_rows]
    return [
        *_account_warnings(county, rules, seen, judging, today, history_start),
        *_news_warnings(county, rules, seen, judging, today, history_start),
        *(w for w in columns if w is not None),
        *_rectification_warnings(rectifications, thresholds, today, county.county.timezone),
    ]
