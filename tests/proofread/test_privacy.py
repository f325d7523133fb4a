"""Layer 5: personal numbers are found when valid, and never shown unmasked."""

import pytest

from govwatch.proofread.privacy import id_number_valid, luhn_valid
from tests.proofread.conftest import only

ID = "11010519491231002X"  # the GB 11643 example number
CARD = "6222021234567890128"  # Luhn-valid


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
