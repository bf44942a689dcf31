"""`saiken batch --jobs N`: records computed in worker processes, results kept in input order.

The batch runner reads records and hands them over in chunks; each worker runs the same
``work(chunk)`` function the runner calls in-process for ``--jobs 1`` (so the bytes are
the same) and returns each record's encoded output. Results are taken back strictly in
the order the chunks were handed out, and at most ``WINDOW_PER_JOB × jobs`` chunks are out
at once: memory is bounded whatever the size of the file (a bounded queue, not the file).

On Linux the workers are forked processes, each with a pipe for its tasks and one for its
results (:func:`_fork_ordered`): a result that is a :class:`Block` goes as a small pickled
header and its bytes as they are, read by the runner into one buffer it keeps (no pickling
of the output, no new memory per chunk). Elsewhere ``concurrent.futures`` does the same
(:func:`_executor_ordered`). On two cores the runner shares a core with a worker, so what
it spends per chunk is taken from the records (issue 14: ``--jobs 2`` ≥ 1.6× ``--jobs 1``).

A worker process that dies (killed, out of memory, a crash in C code) does not stop the
run: the chunk it was computing is done again one record at a time in a new worker, and a
record that kills a worker again becomes that record's error (exit code 70, a bug in
saiken); its other chunks go to a new worker.
"""

from __future__ import annotations

import os
import struct
import sys
from collections import deque
from typing import Any, Callable, Iterable, Iterator, NamedTuple

CHUNK = 256  # records per task handed to a worker
WINDOW_PER_JOB = 4  # chunks out at once per worker (the bound on memory)
FORK = sys.platform.startswith("linux")  # forked workers with pipes; else concurrent.futures
PIPE_BYTES = 1 << 20  # the size asked for each pipe (Linux: F_SETPIPE_SZ; unprivileged limit 1 MiB)

_work: Callable[[list], list] | None = None  # the worker's function, set by _init


class Block(NamedTuple):
    """The results of a chunk of records as one piece of output: their bytes joined in
    order, how many records and errors, and the warnings to say once among them. A worker
    sends one Block for a chunk instead of a result per record. Its ``data`` is bytes, or a
    list of them to be joined (a forked worker writes the list to its pipe as it is); from
    forked workers it reaches the runner as a memoryview that holds only until the next
    result is asked for (the runner writes it at once)."""

    count: int
    errors: int
    data: Any
    stale: tuple[str, ...]
    blank: int = 0  # rows the worker skipped as blank (counted for the run's summary)


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
    result = _work(chunk)
    if len(result) == 1 and type(result[0]) is Block and type(result[0].data) is list:
        result = [result[0]._replace(data=b"".join(result[0].data))]  # one bytes object to pickle
    return result


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
    ordered = _fork_ordered if FORK and hasattr(os, "fork") else _executor_ordered
    return ordered(tasks, make_work, jobs, setup=setup, on_dead=on_dead)


def _executor_ordered(tasks, make_work, jobs, *, setup, on_dead) -> Iterator[list]:
    """run_ordered by concurrent.futures (where os.fork and Linux pipes are not to be had)."""
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

    def submit(task: list):
        """The task's future, or None if the pool has broken already (seen when it is taken)."""
        try:
            return pool.submit(_run, task)
        except BrokenProcessPool:
            return None

    def take() -> list:
        nonlocal pool
        task, future = window.popleft()
        try:
            if future is None:
                raise BrokenProcessPool("a worker died before this task was handed out")
            return future.result()
        except BrokenProcessPool:
            # every task still out died with the pool: hand them out again after this one
            pool.shutdown(wait=True, cancel_futures=True)
            pool = new_pool()
            result = one_by_one(task)
            rest = [t for t, _ in window]
            window.clear()
            for t in rest:
                window.append((t, submit(t)))
            return result

    try:
        for task in tasks:
            if len(window) >= limit:
                yield take()
            window.append((task, submit(task)))
        while window:
            yield take()
    finally:
        for _, future in window:
            if future is not None:
                future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


# --- forked workers with pipes (Linux) ----------------------------------------------------

_TASK = struct.Struct("<Q")  # a task: its pickle's length, then the pickle
_RESULT = struct.Struct("<BQQ")  # a result: 1 for a Block, the pickle's length, the raw bytes' length


def _read_into(fd: int, view: memoryview) -> bool:
    """Fill ``view`` from ``fd``; False at the end (the other side has gone)."""
    got, n = 0, len(view)
    while got < n:
        k = os.readv(fd, [view[got:]])
        if not k:
            return False
        got += k
    return True


def _write(fd: int, parts: list) -> None:
    """All of ``parts`` to ``fd`` (a pipe takes a long write in pieces)."""
    views = [memoryview(p) for p in parts if len(p)]
    while views:
        k = os.writev(fd, views[:512])  # at most IOV_MAX (1024 on Linux) pieces a call
        while views and k >= len(views[0]):
            k -= len(views[0])
            views.pop(0)
        if k:
            views[0] = views[0][k:]


def _serve(tasks_fd: int, results_fd: int, make_work, setup) -> None:
    """A worker's life: take a task, send its result, until the runner closes the tasks."""
    import gc
    import pickle
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the runner's to handle (it ends the workers)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the runner's handler (saiken batch's own)
    if setup is not None:
        setup()
    work = make_work()
    # what the worker was forked with is never garbage: its collector need not walk it (nor
    # copy every page of it by writing to the objects' headers)
    gc.freeze()
    dumps, loads = pickle.dumps, pickle.loads
    head = bytearray(_TASK.size)
    while True:
        if not _read_into(tasks_fd, memoryview(head)):
            return
        payload = bytearray(_TASK.unpack(head)[0])
        if not _read_into(tasks_fd, memoryview(payload)):
            return
        task = loads(payload)
        result = work(task)
        if len(result) == 1 and type(result[0]) is Block:
            block = result[0]
            meta = dumps(block._replace(data=None), protocol=pickle.HIGHEST_PROTOCOL)
            parts = block.data if type(block.data) is list else [block.data]
            size = sum(map(len, parts))
            _write(results_fd, [_RESULT.pack(1, len(meta), size), meta, *parts])
        else:
            meta = dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            _write(results_fd, [_RESULT.pack(0, len(meta), 0), meta])


def _pipe() -> tuple[int, int, int]:
    """A pipe (read end, write end) made as large as allowed, and the bytes it holds."""
    import fcntl

    r, w = os.pipe()
    size = 4096  # what POSIX promises
    try:
        fcntl.fcntl(w, 1031, PIPE_BYTES)  # F_SETPIPE_SZ
    except OSError:
        pass
    try:
        size = fcntl.fcntl(w, 1032)  # F_GETPIPE_SZ
    except OSError:
        pass
    return r, w, size


class _Worker:
    __slots__ = ("pid", "tasks", "results", "room", "sizes", "gone")

    def __init__(self, pid: int, tasks: int, results: int, room: int):
        self.pid, self.tasks, self.results, self.room = pid, tasks, results, room
        self.sizes: deque = deque()  # the bytes of each task sent whose result is not yet read
        self.gone = False  # its task pipe is closed: it died (its results so far are still read)

    @property
    def out(self) -> int:
        return len(self.sizes)

    def fits(self, size: int) -> bool:
        """Whether a task of ``size`` bytes can be written without waiting on this worker: it
        has none outstanding, or its pipe holds the task beside all those it has (at most)."""
        return not self.gone and (not self.sizes or (len(self.sizes) < WINDOW_PER_JOB and sum(self.sizes) + size <= self.room))


def _fork_ordered(tasks, make_work, jobs, *, setup, on_dead) -> Iterator[list]:
    """run_ordered by forked workers: one pipe of tasks and one of results per worker.

    Deadlock-free: the runner writes a task to a worker only if the worker has none
    outstanding or the pipe has room for it beside those it has, and tasks are sent in
    window order (the first task waiting is always sendable once those before it are
    read); it reads results only from the worker computing the oldest task."""
    import pickle
    import signal

    live: list[_Worker] = []
    dumps = pickle.dumps

    def spawn() -> _Worker:
        t_r, t_w, room = _pipe()
        r_r, r_w, _ = _pipe()
        pid = os.fork()
        if pid == 0:  # the worker: it never returns into the runner's code
            code = 0
            try:
                os.close(t_w)
                os.close(r_r)
                for other in live:  # another worker's pipes held here would hide its end
                    os.close(other.tasks)
                    os.close(other.results)
                _serve(t_r, r_w, make_work, setup)
            except BaseException:  # noqa: BLE001 - the runner sees the end of the pipe
                code = 1
            finally:
                os._exit(code)
        os.close(t_r)
        os.close(r_w)
        worker = _Worker(pid, t_w, r_r, room)
        live.append(worker)
        return worker

    def end(worker: _Worker, kill: bool = False) -> None:
        if worker in live:
            live.remove(worker)
        for fd in (worker.tasks, worker.results):
            try:
                os.close(fd)
            except OSError:
                pass
        if kill:
            try:
                os.kill(worker.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            os.waitpid(worker.pid, 0)
        except ChildProcessError:
            pass

    def send(worker: _Worker, payload: bytes) -> bool:
        """Whether the worker took the task (False: it has died)."""
        try:
            _write(worker.tasks, [_TASK.pack(len(payload)), payload])
        except BrokenPipeError:
            worker.gone = True
            return False
        worker.sizes.append(len(payload) + _TASK.size)
        return True

    buffer = bytearray(1 << 16)  # every result is read into this one buffer

    def receive(worker: _Worker):
        """The worker's next result (a Block's data a view of ``buffer``), or None if it died."""
        nonlocal buffer
        head = bytearray(_RESULT.size)
        if not _read_into(worker.results, memoryview(head)):
            return None
        kind, meta_len, data_len = _RESULT.unpack(head)
        if len(buffer) < meta_len + data_len:
            buffer = bytearray(meta_len + data_len)
        view = memoryview(buffer)[: meta_len + data_len]
        if not _read_into(worker.results, view):
            return None
        meta = pickle.loads(view[:meta_len])
        if kind == 1:
            return [meta._replace(data=view[meta_len:])]
        return meta

    def one_by_one(task: list) -> list:
        """A task whose worker died: each record again, alone, in a fresh worker."""
        out: list = []
        solo = None
        for item in task:
            solo = solo or spawn()
            sent = send(solo, dumps([item], protocol=pickle.HIGHEST_PROTOCOL))
            result = receive(solo) if sent else None
            if result is None:
                end(solo)
                solo = None
                out.append(on_dead(item))
                continue
            solo.sizes.popleft()
            out.extend(r._replace(data=bytes(r.data)) if type(r) is Block else r for r in result)  # off the buffer
        if solo is not None:
            end(solo)
        return out

    workers = [spawn() for _ in range(jobs)]
    window: deque = deque()  # [task, its pickle, the worker it was sent to or None]
    limit = max(2, WINDOW_PER_JOB * jobs)

    def replace(worker: _Worker) -> None:
        end(worker)
        workers[workers.index(worker)] = spawn()

    def pump() -> None:
        """Send the waiting tasks, in order, while a worker can take the next one."""
        for worker in [w for w in workers if w.gone and not w.sizes]:  # died, every result it wrote read
            replace(worker)
        for entry in window:
            if entry[2] is not None:
                continue
            size = len(entry[1]) + _TASK.size
            while entry[2] is None:
                able = [w for w in workers if w.fits(size)]
                if not able:
                    return
                worker = min(able, key=lambda w: w.out)
                if send(worker, entry[1]):
                    entry[2] = worker
                elif not worker.sizes:  # died with nothing of ours: replaced now (else once its results are read)
                    replace(worker)

    def take() -> list:
        pump()
        task, _, worker = window.popleft()
        result = receive(worker)
        if result is not None:
            worker.sizes.popleft()
            return result
        # the worker died: its other tasks wait for a new worker, this one is done record by record
        replace(worker)
        for entry in window:
            if entry[2] is worker:
                entry[2] = None
        result = one_by_one(task)
        pump()
        return result

    finished = False
    try:
        for task in tasks:
            if len(window) >= limit:
                yield take()
            window.append([task, dumps(task, protocol=pickle.HIGHEST_PROTOCOL), None])
            pump()
        while window:
            yield take()
        finished = True
    finally:
        for worker in list(live):  # finished: each is waiting for a task and ends at the pipe's end
            end(worker, kill=not finished)
