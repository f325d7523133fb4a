"""Ingesting posts: resolve names, store what is new (idempotent), check it, all in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from govwatch.domain.incoming import IncomingPost, ResolvedPost, resolve
from govwatch.errors import InvalidInput
from govwatch.proofread import Proofreader
from govwatch.services.checking import check_posts
from govwatch.store.counties import StoredCounty
from govwatch.store.posts import insert_new_posts, update_changed_posts


class RejectedPosts(InvalidInput):
    """Some posts could not be tied to the county; nothing of the batch is stored."""

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"#{index}: {message}" for index, message in problems))


@dataclass(frozen=True)
class IngestResult:
    added: int
    skipped: int
    findings: int
    updated: int = 0  # stored posts whose title, text or kind changed (an edit, a reclassification)


def resolve_all(stored: StoredCounty, posts: Sequence[IncomingPost]) -> list[ResolvedPost]:
    """Resolve every post or raise RejectedPosts listing each bad one by its index."""
    resolved, problems = [], []
    for index, post in enumerate(posts):
        try:
            resolved.append(resolve(stored.county, post))
        except ValueError as exc:
            problems.append((index, str(exc)))
    if problems:
        raise RejectedPosts(problems)
    return resolved


def ingest_posts(
    session: Session, stored: StoredCounty, posts: Sequence[IncomingPost], proofreader: Proofreader | None,
    update: bool = False,
) -> IngestResult:
    """Store the new posts among `posts` and check them; the caller's transaction makes it all-or-nothing.

    With `update`, a stored post whose title, text or kind changed (edited after publication) takes the
    new ones; changed text loses its findings and is checked again. Without a proofreader the new posts
    stay unchecked (`checked_at` empty) for the workers' checking queue.
    """
    resolved = resolve_all(stored, posts)
    rows = insert_new_posts(session, stored, resolved)
    changed, recheck = update_changed_posts(session, stored, resolved) if update else ([], [])
    found = check_posts(session, rows + recheck, proofreader) if proofreader else 0
    return IngestResult(added=len(rows), skipped=len(posts) - len(rows) - len(changed), findings=found,
                        updated=len(changed))
