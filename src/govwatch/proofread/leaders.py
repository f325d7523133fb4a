"""Leaders' names and posts (领导人姓名与职务): a wrong post beside a name, a mistyped name beside a post.

A list (`leaders.tsv`: the national leaders shipped with the package; a county's own in its lexicon/)
gives each leader's name and posts, a post's accepted short forms in brackets:

    李强	国务院总理（总理）、中央政治局常委

A post written right before or after a listed name (国务院副总理李强, 李强副总理) that is none of
that leader's is reported, unless the text dates it (原、前、时任、曾任). Mistyped names are generated,
not listed: each character of a name replaced by a same-sound or similar-shape one (confusion
sets), or two neighbouring characters swapped (习平近). A generated name is reported only beside a post of its list (总理李墙), or, for names of three
characters or more, before 同志 (王护宁同志): alone it may be anyone's name. Each list checks only its own posts, so a county's 县长 who shares a national leader's name is
never told he is the premier.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from govwatch.proofread.automaton import Automaton
from govwatch.proofread.confusion import confusion_sets
from govwatch.proofread.data_files import DataFileError, records
from govwatch.proofread.findings import Hit

LEADERS_FILE = "leaders.tsv"
DATED = ("原", "前")  # 原国务院副总理…: a former post, not a wrong one
DATED_TWO = ("时任", "曾任")
ADDRESS = "同志"  # 习近乎同志: a mistyped name addressed as a comrade, when the name is long enough
ADDRESSED_FROM = 3  # two-character names (李墙同志) are too often someone else's
_NAME = re.compile(r"[\u4e00-\u9fff·]{2,6}")
_POST = re.compile(r"^([^（）()]+)(?:[（(]([^（）()]*)[）)])?$")


@dataclass(frozen=True)
class Leader:
    """A name with its posts (full forms first) and every form of them a text may use."""

    name: str
    posts: tuple[str, ...]
    forms: frozenset[str]


@dataclass(frozen=True)
class LeaderList:
    """One list's leaders and the label its findings cite."""

    leaders: tuple[Leader, ...]
    label: str


def parse_leaders(text: str, source: str) -> list[Leader]:
    """Records `name<TAB>post（short、short）、post…<TAB>since (optional)`; errors name file, line, field."""
    return [make_leader(name, posts, f"{source} 第 {number} 行") for number, (name, posts, _since) in records(text, source, 2, 3)]


def make_leader(name: str, posts: str, where: str) -> Leader:
    """Validate one leader's name and posts; `where` names file and line for the error message."""
    if not _NAME.fullmatch(name):
        raise DataFileError(f"{where}：第 1 列“姓名”应为 2–6 个汉字，实为“{name}”")
    full, forms = [], set()
    for item in filter(None, (p.strip() for p in re.split(r"、(?![^（(]*[）)])", posts))):
        found = _POST.match(item)
        if found is None:
            raise DataFileError(f"{where}：第 2 列“职务”中的“{item}”应写作 职务 或 职务（简称、简称）")
        full.append(found.group(1).strip())
        forms.add(found.group(1).strip())
        forms.update(s.strip() for s in re.split("[、，,]", found.group(2) or "") if s.strip())
    if not full:
        raise DataFileError(f"{where}：第 2 列“职务”为空")
    return Leader(name, tuple(full), frozenset(forms))


def name_variants(name: str) -> set[str]:
    """Every form of `name` with one character replaced by a confusable one, or two neighbours swapped
    (习平近 for 习近平: the other slip of a hurried typist)."""
    confusions = confusion_sets()
    replaced = {name[:i] + other + name[i + 1 :] for i, char in enumerate(name) for other in confusions.get(char, ())}
    swapped = {name[:i] + name[i + 1] + name[i] + name[i + 2 :] for i in range(len(name) - 1) if name[i] != name[i + 1]}
    return (replaced | swapped) - {name}


@dataclass(frozen=True)
class _Pattern:
    leader: Leader
    group: int  # index of its list
    mistyped: bool


class LeaderNames:
    """Find listed names (and their mistyped forms) and check the posts written beside them."""

    def __init__(self, lists: Sequence[LeaderList]) -> None:
        self.lists = tuple(lists)
        self._posts = [frozenset(f for leader in group.leaders for f in leader.forms) for group in self.lists]
        self._longest = [max(map(len, posts), default=0) for posts in self._posts]
        patterns: dict[str, _Pattern] = {}
        for group_index, group in enumerate(self.lists):
            for leader in group.leaders:
                patterns[leader.name] = _Pattern(leader, group_index, False)
        real = set(patterns)
        ambiguous: set[str] = set()
        for group_index, group in enumerate(self.lists):
            for leader in group.leaders:
                for variant in name_variants(leader.name) - real:
                    if variant in patterns and patterns[variant].leader != leader:
                        ambiguous.add(variant)
                    patterns[variant] = _Pattern(leader, group_index, True)
        for variant in ambiguous:
            del patterns[variant]
        self._patterns = list(patterns.values())
        self._automaton = Automaton(list(patterns))

    def scan(self, text: str) -> list[Hit]:
        """Hits for wrong posts beside listed names and for mistyped names beside a post."""
        hits = []
        for index, start, end in self._automaton.find(text):
            pattern = self._patterns[index]
            before = self._post_before(text, start, pattern.group)
            after = self._post_after(text, end, pattern.group)
            label = self.lists[pattern.group].label
            leader = pattern.leader
            if pattern.mistyped:
                if before or after or (len(leader.name) >= ADDRESSED_FROM and text.startswith(ADDRESS, end)):
                    hits.append(Hit(start, end, leader.name, "typo", "serious", True, f"knowledge:leaders:{leader.name}",
                                    f"领导人姓名错误：“{text[start:end]}”应为“{leader.name}”（{label}）"))
                continue
            for post, post_start in ((before, start - len(before)), (after, end)):
                if post and post not in leader.forms and not _dated(text, post_start):
                    hits.append(Hit(post_start, post_start + len(post), leader.posts[0], "expression", "serious", True,
                                    f"knowledge:leaders:{leader.name}:{post}",
                                    f"职务错误：{leader.name}的职务为{'、'.join(leader.posts)}，不是“{post}”（{label}）"))
        return hits

    def _post_before(self, text: str, start: int, group: int) -> str:
        """The longest post of the list ending right before `start` (with a 副 before it, 副 included)."""
        posts = self._posts[group]
        for length in range(min(self._longest[group], start), 0, -1):
            post = text[start - length : start]
            if post in posts:
                if not post.startswith("副") and start - length > 0 and text[start - length - 1] == "副":
                    return "副" + post
                return post
        return ""

    def _post_after(self, text: str, end: int, group: int) -> str:
        """The longest post of the list starting right at `end`."""
        posts = self._posts[group]
        for length in range(min(self._longest[group], len(text) - end), 0, -1):
            if text[end : end + length] in posts:
                return text[end : end + length]
        return ""


def _dated(text: str, post_start: int) -> bool:
    """Whether the post is marked as a former one (原国务院副总理, 时任县长)."""
    return text[max(0, post_start - 1) : post_start] in DATED or text[max(0, post_start - 2) : post_start] in DATED_TWO

