"""The demo month's accounts as fake platform servers: what each account published, served in its platform's API."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govwatch.collect.fakes.social import FakeDouyin, FakeItem, FakeWeibo
from govwatch.collect.fakes.wechat import FakeArticle, FakeWeChat
from govwatch.domain.county import Account
from govwatch.domain.incoming import IncomingPost
from govwatch.domain.model import Platform, PostKind

_WECHAT = (Platform.WECHAT_SUBSCRIPTION, Platform.WECHAT_SERVICE)


@dataclass
class DemoPlatforms:
    """Fake servers to start (name → app), and what each account's config and secrets must say to reach them."""

    apps: dict[str, Any] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)
    sources: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # (name, platform) → account fields


def _mine(account: Account, posts: Sequence[IncomingPost]) -> list[IncomingPost]:
    return sorted((p for p in posts if p.account == account.name and p.platform == account.platform),
                  key=lambda p: p.published_at)


def _wechat(number: int, posts: list[IncomingPost]) -> FakeWeChat:
    # Every other article is 群发 (found only through datacube), as most government accounts publish.
    articles = [FakeArticle(p.title, p.published_at, p.text, mass_sent=i % 2 == 0, msgid=f"{2247480000 + i}_1")
                for i, p in enumerate(posts)]
    return FakeWeChat(f"wxdemo{number:04d}", f"demo-secret-{number}", articles, biz=f"MzDemo{number}")


def _items(posts: list[IncomingPost]) -> list[FakeItem]:
    # A repost's text is the article it carries (its title); an original's is the post itself.
    return [FakeItem(4_900_000_000 + i, p.title if p.kind is not PostKind.ORIGINAL else f"{p.title}。{p.text}",
                     p.published_at, repost=p.kind is not PostKind.ORIGINAL)
            for i, p in enumerate(posts)]


def _export(path: Path, posts: list[IncomingPost]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["标题", "发布时间", "编号"])
        writer.writerows([p.title, p.published_at.isoformat(), p.external_id] for p in posts)


def demo_platforms(accounts: Sequence[Account], posts: Sequence[IncomingPost], folder: Path) -> DemoPlatforms:
    """One fake server per API account (WeChat, Weibo, Douyin); an export file for platforms without a list API."""
    out = DemoPlatforms()
    fake: FakeWeChat | FakeWeibo | FakeDouyin
    options: dict[str, str]
    for number, account in enumerate(accounts, 1):
        mine, env, key = _mine(account, posts), f"GOVWATCH_DEMO_SECRET_{number}", (account.name, account.platform.value)
        if account.platform in _WECHAT:
            fake = _wechat(number, mine)
            out.secrets[env], external, options = fake.secret, fake.appid, {}
        elif account.platform is Platform.WEIBO:
            fake = FakeWeibo(f"{5_000_000_000 + number}", f"demo-token-{number}", _items(mine))
            out.secrets[env], external, options = fake.token, fake.uid, {}
        elif account.platform is Platform.DOUYIN:
            fake = FakeDouyin(f"demo-open-{number}", f"demo-token-{number}", _items(mine))
            out.secrets[env], external, options = fake.token, fake.open_id, {}
        else:
            path = folder / f"export-{number}.csv"
            _export(path, mine)
            out.sources[key] = {"source": {"kind": "export", "url": str(path)}}
            continue
        out.apps[str(number)] = fake
        out.sources[key] = {"external_id": external,
                            "source": {"kind": "api", "credential_env": env, "options": options, "url": str(number)}}
    return out
