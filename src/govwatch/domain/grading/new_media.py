"""附件3: 政务新媒体 — originals, recommended reposts and silent runs of each account."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from govwatch.domain.gaps import SilentRun, find_silent_runs
from govwatch.domain.grading.context import Judging
from govwatch.domain.grading.findings import counted_issues, issues_reason
from govwatch.domain.grading.reasons import Evidence, Graded, GradeOverride, Reason
from govwatch.domain.model import AccountKey, PostKind, PostRecord
from govwatch.domain.rules import NewMediaRules


@dataclass(frozen=True)
class NewMediaGrade(Graded):
    account: AccountKey
    unit: str
    original: int
    recommended: int
    other_reposts: int
    problems: tuple[str, ...]
    computed: str
    reasons: tuple[Reason, ...]
    override: GradeOverride | None = None

    @property
    def reposts(self) -> int:
        return self.recommended + self.other_reposts

    @property
    def total(self) -> int:
        return self.original + self.reposts


def _bounding_posts(run: SilentRun, posts: Sequence[PostRecord], judging: Judging) -> tuple[Evidence, ...]:
    """The last post before a silence and the first after it: the evidence that it happened."""
    before = [p for p in posts if judging.day_of(p) < run.run.start]
    after = [p for p in posts if judging.day_of(p) > run.run.end]
    chosen = ([max(before, key=lambda p: p.published_at)] if before else []) + (
        [min(after, key=lambda p: p.published_at)] if after else []
    )
    return tuple(Evidence(p.id, p.title, p.published_at, p.url, "静默期前后的发布") for p in chosen)


def _silences(
    days: list[date], judging: Judging, allowed: int | None, observed_from: date | None
) -> list[SilentRun]:
    if allowed is None:
        return []
    return find_silent_runs(days, judging.days, allowed, observed_from)


def grade_account(
    account: AccountKey,
    unit: str,
    posts: Sequence[PostRecord],
    judging: Judging,
    rules: NewMediaRules,
    observed_from: date | None = None,
) -> NewMediaGrade:
    """Grade one account: any problem → fail; no problem and many originals → excellent."""
    labels, words = rules.grades, rules.wording
    everything = [p for p in posts if p.account == account]
    mine = judging.within(everything)
    by_kind = {kind: [p for p in mine if p.kind is kind] for kind in PostKind}
    original, recommended = len(by_kind[PostKind.ORIGINAL]), len(by_kind[PostKind.RECOMMENDED])
    other = len(by_kind[PostKind.OTHER_REPOST])
    reasons = [Reason(
        "new_media.count",
        f"原创{original}条（要求{rules.required_original}条），推荐转载{recommended}条（要求{rules.required_recommended}条），"
        f"其它转载{other}条，合计{len(mine)}条",
        tuple(Evidence(p.id, p.title, p.published_at, p.url, p.kind.value) for p in mine),
    )]
    problems: list[str] = []

    silent = _silences([judging.day_of(p) for p in everything], judging, rules.max_silent_days, observed_from)
    for run in silent:
        problems.append(words.silent.format(range=run.shown.label()))
        reasons.append(Reason(
            "new_media.silent",
            f"{run.shown.label()}共{run.shown.days}天无任何更新（允许{rules.max_silent_days}天）",
            _bounding_posts(run, everything, judging),
        ))
    original_posts = [p for p in everything if p.kind is PostKind.ORIGINAL]
    originals = [judging.day_of(p) for p in original_posts]
    for run in _silences(originals, judging, rules.max_original_silent_days, observed_from):
        # A run with no post at all is already reported; it implies no original either.
        if any(run.run.overlaps(s.run) for s in silent):
            continue
        problems.append(words.silent_original.format(range=run.shown.label()))
        reasons.append(Reason(
            "new_media.silent_original",
            f"{run.shown.label()}共{run.shown.days}天无原创信息（允许{rules.max_original_silent_days}天）",
            _bounding_posts(run, original_posts, judging),
        ))
    if original < rules.required_original:
        problems.append(words.too_few_original)
        reasons.append(Reason("new_media.too_few_original", f"原创{original}条，少于要求的{rules.required_original}条"))
    exempt = account.platform in rules.recommended_exempt_platforms
    if recommended < rules.min_recommended and not exempt:
        problems.append(words.too_few_recommended)
        reasons.append(Reason(
            "new_media.too_few_recommended", f"推荐转载{recommended}条，少于{rules.min_recommended}条"
        ))
    failing = counted_issues(mine, judging.include_suspects, rules.fail_severities)
    if failing:
        problems.append(words.serious_text)
        reasons.append(issues_reason("new_media.serious", "发布信息存在严重表述错误", failing))

    if problems:
        computed = labels.fail
        reasons.append(Reason("new_media.fail", f"存在突出问题{len(problems)}项，评为{labels.fail}"))
    elif labels.excellent and rules.excellent_min_original is not None and original >= rules.excellent_min_original:
        computed = labels.excellent
        reasons.append(Reason(
            "new_media.excellent", f"无突出问题，原创{original}条（≥{rules.excellent_min_original}条），评为{labels.excellent}"
        ))
    else:
        computed = labels.pass_
        note = f"，原创未达{rules.excellent_min_original}条" if labels.excellent and rules.excellent_min_original else ""
        reasons.append(Reason("new_media.pass", f"无突出问题{note}，评为{labels.pass_}"))
    if exempt and recommended < rules.min_recommended:
        reasons.append(Reason("new_media.exempt", f"{account.platform}为视频平台，不考核推荐转载数量"))
    return NewMediaGrade(account, unit, original, recommended, other, tuple(problems), computed, tuple(reasons))
