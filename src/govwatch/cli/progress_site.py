"""The progress line of a site self-check, drawn on stderr so that stdout stays JSON."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from govwatch.cli.progress import work_bar
from govwatch.collect.site.gather import SiteProgress


@contextmanager
def site_progress(title: str) -> Iterator[Callable[[SiteProgress], None]]:
    progress = work_bar()
    with progress:
        task = progress.add_task(title, total=None, detail="")

        def update(state: SiteProgress) -> None:
            progress.update(task, completed=state.pages, total=max(state.queued, state.pages),
                            detail=f"附件 {state.files}，链接 {state.links_checked}")

        yield update
