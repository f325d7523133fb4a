"""The notice's words: a Jinja2 template the county edits, rendered from the notice model into blocks.

The template writes plain lines; a line's first characters say what it is, so the layout (fonts,
indents, page breaks) stays in the .docx writer and the wording stays with the county:

    # 发文机关        ## 标题        ### 一级标题（黑体）   #### 二级标题（楷体）
    @主送 …          @附件说明       @署名 …              @成文日期 …
    @附件 KEY 标题   (a new page with the annex table KEY: disclosure, news or new_media)
    @注 …            (a note under the table)
    any other line   a body paragraph; **text** is bold (the seed's "1. **信息审核把关不严。**")
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import jinja2

from govwatch.domain.calendar import DayRange, Month
from govwatch.domain.evaluation import ANNEXES
from govwatch.errors import InputFileError
from govwatch.reports.notice_model import NoticeModel, TextError

PACKAGE_PREFIX = "govwatch"
DEFAULT_TEMPLATE = f"{PACKAGE_PREFIX}/notice.md.j2"
STORED_TEMPLATE = "已载入的县区通报模板 notice.md.j2"  # the county's own, as load-config stored it

_HEADINGS = {"####": "subheading", "###": "heading", "##": "title", "#": "issuer"}
_DIRECTIVES = {"主送": "recipients", "附件说明": "attachments", "署名": "signature", "成文日期": "date",
               "附件": "annex", "注": "note"}
_BOLD = re.compile(r"\*\*(.+?)\*\*")


class TemplateProblem(InputFileError):
    """The county's template does not render or uses an unknown directive; names file and line."""


@dataclass(frozen=True)
class Block:
    """One line of the rendered notice: its kind, text, and for an annex page the table it holds."""

    kind: str
    text: str
    annex: str | None = None

    def runs(self) -> list[tuple[str, bool]]:
        """The text split into (text, bold) runs."""
        parts = _BOLD.split(self.text)
        return [(part, i % 2 == 1) for i, part in enumerate(parts) if part]

    @property
    def plain(self) -> str:
        return _BOLD.sub(r"\1", self.text)


def cn_month(month: Month) -> str:
    return f"{month.year}年{month.month}月"


def cn_date(day: date | datetime) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def cn_day(day: date | datetime) -> str:
    return f"{day.month}月{day.day}日"


def cn_range(days: DayRange | None) -> str:
    """6月16日至23日 within a month, 5月28日至6月3日 across two."""
    if days is None:
        return ""
    end = f"{days.end.day}日" if days.end.month == days.start.month else cn_day(days.end)
    return f"{cn_day(days.start)}至{end}"


def miswritten(errors: Iterable[TextError], sep: str = "，") -> str:
    """The seed's way of quoting a slip: “党的二十大精神”错写为“党的二十精神”."""
    return sep.join(f"“{e.right}”错写为“{e.wrong}”" if e.right else f"“{e.wrong}”" for e in errors)


def quoted(names: Iterable[str]) -> str:
    return "".join(f"“{n}”" for n in names)


def _environment(template_dir: Path | None, stored: str | None) -> jinja2.Environment:
    package = jinja2.PackageLoader("govwatch.reports", "templates")
    loaders: list[jinja2.BaseLoader] = [jinja2.PrefixLoader({PACKAGE_PREFIX: package})]
    if template_dir is not None:
        loaders.insert(0, jinja2.FileSystemLoader(str(template_dir)))
    elif stored is not None:
        loaders.insert(0, jinja2.DictLoader({STORED_TEMPLATE: stored}))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders), undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False,
        extensions=["jinja2.ext.do"],
    )
    env.filters.update(cn_month=cn_month, cn_date=cn_date, cn_day=cn_day, cn_range=cn_range,
                       miswritten=miswritten, quoted=quoted)
    return env


def render_text(model: NoticeModel, issued: date, template: Path | None = None, stored: str | None = None) -> str:
    """The template rendered for `model`: a file being edited, else the county's stored one, else the shipped default."""
    env = _environment(template.parent if template else None, stored)
    name = template.name if template else STORED_TEMPLATE if stored is not None else DEFAULT_TEMPLATE
    shown = str(template) if template else name
    context = {
        "county": model.county, "month": model.month, "issued": issued, "rules": model.rules,
        "labels": model.labels, "summary": model.summary, "grades": model.grades, "errors": model.errors,
        "problems": model.problems_of_kind, "other_failures": model.other_failures, "deadline": model.deadline,
    }
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(f"{exc.filename or shown}:{exc.lineno}: 通报模板语法错误：{exc.message}") from None
    except jinja2.TemplateError as exc:
        raise TemplateProblem(f"{shown}: 通报模板无法生成：{exc}") from None


def parse_blocks(text: str, source: str = "通报模板") -> list[Block]:
    """Split rendered text into blocks; an unknown @directive or annex key names its line."""
    blocks = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        marks, _, rest = line.partition(" ")
        if marks in _HEADINGS:
            blocks.append(Block(_HEADINGS[marks], rest.strip()))
        elif line.startswith("@"):
            blocks.append(_directive(line[1:], number, source))
        else:
            blocks.append(Block("paragraph", line))
    return blocks


def _directive(line: str, number: int, source: str) -> Block:
    name, _, rest = line.partition(" ")
    kind = _DIRECTIVES.get(name)
    if kind is None:
        raise TemplateProblem(f"{source} 第{number}行：未知的指令“@{name}”，可用：{'、'.join('@' + d for d in _DIRECTIVES)}")
    if kind != "annex":
        return Block(kind, rest.strip())
    key, _, title = rest.strip().partition(" ")
    if key not in ANNEXES:
        raise TemplateProblem(f"{source} 第{number}行：@附件 后应为 {'、'.join(ANNEXES)} 之一，收到“{key}”")
    return Block("annex", title.strip(), annex=key)


def annex_titles(blocks: Sequence[Block]) -> list[str]:
    """The annexes in their order, for the 附件说明 list."""
    return [b.text for b in blocks if b.kind == "annex"]
