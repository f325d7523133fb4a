"""Every kind of finding the crawl writes is a CrawlIssueKind with a label: a new kind that is not would
make the 链接与采集问题 page fail on the first such stored row."""

from __future__ import annotations

import re
from pathlib import Path

from govwatch.collect.crawl.fetch import BOUND_ERRORS
from govwatch.domain.crawl_issues import KIND_LABELS, CrawlIssueKind

SRC = Path(__file__).resolve().parents[2] / "src" / "govwatch"


def written_kinds() -> set[str]:
    """The literal kinds of `Finding(...)` in the code, and the fetch errors that become kinds."""
    found = set()
    for path in SRC.rglob("*.py"):
        found |= set(re.findall(r"\bFinding\(\s*\"(\w+)\"", path.read_text(encoding="utf-8")))
    return found | set(BOUND_ERRORS) | {"dead_link", "redirect_loop"}


def test_every_written_kind_is_known_and_labelled():
    kinds = written_kinds()
    assert len(kinds) >= 10  # the scan finds the crawler's findings
    assert kinds <= {k.value for k in CrawlIssueKind}
    assert set(KIND_LABELS) == set(CrawlIssueKind)
