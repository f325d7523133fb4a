"""先审后发: check a draft with the county's proofreader before publishing, and keep its 三审三校 record."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from govwatch.errors import InvalidInput, NotAllowed, NotFound
from govwatch.proofread import CountyLexicon, Proofreader, Suppression, TextFinding
from govwatch.proofread.documents import read_document
from govwatch.services.checking import county_words, false_alarms
from govwatch.store import audit
from govwatch.store.counties import StoredCounty
from govwatch.store.web_tables import PublishCheckRow, PublishStepRow

STAGES = ("初审", "复审", "终审")


@dataclass(frozen=True)
class Segment:
    """A piece of the draft: plain text, or the text of a finding (to highlight) with the finding."""

    text: str
    finding: TextFinding | None = None


@dataclass(frozen=True)
class DraftChecker:
    """What the county's proofreader is built from, as plain values: it crosses into the process that
    checks a draft (`services.isolated`), where no database session goes."""

    county: CountyLexicon
    suppressions: tuple[Suppression, ...]

    def check(self, text: str) -> list[TextFinding]:
        """The findings in `text`, with the county's reviewers' false-alarm verdicts applied."""
        return Proofreader(county=self.county, suppressions=self.suppressions).check(text)

    def read_and_check(self, text: str, upload: tuple[str, bytes] | None) -> tuple[str, list[TextFinding]]:
        """The draft's text (the uploaded file's, when one is given) and its findings; `UnreadableDocument`
        for a file that cannot be read."""
        if upload is not None:
            text = read_document(*upload)
        return text, self.check(text)


def draft_checker(session: Session, stored: StoredCounty) -> DraftChecker:
    """The county's checker as `county_proofreader` builds it, for a draft checked in another process."""
    return DraftChecker(county_words(session, stored.id), tuple(false_alarms(session, stored.id)))


def segments(text: str, findings: list[TextFinding]) -> list[Segment]:
    """Split the draft around the findings (which never overlap) so a page can mark each in place."""
    out: list[Segment] = []
    cursor = 0
    for f in sorted(findings, key=lambda f: f.start):
        if f.start < cursor:
            continue
        if f.start > cursor:
            out.append(Segment(text[cursor:f.start]))
        out.append(Segment(text[f.start:f.start + f.length], f))
        cursor = f.start + f.length
    if cursor < len(text):
        out.append(Segment(text[cursor:]))
    return out


def save_check(session: Session, stored: StoredCounty, unit_id: int | None, title: str, text: str, findings: int,
               by: str) -> PublishCheckRow:
    """Keep a checked draft so that its reviews can be signed."""
    if not title.strip():
        raise InvalidInput("请填写稿件标题")
    row = PublishCheckRow(county_id=stored.id, unit_id=unit_id, title=title.strip(), text=text, findings=findings,
                          created_by=by)
    session.add(row)
    session.flush()
    audit.record(session, by, "publish.check", f"publish_check:{row.id}", {"title": row.title, "findings": findings},
                 county_id=stored.id)
    return row


def steps(session: Session, check_id: int) -> list[PublishStepRow]:
    return list(session.scalars(select(PublishStepRow).where(PublishStepRow.check_id == check_id)
                                .order_by(PublishStepRow.id)))


def next_stage(done: list[PublishStepRow]) -> str | None:
    """The stage to sign next (初审 → 复审 → 终审), None when all three are signed."""
    return STAGES[len(done)] if len(done) < len(STAGES) else None


def sign_stage(session: Session, check: PublishCheckRow, stage: str, by: str, opinion: str) -> PublishStepRow:
    """Sign the next stage; stages go in order, and one person cannot sign two stages of the same draft."""
    done = steps(session, check.id)
    expected = next_stage(done)
    if expected is None:
        raise NotAllowed("该稿件三审已全部完成")
    if stage != expected:
        raise NotAllowed(f"应先完成“{expected}”，不能直接进行“{stage}”")
    if any(s.by == by for s in done):
        raise NotAllowed("同一人不能对同一稿件进行两级审核")
    row = PublishStepRow(check_id=check.id, stage=stage, by=by, opinion=opinion.strip())
    session.add(row)
    session.flush()
    audit.record(session, by, "publish.sign", f"publish_check:{check.id}", {"stage": stage}, opinion.strip(),
                 county_id=check.county_id)
    return row


def get_check(session: Session, stored: StoredCounty, check_id: int) -> PublishCheckRow:
    row = session.get(PublishCheckRow, check_id)
    if row is None or row.county_id != stored.id:
        raise NotFound(f"没有编号为 {check_id} 的稿件")
    return row


def recent_checks(session: Session, stored: StoredCounty, unit_id: int | None,
                  limit: int = 50) -> list[PublishCheckRow]:
    query = select(PublishCheckRow).where(PublishCheckRow.county_id == stored.id)
    if unit_id is not None:
        query = query.where(PublishCheckRow.unit_id == unit_id)
    return list(session.scalars(query.order_by(PublishCheckRow.id.desc()).limit(limit)))
