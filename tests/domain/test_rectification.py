"""The rectification moves and the 三审 order, without a database."""

from datetime import UTC, datetime

import pytest

from govwatch.domain import rectification as moves
from govwatch.domain.publishing import Signature, check_signature, next_stage
from govwatch.domain.rectification import RectificationItem, Status

DEADLINE = datetime(2023, 7, 20, 10, tzinfo=UTC)
BEFORE, AFTER = datetime(2023, 7, 18, tzinfo=UTC), datetime(2023, 7, 21, tzinfo=UTC)
DRAFT = RectificationItem(None, "2023-06", "news", "县交通局", "县交通局", "不合格", [{"text": "错字"}], DEADLINE)


def _open() -> RectificationItem:
    return moves.notified(None, DRAFT)


def test_an_item_is_answered_then_closed():
    item = _open()
    assert item.status is Status.OPEN and item.id is None and item.overdue(AFTER) and not item.overdue(BEFORE)
    with pytest.raises(ValueError, match="须先由单位反馈"):
        moves.close(item, "中心", AFTER)
    with pytest.raises(ValueError, match="不能为空"):
        moves.respond(item, "  ", "县交通局", BEFORE)
    answered = moves.respond(item, "已更正", "县交通局", BEFORE)
    assert (answered.status, answered.responded_at, answered.response) == (Status.RESPONDED, BEFORE, "已更正")
    assert not answered.overdue(AFTER)
    assert moves.respond(answered, "再补充", "县交通局", BEFORE).response == "再补充"  # answered again before closing
    closed = moves.close(answered, "中心", AFTER, "核实无误")
    assert (closed.status, closed.closed_by, closed.note) == (Status.CLOSED, "中心", "核实无误")
    with pytest.raises(ValueError, match="已销号，不能再反馈"):
        moves.respond(closed, "再次", "县交通局", AFTER)


def test_late_answers_are_overdue_and_withdrawn_items_never():
    assert moves.respond(_open(), "迟到", "县交通局", AFTER).overdue(AFTER)
    withdrawn = moves.no_longer_notified(_open())
    assert withdrawn.status is Status.WITHDRAWN and not withdrawn.overdue(AFTER)
    with pytest.raises(ValueError, match="已撤销"):
        moves.respond(withdrawn, "x", "y", BEFORE)


def test_notified_again_reopens_a_withdrawn_item_and_keeps_answers():
    changed = RectificationItem(None, "2023-06", "news", "县交通局", "县交通局", "差", [{"text": "新问题"}], DEADLINE)
    reopened = moves.notified(moves.no_longer_notified(_open()), changed)
    assert (reopened.status, reopened.grade, reopened.problems) == (Status.OPEN, "差", [{"text": "新问题"}])
    answered = moves.respond(_open(), "已改", "县交通局", BEFORE)
    assert moves.notified(answered, changed).status is Status.RESPONDED
    assert moves.no_longer_notified(answered) == answered  # the record of what was done stays


def test_three_stages_in_order_by_three_people():
    assert next_stage([]) == "初审"
    first = [Signature("初审", "甲", BEFORE)]
    with pytest.raises(ValueError, match="应先完成“复审”"):
        check_signature(first, "终审", "乙")
    with pytest.raises(ValueError, match="两级审核"):
        check_signature(first, "复审", "甲")
    check_signature(first, "复审", "乙")
    done = [*first, Signature("复审", "乙", BEFORE), Signature("终审", "丙", BEFORE)]
    assert next_stage(done) is None
    with pytest.raises(ValueError, match="已全部完成"):
        check_signature(done, "终审", "丁")
