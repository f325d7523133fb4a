"""`govwatch demo`: load the example county, publish its demo month, check and grade it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from govwatch.config.loader import CountyConfig, load_county_dir, validate_file
from govwatch.demo.generator import generate_month
from govwatch.demo.plan import DemoPlan
from govwatch.domain.calendar import Month
from govwatch.domain.evaluation import MonthEvaluation
from govwatch.proofread.county_files import load_county_lexicon
from govwatch.services.checking import county_proofreader
from govwatch.services.evaluate import evaluate_stored
from govwatch.services.ingest import IngestResult, ingest_posts
from govwatch.services.overrides import load_overrides_file
from govwatch.store.counties import load_stored_county, save_config
from govwatch.store.db import Database

EXAMPLE_COUNTY = "meixian"


def example_dir(name: str = EXAMPLE_COUNTY) -> Path:
    """The example county folder of a source checkout (examples/<name>)."""
    found = Path(__file__).resolve().parents[3] / "examples" / name
    if not found.is_dir():
        raise FileNotFoundError(f"找不到示例配置目录 {found}，请用 --config 指定县区配置目录")
    return found


@dataclass(frozen=True)
class DemoResult:
    config: CountyConfig
    ingest: IngestResult
    overrides: int
    evaluation: MonthEvaluation


def run_demo(
    db: Database, config_dir: Path, month: Month, on_stage: Callable[[str], None] = lambda _: None
) -> DemoResult:
    """Load config, overrides and the generated month into `db`, check every post, evaluate; idempotent."""
    on_stage("校验并载入县区配置")
    config = load_county_dir(config_dir)
    plan = validate_file(DemoPlan, config_dir / "demo" / f"{month}.yaml")
    overrides_file = config_dir / "overrides" / f"{month}.yaml"
    lexicon_dir = config_dir / "lexicon"
    with db.transaction() as session:
        save_config(session, config)
        stored = load_stored_county(session, config.county.county.name)
        overrides = load_overrides_file(session, stored, overrides_file) if overrides_file.is_file() else []
        on_stage("生成演示月份的网站文章和新媒体推文")
        posts = generate_month(plan, config.county)
        on_stage(f"入库并逐条校对 {len(posts)} 条信息")
        lexicon = load_county_lexicon(lexicon_dir) if lexicon_dir.is_dir() else None
        result = ingest_posts(session, stored, posts, county_proofreader(session, stored.id, lexicon))
        on_stage("按规则评定")
        evaluation = evaluate_stored(session, stored, month)
    return DemoResult(config, result, len(overrides), evaluation)
