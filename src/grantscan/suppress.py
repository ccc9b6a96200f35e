"""Suppression: inline markers in a document's comments, path ignore files and the config allow-list.

Inline markers use the document's own comment syntax (LaTeX ``%``, Markdown/HTML ``<!-- -->``, DOCX
comments) and are parsed strictly (semgrep#6596): ``grantscan: ignore[id,...] reason`` needs at least one
category or rule id in brackets and a reason; a bare "ignore" never suppresses. A marker covers the
paragraph it sits in or, on its own line, the next paragraph only (formatters move comments, so scope is by
paragraph, not line). ``grantscan: off`` / ``grantscan: on`` switch whole regions, reset at end of file.
Suppressed findings stay in the result with ``Finding.suppressed`` set to the reason; ``suppress`` is the
pipeline stage (inline markers, then the allow-list), before scoring.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .fingerprint import normalise
from .model import Document, Finding

IGNORE_FILE = ".grantscanignore"
_MARKER = re.compile(r"grantscan:\s*+ignore\[([^\[\]\n]*+)\]\s*(.*)", re.IGNORECASE)
_SWITCH = re.compile(r"grantscan:\s*(off|on)\b", re.IGNORECASE)
_ID = re.compile(r"[a-z][a-z0-9_.\-/]*")
_COMMENT_DELIMS = re.compile(r"^\s*+(?:%++|<!--)\s*+|(?<!\s)\s*+-->\s*+$")


@dataclass(slots=True)
class Marker:
    """One parsed ``grantscan: ignore[...] reason`` marker."""

    ids: tuple[str, ...]
    reason: str
    line: int | None = None  # source line (text formats); None = applies to the whole document
    used: bool = False

    def covers(self, f: Finding) -> bool:
        sub = f.subcategory or ""
        return any(i in (f.category, f.rule_id, sub) or sub.startswith(i + "/") for i in self.ids)


def parse_marker(comment: str) -> Marker | None:
    """The marker in one comment's text, or None when it is not a well-formed marker."""
    m = _MARKER.search(_COMMENT_DELIMS.sub("", comment))
    if not m:
        return None
    ids = tuple(i.strip().lower() for i in m.group(1).split(","))
    reason = re.sub(r"(?<!\s)\s*+-->\s*+$", "", m.group(2)).strip()
    if not ids or not all(_ID.fullmatch(i) for i in ids) or not reason:
        return None
    return Marker(ids=ids, reason=reason)


def _block_lines(doc: Document) -> list[tuple[int, int] | None]:
    """(first line, last line) of each block of a text-format document, None when it has no line."""
    out: list[tuple[int, int] | None] = []
    for b in doc.blocks:
        if b.line_offsets is not None and len(b.line_offsets) >= 2:
            lines = [v for v in b.line_offsets[0::2] if v > 0]
            out.append((min(lines), max(lines)) if lines else None)
        elif b.location.line is not None:
            out.append((b.location.line, b.location.line + b.text.count("\n")))
        else:
            out.append(None)
    return out


def _scope_block(line: int, ranges: Sequence[tuple[int, int] | None]) -> int | None:
    """The block a marker on ``line`` applies to: the one containing it, else the next one below."""
    nxt: tuple[int, int] | None = None
    for i, r in enumerate(ranges):
        if r is None:
            continue
        if r[0] <= line <= r[1]:
            return i
        if r[0] > line and (nxt is None or r[0] < nxt[0]):
            nxt = (r[0], i)
    return nxt[1] if nxt else None


def _occurrence_lines(f: Finding) -> list[int | None]:
    return [loc.line for loc in (f.occurrences or [f.location])]


def _in_block(line: int | None, r: tuple[int, int] | None) -> bool:
    return line is not None and r is not None and r[0] <= line <= r[1]


def apply_inline(doc: Document, findings: Iterable[Finding]) -> list[Marker]:
    """Suppress findings covered by the document's markers; return the markers that covered nothing.

    Text formats read ``doc.metadata["source_comments"]`` ([{"line", "text"}]). A DOCX comment marker
    applies to the paragraph the comment is anchored on when ``metadata["comments"]`` records the anchor,
    otherwise to the whole document. A grouped
    finding is suppressed only when every occurrence is covered, so an unmarked mention is never hidden.
    """
    findings = list(findings)
    ranges = _block_lines(doc)
    scoped: list[tuple[Marker, int]] = []  # marker, block index
    whole: list[Marker] = []
    regions: list[tuple[int, float]] = []
    off_at: int | None = None
    comments = sorted(doc.metadata.get("source_comments") or [], key=lambda c: c.get("line") or 0)
    for c in comments:
        text, line = str(c.get("text", "")), c.get("line")
        if not isinstance(line, int):
            continue
        marker = parse_marker(text)
        if marker is not None:
            marker.line = line
            block = _scope_block(line, ranges)
            if block is not None:
                scoped.append((marker, block))
            continue
        switch = _SWITCH.search(text)
        if switch and switch.group(1).lower() == "off" and off_at is None:
            off_at = line
        elif switch and switch.group(1).lower() == "on" and off_at is not None:
            regions.append((off_at, line))
            off_at = None
    if off_at is not None:
        regions.append((off_at, float("inf")))
    anchored: list[tuple[Marker, tuple[str, int]]] = []
    for b in doc.blocks:
        if b.location.part == "comment":
            marker = parse_marker(b.text)
            if marker is not None:
                anchor = _comment_anchor(doc, b.location.paragraph)
                if anchor is None:
                    whole.append(marker)
                else:
                    anchored.append((marker, anchor))

    for f in findings:
        if f.suppressed:
            continue
        lines = _occurrence_lines(f)
        for start, end in regions:
            if all(ln is not None and start <= ln <= end for ln in lines):
                f.suppressed = f"inline: grantscan: off (line {start})"
                break
        if f.suppressed:
            continue
        for marker, block in scoped:
            if marker.covers(f) and all(_in_block(ln, ranges[block]) for ln in lines):
                f.suppressed, marker.used = f"inline: {marker.reason}", True
                break
        else:
            places = [(loc.part, loc.paragraph) for loc in (f.occurrences or [f.location])]
            for marker, anchor in anchored:
                if marker.covers(f) and all(p == anchor for p in places):
                    f.suppressed, marker.used = f"inline: {marker.reason}", True
                    break
            else:
                for marker in whole:
                    if marker.covers(f):
                        f.suppressed, marker.used = f"inline: {marker.reason}", True
                        break
    return (
        [m for m, _ in scoped if not m.used]
        + [m for m, _ in anchored if not m.used]
        + [m for m in whole if not m.used]
    )


def suppress(doc: Document, findings: Iterable[Finding], allow: AllowList | None = None) -> list[Finding]:
    """The suppression stage: copies of ``findings`` with ``suppressed`` set by the document's inline markers
    and the config allow-list. Runs before scoring, so a suppressed finding never adds to the risk."""
    out = [replace(f, reasons=list(f.reasons)) for f in findings]
    apply_inline(doc, out)
    if allow:
        allow.apply(out)
    return out


def _comment_anchor(doc: Document, comment_paragraph: int | None) -> tuple[str, int] | None:
    """(part, paragraph) a DOCX comment is anchored on, when extraction recorded it.

    Reads ``metadata["comments"]`` entries: ``paragraphs`` [start, end) of the comment's own paragraphs and
    an optional ``anchor`` {"part", "paragraph"}.
    """
    if comment_paragraph is None:
        return None
    for c in doc.metadata.get("comments") or []:
        span, anchor = c.get("paragraphs"), c.get("anchor")
        if not (isinstance(span, (list, tuple)) and len(span) == 2 and isinstance(anchor, dict)):
            continue
        part, paragraph = anchor.get("part"), anchor.get("paragraph")
        if span[0] <= comment_paragraph < span[1] and part and isinstance(paragraph, int):
            return part, paragraph
    return None


class AllowList:
    """Config ``allow``: per category (or "*"), exact terms (case-insensitive) or ``re:`` full-match
    regexes, checked against the matched text and the canonical name."""

    def __init__(self, allow: dict[str, list[str]]):
        self._exact: dict[str, set[str]] = {}
        self._regex: dict[str, list[re.Pattern[str]]] = {}
        for cat, terms in allow.items():
            for t in terms:
                if t.startswith("re:"):
                    self._regex.setdefault(cat, []).append(re.compile(t[3:], re.IGNORECASE))
                else:
                    self._exact.setdefault(cat, set()).add(normalise(t))

    def __bool__(self) -> bool:
        return bool(self._exact or self._regex)

    def match(self, f: Finding) -> str | None:
        """The allow-list entry that covers ``f``, or None."""
        candidates = [t for t in (f.text, f.name) if t]
        for cat in (f.category, "*"):
            for c in candidates:
                if normalise(c) in self._exact.get(cat, ()):
                    return c
                for rx in self._regex.get(cat, ()):
                    if rx.fullmatch(c.strip()):
                        return f"re:{rx.pattern}"
        return None

    def apply(self, findings: Iterable[Finding]) -> None:
        for f in findings:
            if not f.suppressed:
                hit = self.match(f)
                if hit is not None:
                    f.suppressed = f"allow-list: {hit}"


# git's wildmatch knows POSIX character classes inside brackets; pathspec does not, so they are spelt out
_POSIX_CLASSES = {
    "alnum": "a-zA-Z0-9",
    "alpha": "a-zA-Z",
    "blank": " \t",
    "digit": "0-9",
    "lower": "a-z",
    "space": " \t\n\r\f\v",
    "upper": "A-Z",
    "xdigit": "0-9A-Fa-f",
}
_POSIX_CLASS = re.compile(r"\[:(" + "|".join(_POSIX_CLASSES) + r"):\]")


def _for_pathspec(line: str) -> str:
    """A gitignore line in the form pathspec reads as git does: POSIX classes spelt out, and a trailing
    ``X/**/`` (folders anywhere below X, not X itself, which pathspec takes for X/) as the equal ``X/**/*/``."""
    line = _POSIX_CLASS.sub(lambda m: _POSIX_CLASSES[m.group(1)], line)
    stripped = line.rstrip(" ")
    if stripped.endswith("/**/") and stripped != "/**/":
        line = stripped[:-1] + "/*/"
    return line


class PathRules:
    """Ordered .gitignore rules (ignore files, ``include``/``exclude`` globs), matched as git matches them.

    The matching is pathspec's ``GitIgnoreSpec``, a maintained implementation of git's wildmatch and its
    rules (last matching rule wins, ``!`` re-includes, ``/`` anchors, a trailing ``/`` means folders only,
    ``**``, character classes, escapes, trailing spaces). One git rule is applied on top: a path inside an
    ignored folder stays ignored whatever later rules say, because git never looks inside such a folder.
    """

    def __init__(self, patterns: Iterable[str], base: Path | None = None):
        import pathspec

        self.base = base
        self.lines = [line.rstrip("\n") for line in patterns]
        self._spec = pathspec.GitIgnoreSpec.from_lines([_for_pathspec(line) for line in self.lines])

    @classmethod
    def load(cls, path: Path) -> PathRules:
        """Rules of an ignore file; relative paths are matched from its folder."""
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        return cls(lines, base=path.parent)

    def __bool__(self) -> bool:
        return any(p.include is not None for p in self._spec.patterns)

    def _folder(self, rel: str) -> bool:
        """Whether the folder ``rel`` is selected: the last rule that matches it decides, as in git.
        (GitIgnoreSpec ranks rules for files; for a folder, "*" then "!*/" must re-include it.)"""
        hit = False
        for pattern in self._spec.patterns:
            if pattern.include is not None and pattern.match_file(rel + "/") is not None:
                hit = pattern.include
        return hit

    def matches(self, rel: str, is_dir: bool = False) -> bool:
        """True when the /-separated relative path ``rel`` (a file, or a folder) is selected by the rules."""
        parts = rel.strip("/").split("/")
        for k in range(1, len(parts)):  # an ignored folder ignores everything in it
            if self._folder("/".join(parts[:k])):
                return True
        if is_dir:
            return self._folder("/".join(parts))
        return self._spec.match_file("/".join(parts))
