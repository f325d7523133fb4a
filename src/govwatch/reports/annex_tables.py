"""The three annex tables as rows of text, laid out like the seed's; the .docx and the .xlsx both write these."""

from __future__ import annotations

from dataclasses import dataclass

from govwatch.domain.evaluation import MonthEvaluation

# A zero count is printed "/" in the seed's 附件1 (实时更新 columns and empty quarters alike).
EMPTY = "/"


@dataclass(frozen=True)
class AnnexTable:
    """Header, rows, and the vertical merges of 附件1 (a unit's cells span its columns' rows)."""

    key: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    merged_columns: tuple[int, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()


def _count(value: int) -> str:
    return str(value) if value else EMPTY


def disclosure_table(evaluation: MonthEvaluation) -> AnnexTable:
    """附件1: one row per column; 序号, unit and grade merged over the unit's rows."""
    rows: list[tuple[str, ...]] = []
    spans: list[tuple[int, int]] = []
    for number, grade in enumerate(evaluation.disclosure, 1):
        start = len(rows)
        for column in grade.columns:
            rows.append((str(number), grade.unit, column.assignment.column.name, str(column.assignment.cycle),
                         _count(column.actual), grade.grade))
        spans.append((start, len(rows) - 1))
    return AnnexTable("disclosure", ("序号", "保障单位", "保障栏目", "更新周期", "实际更新条数", "评定等次"),
                      tuple(rows), merged_columns=(0, 1, 5), spans=tuple(spans))


def news_table(evaluation: MonthEvaluation) -> AnnexTable:
    """附件2 as a list; `fold` puts it side by side as the seed prints it."""
    rows = tuple((g.unit, str(len(g.posts)), g.grade) for g in evaluation.news)
    return AnnexTable("news", ("单位", "发布条数", "综合评价"), rows)


def new_media_table(evaluation: MonthEvaluation) -> AnnexTable:
    rules = evaluation.rules.new_media
    header = ("序号", "账号名称", "媒体类型", "原创信息更新数", "原创信息实际更新数", "推荐转载信息数", "实际转载推荐信息数",
              "转载信息更新总数", "其它转载信息数", "更新信息总数", "存在突出问题", "综合评价")
    rows = tuple(
        (str(n), g.account.name, g.account.platform.value, str(rules.required_original), str(g.original),
         str(rules.required_recommended), str(g.recommended), str(g.reposts), str(g.other_reposts), str(g.total),
         "；".join(g.problems) or "无", g.grade)
        for n, g in enumerate(evaluation.new_media, 1)
    )
    return AnnexTable("new_media", header, rows)


def fold(table: AnnexTable, parts: int = 2) -> AnnexTable:
    """Print a long narrow table in `parts` side-by-side halves, read column by column (the seed's 附件2)."""
    height = -(-len(table.rows) // parts)
    blank = ("",) * len(table.header)
    chunks = [table.rows[i * height:(i + 1) * height] for i in range(parts)]
    rows = tuple(
        sum((chunk[r] if r < len(chunk) else blank for chunk in chunks), ())
        for r in range(height)
    )
    return AnnexTable(table.key, table.header * parts, rows)


def annex_tables(evaluation: MonthEvaluation) -> dict[str, AnnexTable]:
    return {
        "disclosure": disclosure_table(evaluation),
        "news": news_table(evaluation),
        "new_media": new_media_table(evaluation),
    }
