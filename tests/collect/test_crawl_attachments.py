"""Attachments in the ordinary crawl: a 低保 list with full ID numbers published as a spreadsheet is
found, stored against the article that links it with the file's URL, and counted with its findings;
the same list masked stays silent; a corrupt file is a finding, not a crash."""

from __future__ import annotations

from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from sqlalchemy import select

from govwatch.collect.crawl.fetch import Request
from govwatch.collect.crawl.listing import parse_list_page
from govwatch.collect.extract.charset import decode_html
from govwatch.collect.fakes.portal import Portal
from govwatch.collect.fakes.server import FakeRequest, FakeResponse, LocalServer
from govwatch.services.checking import check_posts, county_proofreader
from govwatch.services.crawl import run_crawl
from govwatch.services.recheck import recheck_posts
from govwatch.store.attachments import AttachmentRow
from govwatch.store.collection import open_findings
from govwatch.store.counties import load_stored_county
from govwatch.store.tables import FindingRow, PostRow
from tests.collect.attachment_files import dibao_rows, xlsx_bytes
from tests.collect.conftest import FAST, targets_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class WithAttachments:
    """The demo portal, with files linked from chosen articles: path of the article → paths of its files."""

    def __init__(self, portal: Portal, links: dict[str, list[str]], files: dict[str, bytes]) -> None:
        self.portal, self.links, self.files = portal, links, files
        self.hits: dict[str, int] = {}

    def __call__(self, request: FakeRequest) -> FakeResponse:
        self.hits[request.path] = self.hits.get(request.path, 0) + 1
        if request.path in self.files:
            return FakeResponse(200, self.files[request.path], {"Content-Type": XLSX})
        response = self.portal(request)
        if request.path in self.links and response.status == 200:
            anchors = "".join(f'<p><a href="{p}">{p.rsplit("/", 1)[-1]}</a></p>' for p in self.links[request.path])
            response.body = response.body.replace(b"</body>", anchors.encode("ascii") + b"</body>")
        return response


def _two_articles(portal: Portal):
    """A column whose first list page lists two articles, and their paths."""
    for target in targets_of(portal):
        page = portal(FakeRequest("GET", "www.meixian.gov.cn", urlsplit(target.url).path, {}, {}, b""))
        if page.status != 200:
            continue
        listing = parse_list_page(decode_html(page.body, page.headers.get("Content-Type"))[0],
                                  Request(target.url, kind="list"), ZoneInfo("Asia/Shanghai"))
        if len(listing.items) >= 2:
            return target, [urlsplit(i.url).path for i in listing.items[:2]]
    raise AssertionError("no column lists two articles")


def _crawl(db, portal, proofreader=True):
    target, (leaky, masked) = _two_articles(portal)
    files = {"/uploads/2023/dibao_full.xlsx": xlsx_bytes(dibao_rows(3)),
             "/uploads/2023/dibao_masked.xlsx": xlsx_bytes(dibao_rows(3, mask=True)),
             "/uploads/2023/broken.xlsx": b"PK\x03\x04 not really a workbook"}
    app = WithAttachments(portal, {leaky: ["/uploads/2023/dibao_full.xlsx", "/uploads/2023/broken.xlsx"],
                                   masked: ["/uploads/2023/dibao_masked.xlsx", "http://www.example.com/x.xlsx"]},
                          files)
    with db.transaction() as session:
        stored = load_stored_county(session)
        checker = county_proofreader(session, stored.id) if proofreader else None
    with LocalServer(app) as server:
        report = run_crawl(db, stored, checker, [target], settings=FAST.model_copy(update={"proxy": server.url}))
    return stored, report, app, leaky, masked


def _post_findings(db, path):
    with db.transaction() as session:
        post = session.scalar(select(PostRow).where(PostRow.url == f"http://www.meixian.gov.cn{path}"))
        assert post is not None
        return [(f.rule, f.wrong, f.explanation) for f in
                session.scalars(select(FindingRow).where(FindingRow.post_id == post.id))]


def test_unmasked_ids_in_an_attached_spreadsheet_are_the_articles_findings(stored_db, portal):
    stored, _, app, leaky, masked = _crawl(stored_db, portal)
    ids = [f for f in _post_findings(stored_db, leaky) if f[0] == "privacy:id-card"]
    assert len(ids) == 3
    assert all("dibao_full.xlsx" in explanation and "http://www.meixian.gov.cn/uploads/2023/dibao_full.xlsx"
               in explanation for _, _, explanation in ids)
    assert all("*" in wrong for _, wrong, _ in ids)  # the finding never carries the number itself
    assert not [f for f in _post_findings(stored_db, masked) if f[0].startswith("privacy")]
    assert app.hits["/uploads/2023/dibao_full.xlsx"] == 1  # fetched once: the link check reuses it
    with stored_db.transaction() as session:
        files = set(session.scalars(select(AttachmentRow.filename)))
        assert files == {"dibao_full.xlsx", "dibao_masked.xlsx"}  # another site's file is only link-checked
        found = {(f.kind, f.url.rsplit("/", 1)[-1]) for f in open_findings(session, stored.id)}
    assert ("attachment_unreadable", "broken.xlsx") in found


def test_checking_again_keeps_the_attachment_findings(stored_db, portal):
    _crawl(stored_db, portal)
    with stored_db.transaction() as session:
        stored = load_stored_county(session)
        rows = list(session.scalars(select(PostRow).where(PostRow.county_id == stored.id)))
        added, removed = recheck_posts(session, rows, county_proofreader(session, stored.id))
    assert (added, removed) == (0, 0)


def test_a_crawl_without_proofreader_leaves_attachments_for_the_checking_queue(stored_db, portal):
    _, _, _, leaky, _ = _crawl(stored_db, portal, proofreader=False)
    assert _post_findings(stored_db, leaky) == []
    with stored_db.transaction() as session:
        assert session.scalar(select(AttachmentRow.filename)) == "dibao_full.xlsx"
        stored = load_stored_county(session)
        rows = list(session.scalars(select(PostRow).where(PostRow.checked_at.is_(None))))
        check_posts(session, rows, county_proofreader(session, stored.id))
    assert len([f for f in _post_findings(stored_db, leaky) if f[0] == "privacy:id-card"]) == 3


def test_an_attachment_beyond_the_page_bytes_is_said_not_silently_skipped():
    from govwatch.collect.crawl.crawler import ColumnTarget
    from tests.collect.conftest import run_crawl as crawl_into_lists

    class Site:
        def __call__(self, request: FakeRequest) -> FakeResponse:
            if request.path == "/list/index.html":
                return FakeResponse(200, "<ul><li><a href='/a/t20230601_1.html'>名单公示</a> 2023-06-01</li></ul>".encode(),
                                    {"Content-Type": "text/html; charset=utf-8"})
            if request.path == "/a/t20230601_1.html":
                return FakeResponse(200, ("<html><head><meta name='PubDate' content='2023-06-01 09:00'><title>名单公示</title>"
                                          "</head><body><h1>名单公示</h1><div class='TRS_Editor'><p>见附件。</p>"
                                          "<a href='/u/big.xlsx'>big.xlsx</a></div></body></html>").encode(),
                                    {"Content-Type": "text/html; charset=utf-8"})
            if request.path == "/u/big.xlsx":
                return FakeResponse(200, b"PK" + b"\x00" * 3_000_000, {"Content-Type": XLSX})
            return FakeResponse(404, b"")

    with LocalServer(Site()) as server:
        sink, _ = crawl_into_lists([ColumnTarget("c", f"{server.url}/list/index.html")],
                                   FAST.model_copy(update={"max_page_bytes": 1_000_000}))
    [said] = sink.kinds("attachment_unreadable")
    assert said.url.endswith("/u/big.xlsx") and said.page.endswith("t20230601_1.html")
    assert not sink.kinds("dead_link") and sink.pages[0].attachments == ()
