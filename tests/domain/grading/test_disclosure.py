from datetime import date

from govwatch.domain.calendar import Month
from govwatch.domain.county import County
from govwatch.domain.grading.context import Judging
from govwatch.domain.grading.disclosure import grade_disclosure
from govwatch.domain.grading.reasons import FoundIssue, ReasonKind
from govwatch.domain.model import FindingStatus, Severity, TextIssue
from tests.conftest import post

JUNE = Month(2023, 6)
JUDGING = Judging(JUNE, "Asia/Shanghai", include_suspects=False)

COUNTY = County.model_validate({
    "county": {"name": "测试县", "issuer": "测试县人民政府办公室"},
    "units": [{"name": "县测试局"}],
    "channels": [{"name": "政府信息公开", "per_unit": True}],
    "assignments": [{"unit": "县测试局", "channel": "政府信息公开", "columns": [
        {"column": "政府机构", "cycle": "实时更新"},
        {"column": "部门信息公开年报", "cycle": "1条/年"},
        {"column": "批准结果信息", "cycle": "1条/季度"},
        {"column": "财政资金信息", "cycle": "2条/月"},
    ]}],
})
ROWS = COUNTY.assignment_rows
QUARTERLY, MONTHLY = ROWS[2].column, ROWS[3].column


def grade(posts, rules):
    return grade_disclosure("县测试局", ROWS, posts, JUDGING, rules.disclosure)


def test_each_column_counts_in_its_own_window(rules):
    posts = [post(date(2023, 4, 3), column=QUARTERLY), post(date(2023, 6, 5), column=QUARTERLY),
             post(date(2023, 3, 31), column=QUARTERLY),  # previous quarter
             post(date(2023, 6, 2), column=MONTHLY), post(date(2023, 5, 31), column=MONTHLY),
             post(date(2023, 7, 1), column=MONTHLY)]
    result = grade(posts, rules)
    counts = {c.assignment.column.name: (c.required, c.actual) for c in result.columns}
    assert counts == {"政府机构": (0, 0), "部门信息公开年报": (0, 0), "批准结果信息": (1, 2), "财政资金信息": (2, 1)}
    assert (result.required, result.actual) == (3, 3)
    assert result.computed == "合格"


def test_surplus_of_five_is_excellent_and_four_is_not(rules):
    five = [post(date(2023, 6, d), column=MONTHLY) for d in range(1, 8)]  # 7 items, 3 required → +5 with 1 quarterly
    result = grade([*five, post(date(2023, 6, 9), column=QUARTERLY)], rules)
    assert result.actual - result.required == 5
    assert result.computed == "优秀"
    assert result.reasons[-1].kind is ReasonKind.DISCLOSURE_EXCELLENT
    assert result.reasons[-1].figures == {"surplus": 5, "excellent_surplus": 5}
    four = grade([*five[:6], post(date(2023, 6, 9), column=QUARTERLY)], rules)
    assert four.computed == "合格"


def test_shortfall_does_not_fail_under_meixian_rules_but_is_explained(rules):
    result = grade([], rules)
    assert result.computed == "合格"
    assert any(r.rule == "disclosure.shortfall" for r in result.reasons)


def test_shortfall_fails_under_the_national_preset(rules):
    national = rules.disclosure.model_copy(update={"fail_on_shortfall": True})
    assert grade_disclosure("县测试局", ROWS, [], JUDGING, national).computed == "不合格"


def test_serious_finding_fails_even_with_a_surplus(rules):
    issue = TextIssue("expression", Severity.SERIOUS, True, "党的二十精神", "党的二十大精神")
    posts = [post(date(2023, 6, d), column=MONTHLY) for d in range(1, 12)]
    posts.append(post(date(2023, 6, 20), column=MONTHLY, issues=(issue,)))
    result = grade(posts, rules)
    assert result.computed == "不合格"
    reason = result.reasons[-1]
    assert reason.rule == "disclosure.serious"
    assert reason.evidence[0].issue == FoundIssue(Severity.SERIOUS, "党的二十精神", "党的二十大精神")


def test_warnings_suspects_and_false_alarms_do_not_fail(rules):
    issues = (
        TextIssue("usage", Severity.WARNING, True, "成份", "成分"),
        TextIssue("typo", Severity.ERROR, False, "机智", "机制"),
        TextIssue("typo", Severity.ERROR, True, "京津翼", "京津冀", FindingStatus.FALSE_ALARM),
    )
    assert grade([post(date(2023, 6, 3), column=MONTHLY, issues=issues)], rules).computed == "合格"


def test_confirmed_suspect_fails(rules):
    issue = TextIssue("typo", Severity.ERROR, False, "机智", "机制", FindingStatus.CONFIRMED)
    assert grade([post(date(2023, 6, 3), column=MONTHLY, issues=(issue,))], rules).computed == "不合格"


def test_errors_in_items_of_earlier_months_are_not_this_months(rules):
    issue = TextIssue("typo", Severity.ERROR, True, "京津翼", "京津冀")
    assert grade([post(date(2023, 4, 3), column=QUARTERLY, issues=(issue,))], rules).computed == "合格"
