"""Generating a month of posts from a demo plan: dated, worded, attributed like real ones."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from govwatch.demo.plan import AccountOutput, DemoPlan
from govwatch.demo.schedule import Silence, account_days
from govwatch.demo.texts import TextMaker
from govwatch.domain.calendar import Month
from govwatch.domain.county import County, UnknownName
from govwatch.domain.incoming import IncomingPost
from govwatch.domain.model import ColumnKey, PostKind
from govwatch.domain.names import close_matches
from govwatch.errors import InvalidInput

# Posts an account makes just outside the month, so that silences are judged across its edges.
_CONTEXT_DAYS = (1, 3, 5, 7, 9)


class _Writer:
    """Shared state of one generation run: the random stream, the prose, the URL counter."""

    def __init__(self, plan: DemoPlan, county: County) -> None:
        self.plan, self.county = plan, county
        self.rng = random.Random(plan.seed)
        self.text = TextMaker(self.rng)
        self.zone = ZoneInfo(county.county.timezone)
        self.month = Month.parse(plan.month)
        self.serial = 100000
        self.planted = {
            (county.unit(s.unit).name, s.column): list(s.texts) for s in plan.sentences
        }

    def at(self, day: date) -> datetime:
        return datetime.combine(day, time(self.rng.randint(8, 20), self.rng.randint(0, 59)), self.zone)

    def url(self, section: str, day: date) -> str:
        self.serial += 1
        return f"{self.plan.portal}/{section}/{day:%Y%m}/t{day:%Y%m%d}_{self.serial}.html"

    def workdays(self, first: date, last: date) -> list[date]:
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        return [
            d for d in days
            if (d.weekday() < 5 or d in self.plan.extra_workdays) and d not in self.plan.holidays
        ]

    def pick_days(self, count: int, first: date, last: date) -> list[date]:
        pool = self.workdays(first, last)
        if count and not pool:
            raise InvalidInput(f"{first}至{last}没有工作日，无法安排 {count} 条信息（检查 earlier 与更新周期）")
        return sorted(self.rng.choice(pool) for _ in range(count))

    def take_sentence(self, unit: str, column: str) -> str | None:
        queue = self.planted.get((unit, column))
        return queue.pop(0) if queue else None


def _column_of(county: County, unit: str, name: str) -> ColumnKey:
    """The column called `name` that `unit` keeps or publishes into."""
    names = [r.column for r in county.assignment_rows if r.unit == unit]
    for column in names:
        if column.name == name:
            return column
    raise UnknownName(f"栏目（{unit}）", name, close_matches(name, [c.name for c in names]))


def _news_column(county: County, unit: str) -> ColumnKey:
    """The shared news column (各镇快讯 / 部门动态) the unit is assigned."""
    shared = [r.column for r in county.assignment_rows if r.unit == unit and r.column.owner is None]
    if not shared:
        raise UnknownName("新闻栏目任务的单位", unit, [])
    return shared[0]


def _item(w: _Writer, unit: str, column: ColumnKey, moment: datetime, planted: str | None) -> IncomingPost:
    """A portal item: news wording in a shared column, a disclosure notice in a unit's own column."""
    day = moment.date()
    if column.owner is None:
        (title, text), section = w.text.news(unit, day, planted), "xwzx"
    else:
        (title, text), section = w.text.article(unit, column.name, day, planted), "zwgk"
    return IncomingPost(title, moment, text, w.url(section, day), unit=unit,
                        channel=column.channel, column=column.name, source="demo")


def _disclosure(w: _Writer) -> Iterator[IncomingPost]:
    for unit_name, columns in w.plan.disclosure.items():
        unit = w.county.unit(unit_name).name
        for name in columns:
            out = w.plan.column_output(unit_name, name)
            column = _column_of(w.county, unit, name)
            window = next(r.cycle for r in w.county.assignment_rows if r.column == column).window(w.month)
            days = w.pick_days(out.earlier, window.start, w.month.first_day - timedelta(days=1))
            days += w.pick_days(out.count - out.earlier, w.month.first_day, w.month.last_day)
            for day in days:
                planted = w.take_sentence(unit, name) if day >= w.month.first_day else None
                yield _item(w, unit, column, w.at(day), planted)


def _news(w: _Writer) -> Iterator[IncomingPost]:
    for unit_name, count in w.plan.news.items():
        unit = w.county.unit(unit_name).name
        column = _news_column(w.county, unit)
        for day in w.pick_days(count, w.month.first_day, w.month.last_day):
            yield _item(w, unit, column, w.at(day), w.take_sentence(unit, column.name))


def _outside(w: _Writer) -> Iterator[IncomingPost]:
    for item in w.plan.outside_month:
        unit = w.county.unit(item.unit).name
        moment = item.at if item.at.tzinfo else item.at.replace(tzinfo=w.zone)
        yield _item(w, unit, _column_of(w.county, unit, item.column), moment, item.sentence)


def _silences(ranges: tuple[tuple[str, str], ...], month: Month) -> list[Silence]:
    def day(text: str) -> int:
        parsed = datetime.strptime(f"{month.year}-{text}", "%Y-%m-%d").date()
        if Month.of(parsed) != month:
            raise InvalidInput(f"静默期日期 {text} 不在 {month} 内")
        return parsed.day

    return [Silence(day(a), day(b)) for a, b in ranges]


def _account(w: _Writer, spec: AccountOutput) -> Iterator[IncomingPost]:
    account = w.county.account(spec.account, spec.platform)
    first, last = w.month.first_day, w.month.last_day
    reposts = spec.recommended + spec.other
    original_days, repost_days = account_days(
        spec.original, reposts, last.day, _silences(spec.silent, w.month), _silences(spec.silent_original, w.month)
    )
    # Interleave the recommended reposts evenly among all reposts.
    kinds = [
        PostKind.RECOMMENDED if (i + 1) * spec.recommended // max(reposts, 1) > i * spec.recommended // max(reposts, 1)
        else PostKind.OTHER_REPOST
        for i in range(reposts)
    ]
    dated: list[tuple[date, PostKind]] = [(first.replace(day=d), PostKind.ORIGINAL) for d in original_days]
    dated += [(first.replace(day=d), kind) for d, kind in zip(repost_days, kinds, strict=True)]
    dated += [(first - timedelta(days=n), PostKind.ORIGINAL) for n in _CONTEXT_DAYS]
    dated += [(last + timedelta(days=n), PostKind.ORIGINAL) for n in _CONTEXT_DAYS]
    for day, kind in sorted(dated, key=lambda x: x[0]):
        if kind is PostKind.ORIGINAL:
            title, text = w.text.original_post(account.unit, day)
        else:
            title, text = w.text.repost(kind is PostKind.RECOMMENDED)
        w.serial += 1
        yield IncomingPost(title, w.at(day), text, kind=kind, account=account.name, platform=account.platform,
                           external_id=str(w.serial), source="demo")


def generate_month(plan: DemoPlan, county: County) -> list[IncomingPost]:
    """Every post of the plan: the month's items, earlier items of longer windows, and the edges."""
    writer = _Writer(plan, county)
    posts = [*_disclosure(writer), *_news(writer), *_outside(writer)]
    for spec in plan.new_media:
        posts.extend(_account(writer, spec))
    unused = {key: texts for key, texts in writer.planted.items() if texts}
    if unused:
        where = "、".join(f"{unit}/{column}" for unit, column in unused)
        raise InvalidInput(f"计划中的句子多于该栏目本月的条数：{where}")
    return posts
