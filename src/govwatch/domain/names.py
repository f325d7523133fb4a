"""Name matching: the seed writes "齐 镇" for 齐镇 and 县供销社 for 县供销联社."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

_SPACE_RE = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """Fold width (NFKC) and drop all white space, so that printed variants compare equal."""
    return _SPACE_RE.sub("", unicodedata.normalize("NFKC", name))


def close_matches(name: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """Names that look like `name`, best first, for "did you mean" messages."""
    pool = list(dict.fromkeys(candidates))
    by_norm = {normalize_name(c): c for c in pool}
    found = difflib.get_close_matches(normalize_name(name), list(by_norm), n=limit, cutoff=0.5)
    if not found:
        key = normalize_name(name)
        found = [n for n in by_norm if key and (key in n or n in key)][:limit]
    return [by_norm[n] for n in found]
