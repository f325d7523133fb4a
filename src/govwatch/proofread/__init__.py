"""Proofreading engine for government text (pure library): 错别字, 规范表述, 标点, 个人信息.

Layers: 1 curated lexicon, the knowledge lists (`knowledge`: 新华社 ban list, states, state bodies,
laws, leaders, idioms; docs/proofreading.md), 2 standard expressions and their near misses,
3 statistical suspects, 4 punctuation, 5 personal information, 6 a county's own data and reviewers'
verdicts. Only the
packaged data files are read; reading a county's files is `county_files.load_county_lexicon`.
"""

from govwatch.proofread.engine import Proofreader, default_proofreader
from govwatch.proofread.findings import CountyLexicon, Suppression, TextFinding

__all__ = ["CountyLexicon", "Proofreader", "Suppression", "TextFinding", "default_proofreader"]
