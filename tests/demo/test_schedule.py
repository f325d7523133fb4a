from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govwatch.demo.schedule import Silence, account_days
from govwatch.domain.calendar import DayRange
from govwatch.domain.gaps import find_silent_runs

JUNE = DayRange(date(2023, 6, 1), date(2023, 6, 30))
EDGES = [date(2023, 5, 31), date(2023, 7, 1)]


def runs(days, allowed=7):
    return [(r.shown.start.day, r.shown.end.day) for r in find_silent_runs(days, JUNE, allowed)]


@st.composite
def plans(draw):
    first = draw(st.integers(1, 12))
    length = draw(st.integers(8, 10))
    silence = Silence(first, first + length - 1)
    no_post = draw(st.booleans())
    return draw(st.integers(6, 40)), draw(st.integers(4, 40)), silence, no_post


@settings(max_examples=150, deadline=None)
@given(plans())
def test_generated_days_show_exactly_the_planned_silence(plan):
    originals, reposts, silence, no_post = plan
    o_days, r_days = account_days(originals, reposts, 30, [silence] if no_post else [], [] if no_post else [silence])
    assert len(o_days) == originals and len(r_days) == reposts
    as_dates = [JUNE.start + timedelta(days=d - 1) for d in o_days]
    all_dates = as_dates + [JUNE.start + timedelta(days=d - 1) for d in r_days]
    assert runs(all_dates + EDGES) == ([(silence.first, silence.last)] if no_post else [])
    assert runs(as_dates + EDGES) == [(silence.first, silence.last)]


def test_too_few_posts_to_bound_a_silence_is_a_clear_error():
    with pytest.raises(ValueError, match="少于"):
        account_days(1, 0, 30, [Silence(10, 20)], [])
