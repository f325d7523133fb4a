"""Benchmark of `govwatch site-check`: pages per second and peak memory of a whole-site self-check.

    python bench/sitecheck.py [--columns 40] [--articles 250]

The portal is generated (TRS WCM style: `createPageHTML` pagers, 15 items a list page, article meta tags, a footer
with the identity marks and links to two other sites) with `columns × articles` articles, one in 25 linking a .csv
attachment of 20 names (one in four of them with a full ID number). It is served on 127.0.0.1 by a separate process
and reached as www.benchxian.gov.cn through its proxy mode; the check runs in this process with the crawl defaults
except no delay between requests, link checks on, robots.txt obeyed, the proofreader on every article and file.
Peak memory is this process's peak RSS (the server's is not in it). No peer: no open-source tool does this check.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

HOST = "www.benchxian.gov.cn"
TODAY = date(2024, 6, 20)
PER_PAGE = 15
FOOTER = ('<div class="footer">网站标识码：6100000099 <a href="http://beian.miit.gov.cn/">陕ICP备05009999号</a> '
          '<a href="http://www.beian.gov.cn/portal">陕公网安备 61032602000999号</a> '
          '<a href="http://bszs.conac.cn/sitename?id=1"><img src="/red.png" alt="党政机关"></a></div>')
TEXT = ("今年以来，县政府坚持以人民为中心的发展思想，扎实推进各项重点工作。全县上下认真落实会议精神，"
        "加快项目建设，优化营商环境，持续改善民生，经济社会保持平稳健康发展。") * 3


class BenchPortal:
    """Pages made from their path on request, so the server holds no site in memory."""

    def __init__(self, columns: int, articles: int) -> None:
        self.columns, self.articles = columns, articles
        self.pages = -(-articles // PER_PAGE)

    def _head(self, title: str, meta: dict[str, str]) -> str:
        tags = "".join(f'<meta name="{k}" content="{v}">' for k, v in {
            "SiteName": "测试县人民政府", "SiteDomain": HOST, "SiteIDCode": "6100000099", **meta}.items())
        return f"<html><head><meta charset='utf-8'>{tags}<title>{title}</title></head><body><a href='/'>首页</a>"

    def _day(self, column: int, number: int) -> date:
        return TODAY - timedelta(days=(number + column) % 400)

    def _item(self, column: int, number: int) -> str:
        day = self._day(column, number)
        return (f"<li><a href='/c{column}/{day:%Y%m}/t{day:%Y%m%d}_{number}.html'>第{column}栏目信息{number}</a>"
                f"<span>{day:%Y-%m-%d}</span></li>")

    def home(self) -> str:
        nav = "".join(f"<li><a href='/c{c}/index.html'>栏目{c}动态</a></li>" for c in range(self.columns))
        news = "".join(self._item(0, n) for n in range(10))
        return self._head("首页", {}) + f"<ul>{nav}</ul><ul>{news}</ul>{FOOTER}</body></html>"

    def listing(self, column: int, index: int) -> str:
        numbers = range(index * PER_PAGE, min(self.articles, (index + 1) * PER_PAGE))
        meta = {"ColumnName": f"栏目{column}动态", "ColumnDescription": "栏目", "ColumnKeywords": "栏目",
                "ColumnType": "信息列表"}
        pager = f'<script>createPageHTML({self.pages}, {index}, "index", "html");</script>'
        return (self._head(f"栏目{column}动态", meta) + "<ul>" + "".join(self._item(column, n) for n in numbers)
                + f"</ul>{pager}{FOOTER}</body></html>")

    def article(self, column: int, number: int) -> str:
        day = self._day(column, number)
        meta = {"ColumnName": f"栏目{column}动态", "ArticleTitle": f"第{column}栏目信息{number}",
                "PubDate": f"{day:%Y-%m-%d} 09:00", "ContentSource": "县政府办公室"}
        file = f"<a href='/upload/{column}_{number}.csv'>附件</a>" if number % 25 == 0 else ""
        return (self._head(f"第{column}栏目信息{number}", meta)
                + f"<div class='TRS_Editor'><p>{TEXT}第{number}号。</p>{file}</div>{FOOTER}</body></html>")

    def csv(self, number: int) -> str:
        rows = [f"居民{i},6103**********{1000 + i},500" for i in range(20)]
        if number % 100 == 0:
            rows[0] = "居民0,110101199003078515,500"
        return "姓名,身份证号,金额\n" + "\n".join(rows) + "\n"

    def __call__(self, request):
        from govwatch.collect.fakes.server import FakeResponse

        html = "text/html; charset=utf-8"
        if request.host != HOST:
            return FakeResponse(404 if request.path == "/robots.txt" else 200, b"<html>ok</html>", {"Content-Type": html})
        path = request.path
        parts = path.strip("/").split("/")
        try:
            if path in ("/", "/index.html"):
                body, kind = self.home(), html
            elif path == "/robots.txt":
                body, kind = "User-agent: *\nDisallow: /private/\n", "text/plain"
            elif parts[0] == "upload":
                body, kind = self.csv(int(parts[1].split("_")[1].split(".")[0])), "text/csv"
            elif len(parts) == 2 and parts[1].startswith("index"):
                index = int(parts[1][6:-5] or 0) if parts[1] != "index.html" else 0
                body, kind = self.listing(int(parts[0][1:]), index), html
            elif len(parts) == 3:
                body, kind = self.article(int(parts[0][1:]), int(parts[2].split("_")[1].split(".")[0])), html
            else:
                raise ValueError(path)
        except (ValueError, IndexError):
            return FakeResponse(404, b"not found", {"Content-Type": html})
        return FakeResponse(200, body.encode(), {"Content-Type": kind})


def serve(columns: int, articles: int, pipe) -> None:
    from govwatch.collect.fakes.server import LocalServer

    with LocalServer(BenchPortal(columns, articles)) as server:
        pipe.send(server.url)
        pipe.recv()  # until the benchmark is done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--columns", type=int, default=40)
    parser.add_argument("--articles", type=int, default=250, help="articles per column")
    args = parser.parse_args()
    here, there = multiprocessing.Pipe()
    server = multiprocessing.Process(target=serve, args=(args.columns, args.articles, there), daemon=True)
    server.start()
    proxy = here.recv()

    from govwatch.domain.county import CrawlSettings
    from govwatch.proofread import default_proofreader
    from govwatch.services.sitecheck import run_site_check, shipped_rules

    proofreader = default_proofreader()
    proofreader.check("预热校对器。")  # built before the clock starts, as a warm worker would have it
    settings = CrawlSettings(delay_seconds=0, concurrency=16, recheck_seconds=0.5, proxy=proxy)
    started = time.perf_counter()
    result = run_site_check(f"http://{HOST}/", TODAY, settings, shipped_rules(), ZoneInfo("Asia/Shanghai"), proofreader)
    seconds = time.perf_counter() - started
    here.send("done")
    server.join(5)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"portal: {args.columns} columns × {args.articles} articles, served by a separate process")
    print(f"{'':<22}{'govwatch site-check':>22}")
    print(f"{'pages read':<22}{result.pages:>22,}")
    print(f"{'attachments read':<22}{result.files:>22,}")
    print(f"{'findings':<22}{len(result.findings):>22,}")
    print(f"{'wall seconds':<22}{seconds:>22.1f}")
    print(f"{'pages per second':<22}{result.pages / seconds:>22.1f}")
    print(f"{'peak RSS (MB)':<22}{peak:>22.0f}")
    print("by kind:", dict(sorted(result.counts().items())))


if __name__ == "__main__":
    main()
