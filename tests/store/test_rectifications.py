"""Rectification items as stored: notified items open once, keep their answers, withdraw and reopen."""

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from govwatch.domain import rectification as moves
from govwatch.domain.calendar import Month
from govwatch.domain.rectification import RectificationItem, Status
from govwatch.store.rectifications import find_items, get_item, save_item, sync_month

JUNE = Month(2023, 6)
DEADLINE = datetime(2023, 7, 20, 10, tzinfo=UTC)


def _draft(subject: str, grade: str = "不合格") -> RectificationItem:
    return RectificationItem(None, str(JUNE), "news", subject, subject, grade, [{"text": f"{subject}的问题"}], DEADLINE)


def test_sync_opens_refreshes_withdraws_and_reopens(county_db):
    with county_db.db.transaction() as session:
        first = sync_month(session, county_db.county_id, JUNE, [_draft("县民政局"), _draft("县交通局")])
        answered = save_item(session, county_db.county_id,
                             moves.respond(first[0], "已整改", "县民政局", datetime(2023, 7, 1, tzinfo=UTC)))
        again = sync_month(session, county_db.county_id, JUNE, [_draft("县民政局", "差")])
        assert [(i.id, i.status, i.grade, i.response) for i in again] == [(answered.id, Status.RESPONDED, "差", "已整改")]
        [withdrawn] = find_items(session, county_db.county_id, statuses=(Status.WITHDRAWN,))
        assert withdrawn.subject == "县交通局"
        reopened = sync_month(session, county_db.county_id, JUNE, [_draft("县民政局"), _draft("县交通局")])
        assert {i.subject: i.status for i in reopened} == {"县民政局": Status.RESPONDED, "县交通局": Status.OPEN}
        assert [i.id for i in find_items(session, county_db.county_id, year=2023)] == [i.id for i in first]
        assert find_items(session, county_db.county_id, month=Month(2023, 7)) == []


def test_get_and_save_refuse_other_counties(county_db):
    with county_db.db.transaction() as session:
        [item] = sync_month(session, county_db.county_id, JUNE, [_draft("县民政局")])
        assert get_item(session, county_db.county_id, item.id) == item
        with pytest.raises(LookupError, match="整改事项"):
            get_item(session, county_db.county_id + 1, item.id)
        with pytest.raises(LookupError):
            save_item(session, county_db.county_id + 1, replace(item, note="x"))
