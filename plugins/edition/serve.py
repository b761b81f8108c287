"""`edition serve`: the site on a local address, rebuilt when its inputs change.

MkDocs and ProperDocs have a server of their own that runs the edition's plugin at each rebuild.
Zensical's own server would rebuild without the edition's stages, so for it the edition builds
(generators.build), serves the built site itself, and builds again whenever a file of the
project changes (its docs, annotations, source and configuration).
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from . import generators
from .core import project
from .core.errors import EditionError
from .core.text import ingest
from .core.urls import Urls

#: How often the files are looked at for changes, in seconds.
POLL = 0.5


def serve(name: str, config: Path, address: str, strict: bool = True) -> int:
    """Serve the edition built with one generator, until interrupted."""
    if name in ("mkdocs", "properdocs"):
        command = [sys.executable, "-m", name, "serve", "-f", str(config), "-a", address]
        if strict:
            command.append("--strict")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run(command, env=env).returncode
    return _serve_built(name, config.resolve(), address, strict)


def _inputs(config: Path) -> list[Path]:
    """The files a build reads: the configuration, the docs folder, the annotations, the source
    (only the configuration while it cannot be read: the build that follows prints why)."""
    try:
        found = project.inputs(config)
    except EditionError:
        return [config]
    roots = [config, config.parent / found.site.docs_dir, found.paths / found.paths.annotations,
             found.paths / found.paths.source]
    out = []
    for root in roots:
        out += sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
    return out


def _state(files: list[Path]) -> dict[Path, tuple[int, int]]:
    """Each file's modification time and size (a save within the clock's tick changes the size, mostly)."""
    out = {}
    for path in files:
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        out[path] = (stat.st_mtime_ns, stat.st_size)
    return out


def _written(before: dict[Path, tuple[int, int]], written: list[Path]) -> dict[Path, tuple[int, int]]:
    """The state taken before a build, with the files the build wrote (or removed) as they are now."""
    out = {path: state for path, state in before.items() if path not in written}
    out.update(_state(written))
    return out


def _serve_built(name: str, config: Path, address: str, strict: bool) -> int:
    found = project.inputs(config)
    site = config.parent / found.site.site_dir
    host, _, port = address.rpartition(":")
    mount = Urls(site_url=found.site.site_url).path

    class Handler(http.server.SimpleHTTPRequestHandler):
        """The built site under the site's path, as its host serves it (a missing page: 404.html)."""

        def translate_path(self, path: str) -> str:
            path = path.split("?", 1)[0].split("#", 1)[0]
            if not path.startswith(mount):
                return str(site / "__outside__")
            return super().translate_path("/" + path[len(mount):])

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            page = site / "404.html"
            if code != 404 or not page.is_file():
                super().send_error(code, message, explain)
                return
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    def rebuild() -> dict[Path, tuple[int, int]]:
        """Build once. Returns the inputs' state as it was when the build began, with the pages the
        build wrote itself: a file changed while the build ran differs from it, and builds again."""
        print(f"serve: building with {name}", file=sys.stderr)
        before = _state(_inputs(config))
        written: list[Path] = []
        try:
            found = project.inputs(config)
            # The text pages, as `edition build` writes them.
            folder = found.paths / found.paths.pages
            written = [folder / page for page in ingest.write(found.paths, ingest.load(found.paths,
                                                                                        found.settings.layout))]
            result = generators.build(name, config, site, strict)
        except EditionError as err:  # every run prints its problems in full
            print("\n".join(f"error: {p}" for p in err.problems), file=sys.stderr)
            return _written(before, written)
        if result.returncode:
            print(f"serve: the build failed (exit status {result.returncode}); fix the files above, and it "
                  "runs again", file=sys.stderr)
        else:
            print("serve: the site is up to date", file=sys.stderr)
        return _written(before, written)

    seen = rebuild()
    server = http.server.ThreadingHTTPServer((host or "127.0.0.1", int(port or 8000)),
                                             functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    print(f"serve: http://{host or '127.0.0.1'}:{server.server_port}{mount} (Ctrl+C to stop)", file=sys.stderr)
    try:
        while True:
            time.sleep(POLL)
            if _state(_inputs(config)) != seen:
                seen = rebuild()
    except KeyboardInterrupt:
        return 0
    finally:
        server.shutdown()
        server.server_close()
