"""Query time limits that really stop the work.

On-disk stores: queries run in a pool of worker processes (``python -m server.pool DIR``).
A worker that passes the time limit is killed (SIGKILL) and replaced; the client gets 503.
The serving process keeps the only writable handle. Workers do not open the live store
read-only (RocksDB may delete files under a read-only handle when the writer compacts):
after every write the server takes a checkpoint (``Store.backup``: hard links, cheap) into
``DIR/<version>`` and a worker opens the newest checkpoint read-only when a job carries a
newer version, so every acknowledged write is visible to the next query.

In-memory stores cannot be shared between processes: their queries run in a thread and the
client gets 503 at the limit, but the thread runs on until the query ends (a documented
limitation; pyoxigraph has no way to cancel a running query).
"""

from __future__ import annotations

import atexit
import logging
import os
import pickle
import queue
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
from typing import IO, Any

from kg.errors import KGError, QueryTimeoutError, StoreError
from server.execute import Job, Outcome, Runner, execute

__all__ = ["ProcessPool", "ThreadRunner"]

log = logging.getLogger("kg.server.pool")
_HEADER = struct.Struct(">I")


def _timeout_message(seconds: float) -> str:
    return (f"the query was stopped after the time limit of {seconds:g} s "
            "(query_timeout_s); make it more selective or add a LIMIT")


def _write(stream: IO[bytes], value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read_exact(fd: int, size: int) -> bytes:
    chunks = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            raise EOFError("worker closed its pipe")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _read(fd: int) -> Any:
    (size,) = _HEADER.unpack(_read_exact(fd, _HEADER.size))
    return pickle.loads(_read_exact(fd, size))  # noqa: S301 - our own child process


class ThreadRunner:
    """Time limit for in-memory stores: the answer stops at the limit, the query does not
    (it runs on in a daemon thread until it ends; at most ``size`` run at once)."""

    def __init__(self, run: Runner, size: int) -> None:
        self._run = run
        self._slots = threading.BoundedSemaphore(max(size, 1))

    def run(self, job: Job, timeout: float) -> Outcome:
        if not self._slots.acquire(timeout=timeout):
            raise QueryTimeoutError("every query slot is busy; try again later")
        box: dict[str, Any] = {}
        done = threading.Event()

        def work() -> None:
            try:
                box["outcome"] = execute(self._run, job)
            except BaseException as exc:
                box["error"] = exc
            finally:
                self._slots.release()
                done.set()

        threading.Thread(target=work, name="kg-query", daemon=True).start()
        if not done.wait(timeout):
            raise QueryTimeoutError(_timeout_message(timeout))
        if "error" in box:
            raise box["error"]
        outcome: Outcome = box["outcome"]
        return outcome

    def close(self) -> None:
        pass


class _Worker:
    def __init__(self, path: str, version: int, open_files: int | None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server.pool", path, str(version),
             str(open_files or 0)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin = self.process.stdin
        self.fd = self.process.stdout.fileno()

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            log.warning("could not reap query worker %s", self.process.pid)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


def _remove_stale_snapshots(parent: str) -> None:
    """Checkpoint folders left by a server that died without cleaning up."""
    for name in os.listdir(parent):
        if not name.startswith(".kg-snapshots-"):
            continue
        pid = name.split("-")[3] if name.count("-") >= 4 else ""
        if pid.isdigit() and int(pid) != os.getpid():
            try:
                os.kill(int(pid), 0)
                continue  # its server still runs
            except ProcessLookupError:
                pass
            except PermissionError:
                continue
        shutil.rmtree(os.path.join(parent, name), ignore_errors=True)


class ProcessPool:
    """``size`` worker processes over checkpoints of the on-disk store ``store``."""

    keep = 3  # checkpoints kept: workers still reading an older one finish their query

    def __init__(self, store: Any, location: str, size: int,
                 open_files: int | None = None) -> None:
        self._store = store
        self._open_files = open_files
        parent = os.path.dirname(os.path.abspath(location))
        _remove_stale_snapshots(parent)
        self.path = tempfile.mkdtemp(prefix=f".kg-snapshots-{os.getpid()}-", dir=parent)
        self._versions: list[int] = []
        self.snapshot(0)
        # Last in, first out: the busiest worker stays warm (its store handle and block
        # cache), idle ones are only woken under concurrent load.
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(size, 1)):
            self._spawn()
        atexit.register(self.close)

    def snapshot(self, version: int) -> None:
        """Checkpoint the store as ``version`` (call after a write, under the write lock)."""
        target = os.path.join(self.path, str(version))
        if os.path.exists(target):
            shutil.rmtree(target)
        self._store.backup(target)
        self._versions.append(version)
        while len(self._versions) > self.keep:
            shutil.rmtree(os.path.join(self.path, str(self._versions.pop(0))),
                          ignore_errors=True)

    def _spawn(self) -> None:
        worker = _Worker(self.path, self._versions[-1], self._open_files)
        with self._lock:
            self._all.add(worker)
        self._idle.put(worker)

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
        if not self._closed:
            self._spawn()

    def run(self, job: Job, timeout: float) -> Outcome:
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeoutError("every query worker is busy; try again later") from None
        try:
            _write(worker.stdin, job)
            remaining = max(deadline - time.monotonic(), 0.0)
            ready, _, _ = select.select([worker.fd], [], [], remaining)
            if not ready:
                self._discard(worker)
                raise QueryTimeoutError(_timeout_message(timeout))
            answer = _read(worker.fd)
        except (OSError, EOFError, pickle.UnpicklingError) as exc:
            self._discard(worker)
            raise StoreError(f"the query worker failed: {exc}") from exc
        self._idle.put(worker)
        if isinstance(answer, Outcome):
            return answer
        status, message = answer
        error = KGError(message)
        error.status = status
        raise error

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()
        shutil.rmtree(self.path, ignore_errors=True)


def _serve(path: str, version: int, open_files: int | None = None
           ) -> None:  # pragma: no cover - in the worker process
    """The worker loop: read a job, (re)open the store if it is stale, answer."""
    import pyoxigraph as ox

    from kg.store.oxigraph import open_files_cap
    from server.execute import oxigraph_runner

    def checkpoint(number: int) -> Any:
        with open_files_cap(open_files):
            return ox.Store.read_only(os.path.join(path, str(number)))

    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr  # nothing but answers goes to the pipe
    stdin = sys.stdin.buffer.fileno()
    store: Any = None
    try:  # open before the first job, not during it
        store = checkpoint(version)
    except (OSError, RuntimeError):
        store, version = None, -1
    while True:
        try:
            job = _read(stdin)
        except EOFError:
            return
        assert isinstance(job, Job)
        answer: Any
        for attempt in (1, 2):
            try:
                if store is None or job.version != version or attempt == 2:
                    store = None
                    store = checkpoint(job.version)
                    version = job.version
                answer = execute(oxigraph_runner(store), job)
                break
            except KGError as exc:
                answer = (exc.status, exc.message)
                break
            except (OSError, RuntimeError) as exc:  # a stale handle: reopen once
                answer = (500, f"query failed: {exc}")
            except Exception as exc:
                answer = (500, f"query failed: {type(exc).__name__}: {exc}")
                break
        _write(out, answer)


if __name__ == "__main__":  # pragma: no cover
    _serve(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else -1,
           int(sys.argv[3]) or None if len(sys.argv) > 3 else None)
