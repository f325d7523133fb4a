"""Checking stored posts with the proofreading engine and storing what it finds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from govwatch.proofread import CountyLexicon, Proofreader, Suppression
from govwatch.proofread.findings import TextFinding
from govwatch.services.attachment_checking import stored_attachment_findings
from govwatch.store.counties import county_lexicon, own_names
from govwatch.store.findings import add_findings, false_alarm_pairs
from govwatch.store.tables import PostRow, utcnow


def post_text(title: str, text: str) -> str:
    """What is checked: the title on line 1, the body after it."""
    return f"{title}\n{text}" if text else title


def false_alarms(session: Session, county_id: int) -> list[Suppression]:
    """Reviewers' false-alarm verdicts, so that the same finding is not raised again (先审后发 stays quiet)."""
    return [Suppression(rule=rule, wrong=wrong) for rule, wrong in false_alarm_pairs(session, county_id)]


def county_words(session: Session, county_id: int) -> CountyLexicon:
    """The county's stored lexicon with its own names (units, aliases, accounts) allowed: never typos."""
    lexicon = county_lexicon(session, county_id)
    return replace(lexicon, allow=lexicon.allow | own_names(session, county_id))


def county_proofreader(session: Session, county_id: int) -> Proofreader:
    """The engine with the county's stored lexicon, its own names and its reviewers' verdicts: the same
    checker on every path (ingest, crawl, import, workers, 先审后发)."""
    return Proofreader(county=county_words(session, county_id), suppressions=false_alarms(session, county_id))


def findings_of_rows(session: Session, rows: Sequence[PostRow], proofreader: Proofreader) -> dict[int, list[TextFinding]]:
    """Each post's findings (post id → findings): its title and text, then its stored attachments; the
    posts are marked checked."""
    now = utcnow()
    attached = stored_attachment_findings(session, rows, proofreader, lambda row: post_text(row.title, row.text))
    found = {row.id: [*proofreader.check(post_text(row.title, row.text)), *attached.get(row.id, [])] for row in rows}
    for row in rows:
        row.checked_at = now
    return found


def check_posts(session: Session, rows: Sequence[PostRow], proofreader: Proofreader) -> int:
    """Check each post's title and text, store the findings, mark the post checked; returns the count."""
    return add_findings(session, findings_of_rows(session, rows, proofreader))
