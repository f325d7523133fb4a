"""What each knowledge list is: the `# key: value` header every data file starts with.

A list of leaders, regions or banned words goes stale (a reshuffle, a renamed body, a new edition
of the ban list), so each file says where it comes from and of when:

    # name: 新华社禁用词和慎用词
    # source: 新华社《新华社新闻信息报道中的禁用词和慎用词》（2016年7月修订）
    # edition: 2016版
    # date: 2016-07-01
    # licence: …

Findings name the list and its edition (`label`), and `govwatch lexicon list` prints the headers of
every packaged file and of a county's lexicon/ files, so that an editor can tell a stale list from a
wrong text. The parsing is pure; reading the files is the caller's (packaged files through
`data_files`, a county's through `county_files`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from govwatch.proofread.data_files import read_text

HEADER_KEYS = ("name", "source", "edition", "date", "licence", "version")
_HEADER_LINE = re.compile(r"#\s*([a-z]+)\s*:\s*(.*\S)?\s*$")


@dataclass(frozen=True)
class ListHeader:
    """A knowledge file's own description; empty strings where the file says nothing."""

    name: str = ""
    source: str = ""
    edition: str = ""
    date: str = ""
    licence: str = ""

    @property
    def label(self) -> str:
        """How findings cite the list: its name with its edition (or date), e.g. 新华社禁用词和慎用词（2016版）."""
        when = self.edition or self.date
        return f"{self.name}（{when}）" if when else self.name


@dataclass(frozen=True)
class ListInfo:
    """One knowledge list as `govwatch lexicon list` shows it."""

    file: str
    header: ListHeader
    entries: int


def parse_header(text: str) -> ListHeader:
    """The `# key: value` lines at the top of a data file (before any other line); unknown keys ignored."""
    values: dict[str, str] = {}
    for raw in text.lstrip("\ufeff").splitlines():
        found = _HEADER_LINE.match(raw.strip())
        if found is None or found.group(1) not in HEADER_KEYS:
            break
        values[found.group(1)] = found.group(2) or ""
    values.pop("version", None)
    return ListHeader(**values)


def count_entries(text: str) -> int:
    """Records of a data file: its lines that are neither blank nor comments."""
    return sum(1 for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def describe(file: str, text: str) -> ListInfo:
    """A data file's header and record count."""
    return ListInfo(file, parse_header(text), count_entries(text))


def packaged_catalogue() -> list[ListInfo]:
    """Every data file shipped in `govwatch/proofread/data` (licence texts aside), sorted by file name."""
    folder = resources.files("govwatch.proofread").joinpath("data")
    names = sorted(item.name for item in folder.iterdir() if item.is_file() and not item.name.startswith("LICENSE"))
    return [describe(name, read_text(name)) for name in names]
