"""The words of grades: applied once (reports/wording.py), from the county's wording, never read back."""

from datetime import date

from govwatch.domain.grading.news import grade_news
from govwatch.domain.grading.reasons import ProblemKind
from govwatch.domain.model import PostKind, Severity, TextIssue
from govwatch.reports.evaluation_json import disclosure_result, new_media_result, news_result
from govwatch.reports.wording import wording
from tests.conftest import post
from tests.domain.grading import test_disclosure as disclosure_cases
from tests.domain.grading import test_new_media as media_cases
from tests.domain.grading import test_news as news_cases


def _media(posts, rules, words=None):
    graded = media_cases.grade(posts, rules)
    return new_media_result(graded, wording(), words or rules.new_media.wording)


def test_silences_are_worded_as_the_seed_writes_them(rules):
    originals = media_cases.posts_on([9, 13, 17, 21, 25, 29])
    reposts = media_cases.posts_on([2, 4, 6, 8, 12, 16, 20], PostKind.RECOMMENDED)
    result = _media([*media_cases.EDGES, *originals, *reposts], rules)
    assert [p.text for p in result.problems] == ["06-01至06-08原创信息未更新"]
    assert "06-01至06-08共8天无原创信息（允许7天）" in [r.text for r in result.reasons]
    silent = _media([*media_cases.EDGES, *media_cases.posts_on([3, 7, 11, 15, 24, 28]),
                     *media_cases.posts_on([2, 5, 9, 13, 25, 26, 27, 29, 30], PostKind.RECOMMENDED)], rules)
    assert [p.text for p in silent.problems] == ["06-16至06-23信息未更新"]


def test_problems_without_days_use_the_countys_words(rules):
    few = _media([*media_cases.EDGES, *media_cases.WEEKLY, *media_cases.posts_on([3], PostKind.RECOMMENDED)], rules)
    assert [p.text for p in few.problems] == ["应转载信息数量不足"]
    assert few.reasons[-1].text == "存在突出问题1项，评为差"


def test_rewording_the_rules_changes_the_words_not_the_data(rules):
    """A county that rewords a problem in rules.yaml gets its words; the kind and days stay (the notice reads those)."""
    words = rules.new_media.wording.model_copy(update={"silent_original": "{range}期间未发布原创信息"})
    originals = media_cases.posts_on([9, 13, 17, 21, 25, 29])
    reposts = media_cases.posts_on([2, 4, 6, 8, 12, 16, 20], PostKind.RECOMMENDED)
    result = _media([*media_cases.EDGES, *originals, *reposts], rules, words)
    (problem,) = result.problems
    assert problem.text == "06-01至06-08期间未发布原创信息"
    assert (problem.kind, problem.days.start, problem.days.end) == (
        ProblemKind.SILENT_ORIGINAL, date(2023, 6, 1), date(2023, 6, 8))


def test_findings_are_quoted_with_their_correction_and_counted_by_severity(rules):
    issue = TextIssue("expression", Severity.SERIOUS, True, "党的二十精神", "党的二十大精神")
    posts = [post(date(2023, 6, d), column=disclosure_cases.MONTHLY) for d in range(1, 12)]
    posts.append(post(date(2023, 6, 20), column=disclosure_cases.MONTHLY, issues=(issue,)))
    result = disclosure_result(disclosure_cases.grade(posts, rules), wording())
    serious = result.reasons[-1]
    assert serious.text == "发布信息存在严重表述错误，评为不合格（严重1处）"
    assert [e.detail for e in serious.evidence] == ["“党的二十精神”应为“党的二十大精神”"]
    assert serious.evidence[0].issue.wrong == "党的二十精神"


def test_the_excellent_bar_and_the_surplus_are_written_out(rules):
    five = [post(date(2023, 6, d), column=disclosure_cases.MONTHLY) for d in range(1, 8)]
    result = disclosure_result(disclosure_cases.grade(
        [*five, post(date(2023, 6, 9), column=disclosure_cases.QUARTERLY)], rules), wording())
    assert result.reasons[0].text == "保障栏目4个，应更新3条，实际更新8条，差额+5条"
    assert result.reasons[-1].text == "实际更新条数比应更新条数多5条（≥5条），评为优秀"


def test_news_silences_name_their_days(rules):
    national = rules.news.model_copy(update={"max_silent_days": 14, "excellent_min_posts": None})
    posts = [post(date(2023, 6, 1), column=news_cases.NEWS), post(date(2023, 6, 28), column=news_cases.NEWS)]
    result = news_result(grade_news("县测试局", posts, news_cases.JUDGING, national), wording())
    assert result.reasons[-1].text == "06-02至06-27超过14天未更新，评为不合格"
    assert wording().update_failure(result.reasons[-1]) == "06-02至06-27超过14天未更新"
    assert [(d.start, d.end) for d in result.reasons[-1].days] == [(date(2023, 6, 2), date(2023, 6, 27))]
