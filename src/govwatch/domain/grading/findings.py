"""Which text findings of a set of posts count against a unit or account."""

from __future__ import annotations

from collections.abc import Iterable

from govwatch.domain.grading.reasons import Evidence, Reason
from govwatch.domain.model import PostRecord, Severity, TextIssue

SEVERITY_LABELS = {Severity.SERIOUS: "严重", Severity.ERROR: "一般", Severity.WARNING: "提示"}


def counted_issues(
    posts: Iterable[PostRecord], include_suspects: bool, severities: Iterable[Severity] | None = None
) -> list[tuple[PostRecord, TextIssue]]:
    """(post, issue) pairs that grading counts, optionally only of the given severities."""
    wanted = set(severities) if severities is not None else None
    return [
        (post, issue)
        for post in posts
        for issue in post.issues
        if issue.counts(include_suspects) and (wanted is None or issue.severity in wanted)
    ]


def issue_evidence(pairs: Iterable[tuple[PostRecord, TextIssue]]) -> tuple[Evidence, ...]:
    """Evidence lines such as “党的二十精神”应为“党的二十大精神”."""
    return tuple(
        Evidence(
            post.id,
            post.title,
            post.published_at,
            post.url,
            f"“{issue.wrong}”应为“{issue.suggestion}”" if issue.suggestion else f"“{issue.wrong}”",
        )
        for post, issue in pairs
    )


def issues_reason(rule: str, lead: str, pairs: list[tuple[PostRecord, TextIssue]]) -> Reason:
    """A reason that lists the findings, with their severities counted."""
    by_severity: dict[str, int] = {}
    for _, issue in pairs:
        label = SEVERITY_LABELS[issue.severity]
        by_severity[label] = by_severity.get(label, 0) + 1
    counts = "，".join(f"{label}{n}处" for label, n in by_severity.items())
    return Reason(rule, f"{lead}（{counts}）", issue_evidence(pairs))
