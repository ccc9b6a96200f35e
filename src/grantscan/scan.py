"""The pipeline: extract -> detect -> guidance -> score, for one file, a folder, or a string.

``scan_path`` wraps it for real use: inputs filtered by include/exclude globs and ``.grantscanignore``,
a content-hash cache (an unchanged file costs one hash and one small JSON read; the detector is only built
when something misses), parallel workers with a per-file timeout, then suppression (inline markers, the
allow-list), content fingerprints and the baseline. Document order is the input order, always.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from . import __version__
from .config import Config
from .extract import SUPPORTED_SUFFIXES, ExtractionError, ExtractOptions, extract
from .model import Document, DocumentResult, Finding, Location, ScanResult, TextBlock
from .suppress import IGNORE_FILE, AllowList, PathRules, apply_inline

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
        self.include = PathRules(config.include)
        self.exclude = PathRules(config.exclude)
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
        return walked and not is_dir and bool(self.include) and not self.include.matches(rel)


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


def extract_options(config: Config) -> ExtractOptions:
    """The extraction limits and password of a run."""
    return ExtractOptions(password=config.password, max_size=config.max_size, max_pages=config.max_pages)


def sha256_file(path: str | Path) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


class Scanner:
    """Builds the detector and guidance once, then scans many documents."""

    def __init__(self, config: Config | None = None):
        from .detect import Detector
        from .guidance import Guidance

        self.config = config or Config()
        self.detector = Detector(self.config)
        self.guidance = Guidance.load()

    def _enabled(self, f: Finding) -> bool:
        cats = self.config.categories
        if cats is None:
            return True
        sub = f.subcategory or ""
        return f.category in cats or sub in cats

    def analyse(self, doc: Document, result: DocumentResult) -> DocumentResult:
        from .detect.score import assess

        findings = [f for f in self.detector.detect(doc) if self._enabled(f)]
        self.guidance.apply(findings)
        assessment = assess(doc, findings)
        apply_inline(doc, findings)
        result.findings = findings
        result.document_type = assessment.document_type
        result.risk_score = assessment.risk_score
        result.risk_reasons = assessment.reasons
        result.format = doc.format
        result.pages = doc.pages
        return result

    def scan_file(self, path: str | Path) -> DocumentResult:
        t = time.perf_counter()
        result = DocumentResult(path=str(path), status="ok", sha256=sha256_file(path))
        stage = "corrupt or unreadable"
        try:
            doc = extract(path, extract_options(self.config))
            stage = "detection failed"
            self.analyse(doc, result)
        except ExtractionError as e:
            result.status, result.error = "error", e.reason
        except MemoryError:
            result.findings = []
            result.status, result.error = "error", "out of memory: the file needs more memory than allowed"
        except Exception as e:  # a parser or detector bug must not stop the batch
            result.findings = []
            result.status, result.error = "error", f"{stage}: {type(e).__name__}: {e}"[:300]
        result.seconds = time.perf_counter() - t
        return result

    def scan_text(self, text: str, name: str = "<text>") -> DocumentResult:
        doc = Document(path=name, format="text", blocks=[TextBlock(text, Location(line=1, column=1))])
        result = DocumentResult(
            path=name, status="ok", sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()
        )
        if not text.strip():
            result.status, result.error = "error", "empty: no text found"
            return result
        return self.analyse(doc, result)


def _fingerprint_root(path: str, input_root: Path, root: str | Path | None) -> str:
    """The folder fingerprints are relative to: ``root`` if given, else the working folder when the
    file is below it (so `scan docs/` and `scan docs/a.md` agree), else the input folder."""
    if root is not None:
        return str(root)
    if _rel(path, Path.cwd()) is not None:
        return os.getcwd()
    return str(input_root)


def _finish(result: DocumentResult, allow: AllowList, root: str) -> None:
    from .fingerprint import assign_fingerprints

    if allow:
        allow.apply(result.findings)
    assign_fingerprints(result, root)


def scan_path(
    path: str | Path | Iterable[str | Path],
    config: Config | None = None,
    *,
    root: str | Path | None = None,
    progress: Progress | None = None,
) -> ScanResult:
    """Scan a file, a folder (recursively) or several of them; unreadable files become error results.

    ``root`` is the folder fingerprints are relative to (see ``_fingerprint_root``). ``progress(done,
    total, path)`` is called after each file. Raises ``baseline.BaselineError`` for a bad baseline file.
    """
    config = config or Config()
    baseline = None
    if config.baseline is not None:  # a bad baseline fails before a long scan, not after
        from .baseline import load_baseline

        baseline = load_baseline(config.baseline)
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

    cache = None
    if config.cache:
        from .cache import ResultCache

        cache = ResultCache(config)
    misses: list[int] = []
    for i, (p, _) in enumerate(inputs):
        if p == "-":
            finished(i, Scanner(config).scan_text(sys.stdin.read(), name="-"))
            continue
        sha = sha256_file(p) if cache is not None else None
        hit = cache.get(sha, p) if cache is not None and sha else None
        if hit is not None:
            finished(i, hit)
        else:
            misses.append(i)
    if misses:
        from .batch import run_batch

        def on_result(j: int, result: DocumentResult) -> None:
            if cache is not None:
                cache.put(result)
            finished(misses[j], result)

        run_batch([inputs[i][0] for i in misses], config, on_result)
    if cache is not None and cache.writes:
        cache.prune()

    allow = AllowList(config.allow)
    docs = [r for r in results if r is not None]
    for r, (p, input_root) in zip(docs, inputs, strict=True):
        _finish(r, allow, _fingerprint_root(p, input_root, root))
    scan = ScanResult(documents=docs, tool_version=__version__)
    if baseline is not None:
        from .baseline import apply_baseline

        scan.baseline_unmatched = apply_baseline(scan, baseline)
    return scan


def scan_text(text: str, config: Config | None = None) -> DocumentResult:
    """Scan a string as if it were a plain-text document."""
    config = config or Config()
    result = Scanner(config).scan_text(text)
    _finish(result, AllowList(config.allow), ".")
    return result
