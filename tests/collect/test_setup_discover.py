"""`govwatch setup discover` against the demo portal and a portal of another CMS style (a 信息公开 tree of
unit pages, no ColumnName meta, the publisher in a 发布机构 line), and the draft validated by load-config."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

from govwatch.collect.fakes.server import FakeRequest, FakeResponse, LocalServer
from govwatch.config.draft import write_draft
from govwatch.config.loader import load_county_dir
from govwatch.domain.county import CrawlSettings
from govwatch.services.setup_discover import DiscoverLimits, DiscoveryError, discover
from tests.collect.conftest import FAST


def _by_name(found):
    return {(c.name, c.unit): c for c in found.columns}


def test_the_demo_portal_gives_every_column_with_its_unit_and_a_draft_that_loads(portal, portal_server, tmp_path):
    found = discover(portal.base + "/", FAST.model_copy(update={"proxy": portal_server.url}))
    assert {c.url for c in found.columns} == {c.url for c in portal.columns}
    served = {c.url: c for c in portal.columns}
    for column in found.columns:
        assert column.name == served[column.url].name and column.name_from == "meta"
        assert column.items == served[column.url].articles and not column.items_capped
    news = next(c for c in found.columns if c.name == "部门动态")
    assert news.shared and len(news.sources) > 5
    own = next(c for c in found.columns if c.name == "财政资金信息")
    assert own.unit == "县财政局" and own.last_update is not None
    write_draft(found, tmp_path, proxy=portal_server.url)
    config = load_county_dir(tmp_path)
    assert config.county.county.name == "眉县"
    crawled = {row.url for row in config.county.assignment_rows}
    assert crawled == {c.url for c in portal.columns}
    text = (tmp_path / "county.yaml").read_text(encoding="utf-8")
    assert "周期为推测" in text and "名称取自 ColumnName 元数据" in text


def _page(title: str, body: str, meta: str = "") -> str:
    return (f"<html><head><meta charset='utf-8'>{meta}<title>{title}</title></head>"
            f"<body><div class='top'><a href='/'>网站首页</a> <a href='/zwgk/index.jsp'>政府信息公开</a></div>{body}</body></html>")


class TreePortal:
    """A 政府信息公开 tree in the Hanweb/JCMS manner: the disclosure page lists units, each unit page its
    columns; column pages carry no ColumnName meta (the name is in <h3>), articles give 发布机构 in text."""

    UNITS: ClassVar[dict[str, str]] = {"101": "县民政局", "102": "城关镇人民政府"}
    COLUMNS: ClassVar[dict[str, list[tuple[str, str]]]] = {"101": [("2001", "社会救助"), ("2002", "政策文件")], "102": [("2003", "财政预决算")]}

    def __init__(self) -> None:
        self.pages: dict[str, str] = {
            "/": _page("某县人民政府", "<ul><li><a href='/zwgk/index.jsp'>政府信息公开</a></li>"
                       "<li><a href='/about.html'>走进某县</a></li></ul>",
                       "<meta name='SiteName' content='某县人民政府'>"),
            "/about.html": _page("走进某县", "<p>某县位于……</p>"),
            "/zwgk/index.jsp": _page("政府信息公开", "<ul>" + "".join(
                f"<li><a href='/zwgk/unit_{u}.html'>{name}</a></li>" for u, name in self.UNITS.items()) + "</ul>"),
        }
        for unit, columns in self.COLUMNS.items():
            links = "".join(f"<li><a href='/zwgk/col_{c}/list.html'>{name}</a></li>" for c, name in columns)
            self.pages[f"/zwgk/unit_{unit}.html"] = _page(self.UNITS[unit], f"<ul class='tree'>{links}</ul>")
            for number, (column, name) in enumerate(columns):
                rows = "".join(
                    f"<tr><td><a href='/zwgk/col_{column}/content_{column}{i}.html'>{name}第{i}号</a></td>"
                    f"<td>2023-0{5 + i % 2}-1{i}</td></tr>" for i in range(3 + number))
                self.pages[f"/zwgk/col_{column}/list.html"] = _page(name, f"<h3>{name}</h3><table>{rows}</table>")
                for i in range(3 + number):
                    self.pages[f"/zwgk/col_{column}/content_{column}{i}.html"] = _page(
                        f"{name}第{i}号", f"<h1>{name}第{i}号</h1><table class='info'><tr><td>发布机构：{self.UNITS[unit]}"
                        f"</td><td>成文日期：2023-06-1{i}</td></tr></table><div class='content'><p>正文内容。</p></div>")

    def __call__(self, request: FakeRequest) -> FakeResponse:
        if request.path == "/robots.txt":
            return FakeResponse(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"})
        page = self.pages.get(request.path)
        if page is None:
            return FakeResponse(404, b"not found")
        return FakeResponse(200, page.encode(), {"Content-Type": "text/html; charset=utf-8"})


def test_a_disclosure_tree_of_another_cms_is_read_with_headings_and_publisher_lines(tmp_path):
    with LocalServer(TreePortal()) as server:
        found = discover(server.url + "/", FAST)
    columns = _by_name(found)
    assert set(columns) == {("社会救助", "县民政局"), ("政策文件", "县民政局"), ("财政预决算", "城关镇人民政府")}
    assert all(c.name_from == "heading" and c.disclosure for c in found.columns)
    assert columns[("政策文件", "县民政局")].items == 4
    assert f"{columns[('社会救助', '县民政局')].last_update:%Y-%m-%d}" == "2023-06-11"  # items dated 05-10, 06-11, 05-12
    write_draft(found, tmp_path)
    county = load_county_dir(tmp_path).county
    assert county.county.name == "某县"
    assert str(county.unit("城关镇人民政府").kind) == "镇街"
    assert len(county.assignment_rows) == 3


def test_the_page_bound_holds_and_is_said(tmp_path):
    with LocalServer(TreePortal()) as server:
        found = discover(server.url + "/", FAST, DiscoverLimits(max_pages=4))
    assert found.capped and found.pages_read == 4
    write_draft(found, tmp_path)
    assert "已达页数上限" in (tmp_path / "county.yaml").read_text(encoding="utf-8")


def test_an_unreachable_home_page_is_a_clear_error():
    with pytest.raises(DiscoveryError, match="无法读取首页"):
        discover("http://127.0.0.1:9/", CrawlSettings(retries=0, timeout_seconds=2))


def test_the_cli_refuses_to_overwrite_a_county_folder(tmp_path: Path):
    from typer.testing import CliRunner

    from govwatch.cli import app

    (tmp_path / "county.yaml").write_text("county: {}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["setup", "discover", "http://127.0.0.1:9/", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "已存在" in result.output
