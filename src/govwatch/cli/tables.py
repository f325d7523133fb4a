"""The three annex tables printed with rich, laid out like the seed notice's."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from govwatch.domain.evaluation import MonthEvaluation

_GRADE_STYLES = {"优秀": "bold green", "不合格": "bold red", "差": "bold red"}


def _grade(text: str, overridden: bool) -> str:
    style = _GRADE_STYLES.get(text)
    shown = f"[{style}]{text}[/{style}]" if style else text
    return shown + ("（调整）" if overridden else "")


def disclosure_table(evaluation: MonthEvaluation) -> Table:
    table = Table(title=f"附件1  {evaluation.month.year}年{evaluation.month.month}月政府信息公开频道信息发布情况统计表",
                  show_lines=True)
    for header in ("序号", "保障单位", "保障栏目", "更新周期", "应更新", "实际更新", "评定等次"):
        table.add_column(header)
    for number, grade in enumerate(evaluation.disclosure, 1):
        table.add_row(
            str(number),
            grade.unit,
            "\n".join(c.assignment.column.name for c in grade.columns),
            "\n".join(str(c.assignment.cycle) for c in grade.columns),
            "\n".join(str(c.required) if c.required else "/" for c in grade.columns),
            "\n".join(str(c.actual) if c.actual else "/" for c in grade.columns),
            _grade(grade.grade, grade.override is not None),
        )
    return table


def news_table(evaluation: MonthEvaluation) -> Table:
    table = Table(title=f"附件2  {evaluation.month.year}年{evaluation.month.month}月各镇快讯、部门动态栏目信息发布情况统计表")
    for header in ("序号", "单位", "发布条数", "综合评价"):
        table.add_column(header)
    for number, grade in enumerate(evaluation.news, 1):
        table.add_row(str(number), grade.unit, str(len(grade.posts)), _grade(grade.grade, grade.override is not None))
    return table


def new_media_table(evaluation: MonthEvaluation) -> Table:
    rules = evaluation.rules.new_media
    table = Table(title=f"附件3  {evaluation.month.year}年{evaluation.month.month}月政务新媒体运维情况统计表",
                  show_lines=True)
    table.add_column("序号")
    table.add_column("账号名称", no_wrap=True)
    table.add_column("媒体类型", no_wrap=True)
    for header in ("原创\n要求", "原创\n实际", "推荐转载\n要求", "推荐转载\n实际", "转载\n总数", "其它\n转载", "更新\n总数"):
        table.add_column(header, justify="right")
    table.add_column("存在突出问题", min_width=16)
    table.add_column("综合评价", no_wrap=True)
    for number, g in enumerate(evaluation.new_media, 1):
        table.add_row(
            str(number), g.account.name, g.account.platform.value, str(rules.required_original), str(g.original),
            str(rules.required_recommended), str(g.recommended), str(g.reposts), str(g.other_reposts), str(g.total),
            "；".join(g.problems) or "无", _grade(g.grade, g.override is not None),
        )
    return table


def print_annexes(console: Console, evaluation: MonthEvaluation) -> None:
    for table in (disclosure_table(evaluation), news_table(evaluation), new_media_table(evaluation)):
        console.print(table)
    adjusted = [(g, g.override) for g in (*evaluation.disclosure, *evaluation.news, *evaluation.new_media)
                if g.override]
    if adjusted:
        console.print("[bold]人工调整：[/bold]")
        for g, o in adjusted:
            console.print(f"  {o.subject}：{g.computed} → {o.grade}。理由：{o.reason}（{o.by}，{o.at:%Y-%m-%d}）",
                          soft_wrap=True)
