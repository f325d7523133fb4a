"""What every page must carry: the 政府网站发展指引 meta tags, the footer's identity marks, and a
办事指南's elements.

Meta tag names are those of 政府网站发展指引 (国办发〔2017〕47号), 附件 "政府网站网页元数据" (docs/rules.md
cites it): every page SiteName, SiteDomain, SiteIDCode; column (list) pages also ColumnName,
ColumnDescription, ColumnKeywords, ColumnType; article pages also ArticleTitle, PubDate, ContentSource.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from govwatch.domain.sitecheck.model import GatheredPage, SiteFinding

SITE_META = ("SiteName", "SiteDomain", "SiteIDCode")
LIST_META = ("ColumnName", "ColumnDescription", "ColumnKeywords", "ColumnType")
ARTICLE_META = ("ArticleTitle", "PubDate", "ContentSource")
REQUIRED_META = {"home": SITE_META, "list": SITE_META + LIST_META, "article": SITE_META + ARTICLE_META,
                 "guide": SITE_META + ARTICLE_META, "interaction": SITE_META, "other": SITE_META}

# How each identity mark shows in a footer (its text, its images' alt/src, its links' hrefs).
IDENTITY_PATTERNS = {
    "党政机关标识": re.compile(r"conac\.cn|dzjg|党政机关(?:网站)?标识", re.I),
    "网站标识码": re.compile(r"网站标识码\s*[：:]?\s*[0-9A-Za-z]{10}"),
    "ICP备案号": re.compile(r"ICP\s*备\s*\d{6,}\s*号", re.I),
    "公安机关备案号": re.compile(r"公网安备\s*\d{10,}\s*号"),
}


def meta_missing(pages: Iterable[GatheredPage]) -> list[SiteFinding]:
    """Each page lacking a meta tag its type requires, the tags named as the guideline names them."""
    found = []
    for page in pages:
        missing = [name for name in REQUIRED_META[page.type] if not page.meta.get(name.lower())]
        if missing:
            found.append(SiteFinding(kind="meta_missing", rule="meta_missing", url=page.url, column=page.column,
                                     detail="页面缺少元数据：" + "、".join(missing)))
    return found


def identity_missing(pages: Iterable[GatheredPage], marks: Iterable[str]) -> list[SiteFinding]:
    """Once for the site: each required mark some pages lack, with how many and one example page.

    Only pages of the site's own templates are judged (home, list, article, guide): a bare file or an
    error page has no footer to look at."""
    judged = [p for p in pages if p.type in ("home", "list", "article", "guide")]
    found = []
    for mark in marks:
        pattern = IDENTITY_PATTERNS[mark]
        lacking = [p for p in judged if not pattern.search(p.footer)]
        if lacking:
            example = next((p for p in lacking if p.type == "home"), lacking[0])
            found.append(SiteFinding(kind="identity_missing", rule="identity_missing", url=example.url,
                                     detail=f"网站页面缺少{mark}：{len(lacking)}/{len(judged)} 个页面未展示，"
                                            f"例如 {example.url}"))
    return found


def _present(fields: dict[str, str], labels: tuple[str, ...]) -> bool:
    """Whether one of `labels` heads a field with content (a label followed by nothing, 无 or / is missing)."""
    return any(label in name and value.strip(" ：:　/-无") for name, value in fields.items() for label in labels)


def guide_incomplete(pages: Iterable[GatheredPage], elements: dict[str, tuple[str, ...]]) -> list[SiteFinding]:
    """A 办事指南 missing any required element, the missing ones named."""
    found = []
    for page in pages:
        if page.type != "guide":
            continue
        missing = [name for name, labels in elements.items() if not _present(page.fields, labels)]
        if missing:
            found.append(SiteFinding(kind="guide_incomplete", rule="guide_incomplete", url=page.url,
                                     column=page.column, detail="办事指南缺少要素：" + "、".join(missing)))
    return found
