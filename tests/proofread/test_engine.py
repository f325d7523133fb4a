"""The pipeline: offsets and lines, overlap resolution, county data, verdicts, and any input at all."""

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govwatch.proofread import CountyLexicon, Proofreader, Suppression, TextFinding
from govwatch.proofread.county_files import load_county_lexicon
from govwatch.proofread.data_files import DataFileError
from govwatch.proofread.evaluation import apply
from govwatch.proofread.findings import SEVERITIES, TYPES


def test_lines_and_offsets(proofreader):
    text = "第一行正常。\n第二行截止目前完成。"
    (finding,) = proofreader.check(text)
    assert (finding.start, finding.line, finding.offset, finding.length) == (10, 2, 3, 4)


def test_findings_are_sorted_and_do_not_overlap(proofreader):
    text = "截止目前，京津翼地区历行节约，学习党的二十精神。身份证11010519491231002X"
    findings = proofreader.check(text)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    for a, b in itertools.pairwise(findings):
        assert a.start + a.length <= b.start


def test_county_pairs_and_allow_list():
    county = CountyLexicon(allow=frozenset({"京津翼"}), pairs=(("眉县县委", "中共眉县县委", "expression", "serious"),))
    checker = Proofreader(county)
    assert checker.check("京津翼公司") == []
    (finding,) = checker.check("眉县县委召开会议")
    assert (finding.suggestion, finding.severity, finding.rule) == ("中共眉县县委", "serious", "lexicon:眉县县委")


def test_suppression_everywhere_and_in_context():
    everywhere = Proofreader(suppressions=[Suppression("lexicon:截止目前", "截止目前")])
    assert everywhere.check("截止目前已完成") == []
    in_context = Proofreader(suppressions=[Suppression("lexicon:截止目前", "截止目前", context="统计截止目前")])
    assert in_context.check("统计截止目前的数据") == []
    assert len(in_context.check("截止目前已完成")) == 1


def test_county_files(tmp_path: Path):
    (tmp_path / "allow.txt").write_text("# 本县地名\n京津翼\n", encoding="utf-8")
    (tmp_path / "pairs.tsv").write_text("# 错\t对\t类型\t级别\n眉县县委\t中共眉县县委\texpression\tserious\n", encoding="utf-8")
    county = load_county_lexicon(tmp_path)
    assert county == CountyLexicon(frozenset({"京津翼"}), (("眉县县委", "中共眉县县委", "expression", "serious"),))


@pytest.mark.parametrize(
    ("content", "message"),
    [("错\t对\ttypo\n", "第 1 行：应有 4 列"), ("\n错\t对\tbad\terror\n", "第 2 行：类型")],
)
def test_county_file_errors_name_file_and_line(tmp_path: Path, content, message):
    (tmp_path / "pairs.tsv").write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        load_county_lexicon(tmp_path)
    assert "pairs.tsv" in str(info.value)


def test_missing_county_files_mean_no_data(tmp_path: Path):
    assert load_county_lexicon(tmp_path) == CountyLexicon()


TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec=None),  # any code point, surrogates and combining marks included
        st.sampled_from(list("截止目前京津翼党的二十大精神“”‘’（）()《》,，\n0123456789X")),
    ),
    max_size=300,
)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_text_gives_findings_that_point_into_it(text):
    checker = Proofreader()
    findings = checker.check(text)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    for f in findings:
        assert isinstance(f, TextFinding)
        assert f.start >= 0 and f.start + f.length <= len(text) and f.length >= 1
        assert starts[f.line - 1] + f.offset == f.start
        assert f.type in TYPES and f.severity in SEVERITIES
        if f.type != "privacy":
            assert text[f.start : f.start + f.length] == f.wrong
    apply(text, findings)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=200_000))
def test_long_runs_are_handled(length):
    text = ("截止目前" * (length // 4 + 1))[:length]
    assert all(f.start < length for f in Proofreader().check(text))
