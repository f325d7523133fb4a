"""The findings repository: one finding per (rule, position), re-checks keep reviewers' verdicts, the queue reads as domain types."""

from dataclasses import replace

import pytest

from govwatch.domain.model import Finding, FindingStatus, Severity
from govwatch.store.findings import (
    add_findings,
    false_alarm_pairs,
    get_finding,
    issues_of_posts,
    queued_findings,
    reconcile_findings,
    save_verdict,
)
from govwatch.store.posts import post_id_of


def _found(rule: str, start: int, wrong: str = "错字") -> Finding:
    return Finding("typo", Severity.ERROR, True, wrong, "对字", rule=rule, start=start, line=1, offset=start, length=2)


def _first(session, stored) -> int:
    post_id = post_id_of(session, stored.county_id, "url:http://x.gov.cn/a/1.html")
    assert post_id is not None
    return post_id


def test_a_finding_is_stored_once_per_rule_and_position(county_db):
    with county_db.db.transaction() as session:
        post_id = _first(session, county_db)
        assert add_findings(session, {post_id: [_found("a", 1), _found("a", 1), _found("b", 1)]}) == 2
        session.flush()
        stored = issues_of_posts(session, [post_id, post_id])[post_id]
    assert [(f.rule, f.start, f.post_id, f.status) for f in stored] == [("a", 1, post_id, FindingStatus.OPEN),
                                                                        ("b", 1, post_id, FindingStatus.OPEN)]


def test_reconciling_keeps_verdicts_and_drops_open_findings_no_longer_met(county_db):
    with county_db.db.transaction() as session:
        post_id = _first(session, county_db)
        add_findings(session, {post_id: [_found("open", 1), _found("judged", 5), _found("kept", 9)]})
        session.flush()
        by_rule = {f.rule: f for f in issues_of_posts(session, [post_id])[post_id]}
        save_verdict(session, replace(by_rule["judged"], status=FindingStatus.FALSE_ALARM))
        assert reconcile_findings(session, {post_id: [_found("kept", 9), _found("new", 12)]}) == (1, 1)
        session.flush()
        after = {f.rule: f for f in issues_of_posts(session, [post_id])[post_id]}
        assert set(after) == {"judged", "kept", "new"}
        assert after["judged"].status is FindingStatus.FALSE_ALARM and after["kept"].id == by_rule["kept"].id
        assert reconcile_findings(session, {post_id: [_found("kept", 9), _found("new", 12)]}) == (0, 0)
        assert false_alarm_pairs(session, county_db.county_id) == [("judged", "错字")]


def test_the_queue_and_verdicts(county_db):
    with county_db.db.transaction() as session:
        post_id = _first(session, county_db)
        add_findings(session, {post_id: [_found("a", 1)]})
        session.flush()
        [queued] = queued_findings(session, county_db.county_id, [FindingStatus.OPEN])
        assert queued.post_title == "自然资源局机构设置" and queued.finding.post_id == post_id
        save_verdict(session, replace(queued.finding, status=FindingStatus.CONFIRMED, severity=Severity.SERIOUS))
        assert queued_findings(session, county_db.county_id, [FindingStatus.OPEN]) == []
        again = get_finding(session, county_db.county_id, queued.finding.id).finding
        assert (again.status, again.severity) == (FindingStatus.CONFIRMED, Severity.SERIOUS)
        with pytest.raises(LookupError, match="没有编号为 999999 的问题"):
            get_finding(session, county_db.county_id, 999999)
        with pytest.raises(LookupError):
            get_finding(session, county_db.county_id + 1, queued.finding.id)  # another county's id
