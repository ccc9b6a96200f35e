"""Content fingerprints of findings: stable across edits elsewhere in a document.

The identity is (rule id, normalised matched text, normalised context, path relative to the scan root,
occurrence index among identical tuples). No line numbers or offsets take part, so inserting a paragraph
above a finding keeps its fingerprint (gitleaks#2239, detect-secrets line drift).
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata

from .model import DocumentResult, Finding

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Case-, width- and whitespace-insensitive form of a text for hashing."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def relative_path(path: str, root: str | None) -> str:
    """``path`` relative to ``root`` with / separators; the path as given when it is not under root."""
    rel = path
    if root is not None:
        try:
            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
        except ValueError:  # another drive on Windows
            rel = path
        if rel.startswith(".."):
            rel = path
    return rel.replace(os.sep, "/").removeprefix("./")


def fingerprint(finding: Finding, rel_path: str, occurrence: int) -> str:
    """sha256 hex of one finding's identity."""
    parts = (finding.rule_id, normalise(finding.text), normalise(finding.context), rel_path, str(occurrence))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def assign_fingerprints(result: DocumentResult, root: str | None) -> None:
    """Set ``fingerprint`` on every finding of ``result``, numbering repeats of the same identity."""
    rel = relative_path(result.path, root)
    seen: dict[tuple[str, str, str], int] = {}
    for f in result.findings:
        key = (f.rule_id, normalise(f.text), normalise(f.context))
        n = seen.get(key, 0)
        seen[key] = n + 1
        f.fingerprint = fingerprint(f, rel, n)
