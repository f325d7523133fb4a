"""Checking a post's attachments (附件): personal information and serious wording errors only.

A 低保 list published as a spreadsheet is the post's fault as much as one pasted into its text, so the
findings are stored against the post that links the file, counted and shown wherever its findings are.
Only the privacy layer's findings and serious ones are kept: a list of names and figures is no prose,
and the typo layers' suspicions there would be false alarms.

Positions continue after the post's own text: the checked document is the title and text, then each
attachment in the order it was stored, one line apart. So the stored findings' (rule, start) key stays
unique, and checking again meets the same findings at the same places. Each explanation names the
file and its URL, the evidence a reviewer opens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from govwatch.domain.attachments import AttachmentText
from govwatch.domain.model import Severity
from govwatch.proofread import Proofreader
from govwatch.proofread.findings import TextFinding
from govwatch.store.attachments import attachments_of, save_attachments
from govwatch.store.findings import add_findings
from govwatch.store.tables import PostRow


def serious_or_private(finding: TextFinding) -> bool:
    return finding.type == "privacy" or finding.severity is Severity.SERIOUS


def attachment_findings(checked_text: str, attachments: Sequence[AttachmentText],
                        proofreader: Proofreader) -> list[TextFinding]:
    """The findings in the attachments of a post whose checked text (title and body) is `checked_text`."""
    found = []
    base = len(checked_text) + 1
    for attachment in attachments:
        for f in proofreader.check(attachment.text):
            if serious_or_private(f):
                found.append(replace(f, start=base + f.start,
                                     explanation=f"{f.explanation}（附件《{attachment.filename}》：{attachment.url}）"))
        base += len(attachment.text) + 1
    return found


def stored_attachment_findings(session: Session, rows: Sequence[PostRow], proofreader: Proofreader,
                               checked_text: Callable[[PostRow], str]) -> dict[int, list[TextFinding]]:
    """The attachment findings of the posts in `rows` that have stored attachments, by post id."""
    stored = attachments_of(session, [row.id for row in rows])
    return {row.id: attachment_findings(checked_text(row), stored[row.id], proofreader)
            for row in rows if row.id in stored}


def store_and_check(session: Session, post_id: int, attachments: Sequence[AttachmentText], checked_text: str,
                    proofreader: Proofreader | None) -> int:
    """Store a newly crawled post's attachments and, with a proofreader, their findings; returns the count.

    Without a proofreader (the workers' queue) the post is still unchecked, and checking it checks these."""
    save_attachments(session, post_id, attachments)
    if proofreader is None:
        return 0
    found = attachment_findings(checked_text, attachments_of(session, [post_id]).get(post_id, []), proofreader)
    return add_findings(session, {post_id: found})
