"""Charts for the notice appendix and the dashboard: grade distribution, items per unit, the year's trend.

Each chart is written as PNG and SVG with fixed metadata, so re-running gives the same files. Chinese
labels need a CJK font: the first installed of CJK_FONTS is used (CI installs Debian's fonts-noto-cjk);
without one the charts are still written and `cjk_font()` returns None so the caller can warn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
from matplotlib import font_manager
from matplotlib.figure import Figure

from govwatch.domain.result import MonthResult
from govwatch.domain.rules import GradeLabels
from govwatch.reports.notice_model import GradeCount

CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei",
             "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "PingFang SC")
ANNEX_SHORT = {"disclosure": "附件1 信息公开", "news": "附件2 快讯动态", "new_media": "附件3 政务新媒体"}
_COLOURS = {"excellent": "#2e7d32", "pass": "#90a4ae", "fail": "#c62828"}
_SERIES = ("#1565c0", "#ef6c00", "#6a1b9a")


@dataclass(frozen=True)
class MonthGrades:
    """One month of a year's trend: failing subjects and graded subjects per annex."""

    month: int
    failed: dict[str, int]
    graded: dict[str, int]


def cjk_font() -> str | None:
    """The first installed font of CJK_FONTS, by family name."""
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def _style() -> dict:
    font = cjk_font()
    return {
        "font.family": [font, "DejaVu Sans"] if font else ["DejaVu Sans"],
        "axes.unicode_minus": False,
        "svg.hashsalt": "govwatch",  # stable element ids in the SVG
        "svg.fonttype": "none",  # text stays text in the SVG (searchable, small)
    }


def save_chart(figure: Figure, directory: Path, name: str) -> list[Path]:
    """NAME.png and NAME.svg without creation dates or software versions in their metadata."""
    directory.mkdir(parents=True, exist_ok=True)
    png, svg = directory / f"{name}.png", directory / f"{name}.svg"
    with matplotlib.rc_context(_style()):
        figure.savefig(png, dpi=150, metadata={"Software": None})
        figure.savefig(svg, metadata={"Date": None, "Creator": None})
    return [png, svg]


def _figure(width: float, height: float) -> Figure:
    with matplotlib.rc_context(_style()):
        figure = Figure(figsize=(width, height), layout="constrained")
    return figure


def grade_distribution(grades: dict[str, GradeCount], labels: dict[str, GradeLabels], title: str) -> Figure:
    """Stacked bars: how many units or accounts of each annex got each grade."""
    with matplotlib.rc_context(_style()):
        figure = _figure(7, 3.2)
        axes = figure.add_subplot()
        annexes = list(ANNEX_SHORT)
        left = [0] * len(annexes)
        for key in ("excellent", "pass", "fail"):
            values = [len(grades[a].excellent) if key == "excellent" else grades[a].passed if key == "pass"
                      else grades[a].failed for a in annexes]
            words = {labels[a].excellent if key == "excellent" else labels[a].pass_ if key == "pass" else labels[a].fail
                     for a in annexes} - {None}
            bars = axes.barh([ANNEX_SHORT[a] for a in annexes], values, left=left, color=_COLOURS[key],
                             label="/".join(sorted(w for w in words if w)))
            axes.bar_label(bars, labels=[str(v) if v else "" for v in values], label_type="center", color="white")
            left = [a + b for a, b in zip(left, values, strict=True)]
        axes.invert_yaxis()
        axes.set_xlabel("单位或账号数")
        axes.set_title(title)
        axes.legend(loc="lower right", fontsize="small")
    return figure


def items_per_unit(result: MonthResult, title: str) -> Figure:
    """Each unit's 信息公开 items and news items of the month, most active first."""
    disclosure = {g.unit: g.actual for g in result.disclosure}
    news = {g.unit: g.posts for g in result.news}
    units = sorted(set(disclosure) | set(news), key=lambda u: (-(disclosure.get(u, 0) + news.get(u, 0)), u))
    with matplotlib.rc_context(_style()):
        figure = _figure(7, 0.22 * len(units) + 1.2)
        axes = figure.add_subplot()
        positions = range(len(units))
        axes.barh([p - 0.2 for p in positions], [disclosure.get(u, 0) for u in units], height=0.4,
                  color=_SERIES[0], label=ANNEX_SHORT["disclosure"])
        axes.barh([p + 0.2 for p in positions], [news.get(u, 0) for u in units], height=0.4,
                  color=_SERIES[1], label=ANNEX_SHORT["news"])
        axes.set_yticks(list(positions), units, fontsize="small")
        axes.invert_yaxis()
        axes.set_xlabel("信息条数")
        axes.set_title(title)
        axes.legend(loc="lower right", fontsize="small")
    return figure


def year_trend(months: Sequence[MonthGrades], title: str) -> Figure:
    """Failing units or accounts per annex, month by month."""
    with matplotlib.rc_context(_style()):
        figure = _figure(7, 3.2)
        axes = figure.add_subplot()
        for colour, annex in zip(_SERIES, ANNEX_SHORT, strict=True):
            axes.plot([m.month for m in months], [m.failed.get(annex, 0) for m in months], marker="o",
                      color=colour, label=ANNEX_SHORT[annex])
        axes.set_xticks(range(1, 13), [f"{m}月" for m in range(1, 13)])
        axes.set_xlim(0.5, 12.5)
        axes.set_ylim(bottom=0)
        axes.set_ylabel("不合格（差）数")
        axes.set_title(title)
        axes.legend(loc="upper right", fontsize="small")
    return figure


def month_grades(rows: Sequence, fail_labels: dict[str, str]) -> list[MonthGrades]:
    """MonthGrades from stored grades (anything with month 'YYYY-MM', annex and grade)."""
    failed: dict[int, Counter] = {}
    graded: dict[int, Counter] = {}
    for row in rows:
        month = int(row.month[5:7])
        graded.setdefault(month, Counter())[row.annex] += 1
        failed.setdefault(month, Counter())[row.annex] += row.grade == fail_labels[row.annex]
    return [MonthGrades(m, dict(failed[m]), dict(graded[m])) for m in sorted(graded)]
