"""Recording manual grade adjustments after checking that the subject and grade exist."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict
from sqlalchemy.orm import Session

from govwatch.config.loader import validate_file
from govwatch.domain.calendar import Month
from govwatch.domain.evaluation import ANNEXES
from govwatch.domain.grading.reasons import GradeOverride
from govwatch.domain.rules import DisclosureRules, NewMediaRules, NewsRules
from govwatch.errors import InvalidInput
from govwatch.store.counties import StoredCounty
from govwatch.store.overrides import add_override

ANNEX_NAMES = {"disclosure": "附件1 信息公开", "news": "附件2 各镇快讯、部门动态", "new_media": "附件3 政务新媒体"}


def canonical_subject(stored: StoredCounty, annex: str, subject: str) -> str:
    """The stored name of a unit (aliases allowed) or account (名称 or 名称（平台）)."""
    if annex not in ANNEXES:
        raise InvalidInput(f"附件应为 {'、'.join(ANNEXES)}，收到“{annex}”")
    if annex == "new_media":
        name, _, platform = subject.partition("（")
        return str(stored.county.account(name, platform.rstrip("）") or None).key)
    return stored.county.unit(subject).name


def record_override(session: Session, stored: StoredCounty, month: Month, override: GradeOverride) -> GradeOverride:
    """Store an adjustment whose subject resolves and whose grade is one of the annex's grades."""
    rules: dict[str, DisclosureRules | NewsRules | NewMediaRules] = {"disclosure": stored.rules.disclosure, "news": stored.rules.news, "new_media": stored.rules.new_media}
    subject = canonical_subject(stored, override.annex, override.subject)
    labels = rules[override.annex].grades
    allowed = [g for g in (labels.excellent, labels.pass_, labels.fail) if g]
    if override.grade not in allowed:
        raise InvalidInput(f"{ANNEX_NAMES[override.annex]}的等次应为 {'、'.join(allowed)}，收到“{override.grade}”")
    fixed = GradeOverride(override.annex, subject, override.grade, override.reason, override.by, override.at)
    add_override(session, stored.id, month, fixed)
    return fixed


class OverridesFile(BaseModel):
    """An overrides file (examples/meixian/overrides/2023-06.yaml): the month and its adjustments."""

    model_config = ConfigDict(extra="forbid")
    month: str
    overrides: list[GradeOverride]


def load_overrides_file(session: Session, stored: StoredCounty, path: Path) -> list[GradeOverride]:
    """Record every adjustment of a file; a bad entry names its line and nothing is stored."""
    data = validate_file(OverridesFile, Path(path))
    month = Month.parse(data.month)
    return [record_override(session, stored, month, override) for override in data.overrides]
