"""Adapter: read a county's proofreading files (its lexicon/ folder) into a `CountyLexicon`.

- `allow.txt`: words never flagged, one a line;
- `pairs.tsv`: wrong, right, type, severity;
- `leaders.tsv`: the county's leaders, name and posts (format of the packaged leaders list);
- `places.txt` and `bodies.txt`: local place names and local bodies' standard names, each optionally
  followed by its known wrong forms (、-separated): the names are never flagged, the wrong forms are;
- `banned.tsv`: local banned words, with the wording to use instead (optional) and a severity (optional).

Each file may start with the `# name: / source: / date: / licence:` header of `catalogue`; the leaders
list's label cites it. Kept apart from the engine, which never touches files other than its packaged data.
"""

from __future__ import annotations

from pathlib import Path

from govwatch.proofread.catalogue import ListInfo, describe, parse_header
from govwatch.proofread.county import COUNTY_LEADERS
from govwatch.proofread.data_files import DataFileError, records
from govwatch.proofread.findings import SEVERITIES, CountyLexicon
from govwatch.proofread.leaders import LEADERS_FILE, parse_leaders
from govwatch.proofread.lexicon import make_entry

ALLOW_FILE = "allow.txt"
PAIRS_FILE = "pairs.tsv"
PLACES_FILE = "places.txt"
BODIES_FILE = "bodies.txt"
BANNED_FILE = "banned.tsv"
COUNTY_FILES = (ALLOW_FILE, PAIRS_FILE, LEADERS_FILE, PLACES_FILE, BODIES_FILE, BANNED_FILE)
NAMED_FILES = {PLACES_FILE: "typo", BODIES_FILE: "expression"}  # file → type of a wrong form's finding


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}：不是 UTF-8 编码的文本（第 {exc.start} 字节处）") from exc
    except OSError as exc:
        raise DataFileError(f"{path}：无法读取（{exc.strerror}）") from exc


def load_county_lexicon(folder: Path) -> CountyLexicon:
    """Read the county's lexicon files (each optional) into allowed words, pairs and leaders.

    Raises DataFileError naming the file and line of the first bad record.
    """
    allow: set[str] = set()
    pairs: list[tuple[str, str, str, str]] = []
    texts = {name: _read(folder / name) for name in COUNTY_FILES if (folder / name).is_file()}
    if ALLOW_FILE in texts:
        allow.update(word for _, (word,) in records(texts[ALLOW_FILE], str(folder / ALLOW_FILE), 1))
    if PAIRS_FILE in texts:
        source = str(folder / PAIRS_FILE)
        for number, (wrong, right, type_, severity) in records(texts[PAIRS_FILE], source, 4):
            pairs.append(_checked(wrong, right, type_, severity, f"{source} 第 {number} 行"))
    for name, type_ in NAMED_FILES.items():
        if name in texts:
            source = str(folder / name)
            for number, (right, wrongs) in records(texts[name], source, 1, 2):
                allow.add(right)
                for wrong in filter(None, (w.strip() for w in wrongs.split("、"))):
                    pairs.append(_checked(wrong, right, type_, "error", f"{source} 第 {number} 行"))
    if BANNED_FILE in texts:
        source = str(folder / BANNED_FILE)
        for number, (wrong, right, severity) in records(texts[BANNED_FILE], source, 1, 3):
            where = f"{source} 第 {number} 行"
            if severity and severity not in SEVERITIES:
                raise DataFileError(f"{where}：第 3 列“级别”应为 {'、'.join(SEVERITIES)} 之一，实为“{severity}”")
            pairs.append(_checked(wrong, right, "sensitive", severity or "serious", where))
    leaders: tuple[tuple[str, str], ...] = ()
    label = ""
    if LEADERS_FILE in texts:
        text, source = texts[LEADERS_FILE], str(folder / LEADERS_FILE)
        parse_leaders(text, source)  # validates every record, naming file and line
        leaders = tuple((name, posts) for _, (name, posts, _) in records(text, source, 2, 3))
        header = parse_header(text)
        label = header.label if header.name else COUNTY_LEADERS + (f"（{header.date}）" if header.date else "")
    return CountyLexicon(allow=frozenset(allow), pairs=tuple(pairs), leaders=leaders, leaders_label=label)


def _checked(wrong: str, right: str, type_: str, severity: str, where: str) -> tuple[str, str, str, str]:
    make_entry(wrong, right, type_, severity, "", "", where)
    return wrong, right, type_, severity


def county_catalogue(folder: Path) -> list[ListInfo]:
    """The county's lexicon files as `govwatch lexicon list --county` shows them."""
    return [describe(str(folder / name), _read(folder / name)) for name in COUNTY_FILES if (folder / name).is_file()]
