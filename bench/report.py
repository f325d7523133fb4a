"""Time and peak memory of `govwatch report` for the demo month: notice .docx, annexes .xlsx, charts, PDF.

    .venv/bin/python bench/report.py [--runs 3]

Builds 眉县's demo month in a temporary SQLite file, then times each output on its own (best of
--runs) and the whole report. PDF only where LibreOffice (soffice) is on PATH.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from govwatch.domain.calendar import Month
from govwatch.reports.annex_tables import annex_tables
from govwatch.reports.annex_xlsx import write_annexes
from govwatch.reports.notice_docx import write_notice
from govwatch.reports.pdf import convert_to_pdf, soffice
from govwatch.services.demo import example_dir, run_demo
from govwatch.services.report import prepare, write_charts, write_report
from govwatch.store.counties import load_stored_county
from govwatch.store.db import open_database

MONTH, ISSUED = Month(2023, 6), date(2023, 7, 16)


def best(runs: int, step) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    county_dir = example_dir()
    template = county_dir / "notice.md.j2"
    with tempfile.TemporaryDirectory() as directory:
        out = Path(directory) / "out"
        out.mkdir()
        db = open_database(f"sqlite:///{directory}/govwatch.db")
        run_demo(db, county_dir, MONTH)
        zone = ZoneInfo("Asia/Shanghai")
        holder = {}

        def evaluate_and_render():
            with db.transaction() as session:
                holder["prepared"] = prepare(session, load_stored_county(session), MONTH, ISSUED, template)

        figures = {"evaluate, build the notice model, render the template, open rectifications": best(args.runs, evaluate_and_render)}
        prepared = holder["prepared"]
        tables = annex_tables(prepared.model.result, prepared.model.rules.new_media)
        notice = out / "通报.docx"
        figures["notice .docx (GB/T 9704 layout, 3 annex tables)"] = best(
            args.runs, lambda: write_notice(notice, prepared.blocks, tables, ISSUED, "Asia/Shanghai"))
        stamp = datetime(2023, 7, 16, tzinfo=zone)
        figures["annexes .xlsx (5 sheets)"] = best(
            args.runs, lambda: write_annexes(out / "附件.xlsx", prepared.model.result, prepared.model.rules, "眉县", stamp, zone))
        figures["charts (3 × PNG + SVG)"] = best(args.runs, lambda: write_charts(prepared, out / "charts"))
        binary = soffice()
        if binary:
            figures["PDF (LibreOffice headless, cold start)"] = best(args.runs, lambda: convert_to_pdf(notice, binary))
        figures["whole `govwatch report` (PDF included where soffice exists)"] = best(
            1, lambda: write_report(db, MONTH, out / "all", template=template, issued=ISSUED, pdf=bool(binary)))
        db.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Python {sys.version.split()[0]}, best of {args.runs}")
    for name, seconds in figures.items():
        print(f"{name:<75} {seconds:6.2f} s")
    print(f"{'peak RSS of this process (LibreOffice runs in its own)':<75} {peak:6.0f} MB")


if __name__ == "__main__":
    main()
