"""Property: any county folder, mutated byte by byte or value by value, is loaded or refused with a clear
error by `govwatch load-config`; never a traceback, never a hang, and a refused load changes nothing stored.

眉县's folder (examples/meixian) is copied and one of county.yaml or rules.yaml mutated. The examples per
suite are stated in each test; the `slow` variants run in CI (`pytest -m slow`).
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from govwatch.store.db import open_database
from tests.conftest import MEIXIAN
from tests.hostile import SETTINGS, assert_clear_outcome, govwatch, snapshot, time_bound
from tests.hostile_text import hostile_text

FILES = ("county.yaml", "rules.yaml")
BOUND_SECONDS = 30  # one load of 眉县 takes about 0.3 s; a hang is anything near this

# A byte-level edit: at a relative position, delete some bytes, insert some, or overwrite one.
byte_edit = st.tuples(st.floats(0, 1), st.sampled_from(["delete", "insert", "replace"]), st.integers(1, 40),
                      st.one_of(st.binary(min_size=1, max_size=8),
                                st.text(min_size=1, max_size=4).map(lambda t: t.encode("utf-8"))))
hostile_value = st.one_of(
    hostile_text, st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=True),
    st.lists(hostile_text, max_size=3), st.dictionaries(hostile_text, hostile_text, max_size=2),
    st.sampled_from(["实时更新", "0条/月", "1000条/月", "Mars/Olympus", "县供销社", "新闻动态", "", "-1"]),
)


def mutate_bytes(data: bytes, edits) -> bytes:
    for where, kind, length, payload in edits:
        at = int(where * len(data))
        if kind == "delete":
            data = data[:at] + data[at + length:]
        elif kind == "insert":
            data = data[:at] + payload + data[at:]
        else:
            data = data[:at] + payload[:1] + data[at + 1:]
    return data


def mutate_structure(tree, draw) -> None:
    """Walk from the root to a random node, then delete, replace, duplicate or add there."""
    node = tree
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, (dict, list)) and child and draw(st.booleans()):
            node = child
            continue
        action = draw(st.sampled_from(["delete", "replace", "duplicate", "add"]))
        if action == "delete":
            del node[key]
        elif action == "replace":  # text by other text half the time, so that some folders still load
            node[key] = draw(hostile_text if isinstance(child, str) and draw(st.booleans()) else hostile_value)
        elif action == "duplicate" and isinstance(node, list):
            node.insert(key, child)
        elif isinstance(node, dict):
            node[draw(hostile_text)] = draw(hostile_value)
        else:
            node.append(draw(hostile_value))
        return


def dump(tree) -> bytes:
    out = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.dump(tree, out)
    return out.getvalue().encode("utf-8", errors="surrogatepass")


def check_loads(examples: int, mutate) -> None:
    """Run `examples` mutated folders through load-config against a database holding 眉县 as loaded."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        url = f"sqlite:///{root / 'govwatch.db'}"
        assert govwatch("--db", url, "load-config", str(MEIXIAN)).exit_code == 0
        db = open_database(url)
        counter = iter(range(10**9))
        outcomes: Counter[int] = Counter()

        @settings(max_examples=examples, **SETTINGS)
        @given(st.data())
        def load_mutated(data):
            folder = root / f"county-{next(counter)}"
            folder.mkdir()
            for name in (*FILES, "notice.md.j2"):
                shutil.copy(MEIXIAN / name, folder / name)
            shutil.copytree(MEIXIAN / "lexicon", folder / "lexicon")
            target = folder / data.draw(st.sampled_from(FILES))
            target.write_bytes(mutate(target.read_bytes(), data.draw))
            before = snapshot(db)
            with time_bound(BOUND_SECONDS):
                result = govwatch("--db", url, "load-config", str(folder))
            assert_clear_outcome(result)
            outcomes[result.exit_code] += 1
            if result.exit_code == 2:
                assert snapshot(db) == before
            shutil.rmtree(folder)

        try:
            load_mutated()
        finally:
            db.dispose()
            print(f"{examples} examples: loaded {outcomes[0]}, refused {outcomes[2]}")  # shown with pytest -s


def byte_mutation(original: bytes, draw) -> bytes:
    return mutate_bytes(original, draw(st.lists(byte_edit, min_size=1, max_size=4)))


def structure_mutation(original: bytes, draw) -> bytes:
    tree = YAML(typ="safe", pure=True).load(original.decode("utf-8"))
    for _ in range(draw(st.integers(1, 3))):
        mutate_structure(tree, draw)
    return dump(tree)


def test_byte_mutated_county_folders_load_or_are_refused_clearly():
    check_loads(6, byte_mutation)  # 6 examples


def test_structure_mutated_county_folders_load_or_are_refused_clearly():
    check_loads(6, structure_mutation)  # 6 examples


@pytest.mark.slow
def test_many_byte_mutated_county_folders():
    check_loads(200, byte_mutation)  # 200 examples


@pytest.mark.slow
def test_many_structure_mutated_county_folders():
    check_loads(200, structure_mutation)  # 200 examples
