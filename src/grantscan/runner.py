"""The runner: what one scan of many files needs around the per-document pipeline.

``scan_path`` walks the inputs (include/exclude globs, ``.grantscanignore``), answers unchanged files from the
content-hash cache (one hash and one small JSON read; the detector is only built when something misses), runs
the misses through ``pipeline.Scanner`` in worker processes with a per-file timeout and memory cap
(``batch``), then adds what depends on the whole run: content fingerprints relative to the scan root, the
baseline, and the guidance catalogue the reports render. Document order is the input order, always.
Nothing below this module imports it.
"""

from __future__ import annotations

import copy
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from .cache import sha256_file
from .config import Config
from .extract import SUPPORTED_SUFFIXES
from .model import DocumentResult, ScanResult
from .suppress import IGNORE_FILE, PathRules
from .version import __version__

SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", ".venv", "node_modules", ".tox"}
Progress = Callable[[int, int, str], None]


def _rel(path: str, base: Path) -> str | None:
    """``path`` relative to ``base`` with / separators, or None when it is not below it."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
    return None if rel.startswith("..") else rel.replace(os.sep, "/")


class _Filter:
    """include/exclude globs of the config plus the .grantscanignore files that apply to one input."""

    def __init__(self, config: Config, root: Path):
        self.root = root
        # made only when given: building rules imports pathspec (~9 ms of a start)
        self.include = PathRules(config.include) if config.include else None
        self.exclude = PathRules(config.exclude) if config.exclude else None
        self.ignores: list[PathRules] = []
        places = [root] + ([config.config_file.resolve().parent] if config.config_file else [])
        if _rel(str(root), Path.cwd()) is not None:
            places.append(Path.cwd())  # the project folder a CLI run starts in
        for folder in dict.fromkeys(p.resolve() for p in places):
            f = folder / IGNORE_FILE
            if f.is_file():
                self.ignores.append(PathRules.load(f))

    def skipped(self, path: str, walked: bool, is_dir: bool = False) -> bool:
        rel = _rel(path, self.root) or os.path.basename(path)
        if self.exclude and self.exclude.matches(rel, is_dir):
            return True
        for rules in self.ignores:
            r = _rel(path, rules.base) if rules.base else rel
            if r is not None and rules.matches(r, is_dir):
                return True
        include = self.include
        return walked and not is_dir and include is not None and bool(include) and not include.matches(rel)


def _walk(paths: Iterable[str | Path], config: Config) -> Iterator[tuple[str, Path]]:
    """(file, the input folder it was found under, or the file's own folder)."""
    for raw in paths:
        if str(raw) == "-":
            yield "-", Path(".")
            continue
        p = Path(raw)
        if p.is_dir():
            filt = _Filter(config, p)
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if d not in SKIP_DIRS
                    and not d.startswith(".")
                    and not filt.skipped(os.path.join(root, d), True, is_dir=True)
                )
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if (
                        Path(name).suffix.lower() in SUPPORTED_SUFFIXES
                        and not name.startswith("~$")
                        and not filt.skipped(full, True)
                    ):
                        yield full, p
        else:
            parent = p.parent
            if not _Filter(config, parent).skipped(str(raw), False):
                yield str(raw), parent


def iter_inputs(paths: Iterable[str | Path], config: Config | None = None) -> Iterator[str]:
    """Files to scan: given files as given, folders walked recursively for supported types.

    Paths are yielded as the user gave them (or joined under the given folder), sorted per folder.
    Exclude globs and .grantscanignore apply to every file; include globs to files found in folders.
    """
    for path, _ in _walk(paths, config or Config()):
        yield path


def _fingerprint_root(path: str, input_root: Path, root: str | Path | None) -> str:
    """The folder fingerprints are relative to: ``root`` if given, else the working folder when the
    file is below it (so `scan docs/` and `scan docs/a.md` agree), else the input folder."""
    if root is not None:
        return str(root)
    if _rel(path, Path.cwd()) is not None:
        return os.getcwd()
    return str(input_root)


def _finish(result: DocumentResult, root: str) -> None:
    from .fingerprint import assign_fingerprints

    assign_fingerprints(result, root)


class Runner:
    """One configuration, many scans: the result cache, the baseline and the scanner (in its worker processes)
    live as long as the runner, so a long-lived run (``--watch``, ``serve``) builds the detector once.

    ``root`` is the folder fingerprints are relative to (see ``_fingerprint_root``); ``freeze_heap`` is for a
    process that exists for the scan (the command line): see ``batch.run_batch``. Raises
    ``baseline.BaselineError`` for a bad baseline file. Use as a context manager, or call ``close()``.
    """

    def __init__(
        self, config: Config | None = None, *, root: str | Path | None = None, freeze_heap: bool = False
    ):
        self.config = config or Config()
        self.root = root
        self.freeze_heap = freeze_heap
        self.baseline = None
        if self.config.baseline is not None:  # a bad baseline fails before a long scan, not after
            from .baseline import load_baseline

            self.baseline = load_baseline(self.config.baseline)
        self.cache = None
        if self.config.cache:
            from .cache import ResultCache

            self.cache = ResultCache(self.config)
        self._pool: Any = None
        self._scanner: Any = None

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the worker processes."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def _scan_files(self, paths: list[str], on_result: Callable[[int, DocumentResult], None]) -> None:
        """Every file under the memory cap and timeout in a worker (see ``batch``); with no cap, one job or one
        file in this process, by a scanner kept for the next call."""
        from .batch import WorkerPool, scan_in_process

        config = self.config
        if config.memory_limit <= 0 and (config.jobs <= 1 or len(paths) <= 1):
            if self._scanner is None:
                from .pipeline import Scanner

                self._scanner = Scanner(config)
                if self.freeze_heap:
                    self._scanner.freeze()
            scan_in_process(self._scanner, paths, config, on_result)
            return
        if self._pool is None:
            self._pool = WorkerPool(config, max(1, config.jobs), freeze_heap=self.freeze_heap)
        self._pool.scan(paths, on_result)

    def scan(self, path: str | Path | Iterable[str | Path], progress: Progress | None = None) -> ScanResult:
        """Scan a file, a folder (recursively) or several of them; unreadable files become error results.
        ``progress(done, total, path)`` is called after each file."""
        import tempfile

        config, cache = self.config, self.cache
        raw = [path] if isinstance(path, (str, Path)) else list(path)
        inputs = list(_walk(raw, config))
        results: list[DocumentResult | None] = [None] * len(inputs)
        done = 0

        def finished(index: int, result: DocumentResult) -> None:
            nonlocal done
            results[index] = result
            done += 1
            if progress is not None:
                progress(done, len(inputs), result.path)

        misses: list[int] = []
        files: list[str] = []  # what each miss reads: the file, or standard input's copy
        with tempfile.TemporaryDirectory(prefix="grantscan-stdin-") as tmp:
            for i, (p, _) in enumerate(inputs):
                if p == "-":
                    copy_, error = _stdin_copy(config, Path(tmp))
                    if error is not None:
                        finished(i, error)
                    else:
                        misses.append(i)
                        files.append(str(copy_))
                    continue
                sha = sha256_file(p) if cache is not None else None
                hit = cache.get(sha, p) if cache is not None and sha else None
                if hit is not None:
                    finished(i, hit)
                else:
                    misses.append(i)
                    files.append(p)
            if misses:

                def on_result(j: int, result: DocumentResult) -> None:
                    if inputs[misses[j]][0] == "-":
                        result = replace(result, path="-")
                    elif cache is not None:
                        cache.put(result)
                    finished(misses[j], result)

                self._scan_files(files, on_result)
        if cache is not None and cache.writes:
            cache.prune()

        docs = [r for r in results if r is not None]
        for r, (p, input_root) in zip(docs, inputs, strict=True):
            _finish(r, _fingerprint_root(p, input_root, self.root))
        scan = ScanResult(documents=docs, tool_version=__version__)
        _describe(scan, config)
        if self.baseline is not None:
            from .baseline import apply_baseline

            scan.baseline_unmatched = apply_baseline(scan, self.baseline)
        return scan


def _stamps(inputs: Iterable[str]) -> dict[str, tuple[int, int]]:
    out = {}
    for p in inputs:
        try:
            st = os.stat(p)
        except OSError:
            continue
        out[p] = (st.st_mtime_ns, st.st_size)
    return out


def watch(
    runner: Runner,
    paths: list[str | Path],
    on_scan: Callable[[ScanResult], None],
    *,
    interval: float = 1.0,
    stop: Callable[[], bool] = lambda: False,
) -> None:
    """Scan ``paths``, then rescan whatever is added or changed (by modification time and size) every
    ``interval`` seconds, until ``stop()`` is true; ``on_scan`` gets the first result, then each rescan's (of the
    changed files only). One ``Runner``: the detector is built once, for the first scan."""
    files = [p for p, _ in _walk(paths, runner.config)]
    seen = _stamps(files)
    on_scan(runner.scan(paths))
    while not stop():
        time.sleep(interval)
        files = [p for p, _ in _walk(paths, runner.config)]
        now = _stamps(files)
        changed = [p for p in files if p in now and seen.get(p) != now[p]]
        seen = now
        if changed:
            on_scan(runner.scan(changed))


def scan_path(
    path: str | Path | Iterable[str | Path],
    config: Config | None = None,
    *,
    root: str | Path | None = None,
    progress: Progress | None = None,
    freeze_heap: bool = False,
) -> ScanResult:
    """Scan a file, a folder (recursively) or several of them, once: see ``Runner``."""
    with Runner(config, root=root, freeze_heap=freeze_heap) as runner:
        return runner.scan(path, progress)


def _describe(scan: ScanResult, config: Config) -> None:
    """The guidance catalogue, the knowledge dates and the screening lists searched, which every report renders
    (no report loads them itself)."""
    from .explain import catalogue, knowledge_notes
    from .knowledge.designations import screened_lists
    from .knowledge.guidance import Guidance

    guidance = Guidance.load()
    scan.rules = catalogue([f for d in scan.documents for f in d.findings], guidance)
    scan.knowledge = knowledge_notes(guidance)
    scan.knowledge["screened"] = (
        [list(x) for x in screened_lists(config.lists_dir)] if config.screening else []
    )


def _stdin_suffix(head: bytes) -> str:
    """The file type of standard input, told by its first bytes: a PDF, a ZIP package (read as DOCX), a legacy
    OLE file (reported as unsupported), or text."""
    if b"%PDF" in head[:1024]:
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return ".docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ".doc"
    return ".txt"


def _stdin_copy(config: Config, folder: Path) -> tuple[Path | None, DocumentResult | None]:
    """Standard input copied into ``folder`` under the file type its content shows, so that it goes through
    the same extractors, memory cap and timeout as a file; or the error result that says why it cannot."""
    # read up to the largest file-size limit: the copy then meets the limit of the format it turns out to be
    sizes = [config.max_size, config.max_size_pdf, config.max_size_docx, config.max_size_text]
    limit = 0 if 0 in sizes else max(s for s in sizes if s is not None)
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return None, DocumentResult(path="-", status="error", error="cannot read: no standard input")
    data = stream.read(limit + 1 if limit else -1)
    if limit and len(data) > limit:
        return None, DocumentResult(
            path="-",
            status="error",
            error=f"too large: standard input exceeds the {limit / 1e6:.1f} MB limit (--max-size)",
        )
    copy_ = folder / f"stdin{_stdin_suffix(data[:1024])}"
    copy_.write_bytes(data)
    return copy_, None


_last: tuple[Config, Any] | None = None  # the Scanner of the last library call, reused for the same config


def _scanner(config: Config) -> Any:
    """A built ``pipeline.Scanner`` for ``config``: the last one when the configuration is the same."""
    global _last
    if _last is None or _last[0] != config:
        from .pipeline import Scanner

        _last = (copy.deepcopy(config), Scanner(config))
    return _last[1]


def scan_text(text: str, config: Config | None = None) -> DocumentResult:
    """Scan a string as if it were a plain-text document. The detector is built on the first call and
    reused while the configuration stays the same; for many texts, build a ``grantscan.Scanner``."""
    config = config or Config()
    result: DocumentResult = _scanner(config).scan_text(text)
    _finish(result, ".")
    return result
