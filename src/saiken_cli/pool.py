"""`saiken batch --jobs N`: records computed in worker processes, results kept in input order.

The batch runner reads records and hands them over in chunks; each worker runs the same
``work(chunk)`` function the runner calls in-process for ``--jobs 1`` (so the bytes are
the same) and returns each record's encoded output. Results are taken back strictly in
the order the chunks were handed out, and at most ``WINDOW_PER_JOB × jobs`` chunks are out
at once: memory is bounded whatever the size of the file (a bounded queue, not the file).

A worker process that dies (killed, out of memory, a crash in C code) does not stop the
run: the chunks it held are done again one record at a time in a new pool, and a record
that kills a worker again becomes that record's error (exit code 70, a bug in saiken).
"""

from __future__ import annotations

import os
from collections import deque
from typing import Any, Callable, Iterable, Iterator

CHUNK = 256  # records per task handed to a worker
WINDOW_PER_JOB = 4  # chunks out at once per worker (the bound on memory)

_work: Callable[[list], list] | None = None  # the worker's function, set by _init


def cores() -> int:
    """The cores this process may run on (``--jobs 0``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _init(make_work: Callable[[], Callable[[list], list]], setup: Callable[[], None] | None) -> None:
    global _work
    if setup is not None:
        setup()
    _work = make_work()


def _run(chunk: list) -> list:
    assert _work is not None
    return _work(chunk)


def _context():
    import multiprocessing

    # fork: the workers start with the modules and rule data the runner already loaded
    # (no re-import per worker); spawn where fork does not exist
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def chunks(items: Iterable[Any], size: int = CHUNK) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_ordered(
    tasks: Iterable[list],
    make_work: Callable[[], Callable[[list], list]],
    jobs: int,
    *,
    setup: Callable[[], None] | None = None,
    on_dead: Callable[[Any], Any],
) -> Iterator[list]:
    """The results of ``work(task)`` for every task, in task order, computed by ``jobs``
    worker processes; ``work`` is built in each worker by ``make_work()`` (after ``setup``).

    ``on_dead(item)`` gives the result of one item whose worker died on it twice."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = _context()

    def new_pool():
        return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init, initargs=(make_work, setup))

    pool = new_pool()
    window: deque = deque()
    limit = max(2, WINDOW_PER_JOB * jobs)

    def one_by_one(task: list) -> list:
        """A task whose worker died: each record again, alone, in a fresh pool."""
        nonlocal pool
        out = []
        for item in task:
            try:
                out.extend(pool.submit(_run, [item]).result())
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
                out.append(on_dead(item))
        return out

    def take() -> list:
        nonlocal pool
        task, future = window.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            # every task still out died with the pool: hand them out again after this one
            pool.shutdown(wait=True, cancel_futures=True)
            pool = new_pool()
            result = one_by_one(task)
            rest = [t for t, _ in window]
            window.clear()
            for t in rest:
                window.append((t, pool.submit(_run, t)))
            return result

    try:
        for task in tasks:
            if len(window) >= limit:
                yield take()
            window.append((task, pool.submit(_run, task)))
        while window:
            yield take()
    finally:
        for _, future in window:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
