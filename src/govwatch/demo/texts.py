"""Writing the demo's titles and bodies from the phrase pools (demo/phrases.yaml)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from ruamel.yaml import YAML


@cache
def phrases() -> dict[str, list[str]]:
    """The packaged phrase pools."""
    text = resources.files("govwatch.demo").joinpath("phrases.yaml").read_text(encoding="utf-8")
    return YAML(typ="safe").load(text)


@dataclass
class TextMaker:
    """Deterministic prose for one demo run (the same seed writes the same words)."""

    rng: random.Random

    def _fill(self, template: str, unit: str, day: date, column: str = "") -> str:
        topic = self.rng.choice(phrases()["topics"])
        return template.format(unit=unit, topic=topic, month=day.month, day=day.day, column=column)

    def _body(self, unit: str, day: date, planted: str | None) -> str:
        sentences = [self._fill(s, unit, day) for s in self.rng.sample(phrases()["bodies"], 4)]
        if planted:
            sentences.insert(1, planted)
        return "".join(sentences)

    def article(self, unit: str, column: str, day: date, planted: str | None = None) -> tuple[str, str]:
        title = self._fill(self.rng.choice(phrases()["article_titles"]), unit, day, column)
        return title, self._body(unit, day, planted)

    def news(self, unit: str, day: date, planted: str | None = None) -> tuple[str, str]:
        title = self._fill(self.rng.choice(phrases()["news_titles"]), unit, day)
        return title, self._body(unit, day, planted)

    def original_post(self, unit: str, day: date) -> tuple[str, str]:
        title = self._fill(self.rng.choice(phrases()["post_titles"]), unit, day)
        return title, self._body(unit, day, None)

    def repost(self, recommended: bool) -> tuple[str, str]:
        pool = phrases()["recommended_titles" if recommended else "other_repost_titles"]
        return self.rng.choice(pool), ""
