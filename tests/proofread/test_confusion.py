"""Confusion sets: sound and stroke tables both ways, rendered look-alikes from any character to a common one."""

from govwatch.proofread.confusion import GLYPH, SAME_SOUND, confusion_sets, is_common


def test_sound_relations_run_both_ways():
    table = confusion_sets()
    assert table["据"]["局"] == table["局"]["据"]
    assert table["设"]["射"] == SAME_SOUND


def test_look_alikes_lead_to_common_characters_only():
    table = confusion_sets()
    glyph_pairs = [(written, meant) for written, row in table.items() for meant, kind in row.items() if kind == GLYPH]
    assert len(glyph_pairs) > 10_000
    assert all(is_common(meant) for _, meant in glyph_pairs)
    rare = [(written, meant) for written, meant in glyph_pairs if not is_common(written)]
    assert rare and all(written not in table.get(meant, {}) for written, meant in rare)  # one way only


def test_eye_slips_of_official_text_are_covered():
    table = confusion_sets()
    for written, meant in [("木", "术"), ("失", "央"), ("革", "草"), ("咸", "成")]:
        assert meant in table[written]


def test_is_common_means_gb2312():
    assert is_common("国") and is_common("术")
    assert not is_common("國") and not is_common("a")
