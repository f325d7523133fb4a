"""Place names: a suspect inside a county's, township's or village's name is no suspect; the same
characters outside a whole name are still checked."""

import dataclasses
import gzip

from govwatch.proofread.build_data import read_places
from govwatch.proofread.data_files import read_text
from govwatch.proofread.engine import Proofreader
from govwatch.proofread.places import PLACES_FILE, Gazetteer, is_place_name, packaged_gazetteer


def test_covering_finds_the_longest_whole_name_around_a_position():
    places = Gazetteer(["齐圣村", "横渠镇", "横渠镇齐圣村社区"])
    text = "横渠镇齐圣村党支部"
    assert places.covering(text, text.index("圣")) == "齐圣村"
    assert places.covering(text, 0) == "横渠镇"
    assert places.covering(text, text.index("党")) is None
    assert places.covering("齐圣党支部", 1) is None  # no suffix, no name
    assert places.covering("齐圣", 1) is None and places.covering("", 0) is None
    assert Gazetteer(()).covering(text, 3) is None


def test_only_whole_names_with_a_suffix_are_kept():
    assert is_place_name("齐圣村") and is_place_name("首善街道") and is_place_name("眉县城关镇")
    assert not is_place_name("新村") and not is_place_name("齐圣") and not is_place_name("太白山")


def test_a_village_name_is_no_typo_but_its_characters_elsewhere_are_checked(monkeypatch):
    checker = Proofreader()
    statistical = next(layer for layer in checker.layers if layer.name == "statistical")
    # 齐圣 scores just under the packaged threshold: lower it (for this test only: the layer is shared) so
    # the suspect shows; the gazetteer must still silence the whole name, whatever the threshold.
    monkeypatch.setattr(statistical, "parameters", dataclasses.replace(statistical.parameters, threshold=30.0))
    monkeypatch.setattr(statistical, "_cache", {})
    assert checker.check("长沙镇齐圣村党支部召开专题会议。") == []
    assert [f.wrong for f in checker.check("齐圣党支部召开专题会议。")] == ["圣"]


def test_the_packaged_gazetteer_covers_townships_and_villages_such_as_the_seed_countys():
    places = packaged_gazetteer()
    assert len(places) > 300_000
    for name in ("横渠镇", "汤峪镇", "首善街道", "横渠村", "齐圣村"):
        assert places.covering(name, 0) == name
    header = read_text(PLACES_FILE).splitlines()[:6]
    assert header[0] == "# version: 2" and "jionlp 1.5.31" in header[2] and "LICENSE-jionlp" in header[2]
    assert header[5] == "# licence: Apache-2.0"
    assert "Apache License" in read_text("LICENSE-jionlp")


def test_build_reads_names_below_the_provinces(tmp_path):
    source = tmp_path / "china_location.txt"
    source.write_text(
        "陕西省\t610000\t陕西\n\t宝鸡市\t610300\t宝鸡\n\t\t眉县\t610326\t眉县\n\t\t\t横渠镇\n\t\t\t\t齐圣村\n\t\t\t\t新村\n",
        encoding="utf-8",
    )
    assert read_places(source) == ["宝鸡市", "横渠镇", "齐圣村"]


def test_the_packaged_file_is_gzip_with_a_fixed_timestamp():
    from importlib import resources

    data = resources.files("govwatch.proofread").joinpath("data", PLACES_FILE).read_bytes()
    assert data[:2] == b"\x1f\x8b" and data[4:8] == b"\0\0\0\0"  # mtime 0: rebuilding gives the same bytes
    assert gzip.decompress(data).decode("utf-8").endswith("\n")
