"""A county's lexicon/ files: leaders, local places, bodies and banned words, with errors naming file and line."""

from pathlib import Path

import pytest

from govwatch.proofread import Proofreader
from govwatch.proofread.county_files import county_catalogue, load_county_lexicon
from govwatch.proofread.data_files import DataFileError


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_places_bodies_and_banned_words_become_allowed_names_and_pairs(tmp_path: Path):
    write(tmp_path, "places.txt", "# name: 本县地名\n汤峪镇\t汤浴镇、汤玉镇\n红河谷\n")
    write(tmp_path, "bodies.txt", "县融媒体中心\t县融媒中心\n")
    write(tmp_path, "banned.tsv", "第一县\t\twarning\n某说法\n")
    county = load_county_lexicon(tmp_path)
    assert {"汤峪镇", "红河谷", "县融媒体中心"} <= county.allow
    assert ("汤玉镇", "汤峪镇", "typo", "error") in county.pairs
    assert ("县融媒中心", "县融媒体中心", "expression", "error") in county.pairs
    assert ("第一县", "", "sensitive", "warning") in county.pairs and ("某说法", "", "sensitive", "serious") in county.pairs
    checker = Proofreader(county)
    assert [(f.wrong, f.suggestion) for f in checker.check("前往汤玉镇，县融媒中心报道。")] == [("汤玉镇", "汤峪镇"), ("县融媒中心", "县融媒体中心")]
    banned = checker.check("打造某说法。")
    assert [(f.wrong, f.type, f.severity) for f in banned] == [("某说法", "sensitive", "serious")]
    assert "不得使用" in banned[0].explanation


def test_leaders_file_label_comes_from_its_header(tmp_path: Path):
    write(tmp_path, "leaders.tsv", "# name: 某县领导名单\n# date: 2024-01-01\n张三\t县长\t2023-01-01\n")
    county = load_county_lexicon(tmp_path)
    assert county.leaders == (("张三", "县长"),) and county.leaders_label == "某县领导名单（2024-01-01）"
    write(tmp_path, "leaders.tsv", "张三\t县长\n")
    assert load_county_lexicon(tmp_path).leaders_label == "本县（区）领导名单"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("leaders.tsv", "张三\n", "leaders.tsv 第 1 行：应有 2–3 列"),
        ("leaders.tsv", "# name: x\nA1\t县长\n", "leaders.tsv 第 2 行：第 1 列“姓名”"),
        ("leaders.tsv", "张三\t县长（代县长\n", "leaders.tsv 第 1 行：第 2 列“职务”"),
        ("banned.tsv", "某说法\t\t致命\n", "banned.tsv 第 1 行：第 3 列“级别”"),
        ("places.txt", "汤峪镇\t汤峪镇\n", "places.txt 第 1 行：正确写法与错误写法相同"),
    ],
)
def test_bad_records_name_file_line_and_field(tmp_path: Path, name, text, message):
    write(tmp_path, name, text)
    with pytest.raises(DataFileError, match=message):
        load_county_lexicon(tmp_path)


def test_catalogue_lists_the_files_present_with_their_headers(tmp_path: Path):
    write(tmp_path, "allow.txt", "甲\n乙\n")
    write(tmp_path, "leaders.tsv", "# name: 某县领导名单\n# licence: 本县自编\n张三\t县长\n")
    infos = county_catalogue(tmp_path)
    assert [(Path(i.file).name, i.header.name, i.header.licence, i.entries) for i in infos] == [
        ("allow.txt", "", "", 2), ("leaders.tsv", "某县领导名单", "本县自编", 1)
    ]
