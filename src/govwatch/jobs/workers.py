"""Running procrastinate workers: one process per `processes`, each with `concurrency` jobs at a time.

Collection waits on the network, so an `io` worker runs many jobs in one process; proofreading holds
the CPU (and the GIL), so `cpu` workers run one job per process and as many processes as cores.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import logging
import multiprocessing
import os
import signal
from dataclasses import dataclass

from govwatch.jobs.catalog import CPU, IO, QUEUES
from govwatch.jobs.queue_app import STALLED_AFTER, make_app, retry_stalled
from govwatch.store.db import open_database

PR_SET_PDEATHSIG = 1  # linux/prctl.h


@dataclass(frozen=True)
class WorkerOptions:
    queues: tuple[str, ...] = QUEUES
    concurrency: int | None = None  # default: 8 jobs at a time when serving io only, else 1
    processes: int | None = None  # default: one per core when serving cpu, else 1
    stalled_after: float = STALLED_AFTER
    heartbeat: float = 10.0  # seconds between a worker's heartbeats; well under `stalled_after`
    wait: bool = True  # False: stop once the queues are empty (benchmarks, one-off catch-up runs)

    @property
    def jobs_at_once(self) -> int:
        return self.concurrency or (8 if self.queues == (IO,) else 1)

    @property
    def process_count(self) -> int:
        return self.processes or (os.cpu_count() or 1 if CPU in self.queues else 1)


def run_workers(url: str, options: WorkerOptions) -> None:
    """Migrate once, then serve the queues in this process or in `process_count` child processes."""
    open_database(url).dispose()  # one migration before the processes start, never several at once
    if options.process_count == 1:
        serve(url, options)
        return
    context = multiprocessing.get_context("spawn")  # no engine or pool inherited across a fork
    children = [context.Process(target=serve_child, args=(url, options, os.getpid()), name=f"govwatch-worker-{i}")
                for i in range(options.process_count)]
    for child in children:
        child.start()

    def stop(signum: int, _frame: object) -> None:
        for child in children:
            if child.is_alive() and child.pid is not None:
                os.kill(child.pid, signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for child in children:
        child.join()


def serve_child(url: str, options: WorkerOptions, parent: int) -> None:
    """A child of `run_workers`: stops with its parent, even one killed with SIGKILL (which no handler
    sees), so that no orphan keeps taking jobs; its jobs are then retried as a dead worker's are."""
    stop_with_parent(parent)
    serve(url, options)


def stop_with_parent(parent: int) -> None:
    """Ask Linux to send this process SIGTERM when its parent dies (prctl PR_SET_PDEATHSIG); elsewhere
    nothing happens, and the process group is the way to stop them all."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):
        return
    prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request was made
        os.kill(os.getpid(), signal.SIGTERM)


def serve(url: str, options: WorkerOptions) -> None:
    """One worker process: retry what dead workers left running, then take jobs until stopped."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(processName)s %(levelname)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request would drown the jobs' lines
    db = open_database(url, migrate=False)
    app = make_app(db.url)

    async def work() -> None:
        async with app.open_async():
            await retry_stalled(app, options.stalled_after)
            await app.run_worker_async(
                queues=list(options.queues), concurrency=options.jobs_at_once, wait=options.wait,
                additional_context={"db": db, "stalled_after": options.stalled_after},
                update_heartbeat_interval=options.heartbeat, stalled_worker_timeout=options.stalled_after,
            )

    try:
        asyncio.run(work())
    finally:
        db.dispose()
