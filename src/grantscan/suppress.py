"""Suppression: inline markers in a document's comments, path ignore files and the config allow-list.

Inline markers use the document's own comment syntax (LaTeX ``%``, Markdown/HTML ``<!-- -->``, DOCX
comments) and are parsed strictly (semgrep#6596): ``grantscan: ignore[id,...] reason`` needs at least one
category or rule id in brackets and a reason; a bare "ignore" never suppresses. A marker covers the
paragraph it sits in or, on its own line, the next paragraph only (formatters move comments, so scope is by
paragraph, not line). ``grantscan: off`` / ``grantscan: on`` switch whole regions, reset at end of file.
Suppressed findings stay in the result with ``Finding.suppressed`` set to the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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


def glob_regex(pattern: str) -> tuple[re.Pattern[str], bool]:
    """A .gitignore-style glob as a regex over /-separated relative paths, and whether it is dir-only.

    ``*`` stays within one path segment, ``**`` spans segments; a pattern without ``/`` matches at any depth.
    """
    dir_only = pattern.endswith("/")
    pattern = pattern.rstrip("/")
    anchored = "/" in pattern
    pattern = pattern.lstrip("/")
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[" and "]" in pattern[i + 1 :]:
            j = pattern.index("]", i + 1)
            body = pattern[i + 1 : j].replace("\\", "\\\\")
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(prefix + "".join(out) + r"\Z"), dir_only


class PathRules:
    """Ordered .gitignore-style rules; the last rule matching a path (or one of its folders) decides."""

    def __init__(self, patterns: Iterable[str], base: Path | None = None):
        self.base = base
        self.rules: list[tuple[re.Pattern[str], bool, bool]] = []  # regex, dir_only, negated
        for raw in patterns:
            line = raw.rstrip("\n").rstrip()
            if not line or line.startswith("#"):
                continue
            negated = line.startswith("!")
            line = line[1:] if negated else line.removeprefix("\\")
            rx, dir_only = glob_regex(line)
            self.rules.append((rx, dir_only, negated))

    @classmethod
    def load(cls, path: Path) -> PathRules:
        """Rules of an ignore file; relative paths are matched from its folder."""
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        return cls(lines, base=path.parent)

    def __bool__(self) -> bool:
        return bool(self.rules)

    def matches(self, rel: str, is_dir: bool = False) -> bool:
        """True when the /-separated relative path ``rel`` (a file, or a folder) is selected by the rules."""
        parts = rel.split("/")
        candidates = [("/".join(parts[:k]), True) for k in range(1, len(parts))] + [(rel, is_dir)]
        hit = False
        for path, is_dir in candidates:
            for rx, dir_only, negated in self.rules:
                if dir_only and not is_dir:
                    continue
                if rx.match(path):
                    hit = not negated
            if hit:  # an ignored folder ignores everything in it
                return True
        return hit
