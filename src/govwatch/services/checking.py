"""Checking stored posts with the proofreading engine and storing what it finds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from govwatch.proofread import CountyLexicon, Proofreader, Suppression
from govwatch.services.attachment_checking import stored_attachment_findings
from govwatch.store.counties import county_lexicon
from govwatch.store.tables import AccountRow, FindingRow, PostRow, UnitRow, utcnow


def post_text(title: str, text: str) -> str:
    """What is checked: the title on line 1, the body after it."""
    return f"{title}\n{text}" if text else title


def false_alarms(session: Session, county_id: int) -> list[Suppression]:
    """Reviewers' false-alarm verdicts, so that the same finding is not raised again (先审后发 stays quiet)."""
    rows = session.execute(
        select(FindingRow.rule, FindingRow.wrong)
        .join(PostRow, PostRow.id == FindingRow.post_id)
        .where(PostRow.county_id == county_id, FindingRow.status == "false_alarm")
        .distinct()
    )
    return [Suppression(rule=rule, wrong=wrong) for rule, wrong in rows]


def own_names(session: Session, county_id: int) -> frozenset[str]:
    """The county's unit names and aliases and its account names (县卫健局, 眉县发布): its own proper
    nouns, never typos."""
    names: set[str] = set()
    for name, aliases in session.execute(select(UnitRow.name, UnitRow.aliases).where(UnitRow.county_id == county_id)):
        names.update([name, *(aliases or [])])
    names.update(session.scalars(select(AccountRow.name).where(AccountRow.county_id == county_id)))
    return frozenset(names)


def county_words(session: Session, county_id: int) -> CountyLexicon:
    """The county's stored lexicon with its own names allowed."""
    lexicon = county_lexicon(session, county_id)
    return replace(lexicon, allow=lexicon.allow | own_names(session, county_id))


def county_proofreader(session: Session, county_id: int) -> Proofreader:
    """The engine with the county's stored lexicon, its own names and its reviewers' verdicts: the same
    checker on every path (ingest, crawl, import, workers, 先审后发)."""
    return Proofreader(county=county_words(session, county_id), suppressions=false_alarms(session, county_id))


def check_posts(session: Session, rows: Sequence[PostRow], proofreader: Proofreader) -> int:
    """Check each row's title and text, store the findings, mark the row checked; returns the count."""
    now = utcnow()
    found: list[FindingRow] = []
    attached = stored_attachment_findings(session, rows, proofreader, lambda row: post_text(row.title, row.text))
    for row in rows:
        found += finding_rows(row.id, proofreader.check(post_text(row.title, row.text))) + attached.get(row.id, [])
        row.checked_at = now
    session.add_all(found)
    session.flush()
    return len(found)


def finding_rows(post_id: int, findings: Iterable) -> list[FindingRow]:
    """One row per (rule, position): the unique key of stored findings."""
    seen: set[tuple[str, int]] = set()
    rows = []
    for f in findings:
        if (f.rule, f.start) in seen:
            continue
        seen.add((f.rule, f.start))
        rows.append(FindingRow(
            post_id=post_id, rule=f.rule, type=f.type, severity=f.severity, certain=f.certain, wrong=f.wrong,
            suggestion=f.suggestion, start=f.start, line=f.line, offset=f.offset, length=f.length,
            explanation=f.explanation,
        ))
    return rows
