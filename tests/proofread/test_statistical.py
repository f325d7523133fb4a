"""Layer 3: statistical suspects are uncertain, and the tuned layer catches typical slips."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govwatch.proofread.context import WIDTH, WINDOWS, ContextIndex, wildcard_index
from govwatch.proofread.statistical import StatisticalLayer, packaged_parameters


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("大力培育发展大数局产业。", "局", "据"),
        ("将天然气产供储销体系重大工程建射纳入专项督查。", "射", "设"),
        ("健全依法刑政制度体系", "刑", "行"),
        ("国际科学技木合作奖", "木", "术"),  # a slip of the eye: rendered look-alikes
        ("讨论决策革案时", "革", "草"),
    ],
)
def test_typical_slips_are_suspected(proofreader, text, wrong, right):
    suspects = [f for f in proofreader.check(text) if f.rule.startswith("stat:")]
    assert [(f.wrong, f.suggestion) for f in suspects] == [(wrong, right)]
    assert all(not f.certain and f.type == "typo" for f in suspects)


@pytest.mark.parametrize("text", ["大力培育发展大数据产业。", "全国人民代表大会常务委员会", "县财政局召开全体干部职工大会"])
def test_clean_sentences_are_silent(proofreader, text):
    assert [f for f in proofreader.check(text) if f.rule.startswith("stat:")] == []


def test_only_scores_at_the_threshold_become_findings():
    params = packaged_parameters()
    layer = StatisticalLayer({"数据": 9.0, "据": 2.0, "局": 6.0}, params)
    scores = {index: score for index, _, score in layer.suspects("大数局产业")}
    assert scores[2] > params.threshold
    assert [h.start for h in layer.scan("大数局产业")] == [2]


@pytest.mark.parametrize(
    "text",
    [
        "截至目前，全县隐患整改率达到百分之九十五。",  # productive suffix compound, not in jieba
        "项目总投资一点二亿元，二〇二三年建成。",  # Chinese numerals: 一点二 is no slip of 一点儿
        "加快推进政务服务标准化规范化便利化，推进治理能力现代化。",
    ],
)
def test_official_compounds_and_numbers_are_not_suspects(proofreader, text):
    assert [f for f in proofreader.check(text) if f.rule.startswith("stat:")] == []


@pytest.mark.parametrize("text", ["县卫健局召开专题会议。", "县民宗局开展宗教场所安全检查。", "县生态环境局通报空气质量。"])
def test_government_bodies_short_names_are_not_suspects(proofreader, text):
    assert [f for f in proofreader.check(text) if f.rule.startswith("stat:")] == []


def test_a_listed_name_spares_its_characters():
    params = packaged_parameters()
    table = {"县委": 12.0, "县": 9.0, "卫": 2.0, "健": 2.0, "局": 6.0}
    assert [(h.start, h.suggestion) for h in StatisticalLayer(table, params).scan("县卫健局")] == [(1, "委")]
    assert StatisticalLayer(table, params, ["县卫健局"]).scan("县卫健局") == []


SAMPLES = [
    "大力培育发展大数局产业。将天然气产供储销体系重大工程建射纳入专项督查。",
    "健全依法刑政制度体系，县财政局召开全体干部职工大会，传达学习党的二十大精神。",
    "据统计，全县共排查隐患12处，已整改9处，整改率75%。\n（汤峪镇供稿）",
    "坚持以人民为中心的发展思想，持续推动乡村振兴工作走深走实。",
]


@pytest.fixture(scope="module")
def layer():
    """A layer of its own, so that these tests start from an empty context cache."""
    return StatisticalLayer.packaged()


@pytest.mark.parametrize("text", SAMPLES)
def test_pruning_and_cache_change_no_finding(layer, text):
    """What the fast path skips provably scores below the threshold: compare with the exhaustive scores."""
    layer.clear_cache()
    threshold = layer.parameters.threshold
    exhaustive: dict[int, tuple[float, str]] = {}
    for feature in layer.features(text, prune=False):
        candidate = (layer.score(feature), feature.replacement)
        known = exhaustive.get(feature.index)
        if known is None or (candidate[0], known[1]) > (known[0], candidate[1]):
            exhaustive[feature.index] = candidate
    expected = sorted((i, r) for i, (s, r) in exhaustive.items() if s >= threshold)
    for _ in range(2):  # cold, then from the context cache
        assert sorted((h.start, h.suggestion) for h in layer.scan(text)) == expected
    layer.clear_cache()
    assert sorted((h.start, h.suggestion) for h in layer.scan(text)) == expected


def test_context_key_puts_the_character_in_the_middle():
    assert ContextIndex.key("abcdefghij", 5) == "cdefghi"
    assert ContextIndex.key("abc", 0) == "\n\n\nabc\n"
    assert ContextIndex.key("abc", 2) == "\nabc\n\n\n"
    assert all(start <= WIDTH < end for start, end, _ in WINDOWS) and len(WINDOWS) == 9


def test_wildcard_completions_come_most_frequent_first():
    assert wildcard_index({"数据": 9.0, "数局": 2.0, "数字": 5.0})["数?"] == "据字局"


TABLE = {"数据": 9.0, "大数据": 7.0, "产业": 8.0, "大": 6.0, "数": 5.0, "据": 4.0, "局": 4.5, "产": 2.0, "业": 2.0, "大局": 6.5}


def _best_split(text: str, cost: float) -> float:
    """Every split of `text` into table words (or single characters) tried: the most likely one's log probability."""
    if not text:
        return 0.0
    best = -math.inf
    for size in range(1, min(4, len(text)) + 1):
        word = TABLE.get(text[:size], math.log(0.5) if size == 1 else None)
        if word is not None:
            best = max(best, word - cost + _best_split(text[size:], cost))
    return best


@given(st.text(alphabet="大数据局产业", min_size=1, max_size=9), st.integers(min_value=0, max_value=8))
def test_gain_is_the_rise_of_the_contexts_best_split(text, at):
    index = at % len(text)
    context = ContextIndex(TABLE)
    cost = math.log(sum(math.exp(v) for v in TABLE.values()))
    key = ContextIndex.key(text, index)
    candidates = {char: "same_sound" for char in "大数据局产业" if char != key[WIDTH]}
    for other, (_, gain) in context.weigh(context.frame(key, 1.0), context.completions(key, candidates), 1.0, 1.0).items():
        replaced = key[:WIDTH] + other + key[WIDTH + 1 :]
        assert gain == pytest.approx(_best_split(replaced, cost) - _best_split(key, cost))


def test_weighing_with_a_floor_keeps_every_candidate_that_can_pass():
    context = ContextIndex(TABLE)
    key = ContextIndex.key("大数局产业", 2)
    frame, windows = context.frame(key, 2.0), context.completions(key, {"据": "same_sound", "大": "shape"})
    everything = context.weigh(frame, windows, 2.0, 3.0)
    for need in (-50.0, 0.0, 5.0, 20.0):
        kept = context.weigh(frame, windows, 2.0, 3.0, need)
        passing = {o: v for o, v in everything.items() if v[0] + 3.0 * v[1] >= need}
        assert {o: kept[o] for o in passing} == passing


def test_a_three_or_four_character_word_with_a_far_more_frequent_neighbour_is_a_suspect(proofreader):
    layer = next(each for each in proofreader.layers if each.name == "statistical")  # alone: the lexicon lists these too
    found = {(text[h.start], h.suggestion) for text in ("全县上下要再接再励。", "文章针贬时弊。", "园区建筑美仑美奂。") for h in layer.scan(text)}
    assert found == {("励", "厉"), ("贬", "砭"), ("仑", "轮")}
    assert [h for text in ("全县上下要再接再厉。", "文章针砭时弊。", "园区建筑美轮美奂。") for h in layer.scan(text)] == []


def test_the_neighbour_search_is_off_at_a_gap_no_word_can_reach():
    import dataclasses

    from govwatch.proofread.statistical import StatisticalLayer

    layer = StatisticalLayer.packaged()
    assert layer._near_neighbours("哈尔宾") == (2,) and layer._near_neighbours("哈尔滨") == ()
    layer.parameters = dataclasses.replace(layer.parameters, neighbour_gap=99.0)
    assert layer._near_neighbours("哈尔宾") == ()


def test_people_named_after_their_post_are_no_suspects(proofreader):
    for text in ("8月24日下午，县长高巍主持召开调度会。", "县政府领导孙旭、蔡军、李向平、罗平华、赵金锋参加。", "副县长秦献鹏，县政协副主席周学斌参加。"):
        assert [f for f in proofreader.check(text) if f.rule.startswith("stat:")] == []


def test_only_the_names_are_spared():
    from govwatch.proofread.statistical import _names_after_titles

    text = "市、县领导曾斌、欧春芳参加，县长高巍主持。县长要求各单位。"
    assert [text[a:b] for a, b in _names_after_titles(text)] == ["曾斌", "欧春芳", "高巍"]
