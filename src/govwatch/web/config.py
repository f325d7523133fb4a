"""How the web app is run: chosen on the command line (`govwatch serve`), not from county data."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WebConfig:
    """`secure_cookie`: send the session cookie over HTTPS only (on behind a TLS proxy); `county`: which tenant."""

    secure_cookie: bool = False
    county: str | None = None
