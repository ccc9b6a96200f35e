"""The pipeline: extract -> detect -> guidance -> score, for one file, a folder, or a string."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import __version__
from .config import Config
from .extract import SUPPORTED_SUFFIXES, ExtractionError, extract
from .model import Document, DocumentResult, Location, ScanResult, TextBlock

SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", ".venv", "node_modules", ".tox"}


def iter_inputs(paths: Iterable[str | Path], config: Config | None = None) -> Iterator[str]:
    """Files to scan: given files as given, folders walked recursively for supported types.

    Paths are yielded as the user gave them (or joined under the given folder), sorted per folder.
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    if Path(name).suffix.lower() in SUPPORTED_SUFFIXES and not name.startswith("~$"):
                        yield os.path.join(root, name)
        else:
            yield str(raw)


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

    def analyse(self, doc: Document, result: DocumentResult) -> DocumentResult:
        from .detect.score import assess

        findings = self.detector.detect(doc)
        self.guidance.apply(findings)
        assessment = assess(doc, findings)
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
        try:
            doc = extract(path, self.config.extract_options())
        except ExtractionError as e:
            result.status, result.error = "error", e.reason
        except Exception as e:  # a parser bug must not stop the batch
            result.status, result.error = "error", f"corrupt or unreadable: {type(e).__name__}: {e}"[:300]
        else:
            self.analyse(doc, result)
        result.seconds = time.perf_counter() - t
        return result

    def scan_text(self, text: str, name: str = "<text>") -> DocumentResult:
        doc = Document(path=name, format="text", blocks=[TextBlock(text, Location(line=1, column=1))])
        result = DocumentResult(path=name, status="ok",
                                sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
        if not text.strip():
            result.status, result.error = "error", "empty: no text found"
            return result
        return self.analyse(doc, result)


def scan_path(path: str | Path | Iterable[str | Path], config: Config | None = None) -> ScanResult:
    """Scan a file, a folder (recursively) or several of them; unreadable files become error results."""
    paths = [path] if isinstance(path, (str, Path)) else list(path)
    scanner = Scanner(config)
    docs = [scanner.scan_file(p) for p in iter_inputs(paths, scanner.config)]
    return ScanResult(documents=docs, tool_version=__version__)


def scan_text(text: str, config: Config | None = None) -> DocumentResult:
    """Scan a string as if it were a plain-text document."""
    return Scanner(config).scan_text(text)
