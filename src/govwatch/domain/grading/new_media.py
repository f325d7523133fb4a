"""附件3: 政务新媒体 — originals, recommended reposts and silent runs of each account."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from govwatch.domain.calendar import DayRange
from govwatch.domain.gaps import SilentRun, find_silent_runs
from govwatch.domain.grading.context import Judging
from govwatch.domain.grading.findings import counted_issues, issues_reason
from govwatch.domain.grading.reasons import (
    Evidence,
    EvidenceRole,
    Graded,
    GradeOverride,
    Problem,
    ProblemKind,
    Reason,
    ReasonKind,
)
from govwatch.domain.model import AccountKey, PostKind, PostRecord
from govwatch.domain.rules import NewMediaRules


@dataclass(frozen=True)
class NewMediaGrade(Graded):
    account: AccountKey
    unit: str
    original: int
    recommended: int
    other_reposts: int
    problems: tuple[Problem, ...]
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
    return tuple(Evidence(p.id, p.title, p.published_at, p.url, EvidenceRole.SILENCE_BOUND) for p in chosen)


def account_silences(
    post_days: Iterable[date], month: DayRange, allowed: int | None, monitored_from: date | None
) -> list[SilentRun]:
    """The silent runs of an account that grading counts: longer than `allowed` days, none before the
    account was watched (`monitored_from`). The dashboard's calendar marks these same runs."""
    if allowed is None:
        return []
    return find_silent_runs(post_days, month, allowed, monitored_from)


def grade_account(
    account: AccountKey,
    unit: str,
    posts: Sequence[PostRecord],
    judging: Judging,
    rules: NewMediaRules,
    observed_from: date | None = None,
) -> NewMediaGrade:
    """Grade one account: any problem → fail; no problem and many originals → excellent."""
    labels = rules.grades
    everything = [p for p in posts if p.account == account]
    mine = judging.within(everything)
    by_kind = {kind: [p for p in mine if p.kind is kind] for kind in PostKind}
    original, recommended = len(by_kind[PostKind.ORIGINAL]), len(by_kind[PostKind.RECOMMENDED])
    other = len(by_kind[PostKind.OTHER_REPOST])
    reasons = [Reason(
        ReasonKind.NEW_MEDIA_COUNT,
        {"original": original, "required_original": rules.required_original, "recommended": recommended,
         "required_recommended": rules.required_recommended, "other_reposts": other, "total": len(mine)},
        evidence=tuple(Evidence(p.id, p.title, p.published_at, p.url, post_kind=p.kind) for p in mine),
    )]
    problems: list[Problem] = []

    silent = account_silences([judging.day_of(p) for p in everything], judging.days, rules.max_silent_days,
                              observed_from)
    for run in silent:
        evidence = _bounding_posts(run, everything, judging)
        problems.append(Problem(ProblemKind.SILENT, run.shown, evidence))
        reasons.append(Reason(ReasonKind.NEW_MEDIA_SILENT, {"length": run.shown.days,
                                                             "allowed_days": rules.max_silent_days or 0},
                              days=(run.shown,), evidence=evidence))
    original_posts = [p for p in everything if p.kind is PostKind.ORIGINAL]
    originals = [judging.day_of(p) for p in original_posts]
    for run in account_silences(originals, judging.days, rules.max_original_silent_days, observed_from):
        # A run with no post at all is already reported; it implies no original either.
        if any(run.run.overlaps(s.run) for s in silent):
            continue
        evidence = _bounding_posts(run, original_posts, judging)
        problems.append(Problem(ProblemKind.SILENT_ORIGINAL, run.shown, evidence))
        reasons.append(Reason(ReasonKind.NEW_MEDIA_SILENT_ORIGINAL,
                              {"length": run.shown.days, "allowed_days": rules.max_original_silent_days or 0},
                              days=(run.shown,), evidence=evidence))
    if original < rules.required_original:
        problems.append(Problem(ProblemKind.TOO_FEW_ORIGINAL))
        reasons.append(Reason(ReasonKind.NEW_MEDIA_TOO_FEW_ORIGINAL,
                              {"original": original, "required_original": rules.required_original}))
    exempt = account.platform in rules.recommended_exempt_platforms
    if recommended < rules.min_recommended and not exempt:
        problems.append(Problem(ProblemKind.TOO_FEW_RECOMMENDED))
        reasons.append(Reason(ReasonKind.NEW_MEDIA_TOO_FEW_RECOMMENDED,
                              {"recommended": recommended, "min_recommended": rules.min_recommended}))
    failing = counted_issues(mine, judging.include_suspects, rules.fail_severities)
    if failing:
        serious = issues_reason(ReasonKind.NEW_MEDIA_SERIOUS, failing)
        problems.append(Problem(ProblemKind.SERIOUS_TEXT, evidence=serious.evidence))
        reasons.append(serious)

    if problems:
        computed = labels.fail
        reasons.append(Reason(ReasonKind.NEW_MEDIA_FAIL, {"problems": len(problems)}, grade=labels.fail))
    elif labels.excellent and rules.excellent_min_original is not None and original >= rules.excellent_min_original:
        computed = labels.excellent
        reasons.append(Reason(ReasonKind.NEW_MEDIA_EXCELLENT,
                              {"original": original, "excellent_min_original": rules.excellent_min_original},
                              grade=labels.excellent))
    else:
        computed = labels.pass_
        bar = bool(labels.excellent and rules.excellent_min_original)
        reasons.append(Reason(ReasonKind.NEW_MEDIA_PASS,
                              {"excellent_min_original": rules.excellent_min_original or 0} if bar else {},
                              grade=labels.pass_))
    if exempt and recommended < rules.min_recommended:
        reasons.append(Reason(ReasonKind.NEW_MEDIA_EXEMPT, note=account.platform.value))
    return NewMediaGrade(account, unit, original, recommended, other, tuple(problems), computed, tuple(reasons))
