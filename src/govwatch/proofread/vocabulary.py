"""The negative list (负面词表): wrong forms the knowledge layers know, never words of the vocabulary.

jieba's counts come from text, and text holds misspellings: 再接再励, 美仑美奂 and 针贬时弊 are in its
dictionary with small counts, so the statistical layer took them for words and never suspected them;
ECSpell's idiom list holds wrong forms too. `build_data` drops from `words.tsv` every form that a layer
with certain findings calls wrong everywhere: a lexicon entry without context guards (with guards, the
form is right elsewhere: 截止 in 报名截止), and every generated or listed wrong form of a layer that
offers `wrong_forms()` (expressions, place names, and any knowledge layer added later that does).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from govwatch.proofread.engine import default_proofreader
from govwatch.proofread.lexicon import LexiconLayer


@runtime_checkable
class KnowsWrongForms(Protocol):
    """A layer that can list every form it flags wherever it stands."""

    def wrong_forms(self) -> Iterator[str]: ...


def layer_wrong_forms(layers: Iterable[object]) -> set[str]:
    """The forms the given layers flag wherever they stand."""
    forms: set[str] = set()
    for layer in layers:
        if isinstance(layer, LexiconLayer):
            forms.update(e.wrong for e in layer.entries if e.right is not None and not e.guards)
        if isinstance(layer, KnowsWrongForms):
            forms.update(layer.wrong_forms())
    return forms


def negative_list() -> set[str]:
    """The wrong forms of every packaged layer of the default proofreader."""
    return layer_wrong_forms(default_proofreader().layers)
