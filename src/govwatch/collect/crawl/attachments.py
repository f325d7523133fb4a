"""The files an article links (附件): fetched within the crawl's bounds and read to text for checking.

Only links on the article's own site whose path ends in one of ATTACHMENT_SUFFIXES, at most
`max_attachments_per_page` of them, each once per run; robots.txt is asked first, the fetch goes through
the same polite Fetcher (host slots, retries, byte cap, deadline) and its answer is recorded as the link
check of that URL, so the file is fetched once. Reading runs in a worker thread: a large spreadsheet or a
.doc converter must not stall the event loop. A file that answers with an error is left to the link check
(a dead link); one that answers but cannot be read, or is read only in part, becomes a finding.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from govwatch.collect.attachments import AttachmentLimits, is_attachment, read_attachment
from govwatch.collect.crawl.fetch import BOUND_ERRORS, Fetcher, Request
from govwatch.collect.crawl.linkcheck import LinkChecker
from govwatch.collect.crawl.results import Finding
from govwatch.collect.extract.article import parse_html
from govwatch.collect.extract.links import page_links
from govwatch.domain.attachments import AttachmentText


def attachment_links(html: str, page_url: str, limit: int) -> tuple[list[str], int]:
    """The page's same-site attachment links (at most `limit`) and how many there were in all."""
    host = urlsplit(page_url).hostname
    found = [link for link in page_links(parse_html(html), page_url).links
             if urlsplit(link).hostname == host and is_attachment(link)]
    return found[:limit], len(found)


class AttachmentReader:
    """Fetches and reads an article's attachments; each file once per run, however many pages link it."""

    def __init__(self, fetcher: Fetcher, allowed: Callable[[str], Awaitable[bool]], links: LinkChecker,
                 report: Callable[[Finding], None], limit: int, limits: AttachmentLimits = AttachmentLimits()) -> None:
        self.fetcher, self.allowed, self.links, self.report = fetcher, allowed, links, report
        self.limit, self.limits = limit, limits
        self._read: dict[str, asyncio.Future[AttachmentText | None]] = {}

    async def read(self, html: str, page_url: str, column: str | None) -> tuple[AttachmentText, ...]:
        """The readable attachments of the page at `page_url`; unreadable and truncated ones are reported."""
        links, total = attachment_links(html, page_url, self.limit)
        if total > len(links):
            self.report(Finding("attachment_cap", page_url, page_url, column,
                                detail=f"页面有 {total} 个附件，只读取前 {self.limit} 个（上限 max_attachments_per_page）"))
        texts = await asyncio.gather(*(self._once(link, page_url, column) for link in links))
        return tuple(text for text in texts if text is not None)

    async def _once(self, url: str, page_url: str, column: str | None) -> AttachmentText | None:
        if url not in self._read:
            self._read[url] = asyncio.ensure_future(self._fetch(url, page_url, column))
        return await self._read[url]

    async def _fetch(self, url: str, page_url: str, column: str | None) -> AttachmentText | None:
        if not await self.allowed(url):
            return None
        response = await self.fetcher.fetch(Request(url, kind="attachment", column=column, page=page_url))
        if not response.ok:
            if response.error in BOUND_ERRORS:  # it answers, but beyond the crawl's bounds: said, not checked
                self.report(Finding("attachment_unreadable", url, page_url, column, response.status,
                                    f"附件未读取，未检查：{response.detail or response.error}"))
            return None  # an error answer is the link check's dead link
        self.links.record(response)
        text = await asyncio.to_thread(read_attachment, response.url, response.body, limits=self.limits)
        if text.unreadable is not None:
            self.report(Finding("attachment_unreadable", url, page_url, column,
                                detail=f"附件《{text.filename}》无法读取，未检查：{text.unreadable}"))
            return None
        if text.truncated is not None:
            self.report(Finding("attachment_cap", url, page_url, column,
                                detail=f"附件《{text.filename}》{text.truncated}，其余部分未检查"))
        return text
