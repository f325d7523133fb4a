"""三审三校 before publishing (先审后发): a draft is signed 初审 → 复审 → 终审, in order, by three people."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from govwatch.errors import NotAllowed

STAGES = ("初审", "复审", "终审")


@dataclass(frozen=True)
class Signature:
    """One stage signed: which, by whom, when, with what opinion."""

    stage: str
    by: str
    at: datetime
    opinion: str = ""


def next_stage(done: Sequence[Signature]) -> str | None:
    """The stage to sign next, None when all three are signed."""
    return STAGES[len(done)] if len(done) < len(STAGES) else None


def check_signature(done: Sequence[Signature], stage: str, by: str) -> None:
    """Raise ValueError unless `by` may sign `stage` now: stages go in order, and one person cannot sign
    two stages of the same draft."""
    expected = next_stage(done)
    if expected is None:
        raise NotAllowed("该稿件三审已全部完成")
    if stage != expected:
        raise NotAllowed(f"应先完成“{expected}”，不能直接进行“{stage}”")
    if any(s.by == by for s in done):
        raise NotAllowed("同一人不能对同一稿件进行两级审核")
