"""Storing a county's configuration (units, columns, 任务分解表, accounts) and reading it back."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from govwatch.config.loader import CountyConfig
from govwatch.config.yaml_positions import field_name
from govwatch.domain.county import County
from govwatch.domain.rules import Rules
from govwatch.errors import NotFound
from govwatch.proofread import CountyLexicon
from govwatch.store.tables import AccountRow, AssignmentRow, ColumnRow, CountyRow, UnitRow, utcnow


class CountyNotFound(NotFound):
    """No county (tenant) of that name, or no county loaded at all."""


@dataclass(frozen=True)
class StoredCounty:
    """A county as stored: its id, structure and rules, and name → id maps for writing posts."""

    id: int
    county: County
    rules: Rules
    unit_ids: dict[str, int]
    column_ids: dict[str, int]
    account_ids: dict[str, int]


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
        column = columns.get(str(key)) or ColumnRow(county_id=row.id, path=str(key))
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


def county_names(session: Session) -> list[str]:
    return list(session.scalars(select(CountyRow.name).order_by(CountyRow.id)))


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
    unit_ids = {u.name: u.id for u in session.scalars(select(UnitRow).where(UnitRow.county_id == row.id))}
    column_ids = {c.path: c.id for c in session.scalars(select(ColumnRow).where(ColumnRow.county_id == row.id))}
    account_ids = {
        f"{a.name}（{a.platform}）": a.id
        for a in session.scalars(select(AccountRow).where(AccountRow.county_id == row.id))
    }
    return StoredCounty(row.id, county, rules, unit_ids, column_ids, account_ids)
