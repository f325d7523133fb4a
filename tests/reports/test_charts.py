"""Charts as PNG and SVG, with a CJK font where one is installed."""

from govwatch.reports import charts


def test_charts_are_written_as_png_and_svg(demo_report):
    names = sorted(p.name for p in demo_report.charts)
    assert names == sorted(f"{n}.{ext}" for n in ("等次分布", "各单位信息条数", "月度趋势") for ext in ("png", "svg"))
    for path in demo_report.charts:
        assert path.stat().st_size > 1000
    svg = next(p for p in demo_report.charts if p.name == "等次分布.svg").read_text(encoding="utf-8")
    assert "附件1 信息公开" in svg and "<dc:date>" not in svg


def test_font_choice_falls_back_to_none_when_no_cjk_font(monkeypatch):
    monkeypatch.setattr(charts, "CJK_FONTS", ("No Such Font",))
    assert charts.cjk_font() is None
