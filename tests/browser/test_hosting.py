"""Hosting: the site under a sub-path as GitHub Pages serves it (a missing page gets the root
404.html), its helpful 404 page in both editions, and the offline copy opened from file://."""

from __future__ import annotations

import functools
import http.server
import io
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from ..conftest import ROOT, Build, copy_project, mkdocs_build

pytestmark = pytest.mark.browser

PREFIX = "/edition/"  # the path of site_url in mkdocs.yml


class _Pages(http.server.SimpleHTTPRequestHandler):
    """Like GitHub Pages: the site under a sub-path; a missing file gets 404.html with status 404."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path.startswith(PREFIX):
            self.path = "/" + self.path[len(PREFIX):]
            local = Path(self.translate_path(self.path))
            if local.is_file() or (local / "index.html").is_file():
                return super().send_head()
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="module")
def pages_url(built_site: Build) -> Iterator[str]:
    handler = functools.partial(_Pages, directory=str(built_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{PREFIX}"
    server.shutdown()
    server.server_close()


def test_the_site_works_under_a_sub_path(page: Page, pages_url: str) -> None:
    page.goto(pages_url)
    page.get_by_role("navigation", name="导航栏").get_by_role("link", name="开篇").click()
    page.wait_for_url(pages_url + "text/opening/")
    page.locator("button.edition-search-open").click()
    page.locator("input.edition-search__input").fill("泾渭分明")
    page.locator("input.edition-search__input").press("End")
    expect(page.locator("#edition-search-results > li")).to_have_count(1)
    page.locator("input.edition-search__input").press("Enter")  # the best result
    page.wait_for_url(pages_url + "text/opening/?h=*#p-0-5")
    expect(page.locator("#p-0-5 mark.edition-hit")).to_have_text("泾渭分明")


@pytest.fixture(scope="module")
def hosted_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built for the host it is served from (site_url on the test server's own address),
    as GitHub Pages serves it: the theme's lookups under site_url reach this server."""
    root = copy_project(tmp_path_factory.mktemp("hosted") / "project", build=True)
    site = root / "site"
    site.mkdir()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Pages, directory=str(site)))
    url = f"http://127.0.0.1:{server.server_port}{PREFIX}"
    config = root / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {url}", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    build = mkdocs_build(config, site)
    assert build.returncode == 0, build.log
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()
    server.server_close()


def test_a_page_view_on_its_host_requests_nothing_missing(page: Page, hosted_url: str) -> None:
    responses: list[tuple[int, str]] = []
    page.on("response", lambda response: responses.append((response.status, response.url)))
    for path in ("", "text/building-cars/", "zh-Hant/timeline/"):
        page.goto(hosted_url + path)
        page.wait_for_load_state("networkidle")
    assert [(status, url) for status, url in responses if status >= 400] == []
    assert any(url.startswith(hosted_url) for _, url in responses)


def test_a_missing_page_gets_the_helpful_404(page: Page, pages_url: str) -> None:
    response = page.goto(pages_url + "text/no-such-page/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("找不到这一页")
    expect(page.locator(".edition-not-found-alternate")).to_be_hidden()
    for link in page.locator("article a[href]").all():
        target = page.request.get(link.evaluate("a => a.href"))
        assert target.status == 200, link.get_attribute("href")


def test_a_reader_lost_in_the_traditional_edition_is_led_back_to_it(page: Page, pages_url: str) -> None:
    response = page.goto(pages_url + "zh-Hant/text/no-such-page/")
    assert response is not None and response.status == 404  # the host serves the root 404.html
    line = page.locator(".edition-not-found-alternate")
    expect(line).to_be_visible()
    line.get_by_role("link", name="繁體中文").click()
    page.wait_for_url(pages_url + "zh-Hant/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")


def test_the_traditional_404_reads_in_traditional(built_site: Build) -> None:
    text = (built_site.site / "zh-Hant/404.html").read_text(encoding="utf-8")
    assert "<h1 id=\"not-found\">找不到這一頁</h1>" in text and 'href="/edition/zh-Hant/glossary/"' in text


def test_the_offline_copy_opens_from_the_file_system(browser: Browser, tmp_path: Path) -> None:
    """From file://, with the network cut: the pages, the switcher, and search (in the page, from
    search/search_index.js), a Simplified query in the Traditional edition."""
    os.environ["OFFLINE"] = "true"
    try:
        build = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "site")
    finally:
        del os.environ["OFFLINE"]
    assert build.returncode == 0, build.log
    for edition in ("", "zh-Hant/"):
        assert (build.site / edition / "search/search_index.js").read_text(encoding="utf-8").startswith(
            'var EDITION_SEARCH_INDEX = {"config":{')
    context = browser.new_context(offline=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((build.site / "index.html").as_uri())
    page.get_by_role("navigation", name="导航栏").get_by_role("link", name="小米造车的思考").click()
    page.wait_for_url("**/text/building-cars.html")
    expect(page.locator("h1")).to_contain_text("小米造车的思考")
    page.get_by_role("button", name="选择当前语言").hover()
    page.get_by_role("link", name="繁體中文").click()
    page.wait_for_url("**/zh-Hant/text/building-cars.html*")  # with the paragraph on screen, if scrolled
    expect(page.locator("h1")).to_contain_text("小米造車的思考")
    page.keyboard.press("/")
    page.locator("input.edition-search__input").fill("泾渭分明")
    expect(page.locator("#edition-search-status")).to_have_text("找到 1 筆結果")
    page.locator("input.edition-search__input").press("Enter")
    page.wait_for_url("**/zh-Hant/text/opening.html?h=*#p-0-5")
    expect(page.locator("#p-0-5 mark.edition-hit")).to_have_text("涇渭分明")
    context.close()
    assert errors == []
