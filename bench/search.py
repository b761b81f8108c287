#!/usr/bin/env python3
"""Search speed and size: the edition's search against Material's own search over the same pages
(the full site built with the edition option `search: false`), measured in the same run, in
Debian's Chromium driven by Playwright.

    python bench/search.py [--runs 5] [--rounds 3] [--scales 1 30] [--worker NAME=FILE ...] [--keep DIR]

At each scale the project is made by `project()` (bench/projects.py: at scale N a book N times the
chapter's length) and built twice: "full" and "material-search". Measured, for the edition, for
each --worker (the full site again with assets/edition/search-worker.js replaced by FILE, e.g. the
worker before a change: `git show main:plugins/edition/assets/search-worker.js > /tmp/old.js`) and
for Material's search:
- index ready: from navigation start to the worker's READY message, on the home page (median of
  --runs fresh browser contexts, so nothing is cached);
- keystroke to results: each query of tests/search/queries.txt typed one character at a time;
  for each keystroke, from the keyup to the moment the page has handled the worker's answer
  (Material renders at once, in the same task); median, 90th percentile and slowest;
- index size: search/search_index.json of each edition, gzipped (level 6, as static hosts do),
  against Material's index of the same pages, like for like. Material's own index, as its plugin
  writes it, is not that: the plugin reads each page as the generator renders it, before the
  finish stage adds the notes, the glossary's entries and the timeline's events (the report says
  how many of the edition's annotations it holds: none). So Material's indexer (its search
  plugin's SearchIndex, with the site's search settings and jieba, as the plugin runs it) is also
  run over each finished page's article, as a reader gets it. And at scale N the book is one
  chapter N times: gzip (32 KiB window) finds a repeated page when the index has the copies next
  to each other, as Material's has them (its documents by file name, building-cars-10/,
  building-cars-11/ …), and its zh-Hans index escapes every Han character (\\uXXXX), which puts
  the copies out of reach again. So Material's indexes are measured in the edition's order of
  pages and encoding (UTF-8). The target is checked against Material's indexer over the finished
  pages; Material's index as written and in the edition's order are printed too.
Each round measures every variant in turn (so that a busy machine slows them alike); the figures
are the medians over --rounds rounds, and the machine's load average is printed with each round.

Targets (issue 17), at 30x: keystroke to results 90th percentile <= 20 ms and slowest <= 50 ms,
index ready <= 1 s, index size per edition <= 1.5x Material's (gzip). Exit status 1 when the
edition misses one. --keep DIR keeps the built sites there and reuses them (delete to rebuild).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import _venv

_venv.ensure("test")

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import SimpleNamespace

import projects  # bench/projects.py
from material.plugins.search.plugin import SearchIndex
from playwright.sync_api import Browser, sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
EDITIONS = ["", "zh-Hant/"]
WORKER = "assets/edition/search-worker.js"
TARGET_SCALE = 30
P90_MS, SLOWEST_MS, READY_MS, SIZE_RATIO = 20.0, 50.0, 1000.0, 1.5


def project(where: Path, scale: int, variant: str) -> Path:
    """The project at `scale` (its mkdocs.yml): the one call to change for another kind of book."""
    return projects.make(where, scale, variant)


# Installed before any page script: every worker reports when its READY and RESULT messages have
# been handled by the page (a task queued behind the page's own handlers, which render at once).
_PROBE = """
(() => {
  const Native = window.Worker;
  window.__ready = null; window.__results = 0; window.__resultAt = 0;
  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    worker.addEventListener("message", ev => {
      const type = ev.data && ev.data.type;
      setTimeout(() => {
        if (type === 1) window.__ready = performance.now();
        if (type === 3) { window.__results += 1; window.__resultAt = performance.now(); }
      }, 0);
    });
    return worker;
  };
})();
"""

# Types a query one character at a time, as both search boxes read it (on keyup), and returns the time
# from each keyup to its results.
_TYPE = """
async (query) => {
  const input = document.querySelector("input.edition-search__input")
    || document.querySelector("input.md-search__input");
  const chars = Array.from(query);
  const out = [];
  input.value = "";
  for (let i = 1; i <= chars.length; i++) {
    const before = window.__results;
    input.value = chars.slice(0, i).join("");
    const start = performance.now();
    input.dispatchEvent(new KeyboardEvent("keyup", { key: chars[i - 1], bubbles: true }));
    const deadline = start + 5000;
    while (window.__results === before && performance.now() < deadline)
      await new Promise(resolve => setTimeout(resolve, 0));
    out.push(window.__results === before ? null : window.__resultAt - start);
  }
  return out;
}
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def build(config: Path) -> Path:
    site = config.parent / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                            env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"build failed: {config}\n{result.stderr}")
    return site


def queries() -> list[str]:
    lines = (projects.ROOT / "tests/search/queries.txt").read_text(encoding="utf-8").splitlines()
    return [line.split(" | ")[1].strip() for line in lines if " | " in line and not line.startswith("#")]


def ready_ms(browser: Browser, url: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.add_init_script(_PROBE)
        page.goto(url)
        page.wait_for_function("() => window.__ready !== null", timeout=30000)
        times.append(page.evaluate("() => window.__ready"))
        context.close()
    return statistics.median(times)


def keystrokes_ms(browser: Browser, url: str, typed: list[str]) -> list[float]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(_PROBE)
    page.goto(url)
    page.wait_for_function("() => window.__ready !== null", timeout=30000)
    # The edition's search button opens its dialog; Material's box opens its panel.
    page.locator("button.edition-search-open, input.md-search__input").first.click()
    times: list[float] = []
    for query in typed:
        times += [t for t in page.evaluate(_TYPE, query) if t is not None]
    context.close()
    return times


def size(site: Path, edition: str) -> int:
    return _gzip((site / edition / "search/search_index.json").read_bytes())


def in_order_of(docs: list[dict], like: Path, edition: str) -> list[dict]:
    """Documents in the order of the pages of the edition's index at `like` (the others last)."""
    ours = json.loads((like / edition / "search/search_index.json").read_text(encoding="utf-8"))
    order: dict[str, int] = {}
    for doc in ours["docs"]:
        order.setdefault(doc["location"].split("#")[0], len(order))
    return sorted(docs, key=lambda doc: order.get(doc["location"].split("#")[0], len(order)))


def size_like(site: Path, edition: str, like: Path) -> int:
    """The size of Material's index at `site` with its documents in the order of the pages of
    the edition's index at `like`, written as UTF-8."""
    data = json.loads((site / edition / "search/search_index.json").read_text(encoding="utf-8"))
    data["docs"] = in_order_of(data["docs"], like, edition)
    return _gzip(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
_EDIT = re.compile(r'<a [^>]*class="md-content__button[^"]*".*?</a>', re.S)  # the theme's, not the page's
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def material_over(site: Path, edition: str, like: Path) -> tuple[int, list[dict]]:
    """Material's indexer over the finished pages of `edition` at `site`: the gzipped size of the
    index it makes (in the order of the pages of the edition's index at `like`, as UTF-8), and
    its documents."""
    root = site / edition
    config = json.loads((root / "search/search_index.json").read_text(encoding="utf-8"))["config"]
    indexer = SearchIndex(**config)
    others = [e for e in EDITIONS if e and e != edition]
    for file in sorted(root.rglob("index.html")):
        url = file.relative_to(root).parent.as_posix()
        if url == "search" or any(url.startswith(e.rstrip("/")) for e in others):
            continue
        html = file.read_text(encoding="utf-8")
        article = _ARTICLE.search(html)
        if article:
            title = _TITLE.search(html)
            page = SimpleNamespace(content=_EDIT.sub("", article.group(1)), toc=[], meta={},
                                   url="" if url == "." else url + "/",
                                   title=title.group(1).split(" - ")[0] if title else "")
            indexer.add_entry_from_context(page)
    docs = in_order_of(indexer.entries, like, edition)
    return _gzip(json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")).encode()), docs


def annotations_in(docs: list[dict], like: Path, edition: str) -> tuple[int, int]:
    """How many of the notes, glossary entries and events of the edition's index at `like` these
    documents hold (each found by the first 12 characters of its text)."""
    text = "".join(re.sub(r"<[^>]+>|\u200b", "", doc["text"]) for doc in docs)
    ours = json.loads((like / edition / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    annotations = [doc["text"][:12] for doc in ours if doc["kind"] in ("note", "term", "event") and doc["text"]]
    return sum(1 for start in annotations if start in text), len(annotations)


def _gzip(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


@dataclass
class Figures:
    ready: list[float]
    median: list[float]
    p90: list[float]
    slowest: list[float]
    keystrokes: int = 0

    def add(self, ready: float, times: list[float]) -> None:
        self.ready.append(ready)
        self.median.append(statistics.median(times))
        self.p90.append(statistics.quantiles(times, n=10)[-1])
        self.slowest.append(max(times))
        self.keystrokes = len(times)

    def line(self) -> str:
        m = statistics.median
        return (f"index ready {m(self.ready):.0f} ms; keystroke to results over {self.keystrokes}: median "
                f"{m(self.median):.1f} ms, 90th percentile {m(self.p90):.1f} ms, slowest {m(self.slowest):.1f} ms")


def sites(where: Path, scale: int, workers: dict[str, Path]) -> dict[str, Path]:
    """The sites to measure at one scale, by name: the edition, each other worker, Material."""
    out = {}
    for variant in ("full", "material-search"):
        site = where / variant / "site"
        if not site.is_dir():
            shutil.rmtree(where / variant, ignore_errors=True)
            site = build(project(where / variant, scale, variant))
        out[variant] = site
    shutil.copy(projects.ROOT / "plugins/edition/assets/search-worker.js", out["full"] / WORKER)
    measured = {"edition": out["full"]}
    for name, worker in workers.items():
        copy = where / f"worker-{name}"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(out["full"], copy)
        shutil.copy(worker, copy / WORKER)
        measured[f"edition, worker {name}"] = copy
    measured["Material"] = out["material-search"]
    return measured


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" ({os.cpu_count()} cores)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh contexts per index-ready figure")
    parser.add_argument("--rounds", type=int, default=3, help="measurements of every variant, in turn")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, TARGET_SCALE])
    parser.add_argument("--worker", action="append", default=[], metavar="NAME=FILE",
                        help="also measure the full site with this worker file")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the built sites in this folder")
    args = parser.parse_args()
    workers = {name: Path(file).resolve() for name, file in (w.split("=", 1) for w in args.worker)}
    typed = queries()
    missed = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for scale in args.scales:
            where = (args.keep or Path(tmp)) / f"x{scale}"
            measured = sites(where, scale, workers)
            figures = {name: Figures([], [], [], []) for name in measured}
            for round in range(1, args.rounds + 1):
                print(f"search x{scale}, round {round}: {load()}", flush=True)
                for name, site in measured.items():
                    with serve(site) as url:
                        figures[name].add(ready_ms(browser, url, args.runs), keystrokes_ms(browser, url, typed))
            print(f"search x{scale} ({len(typed)} queries, medians of {args.rounds} rounds; {load()}):")
            for name, figure in figures.items():
                print(f"  {name}: {figure.line()}")
            ours = figures["edition"]
            for edition in EDITIONS:
                mine, theirs = size(measured["edition"], edition), size(measured["Material"], edition)
                like = size_like(measured["Material"], edition, measured["edition"])
                written = json.loads((measured["Material"] / edition / "search/search_index.json").read_text("utf-8"))
                held, annotations = annotations_in(written["docs"], measured["edition"], edition)
                over, docs = material_over(measured["Material"], edition, measured["edition"])
                held_over, _ = annotations_in(docs, measured["edition"], edition)
                name = edition or "zh-Hans/"
                print(f"  index {name}: {mine / 1024:.1f} KiB gzip. Material's as written {theirs / 1024:.1f} KiB "
                      f"({mine / theirs:.2f}x), in the edition's order and encoding {like / 1024:.1f} KiB "
                      f"({mine / like:.2f}x), holding {held} of the edition's {annotations} notes, entries and "
                      f"events; Material's indexer over the finished pages {over / 1024:.1f} KiB ({mine / over:.2f}x), "
                      f"holding {held_over} of them")
                if scale == TARGET_SCALE and mine / over > SIZE_RATIO:
                    missed.append(f"index size x{scale} {name} {mine / over:.2f}x > {SIZE_RATIO}x")
            if scale == TARGET_SCALE:
                m = statistics.median
                for label, value, target in (("90th percentile", m(ours.p90), P90_MS),
                                             ("slowest keystroke", m(ours.slowest), SLOWEST_MS),
                                             ("index ready", m(ours.ready), READY_MS)):
                    if value > target:
                        missed.append(f"{label} x{scale} {value:.1f} ms > {target:.0f} ms")
        browser.close()
    for miss in missed:
        print("MISSED:", miss)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
