"""A county's structure (县级配置): units, portal channels and columns, the 任务分解表, accounts.

Loaded from the county's `county.yaml`; validated here so that every reference resolves.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cached_property
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from govwatch.domain import limits
from govwatch.domain.cycles import Cycle
from govwatch.domain.model import AccountKey, ColumnKey, Platform, UnitKind
from govwatch.domain.names import close_matches, normalize_name
from govwatch.errors import InvalidInput


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)  # .inf waits forever


# Names as the county writes them, bounded by the database columns that store them.
CountyName = Annotated[str, limits.name(limits.COUNTY_NAME)]
UnitName = Annotated[str, limits.name(limits.UNIT_NAME)]
ChannelName = Annotated[str, limits.name(limits.CHANNEL_NAME)]
ColumnName = Annotated[str, limits.name(limits.COLUMN_NAME)]
AccountName = Annotated[str, limits.name(limits.ACCOUNT_NAME)]


class CountyInfo(_Strict):
    name: CountyName
    issuer: str = Field(description="发文机关, e.g. 眉县人民政府办公室")
    centre: str = Field(default="", description="the supervising centre")
    timezone: str = "Asia/Shanghai"
    portal: str | None = None

    @field_validator("timezone")
    @classmethod
    def _zone_exists(cls, value: str) -> str:
        """Checked here: every later command converts times in this zone."""
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"未知的时区“{value}”，应为 IANA 时区名，如 Asia/Shanghai") from None
        return value


class NoticeDateRule(_Strict):
    """How the 成文日期 is set when `govwatch report` is given no --date: from the deadline the notice sets
    (`before_deadline`: that many days before it; the seed: 7月20日 − 4 = 7月16日) or from the month judged
    (`after_month`: the first working day, Monday to Friday, at least `days` days after its end)."""

    rule: Literal["before_deadline", "after_month"] = "before_deadline"
    days: int = Field(default=4, ge=0, le=60)

    def issued(self, month_end: date, deadline: date) -> date:
        if self.rule == "before_deadline":
            return max(deadline - timedelta(days=self.days), month_end + timedelta(days=1))
        day = month_end + timedelta(days=max(self.days, 1))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return day


class NoticeSettings(_Strict):
    """The 公文 parts of the notice that are the office's, not the month's (GB/T 9704-2012 版头 and 版记)."""

    masthead: str | None = Field(default=None, max_length=30,
                                 description="发文机关标志 of the 文件格式; default: the issuer followed by 文件")
    document_number: str = Field(default="", max_length=40,
                                 description="发文字号 with {year} and {number}, e.g. 眉政办发〔{year}〕{number}号")
    number: int | None = Field(default=None, ge=1, description="the 发文字号's number; `report --number N` overrides")
    copy_to: tuple[str, ...] = Field(default=(), description="抄送机关, in order")
    printer: str | None = Field(default=None, max_length=40, description="印发机关; default: the issuer")
    printed_after_days: int = Field(default=0, ge=0, le=30, description="印发日期 = 成文日期 + this many days")
    date_rule: NoticeDateRule = NoticeDateRule()

    @field_validator("document_number")
    @classmethod
    def _number_template(cls, value: str) -> str:
        """The template must place the number, and may place the year; any other {…} is a typo."""
        if value and "{number}" not in value:
            raise ValueError(f"发文字号模板“{value}”应包含 {{number}}，如 眉政办发〔{{year}}〕{{number}}号")
        try:
            value.format(year=2000, number=1)
        except (KeyError, IndexError, ValueError):
            raise ValueError(f"发文字号模板“{value}”只能使用 {{year}} 和 {{number}}") from None
        return value

    def number_text(self, year: int, number: int | None) -> str:
        """眉政办发〔2023〕12号; without a number, the gap the office fills in by hand (眉政办发〔2023〕  号)."""
        if not self.document_number:
            return ""
        return self.document_number.format(year=year, number=number if number is not None else "\u3000\u3000")


class Unit(_Strict):
    name: UnitName
    kind: UnitKind = UnitKind.DEPARTMENT
    aliases: tuple[UnitName, ...] = ()


class SiteOverride(_Strict):
    """Crawl settings for one host, e.g. the centre's own portal, where it may ignore robots.txt."""

    host: str
    obey_robots: bool | None = None
    delay_seconds: float | None = Field(default=None, ge=0)
    concurrency: int | None = Field(default=None, ge=1)


class CrawlSettings(_Strict):
    """How `govwatch crawl` treats the sites it visits; every field has a polite default."""

    user_agent: str = "govwatch/0.1 (county portal supervision)"
    concurrency: int = Field(default=4, ge=1, description="requests in flight per host")
    delay_seconds: float = Field(default=0.5, ge=0, description="pause between two requests to a host")
    obey_robots: bool = True
    timeout_seconds: float = Field(default=20, gt=0, description="longest wait for a connection or for each read")
    request_deadline_seconds: float = Field(
        default=60, gt=0, description="one request's whole time, however slowly its bytes come (finding deadline)"
    )
    max_retry_after_seconds: float = Field(
        default=30, ge=0, description="longest Retry-After obeyed; a server asking for more is not retried"
    )
    retries: int = Field(default=3, ge=0)
    backoff_seconds: float = Field(default=0.5, ge=0, description="first retry pause; doubles on each retry")
    recheck_seconds: float = Field(default=5, ge=0, description="a failing link is checked again after this pause")
    max_page_bytes: int = Field(default=10_000_000, ge=1024, description="larger pages are skipped with a finding")
    max_list_pages: int = Field(default=200, ge=1, description="list pages followed per column (finding pager_cap)")
    max_links_per_page: int = Field(
        default=500, ge=1, description="links of one page checked; the rest are left (finding link_cap)"
    )
    max_site_pages: int = Field(
        default=20_000, ge=1, description="pages one `govwatch site-check` reads at most (the rest are left, and said)"
    )
    verify_tls: bool = Field(default=False, description="many .gov.cn certificates fail verification")
    check_links: bool = True
    check_attachments: bool = Field(
        default=True, description="fetch the same-site files an article links (.xlsx .xls .docx .doc .pdf .csv) and check them"
    )
    max_attachments_per_page: int = Field(
        default=20, ge=0, description="attached files read per article; the rest are left (finding attachment_cap)"
    )
    proxy: str | None = Field(default=None, description="HTTP proxy for every request, e.g. http://127.0.0.1:3128")
    government_domains: tuple[str, ...] = Field(
        default=(".gov.cn",), description="hosts ending so are government sites; others are external links"
    )
    sites: tuple[SiteOverride, ...] = ()

    def site(self, host: str) -> SiteOverride:
        """The override for `host`, or an empty one."""
        return next((s for s in self.sites if s.host == host), SiteOverride(host=host))

    def through(self, proxy: str | None) -> CrawlSettings:
        """These settings, sent through `proxy` when one is given (`--proxy`, e.g. the demo portal's)."""
        return self.model_copy(update={"proxy": proxy}) if proxy else self


class AccountSource(_Strict):
    """Where an account's posts come from: the platform API (`api`), a feed, or export files."""

    kind: Literal["api", "feed", "export"] = "api"
    url: str | None = Field(default=None, description="API base (default: the platform's), feed URL or export folder")
    credential_env: str | None = Field(
        default=None, description="environment variable holding the secret or access token (never in the YAML)"
    )
    options: dict[str, str] = Field(default_factory=dict, description="platform specifics, e.g. WeChat biz")


class Channel(_Strict):
    name: ChannelName
    per_unit: bool = Field(description="each unit keeps its own copy of the channel's columns")
    columns: tuple[ColumnName, ...] = Field(default=(), description="the shared columns of a channel that is not per unit")
    url: str | None = None


class ColumnAssignment(_Strict):
    column: ColumnName
    cycle: str
    url: str | None = Field(default=None, description="the column's list page, for crawling")

    @field_validator("cycle")
    @classmethod
    def _cycle_parses(cls, value: str) -> str:
        Cycle.parse(value)
        return value

    @property
    def parsed_cycle(self) -> Cycle:
        return Cycle.parse(self.cycle)


class AssignmentGroup(_Strict):
    unit: str
    channel: str
    columns: tuple[ColumnAssignment, ...]


class Account(_Strict):
    name: AccountName
    platform: Platform
    unit: str
    external_id: str | None = Field(default=None, max_length=limits.EXTERNAL_ID, description="the platform's id (appid, uid, open_id)")
    monitored_from: date | None = Field(default=None, description="first day under supervision: no silence before it")
    source: AccountSource | None = Field(default=None, description="where `govwatch ingest` reads its posts")

    @property
    def key(self) -> AccountKey:
        return AccountKey(self.name, self.platform)


class Assignment(BaseModel):
    """One row of the 任务分解表, resolved: a unit keeps a column with a cycle."""

    model_config = ConfigDict(frozen=True)

    unit: str
    column: ColumnKey
    cycle: Cycle
    url: str | None = None


class UnknownName(InvalidInput):
    """A unit, column or account name that the county does not have."""

    def __init__(self, what: str, name: str, suggestions: list[str]) -> None:
        hint = f"；是否是：{'、'.join(suggestions)}" if suggestions else ""
        super().__init__(f"未知的{what}“{name}”{hint}")
        self.what, self.name, self.suggestions = what, name, suggestions


class County(_Strict):
    county: CountyInfo
    units: tuple[Unit, ...]
    channels: tuple[Channel, ...]
    assignments: tuple[AssignmentGroup, ...] = ()
    accounts: tuple[Account, ...] = ()
    crawl: CrawlSettings = CrawlSettings()
    exports: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="column maps of the platforms' export files, by format (docs/import.md)"
    )
    notice: NoticeSettings = NoticeSettings()

    @model_validator(mode="after")
    def _accounts_under_unit_names(self) -> County:
        """An account may name its unit by an alias (县供销社 for 县供销联社), as an assignment may; grading,
        warnings and the store key units by their own name, so each account is kept under that name. A
        name that does not resolve is left as written, for reference_problems to report with its line."""
        index = self._unit_index
        accounts = tuple(
            a.model_copy(update={"unit": index[key].name}) if (key := normalize_name(a.unit)) in index else a
            for a in self.accounts
        )
        self.__dict__["accounts"] = accounts  # a frozen model's own field, set once while it is built
        return self

    def reference_problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Every name that does not resolve or is given twice, with the path of the field that holds it."""
        return [*self._unit_problems(), *self._channel_problems(), *self._assignment_problems(),
                *self._account_problems()]

    def _unit_problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        seen: dict[str, tuple[int, str]] = {}
        for i, unit in enumerate(self.units):
            for name in (unit.name, *unit.aliases):
                key = normalize_name(name)
                if key in seen and seen[key][0] != i:
                    first, first_name = seen[key]
                    problems.append((("units", i, "name"), f"单位名称“{name}”重复（已见于 units[{first}] {first_name}）"))
                seen.setdefault(key, (i, unit.name))
        return problems

    def _channel_problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        seen: set[str] = set()
        for i, channel in enumerate(self.channels):
            if channel.name in seen:
                problems.append((("channels", i, "name"), f"频道“{channel.name}”重复"))
            seen.add(channel.name)
            for j, column in enumerate(channel.columns):
                if column in channel.columns[:j]:
                    problems.append((("channels", i, "columns", j), f"栏目“{column}”重复"))
        return problems

    def _assignment_problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        channels = {c.name: c for c in self.channels}
        seen: set[tuple[str, str, str]] = set()
        for i, group in enumerate(self.assignments):
            unit_problem = self._unit_problem(("assignments", i, "unit"), group.unit)
            problems += unit_problem
            channel = channels.get(group.channel)
            if channel is None:
                problems.append((("assignments", i, "channel"),
                                 str(UnknownName("频道", group.channel, close_matches(group.channel, channels)))))
                continue
            for j, item in enumerate(group.columns):
                where = ("assignments", i, "columns", j, "column")
                if not channel.per_unit and item.column not in channel.columns:
                    problems.append((where, str(UnknownName("栏目", item.column, close_matches(item.column, channel.columns)))))
                key = (group.unit if unit_problem else self.unit(group.unit).name, channel.name, item.column)
                if key in seen:
                    problems.append((where, f"任务重复：{key[0]} 的 {channel.name}/{item.column} 已列出"))
                seen.add(key)
        return problems

    def _account_problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        seen: set[AccountKey] = set()
        for i, account in enumerate(self.accounts):
            if account.key in seen:
                problems.append((("accounts", i, "name"), f"账号重复：{account.key}"))
            seen.add(account.key)
            problems += self._unit_problem(("accounts", i, "unit"), account.unit)
        return problems

    def _unit_problem(self, path: tuple[str | int, ...], name: str) -> list[tuple[tuple[str | int, ...], str]]:
        try:
            self.unit(name)
        except UnknownName as exc:
            return [(path, str(exc))]
        return []

    @cached_property
    def _unit_index(self) -> dict[str, Unit]:
        return {normalize_name(n): u for u in self.units for n in (u.name, *u.aliases)}

    def unit(self, name: str) -> Unit:
        """The unit called `name` or one of its aliases; UnknownName lists close matches."""
        found = self._unit_index.get(normalize_name(name))
        if found is None:
            near = close_matches(name, self._unit_index)
            raise UnknownName("单位", name, list(dict.fromkeys(self._unit_index[n].name for n in near)))
        return found

    @cached_property
    def assignment_rows(self) -> tuple[Assignment, ...]:
        """The 任务分解表 flattened, in file order."""
        channels = {c.name: c for c in self.channels}
        rows = []
        for group in self.assignments:
            unit = self.unit(group.unit).name
            owner = unit if channels[group.channel].per_unit else None
            for item in group.columns:
                column = ColumnKey(group.channel, owner, item.column)
                rows.append(Assignment(unit=unit, column=column, cycle=item.parsed_cycle, url=item.url))
        return tuple(rows)

    def columns(self) -> list[ColumnKey]:
        """Every column, each once: units' own copies and the shared ones."""
        keys = [row.column for row in self.assignment_rows]
        for channel in self.channels:
            if not channel.per_unit:
                keys.extend(ColumnKey(channel.name, None, name) for name in channel.columns)
        return list(dict.fromkeys(keys))

    def account(self, name: str, platform: str | None = None) -> Account:
        """The account called `name` (and on `platform`, where two share a name)."""
        matches = [a for a in self.accounts if normalize_name(a.name) == normalize_name(name)]
        if platform:
            matches = [a for a in matches if a.platform == platform]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise UnknownName("账号（需注明平台）", name, [str(a.key) for a in matches])
        raise UnknownName("账号", name, close_matches(name, [a.name for a in self.accounts]))
