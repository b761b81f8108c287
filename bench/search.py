#!/usr/bin/env python3
"""Search speed and size: the edition's search against Material's own search over the same pages
(the full site built with the edition option `search: false`), measured in the same run, in
Debian's Chromium driven by Playwright.

    python bench/search.py [--runs 5] [--scales 1 50]

For each scale and each of the two builds:
- index ready: from navigation start to the worker's READY message, on the home page (median of
  --runs fresh browser contexts, so nothing is cached);
- keystroke to results: each query of tests/search/queries.txt typed one character at a time;
  for each keystroke, from the keyup to the moment Material has rendered the worker's answer
  (the RESULT message handled); median over all keystrokes;
- index size: search/search_index.json of each edition, gzipped (level 6, as static hosts do).
Targets (issue 7): keystroke to results <= 30 ms at 50x; index ready <= 1 s at 1x; index size per
edition <= 1.5x Material's (gzip). Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import projects  # bench/projects.py
from playwright.sync_api import Browser, sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
EDITIONS = ["", "zh-Hant/"]
KEYSTROKE_MS, READY_MS, SIZE_RATIO = 30.0, 1000.0, 1.5

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

# Types a query one character at a time, as Material reads it (on keyup), and returns the time
# from each keyup to its results.
_TYPE = """
async (query) => {
  const input = document.querySelector("input.md-search__input");
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


def keystroke_ms(browser: Browser, url: str, typed: list[str]) -> tuple[float, float, int]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(_PROBE)
    page.goto(url)
    page.wait_for_function("() => window.__ready !== null", timeout=30000)
    page.locator("input.md-search__input").click()
    times: list[float] = []
    for query in typed:
        times += [t for t in page.evaluate(_TYPE, query) if t is not None]
    context.close()
    return statistics.median(times), statistics.quantiles(times, n=10)[-1], len(times)


def size(site: Path, edition: str) -> int:
    return len(gzip.compress((site / edition / "search/search_index.json").read_bytes(), compresslevel=6, mtime=0))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 50])
    args = parser.parse_args()
    typed = queries()
    missed = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for scale in args.scales:
            with tempfile.TemporaryDirectory() as tmp:
                sites = {v: build(projects.make(Path(tmp) / v, scale, v)) for v in ("full", "material-search")}
                figures = {}
                for variant, site in sites.items():
                    with serve(site) as url:
                        figures[variant] = (ready_ms(browser, url, args.runs), *keystroke_ms(browser, url, typed),
                                            [size(site, e) for e in EDITIONS])
            (ready, keys, p90, n, sizes) = figures["full"]
            (m_ready, m_keys, m_p90, m_n, m_sizes) = figures["material-search"]
            print(f"search x{scale}: index ready {ready:.0f} ms (Material {m_ready:.0f} ms, {ready / m_ready:.2f}x); "
                  f"keystroke to results over {n} keystrokes: median {keys:.1f} ms, 90th percentile {p90:.1f} ms "
                  f"(Material over {m_n}: {m_keys:.1f} ms, {m_p90:.1f} ms; median {keys / m_keys:.2f}x)")
            for edition, ours, theirs in zip(EDITIONS, sizes, m_sizes, strict=True):
                ratio = ours / theirs
                print(f"  index {edition or 'zh-Hans/'}: {ours / 1024:.1f} KiB gzip (Material {theirs / 1024:.1f} KiB, "
                      f"{ratio:.2f}x)")
                if ratio > SIZE_RATIO:
                    missed.append(f"index size x{scale} {edition or 'zh-Hans/'} {ratio:.2f}x > {SIZE_RATIO}x")
            if scale == 50 and keys > KEYSTROKE_MS:
                missed.append(f"keystroke to results x50 {keys:.1f} ms > {KEYSTROKE_MS} ms")
            if scale == 1 and ready > READY_MS:
                missed.append(f"index ready x1 {ready:.0f} ms > {READY_MS:.0f} ms")
        browser.close()
    for miss in missed:
        print("MISSED:", miss)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
