from datetime import date

import pytest

from govwatch.domain.calendar import DayRange, Month
from govwatch.domain.cycles import Cycle, Period

JUNE = Month(2023, 6)


@pytest.mark.parametrize("text", ["2023-06", "2023/6", "2023年6月", " 2023-6 "])
def test_month_parses_common_spellings(text):
    assert Month.parse(text) == JUNE


@pytest.mark.parametrize("text", ["2023-13", "June", "2023-00", "", "0000-01"])
def test_month_rejects_nonsense(text):
    with pytest.raises(ValueError):
        Month.parse(text)


def test_month_shift_crosses_years():
    assert Month(2023, 1).shift(-1) == Month(2022, 12)
    assert Month(2023, 12).shift(1) == Month(2024, 1)


@pytest.mark.parametrize(
    ("text", "count", "period"),
    [("实时更新", 0, Period.REALTIME), ("2条/月", 2, Period.MONTH), ("1条/季度", 1, Period.QUARTER),
     ("1条/半年", 1, Period.HALF_YEAR), ("1条/年", 1, Period.YEAR), ("1 条 / 月", 1, Period.MONTH)],
)
def test_cycle_parses_the_seeds_cycles(text, count, period):
    cycle = Cycle.parse(text)
    assert (cycle.count, cycle.period) == (count, period)
    assert Cycle.parse(str(cycle)) == cycle


@pytest.mark.parametrize("text", ["每月", "0条/月", "2条/周", ""])
def test_cycle_rejects_unknown_cycles(text):
    with pytest.raises(ValueError, match="更新周期"):
        Cycle.parse(text)


def test_monthly_cycle_is_due_every_month_in_the_month():
    cycle = Cycle.parse("2条/月")
    assert cycle.window(JUNE) == DayRange(date(2023, 6, 1), date(2023, 6, 30))
    assert cycle.required(JUNE) == 2


def test_quarterly_cycle_is_judged_in_the_quarters_last_month_over_the_quarter():
    cycle = Cycle.parse("1条/季度")
    assert cycle.window(JUNE) == DayRange(date(2023, 4, 1), date(2023, 6, 30))
    assert cycle.required(JUNE) == 1
    assert cycle.required(Month(2023, 5)) == 0
    assert cycle.window(Month(2023, 5)) == DayRange(date(2023, 4, 1), date(2023, 5, 31))


def test_half_year_and_year_windows():
    assert Cycle.parse("1条/半年").required(JUNE) == 1
    assert Cycle.parse("1条/半年").window(Month(2023, 9)).start == date(2023, 7, 1)
    year = Cycle.parse("1条/年")
    assert year.required(JUNE) == 0
    assert year.required(Month(2023, 12)) == 1
    assert year.window(JUNE) == DayRange(date(2023, 1, 1), date(2023, 6, 30))


def test_realtime_has_no_quota():
    cycle = Cycle.parse("实时更新")
    assert cycle.required(JUNE) == 0
    assert cycle.window(JUNE) == DayRange(date(2023, 6, 1), date(2023, 6, 30))


def test_a_day_range_covers_its_days_from_midnight_to_midnight_in_the_zone():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Asia/Shanghai")
    start, end = DayRange(date(2023, 6, 1), date(2023, 6, 30)).moments(zone)
    assert start == datetime(2023, 6, 1, tzinfo=zone) and end == datetime(2023, 7, 1, tzinfo=zone)
    assert start.astimezone(ZoneInfo("UTC")) == datetime(2023, 5, 31, 16, tzinfo=ZoneInfo("UTC"))
