"""What a crawl hands its sink: article pages read, pages left unchanged, and findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from govwatch.collect.crawl.fetch import Validators
from govwatch.collect.extract.article import Article
from govwatch.domain.attachments import AttachmentText


@dataclass(frozen=True)
class PageResult:
    """An article page fetched and read; `raw` is the body as served, for replaying extraction;
    `attachments`: the same-site files it links that could be read."""

    column: str | None
    article: Article
    raw: bytes
    encoding: str
    validators: Validators
    attachments: tuple[AttachmentText, ...] = ()


@dataclass(frozen=True)
class Finding:
    """A problem met while crawling: a dead or external link on a page, or a page that cannot be used.

    kind: dead_link, external_link, bad_link (an href that is no http(s) address), bad_page, redirect_loop,
    missing_date, future_date, robots, attachment_unreadable (an attached file that answers but cannot be
    read) — and a bound of the crawl settings that was hit: too_large,
    deadline, retry_after, link_cap, pager_cap, attachment_cap.
    """

    kind: str
    url: str
    page: str | None
    column: str | None
    status: int | None = None
    detail: str = ""
    rechecked: bool = False  # a failure confirmed by a second check after the recheck delay

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "url": self.url, "status": self.status, "page": self.page,
                "column": self.column, "detail": self.detail, "rechecked": self.rechecked}


class CrawlSink(Protocol):
    """Receives a crawl's results; a storing sink writes each article in its own transaction."""

    def validators(self, url: str) -> Validators | None:
        """What the last fetch of `url` answered, for a conditional request (None: never fetched)."""

    def stored_html(self, url: str) -> str | None:
        """The page as last stored, so a 304 answer still has its links checked (None: nothing stored)."""

    def page(self, result: PageResult) -> None: ...

    def unchanged(self, url: str, links_checked: bool) -> None:
        """The server answered 304; `links_checked`: the stored copy's links were checked again."""

    def finding(self, finding: Finding) -> None: ...
