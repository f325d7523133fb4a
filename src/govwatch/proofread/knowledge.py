"""The knowledge layer (知识库): what official text must get right, from reviewed lists with headers.

- `banned.tsv`: 新华社禁用词和慎用词 (2016) — Taiwan, Hong Kong and Macao wording, ethnic and
  religious names, disability terms, outdated political wording;
- `states.tsv`: short and full names of states (外交部), their outdated and Taiwan-usage forms;
- `institutions.tsv`: standard names of state bodies (人大常委会, 政协, 纪委监委, 法院, 检察院,
  国务院组成部门 after the 2023 reform) and the names the 2018 and 2023 reforms retired;
- `laws.tsv`: titles of laws and regulations, checked inside 《》 (`laws`);
- `leaders.tsv`: national leaders and their posts (`leaders`), a county's own added from its lexicon/;
- `idioms.txt.gz`: an idiom dictionary whose one-character slips are generated (`idioms`).

The three pair files share lexicon.tsv's record format (wrong, right, type, severity, guards) and its
matching; the file's header names the list, and findings cite it with its edition. Wrong forms of the
standard names (lines whose right form is `=`) are generated rather than listed: a name containing 和
(工业和信息化部) yields its 与/及 slips (工业与信息化部), and a name of `GENERATED_FROM` characters or
more its near misses (one character missing, doubled, swapped, or replaced by a same-sound or
similar-shape one, as `expressions.near_misses` makes them for the political expressions:
中华人民共合国). A hit inside a place name of the gazetteer (南韩村, 海南朝鲜族乡) is no hit: villages carry
such names legitimately. Every finding here is certain.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import chain
from pathlib import PurePath

import rjieba

from govwatch.proofread.catalogue import parse_header
from govwatch.proofread.data_files import packaged_records, read_text, records
from govwatch.proofread.divisions import DIVISIONS_FILE
from govwatch.proofread.expressions import near_misses
from govwatch.proofread.findings import Hit
from govwatch.proofread.fixed_forms import fixed_form_entries
from govwatch.proofread.idioms import IDIOMS_FILE, IdiomSlips, packaged_idioms
from govwatch.proofread.laws import LAWS_FILE, LawTitles, parse_laws
from govwatch.proofread.leaders import LEADERS_FILE, LeaderList, LeaderNames, parse_leaders
from govwatch.proofread.lexicon import LexiconEntry, LexiconLayer, make_entry
from govwatch.proofread.long_names import STATES_FROM, LongNameSlips
from govwatch.proofread.places import Gazetteer, packaged_gazetteer
from govwatch.proofread.statistical import packaged_frequencies

PAIR_FILES = ("banned.tsv", "states.tsv", "institutions.tsv")
KNOWLEDGE_FILES = (*PAIR_FILES, LAWS_FILE, LEADERS_FILE, IDIOMS_FILE)
CONJUNCTION_SLIPS = ("与", "及")  # written for the 和 of a standard name
GENERATED_FROM = 6  # shorter names (人民法院) have too many innocent neighbours


def pair_entries(text: str, source: str) -> list[LexiconEntry]:
    """The entries of one pair file, citing its header's label; generated 和-slips first, so that a
    listed pair for the same wrong form replaces them."""
    label = parse_header(text).label
    stem = PurePath(source).stem
    listed = [
        make_entry(w, r, t, s, label, g, f"{source} 第 {n} 行", rule=f"knowledge:{stem}:{w}", label=label)
        for n, (w, r, t, s, g) in records(text, source, 4, 5)
    ]
    generated = [
        LexiconEntry(slip, entry.wrong, "expression", "error", label, (), f"knowledge:{stem}:{slip}", label)
        for entry in listed
        if entry.right is None
        for slip in name_slips(entry.wrong)
    ]
    return generated + listed


def year_entries() -> list[LexiconEntry]:
    """Years written with 零 (二零一二年) where GB/T 15835—2011 wants 〇 (二〇一二年), 1900–2099."""
    digits = "〇一二三四五六七八九"
    label = "出版物上数字用法（GB/T 15835—2011）"
    entries = []
    for year in range(1900, 2100):
        right = "".join(digits[int(d)] for d in str(year)) + "年"
        if "〇" in right:
            wrong = right.replace("〇", "零")
            entries.append(LexiconEntry(wrong, right, "usage", "error", label, (), f"knowledge:years:{wrong}", label))
    return entries


def name_slips(name: str) -> Iterator[str]:
    """The generated wrong forms of a standard name."""
    yield from conjunction_slips(name)
    if len(name) >= GENERATED_FROM:
        for wrong, variant in near_misses(name, rjieba.has_word):
            if variant.kind != "word_order":
                yield wrong


def conjunction_slips(name: str) -> Iterator[str]:
    """`name` with one of its 和 written 与 or 及 (住房和城乡建设局 → 住房与城乡建设局)."""
    for i, char in enumerate(name):
        if char == "和":
            for other in CONJUNCTION_SLIPS:
                yield name[:i] + other + name[i + 1 :]


# Entry types that are slips of the pen rather than wording choices.
MISSPELLING_TYPES = frozenset({"typo", "usage"})


class KnowledgeLayer:
    """Wrong names and wording from the curated knowledge lists, with the leaders' posts."""

    name = "knowledge"

    def __init__(self, entries: Iterable[LexiconEntry], laws: LawTitles, leaders: LeaderNames, idioms: IdiomSlips,
                 places: Gazetteer, long_names: tuple[LongNameSlips, ...] = ()) -> None:
        self.pairs = LexiconLayer(entries)
        self.long_names = long_names
        self.laws = laws
        self.leaders = leaders
        self.idioms = idioms
        self._places = places

    def with_leaders(self, extra: Iterable[LeaderList]) -> KnowledgeLayer:
        """The same layer with more leader lists (a county's own) beside the national one."""
        leaders = LeaderNames([*self.leaders.lists, *extra])
        return KnowledgeLayer(self.pairs.entries, self.laws, leaders, self.idioms, self._places, self.long_names)

    def wrong_forms(self) -> set[str]:
        """The misspellings the pair lists name, wrong wherever they stand (kept out of the statistical
        vocabulary); banned or outdated wording (南韩, 台独) and guarded entries are real words elsewhere."""
        return {
            entry.wrong
            for entry in self.pairs.entries
            if entry.right is not None and entry.type in MISSPELLING_TYPES and not entry.guards
        }

    def scan(self, text: str) -> list[Hit]:
        """Hits of every knowledge list in `text` (already scannable)."""
        hits = [hit for hit in self.pairs.scan(text) if not self._in_place_name(text, hit)]
        hits += [hit for names in self.long_names for hit in names.scan(text)]
        return hits + self.laws.scan(text) + self.leaders.scan(text) + self.idioms.scan(text)

    def _in_place_name(self, text: str, hit: Hit) -> bool:
        name = self._places.covering(text, hit.start)
        if name is None:
            return False
        begin = text.rfind(name, max(0, hit.end - len(name)), hit.start + len(name))
        return begin >= 0 and begin <= hit.start and hit.end <= begin + len(name)


@cache
def packaged_knowledge() -> KnowledgeLayer:
    """The knowledge layer built from the packaged lists (read once per process)."""
    # 眉县县委, 芒市市委 are right: a two-character division's name joins the guard's words. Generated
    # forms come first, so that a listed pair for the same wrong form (省省委, 新华社) replaces them.
    divisions = (fields[1] for _, fields in packaged_records(DIVISIONS_FILE, 3, 4) if len(fields[1]) == 2)
    entries = fixed_form_entries(chain(packaged_frequencies(), divisions))
    entries += [entry for name in PAIR_FILES for entry in pair_entries(read_text(name), name)] + year_entries()
    laws_text, leaders_text = read_text(LAWS_FILE), read_text(LEADERS_FILE)
    laws = LawTitles(parse_laws(laws_text, LAWS_FILE), parse_header(laws_text).label)
    leaders = LeaderNames([LeaderList(tuple(parse_leaders(leaders_text, LEADERS_FILE)), parse_header(leaders_text).label)])
    states_text = read_text("states.tsv")
    names = [fields[0] for _, fields in records(states_text, "states.tsv", 2, 5) if fields[1] == "="]
    states = LongNameSlips(dict.fromkeys(names, parse_header(states_text).label), STATES_FROM, "states", "expression",
                           "serious", "规范表述")
    return KnowledgeLayer(entries, laws, leaders, packaged_idioms(), packaged_gazetteer(), (states,))
