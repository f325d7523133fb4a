"""链接与采集问题 in grades: off for 眉县 (the seed month does not move), and where a county turns it on, a
unit with dead links on its columns fails the annex, each finding named in a reason."""

from __future__ import annotations

from dataclasses import replace

import pytest

from govwatch.config.loader import load_rules
from govwatch.domain.calendar import Month
from govwatch.domain.crawl_issues import CrawlIssueKind
from govwatch.domain.grading.crawl_issues import count_crawl_issues
from govwatch.domain.rules import CrawlFindingRules
from govwatch.errors import ConfigError
from govwatch.reports.wording import wording
from govwatch.services.evaluate import evaluate_stored
from govwatch.store.counties import load_stored_county
from govwatch.store.crawl_issues import month_crawl_issues

JUNE = Month(2023, 6)


def _grades(db, crawl_rules: CrawlFindingRules | None = None):
    with db.transaction() as session:
        stored = load_stored_county(session)
        if crawl_rules is not None:
            stored = replace(stored, rules=stored.rules.model_copy(update={"crawl_findings": crawl_rules}))
        issues = month_crawl_issues(session, stored, JUNE)
        return evaluate_stored(session, stored, JUNE, save=False), issues, stored


WORDS = wording()  # the reasons' words, as the notice and the dashboard read them


def _by_unit(grades):
    return {g.unit: g for g in grades}


def test_meixian_does_not_count_them_so_the_month_is_as_before(demo_database):
    graded, issues, stored = _grades(demo_database[0])
    assert not stored.rules.crawl_findings.count and issues  # there are some, and they do not count
    assert count_crawl_issues(graded, issues, stored.rules.crawl_findings) is graded
    assert not any(r.rule.endswith("crawl_issues") for g in graded.disclosure + graded.news for r in g.reasons)


def test_counted_dead_links_fail_the_units_that_keep_the_columns(demo_database):
    before, issues, stored = _grades(demo_database[0])
    after, _, _ = _grades(demo_database[0], CrawlFindingRules(count=True, kinds=(CrawlIssueKind.DEAD_LINK,)))
    dead = [i for i in issues if i.kind is CrawlIssueKind.DEAD_LINK]
    for annex in ("disclosure", "news"):
        channel = getattr(stored.rules, annex).channel
        fail = getattr(stored.rules, annex).grades.fail
        hit = {u for i in dead if i.column.channel == channel for u in i.units}
        old, new = _by_unit(getattr(before, annex)), _by_unit(getattr(after, annex))
        assert set(old) == set(new)
        for unit, grade in new.items():
            if unit in hit:
                assert grade.computed == fail
                assert any(r.rule == f"{annex}.crawl_issues" and "死链" in WORDS.reason(r) for r in grade.reasons)
            else:
                assert grade == old[unit]
    assert any(i.column.channel == stored.rules.disclosure.channel for i in dead)  # the test reaches 附件1


def test_without_fail_at_they_are_named_but_grades_stay(demo_database):
    before, _, _ = _grades(demo_database[0])
    after, _, _ = _grades(demo_database[0], CrawlFindingRules(count=True, fail_at=None))
    assert [(g.unit, g.computed) for g in after.disclosure] == [(g.unit, g.computed) for g in before.disclosure]
    named = [r for g in after.disclosure for r in g.reasons if r.rule == "disclosure.crawl_issues"]
    assert named and all("不影响等次" in WORDS.reason(r) for r in named)


def test_rules_yaml_refuses_an_unknown_kind_by_line(tmp_path, meixian_dir):
    text = (meixian_dir / "rules.yaml").read_text(encoding="utf-8").replace(
        "kinds: [dead_link, external_link]", "kinds: [dead_links]")
    (tmp_path / "rules.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"rules\.yaml:\d+.*crawl_findings"):
        load_rules(tmp_path / "rules.yaml")
