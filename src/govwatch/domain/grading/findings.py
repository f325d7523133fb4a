"""Which text findings of a set of posts count against a unit or account."""

from __future__ import annotations

from collections.abc import Iterable

from govwatch.domain.grading.reasons import Evidence, EvidenceRole, FoundIssue, Reason, ReasonKind
from govwatch.domain.model import PostRecord, Severity, TextIssue


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
    """One evidence item per counted finding: the post and the wrong and right forms."""
    return tuple(
        Evidence(post.id, post.title, post.published_at, post.url, EvidenceRole.FINDING,
                 issue=FoundIssue(issue.severity, issue.wrong, issue.suggestion, issue.id))
        for post, issue in pairs
    )


def issues_reason(kind: ReasonKind, pairs: list[tuple[PostRecord, TextIssue]], grade: str | None = None) -> Reason:
    """A reason that lists the findings, with their severities counted (in order of first appearance)."""
    by_severity: dict[Severity, int] = {}
    for _, issue in pairs:
        by_severity[issue.severity] = by_severity.get(issue.severity, 0) + 1
    return Reason(kind, grade=grade, severities=by_severity, evidence=issue_evidence(pairs))
