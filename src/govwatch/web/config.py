"""How the web app is run: chosen on the command line (`govwatch serve`), not from county data."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WebConfig:
    """`secure_cookie`: send the session cookie over HTTPS only (on behind a TLS proxy); `county`: which tenant;
    `proofread_timeout`: seconds one draft may take to read and proofread; `proofread_workers`: how many
    drafts are checked at once (each in a process of its own)."""

    secure_cookie: bool = False
    county: str | None = None
    proofread_timeout: float = 60.0
    proofread_workers: int = 2
