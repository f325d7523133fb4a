"""The shipped site-check rules, and hand-built pages for the pure rules."""

from __future__ import annotations

import pytest

from govwatch.services.sitecheck import shipped_rules


@pytest.fixture(scope="session")
def rules():
    return shipped_rules()
