"""Regenerate `idioms.txt.gz` from its sources (a maintainer's tool, never used at run time).

    python -m govwatch.proofread.build_idioms --jionlp-idioms PATH/chinese_idiom.txt --ecspell PATH/ecspell

`chinese_idiom.txt` is inside jionlp 1.5.31's `dictionary/chinese_idiom.zip` (from PyPI, Apache-2.0);
ECSpell's `wordlist/成语.txt` (MIT) says which idioms official text commonly uses. An idiom is marked
common when it is in both and is no wrong form of lexicon.tsv (ECSpell's list holds a few, 严于律已).
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

from govwatch.proofread.idioms import IDIOMS_FILE, SIZE
from govwatch.proofread.lexicon import packaged_entries

DATA = Path(__file__).parent / "data"
HEADER = """# name: 成语词典
# source: jionlp 1.5.31 dictionary/chinese_idiom.zip 的四字成语；第 2 列为 1 的是公文常用成语（同见于 ECSpell wordlist/成语.txt，且不是 lexicon.tsv 所列错误写法）
# edition: jionlp 1.5.31
# date: 2026-12-03
# licence: jionlp Apache-2.0（见 LICENSE-jionlp）；ECSpell MIT（见 LICENSE-ECSpell）
# 成语<TAB>公文常用（1 是，0 否）。由 python -m govwatch.proofread.build_idioms 生成，勿手改。
"""


def build(jionlp_idioms: Path, ecspell: Path) -> str:
    """The text of idioms.txt.gz."""
    dictionary = sorted({line.split("\t")[0].strip() for line in jionlp_idioms.read_text(encoding="utf-8").splitlines()})
    dictionary = [idiom for idiom in dictionary if len(idiom) == SIZE]
    listed = {line.split("\t")[0].strip() for line in (ecspell / "wordlist" / "成语.txt").read_text(encoding="utf-8").splitlines()}
    wrong = {entry.wrong for entry in packaged_entries() if entry.right}
    rows = [f"{idiom}\t{int(idiom in listed and idiom not in wrong)}" for idiom in dictionary if idiom not in wrong]
    return HEADER + "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jionlp-idioms", type=Path, required=True)
    parser.add_argument("--ecspell", type=Path, required=True)
    args = parser.parse_args()
    (DATA / IDIOMS_FILE).write_bytes(gzip.compress(build(args.jionlp_idioms, args.ecspell).encode("utf-8"), mtime=0))


if __name__ == "__main__":
    main()
