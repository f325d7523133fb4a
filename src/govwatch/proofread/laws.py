"""Titles of laws and regulations (法律法规名称) inside 《》: mistyped or mis-prefixed.

A title in 书名号 is checked against `laws.tsv` (current laws, administrative regulations and the
Party regulations county texts cite). Both the full title and, for a 中华人民共和国… title, the short
one without that prefix (《劳动合同法》) are right. A title one slip away from exactly one listed
title is wrong: one character replaced by a same-sound or similar-shape one, one missing, one extra,
or two neighbours swapped (《中华人民共和国安全生产法》 → 《中华人民共和国安全生成法》). Only
titles of `SHORTEST` characters or more take part, and a short title is never "missing" its final
character, since 《劳动合同》 may be the name of a contract form. A listed title with a 中华人民共和国
prefix it does not have (《中华人民共和国信访工作条例》) is reported too. Bracketed notes such as
（2018年修正） are ignored. Repealed titles (《合同法》) are listed as right: a portal's older documents
cite the law of their day, and this layer does not know a document's date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from govwatch.proofread.confusion import confusion_sets
from govwatch.proofread.data_files import DataFileError, records
from govwatch.proofread.findings import Hit

LAWS_FILE = "laws.tsv"
PREFIX = "中华人民共和国"
SHORTEST = 5  # shorter titles (宪法, 刑法, 水法) are one slip away from too many other words
_TITLE = re.compile(r"《([^《》\n]{2,60})》")
_NOTE = re.compile(r"(?:（[^（）]*）|\([^()]*\))$")


def parse_laws(text: str, source: str) -> list[str]:
    """The titles of a laws file, a title a line; DataFileError names the file and line of a bad one."""
    titles = []
    for number, (title,) in records(text, source, 1):
        if "《" in title or "》" in title:
            raise DataFileError(f"{source} 第 {number} 行：名称不带书名号，实为“{title}”")
        titles.append(title)
    return titles


class LawTitles:
    """Check every 《title》 of a text against the listed titles."""

    def __init__(self, titles: Iterable[str], label: str) -> None:
        self.label = label
        self._known: dict[str, str] = {}  # each accepted form → the full title
        for title in titles:
            self._known[title] = title
            if title.startswith(PREFIX) and len(title) > len(PREFIX):
                self._known.setdefault(title[len(PREFIX) :], title)
        # Each right form with one character deleted, by the position deleted.
        self._deleted: dict[str, list[tuple[str, int]]] = {}
        for form in self._known:
            if len(form) >= SHORTEST:
                for i in range(len(form)):
                    self._deleted.setdefault(form[:i] + form[i + 1 :], []).append((form, i))
        self._confusions = confusion_sets()

    def scan(self, text: str) -> list[Hit]:
        """Hits for the wrong titles in `text`."""
        hits = []
        for found in _TITLE.finditer(text):
            inner = found.group(1)
            note = _NOTE.search(inner)
            title = inner[: note.start()] if note else inner
            if not title:
                continue
            start = found.start(1)
            hit = self._check(title, start)
            if hit is not None:
                hits.append(hit)
        return hits

    def _check(self, title: str, start: int) -> Hit | None:
        if title in self._known:
            return None
        if title.startswith(PREFIX) and title[len(PREFIX) :] in self._known:
            right = self._known[title[len(PREFIX) :]]
            if not right.startswith(PREFIX):
                return self._hit(start, title, right, f"《{right}》的名称不带“{PREFIX}”")
        nearest = self._nearest(title)
        if nearest is None:
            return None
        return self._hit(start, title, nearest, f"法律法规名称应为《{nearest}》")

    def _nearest(self, title: str) -> str | None:
        """The single listed title one slip away from `title`, or None (none, or several)."""
        found: set[str] = set()
        for form, i in self._deleted.get(title, ()):  # the writer left a character out
            if i < len(form) - 1 or form.startswith(PREFIX):
                found.add(form)
        for j in range(len(title)):
            shorter = title[:j] + title[j + 1 :]
            if len(shorter) >= SHORTEST and shorter in self._known:  # one character too many
                found.add(shorter)
            for form, i in self._deleted.get(shorter, ()):  # one character replaced
                if i == j and title[j] in self._confusions.get(form[j], ()):
                    found.add(form)
            if j + 1 < len(title) and title[j] != title[j + 1]:  # two neighbours swapped
                swapped = title[:j] + title[j + 1] + title[j] + title[j + 2 :]
                if len(swapped) >= SHORTEST and swapped in self._known:
                    found.add(swapped)
        return found.pop() if len(found) == 1 else None

    def _hit(self, start: int, wrong: str, right: str, reason: str) -> Hit:
        return Hit(
            start=start,
            end=start + len(wrong),
            suggestion=right,
            type="expression",
            severity="error",
            certain=True,
            rule=f"knowledge:laws:{wrong}",
            explanation=f"{reason}（{self.label}）",
        )
