"""Characters that look alike, measured on rendered glyphs (a maintainer's tool, never used at run time).

ECSpell's official-document errors are mostly slips of the eye (OCR and handwriting: 白→自, 失→央,
木→术, 革→草), and pycorrector's hand-made `same_stroke.txt` lists only 831 groups: on odw.train's
tuning half, 152 of the 186 erroneous characters whose right form was in no confusion set were of
that kind. So every CJK character is rendered in a CJK font, blurred a little (a stroke one pixel
off still overlaps), and compared by cosine similarity with the common simplified characters (GB
2312) it could have been meant for. Needs numpy and Pillow (already there through matplotlib) and a
font such as Debian's fonts-noto-cjk; `build_data --font` writes the result to `same_glyph.txt`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from govwatch.proofread.confusion import is_common

SIZE = 32  # pixels a side
BLUR = 1.0  # Gaussian radius, in pixels
NEIGHBOURS = 5  # intended characters kept per written one
MIN_SIMILARITY = 0.85  # cosine of the blurred glyphs
# Chosen on odw.train's tuning half (correction F1 at the tuner's false-alarm cap): 3 at 0.88 → 0.522,
# 3 at 0.85 → 0.524, 5 at 0.85 → 0.529, 8 at 0.80 → 0.526; none 0.498.
HAN = range(0x4E00, 0xA000)


def render(font: ImageFont.FreeTypeFont, char: str) -> np.ndarray:
    """The blurred glyph as a flat vector (all zeros if the font has no glyph)."""
    image = Image.new("L", (SIZE, SIZE), 0)
    ImageDraw.Draw(image).text((SIZE / 2, SIZE / 2), char, fill=255, font=font, anchor="mm")
    return np.asarray(image.filter(ImageFilter.GaussianBlur(BLUR)), dtype=np.float32).ravel()


def similar_glyphs(font_path: Path, font_index: int) -> dict[str, list[str]]:
    """Written character → the common characters most like it, most alike first."""
    font = ImageFont.truetype(str(font_path), SIZE - 4, index=font_index)
    written = [chr(code) for code in HAN]
    # float64 and similarities rounded to 6 places: float32 products differ in their last bits between
    # BLAS kernels (one machine's CPU to another's), which reordered near-ties of the shipped table.
    vectors = np.stack([render(font, char) for char in written]).astype(np.float64)
    norms = np.linalg.norm(vectors, axis=1)
    drawn = norms > 0
    vectors /= np.where(drawn, norms, 1.0)[:, None]
    meant = [i for i, char in enumerate(written) if drawn[i] and is_common(char)]
    table = vectors[meant]
    result: dict[str, list[str]] = {}
    for start in range(0, len(written), 2048):
        block = np.round(vectors[start : start + 2048] @ table.T, 6)
        for row, similarities in enumerate(block):
            index = start + row
            if not drawn[index]:
                continue
            # Every candidate at least as alike as the (NEIGHBOURS + 1)-th, so that a tie at the cut is
            # decided by code point, not by how argpartition happened to split it.
            kth = np.partition(similarities, -(NEIGHBOURS + 1))[-(NEIGHBOURS + 1)]
            top = np.flatnonzero(similarities >= max(kth, MIN_SIMILARITY))
            top = top[np.lexsort((top, -similarities[top]))]  # most alike first; ties by code point
            near = [written[meant[j]] for j in top if similarities[j] >= MIN_SIMILARITY and meant[j] != index]
            if near:
                result[written[index]] = near[:NEIGHBOURS]
    return result
