"""Baselines: record today's findings so later scans report only new ones.

The file is diff-friendly JSON (detect-secrets style): a format version and a sorted list of
{fingerprint, rule_id, category, path, text}; no timestamps, no line numbers. Matching uses the
fingerprint only (see fingerprint.py), so edits elsewhere in a document keep old findings baselined.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .model import ScanResult

FORMAT_VERSION = 1
SUPPRESSED_BY_BASELINE = "baseline"
_ENTRY_KEYS = ("fingerprint", "rule_id", "category", "path", "text")


class BaselineError(ValueError):
    """A baseline file cannot be used. The message names the file."""


def create_baseline(result: ScanResult) -> dict[str, Any]:
    """Baseline data for every positive finding of ``result`` not suppressed in the document itself."""
    entries = []
    for d in result.documents:
        for f in d.findings:
            if f.kind != "finding" or (f.suppressed and f.suppressed != SUPPRESSED_BY_BASELINE):
                continue
            if not f.fingerprint:
                raise ValueError(f"{d.path}: finding {f.rule_id!r} has no fingerprint")
            entries.append(
                {
                    "fingerprint": f.fingerprint,
                    "rule_id": f.rule_id,
                    "category": f.category,
                    "path": d.path.replace(os.sep, "/").removeprefix("./"),
                    "text": f.text,
                }
            )
    entries.sort(key=lambda e: (e["path"], e["rule_id"], e["fingerprint"]))
    return {"version": FORMAT_VERSION, "tool": "grantscan", "findings": entries}


def write_baseline(data: dict[str, Any], path: str | Path) -> None:
    """Write ``data`` atomically (temp file + rename) as stable, sorted JSON."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False, sort_keys=True)
            fh.write("\n")
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _upgrade(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """Bring an older format up to FORMAT_VERSION (only version 1 exists so far)."""
    version = data.get("version")
    if version != FORMAT_VERSION:
        raise BaselineError(
            f"{path}: unsupported baseline version {version!r} "
            f"(this grantscan reads version {FORMAT_VERSION}; re-create the baseline)"
        )
    return data


def load_baseline(path: str | Path) -> dict[str, Any]:
    """Read and validate a baseline file; BaselineError with the file name for anything wrong."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{p}: baseline file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise BaselineError(f"{p}: cannot read baseline: {e}") from None
    except json.JSONDecodeError as e:
        raise BaselineError(f"{p}: not a grantscan baseline (invalid JSON at line {e.lineno})") from None
    if not isinstance(data, dict) or "version" not in data:
        raise BaselineError(f"{p}: not a grantscan baseline (no format version)")
    data = _upgrade(data, p)
    entries = data.get("findings")
    if not isinstance(entries, list):
        raise BaselineError(f"{p}: not a grantscan baseline ('findings' must be a list)")
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"{p}: entry {i + 1} has no fingerprint")
    return data


def apply_baseline(result: ScanResult, baseline: dict[str, Any]) -> list[dict[str, Any]]:
    """Mark findings recorded in ``baseline`` as suppressed; return the entries that matched nothing.

    A finding already suppressed in the document keeps that reason. Unmatched entries (fixed findings,
    or files not part of this scan) are returned for reporting; the baseline file is never rewritten.
    """
    known = {e["fingerprint"] for e in baseline.get("findings", [])}
    matched: set[str] = set()
    for d in result.documents:
        for f in d.findings:
            if f.fingerprint is not None and f.fingerprint in known:
                matched.add(f.fingerprint)
                if not f.suppressed:
                    f.suppressed = SUPPRESSED_BY_BASELINE
    return [
        {k: e.get(k) for k in _ENTRY_KEYS}
        for e in baseline.get("findings", [])
        if e["fingerprint"] not in matched
    ]
