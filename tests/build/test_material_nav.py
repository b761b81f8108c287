"""Material's navigation rendered with each link once (mkdocs_plugin/material_nav.py): the same
bytes as Material renders it page by page, on a site whose navigation has sections, a section
with an index page, nested sections, an external link and pages at several depths."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from mkdocs.config import load_config

from edition.mkdocs_plugin import material_nav

from ..conftest import mkdocs_build

PAGES = {
    "index.md": "# 首页\n\n正文。\n",
    "a/index.md": "# 第一部分\n\n## 概要\n\n正文。\n",
    "a/one.md": "# 一\n\n## 小节\n\n正文。\n\n## 又一节\n\n正文。\n",
    "a/two.md": "# 二\n\n正文。\n",
    "a/b/three.md": "# 三\n\n## 小节\n\n正文。\n",
    "a/b/four.md": "# 四\n\n正文。\n",
    # (Metadata the template prints, one value a list: no key for the kept links.)
    "b/five.md": "---\ntitle: 五\nsubtitle: [甲, 乙]\nicon: material/book\n---\n\n正文，无标题。\n",
    "six.md": "# 六\n\n## 小节\n\n正文。\n",
    **{f"c/{n}.md": f"# 丙{n}\n\n正文。\n" for n in range(1, 5)},
}
NAV = """\
nav:
  - 首页: index.md
  - 第一部分:
      - a/index.md
      - a/one.md
      - a/two.md
      - 子节:
          - a/b/three.md
          - a/b/four.md
  - 第二部分:
      - b/five.md
      - 外链: https://example.com/
  - six.md
  - 第三部分: [c/1.md, c/2.md, c/3.md, c/4.md]
"""
HOOK = """\
from edition.mkdocs_plugin import material_nav

def on_env(env, config, files):
    return material_nav.install(env)
"""
#: A plugin that retitles each page as it is built: the pages built after it link it by its new title.
RETITLE = """\
def on_page_context(context, page, config, nav):
    page.title = page.title + "（已读）"
    return context
"""


def project(root: Path, features: list[str], directory_urls: bool, retitle: bool = False) -> Path:
    for name, text in PAGES.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    (root / "hook.py").write_text(HOOK, encoding="utf-8")
    (root / "retitle.py").write_text(RETITLE, encoding="utf-8")
    config = textwrap.dedent(f"""\
        site_name: 导航
        site_url: https://example.org/nav/
        use_directory_urls: {str(directory_urls).lower()}
        theme:
          name: material
          language: zh
          features: [{", ".join(features)}]
        markdown_extensions:
          - toc:
              permalink: true
        """) + NAV
    hooks = ["retitle.py"] if retitle else []
    (root / "plain.yml").write_text(config + f"hooks: [{', '.join(hooks)}]\n", encoding="utf-8")
    (root / "cached.yml").write_text(config + f"hooks: [{', '.join([*hooks, 'hook.py'])}]\n", encoding="utf-8")
    return root


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("features", "directory_urls", "retitle"), [
    (["navigation.sections"], True, False),
    (["navigation.indexes", "navigation.tabs", "navigation.prune", "toc.integrate"], False, False),
    (["navigation.sections"], True, True),
], ids=["sections", "indexes-tabs-prune", "pages-retitled-as-built"])
def test_the_navigation_is_the_bytes_material_renders(tmp_path: Path, features: list[str],
                                                      directory_urls: bool, retitle: bool) -> None:
    root = project(tmp_path, features, directory_urls, retitle)
    plain = mkdocs_build(root / "plain.yml", root / "plain")
    cached = mkdocs_build(root / "cached.yml", root / "cached")
    assert plain.returncode == 0, plain.log
    assert cached.returncode == 0, cached.log
    ours, theirs = files(cached.site), files(plain.site)
    assert ours.keys() == theirs.keys()
    assert [name for name in ours if ours[name] != theirs[name]] == []
    # What is rendered once: the links to the other pages (each page's navigation holds them).
    pages = [markup for name, markup in ours.items() if name.endswith(".html") and name != "404.html"]
    assert len(pages) == len(PAGES)
    assert all(markup.count(b'<li class="md-nav__item">') >= 1 for markup in pages)


def test_material_s_own_template_is_changed_and_no_override_of_it(tmp_path: Path) -> None:
    root = project(tmp_path, ["navigation.sections"], True)
    env = material_nav.install(load_config(str(root / "plain.yml")).theme.get_env())
    source = env.loader.get_source(env, material_nav.TEMPLATE)[0]
    assert source.count(material_nav.CHILDREN) == 1 and not material_nav.LOOP.search(source)
    # A site's own nav-item.html (theme.custom_dir), even with Material's loop, renders as it is written.
    loop = material_nav.LOOP.search(material_nav._Loader(env.loader.inner, Path("/nowhere")).get_source(
        env, material_nav.TEMPLATE)[0])
    assert loop is not None
    override = root / "overrides" / "partials" / "nav-item.html"
    override.parent.mkdir(parents=True)
    written = "{% macro render(nav_item, path, level, parent) %}" + loop.group() + "{% endmacro %}"
    override.write_text(written, encoding="utf-8")
    (root / "custom.yml").write_text((root / "plain.yml").read_text(encoding="utf-8").replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n"), encoding="utf-8")
    env = material_nav.install(load_config(str(root / "custom.yml")).theme.get_env())
    assert env.loader.get_source(env, material_nav.TEMPLATE)[0] == written
