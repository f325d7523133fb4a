"""The demo portal: the demo month's portal items as a local site, and the county folder that points at it."""

from __future__ import annotations

from pathlib import Path

from govwatch.collect.fakes.portal import Portal
from govwatch.config.loader import load_county_dir, validate_file
from govwatch.config.yaml_positions import plain, read_yaml
from govwatch.demo.generator import generate_month
from govwatch.demo.plan import DemoPlan
from govwatch.domain.calendar import Month


def demo_portal(config_dir: Path, month: Month) -> tuple[Portal, DemoPlan]:
    """The portal of the demo month's posts, at the plan's portal address (served through the proxy mode)."""
    config = load_county_dir(config_dir)
    plan = validate_file(DemoPlan, config_dir / "demo" / f"{month}.yaml")
    return Portal(generate_month(plan, config.county), config.county, plan.portal), plan


def county_with_urls(config_dir: Path, portal: Portal, proxy: str) -> dict:
    """county.yaml's data with each column's list-page URL filled in and the crawl going through `proxy`."""
    county = load_county_dir(config_dir).county
    data = plain(read_yaml(config_dir / "county.yaml"))
    urls = {column.key: column.url for column in portal.columns}
    per_unit = {c["name"]: c.get("per_unit", False) for c in data["channels"]}
    for group in data.get("assignments", []):
        for item in group["columns"]:
            owner = f"{county.unit(group['unit']).name}/" if per_unit[group["channel"]] else ""
            url = urls.get(f"{group['channel']}/{owner}{item['column']}")
            if url:
                item["url"] = url
    data["county"]["portal"] = f"{portal.base}/"  # what `govwatch site-check` checks without a URL
    crawl = data.setdefault("crawl", {})
    crawl.update({"proxy": proxy, "delay_seconds": 0, "concurrency": 8, "recheck_seconds": 0.2, "backoff_seconds": 0.1,
                  "sites": [{"host": portal.domain, "obey_robots": True}]})
    return data
