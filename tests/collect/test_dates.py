from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govwatch.collect.extract.dates import find_dates, is_future, parse_date

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(("text", "expected"), [
    ("2023-06-05 10:00", datetime(2023, 6, 5, 10, 0, tzinfo=ZONE)),
    ("发布时间：2023/6/5", datetime(2023, 6, 5, tzinfo=ZONE)),
    ("2023年6月5日 10时07分", datetime(2023, 6, 5, 10, 7, tzinfo=ZONE)),
    ("２０２３－０６－０５　０８：３０", datetime(2023, 6, 5, 8, 30, tzinfo=ZONE)),  # full-width
    ("2023.06.05 08:30:15", datetime(2023, 6, 5, 8, 30, 15, tzinfo=ZONE)),
    ("null", None),
    ("2023-02-30", None),
    ("2023-06-05 25:61", None),  # an impossible time makes the whole stamp doubtful
    ("", None),
])
def test_portal_date_spellings(text, expected):
    assert parse_date(text, ZONE) == expected


def test_future_dates_are_told_apart_from_clock_skew():
    now = datetime(2023, 6, 5, 12, tzinfo=ZONE)
    assert not is_future(datetime(2023, 6, 5, 20, tzinfo=ZONE), now)
    assert is_future(datetime(2023, 6, 9, tzinfo=ZONE), now)


# CI runs 300 generated strings here (max_examples=300).
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789０１２３-/.年月日时分: ：T发布时间null\n"), max_size=60))
def test_odd_date_strings_never_crash_and_give_valid_aware_dates(text):
    for found in find_dates(text, ZONE):
        assert found.tzinfo is ZONE and 1900 <= found.year < 2100


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=datetime(1990, 1, 1).date(), max_value=datetime(2099, 12, 31).date()),
       st.sampled_from(["{d:%Y-%m-%d}", "{d.year}年{d.month}月{d.day}日", "{d:%Y/%m/%d}", "{d:%Y.%m.%d}"]))
def test_every_written_date_reads_back(day, pattern):
    assert parse_date(pattern.format(d=day), ZONE).date() == day
