"""Benchmark of the attachment reader: seconds and peak memory to read a large file of each type, side by
side with the bare library call it wraps (no bounds, no type sniffing, no text assembly).

    python bench/attachments.py [--rows 20000]

Files are generated with the libraries that write them (as the tests do): a 低保 list of `rows` rows ×
5 columns as .xlsx, .xls and .csv (GB18030), a .docx of the same rows as a table, and a PDF of
rows/40 pages. Each read runs in its own process, which reports its wall time and peak RSS.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))


def _files(rows: int) -> dict[str, bytes]:
    from tests.collect.attachment_files import (
        ROWS_HEADER,
        dibao_rows,
        docx_bytes,
        pdf_bytes,
        xls_bytes,
        xlsx_bytes,
    )

    table = dibao_rows(rows)
    csv = "\n".join(",".join(str(v) for v in row) for row in [ROWS_HEADER, *table]).encode("gb18030")
    lines = [f"{i} Zhang {row[2]} {row[4]}" for i, row in enumerate(table)]
    return {
        "xlsx": xlsx_bytes(table),
        "xls": xls_bytes(table[:65000]),
        "csv": csv,
        "docx": docx_bytes(["名单"], [ROWS_HEADER, *table]),
        "pdf": pdf_bytes([lines[i:i + 40] for i in range(0, len(lines), 40)]),
    }


def _ours(kind: str, data: bytes) -> int:
    from govwatch.collect.attachments import read_attachment

    return len(read_attachment(f"http://x.gov.cn/a.{kind}", data).text)


def _bare(kind: str, data: bytes) -> int:
    if kind == "xlsx":
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        return sum(len(str(v)) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row)
    if kind == "xls":
        import xlrd

        book = xlrd.open_workbook(file_contents=data)
        return sum(len(str(c.value)) for s in book.sheets() for r in range(s.nrows) for c in s.row(r))
    if kind == "docx":
        import docx

        document = docx.Document(io.BytesIO(data))
        return sum(len(c.text) for t in document.tables for row in t.rows for c in row.cells)
    if kind == "pdf":
        from pypdf import PdfReader

        return sum(len(p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages)
    return len(data.decode("gb18030"))


def _measure(job: Callable[[str, bytes], int], kind: str, data: bytes, out: multiprocessing.Queue) -> None:
    import docx  # noqa: F401 - imports are not the read's cost: both sides start with their modules loaded
    import openpyxl  # noqa: F401
    import pypdf  # noqa: F401
    import xlrd  # noqa: F401

    import govwatch.collect.attachments  # noqa: F401

    started = time.perf_counter()
    chars = job(kind, data)
    out.put((time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, chars))


def _run(job: Callable[[str, bytes], int], kind: str, data: bytes) -> tuple[float, float, int]:
    queue: multiprocessing.Queue = multiprocessing.Queue()
    process = multiprocessing.get_context("fork").Process(target=_measure, args=(job, kind, data, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20000)
    args = parser.parse_args()
    files = _files(args.rows)
    print(f"{'type':5} {'size':>9} | {'govwatch s':>10} {'MB':>6} {'chars':>9} | {'bare lib s':>10} {'MB':>6}")
    for kind, data in files.items():
        ours = _run(_ours, kind, data)
        bare = _run(_bare, kind, data)
        print(f"{kind:5} {len(data) / 1e6:8.2f}M | {ours[0]:10.2f} {ours[1]:6.0f} {ours[2]:9d} | {bare[0]:10.2f} {bare[1]:6.0f}")


if __name__ == "__main__":
    main()
