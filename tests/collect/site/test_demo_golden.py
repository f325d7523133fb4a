"""Golden: the demo portal's self-check (the demo month 2023-06, checked on 2023-07-03) finding for finding.

Regenerate after a deliberate change with `GOVWATCH_REGOLD=1 pytest tests/collect/site/test_demo_golden.py`
and read the diff: every changed line is a finding that appears, vanishes or changes severity.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from govwatch.collect.fakes.server import LocalServer
from govwatch.domain.calendar import Month
from govwatch.proofread import default_proofreader
from govwatch.services.demo_site import demo_portal
from govwatch.services.sitecheck import county_rules, run_site_check
from tests.collect.site.conftest import FAST

GOLDEN = Path(__file__).with_name("demo_golden.json")


def test_demo_portal_self_check_is_golden(meixian_dir, meixian_config):
    portal, plan = demo_portal(meixian_dir, Month(2023, 6))
    rules = county_rules(meixian_config.rules.site_check, meixian_config.county)
    with LocalServer(portal) as server:
        result = run_site_check(plan.portal, date(2023, 7, 3), FAST.model_copy(update={"proxy": server.url}), rules,
                                ZoneInfo(meixian_config.county.county.timezone), default_proofreader())
    seen = {"pages": result.pages, "counts": dict(sorted(result.counts().items())), "severities": result.by_severity(),
            "total": result.score.total, "verdict": result.score.verdict,
            "findings": sorted(f"{f.kind} {f.severity} {f.url} {f.page or '-'} {f.detail}" for f in result.findings)}
    if os.environ.get("GOVWATCH_REGOLD"):
        GOLDEN.write_text(json.dumps(seen, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert seen == json.loads(GOLDEN.read_text(encoding="utf-8"))
