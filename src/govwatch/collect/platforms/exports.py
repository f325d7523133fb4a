"""Export files (.csv / .xlsx / .jsonl) for platforms with no listing API, such as WeChat Channels (视频号).

`source.url` is the folder the unit drops its exports in; `source.options` maps the export's own
headers to govwatch's fields (e.g. {"视频描述": "title", "发表时间": "published_at"}).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from govwatch.collect.files import ExportFileError, ImportedRow, read_posts
from govwatch.collect.platforms.base import (
    AdapterContext,
    ItemProblem,
    Listing,
    PlatformError,
    PlatformPost,
    register,
    within,
)
from govwatch.collect.platforms.classify import repost_marker
from govwatch.domain.county import Account
from govwatch.domain.incoming import content_hash
from govwatch.domain.model import PostKind

SUFFIXES = (".csv", ".xlsx", ".jsonl")


@register("export")
class ExportAdapter:
    name = "export"

    def __init__(self, context: AdapterContext) -> None:
        self.context = context

    async def list_posts(self, account: Account, since: datetime, until: datetime | None = None) -> Listing:
        folder = Path(account.source.url) if account.source and account.source.url else None
        if folder is None or not folder.exists():
            raise PlatformError(f"账号“{account.name}”的导出目录 {folder} 不存在")
        files = [folder] if folder.is_file() else sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)
        posts, listing = {}, Listing()
        for path in files:
            try:
                rows = read_posts(path, str(self.context.zone), header_map=account.source.options if account.source else None)
            except ExportFileError as exc:  # the whole file is held back until it is corrected
                listing.failed += [ItemProblem(str(path), message) for message in exc.messages]
                continue
            for post in exported_posts(account, rows):
                if within(post.published_at, since, until):
                    posts[post.post_id] = post
        listing.posts = list(posts.values())
        return listing.sorted()


def exported_posts(account: Account, rows: list[ImportedRow]) -> list[PlatformPost]:
    """An account's export rows as platform posts: keyed by the export's id, else URL, else content; a
    repost when the export says so (类型) or the caption carries a repost marker."""
    own = [account.name, account.unit]
    posts = []
    for row in rows:
        post = row.post
        key = post.external_id or post.url or content_hash(post.title, post.text)[:16]
        declared = post.kind is not PostKind.ORIGINAL
        posts.append(PlatformPost("export", account.name, key, post.title, post.published_at, post.text, post.url,
                                  repost=declared or repost_marker(post.title, own) is not None))
    return posts
