"""The account calendar marks the silences grading counts: the same function, the account's monitored_from too."""

from dataclasses import replace
from datetime import timedelta

from govwatch.domain.calendar import Month
from govwatch.domain.grading.reasons import ProblemKind
from govwatch.services.dashboard import account_view
from govwatch.services.evaluate import evaluate_stored
from govwatch.store.counties import account_of, load_stored_county

JUNE = Month(2023, 6)


def _graded_silent_days(session, stored, key):
    grade = next(g for g in evaluate_stored(session, stored, JUNE, save=False).new_media if g.account == key)
    return {day for p in grade.problems if p.kind is ProblemKind.SILENT and p.days for day in p.days.each_day()}


def _calendar_gap_days(session, stored, key):
    account = account_of(session, stored.id, stored.account_ids[key])
    return {d.day for d in account_view(session, stored, account, JUNE).calendar if d.in_gap}


def test_calendar_gaps_are_the_graded_silences_even_for_an_account_watched_late(demo_copy):
    with demo_copy.transaction() as session:
        stored = load_stored_county(session)
        silent = [a for a in stored.county.accounts if _graded_silent_days(session, stored, a.key)]
        assert silent  # the demo month has accounts silent for more than the allowed days
        account = silent[0]
        days = _graded_silent_days(session, stored, account.key)
        assert _calendar_gap_days(session, stored, account.key) == days
        # Watched only from the day after its silence: grading counts no silence, nor may the calendar.
        watched = account.model_copy(update={"monitored_from": max(days) + timedelta(days=1)})
        accounts = tuple(watched if a is account else a for a in stored.county.accounts)
        late = replace(stored, county=stored.county.model_copy(update={"accounts": accounts}))
        assert _graded_silent_days(session, late, account.key) == set()
        assert _calendar_gap_days(session, late, account.key) == set()
