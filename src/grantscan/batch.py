"""Scanning files in worker processes, where one bad file never stalls or kills the batch.

The Scanner (detector, guidance) is built once in this process and inherited by every forked worker (where
processes are spawned instead, each worker builds its own); workers scan files one at a time sent over a pipe.
The parent knows which file every worker is on, so a file that exceeds ``Config.timeout`` or kills its
worker (segfault, out of memory under the ``Config.memory_limit`` address-space cap) is reported on its own
as an error result, only that worker is replaced, and the other files in flight carry on. A plain
ProcessPoolExecutor cannot do this: it cannot cancel a running task and, when a worker dies, fails every
task in flight without saying which one was to blame.

Every mode goes through the workers: one file or a folder, one job or many, the command line or a library
call to ``scan_path``. A single job is one worker scanning the files in turn, so a decompression bomb or a
parser crash costs that file, and a new worker, never the report of the others. Only with the memory cap
switched off (``memory_limit = 0``) are one job or one file scanned in this process; the timeout then uses
SIGALRM when running in the main thread (it interrupts Python code, not a long call inside a C library).
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from .cache import sha256_file
from .config import Config
from .model import DocumentResult

OnResult = Callable[[int, DocumentResult], None]
log = logging.getLogger(__name__)
INIT_TIMEOUT = 300.0  # seconds a new worker may take to load its detector
_HEADROOM = 512 * 1024 * 1024  # the cap never goes below what a fresh worker already maps plus this


class _Timeout(BaseException):
    """Raised by SIGALRM inside an in-process scan; BaseException so `except Exception` cannot swallow it."""


def _error(path: str, message: str, seconds: float = 0.0) -> DocumentResult:
    return DocumentResult(path=path, status="error", error=message, sha256=sha256_file(path), seconds=seconds)


def _timeout_message(seconds: float) -> str:
    return f"timeout: gave up after {seconds:g} s (--timeout)"


def _limit_memory(limit: int) -> None:
    """Cap this process's address space at ``limit`` bytes (never below current use + headroom)."""
    if limit <= 0:
        return
    try:
        import resource

        with open("/proc/self/statm") as fh:
            mapped = int(fh.read().split()[0]) * resource.getpagesize()
        cap = max(limit, mapped + _HEADROOM)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ImportError, OSError, ValueError):
        pass  # not Linux: no cap


def _worker_main(conn: Connection, config: Config, scanner: Any = None) -> None:
    """Worker process: scan (index, path) tasks until told to stop, with the Scanner inherited from the parent
    (forked) or built here once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends the workers
    _limit_memory(config.memory_limit)
    try:
        if scanner is None:
            from .pipeline import Scanner

            scanner = Scanner(config)
        scanner.freeze()  # this process exists for the scanner; frozen, inherited objects stay shared
    except BaseException as e:  # report why the detector could not be built, then stop
        conn.send(("init-error", _portable(e)))
        return
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, path = task
        conn.send(("done", (index, scanner.scan_file(path))))


def _portable(e: BaseException) -> tuple[type[BaseException], str, dict[str, Any]]:
    """An exception as (class, message, attributes): exceptions with custom __init__ arguments (PackError)
    do not survive pickling as themselves."""
    attrs = {}
    for k, v in getattr(e, "__dict__", {}).items():
        try:
            pickle.dumps(v)
        except Exception:
            continue
        attrs[k] = v
    cls = type(e)
    try:
        pickle.dumps(cls)
    except Exception:
        cls = RuntimeError
    return cls, str(e), attrs


def _rebuild(cls: type[BaseException], message: str, attrs: dict[str, Any]) -> BaseException:
    exc = cls.__new__(cls)
    BaseException.__init__(exc, message)
    for k, v in attrs.items():
        try:
            setattr(exc, k, v)
        except AttributeError:
            pass
    return exc


@dataclass
class _Worker:
    proc: Any
    conn: Connection
    born: float
    ready: bool = False
    task: tuple[int, str] | None = None
    started: float = 0.0


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def run_batch(
    paths: Sequence[str], config: Config, on_result: OnResult | None = None, *, freeze_heap: bool = False
) -> list[DocumentResult]:
    """Scan ``paths``; results come back in input order. ``on_result(index, result)`` fires as each ends.

    Files are scanned in worker processes under ``config.memory_limit`` and ``config.timeout``; with no memory
    cap, one job or one file is scanned in this process. ``freeze_heap`` freezes the built scanner's objects out
    of the garbage collector's way in this process (``Scanner.freeze``): only a process that exists for the scan
    asks for it (workers always do).
    """
    if not paths:
        return []
    jobs = max(1, config.jobs)
    if config.memory_limit <= 0 and (jobs == 1 or len(paths) <= 1):
        return _run_in_process(paths, config, on_result, freeze_heap)
    return _run_pool(paths, config, min(jobs, len(paths)), on_result, freeze_heap)


def _run_in_process(
    paths: Sequence[str], config: Config, on_result: OnResult | None, freeze_heap: bool = False
) -> list[DocumentResult]:
    from .pipeline import Scanner

    if not paths:
        return []
    scanner = Scanner(config)
    if freeze_heap:
        scanner.freeze()
    return scan_in_process(scanner, paths, config, on_result)


def scan_in_process(
    scanner: Any, paths: Sequence[str], config: Config, on_result: OnResult | None = None
) -> list[DocumentResult]:
    """Scan ``paths`` in this process with a built ``Scanner`` (no memory cap; the timeout by SIGALRM in the
    main thread)."""
    results: list[DocumentResult] = []
    use_alarm = (
        config.timeout > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    for i, path in enumerate(paths):
        t = time.perf_counter()
        if use_alarm:
            result = _scan_with_alarm(scanner, path, config.timeout)
            if result is None:
                result = _error(path, _timeout_message(config.timeout), time.perf_counter() - t)
        else:
            result = scanner.scan_file(path)
        results.append(result)
        if on_result:
            on_result(i, result)
    return results


def _scan_with_alarm(scanner: Any, path: str, timeout: float) -> DocumentResult | None:
    """scanner.scan_file(path), or None when it ran past ``timeout`` seconds."""

    def _raise(signum: int, frame: Any) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, _raise)
    try:
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            result: DocumentResult = scanner.scan_file(path)
            return result
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Timeout:
        return None
    finally:
        signal.signal(signal.SIGALRM, previous)


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


class WorkerPool:
    """Worker processes that scan files, kept between batches: a long-lived run (``--watch``, ``serve``) builds
    the scanner once and reuses its workers; a worker that crashes or times out is replaced.

    Use as a context manager, or call ``close()``.
    """

    def __init__(self, config: Config, size: int = 1, *, freeze_heap: bool = False):
        self.config = config
        self.size = max(1, size)
        self.ctx = _context()
        self.inherited: Any = None
        self.freeze_heap = freeze_heap
        if self.ctx.get_start_method() == "fork":
            # built once here and shared by every worker, however many are started or replaced after a crash;
            # a build error is raised as it is
            from .pipeline import Scanner

            self.inherited = Scanner(config)
            self.inherited.preload()
            if freeze_heap:
                # the garbage collector would otherwise walk the scanner's objects again in this process (while
                # the report is made, and at exit: ~0.1-0.2 s of CPU), and touching them copies pages a worker
                # shares
                self.inherited.freeze()
        self.workers: list[_Worker] = []
        self.init_failures = 0
        self.prepared = False

    def _prepare(self) -> None:
        """Make the screening tables every worker would otherwise make for itself on its first block, here, before
        the workers that share them are forked. Only where two or more workers will run: a batch of one file
        shares them with no one and its scan may need few of them (one short file: about 10 MB of peak memory)."""
        self.prepared = True
        partners = getattr(getattr(self.inherited, "detector", None), "partners", None)
        if partners is not None:
            partners.prepare()
            if self.freeze_heap:
                self.inherited.freeze()  # the new tables too

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _spawn(self) -> None:
        parent_conn, child_conn = self.ctx.Pipe()
        proc = self.ctx.Process(
            target=_worker_main,
            args=(child_conn, self.config, self.inherited),
            daemon=True,
            name="grantscan-worker",
        )
        proc.start()
        child_conn.close()
        self.workers.append(_Worker(proc, parent_conn, time.monotonic()))

    def _retire(self, w: _Worker, kill: bool) -> None:
        if kill and w.proc.is_alive():
            w.proc.kill()
        w.proc.join(timeout=5)
        w.conn.close()
        self.workers.remove(w)

    def close(self) -> None:
        """Stop every worker."""
        for w in self.workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in list(self.workers):
            w.proc.join(timeout=2)
            self._retire(w, kill=True)

    def scan(self, paths: Sequence[str], on_result: OnResult | None = None) -> list[DocumentResult]:
        """Scan ``paths``; results in input order, ``on_result(index, result)`` as each ends."""
        config, workers = self.config, self.workers
        results: list[DocumentResult | None] = [None] * len(paths)
        pending = deque(enumerate(paths))

        def finish(w: _Worker, result: DocumentResult) -> None:
            assert w.task is not None
            index = w.task[0]
            w.task = None
            results[index] = result
            if on_result:
                on_result(index, result)

        try:
            while pending or any(w.task for w in workers):
                busy = sum(1 for w in workers if w.task)
                wanted = min(self.size, busy + len(pending))
                if wanted > 1 and not self.prepared and self.inherited is not None:
                    self._prepare()
                while len(workers) < wanted:
                    self._spawn()
                for w in list(workers):
                    if w.ready and w.task is None and pending:
                        task = pending.popleft()
                        try:
                            w.conn.send(task)
                        except OSError:  # the worker died while idle: the file goes to another one
                            pending.appendleft(task)
                            self._retire(w, kill=True)
                            continue
                        w.task, w.started = task, time.monotonic()
                now = time.monotonic()
                deadlines = [
                    w.started + config.timeout if w.task else w.born + INIT_TIMEOUT
                    for w in workers
                    if w.task or not w.ready
                ]
                wait_for = max(0.0, min(deadlines) - now) if deadlines else None
                ready = wait([w.conn for w in workers] + [w.proc.sentinel for w in workers], timeout=wait_for)
                for w in list(workers):
                    died = w.proc.sentinel in ready
                    if w.conn in ready:
                        try:
                            kind, payload = w.conn.recv()
                        except Exception:  # closed pipe or an unreadable message: treat the worker as dead
                            log.debug("no readable message from worker %s", w.proc.pid, exc_info=True)
                            kind, payload = "died", None
                        if kind == "ready":
                            w.ready = True
                            continue
                        if kind == "done":
                            finish(w, payload[1])
                            continue
                        if kind == "init-error":
                            raise _rebuild(*payload)
                        died = True
                    if not died:
                        continue
                    w.proc.join(timeout=5)
                    if w.task:
                        finish(
                            w,
                            _error(
                                w.task[1],
                                f"crashed: the worker scanning it died "
                                f"({_describe_exit(w.proc.exitcode)}; out of memory?)",
                                time.monotonic() - w.started,
                            ),
                        )
                    elif not w.ready:
                        self.init_failures += 1
                        if self.init_failures > self.size + 2:
                            raise RuntimeError(
                                "grantscan workers keep dying while loading the detector "
                                f"({_describe_exit(w.proc.exitcode)})"
                            )
                    self._retire(w, kill=True)
                now = time.monotonic()
                for w in list(workers):
                    if w.task and now - w.started >= config.timeout:
                        finish(w, _error(w.task[1], _timeout_message(config.timeout), now - w.started))
                        self._retire(w, kill=True)
                    elif not w.ready and now - w.born >= INIT_TIMEOUT:
                        raise RuntimeError(f"a grantscan worker took more than {INIT_TIMEOUT:g} s to start")
        except BaseException:
            self.close()  # an interrupted batch leaves no worker behind, nor one half-way through a file
            raise
        return [r for r in results if r is not None]


def _run_pool(
    paths: Sequence[str], config: Config, size: int, on_result: OnResult | None, freeze_heap: bool = False
) -> list[DocumentResult]:
    with WorkerPool(config, size, freeze_heap=freeze_heap) as pool:
        return pool.scan(paths, on_result)
