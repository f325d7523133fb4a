"""The daily digest: one message per recipient holding all its warnings, split where a channel limits size.

Routing is pure: the centre's recipients get every warning of the county, a unit's recipients get
the unit's own; an address configured twice gets one message with the union.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from govwatch.domain.county import County
from govwatch.domain.warnings import EarlyWarning, WarningKind
from govwatch.notify.recipients import NotifyConfig, Recipients, Robot

ChannelKind = Literal["email", "wecom", "dingtalk"]
_KIND_ORDER = {kind: i for i, kind in enumerate(WarningKind)}


@dataclass(frozen=True)
class Target:
    """Where one digest goes: a mailbox or a robot."""

    address: str
    label: str
    channel: ChannelKind
    robot: Robot | None = None


@dataclass(frozen=True)
class Digest:
    target: Target
    scope: str
    warnings: tuple[EarlyWarning, ...]


@dataclass(frozen=True)
class Part:
    """One message of a digest, and the warnings it carries (recorded as sent only when it is)."""

    title: str
    body: str
    warnings: tuple[EarlyWarning, ...]


def _targets(recipients: Recipients) -> list[Target]:
    mail = [Target(f"email:{address}", address, "email") for address in recipients.email]
    return mail + [Target(r.address, r.label, r.kind, r) for r in recipients.robots]


def route(config: NotifyConfig, county: County, warnings: Sequence[EarlyWarning]) -> list[Digest]:
    """Each target's digest: the centre's with the county's warnings, each unit's with its own."""
    ordered = sorted(warnings, key=lambda w: (_KIND_ORDER[w.kind], w.unit, w.subject))
    gathered: dict[str, tuple[Target, str, dict[str, EarlyWarning]]] = {}

    def add(recipients: Recipients, scope: str, chosen: list[EarlyWarning]) -> None:
        for target in _targets(recipients):
            entry = gathered.setdefault(target.address, (target, scope, {}))
            entry[2].update((w.key, w) for w in chosen if recipients.wants(w))

    add(config.centre, f"{county.county.name}全县", ordered)
    for entry, unit in config.known_units(county):
        add(entry, unit, [w for w in ordered if w.unit == unit])
    return [Digest(t, scope, tuple(found.values())) for t, scope, found in gathered.values() if found]


def _line(number: int, warning: EarlyWarning, markdown: bool) -> str:
    label = f"**【{warning.label}】**" if markdown else f"【{warning.label}】"
    unit = "" if warning.message.startswith(warning.unit) else f"{warning.unit}："
    return f"{number}. {label}{unit}{warning.message}"


def _fit(text: str, limit: int) -> str:
    """`text` cut to `limit` UTF-8 bytes (on a character boundary), marked as cut."""
    if len(text.encode()) <= limit:
        return text
    return text.encode()[: max(limit - 3, 0)].decode(errors="ignore") + "…"


def render(
    digest: Digest, county: str, today: date, markdown: bool, max_bytes: int | None = None
) -> list[Part]:
    """The digest as messages no larger than `max_bytes` (UTF-8) each; each part says which it is."""

    def head(index: int, total: int) -> tuple[str, str]:
        of = f"（{index}/{total}）" if total > 1 else ""
        title = f"{county}政务公开预警 {today:%Y-%m-%d}{of}"
        intro = f"{digest.scope}：今日预警{len(digest.warnings)}条，请在期限前处理，避免在月度通报中被通报。"
        top = f"### {title}" if markdown else title
        return title, f"{top}\n\n{intro}\n"

    lines = [_line(i, w, markdown) for i, w in enumerate(digest.warnings, 1)]
    separator = "\n\n" if markdown else "\n"
    if max_bytes is None:
        title, top = head(1, 1)
        return [Part(title, top + separator + separator.join(lines), digest.warnings)]
    most = len(lines)  # no more parts than lines: the widest "（n/n）" the header may need
    room = max_bytes - len(head(most, most)[1].encode()) - len(separator.encode())
    groups: list[list[int]] = [[]]
    used = 0
    for i, line in enumerate(lines):
        lines[i] = line = _fit(line, room)
        size = len(line.encode()) + len(separator.encode())
        if groups[-1] and used + size > room:
            groups.append([])
            used = 0
        groups[-1].append(i)
        used += size
    parts = []
    for n, group in enumerate(groups, 1):
        title, top = head(n, len(groups))
        body = top + separator + separator.join(lines[i] for i in group)
        parts.append(Part(title, body, tuple(digest.warnings[i] for i in group)))
    return parts
