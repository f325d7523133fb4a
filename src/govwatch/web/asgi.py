"""The app as uvicorn's worker processes build it (`govwatch serve --workers N`): all from the GOVWATCH_* settings."""

from __future__ import annotations

from fastapi import FastAPI

from govwatch.settings import Settings
from govwatch.store.db import open_database
from govwatch.web.app import create_app
from govwatch.web.config import WebConfig


def app_from_settings() -> FastAPI:
    """A web app on the settings' database, already migrated by `govwatch serve` before the workers start."""
    settings = Settings()
    return create_app(open_database(settings.database_url(), migrate=False),
                      WebConfig(secure_cookie=settings.web_secure_cookie, county=settings.web_county,
                                proofread_timeout=settings.proofread_timeout,
                                proofread_workers=settings.proofread_workers))
