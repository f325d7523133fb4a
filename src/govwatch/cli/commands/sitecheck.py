"""`govwatch site-check`: the whole portal against the national check indicators (网站自查)."""

from __future__ import annotations

import json
import logging
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import typer

from govwatch.cli.app import app
from govwatch.cli.common import PROXY_OPTION, database, errors, user_errors
from govwatch.cli.progress_site import site_progress
from govwatch.domain.calendar import parse_day
from govwatch.domain.county import CrawlSettings
from govwatch.domain.sitecheck.result import SiteCheckResult
from govwatch.errors import InvalidInput
from govwatch.proofread import default_proofreader
from govwatch.reports.selfcheck_report import write_selfcheck_report
from govwatch.services.sitecheck import check_county_portal, county_rules, run_site_check
from govwatch.store.counties import CountyNotFound, load_stored_county
from govwatch.store.db import Database
from govwatch.store.sitecheck import save_site_check

FORMATS = ("jsonl", "json")


@app.command("site-check")
def site_check_command(
    url: str = typer.Argument(None, help="网站首页地址；省略时使用县区配置中的门户网站（county.portal）"),
    today: str = typer.Option(None, "--today", help="检查日期（YYYY-MM-DD），默认今天"),
    output: str = typer.Option("jsonl", "--format", help="输出格式：jsonl（每条问题一行）或 json（含全国指标得分）"),
    report: Path = typer.Option(None, "--report", help="另写一份自查报告（.docx 或 .xlsx）"),
    county: str = typer.Option(None, "--county", help="县区名称（数据库中有多个县区时）"),
    proxy: str = PROXY_OPTION,
    store: bool = typer.Option(True, "--store/--no-store", help="把本次自查结果存入数据库（网站自查页面显示）"),
) -> None:
    """按《政府网站与政务新媒体检查指标》自查整个网站：从首页抓取全站，逐页检查并给出全国指标得分。"""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    with user_errors():
        if output not in FORMATS:
            raise InvalidInput(f"不支持的输出格式“{output}”，应为 {' 或 '.join(FORMATS)}")
        if report is not None and report.suffix.lower() not in (".docx", ".xlsx"):
            raise InvalidInput(f"{report}：自查报告应为 .docx 或 .xlsx 文件")
        with database() as db:
            with db.transaction() as session:
                try:
                    stored = load_stored_county(session, county)
                except CountyNotFound:
                    if county or not url:
                        raise
                    stored = None  # a URL and no county: the shipped rules and crawl defaults
            zone = ZoneInfo(stored.county.county.timezone if stored else "Asia/Shanghai")
            day = parse_day(today) if today else datetime.now(zone).date()  # the county's today
            if stored is not None:
                settings = stored.county.crawl.through(proxy)
                with site_progress(f"自查 {url or stored.county.county.portal}") as on_progress:
                    result = check_county_portal(db, stored, day, url, settings, store, on_progress)
            else:
                result = _check_without_county(db, url, day, proxy, store)
        _print(result, output)
        if report is not None:
            write_selfcheck_report(result, report)
            errors.print(f"自查报告已写入 {report}")


def _check_without_county(db: Database, url: str, day: date, proxy: str | None, store: bool) -> SiteCheckResult:
    settings = CrawlSettings(proxy=proxy)
    with site_progress(f"自查 {url}") as on_progress:
        result = run_site_check(url, day, settings, county_rules(None, None), ZoneInfo("Asia/Shanghai"),
                                default_proofreader(), on_progress)
    if store:
        with db.transaction() as session:
            save_site_check(session, None, result)
    return result


def _print(result: SiteCheckResult, output: str) -> None:
    if output == "jsonl":
        for finding in result.findings:
            sys.stdout.write(json.dumps(finding.as_json(), ensure_ascii=False) + "\n")
    else:
        data = {"url": result.url, "today": result.today.isoformat(), "pages": result.pages, "files": result.files,
                "capped": result.capped, "counts": result.counts(),
                "score": result.score.model_dump(mode="json") | {"verdict": result.score.verdict},
                "findings": [f.as_json() for f in result.findings]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
    score = result.score
    errors.print(f"自查完成：页面 {result.pages} 个，附件 {result.files} 个，问题 {len(result.findings)} 条"
                 f"（单项否决 {sum(v.findings for v in score.vetoes)} 条）；得分 {score.total:g}，{score.verdict}"
                 + ("；已达页面上限 max_site_pages，部分页面未读" if result.capped else ""))
    if result.pages == 0:
        errors.print("[yellow]未读取到任何页面：首页无法访问，或 robots.txt 不允许抓取（可在 crawl.sites 中为本站设置 "
                     "obey_robots: false）[/yellow]")
