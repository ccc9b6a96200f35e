"""Content-hash result cache: an unchanged file is neither re-extracted nor re-detected.

Key = sha256(file bytes) + a digest of everything else that changes a result: grantscan's version and
source files, every pattern/guidance YAML in use (shipped and extra packs), the screening-list folder
listing, and the result-changing options (the allow-list among them: suppression runs before scoring).
Value = the DocumentResult as JSON, without path, fingerprints or baseline state (those depend on where and
how the file is scanned and are applied later).
A hit costs one file hash and one small JSON read; nothing here imports spaCy or a PDF library.
Writes go to a temp file + ``os.replace``, so concurrent runs never see half an entry; unreadable
entries count as misses.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from .config import Config
from .model import ControlCandidate, DocumentResult, Finding, ListMatch, Location

SCHEMA = 2  # bump when the entry layout changes
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
_PACK_SUFFIXES = {".yaml", ".yml"}
TRANSIENT_ERRORS = ("timeout", "crashed", "out of memory", "detection failed", "cannot read")


def sha256_file(path: str | Path) -> str | None:
    """Hex SHA-256 of a file's bytes (the cache key of its content), or None when it cannot be read."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def default_cache_dir() -> Path:
    """platformdirs' user cache dir for grantscan (honours XDG_CACHE_HOME)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("grantscan"))


# ---- serialisation (model.py has to_dict for reports, which is lossy: no offsets, rounded scores) ----


def location_to_dict(loc: Location) -> dict[str, Any]:
    return {
        f.name: (list(v) if f.name == "bbox" and v is not None else v)
        for f in fields(Location)
        if (v := getattr(loc, f.name)) is not None
    }


def location_from_dict(d: dict[str, Any]) -> Location:
    d = dict(d)
    if d.get("bbox") is not None:
        d["bbox"] = tuple(d["bbox"])
    return Location(**d)


def finding_to_dict(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for fl in fields(Finding):
        v = getattr(f, fl.name)
        if fl.name == "location":
            v = location_to_dict(v)
        elif fl.name == "occurrences":
            v = [location_to_dict(o) for o in v]
        elif fl.name in ("lists", "control_candidates"):
            v = [asdict(m) for m in v]
        out[fl.name] = v
    return out


def finding_from_dict(d: dict[str, Any]) -> Finding:
    d = dict(d)
    d["location"] = location_from_dict(d["location"])
    d["occurrences"] = [location_from_dict(o) for o in d.get("occurrences", [])]
    d["lists"] = [ListMatch(**m) for m in d.get("lists", [])]
    d["control_candidates"] = [ControlCandidate(**c) for c in d.get("control_candidates", [])]
    return Finding(**d)


def result_to_dict(r: DocumentResult) -> dict[str, Any]:
    """Every field of ``r`` except path and cached, findings without fingerprints."""
    out: dict[str, Any] = {}
    for fl in fields(DocumentResult):
        if fl.name in ("path", "cached"):
            continue
        out[fl.name] = getattr(r, fl.name)
    out["findings"] = [finding_to_dict(f) | {"fingerprint": None} for f in r.findings]
    out["risk_reasons"] = list(r.risk_reasons)
    return out


def result_from_dict(d: dict[str, Any], path: str) -> DocumentResult:
    d = dict(d)
    d["findings"] = [finding_from_dict(f) for f in d.get("findings", [])]
    return DocumentResult(path=path, **d)


# ---- the digest of everything besides the file's bytes ----


def _hash_file(h: Any, path: Path, label: str) -> None:
    h.update(label.encode("utf-8") + b"\0")
    try:
        h.update(hashlib.sha256(path.read_bytes()).digest())
    except OSError:
        h.update(b"unreadable")


def _hash_tree(h: Any, root: Path, suffixes: set[str] | None) -> None:
    """Hash the contents of ``root`` (a file, or every matching file below a folder)."""
    if root.is_file():
        _hash_file(h, root, root.name)
        return
    for p in sorted(root.rglob("*")):
        if p.is_file() and (suffixes is None or p.suffix.lower() in suffixes):
            _hash_file(h, p, p.relative_to(root).as_posix())


def _tool_version() -> str:
    from .version import __version__

    return __version__


@functools.cache
def _code_digest() -> str:
    """Hash of the package's source files, taken once per process (the code it runs).

    Catches edits in a development install, whose version string never changes. Contents, not mtimes:
    a checkout or a formatter that rewrites a file unchanged keeps the cache.
    """
    h = hashlib.sha256()
    pkg = Path(__file__).resolve().parent
    _hash_tree(h, pkg, {".py"})
    return h.hexdigest()


def config_digest(config: Config) -> str:
    """sha256 over the tool version and code, pattern packs, screening lists and result-changing options."""
    from .knowledge.resources import patterns_dir

    h = hashlib.sha256()
    h.update(f"schema={SCHEMA};version={_tool_version()};code={_code_digest()}\n".encode())
    try:
        _hash_tree(h, patterns_dir(), _PACK_SUFFIXES)
    except FileNotFoundError:
        h.update(b"no-patterns")
    from .knowledge.designations import digest as designations_digest

    h.update(f"designations={designations_digest()}\n".encode())  # shipped snapshot and imported lists
    for extra in config.extra_packs:
        h.update(f"extra={extra}\n".encode())
        _hash_tree(h, Path(extra), _PACK_SUFFIXES)
    if config.lists_dir is not None:
        root = Path(config.lists_dir)
        h.update(f"lists={root}\n".encode())
        for p in sorted(root.rglob("*")) if root.is_dir() else []:
            if p.is_file():
                st = p.stat()
                h.update(f"{p.relative_to(root).as_posix()}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    options = {
        "categories": sorted(config.categories) if config.categories is not None else None,
        "model": config.model,
        "screening": config.screening,
        "host_institutions": sorted(config.host_institutions),
        "host_country": config.host_country,
        "max_pages": config.max_pages,
        "max_size": config.max_size,
        # the other extraction limits: a lowered one turns a cached result into "too large"
        "max_size_formats": [config.max_size_pdf, config.max_size_docx, config.max_size_text],
        "max_page_chars": config.max_page_chars,
        "max_chars": config.max_chars,
        "max_unpacked": [config.max_docx_xml, config.max_pdf_content],
        "password": hashlib.sha256(config.password.encode()).hexdigest() if config.password else None,
        "allow": {k: sorted(v) for k, v in sorted(config.allow.items())},
    }
    h.update(json.dumps(options, sort_keys=True).encode())
    return h.hexdigest()


class ResultCache:
    """Cached DocumentResults under ``<cache dir>/v<SCHEMA>/<key[:2]>/<key>.json``."""

    def __init__(self, config: Config, max_bytes: int = DEFAULT_MAX_BYTES):
        self.root = Path(config.cache_dir or default_cache_dir()) / f"v{SCHEMA}"
        self.digest = config_digest(config)
        self.max_bytes = max_bytes
        self.writes = 0

    def _entry(self, sha256: str) -> Path:
        key = hashlib.sha256(f"{sha256}:{self.digest}".encode()).hexdigest()
        return self.root / key[:2] / f"{key}.json"

    def get(self, sha256: str, path: str) -> DocumentResult | None:
        """The cached result for file content ``sha256``, shown under ``path``; None on a miss."""
        entry = self._entry(sha256)
        try:
            data = json.loads(entry.read_bytes())
            result = result_from_dict(data, path)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError):
            entry.unlink(missing_ok=True)  # corrupt or from an incompatible layout: a miss
            return None
        if result.sha256 != sha256:
            return None
        result.cached = True
        try:
            os.utime(entry)  # recently used entries survive pruning
        except OSError:
            pass
        return result

    def put(self, result: DocumentResult) -> None:
        """Store a result: ok, or an error that follows from the content (encrypted, no text layer...).

        Timeouts, crashes, memory exhaustion and detection failures are never stored: they depend on
        limits, load or the machine, and the next run should try again.
        """
        if not result.sha256 or (
            result.status != "ok" and result.error and result.error.startswith(TRANSIENT_ERRORS)
        ):
            return
        entry = self._entry(result.sha256)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=entry.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(result_to_dict(result), fh, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, entry)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return  # a read-only or full cache never fails a scan
        self.writes += 1

    def prune(self) -> int:
        """Delete the least recently used entries beyond ``max_bytes``; return how many were deleted."""
        entries = []
        for p in self.root.glob("*/*.json"):
            try:
                st = p.stat()
            except OSError:  # removed by a concurrent run
                continue
            entries.append((st.st_mtime, st.st_size, p))
        total = sum(size for _, size, _ in entries)
        removed = 0
        for _, size, p in sorted(entries, key=lambda e: e[0]):
            if total <= self.max_bytes:
                break
            p.unlink(missing_ok=True)
            total -= size
            removed += 1
        return removed
