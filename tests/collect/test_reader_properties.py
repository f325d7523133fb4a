"""Property: any file handed to `govwatch import posts` is imported or refused with a clear error naming
file and line; never a traceback, never a hang, and a refused import stores nothing.

Parametrized over collect.files.READERS, so a reader added there is fuzzed too; its structured form
needs a writer in WRITERS below (test_every_reader_has_a_writer fails until it has one). The platforms'
export adapter (collect/platforms/exports.py) reads through the same readers.
"""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from govwatch.collect.files import HEADERS, READERS, ExportFileError, read_posts
from govwatch.domain.characters import writable
from tests.conftest import MEIXIAN
from tests.hostile import SETTINGS, check_file_commands, govwatch, time_bound
from tests.hostile_text import hostile_text

BOUND_SECONDS = 20

_HEADER_NAMES = [name for names in HEADERS.values() for name in names]
# A value as exports hold them: hostile text, numbers, dates in and out of range, real names of 眉县.
cell = st.one_of(
    hostile_text, st.integers(-2**40, 2**40), st.floats(allow_nan=True),
    st.sampled_from(["2023-06-05 10:00", "0001-01-01", "9999-12-31 23:59", "2023-06-05T10:00:00+14:00",
                     "县发改局", "部门动态", "眉县教育", "微信订阅号", "原创", "推荐转载", "http://www.meixian.gov.cn/a.html"]),
)
header = st.one_of(st.sampled_from(_HEADER_NAMES), hostile_text)
# Rows that would be imported but for their hostile title, URL and text, beside rows of anything.
plausible = st.fixed_dictionaries(
    {"title": hostile_text, "published_at": st.sampled_from(["2023-06-05 10:00", "2023-06-30T23:59:59+08:00"]),
     "unit": st.sampled_from(["县发改局", "齐 镇", "县供销社"]), "column": st.just("部门动态")},
    optional={"url": hostile_text, "text": hostile_text, "kind": st.sampled_from(["原创", "推荐转载", "转载", "x"])},
)
rows = st.lists(st.one_of(plausible, st.dictionaries(header, cell, max_size=8)), min_size=0, max_size=5)


def _text(value) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def write_csv(path: Path, records: list[dict]) -> None:
    columns = list(dict.fromkeys(k for r in records for k in r))
    with path.open("w", encoding="utf-8", errors="surrogatepass", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows([[_text(r.get(c, "")) for c in columns] for r in records])


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=True) + "\n" for r in records), encoding="utf-8")


def write_xlsx(path: Path, records: list[dict]) -> None:
    def storable(value):  # what an .xlsx can hold at all
        return writable(value) if isinstance(value, str) else value

    columns = list(dict.fromkeys(k for r in records for k in r))
    book = Workbook()
    book.active.append([storable(c) for c in columns])
    for r in records:
        book.active.append([storable(r.get(c)) for c in columns])
    book.save(path)


WRITERS = {".csv": write_csv, ".jsonl": write_jsonl, ".xlsx": write_xlsx}


def test_every_reader_has_a_writer():
    assert set(READERS) == set(WRITERS)


@pytest.mark.parametrize("suffix", sorted(READERS))
@settings(max_examples=30, **SETTINGS)  # 30 examples per reader
@given(data=st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused_clearly(suffix, data, tmp_path_factory):
    path = tmp_path_factory.mktemp("bytes") / f"posts{suffix}"
    path.write_bytes(data)
    with time_bound(BOUND_SECONDS):
        try:
            read_posts(path, "Asia/Shanghai")
        except ExportFileError as exc:
            assert exc.messages and all(str(path) in m for m in exc.messages)


def check_imports(suffix: str, examples: int, url: str | None = None) -> None:
    """Import `examples` generated files through the CLI into a database holding 眉县."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        url = url or f"sqlite:///{root / 'govwatch.db'}"
        assert govwatch("--db", url, "load-config", str(MEIXIAN)).exit_code == 0
        counter = iter(range(10**9))

        def import_file(records):
            path = root / f"posts-{next(counter)}{suffix}"
            WRITERS[suffix](path, records)
            return path, ["import", "posts", str(path)]

        outcomes = check_file_commands(url, examples, rows, import_file, BOUND_SECONDS)
        print(f"{examples} examples: imported {outcomes[0]}, refused {outcomes[2]}")  # shown with pytest -s


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_generated_exports_are_imported_or_refused_clearly(suffix):
    check_imports(suffix, 8)  # 8 examples per reader


@pytest.mark.slow
@pytest.mark.parametrize("suffix", sorted(READERS))
def test_many_generated_exports(suffix):
    check_imports(suffix, 100)  # 100 examples per reader


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.parametrize("suffix", sorted(READERS))
def test_generated_exports_on_postgres(suffix, postgres_url):
    check_imports(suffix, 40, postgres_url)  # 40 examples per reader, where lengths and NUL are checked
