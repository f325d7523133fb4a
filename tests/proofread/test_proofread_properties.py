"""Property: the proofreader takes any Unicode text (controls, lone surrogates, unassigned code points) and
returns findings that lie inside it; a document of any bytes is read or refused with UnreadableDocument."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govwatch.proofread.documents import UnreadableDocument, read_document
from tests.hostile import SETTINGS, time_bound
from tests.hostile_text import any_character, hostile_text

texts = st.one_of(st.text(any_character, max_size=400), hostile_text,
                  st.lists(st.sampled_from(["县发改局", "截止目前", "攻克时艰", "。", "，", "\n", "（", "）", "138", "0000"]),
                           max_size=40).map("".join))


def check_any_text(proofreader, text):
    with time_bound(10):
        findings = proofreader.check(text)
    for finding in findings:
        assert finding.start >= 0 and finding.start + finding.length <= len(text)
        span = text[finding.start:finding.start + finding.length]
        # The span itself, but for personal information, which is stored masked (138****0000).
        assert len(finding.wrong) == len(span) and all(w in (t, "*") for w, t in zip(finding.wrong, span, strict=True))


@settings(max_examples=200, **SETTINGS)  # 200 examples
@given(text=texts)
def test_the_proofreader_takes_any_unicode(proofreader, text):
    check_any_text(proofreader, text)


@pytest.mark.slow
@settings(max_examples=5000, **SETTINGS)  # 5,000 examples
@given(text=texts)
def test_the_proofreader_takes_much_unicode(proofreader, text):
    check_any_text(proofreader, text)


@settings(max_examples=50, **SETTINGS)  # 50 examples
@given(suffix=st.sampled_from([".txt", ".html", ".docx", ".md", ""]),
       data=st.one_of(st.binary(max_size=3000),
                      st.text(any_character, max_size=200).map(lambda t: t.encode("utf-16", "surrogatepass")),
                      st.text(any_character, max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_a_document_of_any_bytes_is_read_or_refused(suffix, data):
    with time_bound(10):
        try:
            text = read_document(f"文件{suffix}", data)
        except UnreadableDocument as exc:
            assert str(exc).startswith(f"文件{suffix}：")
        else:
            assert text.strip()


def test_a_utf16_text_file_is_read_not_refused_as_binary():
    text = "县发改局召开会议，截止目前已完成。"
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        data = ("\ufeff" + text).encode(encoding) if encoding.endswith("be") else text.encode(encoding)
        assert read_document("通稿.txt", data) == text
