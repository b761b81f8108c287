"""Work that runs in a forked process while the caller goes on, its result handed back when asked
for: a one-off build on several cores (what the further editions need of no built page is worked
out while the site generator builds the pages; their pages are converted by several processes).
Forking is the caller's call: safe in a one-off build, not in a server with threads. Without it,
or where the platform cannot fork, the work runs when its result is first asked for, in the
caller's process: the same result either way.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import shutil
import tempfile
import weakref
from collections.abc import Callable, Sequence
from multiprocessing.pool import AsyncResult, Pool
from types import TracebackType
from typing import Any, Generic, TypeVar

T = TypeVar("T")

#: The works of the forked processes, by process and number: a forked child has its parent's
#: memory, so a work (a closure, which does not pickle) is found there, and only its arguments and
#: its result are sent.
_WORK: dict[tuple[int, int], Callable[..., Any]] = {}


def _run(key: tuple[int, int], folder: str, arguments: str) -> str:
    """In the forked process: the work, its arguments and its result passed as files (see Process).
    What the process was forked with is still in use, and goes when it ends: the garbage collector
    leaves it alone (gc.freeze) and looks only at what the work makes. A page converter forked at
    the end of a book's build has its parent's whole site in memory: the collector's passes over it
    grew with the book (30 copies: the build 3% faster, 10 copies 1%)."""
    gc.freeze()
    return _written(folder, _WORK[key](*_read(arguments)))


def _written(folder: str, value: Any) -> str:
    """`value`, pickled into a new file of `folder`: its path."""
    handle, path = tempfile.mkstemp(suffix=".pickle", dir=folder)
    with os.fdopen(handle, "wb") as out:
        pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def _read(path: str) -> Any:
    """What `_written` wrote, the file removed."""
    with open(path, "rb") as given:
        value = given.read()
    os.unlink(path)
    return pickle.loads(value)


def possible() -> bool:
    """Can this platform fork (not Windows, say)?"""
    return "fork" in multiprocessing.get_all_start_methods()


class Taken:
    """Numbers 0, 1, 2 … handed out one at a time to whichever process asks next, across the
    forked processes made after it (a job's share of items, each taken once)."""

    def __init__(self) -> None:
        self._next = multiprocessing.get_context("fork").Value("i", 0) if possible() else None
        self._here = 0

    def next(self) -> int:
        if self._next is None:
            self._here += 1
            return self._here - 1
        with self._next.get_lock():
            number: int = self._next.value
            self._next.value += 1
        return number


def each(count: int, work: Callable[[int], T], processes: int,
         meanwhile: Callable[[], None] | None = None) -> list[T]:
    """`[work(0), …, work(count - 1)]`. With `processes` > 1 (where the platform forks), that many
    forked processes and this one, once `meanwhile` (the caller's own work) is done, each take the
    next number not taken yet until none is left; otherwise this process does them in order, then
    `meanwhile`. The results come back in order; what a `work` raises is raised here."""
    results: dict[int, T] = {}
    if processes > 1 and possible():
        taken = Taken()

        def share() -> dict[int, T]:
            mine = {}
            while (number := taken.next()) < count:
                mine[number] = work(number)
            return mine

        helpers = [Later(share, fork=True) for _ in range(processes)]
        try:
            if meanwhile:
                meanwhile()
            results.update(share())
            for helper in helpers:
                results.update(helper.get())
        finally:
            for helper in helpers:
                helper.close()
    else:
        results = {number: work(number) for number in range(count)}
        if meanwhile:
            meanwhile()
    return [results[number] for number in range(count)]


class Process:
    """One forked process for works known when it starts, each started when the caller says
    (`start`, with arguments that pickle), run one after another in that process: what one leaves
    in the process's memory (a cache), the next finds. The process ends with the last result
    taken, or on `close`. Without `fork` (or where the platform cannot fork), each work runs in
    the caller's process when its result is first asked for: the same results either way.

    Arguments and results go through files of a folder of the process's own, the pool's pipe
    carrying their names only: a pipe holds 64 KiB, and the pool's thread that writes or reads
    it waits for the interpreter's lock once for each 64 KiB while the caller's thread works
    (a result of megabytes held the process's next work back a fifth of a second)."""

    def __init__(self, works: Sequence[Callable[..., Any]], fork: bool) -> None:
        self._works = list(works)
        self._keys = [(id(self), number) for number in range(len(self._works))]
        self._left = len(self._works)
        self._pool: Pool | None = None
        self._folder = ""
        self._removed: Callable[[], Any] = lambda: None
        if fork and possible():
            _WORK.update(zip(self._keys, self._works, strict=True))
            self._folder = tempfile.mkdtemp(prefix="edition-forked-")
            # The folder goes on `close`, or at the latest when this process exits (a build that
            # stopped before taking its results: its generator's error, an interrupt).
            self._removed = weakref.finalize(self, shutil.rmtree, self._folder, True)
            self._pool = multiprocessing.get_context("fork").Pool(1)

    def start(self, index: int, *args: Any) -> Started[Any]:
        """Work `index`, started now in the forked process (after those started before it)."""
        if self._pool is None:
            return Started(self, lambda: self._works[index](*args), None)
        arguments = _written(self._folder, args)
        return Started(self, None, self._pool.apply_async(_run, (self._keys[index], self._folder, arguments)))

    def _taken(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
        self._removed()  # the folder, with what a stopped build left there
        for key in self._keys:
            _WORK.pop(key, None)

    def __enter__(self) -> Process:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if kind is not None:  # on success the process ends with its last result taken
            self.close()


class Started(Generic[T]):
    """A work of a `Process`: `get()` returns its result (or raises what it raised); as a context
    manager, leaving it ends the process (a build that stopped)."""

    def __init__(self, process: Process, run: Callable[[], T] | None, result: AsyncResult[str] | None) -> None:
        self._process = process
        self._run = run
        self._result = result

    def get(self) -> T:
        try:
            if self._result is None:
                assert self._run is not None
                return self._run()
            value: T = _read(self._result.get())
            return value
        finally:
            self._process._taken()

    def close(self) -> None:
        """End the process (the result is not wanted)."""
        self._process.close()

    def __enter__(self) -> Started[T]:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


class Later(Started[T]):
    """`work()`, started at once in a forked process when `fork` (a `Process` of one work); `get()`
    returns its result (or raises what it raised). Used as a context manager, the process is ended
    on leaving."""

    def __init__(self, work: Callable[[], T], fork: bool) -> None:
        started = Process([work], fork).start(0)
        super().__init__(started._process, started._run, started._result)
