"""先审后发: check a draft with the county's proofreader before publishing, and keep its 三审三校 record."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from govwatch.domain.publishing import Signature, check_signature
from govwatch.errors import InvalidInput
from govwatch.proofread import CountyLexicon, Proofreader, Suppression, TextFinding
from govwatch.proofread.documents import read_document
from govwatch.services.checking import county_words, false_alarms
from govwatch.store import audit, publish_checks
from govwatch.store.counties import StoredCounty
from govwatch.store.publish_checks import PublishCheck, add_check, add_signature, signatures


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
               by: str) -> PublishCheck:
    """Keep a checked draft so that its reviews can be signed."""
    if not title.strip():
        raise InvalidInput("请填写稿件标题")
    check = add_check(session, stored.id, unit_id, title.strip(), text, findings, by)
    audit.record(session, by, "publish.check", f"publish_check:{check.id}", {"title": check.title, "findings": findings},
                 county_id=stored.id)
    return check


def steps(session: Session, check_id: int) -> list[Signature]:
    return signatures(session, check_id)


def sign_stage(session: Session, check: PublishCheck, stage: str, by: str, opinion: str) -> Signature:
    """Sign the next stage, as domain.publishing allows."""
    check_signature(signatures(session, check.id), stage, by)
    signed = add_signature(session, check.id, stage, by, opinion.strip())
    audit.record(session, by, "publish.sign", f"publish_check:{check.id}", {"stage": stage}, opinion.strip(),
                 county_id=check.county_id)
    return signed


def get_check(session: Session, stored: StoredCounty, check_id: int) -> PublishCheck:
    return publish_checks.get_check(session, stored.id, check_id)


def recent_checks(session: Session, stored: StoredCounty, unit_id: int | None, limit: int = 50) -> list[PublishCheck]:
    return publish_checks.recent_checks(session, stored.id, unit_id, limit)
