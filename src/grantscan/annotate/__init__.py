"""Annotated copies: the scanned document with a note on each finding, for reviewers who live in Word or a
PDF viewer rather than in a report.

``annotate_file(path, output, result)`` writes a DOCX copy with a Word comment on each finding occurrence
(docx.py) or a PDF copy with a highlight and pop-up note over it (pdf.py). The input is never modified:
the copy is written to a temporary file beside ``output`` and moved into place with ``os.replace``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ..model import DocumentResult, Finding, Location

__all__ = [
    "AnnotateError",
    "AnnotateReport",
    "Miss",
    "annotate_file",
    "note_text",
    "occurrences",
    "MAX_NOTES",
]

MAX_NOTES = 200  # comments or highlights per document; more would bury the document under notes


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
        self.unanchored.append(Miss(finding.rule_id, finding.text, loc.describe(), reason, noted))


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
    if dst.exists() and not overwrite:
        raise AnnotateError(f"output exists: {dst} (use --overwrite to replace it)")
    if dst.is_dir():
        raise AnnotateError(f"output is a folder: {dst}")
    if not dst.parent.is_dir():
        raise AnnotateError(f"output folder does not exist: {dst.parent}")
    if result.status != "ok":
        raise AnnotateError(f"cannot annotate {src}: scan failed: {result.error}")
    if result.sha256:
        from ..cache import sha256_file

        if sha256_file(src) != result.sha256:
            raise AnnotateError(f"{src} changed since it was scanned: scan it again")

    with src.open("rb") as fh:
        head = fh.read(1024)
    findings = [
        f for f in result.findings if not f.suppressed and (f.kind == "finding" or include_declarations)
    ]
    suffix = src.suffix.lower()
    if b"%PDF" in head:
        from .pdf import annotate_pdf

        report = AnnotateReport(str(src), str(dst), "pdf")
        _write_atomic(
            dst, lambda fh: annotate_pdf(src, fh, findings, report, password=password, max_notes=max_notes)
        )
    elif head.startswith(b"PK\x03\x04") and suffix == ".docx":
        from .docx import annotate_docx

        report = AnnotateReport(str(src), str(dst), "docx")
        _write_atomic(dst, lambda fh: annotate_docx(src, fh, findings, report, max_notes=max_notes))
    else:
        raise AnnotateError(f"cannot annotate '{suffix or src.name}' files (supported: .docx .pdf)")
    return report


def _same_file(src: Path, dst: Path) -> bool:
    try:
        if dst.exists() and os.path.samefile(src, dst):
            return True
    except OSError:
        pass
    return src.resolve() == dst.resolve()


def _write_atomic(dst: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Run ``write`` into a temporary file in ``dst``'s folder, then move it over ``dst`` in one step."""
    fd, tmp = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".tmp", dir=dst.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the copy ordinary permissions
        os.replace(tmp, dst)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
