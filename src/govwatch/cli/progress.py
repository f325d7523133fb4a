"""A rich progress bar for long collection work (crawls, platform ingest)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from govwatch.cli.common import errors
from govwatch.collect.crawl.crawler import CrawlStats


def work_bar() -> Progress:
    """The bar of a crawl's pages (done of known, a detail line, time): on stderr so that stdout stays data."""
    return Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[detail]}"), TimeElapsedColumn(), console=errors, transient=False)


@contextmanager
def crawl_progress(title: str) -> Iterator:
    """Yields the on_progress callback of a crawl."""
    progress = work_bar()
    done = 0
    with progress:
        task = progress.add_task(title, total=None, detail="")

        def update(stats: CrawlStats) -> None:
            nonlocal done
            done += 1
            progress.update(task, completed=done, total=max(stats.queued, done),
                            detail=f"文章 {stats.articles}，未变 {stats.unchanged}，发现问题 {stats.findings}")

        yield update
