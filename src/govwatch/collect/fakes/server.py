"""A small threaded HTTP/1.1 server on 127.0.0.1 (port 0 by default) that hands requests to an app.

It also accepts proxy-style requests (`GET http://host/path`), so a crawl can be pointed at it with
an HTTP proxy setting and keep the real site's URLs (the demo crawls www.meixian.gov.cn this way).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit


@dataclass(frozen=True)
class FakeRequest:
    method: str
    host: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.body.decode("latin-1")))


@dataclass
class FakeResponse:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


App = Callable[[FakeRequest], FakeResponse]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: with Nagle's algorithm and the client's delayed ACK each
    # keep-alive answer would wait 40 ms (a thousand API calls: 40 s of nothing).
    disable_nagle_algorithm = True
    server: _Server

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        target = urlsplit(self.path)
        host = target.hostname or (self.headers.get("Host") or "").split(":")[0]
        request = FakeRequest(self.command, host, target.path or "/", dict(parse_qsl(target.query)),
                              {k.lower(): v for k, v in self.headers.items()}, body)
        try:
            response = self.server.app(request)
        except Exception as exc:  # a fake's bug shows as a 500, as a real server's would
            response = FakeResponse(500, f"fake server error: {exc}".encode())
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    do_GET = do_POST = do_HEAD = _serve

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: a crawl makes thousands of requests."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    app: App

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up (a crawl closing its keep-alive connections) is no server error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class LocalServer:
    """`with LocalServer(app) as server: server.url` — serving in a background thread until the block ends."""

    def __init__(self, app: App, port: int = 0) -> None:
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.app = app
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
