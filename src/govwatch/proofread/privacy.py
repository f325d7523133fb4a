"""Layer 5: personal information shown unmasked — resident ID numbers, mobile numbers, bank cards.

Numbers are validated (ID checksum and birth date, Luhn for cards) so that order numbers, credit
codes and statistics do not fire. A finding never carries the number itself: `wrong` is masked.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Iterator
from datetime import date

from govwatch.proofread.findings import Hit

_ID = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}\d{4}\d{3}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9A-Za-z])")
_CARD = re.compile(r"(?<![0-9A-Za-z])(?:62|4\d|5[1-5]|9\d)\d{2}(?:[ -]?\d{4}){2,3}(?:[ -]?\d{1,3})?(?![0-9A-Za-z])")
_SEPARATORS = re.compile(r"[ -]")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_number_valid(number: str) -> bool:
    """GB 11643 checksum and a real birth date not in the future."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    if _ID_CHECK[sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True)) % 11] != number[17].upper():
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return born <= date.today()


def luhn_valid(digits: str) -> bool:
    """The Luhn check digit rule used by bank card numbers."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def mask(digits: str, keep_start: int, keep_end: int) -> str:
    """Show only the first and last few digits."""
    return digits[:keep_start] + "*" * (len(digits) - keep_start - keep_end) + digits[len(digits) - keep_end :]


class PrivacyLayer:
    """Find unmasked personal numbers; every hit's shown text is masked."""

    name = "privacy"

    def scan(self, text: str) -> list[Hit]:
        """Hits for ID numbers, bank cards and mobile numbers in `text`, in that order of precedence:
        a card or mobile match inside a found ID number (or a mobile inside a card) is not reported."""
        hits: list[Hit] = []

        def add(match: re.Match[str], rule: str, severity: str, shown: str, what: str) -> None:
            hits.append(
                Hit(match.start(), match.end(), "", "privacy", severity, True, rule, f"个人信息泄露：{what}未做脱敏处理",
                    shown=shown)
            )

        for match in _ID.finditer(text):
            if id_number_valid(match.group()):
                add(match, "privacy:id-card", "serious", mask(match.group(), 4, 4), "身份证号码")
        ids = _spans(hits)
        for match in clear_of(ids, _CARD.finditer(text)):
            digits = _SEPARATORS.sub("", match.group())
            if 16 <= len(digits) <= 19 and luhn_valid(digits):
                add(match, "privacy:bank-card", "serious", mask(digits, 4, 4), "银行卡号")
        cards = _spans(hits[len(ids) :])
        for match in clear_of(heapq.merge(ids, cards), _MOBILE.finditer(text)):
            digits = _SEPARATORS.sub("", match.group())[-11:]
            add(match, "privacy:mobile", "warning", mask(digits, 3, 4), "手机号码")
        return hits


def _spans(hits: list[Hit]) -> list[tuple[int, int]]:
    return [(hit.start, hit.end) for hit in hits]


def clear_of(spans: Iterable[tuple[int, int]], matches: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
    """The matches that overlap none of `spans`, both in text order and neither overlapping itself.

    One walk over both: testing each match against every span found before it made a document
    packed with numbers cost time quadratic in their count (36 s for 0.5 MB of mobile numbers).
    """
    pending = iter(spans)
    span = next(pending, None)
    for match in matches:
        while span is not None and span[1] <= match.start():
            span = next(pending, None)
        if span is None or match.end() <= span[0]:
            yield match
