"""The world a fault test kills commands in: the demo portal and the fake platforms on 127.0.0.1, a county
folder pointing at them, an export file of the month, and `govwatch` run as a user runs it."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from govwatch.collect.fakes.portal import Portal
from govwatch.collect.fakes.server import LocalServer
from govwatch.config.loader import load_county_dir, validate_file
from govwatch.demo.generator import generate_month
from govwatch.demo.plan import DemoPlan
from govwatch.demo.platforms import demo_platforms
from govwatch.services.demo_gather import config_pointing_at

GOVWATCH = Path(sys.executable).parent / "govwatch"
HANG = 300  # seconds a command may take to finish before it counts as hung
TRACEBACK = "Traceback (most recent call last)"


@dataclass(frozen=True)
class World:
    folder: Path  # the county folder, its columns and accounts pointing at the local servers
    proxy: str  # the demo portal, reached as www.meixian.gov.cn through the proxy mode
    exports: Path  # the month's portal posts as an export file (.jsonl)
    env: dict[str, str]  # the platforms' secrets, as a county puts them in the environment


@pytest.fixture(scope="module")
def world(meixian_dir, tmp_path_factory) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("county")
    own = load_county_dir(meixian_dir)
    plan = validate_file(DemoPlan, meixian_dir / "demo" / "2023-06.yaml")
    posts = generate_month(plan, own.county)
    with ExitStack() as servers:
        portal = Portal(posts, own.county, plan.portal)
        proxy = servers.enter_context(LocalServer(portal)).url
        fakes = demo_platforms(own.county.accounts, posts, folder)
        urls = {name: servers.enter_context(LocalServer(app)).url for name, app in fakes.apps.items()}
        config_pointing_at(meixian_dir, portal, proxy, fakes.sources, urls, folder)
        _without_proxy(folder / "county.yaml")  # the platforms answer directly; the crawl gets --proxy
        exports = folder / "month.jsonl"
        with exports.open("w", encoding="utf-8") as out:
            for post in posts:
                if post.column:
                    row = {"title": post.title, "published_at": post.published_at.isoformat(), "unit": post.unit,
                           "channel": post.channel, "column": post.column, "kind": post.kind.value,
                           "url": post.url, "text": post.text}
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
        yield World(folder, proxy, exports, {**os.environ, **fakes.secrets})


def _without_proxy(path: Path) -> None:
    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    data["crawl"].pop("proxy", None)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)


@dataclass
class Tally:
    """What the runs of one test did: kills that landed on a running process, tracebacks, hangs."""

    kills: int = 0
    tracebacks: int = 0
    hangs: int = 0
    outputs: list[str] = field(default_factory=list)

    def read(self, log: Path) -> None:
        text = log.read_text(encoding="utf-8", errors="replace")
        self.outputs.append(text)
        self.tracebacks += text.count(TRACEBACK)


@dataclass
class Runner:
    """`govwatch --db URL …` in its own process group, its output in a log file."""

    url: str
    world: World
    logs: Path
    tally: Tally = field(default_factory=Tally)
    _runs: int = 0

    def _log(self) -> Path:
        self._runs += 1
        return self.logs / f"run-{self._runs}.log"

    @contextmanager
    def _started(self, args: tuple[str, ...]) -> Iterator[tuple[subprocess.Popen, Path]]:
        log = self._log()
        with log.open("w") as out:
            process = subprocess.Popen([str(GOVWATCH), "--db", self.url, *args], stdout=out, stderr=subprocess.STDOUT,
                                       env=self.world.env, start_new_session=True)
        try:
            yield process, log
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            self.tally.read(log)

    def finish(self, *args: str) -> float:
        """Run to the end; returns the seconds it took (a run past HANG is killed and counted as a hang)."""
        start = time.monotonic()
        with self._started(args) as (process, log):
            try:
                code = process.wait(timeout=HANG)
            except subprocess.TimeoutExpired:
                self.tally.hangs += 1
                return time.monotonic() - start
            assert code == 0, log.read_text(encoding="utf-8", errors="replace")[-3000:]
        return time.monotonic() - start

    def kill_at(self, seconds: float, *args: str) -> None:
        """Start the command and SIGKILL it (with its children) after `seconds`, unless it ended before."""
        with self._started(args) as (process, _):
            try:
                process.wait(timeout=seconds)
            except subprocess.TimeoutExpired:
                self.tally.kills += 1  # the finally kills it


def kill_moments(seed: int, kills: int, span: float) -> list[float]:
    """`kills` random moments early in a run of `span` seconds, from a fixed seed: each resumed run has less left to do."""
    rng = random.Random(seed)
    return [rng.uniform(0.08 * span, 0.25 * span) for _ in range(kills)]
