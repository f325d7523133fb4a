"""Benchmark of the crawler: pages per second and peak memory on a generated local portal, against Scrapy.

    python bench/crawl.py [--copies 40] [--peer-python /tmp/benchvenv/bin/python]

The portal is the demo month's portal items copied `copies` times (new URLs, same texts), served on
127.0.0.1 by a separate process; both crawlers reach it as www.meixian.gov.cn through its proxy mode,
obey robots.txt, follow the script and "下一页" pagers, and read each article's meta tags and body.
govwatch crawls without storing and without link checks (the Scrapy spider does neither); each
crawler runs in its own process, which reports its wall time and peak RSS. Prints figures.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import multiprocessing
import platform
import resource
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

MEIXIAN = ROOT / "examples" / "meixian"

SPIDER = textwrap.dedent(r'''
    import json, re, resource, sys, time
    import scrapy
    from scrapy.crawler import CrawlerProcess

    COUNT = re.compile(r"createPageHTML\(\s*(\d+)")

    class Portal(scrapy.Spider):
        name = "portal"
        start_urls = json.loads(sys.argv[1])
        pages = 0
        articles = 0

        def parse(self, response):
            self.pages += 1
            for href in response.css("ul.list li a::attr(href)").getall():
                yield response.follow(href, self.article)
            nxt = response.xpath("//a[text()='下一页']/@href").get()
            count = COUNT.search(response.text)
            if count:
                found = re.search(r"index_(\d+)\.html$", response.url)
                index = int(found.group(1)) if found else 0
                if index + 1 < int(count.group(1)):
                    yield response.follow(f"index_{index + 1}.html", self.parse)
            elif nxt:
                yield response.follow(nxt, self.parse)

        def article(self, response):
            self.pages += 1
            self.articles += 1
            yield {"title": response.css("meta[name=ArticleTitle]::attr(content)").get()
                            or response.css("h1::text").get(),
                   "date": response.css("meta[name=PubDate]::attr(content)").get(),
                   "text": " ".join(response.css(".TRS_Editor ::text").getall())}

    start = time.perf_counter()
    process = CrawlerProcess({"LOG_LEVEL": "ERROR", "ROBOTSTXT_OBEY": True, "CONCURRENT_REQUESTS": 16,
                              "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "DOWNLOAD_DELAY": 0, "COOKIES_ENABLED": False,
                              "TELNETCONSOLE_ENABLED": False, "ITEM_PIPELINES": {}})
    crawler = process.create_crawler(Portal)
    process.crawl(crawler)
    process.start()
    spider = crawler.spider
    print(json.dumps({"seconds": time.perf_counter() - start, "pages": spider.pages, "articles": spider.articles,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
''')


def build_portal(copies: int):
    from govwatch.collect.fakes.portal import Portal
    from govwatch.config.loader import load_county_dir, validate_file
    from govwatch.demo.generator import generate_month
    from govwatch.demo.plan import DemoPlan

    county = load_county_dir(MEIXIAN).county
    plan = validate_file(DemoPlan, MEIXIAN / "demo" / "2023-06.yaml")
    web = [p for p in generate_month(plan, county) if p.column]
    posts = [dataclasses.replace(p, url=p.url.replace(".html", f"_{n}.html")) for n in range(copies) for p in web]
    return Portal(posts, county, plan.portal, pagers=("script", "link")), len(posts)


def serve(copies: int, pipe) -> None:
    from govwatch.collect.fakes.server import LocalServer

    portal, articles = build_portal(copies)
    with LocalServer(portal) as server:
        pipe.send((server.url, [c.url for c in portal.columns], articles))
        pipe.recv()  # wait until told to stop


def ours(proxy: str, columns: list[str]) -> None:
    """Run in a child process: crawl without storing, print figures as JSON."""
    from govwatch.collect.crawl.crawler import ColumnTarget, CrawlOptions
    from govwatch.collect.crawl.frontier import MemoryFrontier
    from govwatch.collect.crawl.session import crawl
    from govwatch.domain.county import CrawlSettings

    class Counting:
        """Keeps nothing: measures the crawler, not a growing list."""

        def validators(self, url):
            return None

        def page(self, result) -> None:
            pass

        def stored_html(self, url):
            return None

        def unchanged(self, url, links_checked) -> None:
            pass

        def finding(self, finding) -> None:
            pass

    settings = CrawlSettings(delay_seconds=0, concurrency=16, check_links=False, proxy=proxy)
    sink = Counting()
    start = time.perf_counter()
    stats = asyncio.run(crawl([ColumnTarget(str(i), url) for i, url in enumerate(columns)], settings,
                              CrawlOptions(check_links=False, workers=16, max_list_pages=100_000), sink, MemoryFrontier()))
    print(json.dumps({"seconds": time.perf_counter() - start, "pages": stats.requests, "articles": stats.articles,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def _child(args: list[str], python: str = sys.executable) -> dict:
    done = subprocess.run([python, *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--peer-python", default="/tmp/benchvenv/bin/python")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        ours(args.child[0], json.loads(args.child[1]))
        return
    here, there = multiprocessing.Pipe()
    server = multiprocessing.Process(target=serve, args=(args.copies, there), daemon=True)
    server.start()
    proxy, columns, articles = here.recv()
    print(f"portal: {articles} articles in {len(columns)} columns, served by a separate process at {proxy}")
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    results = {"govwatch": _child([__file__, "--child", proxy, json.dumps(columns)])}
    if Path(args.peer_python).exists():
        spider = Path("/tmp/govwatch_bench_spider.py")
        spider.write_text(SPIDER, encoding="utf-8")
        env_columns = json.dumps(columns)
        done = subprocess.run([args.peer_python, str(spider), env_columns], capture_output=True, text=True,
                              env={"http_proxy": proxy, "PATH": "/usr/bin:/bin"})
        if done.returncode:
            sys.exit(f"scrapy failed:\n{done.stderr[-3000:]}")
        results["scrapy"] = json.loads(done.stdout.strip().splitlines()[-1])
    here.send("stop")
    for name, figures in results.items():
        rate = figures["pages"] / figures["seconds"]
        print(f"{name:9} {figures['pages']:6d} pages ({figures['articles']} articles) in {figures['seconds']:.1f} s"
              f" = {rate:,.0f} pages/s, peak RSS {figures['peak_mb']:.0f} MB")
    if "scrapy" in results:
        ratio = (results["govwatch"]["pages"] / results["govwatch"]["seconds"]) / (
            results["scrapy"]["pages"] / results["scrapy"]["seconds"])
        print(f"govwatch / scrapy pages per second: {ratio:.2f}")


if __name__ == "__main__":
    main()
