from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from govwatch.domain.calendar import DayRange
from govwatch.domain.gaps import find_silent_runs

JUNE = DayRange(date(2023, 6, 1), date(2023, 6, 30))


def days(*numbers: int, month: int = 6) -> list[date]:
    return [date(2023, month, n) for n in numbers]


def test_run_inside_the_month_is_reported_as_the_seed_writes_it():
    runs = find_silent_runs(days(31, month=5) + days(4, 8, 12, 15, 24, 28), JUNE, 7)
    assert [r.shown.label() for r in runs] == ["06-16至06-23"]


def test_exactly_the_allowed_length_is_not_a_breach():
    assert find_silent_runs(days(1, 9, 16, 23, 30), JUNE, 7) == []


def test_run_crossing_from_the_previous_month_is_shown_clipped():
    posts = days(28, month=5) + days(9, 15, 20, 25, 30)
    runs = find_silent_runs(posts, JUNE, 7)
    assert len(runs) == 1
    assert runs[0].run == DayRange(date(2023, 5, 29), date(2023, 6, 8))
    assert runs[0].shown.label() == "06-01至06-08"


def test_run_to_the_end_of_the_month_is_reported_even_if_it_continues():
    posts = days(31, month=5) + days(5, 10, 15, 20) + days(5, month=7)
    assert [r.shown.label() for r in find_silent_runs(posts, JUNE, 7)] == ["06-21至06-30"]


def test_short_silence_at_month_end_waits_for_next_month():
    posts = days(31, month=5) + days(7, 14, 21, 25)
    assert find_silent_runs(posts, JUNE, 7) == []


def test_silence_that_began_long_before_is_still_a_breach():
    runs = find_silent_runs(days(1, month=3), JUNE, 14)
    assert [r.shown.label() for r in runs] == ["06-01至06-30"]


def test_observation_start_limits_runs():
    # An account watched from 06-10 on is not blamed for the days before.
    assert find_silent_runs(days(12, 18, 24, 30), JUNE, 7, observed_from=date(2023, 6, 10)) == []


post_days = st.lists(st.integers(min_value=-20, max_value=29), max_size=40).map(
    lambda offsets: [JUNE.start + timedelta(days=o) for o in offsets]
)


@settings(max_examples=300, deadline=None)
@given(post_days, st.integers(min_value=0, max_value=20))
def test_runs_are_exact_maximal_and_complete(posts, allowed):
    runs = find_silent_runs(posts, JUNE, allowed)
    posted = set(posts)
    observed = DayRange(JUNE.start - timedelta(days=allowed), JUNE.end)
    for silent in runs:
        assert silent.days > allowed
        assert not any(d in posted for d in silent.run.each_day())
        assert silent.shown == silent.run.clip(JUNE)
        before, after = silent.run.start - timedelta(days=1), silent.run.end + timedelta(days=1)
        assert before in posted or before < observed.start
        assert after in posted or after > JUNE.end
    # Completeness: every stretch of allowed+1 silent days that reaches into June lies in a reported run.
    for end in JUNE.each_day():
        stretch = DayRange(end - timedelta(days=allowed), end)
        if stretch.start >= observed.start and not any(d in posted for d in stretch.each_day()):
            assert any(stretch.start >= r.run.start and stretch.end <= r.run.end for r in runs)
