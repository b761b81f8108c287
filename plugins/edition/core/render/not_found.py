"""The edition's "page not found": what a reader can do next, put into the content of the page the
site generator built for a missing page (404.html).

A static host serves the root 404.html for a missing page anywhere, so its links are absolute on
the site's path, and a reader lost under another edition's path is offered that edition's home
page too (assets/edition.js reveals the matching line; the link is a data-href, as the further
editions' copies of the page would otherwise point it into themselves).
"""

from __future__ import annotations

import html
from collections.abc import Sequence


def content(site_path: str, pages: Sequence[tuple[str, str]], editions: Sequence[tuple[str, str, str]],
            example: str, search: bool) -> str:
    """The page's content. `site_path` is the site's path on its host ("/edition/"); `pages` the
    (title, site-relative URL) of the pages to offer after the home page; `editions` the
    (language tag, path, name) of the further editions; `example` a paragraph id of the text."""
    links = [f'<a href="{html.escape(site_path + url)}">{html.escape(title)}</a>' for title, url in pages]
    listed = "、".join(links[:-1]) + "和" + links[-1] if len(links) > 1 else "".join(links)
    same = "在各个版本中都一样，" if editions else ""
    items = []
    if search:
        items.append("<li>用搜索找：词的任何一段都能找到，简体、繁体输入都可以。</li>")
    items.append(f'<li>从<a href="{html.escape(site_path)}">首页</a>开始' + (f"，或者看{listed}" if listed else "")
                 + "。</li>")
    out = [
        '<h1 id="not-found">找不到这一页</h1>',
        "<p>这个地址没有对应的页面：也许链接抄错了，或者页面改了名。"
        + (f"正文每一段的编号（如 <code>{html.escape(example)}</code>）{same}可以用它来找。" if example else "")
        + "</p>",
        f"<ul>{''.join(items)}</ul>",
    ]
    for code, path, name in editions:
        folder = path.strip("/")
        out.append(f'<p class="edition-not-found-alternate" data-edition-path="{html.escape(folder)}" '
                   f'lang="{html.escape(code)}" hidden><a data-href="{html.escape(site_path + folder)}/">'
                   f"{html.escape(name)}</a></p>")
    return "\n".join(out)
