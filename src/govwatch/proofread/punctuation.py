"""Layer 4: punctuation — a quote that splits a fixed phrase, unpaired marks, mixed half/full width,
the year of a document number (发文字号) in the wrong brackets.

A quote that leaves a fixed phrase's tail outside is allowed when what it quotes opens with a numeral:
a numbered abbreviation (数字略语) is quoted and its noun follows (“三公”经费, “两违”问题, “四风”问题), as
GB/T 15834—2011 (4.1.3.2) and the central documents write it; 最后‘一公里’ (head outside) is still wrong.
GB/T 9704—2012 (7.2.4) puts a document number's year in 六角括号: 〔2021〕21号, never [2021], (2021),
【2021】 or （2021）.

Checked per line, since a paragraph is where Chinese quotes and brackets must close (a quotation
that runs over paragraphs opens each with “ and closes only at its end, which is allowed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from govwatch.proofread.findings import Hit

_OPEN_TO_CLOSE = {"（": "）", "(": ")", "《": "》", "【": "】", "[": "]", "〔": "〕", "“": "”", "‘": "’", "「": "」"}
_CLOSE_TO_OPEN = {close: open_ for open_, close in _OPEN_TO_CLOSE.items()}
_SAME_FAMILY = {"(": "（", "（": "(", ")": "）", "）": ")", "[": "【", "]": "】"}
_QUOTED = re.compile(r"([“‘])([^“”‘’\n]{1,30})([”’])")
_LIST_MARKER = re.compile(r"(?:^|[\s；;。：:，,])[0-9A-Za-z一二三四五六七八九十ⅠⅡⅢⅣⅤ]{1,3}$")
_HAN = "\u4e00-\u9fff"
_HALF_WIDTH = re.compile(rf"(?<=[{_HAN}])([,;!?.])(?=[{_HAN}])")
_FULL_FOR_HALF = {",": "，", ";": "；", "!": "！", "?": "？", ".": "。"}
_QUOTE_MARKS = set("“”‘’「」")
_NUMERALS = set("一二三四五六七八九十两百千万")
# 〔2021〕21号 in the wrong brackets: a year of 19xx/20xx in [] () 【】 （） ［］, then the serial number and 号.
_DOCUMENT_NUMBER = re.compile(r"[\[(【（［]((?:19|20)\d\d)[\])】）］](\d{1,4}号)")


class PunctuationLayer:
    """Find punctuation errors; `phrases` are fixed phrases a quote must not split."""

    name = "punctuation"

    def __init__(self, phrases: Iterable[str]) -> None:
        phrases = list(phrases)
        self.phrases = {p for p in phrases if len(p) >= 3 and not set(p) & _QUOTE_MARKS}
        # 统筹推进“五位一体”总体布局: what the standard forms themselves quote may stand quoted
        self._quotable = {m.group(2) for p in phrases for m in _QUOTED.finditer(p)}
        self._by_tail: dict[str, list[str]] = {}
        self._by_head: dict[str, list[str]] = {}
        for phrase in self.phrases:
            for cut in range(1, len(phrase)):
                self._by_tail.setdefault(phrase[cut:], []).append(phrase)
                self._by_head.setdefault(phrase[:cut], []).append(phrase)

    def scan(self, text: str) -> list[Hit]:
        """Hits for the three kinds of punctuation errors in `text`."""
        hits = self._split_phrases(text)
        hits += self._half_width(text)
        hits += self._document_numbers(text)
        position = 0
        lines = text.split("\n")
        for number, line in enumerate(lines):
            following = lines[number + 1].lstrip() if number + 1 < len(lines) else ""
            hits += self._unpaired(line, position, continued=following.startswith(("“", "‘")))
            position += len(line) + 1
        return hits

    def _split_phrases(self, text: str) -> list[Hit]:
        """最后‘一公里’ (quote leaves out the head) and ‘最后一’公里 (quote leaves out the tail)."""
        hits = []
        for match in _QUOTED.finditer(text):
            opener, inner, closer = match.groups()
            if inner in self.phrases or inner in self._quotable:
                continue
            for phrase in self._by_tail.get(inner, ()):
                head = phrase[: len(phrase) - len(inner)]
                if text[max(0, match.start() - len(head)) : match.start()] == head:
                    start = match.start() - len(head)
                    hits.append(self._split_hit(start, match.end(), opener + phrase + closer, text[start : match.end()], phrase))
                    break
            else:
                if inner[0] in _NUMERALS:  # “三公”经费: a numbered abbreviation quoted before its noun
                    continue
                for phrase in self._by_head.get(inner, ()):
                    tail = phrase[len(inner) :]
                    if text[match.end() : match.end() + len(tail)] == tail:
                        end = match.end() + len(tail)
                        hits.append(self._split_hit(match.start(), end, opener + phrase + closer, text[match.start() : end], phrase))
                        break
        return hits

    @staticmethod
    def _split_hit(start: int, end: int, suggestion: str, wrong: str, phrase: str) -> Hit:
        return Hit(
            start, end, suggestion, "punctuation", "error", True, f"punctuation:quote-split:{phrase}",
            f"标点错误：引号拆开了固定词语“{phrase}”，“{wrong}”应为“{suggestion}”",
        )

    @staticmethod
    def _half_width(text: str) -> list[Hit]:
        """A half-width , ; ! ? . between two Chinese characters."""
        return [
            Hit(
                m.start(), m.end(), _FULL_FOR_HALF[m.group()], "punctuation", "warning", True, "punctuation:half-width",
                f"标点错误：中文之间误用半角“{m.group()}”，应为全角“{_FULL_FOR_HALF[m.group()]}”",
            )
            for m in _HALF_WIDTH.finditer(text)
        ]

    @staticmethod
    def _document_numbers(text: str) -> list[Hit]:
        """[2021]21号, (2021)21号 → 〔2021〕21号 (GB/T 9704—2012)."""
        hits = []
        for m in _DOCUMENT_NUMBER.finditer(text):
            right = f"〔{m.group(1)}〕{m.group(2)}"
            hits.append(Hit(
                m.start(), m.end(), right, "punctuation", "warning", True, "punctuation:document-number",
                f"标点错误：发文字号的年份应用六角括号“〔〕”，“{m.group()}”应为“{right}”（GB/T 9704—2012）",
            ))
        return hits

    @staticmethod
    def _unpaired(line: str, base: int, continued: bool) -> list[Hit]:
        """Marks in one line that never close or never opened, and pairs mixing half and full width."""
        hits = []
        stack: list[int] = []
        for index, char in enumerate(line):
            if char in _OPEN_TO_CLOSE:
                stack.append(index)
            elif char in _CLOSE_TO_OPEN:
                opener = _CLOSE_TO_OPEN[char]
                if stack and line[stack[-1]] == opener:
                    stack.pop()
                elif stack and _SAME_FAMILY.get(line[stack[-1]]) == opener:
                    right = _OPEN_TO_CLOSE[line[stack.pop()]]
                    hits.append(
                        Hit(
                            base + index, base + index + 1, right, "punctuation", "warning", True, "punctuation:mixed-width",
                            f"标点错误：括号全角半角混用，“{char}”应为“{right}”",
                        )
                    )
                elif not _LIST_MARKER.search(line[:index]):
                    hits.append(_unpaired_hit(base + index, char))
        for index in stack:
            if not (continued and line[index] in "“‘"):
                hits.append(_unpaired_hit(base + index, line[index]))
        return hits


def _unpaired_hit(start: int, char: str) -> Hit:
    return Hit(
        start, start + 1, "", "punctuation", "warning", True, "punctuation:unpaired",
        f"标点错误：“{char}”没有配对的{'引号' if char in _QUOTE_MARKS else '括号'}",
    )
