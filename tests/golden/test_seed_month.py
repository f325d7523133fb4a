"""The demo month, gathered and graded from individual posts, against the seed notice's own tables.

Cells where the seed contradicts itself are listed in EXPECTED_DIFFERENCES with the reason;
every other cell must be equal. See docs/seed-discrepancies.md.
"""

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from govwatch.reports.evaluation_json import evaluation_json

GOLDEN = YAML(typ="safe").load((Path(__file__).parent / "meixian-2023-06.yaml").read_text(encoding="utf-8"))

# (annex, subject, field) → (seed value, computed value, why they differ)
EXPECTED_DIFFERENCES = {
    ("new_media", "眉县教育", "other_reposts"): (11, 10, "其它转载 ≠ 转载总数16 − 推荐转载6; total 76 = 60 + 16 kept"),
    ("new_media", "眉县民政", "other_reposts"): (29, 23, "其它转载 ≠ 29 − 6; total 58 = 29 + 29 kept"),
    ("new_media", "眉县招商", "other_reposts"): (58, 56, "其它转载 ≠ 60 − 4; total 78 = 18 + 60 kept"),
    ("new_media", "眉县行政审批服务局", "other_reposts"): (1, 0, "其它转载 ≠ 6 − 6; total 15 = 9 + 6 kept"),
    ("new_media", "人文齐镇", "reposts"): (7, 9, "9 recommended of 7 reposts is impossible; total 15 = 6 + 9 kept"),
    ("new_media", "人文齐镇", "other_reposts"): (2, 0, "follows from 9 recommended and 9 reposts"),
}

# Figures of the notice's body text that disagree with its own tables: (seed text, computed = tables).
EXPECTED_SUMMARY_DIFFERENCES = {
    ("disclosure", "items"): (121, 144),
    ("disclosure", "pass"): (34, 35),
    ("disclosure", "fail"): (3, 2),
    ("new_media", "total"): (537, 573),
    ("new_media", "original"): (226, 254),
    ("new_media", "original_share"): (42.1, 44.3),
    ("new_media", "reposts"): (311, 319),  # tables sum to 317; 人文齐镇 counts 9 reposts, not 7
    ("new_media", "reposts_share"): (57.9, 55.7),
}


@pytest.fixture(scope="module")
def computed(demo_month):
    return evaluation_json(demo_month.evaluation)


def _check(annex, subject, field, seed, got, mismatches):
    expected = EXPECTED_DIFFERENCES.get((annex, subject, field))
    if expected is not None:
        assert (seed, got) == expected[:2], f"{annex}/{subject}/{field}: listed difference changed"
    elif seed != got:
        mismatches.append(f"{annex}/{subject}/{field}: seed {seed!r}, computed {got!r}")


def test_annex1_disclosure_cell_by_cell(computed, meixian_config):
    county = meixian_config.county
    rows = {r["unit"]: r for r in computed["disclosure"]}
    assert len(rows) == len(GOLDEN["disclosure"]) == 40
    mismatches: list[str] = []
    for seed in GOLDEN["disclosure"]:
        unit = county.unit(seed["unit"]).name
        row = rows[unit]
        _check("disclosure", unit, "grade", seed["grade"], row["grade"], mismatches)
        got_columns = [(c["column"], c["cycle"], c["actual"]) for c in row["columns"]]
        seed_columns = [(c["column"], c["cycle"], c["actual"] or 0) for c in seed["columns"]]
        _check("disclosure", unit, "columns", seed_columns, got_columns, mismatches)
    assert mismatches == []


def test_annex1_grades_that_break_the_rule_are_overrides_with_reasons(computed):
    adjusted = {r["unit"]: r["override"] for r in computed["disclosure"] if r["override"]}
    assert set(adjusted) == {"县农业农村局", "县乡村振兴局"}
    for override in adjusted.values():
        assert override["computed"] == "优秀" and override["grade"] == "合格" and override["reason"]


def test_annex1_failures_come_from_the_texts(computed):
    failed = {r["unit"]: r for r in computed["disclosure"] if r["grade"] == "不合格"}
    assert set(failed) == {"县财政局", "县医保局"}
    details = {e["detail"] for r in failed["县财政局"]["reasons"] for e in r["evidence"] if "应为" in e["detail"]}
    assert details == {"“党的二十精神”应为“党的二十大精神”", "“全面落实从严治党”应为“落实全面从严治党”",
                       "“自热资源”应为“自然资源”", "“历行节约”应为“厉行节约”"}


def test_annex2_news_cell_by_cell(computed, meixian_config):
    county = meixian_config.county
    rows = {r["unit"]: r for r in computed["news"]}
    assert len(rows) == len(GOLDEN["news"]) == 41
    mismatches: list[str] = []
    for seed in GOLDEN["news"]:
        unit = county.unit(seed["unit"]).name
        _check("news", unit, "posts", seed["posts"], rows[unit]["posts"], mismatches)
        _check("news", unit, "grade", seed["grade"], rows[unit]["grade"], mismatches)
    assert mismatches == []
    assert all(r["override"] is None for r in computed["news"])


def test_annex3_new_media_cell_by_cell(computed):
    rows = {(r["account"], r["platform"]): r for r in computed["new_media"]}
    assert len(rows) == len(GOLDEN["new_media"]) == 16
    mismatches: list[str] = []
    for seed in GOLDEN["new_media"]:
        row = rows[(seed["account"], seed["platform"])]
        for field in ("original", "recommended", "reposts", "other_reposts", "total", "grade"):
            _check("new_media", seed["account"], field, seed[field], row[field], mismatches)
        # the cell is the problems' words; their kinds and days are the data the notice reads
        _check("new_media", seed["account"], "problems", seed["problems"], [p["text"] for p in row["problems"]],
               mismatches)
    assert mismatches == []
    assert all(r["override"] is None for r in computed["new_media"])


def test_summary_figures_are_the_tables_sums(computed):
    summary, seed = computed["summary"], GOLDEN["summary"]
    got = {
        ("disclosure", "units"): summary["disclosure"]["units"],
        ("disclosure", "items"): summary["disclosure"]["items"],
        ("disclosure", "excellent"): summary["disclosure"]["grades"].get("优秀", 0),
        ("disclosure", "pass"): summary["disclosure"]["grades"].get("合格", 0),
        ("disclosure", "fail"): summary["disclosure"]["grades"].get("不合格", 0),
        ("news", "units"): summary["news"]["units"],
        ("news", "items"): summary["news"]["items"],
        ("news", "excellent"): summary["news"]["grades"].get("优秀", 0),
        ("news", "pass"): summary["news"]["grades"].get("合格", 0),
        ("news", "fail"): summary["news"]["grades"].get("不合格", 0),
        ("new_media", "accounts"): summary["new_media"]["accounts"],
        ("new_media", "excellent"): summary["new_media"]["grades"].get("优秀", 0),
        ("new_media", "pass"): summary["new_media"]["grades"].get("合格", 0),
        ("new_media", "fail"): summary["new_media"]["grades"].get("差", 0),
    }
    got.update({("new_media", k): summary["new_media"][k]
                for k in ("total", "original", "original_share", "reposts", "reposts_share")})
    for (annex, field), value in got.items():
        expected = EXPECTED_SUMMARY_DIFFERENCES.get((annex, field))
        if expected:
            assert (seed[annex][field], value) == expected
        else:
            assert seed[annex][field] == value, (annex, field)
    # The text's 121 is the number of 信息公开 items dated in June (the tables count each cycle's window).
    assert summary["disclosure"]["items_published_in_month"] == seed["disclosure"]["items"]
