"""Extraction: turn a file into a ``Document`` of located text blocks.

``extract(path, options)`` picks the reader by content (magic bytes) first and extension second, and
raises ``ExtractionError`` with a one-line reason for anything it cannot read. Inputs are opened
read-only; nothing here writes to the input file.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..model import Document, TextBlock
from .errors import ExtractionError, too_many_chars
from .options import ExtractOptions

__all__ = ["ExtractOptions", "ExtractionError", "extract", "SUPPORTED_SUFFIXES", "detect_format"]

TEXT_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".tex": "latex",
    ".ltx": "latex",
}
SUPPORTED_SUFFIXES = {".pdf", ".docx", ".docm", *TEXT_SUFFIXES}


def detect_format(path: Path, head: bytes) -> str | None:
    """'pdf', 'docx', 'text', 'markdown', 'latex', or None when unsupported."""
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF") or (suffix == ".pdf" and b"%PDF" in head[:1024]):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if suffix in (".docx", ".docm", ".dotx"):
            return "docx"
        return None
    if suffix in (".docx", ".docm"):
        return "docx"  # not a zip: the DOCX reader reports it as corrupt
    if suffix == ".pdf":
        return "pdf"
    return TEXT_SUFFIXES.get(suffix)


def extract(path: str | Path, options: ExtractOptions | None = None) -> Document:
    """Read ``path`` into a Document, or raise ExtractionError with a one-line reason."""
    options = options or ExtractOptions()
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise ExtractionError("not found") from None
    except OSError as e:
        raise ExtractionError(f"cannot read: {e.strerror or e}") from None
    if not p.is_file():
        raise ExtractionError("not a regular file")
    if st.st_size == 0:
        raise ExtractionError("empty: zero-byte file")
    try:
        with p.open("rb") as fh:
            head = fh.read(2048)
    except OSError as e:
        raise ExtractionError(f"cannot read: {e.strerror or e}") from None
    fmt = detect_format(p, head)
    limit, setting = options.size_limit(fmt)
    if limit and st.st_size > limit:
        raise ExtractionError(
            f"too large: {_amount(st.st_size, limit)} exceeds the {_amount(limit, limit)} limit ({setting})"
        )
    if fmt is None:
        raise ExtractionError(
            f"unsupported file type '{p.suffix or '(none)'}' (supported: .pdf .docx .txt .md .tex)"
        )
    try:
        doc = _read(p, options, fmt)
    except MemoryError:
        raise ExtractionError("too large: reading it needs more memory than this process may use") from None
    if options.max_chars and sum(len(b.text) for b in doc.blocks) > options.max_chars:
        raise too_many_chars(options.max_chars)
    if fmt != "docx":  # a DOCX block is a paragraph its annotator finds by index: kept whole
        _split_long_sentences(doc)
    if not any(b.text.strip() for b in doc.blocks):
        if fmt == "pdf":
            raise ExtractionError("no text layer (scanned?): OCR would be needed")
        raise ExtractionError("empty: no text found")
    return doc


def _amount(n: int, unit_of: int) -> str:
    """``n`` bytes in MB, or in KB when the limit ``unit_of`` is under a megabyte ("0.0 MB" says nothing)."""
    return f"{n / 1e6:.1f} MB" if unit_of >= 1_000_000 else f"{n / 1e3:.1f} KB"


def _read(p: Path, options: ExtractOptions, fmt: str) -> Document:
    if fmt == "pdf":
        from .pdf import extract_pdf

        return extract_pdf(p, options)
    if fmt == "docx":
        from .docx import extract_docx

        return extract_docx(p, options)
    from .text import extract_text_file

    return extract_text_file(p, options, fmt)


# Detection works sentence by sentence and reads a whole sentence for each term it finds there, so a
# sentence costs the square of its length: 200,000 characters without a full stop took 20 s. A block
# holding a longer stretch without a sentence end is cut there (at a blank), and each part keeps its own
# location. No real document in the corpus has a stretch over 6,000 characters.
MAX_SENTENCE = 10_000
_LONG_SENTENCE = re.compile(rf"(?<![^.!?。！？])[^.!?。！？]{{{MAX_SENTENCE + 1},}}+")


def _split_long_sentences(doc: Document) -> None:
    """Cut blocks with a stretch of more than MAX_SENTENCE characters without '.', '!' or '?'."""
    out: list[TextBlock] = []
    cut = 0
    for block in doc.blocks:
        text = block.text
        if len(text) <= MAX_SENTENCE or _LONG_SENTENCE.search(text) is None:
            out.append(block)
            continue
        start = 0
        for m in _LONG_SENTENCE.finditer(text):
            pos = m.start()
            while m.end() - pos > MAX_SENTENCE:
                blank = max(
                    text.rfind(" ", pos + 1, pos + MAX_SENTENCE),
                    text.rfind("\n", pos + 1, pos + MAX_SENTENCE),
                )
                end = blank if blank > pos else pos + MAX_SENTENCE
                if text[start:end].strip():
                    out.append(_part(block, start, end))
                    cut += 1
                start = pos = end + 1 if blank > pos else end
        if text[start:].strip():
            out.append(_part(block, start, len(text)))
    if cut:
        doc.blocks = out
        doc.warnings.append(
            f"{cut} place(s) with more than {MAX_SENTENCE:,} characters without a sentence end were cut"
            " into separate blocks"
        )


def _part(block: TextBlock, start: int, end: int) -> TextBlock:
    """``block.text[start:end]`` as a block of its own, located where it starts."""
    loc = block.location
    if block.boxes is not None:
        return TextBlock(block.text[start:end], loc, boxes=block.boxes[4 * start : 4 * end])
    if loc.line is not None and start:
        at = block.locate(start, start + 1)
        loc = replace(loc, line=at.line, column=at.column)
    offsets = block.line_offsets[2 * start : 2 * end] if block.line_offsets is not None else None
    return TextBlock(block.text[start:end], loc, line_offsets=offsets)
