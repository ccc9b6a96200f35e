"""What extraction may read: the limits and switches of one run, shared by every reader."""

from __future__ import annotations

from dataclasses import dataclass

# the file-size limit of each format group, named as its configuration key in the "too large" error
_SIZE_GROUPS = {"pdf": "pdf", "docx": "docx", "text": "text", "markdown": "text", "latex": "text"}


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Knobs for extraction. Sizes are in bytes; a limit of 0 means none.

    ``max_size`` applies to every file; ``max_size_pdf``, ``max_size_docx`` and ``max_size_text`` (plain
    text, Markdown and LaTeX), when set, replace it for their format."""

    password: str | None = None
    max_size: int = 100 * 1024 * 1024
    max_pages: int = 5000
    max_xml_bytes: int = 200 * 1024 * 1024  # total decompressed XML read from one DOCX
    max_pdf_bytes: int = 250_000_000  # total decompressed page content (and fonts) read from one PDF
    max_chars: int = 20_000_000  # characters of text in one document
    # characters read from one PDF page (pdfcheck.PAGE_CHARS): the rest is cut with a warning
    max_page_chars: int = 1_000_000
    keep_deleted: bool = True
    max_size_pdf: int | None = None
    max_size_docx: int | None = None
    max_size_text: int | None = None

    def size_limit(self, fmt: str | None) -> tuple[int, str]:
        """The file-size limit of format ``fmt`` (a ``detect_format`` name, or None) and the setting it
        comes from."""
        group = _SIZE_GROUPS.get(fmt or "")
        own = getattr(self, f"max_size_{group}") if group else None
        return (own, f"max_size_{group}") if own is not None else (self.max_size, "--max-size")
