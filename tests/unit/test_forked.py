"""core/forked.py: work handed to a forked process gives what it gives in the caller's."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import pytest

from edition.core import forked


def test_the_result_comes_back_from_the_forked_process() -> None:
    parent = os.getpid()
    data = {"p-1-1": [("頭髮", "頭發")]}
    with forked.Later(lambda: (os.getpid(), data), fork=True) as later:
        pid, result = later.get()
    assert result == data
    assert pid != parent  # it ran in another process


def test_the_collector_leaves_alone_what_the_process_was_forked_with() -> None:
    held = [[n] for n in range(10_000)]  # in memory when the process forks, and tracked by the collector
    before = gc.get_freeze_count()
    with forked.Later(lambda: (gc.get_freeze_count(), len(held)), fork=True) as later:
        frozen, _ = later.get()
    assert frozen >= before + len(held)
    assert gc.get_freeze_count() == before  # not in the caller's process


def test_without_fork_it_runs_when_asked_for() -> None:
    ran = []
    later = forked.Later(lambda: ran.append(os.getpid()) or "done", fork=False)
    assert ran == []
    assert later.get() == "done"
    assert ran == [os.getpid()]


def test_what_the_work_raises_is_raised_by_get() -> None:
    def broken() -> None:
        raise ValueError("the page is not as expected")

    with forked.Later(broken, fork=True) as later, pytest.raises(ValueError, match="the page is not as expected"):
        later.get()


def test_leaving_early_ends_the_process() -> None:
    with pytest.raises(RuntimeError), forked.Later(lambda: "never asked for", fork=True) as later:
        raise RuntimeError("a page failed first")
    assert later._process._pool is None
    assert not forked._WORK


def test_each_number_is_taken_once_across_processes() -> None:
    taken = forked.Taken()

    def take() -> list[int]:
        numbers = []
        while (number := taken.next()) < 200:
            numbers.append(number)
        return numbers

    helpers = [forked.Later(take, fork=True) for _ in range(2)]
    mine = take()
    theirs = [n for helper in helpers for n in helper.get()]
    assert sorted(mine + theirs) == list(range(200))


@pytest.mark.parametrize("processes", [1, 3])
def test_each_gives_the_results_in_order_after_the_callers_own_work(processes: int) -> None:
    done = []
    results = forked.each(40, lambda number: number * number, processes, lambda: done.append("meanwhile"))
    assert results == [n * n for n in range(40)]
    assert done == ["meanwhile"]


def test_what_a_work_raises_in_each_is_raised_by_each() -> None:
    def work(number: int) -> int:
        if number == 7:
            raise ValueError(f"page {number} is not as expected")
        return number

    with pytest.raises(ValueError, match="page 7 is not as expected"):
        forked.each(20, work, 2)


#: What the works of one process leave in its memory (the parent's stays empty when they fork).
LEFT: list[str] = []


@pytest.mark.parametrize("fork", [True, False])
def test_a_process_runs_its_works_in_turn_and_each_finds_what_the_last_left(fork: bool) -> None:
    parent = os.getpid()
    LEFT.clear()

    def first() -> int:
        LEFT.append("findings")
        return os.getpid()

    def second(prepared: dict[str, str]) -> tuple[int, list[str], dict[str, str]]:
        return os.getpid(), list(LEFT), prepared

    process = forked.Process([first, second], fork)
    folder = process._folder  # where arguments and results pass, as files
    assert bool(folder) is fork
    ran = process.start(0).get()
    pid, found, given = process.start(1, {"glossary.json": "{}"}).get()
    assert found == ["findings"] and given == {"glossary.json": "{}"}
    assert ran == pid  # one process for both
    assert (pid != parent) is fork
    assert LEFT == ([] if fork else ["findings"])
    assert process._pool is None and not forked._WORK  # ended with its last result
    assert not folder or not os.path.exists(folder)


def test_a_process_stopped_with_a_result_not_taken_leaves_no_file() -> None:
    """A build that stops (an error elsewhere) ends the process with its results unread."""
    process = forked.Process([lambda pages: len(pages), lambda: "never asked for"], fork=True)
    folder = process._folder
    started = process.start(0, {"text/opening.md": "正文" * 1000})
    started._result.wait()  # the result written, not read
    assert len(os.listdir(folder)) == 1  # its arguments read and removed, the result there
    process.close()
    assert not os.path.exists(folder) and not forked._WORK


def test_a_build_that_stops_before_taking_its_results_leaves_no_folder(tmp_path) -> None:
    """A generator's error between `begin` and `finish` leaves the process unclosed: its folder
    goes when the build's process exits."""
    script = (
        "from edition.core import forked\n"
        "process = forked.Process([lambda pages: len(pages)], fork=True)\n"
        "process.start(0, {'text/opening.md': '正文' * 1000})._result.wait()\n"
        "print(process._folder)\n"
        "raise SystemExit(1)  # the build stopped\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    folder = result.stdout.strip()
    assert folder and not os.path.exists(folder)


def test_what_a_work_of_a_process_raises_is_raised_by_get_and_ends_it() -> None:
    def broken() -> None:
        raise ValueError("overrides.yml:3: no such edition")

    process = forked.Process([broken, lambda: "never started"], fork=True)
    with pytest.raises(ValueError, match="no such edition"), process, process.start(0) as started:
        started.get()
    assert process._pool is None and not forked._WORK
