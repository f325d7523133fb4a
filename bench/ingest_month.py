"""The golden new-media month collected as a user collects it: planned vs stored posts per platform.

    python bench/ingest_month.py

Serves the planned month of `govwatch.collect.fakes.month` (WeChat, Weibo, Douyin, 视频号 export, an
RSS route) on 127.0.0.1, runs `govwatch ingest --month 2023-06` and then the daily `govwatch ingest`
(which reads the article whose page failed the first time), and prints, per platform and run, the
posts planned, stored right (same account, title, moment and kind), missing and extra, with wall times.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from typer.testing import CliRunner  # noqa: E402

from govwatch.cli.app import app  # noqa: E402
from govwatch.collect.fakes.month import (  # noqa: E402
    MONTH,
    TODAY,
    county_folder,
    planned_posts,
    served_month,
    stored_posts,
)


def main() -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp, served_month(Path(tmp)) as served:
        folder = county_folder(ROOT / "examples" / "meixian", Path(tmp), served)
        url, env = f"sqlite:///{tmp}/bench.db", {**served.secrets, "GOVWATCH_TODAY": TODAY.isoformat()}
        runner.invoke(app, ["--db", url, "load-config", str(folder)], env=env)
        runner.invoke(app, ["--db", url, "recommend", "load", f"{tmp}/recommended.yaml", "--month", str(MONTH)],
                      env=env)
        planned = planned_posts(served.plan)
        print("| run | platform | planned | stored right | missing | extra | wall s |")
        print("|---|---|---|---|---|---|---|")
        for label, args in (("ingest --month 2023-06", ["--month", str(MONTH)]), ("ingest (next day's run)", [])):
            start = time.perf_counter()
            runner.invoke(app, ["--db", url, "ingest", *args], env=env)
            wall = time.perf_counter() - start
            stored = stored_posts(url)
            per = {name: Counter() for name in sorted({p[0] for p in planned})}
            for post in planned:
                per[post[0]]["planned"] += 1
                per[post[0]]["right" if post in stored else "missing"] += 1
            for post in stored - planned:
                per.setdefault(post[0], Counter())["extra"] += 1
            for platform, n in per.items():
                figures = " | ".join(str(n[k]) for k in ("planned", "right", "missing", "extra"))
                print(f"| {label} | {platform} | {figures} | {wall:.1f} |")


if __name__ == "__main__":
    main()
