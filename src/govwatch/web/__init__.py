"""The web dashboard (FastAPI): pages in Chinese and a JSON API over the services; an adapter, no grading here."""

from govwatch.web.app import create_app
from govwatch.web.config import WebConfig

__all__ = ["WebConfig", "create_app"]
