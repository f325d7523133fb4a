"""HTML of a TRS/Hanweb-style county portal: home, list pages with their pagers, articles."""

from __future__ import annotations

from html import escape

from govwatch.domain.incoming import IncomingPost

SITE_CODE = "6103260001"  # a 10-digit 网站标识码, as 政府网站发展指引 requires on every page


def _head(title: str, site: str, domain: str, extra_meta: dict[str, str], charset: str | None) -> str:
    meta = {"SiteName": site, "SiteDomain": domain, "SiteIDCode": SITE_CODE, **extra_meta}
    tags = "".join(f'<meta name="{k}" content="{escape(v)}">\n' for k, v in meta.items())
    declared = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n' if charset else ""
    return f"<!DOCTYPE html>\n<html><head>\n{declared}{tags}<title>{escape(title)}_{escape(site)}</title></head>\n"


def _nav(columns: list[tuple[str, str]]) -> str:
    links = "".join(f'<li><a href="{url}">{escape(name)}</a></li>' for name, url in columns[:12])
    return f'<div class="nav"><a href="/">首页</a><ul>{links}</ul></div>\n'


def list_item(post: IncomingPost, path: str) -> str:
    title = escape(post.title)
    return f'<li><a href="{path}" title="{title}" target="_blank">{title}</a><span>{post.published_at:%Y-%m-%d}</span></li>'


def home(site: str, domain: str, columns: list[tuple[str, str]]) -> str:
    links = "".join(f'<li><a href="{url}">{escape(name)}</a></li>' for name, url in columns)
    return _head("首页", site, domain, {}, "utf-8") + f"<body>{_nav(columns)}<ul class='columns'>{links}</ul></body></html>"


def list_page(site: str, domain: str, column: str, items: list[str], pager: str,
              columns: list[tuple[str, str]]) -> str:
    """One page of a column; `pager` is the script or link markup that leads to the next page."""
    meta = {"ColumnName": column, "ColumnType": "信息列表", "ColumnDescription": f"{column}栏目"}
    body = f"<body>{_nav(columns)}<h2>{escape(column)}</h2><ul class='list'>{''.join(items)}</ul>{pager}</body></html>"
    return _head(column, site, domain, meta, "utf-8") + body


def script_pager(pages: int, index: int) -> str:
    """TRS WCM: the page count exists only in this script call."""
    return f'<div class="page"><script>createPageHTML({pages}, {index}, "index", "html");</script></div>'


def link_pager(next_url: str | None) -> str:
    nxt = f'<a href="{next_url}">下一页</a>' if next_url else "<span>下一页</span>"
    return f'<div class="page"><a href="index.html">首页</a> {nxt}</div>'


def hanweb_pager(column_id: int, unit_id: int) -> str:
    """大汉 JCMS: the list is loaded by the pager script from dataproxy.jsp."""
    return (f'<div id="div{column_id}"></div><script type="text/javascript" src="/module/web/jpage/jpage.js">'
            f"</script><script>var pageConfig = {{columnid:'{column_id}', unitid:'{unit_id}', webid:'1', "
            f"appid:'1', url:'/module/web/jpage/dataproxy.jsp', perpage:15}};</script>")


def hanweb_records(records: list[str], total: int) -> str:
    rows = "".join(f"<record><![CDATA[{r}]]></record>" for r in records)
    return (f'<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>{total}</totalrecord>'
            f"<recordset>{rows}</recordset></datastore>")


def article(site: str, domain: str, column: str, post: IncomingPost, with_meta: bool, charset: str | None,
            extra_links: list[str], columns: list[tuple[str, str]]) -> str:
    """An article page; without meta tags it shows only the visible 发布时间 / 来源 line."""
    published = post.published_at.strftime("%Y-%m-%d %H:%M" + (":%S" if post.published_at.second else ""))
    source = post.unit or ""
    meta = {"ColumnName": column, "ArticleTitle": post.title, "PubDate": published, "ContentSource": source,
            "Keywords": column} if with_meta else {}
    links = "".join(f'<p><a href="{url}">相关链接</a></p>' for url in extra_links)
    body = (f"<body>{_nav(columns)}<div class='article'><h1>{escape(post.title)}</h1>"
            f"<div class='info'>发布时间：{published} | 来源：{escape(source)}</div>"
            f"<div class='TRS_Editor'><p>{escape(post.text)}</p></div>{links}</div></body></html>")
    return _head(post.title, site, domain, meta, charset) + body
