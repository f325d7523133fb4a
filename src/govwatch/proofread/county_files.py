"""Adapter: read a county's proofreading files (allow.txt, pairs.tsv) into a `CountyLexicon`.

Kept apart from the engine, which never touches files other than its packaged data.
"""

from __future__ import annotations

from pathlib import Path

from govwatch.proofread.data_files import DataFileError, records
from govwatch.proofread.findings import CountyLexicon
from govwatch.proofread.lexicon import make_entry

ALLOW_FILE = "allow.txt"
PAIRS_FILE = "pairs.tsv"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}：不是 UTF-8 编码的文本（第 {exc.start} 字节处）") from exc
    except OSError as exc:
        raise DataFileError(f"{path}：无法读取（{exc.strerror}）") from exc


def load_county_lexicon(folder: Path) -> CountyLexicon:
    """Read `allow.txt` (a word a line) and `pairs.tsv` (wrong, right, type, severity); both optional.

    Raises DataFileError naming the file and line of the first bad record.
    """
    allow: set[str] = set()
    allow_path = folder / ALLOW_FILE
    if allow_path.exists():
        for _, (word,) in records(_read(allow_path), str(allow_path), 1):
            allow.add(word)
    pairs = []
    pairs_path = folder / PAIRS_FILE
    if pairs_path.exists():
        for number, (wrong, right, type_, severity) in records(_read(pairs_path), str(pairs_path), 4):
            make_entry(wrong, right, type_, severity, "", "", f"{pairs_path} 第 {number} 行")
            pairs.append((wrong, right, type_, severity))
    return CountyLexicon(allow=frozenset(allow), pairs=tuple(pairs))
