"""What the fake platform APIs share: JSON answers and faults injected on the next calls."""

from __future__ import annotations

import json
from collections import deque
from typing import Any

from govwatch.collect.fakes.server import FakeRequest, FakeResponse


def json_response(data: Any, status: int = 200) -> FakeResponse:
    return FakeResponse(status, json.dumps(data, ensure_ascii=False).encode(), {"Content-Type": "application/json"})


class FakePlatform:
    """Faults: "http429" (with Retry-After), "rate" (the platform's own rate-limit code), "malformed"
    (a body that is not JSON), "expired" (the token or authorisation is no longer valid)."""

    def __init__(self) -> None:
        self._faults: deque[str] = deque()
        self.calls: list[FakeRequest] = []

    def fail_next(self, *faults: str) -> None:
        self._faults.extend(faults)

    def error_body(self, fault: str) -> FakeResponse:
        """The platform's own answer for "rate" and "expired"."""
        raise NotImplementedError

    def route(self, request: FakeRequest) -> FakeResponse:
        raise NotImplementedError

    def __call__(self, request: FakeRequest) -> FakeResponse:
        self.calls.append(request)
        if self._faults:
            fault = self._faults.popleft()
            if fault == "http429":
                return FakeResponse(429, b"too many requests", {"Retry-After": "0"})
            if fault == "malformed":
                return FakeResponse(200, b"<html>502 Bad Gateway</html>", {"Content-Type": "application/json"})
            return self.error_body(fault)
        return self.route(request)
