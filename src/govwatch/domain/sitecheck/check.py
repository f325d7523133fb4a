"""The whole self-check over a gathered site: every kind's rule, then the scheme's severities."""

from __future__ import annotations

from datetime import date

from govwatch.domain.sitecheck.freshness import columns, home_stale
from govwatch.domain.sitecheck.interaction import interaction_overdue
from govwatch.domain.sitecheck.links import dead_links, hidden_links
from govwatch.domain.sitecheck.model import SiteFinding, SiteGathered
from govwatch.domain.sitecheck.pages import guide_incomplete, identity_missing, meta_missing
from govwatch.domain.sitecheck.scheme import with_severity
from govwatch.domain.sitecheck.settings import SiteCheckRules
from govwatch.domain.sitecheck.texts import text_findings


def check_site(site: SiteGathered, today: date, rules: SiteCheckRules) -> list[SiteFinding]:
    """Every finding of every kind, each with the severity the configured scheme gives it."""
    home = next((p for p in site.pages if p.type == "home"), None)
    found: list[SiteFinding] = []
    if home is not None:
        found += home_stale(home, today, rules.home_days)
    found += columns(site.pages, today, rules.columns)
    found += dead_links(site.dead_links, site.home)
    found += hidden_links(site.pages, site.site_hosts)
    found += meta_missing(site.pages)
    found += identity_missing(site.pages, rules.identity_marks)
    found += text_findings(site.texts)
    found += interaction_overdue(site.pages, today, rules.interaction_unanswered_days,
                                 rules.interaction_answer_workdays)
    found += guide_incomplete(site.pages, rules.guide_fields)
    return with_severity(found, rules.scheme)
