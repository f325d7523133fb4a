"""`govwatch demo-site`: serve the demo month's county portal on 127.0.0.1 for crawls to visit."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import typer
from ruamel.yaml import YAML

from govwatch.cli.app import app
from govwatch.cli.common import console, user_errors
from govwatch.collect.fakes.server import LocalServer
from govwatch.domain.calendar import Month
from govwatch.services.demo import example_dir
from govwatch.services.demo_site import county_with_urls, demo_portal


@app.command("demo-site")
def demo_site(
    port: int = typer.Option(0, "--port", help="监听端口（默认自动选择空闲端口）"),
    config: Path = typer.Option(None, "--config", help="县区配置目录（默认 examples/meixian）"),
    month: str = typer.Option("2023-06", "--month", help="演示月份"),
    write_config: Path = typer.Option(None, "--write-config", help="写出一份指向本站的县区配置目录，供 load-config 与 crawl 使用"),
    seconds: float = typer.Option(0, "--seconds", help="运行多少秒后退出（默认一直运行，按 Ctrl+C 退出）"),
) -> None:
    """在 127.0.0.1 上提供演示县区门户网站（分页列表、含/不含元数据的文章、GB2312 页面、失效链接）。"""
    with user_errors():
        config_dir = config or example_dir()
        portal, _ = demo_portal(config_dir, Month.parse(month))
        with LocalServer(portal, port) as server:
            console.print(f"演示门户已启动：{server.url}（代理模式下即 {portal.base}）")
            console.print(f"栏目 {len(portal.columns)} 个，例如：{portal.columns[0].name} {portal.columns[0].url}")
            console.print(f"试抓：govwatch crawl --dry-run {portal.columns[0].url} --proxy {server.url}")
            if write_config:
                shutil.copytree(config_dir, write_config, dirs_exist_ok=True)
                yaml = YAML()
                yaml.allow_unicode = True
                with (write_config / "county.yaml").open("w", encoding="utf-8") as handle:
                    yaml.dump(county_with_urls(config_dir, portal, server.url), handle)
                console.print(f"已写出县区配置 {write_config}：govwatch load-config {write_config} && govwatch crawl")
            try:
                deadline = time.monotonic() + seconds if seconds else None
                while deadline is None or time.monotonic() < deadline:
                    time.sleep(0.2)
            except KeyboardInterrupt:
                console.print("演示门户已停止。")
