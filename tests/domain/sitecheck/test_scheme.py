from govwatch.domain.sitecheck.model import SiteFinding
from govwatch.domain.sitecheck.scheme import score, with_severity


def findings(rule, count, kind=None):
    return [SiteFinding(kind=kind or rule, rule=rule, url=f"{rule}{i}", detail="d") for i in range(count)]


def test_stale_columns_are_deductions_below_five_and_a_single_veto_from_five(rules):
    four = with_severity(findings("column_stale", 4), rules.scheme)
    five = with_severity(findings("column_stale", 5), rules.scheme)
    assert {f.severity for f in four} == {"deduct"} and {f.severity for f in five} == {"veto"}
    assert score(four, rules.scheme).passed and score(four, rules.scheme).total == 96
    vetoed = score(five, rules.scheme)
    assert not vetoed.passed and [v.indicator for v in vetoed.vetoes] == ["栏目不更新"]


def test_deductions_are_capped_per_indicator_and_the_pass_mark_applies(rules):
    scored = score(with_severity(findings("dead_link_home", 3) + findings("dead_link", 40), rules.scheme), rules.scheme)
    [links] = scored.deductions
    assert (links.indicator, links.findings, links.uncapped, links.points) == ("链接可用性", 43, 7.0, 5.0)
    assert scored.total == 95 and scored.passed
    weights = rules.scheme.model_copy(update={"pass_mark": 96})
    assert not score(with_severity(findings("dead_link_home", 5), weights), weights).passed


def test_a_county_can_change_a_weight(rules):
    heavier = rules.scheme.model_copy(update={"rules": {
        **rules.scheme.rules, "guide_incomplete": rules.scheme.rules["guide_incomplete"].model_copy(update={"points": 3})}})
    assert score(with_severity(findings("guide_incomplete", 2), heavier), heavier).total == 94


def test_unknown_rules_are_notices_and_cost_nothing(rules):
    scored = score(with_severity(findings("attachment_unreadable", 3), rules.scheme), rules.scheme)
    assert scored.total == 100 and scored.passed and scored.deductions == ()
