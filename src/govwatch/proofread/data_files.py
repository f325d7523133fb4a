"""Read the engine's own tab-separated data files from the installed package.

Every data file is UTF-8, one record a line, fields separated by tabs, `#` starting a comment line;
the first comment lines are its header (`# version: N`, then `# name:`, `# source:`, `# edition:`,
`# date:`, `# licence:`, which `govwatch lexicon list` shows). Errors name the file and the line so
that whoever edits the lexicons sees at once where they went wrong. A large generated file may be
gzip-compressed (`.gz`); it reads the same.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from importlib import resources


class DataFileError(ValueError):
    """A packaged or county data file that cannot be read as its format requires."""


def read_text(name: str) -> str:
    """The text of a packaged data file (`govwatch/proofread/data/<name>`)."""
    path = resources.files("govwatch.proofread").joinpath("data", name)
    if name.endswith(".gz"):
        return gzip.decompress(path.read_bytes()).decode("utf-8")
    return path.read_text(encoding="utf-8")


def records(text: str, source: str, min_fields: int, max_fields: int | None = None) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) of every non-comment, non-blank line, checking the field count."""
    top = max_fields if max_fields is not None else min_fields
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        while len(fields) > min_fields and fields[-1] == "":
            fields.pop()
        if not min_fields <= len(fields) <= top:
            expected = str(min_fields) if top == min_fields else f"{min_fields}–{top}"
            raise DataFileError(f"{source} 第 {number} 行：应有 {expected} 列（以制表符分隔），实有 {len(fields)} 列")
        fields += [""] * (top - len(fields))
        yield number, fields


def packaged_records(name: str, min_fields: int, max_fields: int | None = None) -> Iterator[tuple[int, list[str]]]:
    """Records of a packaged data file."""
    return records(read_text(name), name, min_fields, max_fields)


def header_lines(version: int, name: str, source: str, edition: str, date: str, licence: str) -> list[str]:
    """The header of a generated data file, in the order every data file uses."""
    fields = {"version": version, "name": name, "source": source, "edition": edition, "date": date, "licence": licence}
    return [f"# {key}: {value}" for key, value in fields.items()]
