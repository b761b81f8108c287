"""`scripts/site serve` as a contributor uses it: a real `edition serve` process on a copy of the
project, the same mistake made twice (every failed rebuild prints its messages in full), and a
page view that requests nothing the server does not have (no 404s, sitemap lookups included)."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from ..conftest import copy_project

pytestmark = pytest.mark.browser

#: How long to wait for the server to report a build: a hang fails the test, nothing is timed.
WAIT = 180
BAD_NOTE = """notes:
  - id: n-serve-test
    category: background
    targets:
      - page: opening
        quote: "这句话不在正文里"
    body: 测试。
    sources:
      - title: 测试
        publisher: 测试
        citation: 测试
"""
MESSAGE = ("annotations/notes/serve-test.yml:5: note 'n-serve-test': quote '这句话不在正文里' not found on page "
           "'opening'")
SUMMARY = "the edition's inputs have 1 problem (listed above)"


class Server:
    """A running `edition serve`, its output read line by line."""

    def __init__(self, root: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "edition.cli", "-f", str(root / "mkdocs.yml"), "serve", "-a",
             f"127.0.0.1:{self.port}"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
            cwd=root, start_new_session=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self.start_reading()

    def start_reading(self) -> None:
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str) -> list[str]:
        """The lines up to the first that contains `text` (the test fails if it never comes)."""
        seen = []
        while True:
            try:
                line = self.lines.get(timeout=WAIT)
            except queue.Empty:
                pytest.fail(f"the server never printed {text!r}; it printed:\n" + "\n".join(self.log))
            seen.append(line)
            self.log.append(line)
            if text in line:
                return seen

    def stop(self) -> None:
        """The server and what it started (`mkdocs serve`, which holds the output pipe open too):
        its whole process group. The reader thread then sees the end of the output."""
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=600)
        self.reader.join(timeout=600)  # the end of the output: no process holds the pipe any more
        if self.process.stdout and not self.reader.is_alive():
            self.process.stdout.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = copy_project(tmp_path_factory.mktemp("serve") / "project", build=True)
    running = Server(root)
    running.wait_for("Serving on")
    running.root = root  # type: ignore[attr-defined]
    yield running
    running.stop()


# What the server prints after every good rebuild. Not MkDocs's "Documentation built in 1.63
# seconds": its build log drops a line it printed before (a DuplicateFilter), so a rebuild that
# takes as long as an earlier one prints nothing of it (CI failed once on exactly that).
GOOD_REBUILD = "Reloading browsers"


def test_every_failed_rebuild_prints_its_messages(server: Server) -> None:
    note = server.root / "annotations/notes/serve-test.yml"  # type: ignore[attr-defined]
    try:
        for attempt in range(2):
            note.write_text(BAD_NOTE, encoding="utf-8")
            lines = server.wait_for("Aborted with a BuildError")
            assert any(MESSAGE in line for line in lines), f"attempt {attempt + 1}:\n" + "\n".join(lines)
            assert any(SUMMARY in line for line in lines), f"attempt {attempt + 1}:\n" + "\n".join(lines)
            note.unlink()
            server.wait_for(GOOD_REBUILD)  # a good build in between
    finally:
        if note.exists():
            note.unlink()
            server.wait_for(GOOD_REBUILD)


def test_a_page_view_requests_nothing_missing(server: Server, page: Page) -> None:
    responses: list[tuple[int, str]] = []
    page.on("response", lambda response: responses.append((response.status, response.url)))
    for path in ("edition/text/opening/", "edition/zh-Hant/glossary/"):
        page.goto(f"http://127.0.0.1:{server.port}/{path}", wait_until="load")
        # The theme's scripts look things up after the load (its sitemap lookup did); the live
        # reload's long poll never lets the network go idle, so give them a moment.
        page.wait_for_timeout(2000)
    missing = [(status, url) for status, url in responses if status >= 400]
    assert missing == []
    assert any("/text/opening/" in url for _, url in responses)


def test_zensical_is_served_and_rebuilt_by_the_edition(tmp_path: Path) -> None:
    """Zensical's own server would rebuild without the edition's stages: `edition serve
    --generator zensical` builds, serves the site under site_url's path (a missing page: 404.html),
    and builds again when a file changes."""
    import urllib.error
    import urllib.request

    root = copy_project(tmp_path / "project", build=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "edition.cli", "-f", str(root / "mkdocs.yml"), "serve",
                                "--generator", "zensical", "-a", f"127.0.0.1:{port}"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, env=env, cwd=root, start_new_session=True)
    server = Server.__new__(Server)
    server.process, server.lines, server.log, server.port = process, queue.Queue(), [], port
    server.start_reading()
    def get(path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/edition/{path}", timeout=600) as response:
            return str(response.read().decode("utf-8"))

    try:
        server.wait_for(f"serve: http://127.0.0.1:{port}/edition/")
        page = get("text/opening/")
        assert 'class="edition-permalink"' in page and "edition-config" in page  # finished, not plain Zensical
        with pytest.raises(urllib.error.HTTPError) as missing:
            get("no-such-page/")
        assert missing.value.code == 404 and "not-found" in missing.value.read().decode("utf-8")
        missing.value.close()
        structure = root / "annotations/structure.yml"
        structure.write_text(structure.read_text(encoding="utf-8").replace("title: 开篇", "title: 开篇之页"),
                             encoding="utf-8")
        server.wait_for("serve: building with zensical")
        server.wait_for("serve: the site is up to date")
        assert "开篇之页" in get("text/opening/")
    finally:
        server.stop()
