"""A canonical dump of a govwatch database: every stored fact, none of what only tells when or in which order.

Row ids are dropped and each foreign key is replaced by the canonical form of the row it points at, so
two databases that hold the same posts, versions, findings and grades compare equal even when their rows
were written in another order. Clock columns (collected_at, last_seen …) become "set or not"; the dates
that are content (a post's published_at, a rectification's deadline) are kept.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sqlalchemy import Table, select

import govwatch.store.web_tables  # noqa: F401 - registers the web tables on the metadata
from govwatch.store.db import Database
from govwatch.store.tables import Base, UtcDateTime

CONTENT_TIMES = frozenset({"published_at", "deadline"})
# Tokens a fake platform hands out are random: which one a run holds last is no fact about the county.
SKIPPED_TABLES = frozenset({"platform_tokens"})

Dump = dict[str, Counter]


def _ids_replaced(value: Any, known: dict[str, dict[int, tuple]]) -> Any:
    """JSON with each `post_id`, `unit_id` … replaced by the canonical row it names (a grade's evidence)."""
    if isinstance(value, list):
        return [_ids_replaced(v, known) for v in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        table = f"{key[:-3]}s" if key.endswith("_id") else None
        if table in known and isinstance(item, int) and item in known[table]:
            item = str(known[table][item])
        out[key] = _ids_replaced(item, known)
    return out


def _value(column, value: Any, known: dict[str, dict[int, tuple]]) -> Any:
    if isinstance(column.type, UtcDateTime) and column.name not in CONTENT_TIMES:
        return value is not None
    if isinstance(value, dict | list):
        return json.dumps(_ids_replaced(value, known), sort_keys=True, ensure_ascii=False)
    return value


def _canonical_rows(table: Table, rows: list[dict], known: dict[str, dict[int, tuple]]) -> dict[Any, tuple]:
    by_id = {}
    for number, row in enumerate(rows):
        fields = []
        for column in table.columns:
            if column.name == "id":
                continue
            value = row[column.name]
            foreign = next(iter(column.foreign_keys), None)
            if foreign is not None and value is not None:
                value = known[foreign.column.table.name][value]
            fields.append((column.name, _value(column, value, known)))
        by_id[row.get("id", number)] = tuple(fields)
    return by_id


def canonical_dump(db: Database) -> Dump:
    """Each table's rows as a multiset of canonical tuples (tables in dependency order)."""
    tables = [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED_TABLES]
    with db.engine.connect() as connection:
        rows = {t.name: [dict(r._mapping) for r in connection.execute(select(t))] for t in tables}
    known: dict[str, dict[int, tuple]] = {}
    for _ in range(2):  # the second pass sees every table, for ids inside JSON that point at later ones
        for table in tables:
            known[table.name] = _canonical_rows(table, rows[table.name], known)
    return {name: Counter(by_id.values()) for name, by_id in known.items()}


def differences(expected: Dump, actual: Dump, shown: int = 3) -> list[str]:
    """What one dump holds that the other does not, table by table (empty: equal)."""
    found = []
    for name in sorted(expected.keys() | actual.keys()):
        missing = expected.get(name, Counter()) - actual.get(name, Counter())
        extra = actual.get(name, Counter()) - expected.get(name, Counter())
        for label, rows in (("missing", missing), ("extra", extra)):
            if rows:
                sample = [str({k: v for k, v in row if not isinstance(v, tuple)})[:400]
                          for row in list(rows.elements())[:shown]]  # its own fields, not the rows it points at
                found.append(f"{name}: {sum(rows.values())} {label}, e.g. {sample}")
    return found
