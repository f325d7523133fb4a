"""Deterministic halves of ECSpell odw.train: one to mine phrases from, one to tune on.

The word table takes n-grams from clean official text, odw.train's corrected side among it. Had the
tuner scored the same sentences, the right words of their very errors would already be in the
table, and its false-alarm estimate would be optimistic (1.4 % on train against 3.4 % on test
before this split). So each line goes, by a hash of its text (stable across runs and platforms,
duplicates together), either to the mining half (`build_data`) or to the tuning half (`tune`).
odw.test is in neither: only the benchmark reads it.
"""

from __future__ import annotations

import zlib

from govwatch.proofread.evaluation import Pair

MINE = "mine"
TUNE = "tune"


def half(pair: Pair) -> str:
    """Which half of odw.train a sentence pair belongs to."""
    return MINE if zlib.crc32(f"{pair.source}\t{pair.target}".encode()) % 2 == 0 else TUNE


def select(pairs: list[Pair], which: str) -> list[Pair]:
    """The pairs of one half, in file order."""
    return [pair for pair in pairs if half(pair) == which]
