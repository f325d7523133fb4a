"""Sending the day's early warnings (预警) of every county: compute, route, send each digest once.

Each part of a digest is recorded in its own transaction as soon as it is sent, so a run that fails
half-way resends only what did not go; a channel's error is recorded and the other channels go on.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from govwatch.domain.calendar import DayRange
from govwatch.domain.rectification import Status
from govwatch.domain.warnings import EarlyWarning, due_warnings
from govwatch.notify.channels import DeliveryError
from govwatch.notify.digest import Digest, Target, render, route
from govwatch.notify.recipients import NotifyConfig
from govwatch.notify.registry import open_channel
from govwatch.settings import Settings
from govwatch.store.counties import StoredCounty, county_names, load_stored_county
from govwatch.store.db import Database
from govwatch.store.posts import post_records
from govwatch.store.rectifications import find_items
from govwatch.store.warnings import (
    load_notify_config,
    record_delivery,
    record_sent,
    save_notify_config,
    sent_keys,
)

# Silences are followed back this far; a longer one is reported as this long at least.
HISTORY_DAYS = 92


@dataclass
class Delivery:
    """What happened to one target's digest today."""

    target: Target
    scope: str
    sent: int = 0
    already: int = 0
    pending: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CountyWarnings:
    county: str
    today: date
    warnings: tuple[EarlyWarning, ...]
    deliveries: tuple[Delivery, ...]
    configured: bool
    unrouted: tuple[str, ...]


def county_today(stored: StoredCounty) -> date:
    """The county's own date, or GOVWATCH_TODAY where it is fixed."""
    return Settings.fixed_today() or datetime.now(ZoneInfo(stored.county.county.timezone)).date()


def county_warnings(session: Session, stored: StoredCounty, today: date) -> list[EarlyWarning]:
    """The warnings due on `today` from the stored posts and open rectification items."""
    zone = ZoneInfo(stored.county.county.timezone)
    history_start = min(today - timedelta(days=HISTORY_DAYS), today.replace(month=1, day=1))
    posts = post_records(session, stored.id, *DayRange(history_start, today).moments(zone))
    items = find_items(session, stored.id, statuses=(Status.OPEN,))
    return due_warnings(stored.county, stored.rules, posts, items, today, history_start)


def store_recipients(database: Database, config: NotifyConfig, county: str | None = None) -> str:
    """Keep `config` as the county's recipients; returns the county's name."""
    with database.transaction() as session:
        stored = load_stored_county(session, county)
        save_notify_config(session, stored.id, config)
        return stored.county.county.name


def _deliver(
    database: Database, county_id: int, county: str, today: date, digest: Digest, dry_run: bool,
    settings: Settings, client: httpx.Client, secrets: Mapping[str, str],
) -> Delivery:
    target = digest.target
    delivery = Delivery(target, digest.scope)
    with database.transaction() as session:
        done = sent_keys(session, county_id, target.address, today)
    fresh = tuple(w for w in digest.warnings if w.key not in done)
    delivery.already = len(digest.warnings) - len(fresh)
    if not fresh or dry_run:
        delivery.pending = len(fresh)
        return delivery
    try:
        channel = open_channel(target, settings, client, secrets)
        parts = render(Digest(target, digest.scope, fresh), county, today, channel.markdown, channel.max_bytes)
    except DeliveryError as exc:
        parts, delivery.pending = [], len(fresh)
        delivery.errors.append(str(exc))
        with database.transaction() as session:
            record_delivery(session, county_id, today, target.address, target.label, target.channel,
                            len(fresh), str(exc))
    for part in parts:
        try:
            channel.send(part.title, part.body)
            error = ""
        except DeliveryError as exc:
            error = str(exc)
        try:
            with database.transaction() as session:
                if not error:
                    record_sent(session, county_id, today, target.address, target.channel, part.warnings)
                record_delivery(session, county_id, today, target.address, target.label, target.channel,
                                len(part.warnings), error)
        except IntegrityError:
            pass  # another run recorded the same warnings for this recipient and day meanwhile
        if error:
            delivery.errors.append(error)
            delivery.pending += len(part.warnings)
        else:
            delivery.sent += len(part.warnings)
    return delivery


def _unrouted(config: NotifyConfig | None, stored: StoredCounty, warnings: list[EarlyWarning]) -> tuple[str, ...]:
    """Units with warnings today but nobody of their own to receive them (only the centre sees them)."""
    units = dict.fromkeys(w.unit for w in warnings)
    return tuple(u for u in units if config is None or config.for_unit(stored.county, u) is None)


def send_daily_warnings(
    database: Database,
    today: date | None = None,
    dry_run: bool = False,
    county: str | None = None,
    settings: Settings | None = None,
    client: httpx.Client | None = None,
    secrets: Mapping[str, str] | None = None,
) -> list[CountyWarnings]:
    """Compute and send the day's warnings of every county (or of `county`); idempotent within a day.

    `today` defaults to each county's own date; with `dry_run` nothing is sent or recorded.
    """
    settings = settings or Settings()
    secrets = os.environ if secrets is None else secrets
    own_client = client is None
    client = client or httpx.Client(timeout=settings.notify_timeout)
    results = []
    try:
        with database.transaction() as session:
            names = [county] if county else county_names(session)
            if not names:
                load_stored_county(session)  # raises the usual "no county loaded yet" error
        for name in names:
            with database.transaction() as session:
                stored = load_stored_county(session, name)
                day = today or county_today(stored)
                warnings = county_warnings(session, stored, day)
                config = load_notify_config(session, stored.id)
            digests = route(config, stored.county, warnings) if config else []
            deliveries = tuple(
                _deliver(database, stored.id, name, day, d, dry_run, settings, client, secrets) for d in digests
            )
            results.append(CountyWarnings(name, day, tuple(warnings), deliveries, config is not None,
                                          _unrouted(config, stored, warnings)))
    finally:
        if own_client:
            client.close()
    return results
