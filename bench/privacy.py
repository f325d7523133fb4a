"""Benchmark of large documents: the privacy layer's worst case (a document packed with personal
numbers) and Word files that unpack far larger than their size (zip bombs, 压缩炸弹).

    .venv/bin/python bench/privacy.py [--megabytes 0.5 5] [--before REV] [--before-limit 300]

A register of people (姓名、手机号码, every tenth row with an ID number and a bank card) is generated at
each size. Prints, side by side, the CPU seconds (one core) the privacy layer takes now and at REV (default: the
commit before the layer became linear, run in a subprocess, stopped after --before-limit seconds),
whether both find the same numbers, and the whole pipeline's seconds now. A layer whose cost is
linear in the count of numbers takes ten times as long at 5 MB as at 0.5 MB, not a hundred.

Then, for a Word file whose document.xml is 512 MB of zeros (about 0.5 MB deflated), declared honestly
and declared as 1 KB, and for a real 2 MB Word file: how long `read_document` takes to refuse or read it,
and the most memory it allocates (tracemalloc, in a second run).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYER = "src/govwatch/proofread/privacy.py"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"


def packed_document(megabytes: float, seed: int = 13) -> str:
    """At least `megabytes` of UTF-8 register rows, each with a mobile number, every tenth with an ID and a card."""
    from govwatch.proofread.privacy import id_number_valid, luhn_valid

    rng = random.Random(seed)
    rows, size, target = [], 0, int(megabytes * 1024 * 1024)
    while size < target:
        row = f"{rng.choice(SURNAMES)}某某，手机1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
        if len(rows) % 10 == 0:
            body = f"6101{rng.randrange(10, 100)}19{rng.randrange(50, 100)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}{rng.randrange(1000):03d}"
            card = f"622202{rng.randrange(10**12):012d}"
            row += f"，身份证{next(body + c for c in '0123456789X' if id_number_valid(body + c))}"
            row += f"，银行卡{next(card + c for c in '0123456789' if luhn_valid(card + c))}"
        row += "；\n"
        rows.append(row)
        size += len(row.encode("utf-8"))
    return "".join(rows)


def quadratic_revision() -> str:
    """The commit just before the one that made the layer linear (it introduced `clear_of`)."""
    found = subprocess.run(["git", "log", "--reverse", "--format=%H", "-S", "def clear_of", "--", LAYER],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    if not found:
        raise SystemExit(f"{LAYER} 的历史中找不到引入 clear_of 的提交，请用 --before 指定对比的版本")
    return found[0] + "~1"


# Runs in a subprocess: the layer's source at another revision, loaded as its own module.
BEFORE = r'''
import json, sys, time, types
from pathlib import Path
module = types.ModuleType("privacy_before")
exec(compile(Path(sys.argv[1]).read_text(encoding="utf-8"), "privacy_before.py", "exec"), module.__dict__)
text = Path(sys.argv[2]).read_text(encoding="utf-8")
started = time.process_time()
hits = module.PrivacyLayer().scan(text)
seconds = time.process_time() - started
print(json.dumps({"seconds": seconds, "hits": sorted([h.start, h.end, h.rule, h.shown] for h in hits)}, ensure_ascii=False))
'''


def run_before(source: Path, text: Path, limit: float) -> dict | None:
    """The old layer's seconds and hits on `text`, or None when it ran past `limit` seconds."""
    try:
        done = subprocess.run([sys.executable, "-c", BEFORE, str(source), str(text)], capture_output=True, text=True,
                              timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout)


def real_word_file(paragraphs: int) -> bytes:
    """A python-docx Word file of `paragraphs` paragraphs of county news."""
    import docx

    document = docx.Document()
    for number in range(paragraphs):
        document.add_paragraph(f"第{number}段：全县各单位要认真贯彻落实会议精神，联系电话13812345678。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def read_measured(name: str, data: bytes) -> tuple[float, float, str]:
    """Seconds `read_document` takes on `data`, the peak MB it allocates (a second run, under tracemalloc,
    which slows allocation), and what it answered."""
    from govwatch.proofread.documents import UnreadableDocument, read_document

    def answer() -> str:
        try:
            return f"读出 {len(read_document(name, data)):,} 字"
        except UnreadableDocument as exc:
            return str(exc)

    started = time.perf_counter()
    said = answer()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    answer()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak, said


def bombs() -> None:
    sys.path.insert(0, str(ROOT))  # the tests' builders of crafted Word files
    from tests.proofread.test_documents import BOMB_PART, declaring, word_file

    bomb = word_file((BOMB_PART, bytes(512 * 2**20)))
    cases = [("真实稿件.docx", real_word_file(20_000)), ("炸弹.docx", bomb),
             ("谎报大小.docx", declaring(bomb, BOMB_PART, 1024))]
    print("\n== 压缩炸弹：解压后远大于文件本身的 Word 文档 ==")
    print(f"  {'文件':<12}{'大小 MB':>9}{'耗时 s':>9}{'内存峰值 MB':>12}  结果")
    for name, data in cases:
        seconds, peak, answer = read_measured(name, data)
        print(f"  {name:<12}{len(data) / 2**20:>9.2f}{seconds:>9.3f}{peak:>12.1f}  {answer}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, nargs="+", default=[0.5, 5.0])
    parser.add_argument("--before", help="git revision of the layer to compare with (default: the quadratic one)")
    parser.add_argument("--before-limit", type=float, default=300.0, help="seconds after which the old layer is stopped")
    args = parser.parse_args()

    from govwatch.proofread import default_proofreader
    from govwatch.proofread.privacy import PrivacyLayer

    revision = args.before or quadratic_revision()
    old_source = subprocess.run(["git", "show", f"{revision}:{LAYER}"], cwd=ROOT, capture_output=True, text=True,
                                check=True).stdout
    proofreader = default_proofreader()
    print(f"== 个人信息层最坏情况：满篇号码的登记表（对比版本 {revision}，超过 {args.before_limit:.0f} s 即停止）==")
    print(f"  {'大小':>8}{'号码数':>10}{'此前 CPU s':>10}{'现在 CPU s':>10}{'发现一致':>10}{'整个流程 CPU s':>12}")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "privacy_before.py"
        source.write_text(old_source, encoding="utf-8")
        for megabytes in args.megabytes:
            text = packed_document(megabytes)
            path = Path(folder) / "text.txt"
            path.write_text(text, encoding="utf-8")
            started = time.process_time()
            hits = PrivacyLayer().scan(text)
            now = time.process_time() - started
            started = time.process_time()
            proofreader.check(text)
            whole = time.process_time() - started
            before = run_before(source, path, args.before_limit)
            if before is None:
                old, same = f"> {args.before_limit:.0f}", "—"
            else:
                ours = sorted([h.start, h.end, h.rule, h.shown] for h in hits)
                old, same = f"{before['seconds']:.2f}", "是" if before["hits"] == ours else "否"
            print(f"  {megabytes:>6.1f}MB{len(hits):>10,}{old:>10}{now:>10.2f}{same:>10}{whole:>12.2f}")
    bombs()


if __name__ == "__main__":
    main()
