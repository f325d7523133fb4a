"""Layer 5: personal information shown unmasked — resident ID numbers, mobile numbers, bank cards.

Numbers are validated (ID checksum and birth date, Luhn for cards) so that order numbers, credit
codes and statistics do not fire. A finding never carries the number itself: `wrong` is masked.
"""

from __future__ import annotations

import re
from datetime import date

from govwatch.proofread.findings import Hit

_ID = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}\d{4}\d{3}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9A-Za-z])")
_CARD = re.compile(r"(?<![0-9A-Za-z])(?:62|4\d|5[1-5]|9\d)\d{2}(?:[ -]?\d{4}){2,3}(?:[ -]?\d{1,3})?(?![0-9A-Za-z])")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_number_valid(number: str) -> bool:
    """GB 11643 checksum and a real birth date not in the future."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    if _ID_CHECK[sum(int(d) * w for d, w in zip(number, _ID_WEIGHTS)) % 11] != number[17].upper():
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
        """Hits for ID numbers, bank cards and mobile numbers in `text`."""
        hits: list[Hit] = []
        taken: list[tuple[int, int]] = []

        def add(start: int, end: int, rule: str, severity: str, shown: str, what: str) -> None:
            taken.append((start, end))
            hits.append(
                Hit(start, end, "", "privacy", severity, True, rule, f"个人信息泄露：{what}未做脱敏处理", shown=shown)
            )

        for match in _ID.finditer(text):
            if id_number_valid(match.group()):
                add(match.start(), match.end(), "privacy:id-card", "serious", mask(match.group(), 4, 4), "身份证号码")
        for match in _CARD.finditer(text):
            digits = re.sub(r"[ -]", "", match.group())
            free = not any(s < match.end() and match.start() < e for s, e in taken)
            if free and 16 <= len(digits) <= 19 and luhn_valid(digits):
                add(match.start(), match.end(), "privacy:bank-card", "serious", mask(digits, 4, 4), "银行卡号")
        for match in _MOBILE.finditer(text):
            digits = re.sub(r"[ -]", "", match.group())[-11:]
            if not any(s < match.end() and match.start() < e for s, e in taken):
                add(match.start(), match.end(), "privacy:mobile", "warning", mask(digits, 3, 4), "手机号码")
        return hits
