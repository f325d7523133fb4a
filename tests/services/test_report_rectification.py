"""Rectification items: one per notified subject, idempotent, answered and closed, withdrawn when no longer due."""

from datetime import UTC, datetime

import pytest

from govwatch.domain.calendar import Month
from govwatch.domain.grading.reasons import GradeOverride
from govwatch.domain.rectification import Status
from govwatch.services import rectification
from govwatch.services.overrides import record_override
from govwatch.services.report import notice_model
from govwatch.store.counties import load_stored_county

JUNE = Month(2023, 6)
BEFORE = datetime(2023, 7, 18, tzinfo=UTC)
AFTER = datetime(2023, 7, 21, tzinfo=UTC)


def open_june(db):
    with db.transaction() as session:
        stored = load_stored_county(session)
        rows = rectification.open_items(session, stored, notice_model(session, stored, JUNE))
        return {(r.annex, r.subject): (r.id, r.deadline, r.problems, r.status) for r in rows}


def test_every_failing_subject_gets_an_item_with_the_deadline(demo_copy):
    items = open_june(demo_copy)
    assert len(items) == 17  # 2 of 附件1, 9 of 附件2, 6 of 附件3
    assert {annex for annex, _ in items} == {"disclosure", "news", "new_media"}
    _, deadline, problems, status = items[("disclosure", "县财政局")]
    assert deadline == datetime(2023, 7, 20, 10, tzinfo=UTC)  # 7月20日18:00 in 眉县
    assert status == "open"
    assert next(p["text"] for p in problems) == "财政资金信息《县财政局财政资金信息（6月1日）》：“党的二十精神”应为“党的二十大精神”"
    assert all(p["post_id"] for p in problems)
    assert [p["text"] for p in items[("new_media", "眉县公安（微信订阅号）")][2]] == \
        ["06-22至06-30信息未更新", "应转载信息数量不足"]
    assert [p["text"] for p in items[("news", "县住建局")][2]] == ["本月未报送新闻信息"]


def test_opening_twice_keeps_ids_and_answers(demo_copy):
    first = open_june(demo_copy)
    item = first[("news", "县交通局")][0]
    with demo_copy.transaction() as session:
        rectification.respond(session, load_stored_county(session), item, "已更正“共克时艰”", "县交通局", BEFORE)
    second = open_june(demo_copy)
    assert {k: v[0] for k, v in first.items()} == {k: v[0] for k, v in second.items()}
    assert second[("news", "县交通局")][3] == "responded"


def test_respond_close_and_overdue(demo_copy):
    items = open_june(demo_copy)
    late_id, on_time_id = items[("news", "县交通局")][0], items[("news", "县民政局")][0]
    with demo_copy.transaction() as session:
        stored = load_stored_county(session)
        with pytest.raises(ValueError, match="须先由单位反馈"):
            rectification.close(session, stored, on_time_id, "中心", AFTER)
        rectification.respond(session, stored, on_time_id, "已整改", "县民政局", BEFORE)
        closed = rectification.close(session, stored, on_time_id, "中心", AFTER, "核实无误")
        assert closed.status == Status.CLOSED.value and not rectification.item_overdue(closed, AFTER)
        with pytest.raises(ValueError, match="不能再反馈"):
            rectification.respond(session, stored, on_time_id, "再次", "县民政局", AFTER)
        overdue = rectification.list_items(session, stored, AFTER, overdue_only=True)
        assert late_id in {r.id for r in overdue} and on_time_id not in {r.id for r in overdue}
        assert rectification.list_items(session, stored, BEFORE, overdue_only=True) == []
        with pytest.raises(LookupError, match="没有编号为 9999"):
            rectification.respond(session, stored, 9999, "x", "y", AFTER)


def test_an_item_no_longer_notified_is_withdrawn(demo_copy):
    open_june(demo_copy)
    with demo_copy.transaction() as session:
        stored = load_stored_county(session)
        record_override(session, stored, JUNE, GradeOverride("news", "县住建局", "合格", "该局6月系统迁移，经核实报送正常",
                                                             "中心", BEFORE))
    items = open_june(demo_copy)
    assert ("news", "县住建局") not in items
    with demo_copy.transaction() as session:
        rows = rectification.list_items(session, load_stored_county(session), AFTER, JUNE, (Status.WITHDRAWN,))
    assert [r.subject for r in rows] == ["县住建局"]
