from datetime import date

from govwatch.domain.calendar import DayRange, Month
from govwatch.domain.grading.context import Judging
from govwatch.domain.grading.new_media import grade_account
from govwatch.domain.grading.reasons import FoundIssue, ProblemKind
from govwatch.domain.model import AccountKey, Platform, PostKind, Severity, TextIssue
from tests.conftest import post

JUDGING = Judging(Month(2023, 6), "Asia/Shanghai", include_suspects=False)
WECHAT = AccountKey("眉县测试", Platform.WECHAT_SUBSCRIPTION)
VIDEO = AccountKey("眉县测试", Platform.CHANNELS)


def posts_on(days, kind=PostKind.ORIGINAL, account=WECHAT, month=6):
    return [post(date(2023, month, d), account=account, kind=kind) for d in days]


def grade(posts, rules, account=WECHAT):
    return grade_account(account, "县测试局", posts, JUDGING, rules.new_media)


def kinds(result):
    """The problems as (kind, days): the data the notice and the annex read (their words: tests/reports)."""
    return tuple((p.kind, p.days) for p in result.problems)


def june(first, last):
    return DayRange(date(2023, 6, first), date(2023, 6, last))


EDGES = posts_on([31], month=5) + posts_on([1], month=7)
WEEKLY = posts_on(range(1, 31, 3))  # an original every 3 days
RECOMMENDED = posts_on(range(2, 30, 4), PostKind.RECOMMENDED)  # 7


def test_counts_by_kind(rules):
    result = grade([*EDGES, *WEEKLY, *RECOMMENDED, *posts_on([5, 6], PostKind.OTHER_REPOST)], rules)
    assert (result.original, result.recommended, result.other_reposts, result.reposts, result.total) == (10, 7, 2, 9, 19)
    assert result.problems == ()
    assert result.computed == "合格"


def test_many_originals_and_no_problem_is_excellent(rules):
    many = posts_on(list(range(1, 31)) * 2)  # 60 originals
    result = grade([*EDGES, *many, *RECOMMENDED], rules)
    assert result.computed == "优秀"


def test_silence_without_originals_is_written_as_the_seed_does(rules):
    originals = posts_on([9, 13, 17, 21, 25, 29])
    reposts = posts_on([2, 4, 6, 8, 12, 16, 20], PostKind.RECOMMENDED)
    result = grade([*EDGES, *originals, *reposts], rules)
    assert kinds(result) == ((ProblemKind.SILENT_ORIGINAL, june(1, 8)),)
    assert result.computed == "差"


def test_silence_without_any_post_is_not_also_reported_as_no_original(rules):
    originals = posts_on([3, 7, 11, 15, 24, 28])
    reposts = posts_on([2, 5, 9, 13, 25, 26, 27, 29, 30], PostKind.RECOMMENDED)
    result = grade([*EDGES, *originals, *reposts], rules)
    assert kinds(result) == ((ProblemKind.SILENT, june(16, 23)),)


def test_too_few_recommended_reposts_unless_a_video_platform(rules):
    result = grade([*EDGES, *WEEKLY, *posts_on([3], PostKind.RECOMMENDED)], rules)
    assert kinds(result) == ((ProblemKind.TOO_FEW_RECOMMENDED, None),)
    video = grade([*posts_on([31], month=5, account=VIDEO), *posts_on(range(1, 31, 3), account=VIDEO)], rules, VIDEO)
    assert video.problems == ()
    assert any(r.rule == "new_media.exempt" for r in video.reasons)


def test_four_recommended_is_enough_three_is_not(rules):
    assert grade([*EDGES, *WEEKLY, *posts_on([2, 4, 6, 8], PostKind.RECOMMENDED)], rules).problems == ()
    assert grade([*EDGES, *WEEKLY, *posts_on([2, 4, 6], PostKind.RECOMMENDED)], rules).problems != ()


def test_fewer_originals_than_required_is_a_problem(rules):
    result = grade([*EDGES, *posts_on([2, 9, 16]), *posts_on([5, 12, 19, 23, 26, 30], PostKind.RECOMMENDED)], rules)
    assert (ProblemKind.TOO_FEW_ORIGINAL, None) in kinds(result)


def test_serious_text_error_is_a_problem(rules):
    issue = TextIssue("expression", Severity.SERIOUS, True, "党的二十精神", "党的二十大精神")
    bad = [post(date(2023, 6, 2), account=WECHAT, issues=(issue,))]
    result = grade([*EDGES, *WEEKLY, *RECOMMENDED, *bad], rules)
    assert kinds(result) == ((ProblemKind.SERIOUS_TEXT, None),)
    assert [e.issue for e in result.problems[0].evidence] == [FoundIssue(Severity.SERIOUS, "党的二十精神", "党的二十大精神")]


def test_no_silence_before_the_account_was_monitored(rules):
    late = posts_on([12, 16, 20, 24, 28]) + posts_on([13, 17, 21, 25], PostKind.RECOMMENDED)
    unobserved = grade_account(WECHAT, "县测试局", late, JUDGING, rules.new_media)
    assert unobserved.problems[0].days == june(1, 11)
    observed = grade_account(WECHAT, "县测试局", late, JUDGING, rules.new_media, observed_from=date(2023, 6, 10))
    assert observed.problems == ()


def test_silence_evidence_is_the_posts_around_it(rules):
    originals = posts_on([9, 13, 17, 21, 25, 29])
    reposts = posts_on([2, 4, 6, 8, 12, 16, 20], PostKind.RECOMMENDED)
    result = grade([*EDGES, *originals, *reposts], rules)
    reason = next(r for r in result.reasons if r.rule == "new_media.silent_original")
    assert [e.published_at.date() for e in reason.evidence] == [date(2023, 5, 31), date(2023, 6, 9)]
