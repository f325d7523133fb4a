"""Servers that attack the crawler: a byte a second, resets, long Retry-After, link floods, endless pagers.

Each bound ends the crawl in bounded time and is recorded as a finding, never only as a log line.
"""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

from govwatch.collect.crawl.crawler import ColumnTarget, CrawlOptions
from govwatch.collect.fakes.server import FakeRequest, FakeResponse, LocalServer
from tests.collect.conftest import FAST, run_crawl

ARTICLE = ('<html><head><meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="2023-06-0{day} 09:00">'
           '</head><body><div class="TRS_Editor"><p>正文</p>{links}</div></body></html>')


def _list(items: list[tuple[str, str]], next_page: str | None = None) -> str:
    rows = "".join(f'<li><a href="{href}">{title}</a> 2023-06-01</li>' for href, title in items)
    pager = f'<a href="{next_page}">下一页</a>' if next_page else ""
    return f"<html><body><ul>{rows}</ul>{pager}</body></html>"


class Site:
    """Pages by path (str: HTML; callable: an answer of its own); everything else is a 404."""

    def __init__(self, pages: dict[str, str | Callable[[FakeRequest], FakeResponse]]) -> None:
        self.pages, self.hits = pages, Counter[str]()

    def __call__(self, request: FakeRequest) -> FakeResponse:
        self.hits[request.path] += 1
        page = self.pages.get(request.path)
        if page is None:
            return FakeResponse(404, "页面不存在".encode())
        if callable(page):
            return page(request)
        return FakeResponse(200, page.encode(), {"Content-Type": "text/html; charset=utf-8"})


@contextmanager
def raw_server(answer: Callable[[socket.socket], None]) -> Iterator[str]:
    """A TCP server whose `answer` writes whatever bytes it likes after reading the request head."""

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = self.request.recv(4096)
                if not chunk:
                    return
                head += chunk
            path = head.split(b" ", 2)[1]
            if path == b"/robots.txt":
                self.request.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                return
            with suppress(OSError):  # the crawler gave up and hung up: that is the point
                answer(self.request)

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_byte_a_second_cannot_hold_a_crawl_past_the_request_deadline():
    def drip(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
        for _ in range(300):  # 30 s of a byte every 0.1 s: each read is quick, the whole answer is not
            conn.sendall(b"x")
            time.sleep(0.1)

    with raw_server(drip) as url:
        settings = FAST.model_copy(update={"timeout_seconds": 1, "request_deadline_seconds": 1.5, "retries": 2})
        start = time.monotonic()
        sink, _ = run_crawl([ColumnTarget("c", f"{url}/list/index.html")], settings)
        elapsed = time.monotonic() - start
    assert elapsed < 6  # one attempt: a deadline is final, not retried
    [finding] = sink.findings
    assert (finding.kind, finding.url) == ("deadline", f"{url}/list/index.html")
    assert "1.5 秒" in finding.detail


def test_a_connection_reset_is_said_in_words():
    def reset(conn: socket.socket) -> None:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # RST on close
        conn.close()

    with raw_server(reset) as url:
        sink, _ = run_crawl([ColumnTarget("c", f"{url}/list/index.html")], FAST.model_copy(update={"retries": 1}))
    [finding] = sink.findings
    assert finding.kind == "dead_link" and finding.status is None
    assert finding.detail.startswith("连接被服务器中断（") and finding.detail != "连接被服务器中断（）"


def test_one_malformed_link_drops_nothing_of_a_list_page():
    site = Site({
        "/list/index.html": _list([("http://[::1/bad", "坏链接"), ("/a/t20230601_1.html", "第一篇")], "index_1.html"),
        "/list/index_1.html": _list([("/a/t20230602_2.html", "第二篇")]),
        "/a/t20230601_1.html": ARTICLE.format(title="第一篇", day=1, links='<a href="http://[::1/bad">附件</a>'),
        "/a/t20230602_2.html": ARTICLE.format(title="第二篇", day=2, links=""),
    })
    with LocalServer(site) as server:
        sink, stats = run_crawl([ColumnTarget("c", f"{server.url}/list/index.html")], FAST)
    assert sorted(r.article.title for r in sink.pages) == ["第一篇", "第二篇"] and stats.list_pages == 2
    [bad] = sink.kinds("bad_link")
    assert (bad.url, bad.page) == ("http://[::1/bad", f"{server.url}/a/t20230601_1.html")


def test_a_long_retry_after_is_not_waited_for():
    def busy(_: FakeRequest) -> FakeResponse:
        return FakeResponse(503, b"busy", {"Retry-After": "3600"})

    site = Site({"/list/index.html": _list([("/a/t20230601_1.html", "第一篇")]), "/a/t20230601_1.html": busy})
    with LocalServer(site) as server:
        settings = FAST.model_copy(update={"max_retry_after_seconds": 2})
        start = time.monotonic()
        sink, _ = run_crawl([ColumnTarget("c", f"{server.url}/list/index.html")], settings)
        assert time.monotonic() - start < 5
    assert site.hits["/a/t20230601_1.html"] == 1
    [finding] = sink.findings
    assert (finding.kind, finding.status) == ("retry_after", 503)
    assert "3600 秒" in finding.detail and "上限 2 秒" in finding.detail


def test_a_page_of_5000_links_makes_a_bounded_number_of_requests():
    links = "".join(f'<a href="/l/{i}.html">{i}</a>' for i in range(5000))
    site = Site({"/list/index.html": _list([("/a/t20230601_1.html", "第一篇")]),
                 "/a/t20230601_1.html": ARTICLE.format(title="第一篇", day=1, links=links),
                 **{f"/l/{i}.html": "<p>ok</p>" for i in range(5000)}})
    with LocalServer(site) as server:
        sink, _stats = run_crawl([ColumnTarget("c", f"{server.url}/list/index.html")], FAST,
                                options=CrawlOptions(max_links_per_page=40))
    assert sum(site.hits.values()) <= 1 + 1 + 1 + 40  # robots.txt, the list, the article, its first 40 links
    [cap] = sink.findings
    assert cap.kind == "link_cap" and "5000 个链接" in cap.detail and "前 40 个" in cap.detail


def test_the_pager_cap_is_a_finding():
    site = Site({f"/list/index_{n}.html": _list([(f"/a/t2023060{n % 9 + 1}_{n}.html", f"第{n}篇")], f"index_{n + 1}.html")
                 for n in range(50)})
    with LocalServer(site) as server:
        sink, stats = run_crawl([ColumnTarget("c", f"{server.url}/list/index_0.html")], FAST,
                                options=CrawlOptions(max_list_pages=3, check_links=False))
    assert stats.list_pages == 3 and sum(n for p, n in site.hits.items() if p.startswith("/list/")) == 3
    [cap] = sink.kinds("pager_cap")
    assert (cap.url, cap.page) == (f"{server.url}/list/index_3.html", f"{server.url}/list/index_2.html")
    assert "3 页" in cap.detail
