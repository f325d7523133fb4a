"""Layer 5: personal numbers are found when valid, and never shown unmasked."""

import itertools
import re
import sys
from collections import Counter

import pytest

from govwatch.proofread import privacy
from govwatch.proofread.privacy import PrivacyLayer, clear_of, id_number_valid, luhn_valid
from tests.proofread.conftest import only

ID = "11010519491231002X"  # the GB 11643 example number
CARD = "6222021234567890128"  # Luhn-valid
GANSU_ID = "620102198001010754"  # a valid ID (兰州) whose 18 digits also pass Luhn: a card pattern inside an ID


def test_known_numbers_validate():
    assert id_number_valid(ID)
    assert not id_number_valid("110105194912310021")
    assert luhn_valid(CARD) and not luhn_valid("6222021234567890121")


def test_id_number_is_found_and_masked(proofreader):
    finding = only(proofreader.check(f"身份证号{ID}，"), type="privacy", severity="serious", certain=True)
    assert finding.wrong == "1101**********002X"
    assert ID not in finding.wrong + finding.explanation + finding.suggestion


def test_bank_card_is_found_and_masked(proofreader):
    finding = only(proofreader.check(f"账号：{CARD}"), rule="privacy:bank-card", severity="serious")
    assert finding.wrong == "6222" + "*" * 11 + "0128"


@pytest.mark.parametrize("number", ["13812345678", "138-1234-5678", "+86 13812345678"])
def test_mobile_is_found_and_masked(proofreader, number):
    finding = only(proofreader.check(f"联系电话{number}。"), rule="privacy:mobile", severity="warning")
    assert finding.wrong == "138****5678"


@pytest.mark.parametrize(
    "text",
    [
        "身份证号110105194912310021。",  # bad checksum
        "统一社会信用代码91610326MA6XB1234K",
        "文号陕政办发〔2023〕12号，金额12345678901元",  # 11 digits starting 12: not a mobile prefix
        "订单号62220212345678901234567",  # too long for a card
        "联系电话0917-5512345",
    ],
)
def test_other_numbers_are_silent(proofreader, text):
    assert [f for f in proofreader.check(text) if f.type == "privacy"] == []


def test_an_id_number_that_also_reads_as_a_card_is_reported_once_as_an_id():
    assert luhn_valid(GANSU_ID)
    assert [hit.rule for hit in PrivacyLayer().scan(f"证件号{GANSU_ID}。")] == ["privacy:id-card"]


def _packed(count: int) -> str:
    """A register of `count` people: ID numbers (one of them also card-shaped), a bank card, two mobiles."""
    return "".join(f"{i}号：身份证{ID}，{GANSU_ID}，卡号{CARD}，手机13812345678，电话+86 139-1234-5678；"
                   for i in range(count))


def _lines_run(text: str) -> int:
    """How many lines of privacy.py run to scan `text`: a count of operations, not a timing."""
    layer = PrivacyLayer()
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename != privacy.__file__:
            return None
        if event == "line":
            count += 1
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        layer.scan(text)
    finally:
        sys.settrace(previous)
    return count


def test_work_grows_linearly_with_the_count_of_numbers():
    # Checking each match against every earlier one made twice the numbers cost four times the work.
    small, large = _lines_run(_packed(300)), _lines_run(_packed(600))
    assert 1.9 < large / small < 2.1, (small, large)


def test_a_packed_register_finds_every_number_once():
    hits = PrivacyLayer().scan(_packed(2000))
    assert Counter(hit.rule for hit in hits) == {"privacy:id-card": 4000, "privacy:bank-card": 2000,
                                                 "privacy:mobile": 4000}
    spans = sorted((hit.start, hit.end) for hit in hits)
    assert all(end <= next_start for (_, end), (next_start, _) in itertools.pairwise(spans))


@pytest.mark.parametrize(
    ("spans", "matches", "kept"),
    [
        ([], [(0, 5), (6, 9)], [(0, 5), (6, 9)]),
        ([(3, 8)], [(0, 3), (2, 4), (7, 9), (8, 10)], [(0, 3), (8, 10)]),
        ([(0, 2), (4, 6), (8, 10)], [(1, 9)], []),
        ([(0, 2), (4, 6), (8, 10)], [(2, 4), (6, 8), (10, 12)], [(2, 4), (6, 8), (10, 12)]),
    ],
)
def test_clear_of_keeps_exactly_the_matches_that_overlap_no_span(spans, matches, kept):
    text = "x" * 20
    found = [re.compile(f".{{{end - start}}}").match(text, start) for start, end in matches]
    assert [match.span() for match in clear_of(spans, found)] == kept
