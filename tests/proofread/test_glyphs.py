"""Rendered look-alikes: the maintainer's build finds the eye slips, and the shipped table is its output."""

from pathlib import Path

import pytest

from govwatch.proofread.data_files import packaged_records
from govwatch.proofread.glyphs import MIN_SIMILARITY, NEIGHBOURS, similar_glyphs

# Debian's fonts-noto-cjk, which .ci/run installs (the PDF and charts need it too).
NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


@pytest.fixture(scope="module")
def built():
    assert NOTO.exists(), f"缺少字体 {NOTO}（apt-get install fonts-noto-cjk）"
    return similar_glyphs(NOTO, 2)


@pytest.mark.slow
def test_build_finds_look_alikes_most_alike_first(built):
    assert built["木"][0] == "术" and built["失"][0] == "央" and built["革"][0] == "草"
    assert all(1 <= len(near) <= NEIGHBOURS and char not in near for char, near in built.items())
    assert MIN_SIMILARITY > 0.5


@pytest.mark.slow
def test_shipped_table_is_the_build_output(built):
    shipped = {char: list(near) for _, (char, near) in packaged_records("same_glyph.txt", 2)}
    assert shipped == built
