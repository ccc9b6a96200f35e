"""Annotated copies: the scanned document with a note on each finding, for reviewers who live in Word or a
PDF viewer rather than in a report.

``annotate_file(path, output, result)`` writes a DOCX copy with a Word comment on each finding occurrence
(docx.py) or a PDF copy with a highlight and pop-up note over it (pdf.py). The input is never modified:
the copy is written as ``grantscan.output`` writes (a temporary file moved over a regular file, straight
into a device or FIFO, through a symbolic link to its file).

Notes go in by severity, then by place in the document: every finding's first mention before the repeats
of the same severity. When ``max_notes`` is reached the rest are left out, least severe first; what was left
out is said in ``AnnotateReport.warnings`` and in one last note in the document.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from ..model import DOCX_PARTS, SEVERITY_ORDER, DocumentResult, Finding, Location
from ..output import OutputError, Target, resolve_target, write_with

__all__ = [
    "AnnotateError",
    "AnnotateReport",
    "Miss",
    "annotate_file",
    "note_text",
    "occurrences",
    "in_note_order",
    "left_out_note",
    "MAX_NOTES",
]

MAX_NOTES = 200  # comments or highlights per document; more would bury the document under notes
LIMIT_REASON = "note limit"


class AnnotateError(Exception):
    """The copy cannot be written. The message is one line, fit for the terminal."""


@dataclass(slots=True)
class Miss:
    """A finding occurrence whose note could not sit on its own text.

    ``noted`` is True when a note was still written elsewhere (e.g. on the first paragraph, saying where
    the text is), False when nothing was written for it.
    """

    rule_id: str
    text: str
    where: str
    reason: str
    noted: bool = False
    severity: str = ""

    @property
    def over_limit(self) -> bool:
        """Left out because the note limit was reached (not because it could not be placed)."""
        return self.reason.startswith(LIMIT_REASON)


@dataclass(slots=True)
class AnnotateReport:
    """What one annotation run did: notes anchored on the matched text, and the occurrences that were not."""

    input: str
    output: str
    format: str
    anchored: int = 0
    unanchored: list[Miss] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def notes(self) -> int:
        """Notes written in total (anchored plus those placed elsewhere)."""
        return self.anchored + sum(1 for m in self.unanchored if m.noted)

    def summary(self) -> str:
        """One line for the terminal, e.g. 'out.docx: 12 notes on their text, 2 placed elsewhere, 1 not written'."""
        elsewhere = sum(1 for m in self.unanchored if m.noted)
        missing = len(self.unanchored) - elsewhere
        text = f"{self.output}: {self.anchored} note{'s' if self.anchored != 1 else ''} on their text"
        if elsewhere:
            text += f", {elsewhere} placed elsewhere"
        if missing:
            text += f", {missing} not written"
        return text

    def miss(self, finding: Finding, loc: Location, reason: str, *, noted: bool = False) -> None:
        self.unanchored.append(
            Miss(finding.rule_id, finding.text, loc.describe(), reason, noted, _label(finding))
        )

    def left_out(self) -> dict[str, int]:
        """Occurrences left out by the note limit, by severity (most severe first)."""
        counts: dict[str, int] = {}
        for m in self.unanchored:
            if m.over_limit:
                counts[m.severity] = counts.get(m.severity, 0) + 1
        order = ["high", "medium", "low", "info", "declaration"]
        return {k: counts[k] for k in sorted(counts, key=lambda k: order.index(k) if k in order else 9)}


def _label(finding: Finding) -> str:
    return "declaration" if finding.kind == "declaration" else finding.severity


def left_out_note(report: AnnotateReport, max_notes: int) -> str | None:
    """The text of the last note, saying what the note limit left out; None when nothing was."""
    left = report.left_out()
    if not left:
        return None
    total = sum(left.values())
    by = ", ".join(f"{k} {n}" for k, n in left.items())
    return (
        f"[grantscan] {total} more mention{'s' if total != 1 else ''} not noted here ({by}): the limit is "
        f"{max_notes} notes per document and notes were written most severe first. Every finding is in "
        "the scan report (grantscan scan); --max-notes raises the limit."
    )


def occurrences(finding: Finding) -> list[Location]:
    """Every location of a finding: ``occurrences`` when grouped, else its single ``location``."""
    return list(finding.occurrences) or [finding.location]


def note_text(finding: Finding) -> str:
    """The note shown beside a finding: '[grantscan] <severity> <category>: <why> What to do: <action>'."""
    label = "declaration" if finding.kind == "declaration" else finding.severity
    why = finding.why.strip() or f"'{finding.text}' matched rule {finding.rule_id}."
    text = f"[grantscan] {label} {finding.category}: {why}"
    if finding.action.strip():
        text += f" What to do: {finding.action.strip()}"
    return text


def annotate_file(
    path: str | Path,
    output: str | Path,
    result: DocumentResult,
    *,
    overwrite: bool = False,
    password: str | None = None,
    include_declarations: bool = False,
    max_notes: int = MAX_NOTES,
) -> AnnotateReport:
    """Write an annotated copy of ``path`` to ``output`` with a note on each finding of ``result``.

    Suppressed findings are skipped, and declarations unless ``include_declarations``. Raises
    AnnotateError when the input cannot be read, the output would replace the input or an existing file
    (unless ``overwrite``), or the file type has no annotator.
    """
    src, dst = Path(path), Path(output)
    if not src.is_file():
        raise AnnotateError(f"cannot annotate {src}: not found or not a regular file")
    if _same_file(src, dst):
        raise AnnotateError("refusing to overwrite the input file")
    try:
        target = resolve_target(dst, create_dirs=False)
    except OutputError as e:
        raise AnnotateError(str(e)) from None
    if target.replaces and not overwrite:  # devices and FIFOs are written into, never replaced
        raise AnnotateError(f"output exists: {dst} (use --overwrite to replace it)")
    if result.status != "ok":
        raise AnnotateError(f"cannot annotate {src}: scan failed: {result.error}")
    if result.sha256:
        from ..cache import sha256_file

        if sha256_file(src) != result.sha256:
            raise AnnotateError(f"{src} changed since it was scanned: scan it again")

    with src.open("rb") as fh:
        head = fh.read(1024)
    findings = in_note_order(
        [f for f in result.findings if not f.suppressed and (f.kind == "finding" or include_declarations)]
    )
    suffix = src.suffix.lower()
    if b"%PDF" in head:
        from .pdf import annotate_pdf

        report = AnnotateReport(str(src), str(dst), "pdf")
        _write_atomic(
            target,
            lambda fh: annotate_pdf(src, fh, findings, report, password=password, max_notes=max_notes),
        )
    elif head.startswith(b"PK\x03\x04") and suffix == ".docx":
        from .docx import annotate_docx

        report = AnnotateReport(str(src), str(dst), "docx")
        _write_atomic(target, lambda fh: annotate_docx(src, fh, findings, report, max_notes=max_notes))
    else:
        raise AnnotateError(f"cannot annotate '{suffix or src.name}' files (supported: .docx .pdf)")
    left = report.left_out()
    if left:
        total = sum(left.values())
        by = ", ".join(f"{k} {n}" for k, n in left.items())
        report.warnings.append(
            f"note limit ({max_notes}) reached: {total} mention{'s' if total != 1 else ''} not noted ({by});"
            " the most severe were noted first, a last note in the copy says so, and --max-notes raises"
            " the limit"
        )
    return report


_PART_ORDER = {part: i for i, part in enumerate(DOCX_PARTS)}


def _position(loc: Location) -> tuple:
    """Reading order of a location: page and place on it, part and paragraph, or line and column."""
    top, left = (loc.bbox[1], loc.bbox[0]) if loc.bbox else (0.0, 0.0)
    return (
        loc.page or 0,
        top,
        left,
        _PART_ORDER.get(loc.part or "", len(_PART_ORDER)),
        loc.paragraph or 0,
        loc.line or 0,
        loc.column or 0,
    )


def in_note_order(findings: list[Finding]) -> list[Finding]:
    """One finding per occurrence, in the order notes are written: most severe first (declarations last);
    within a severity every finding's first mention, in document order, before the repeats.

    Each copy has a single location; only a finding's own first mention keeps its character offsets.
    """
    items: list[tuple[tuple, Finding]] = []
    for n, f in enumerate(findings):
        rank = -1 if f.kind == "declaration" else SEVERITY_ORDER.get(f.severity, 0)
        for i, loc in enumerate(occurrences(f)):
            copy_ = replace(
                f,
                location=loc,
                occurrences=[],
                start=f.start if i == 0 else None,
                end=f.end if i == 0 else None,
            )
            items.append(((-rank, i > 0, _position(loc), n, i), copy_))
    items.sort(key=lambda item: item[0])
    return [f for _, f in items]


def _same_file(src: Path, dst: Path) -> bool:
    try:
        if dst.exists() and os.path.samefile(src, dst):
            return True
    except OSError:
        pass
    return src.resolve() == dst.resolve()


def _write_atomic(target: Target, write: Callable[[IO[bytes]], None]) -> None:
    """Run ``write`` into the output (see ``grantscan.output``); a write that fails is one line."""
    try:
        write_with(target, write)
    except OutputError as e:
        raise AnnotateError(str(e)) from None
