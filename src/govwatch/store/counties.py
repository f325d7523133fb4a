"""Storing a county's configuration (units, columns, 任务分解表, accounts) and reading it back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy import Connection, delete, select
from sqlalchemy.orm import Session

from govwatch.config.loader import CountyConfig
from govwatch.config.yaml_positions import field_name
from govwatch.domain.county import County
from govwatch.domain.model import AccountKey, ColumnKey, Platform
from govwatch.domain.rules import Rules
from govwatch.errors import NotFound
from govwatch.proofread import CountyLexicon
from govwatch.store.tables import AccountRow, AssignmentRow, ColumnRow, CountyRow, UnitRow, utcnow


class CountyNotFound(NotFound):
    """No county (tenant) of that name, or no county loaded at all."""


@dataclass(frozen=True)
class StoredCounty:
    """A county as stored: its id, structure and rules, and the ids of its units (by name), columns and
    accounts (by their typed keys) for writing posts."""

    id: int
    county: County
    rules: Rules
    unit_ids: dict[str, int]
    column_ids: dict[ColumnKey, int]
    account_ids: dict[AccountKey, int]

    def column_id_of_path(self, path: str | None) -> int | None:
        """The id of the column whose path (`str(ColumnKey)`) is `path`: the crawler's frontier is stored as
        JSON and carries a column as that text, the one place a column identity travels as a string."""
        return next((id_ for key, id_ in self.column_ids.items() if str(key) == path), None) if path else None


def save_config(session: Session, config: CountyConfig) -> int:
    """Insert or update the county and its structure; rows no longer configured keep their posts."""
    county = config.county
    row = session.scalar(select(CountyRow).where(CountyRow.name == county.county.name))
    if row is None:
        row = CountyRow(name=county.county.name, config=config.county_data, rules=config.rules_data)
        session.add(row)
    else:
        row.config, row.rules, row.updated_at = config.county_data, config.rules_data, utcnow()
    row.notice_template = config.notice_template
    lexicon = config.lexicon
    row.lexicon = {
        "allow": sorted(lexicon.allow),
        "pairs": [list(pair) for pair in lexicon.pairs],
        "leaders": [list(leader) for leader in lexicon.leaders],
        "leaders_label": lexicon.leaders_label,
    }
    session.flush()

    units = {u.name: u for u in session.scalars(select(UnitRow).where(UnitRow.county_id == row.id))}
    for unit in county.units:
        stored = units.get(unit.name) or UnitRow(county_id=row.id, name=unit.name)
        stored.kind, stored.aliases = unit.kind.value, list(unit.aliases)
        session.add(stored)
        units[unit.name] = stored
    session.flush()

    columns = {c.path: c for c in session.scalars(select(ColumnRow).where(ColumnRow.county_id == row.id))}
    urls = {str(a.column): a.url for a in county.assignment_rows}
    for key in county.columns():
        column = columns.get(str(key)) or ColumnRow(county_id=row.id, path=str(key))  # the path: its stored name
        column.channel, column.name = key.channel, key.name
        column.owner_unit_id = units[key.owner].id if key.owner else None
        column.url = urls.get(str(key))
        session.add(column)
        columns[str(key)] = column
    session.flush()

    session.execute(delete(AssignmentRow).where(AssignmentRow.county_id == row.id))
    for assignment in county.assignment_rows:
        session.add(AssignmentRow(
            county_id=row.id,
            unit_id=units[assignment.unit].id,
            column_id=columns[str(assignment.column)].id,
            cycle=str(assignment.cycle),
        ))

    accounts = {(a.name, a.platform): a for a in session.scalars(select(AccountRow).where(AccountRow.county_id == row.id))}
    for account in county.accounts:
        account_row = accounts.get((account.name, account.platform.value)) or AccountRow(
            county_id=row.id, name=account.name, platform=account.platform.value
        )
        account_row.unit_id, account_row.external_id = units[account.unit].id, account.external_id
        session.add(account_row)
    session.flush()
    return row.id


@dataclass(frozen=True)
class StoredAccount:
    """A new-media account as stored (a read model): its id, key (name, platform) and its unit's id."""

    id: int
    key: AccountKey
    unit_id: int

    @property
    def name(self) -> str:
        return self.key.name

    @property
    def platform(self) -> Platform:
        return self.key.platform


def _account(row: AccountRow) -> StoredAccount:
    return StoredAccount(row.id, AccountKey(row.name, Platform(row.platform)), row.unit_id)


def account_of(session: Session, county_id: int, account_id: int) -> StoredAccount:
    """The county's account with that id; LookupError names the id when there is none."""
    row = session.get(AccountRow, account_id)
    if row is None or row.county_id != county_id:
        raise NotFound(f"没有编号为 {account_id} 的账号")
    return _account(row)


def accounts_of_unit(session: Session, unit_id: int) -> list[StoredAccount]:
    return [_account(row) for row in session.scalars(
        select(AccountRow).where(AccountRow.unit_id == unit_id).order_by(AccountRow.id))]


def county_names(session: Session) -> list[str]:
    return list(session.scalars(select(CountyRow.name).order_by(CountyRow.id)))


def county_versions(session: Session, name: str | None) -> tuple[tuple[int, datetime], ...]:
    """(id, last change) of the county called `name`, or of every county: what a cache of a parsed county
    compares to know it is stale."""
    query = select(CountyRow.id, CountyRow.updated_at)
    if name:
        query = query.where(CountyRow.name == name)
    return tuple((id_, updated) for id_, updated in session.execute(query.order_by(CountyRow.id)))


def notice_template(session: Session, county_id: int) -> str | None:
    """The county's notice.md.j2 as `load-config` stored it (None: the shipped wording)."""
    return session.scalar(select(CountyRow.notice_template).where(CountyRow.id == county_id))


def county_lexicon(session: Session, county_id: int) -> CountyLexicon:
    """The county's lexicon/ words, pairs and leaders as `load-config` stored them (empty before any)."""
    data = session.scalar(select(CountyRow.lexicon).where(CountyRow.id == county_id)) or {}
    return CountyLexicon(
        allow=frozenset(data.get("allow", ())),
        pairs=tuple(tuple(pair) for pair in data.get("pairs", ())),
        leaders=tuple(tuple(leader) for leader in data.get("leaders", ())),
        leaders_label=data.get("leaders_label", ""),
    )


def own_names(session: Session, county_id: int) -> frozenset[str]:
    """The county's unit names and aliases and its account names (县卫健局, 眉县发布): its own proper nouns."""
    names: set[str] = set()
    for name, aliases in session.execute(select(UnitRow.name, UnitRow.aliases).where(UnitRow.county_id == county_id)):
        names.update([name, *(aliases or [])])
    names.update(session.scalars(select(AccountRow.name).where(AccountRow.county_id == county_id)))
    return frozenset(names)


def load_stored_county(session: Session, name: str | None = None) -> StoredCounty:
    """The county called `name`, or the only one stored."""
    # By name in SQL: a province's database holds hundreds of counties, each with its config JSON.
    query = select(CountyRow).order_by(CountyRow.id)
    rows = list(session.scalars(query.limit(2) if name is None else query.where(CountyRow.name == name)))
    if not rows:
        names = county_names(session)
        if not names:
            raise CountyNotFound("数据库中还没有县区配置，请先运行 govwatch load-config DIR 或 govwatch demo")
        raise CountyNotFound(f"未找到县区“{name}”，已有：{'、'.join(names)}")
    if len(rows) > 1:
        raise CountyNotFound(f"数据库中有多个县区（{'、'.join(county_names(session))}），请用 --county 指定")
    row = rows[0]
    try:
        county = County.model_validate(row.config)
        rules = Rules.model_validate(row.rules)
    except ValidationError as exc:  # stored by an older version whose checks were looser
        first = exc.errors()[0]
        raise CountyNotFound(
            f"数据库中县区“{row.name}”的配置未通过校验（{field_name(tuple(first['loc']))}：{first['msg']}），"
            "请修正县区目录后重新运行 govwatch load-config DIR"
        ) from None
    units, columns, accounts = structure_keys(session.connection(), row.id)
    return StoredCounty(row.id, county, rules, {name: id_ for id_, name in units.items()},
                        {key: id_ for id_, key in columns.items()}, {key: id_ for id_, key in accounts.items()})


def structure_keys(connection: Connection, county_id: int) -> tuple[dict[int, str], dict[int, ColumnKey],
                                                                     dict[int, AccountKey]]:
    """The county's stored units (id → name), columns (id → ColumnKey) and accounts (id → AccountKey),
    read as plain columns: every stored identity becomes its typed key here, once."""
    units: dict[int, str] = {id_: name for id_, name in connection.execute(
        select(UnitRow.id, UnitRow.name).where(UnitRow.county_id == county_id))}
    columns = {id_: ColumnKey(channel, units[owner] if owner else None, name)
               for id_, channel, owner, name in connection.execute(
                   select(ColumnRow.id, ColumnRow.channel, ColumnRow.owner_unit_id, ColumnRow.name)
                   .where(ColumnRow.county_id == county_id))}
    accounts = {id_: AccountKey(name, Platform(platform)) for id_, name, platform in connection.execute(
        select(AccountRow.id, AccountRow.name, AccountRow.platform).where(AccountRow.county_id == county_id))}
    return units, columns, accounts
