"""Property: any platform export handed to `govwatch import posts FILE --format NAME --account NAME` is
imported or refused with a clear error naming the file (and line and field for a bad row); never a
traceback, never a hang, and a refused import stores nothing.

Parametrized over collect.export_formats.FORMATS, so a format added there is fuzzed too: each example
is a .csv or .xlsx written under the format's own headers and the county's column map for it
(`exports:` in county.yaml), with hostile values, odd dates, ids as numbers or text, missing columns,
or random bytes in place of a file. test_reader_properties.py fuzzes the readers beneath.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govwatch.collect.export_formats import FORMATS, ExportFormat, column_map
from govwatch.collect.files import ExportFileError, read_posts
from govwatch.config.loader import load_county_dir
from govwatch.domain.county import Account
from tests.collect.test_export_import import _county
from tests.collect.test_reader_properties import WRITERS, cell
from tests.conftest import MEIXIAN
from tests.hostile import SETTINGS, check_file_commands, govwatch
from tests.hostile_text import hostile_text

BOUND_SECONDS = 20
SUFFIXES = (".csv", ".xlsx")  # what the back-ends export
_ACCOUNTS = load_county_dir(MEIXIAN).county.accounts


def county_map(export: ExportFormat) -> dict[str, str]:
    """A county's own headers for every field the format carries, as `exports:` in county.yaml gives them."""
    return {f"县定{field}": field for field in sorted(set(export.columns.values()))}


def owner(export: ExportFormat) -> Account:
    """眉县's first account on one of the format's platforms: every format has one to import for."""
    accounts = [a for a in _ACCOUNTS if a.platform in export.platforms]
    assert accounts, f"眉县 has no account on {export.platforms} to import a {export.name} export for"
    return accounts[0]


# Dates as exports write them and as careless hands do: slashes, no time, out of range, not dates at all.
odd_date = st.one_of(
    st.sampled_from(["2023/06/05 09:00", "2023-06-05", "2023-06-05T10:00:00+08:00", "2023-06-05T10:00:00+14:00",
                     "0001-01-01", "9999-12-31 23:59", "2023-13-01", "2023-06-05 25:00", "昨天", "2023年6月5日",
                     " 2023-06-05 10:00 ", "1686000000"]),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.integers(-2**40, 2**40), st.floats(allow_nan=True), hostile_text,
)
valid_date = st.one_of(st.sampled_from(["2023/06/05 09:00", "2023-06-05", "2023-06-30T23:59:59+08:00"]),
                      st.datetimes(min_value=datetime(2023, 6, 1), max_value=datetime(2023, 6, 30)))
identifier = st.one_of(st.integers(-2**63, 2**63), st.floats(allow_nan=True), st.text("0123456789abcdefv", max_size=20),
                       hostile_text)
blank = st.sampled_from([" ", "\t\u3000", "\x00", "\x0b ", " \x1f\u3000"])  # a cell that only looks filled
huge = st.integers(10_000, 200_000).map(lambda n: "长" * n)  # a field over the csv module's default 128 KB cap


def records(export: ExportFormat) -> st.SearchStrategy[list[dict]]:
    """Rows under the format's and the county's headers, some field missing, beside rows of anything."""
    columns = {**export.columns, **county_map(export)}
    by_field: dict[str, list[str]] = {}
    for header, field in columns.items():
        by_field.setdefault(field, []).append(header)
    values = {"title": st.one_of(hostile_text, huge, blank), "published_at": odd_date, "url": hostile_text,
              "external_id": identifier}
    field_strategy = {field: st.tuples(st.sampled_from(names), values.get(field, hostile_text))
                      for field, names in by_field.items()}

    @st.composite
    def some_fields(draw, importable: bool = False) -> dict:
        """Any of the format's fields, each under one of its headers; an importable row adds a title and a
        date in the month (another title cell beside it, blank or not, is what a careless export holds)."""
        present = draw(st.lists(st.sampled_from(sorted(field_strategy)), unique=True))
        row = dict(draw(field_strategy[field]) for field in present)
        if importable:
            row[draw(st.sampled_from(by_field["title"]))] = draw(st.one_of(hostile_text, huge))
            row[draw(st.sampled_from(by_field["published_at"]))] = draw(valid_date)
        return row

    anything = st.dictionaries(st.one_of(st.sampled_from(sorted(columns)), hostile_text), cell, max_size=6)
    # Files whose rows could all go in, beside files where any row may be broken.
    return st.one_of(st.lists(some_fields(importable=True), min_size=1, max_size=4),
                     st.lists(st.one_of(some_fields(), anything), max_size=5))


def files(export: ExportFormat) -> st.SearchStrategy[tuple[str, list[dict] | bytes]]:
    """A suffix and what the file holds: generated rows, or random bytes."""
    return st.tuples(st.sampled_from(SUFFIXES), st.one_of(records(export), st.binary(max_size=2000)))


def printed(record: dict) -> dict:
    """A row as a .csv holds it: a date as text, the way a back-end prints it."""
    return {k: str(v) if isinstance(v, datetime) else v for k, v in record.items()}


def check_exports(name: str, examples: int) -> None:
    """Import `examples` generated `name` exports through the CLI into a database holding 眉县 and its map."""
    export = FORMATS[name]
    account = owner(export)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        url = f"sqlite:///{root / 'govwatch.db'}"
        folder = _county(root, MEIXIAN, {name: county_map(export)})
        loaded = govwatch("--db", url, "load-config", str(folder))
        assert loaded.exit_code == 0, loaded.output
        counter = iter(range(10**9))

        def import_export(generated):
            suffix, content = generated
            path = root / f"{name}-{next(counter)}{suffix}"
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:  # an .xlsx cell holds the date itself
                WRITERS[suffix](path, content if suffix == ".xlsx" else [printed(r) for r in content])
            return path, ["import", "posts", str(path), "--format", name, "--account", account.name,
                          "--platform", account.platform]

        outcomes = check_file_commands(url, examples, files(export), import_export, BOUND_SECONDS)
        print(f"{name}: {examples} examples: imported {outcomes[0]}, refused {outcomes[2]}")  # pytest -s


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_generated_platform_exports_are_imported_or_refused_clearly(name):
    check_exports(name, 20)  # 20 examples per format


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FORMATS))
def test_many_generated_platform_exports(name):
    check_exports(name, 100)  # 100 examples per format


@pytest.mark.parametrize("name", sorted(FORMATS))
@settings(max_examples=10, **SETTINGS)  # 10 examples per format
@given(data=st.data())
def test_a_title_that_only_looks_filled_is_refused_as_missing(name, data, tmp_path_factory):
    """Blanks and control characters are no title: the row is refused (必填), not stored under its id."""
    export = FORMATS[name]
    title = data.draw(st.sampled_from([h for h, f in export.columns.items() if f == "title"]))
    published = data.draw(st.sampled_from([h for h, f in export.columns.items() if f == "published_at"]))
    suffix = data.draw(st.sampled_from(SUFFIXES))
    path = tmp_path_factory.mktemp("blank") / f"{name}{suffix}"
    WRITERS[suffix](path, [{title: data.draw(blank), published: "2023-06-05 10:00"}])
    with pytest.raises(ExportFileError) as refused:
        read_posts(path, "Asia/Shanghai", header_map=column_map(name, {}))
    assert refused.value.messages == [f"{path}:2: 字段 title: 必填"]
