from datetime import date

from govwatch.domain.sitecheck.interaction import interaction_overdue
from govwatch.domain.sitecheck.model import GatheredPage, Interaction
from govwatch.domain.sitecheck.workdays import workdays_between

TODAY = date(2024, 6, 20)


def message(asked, answered):
    return GatheredPage(url=f"m{asked}", type="interaction", interaction=Interaction(asked=asked, answered=answered))


def test_working_days_follow_the_holiday_calendar_not_weekends_alone():
    # 2024-10-01…07 国庆 holidays; Sunday 09-29 and Saturday 10-12 were made working days (调休)
    # 9-29, 9-30, 10-8 … 10-12: 7 (weekdays alone would give 10)
    assert workdays_between(date(2024, 9, 27), date(2024, 10, 12)).days == 7
    assert workdays_between(date(2024, 9, 27), date(2024, 10, 12)).estimated is False
    assert workdays_between(date(2024, 6, 3), date(2024, 6, 3)).days == 0


def test_beyond_the_calendar_years_weekdays_are_counted_and_said():
    count = workdays_between(date(2031, 1, 3), date(2031, 1, 10))  # Friday to Friday
    assert (count.days, count.estimated) == (5, True)


def test_unanswered_over_90_days_and_answered_after_15_working_days():
    pages = [message(date(2024, 3, 21), None),  # 91 days
             message(date(2024, 3, 22), None),  # 90 days: not yet
             message(date(2024, 9, 27), date(2024, 10, 21)),  # 12 working days over 国庆: in time
             message(date(2024, 1, 2), date(2024, 2, 20))]  # 32 working days over 春节
    found = {f.url: f.rule for f in interaction_overdue(pages, TODAY, 90, 15)}
    assert found == {"m2024-03-21": "interaction_unanswered", "m2024-01-02": "interaction_late"}
