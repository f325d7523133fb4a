"""Export files (.csv / .xlsx / .jsonl) for platforms with no listing API, such as WeChat Channels (视频号).

`source.url` is the folder the unit drops its exports in; `source.options` maps the export's own
headers to govwatch's fields (e.g. {"视频描述": "title", "发表时间": "published_at"}).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from govwatch.collect.files import ExportFileError, read_posts
from govwatch.collect.platforms.base import AdapterContext, PlatformError, PlatformPost, register
from govwatch.domain.county import Account
from govwatch.domain.incoming import content_hash

SUFFIXES = (".csv", ".xlsx", ".jsonl")


@register("export")
class ExportAdapter:
    name = "export"

    def __init__(self, context: AdapterContext) -> None:
        self.context = context

    async def list_posts(self, account: Account, since: datetime) -> list[PlatformPost]:
        folder = Path(account.source.url) if account.source and account.source.url else None
        if folder is None or not folder.exists():
            raise PlatformError(f"账号“{account.name}”的导出目录 {folder} 不存在")
        files = [folder] if folder.is_file() else sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)
        posts, report = {}, []
        for path in files:
            try:
                rows = read_posts(path, str(self.context.zone), header_map=account.source.options)
            except ExportFileError as exc:
                report += exc.messages
                continue
            for row in rows:
                post = row.post
                key = post.external_id or post.url or content_hash(post.title, post.text)[:16]
                if post.published_at >= since:
                    posts[key] = PlatformPost("export", account.name, key, post.title, post.published_at,
                                              post.text, post.url)
        if report:
            raise PlatformError("导出文件校验未通过，未导入：\n" + "\n".join(report))
        return sorted(posts.values(), key=lambda p: p.published_at)
