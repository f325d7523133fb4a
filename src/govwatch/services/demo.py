"""`govwatch demo`: the example county's month, published on local servers, gathered over HTTP, checked and graded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from govwatch.config.loader import CountyConfig, load_county_dir, validate_file
from govwatch.demo.generator import generate_month
from govwatch.demo.plan import DemoPlan
from govwatch.domain.calendar import Month
from govwatch.domain.evaluation import MonthEvaluation
from govwatch.errors import InputFileError, ServiceUnavailable
from govwatch.services.checking import county_proofreader
from govwatch.services.demo_gather import Gathered, gather_over_http
from govwatch.services.evaluate import evaluate_stored
from govwatch.services.overrides import load_overrides_file
from govwatch.services.report import ReportFiles, write_report
from govwatch.store.counties import load_stored_county, save_config
from govwatch.store.db import Database
from govwatch.store.posts import county_totals

EXAMPLE_COUNTY = "meixian"


class DemoGatherFailed(ServiceUnavailable):
    """A demo server did not answer as expected: the demo month would be incomplete."""


def example_dir(name: str = EXAMPLE_COUNTY) -> Path:
    """The example county folder of a source checkout (examples/<name>)."""
    found = Path(__file__).resolve().parents[3] / "examples" / name
    if not found.is_dir():
        raise InputFileError(f"找不到示例配置目录 {found}，请用 --config 指定县区配置目录")
    return found


@dataclass(frozen=True)
class DemoResult:
    config: CountyConfig
    gathered: Gathered
    posts: int  # posts stored for the county, all months
    findings: int  # text findings stored for them
    overrides: int
    evaluation: MonthEvaluation
    report: ReportFiles | None  # the notice, annexes and charts, when asked for


def run_demo(
    db: Database, config_dir: Path, month: Month, on_stage: Callable[[str], None] = lambda _: None,
    report_to: Path | None = None,
) -> DemoResult:
    """Publish the plan's month on local servers, crawl and ingest it into `db`, evaluate, and write the notice
    into `report_to` (in the county's stored wording, dated the plan's 成文日期); re-runs add nothing."""
    on_stage("校验并载入县区配置")
    config = load_county_dir(config_dir)
    plan = validate_file(DemoPlan, config_dir / "demo" / f"{month}.yaml")
    overrides_file = config_dir / "overrides" / f"{month}.yaml"
    with db.transaction() as session:
        save_config(session, config)
        stored = load_stored_county(session, config.county.county.name)
        overrides = load_overrides_file(session, stored, overrides_file) if overrides_file.is_file() else []
        proofreader = county_proofreader(session, stored.id)
    on_stage("生成演示月份的网站文章和新媒体推文")
    posts = generate_month(plan, config.county)
    gathered = gather_over_http(db, config_dir, plan, posts, proofreader, on_stage)
    if gathered.failures:
        raise DemoGatherFailed("演示数据采集失败：" + "；".join(gathered.failures))
    on_stage("按规则评定")
    with db.transaction() as session:
        stored = load_stored_county(session, config.county.county.name)
        evaluation = evaluate_stored(session, stored, month)
        stored_posts, findings = county_totals(session, stored.id)
    report = None
    if report_to is not None:
        report = write_report(db, month, report_to, config.county.county.name, issued=plan.notice_date,
                              on_stage=on_stage)
    return DemoResult(config, gathered, stored_posts or 0, findings or 0, len(overrides), evaluation, report)
