"""The template's line markup, the Chinese date helpers and how listed problems are read back."""

from datetime import date, time

import pytest

from govwatch.domain.calendar import DayRange, Month
from govwatch.domain.rectification import Status, is_overdue, rectification_deadline
from govwatch.domain.rules import RectificationRules
from govwatch.reports.notice_model import build_notice_model
from govwatch.reports.notice_text import Block, TemplateProblem, cn_range, parse_blocks, render_text


def test_line_markup_becomes_blocks():
    blocks = parse_blocks("# 机关\n## 标题\n@主送 各单位：\n\n### 一、总体情况\n1. **要求。**正文\n"
                          "@附件 news 统计表\n@注 注：说明\n")
    assert [b.kind for b in blocks] == ["issuer", "title", "recipients", "heading", "paragraph", "annex", "note"]
    assert blocks[4].runs() == [("1. ", False), ("要求。", True), ("正文", False)]
    assert blocks[5] == Block("annex", "统计表", annex="news")


def test_unknown_directive_and_annex_name_the_line():
    with pytest.raises(TemplateProblem, match=r"第2行.*@抄送"):
        parse_blocks("正文\n@抄送 某单位\n")
    with pytest.raises(TemplateProblem, match=r"第1行.*disclosure"):
        parse_blocks("@附件 annex1 标题\n")


def test_template_errors_name_the_file(tmp_path, demo_month):
    bad = tmp_path / "notice.md.j2"
    bad.write_text('{% extends "govwatch/notice.md.j2" %}\n{% block opening %}{{ nothing.here }}{% endblock %}\n',
                   encoding="utf-8")
    with pytest.raises(TemplateProblem, match="通报模板无法生成"):
        render_text(build_notice_model(demo_month.config.county.county, demo_month.evaluation, {}), date(2023, 7, 16), bad)


def test_day_ranges_read_like_the_notice():
    assert cn_range(DayRange(date(2023, 6, 16), date(2023, 6, 23))) == "6月16日至23日"
    assert cn_range(DayRange(date(2023, 5, 28), date(2023, 6, 3))) == "5月28日至6月3日"


def test_deadline_is_the_next_months_day_and_time():
    rules = RectificationRules(deadline_day=20, deadline_time=time(18))
    due = rectification_deadline(Month(2023, 6), rules, "Asia/Shanghai")
    assert due.isoformat() == "2023-07-20T18:00:00+08:00"
    late = RectificationRules(deadline_day=31, deadline_time=time(18))
    assert rectification_deadline(Month(2023, 1), late, "Asia/Shanghai").date() == date(2023, 2, 28)
    assert rectification_deadline(Month(2023, 12), rules, "Asia/Shanghai").date() == date(2024, 1, 20)


def test_overdue_means_late_or_unanswered_after_the_deadline():
    rules = RectificationRules(deadline_day=20, deadline_time=time(18))
    due = rectification_deadline(Month(2023, 6), rules, "Asia/Shanghai")
    before, after = due.replace(hour=17), due.replace(hour=19)
    assert not is_overdue(due, None, Status.OPEN, before)
    assert is_overdue(due, None, Status.OPEN, after)
    assert not is_overdue(due, before, Status.RESPONDED, after)
    assert is_overdue(due, after, Status.CLOSED, after)
    assert not is_overdue(due, None, Status.WITHDRAWN, after)
