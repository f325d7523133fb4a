"""One self-check run's result: what was read, every finding with its severity, and the national score."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from govwatch.domain.sitecheck.model import SiteFinding
from govwatch.domain.sitecheck.scheme import SiteScore


class SiteCheckResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    url: str
    today: date
    started_at: datetime
    finished_at: datetime
    pages: int
    files: int
    capped: bool  # max_site_pages was reached: part of the site was not read
    findings: tuple[SiteFinding, ...]
    score: SiteScore

    def counts(self) -> dict[str, int]:
        """Findings by kind."""
        found: dict[str, int] = {}
        for finding in self.findings:
            found[finding.kind] = found.get(finding.kind, 0) + 1
        return found

    def by_severity(self) -> dict[str, int]:
        found = {"veto": 0, "deduct": 0, "notice": 0}
        for finding in self.findings:
            found[finding.severity] += 1
        return found
