"""Hypothesis strategies for the text a hostile or careless user hands in."""

from __future__ import annotations

from hypothesis import strategies as st

# Every code point, lone surrogates and controls included (hypothesis leaves surrogates out by default).
any_character = st.characters(exclude_categories=())
any_text = st.text(any_character, max_size=60)
# What breaks writers and stores in practice, mixed into ordinary Chinese text.
_TRICKY = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "\n", "\x00", "\x0b", "\x1f", "\ud800", "\ufffe",
                           "=HYPERLINK(\"http://evil\",\"x\")", "'", '"', ",", "\\", "&", "<", "\u202e", "县发改局", "部门动态"])
hostile_text = st.one_of(any_text, st.lists(st.one_of(_TRICKY, any_text), max_size=6).map("".join),
                         st.integers(1, 4000).map(lambda n: "长" * n))
