"""PDF reader: one text block per page, with a box for every character.

Text comes from PDFium (pypdfium2), not pdfplumber: PDFium reads a page 50-100x faster and inserts the
word spaces that many LaTeX- and form-generated PDFs leave out, where pdfplumber's ``extract_text`` glues
the words together ("DateofPreparation:") and a keyword scanner misses them. Character boxes are read with
one native call per word edge straight into a preallocated float array and completed with numpy, so they
cost less than the text itself. pdfplumber is not needed here: on damaged files it recovers nothing PDFium
cannot (see ``_salvage``).

A page is one block because a PDF carries no reliable paragraph structure (columns, tables and forms
break any gap heuristic), a page is the unit a reader looks up, and the character boxes already give
every match its own rectangle.

Boxes are (x0, top, x1, bottom) in PDF points from the top-left corner of the page as displayed, the
frame of pdfplumber's ``x0``/``top`` (MediaBox-relative, /Rotate applied); ``annotate.pdf.to_user_space``
maps them back. ``metadata["page_sizes"]`` holds each page's displayed [width, height, rotation].
"""

from __future__ import annotations

import ctypes
import re
from array import array
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..model import Document, Location, TextBlock
from .errors import ExtractionError

if TYPE_CHECKING:
    from . import ExtractOptions

# PDFium writes U+FFFE for a hyphen it saw at a line end; other control characters are noise.
_BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_CLEAN = {c: " " for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}
_CLEAN.update({0xFFFE: "-", 0xFFFF: " ", **{c: "\ufffd" for c in range(0xD800, 0xE000)}})

# The same native function as pdfium_c.FPDFText_GetLooseCharBox, declared with plain pointer arguments
# so a call takes integer addresses and skips ctypes' per-call structure checks.
try:
    _LOOSE_CHAR_BOX = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)(
        ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value)
except (TypeError, ValueError, ctypes.ArgumentError):  # bindings not plain ctypes: use the checked call
    _LOOSE_CHAR_BOX = None

# Salvage of a truncated file: the catalog object, when it is stored outside an object stream.
_CATALOG = re.compile(rb"(\d{1,10})\s+(\d{1,5})\s+obj\s*<<(?:(?!endobj).){0,600}?/Type\s*/Catalog\b", re.S)
_SALVAGE_LIMIT = 200 * 1024 * 1024

_META_KEYS = {"Title": "title", "Author": "author", "Subject": "subject", "Keywords": "keywords",
              "Creator": "creator", "Producer": "producer"}


def extract_pdf(path: Path, options: ExtractOptions) -> Document:
    """Read a PDF's text layer page by page; raise ExtractionError with a one-line reason when it cannot."""
    pdf, warnings = _open(path, options.password)
    try:
        n_pages = len(pdf)
        if options.max_pages and n_pages > options.max_pages:
            raise ExtractionError(f"too large: {n_pages} pages exceeds the limit of {options.max_pages}")
        blocks: list[TextBlock] = []
        sizes: list[list[float]] = []
        unreadable: list[int] = []
        for i in range(n_pages):
            try:
                block, size = _read_page(pdf, i)
            except pdfium.PdfiumError:
                unreadable.append(i + 1)
                sizes.append([0.0, 0.0, 0])
                continue
            sizes.append(size)
            if block is not None:
                blocks.append(block)
        if warnings and not blocks:  # a salvaged file that yields nothing is damaged, not a scan
            raise ExtractionError("corrupt: damaged or truncated PDF, no text could be recovered")
        if unreadable:
            warnings.append(f"{len(unreadable)} page(s) could not be read and were skipped: "
                            + ", ".join(map(str, unreadable[:20])) + (" ..." if len(unreadable) > 20 else ""))
        metadata: dict[str, Any] = {"page_sizes": sizes}
        metadata.update(_metadata(pdf))
    finally:
        pdf.close()
    return Document(path=str(path), format="pdf", blocks=blocks, pages=n_pages, metadata=metadata,
                    warnings=warnings)


def _open(path: Path, password: str | None) -> tuple[pdfium.PdfDocument, list[str]]:
    """Open read-only; map PDFium's load errors to one-line reasons, salvaging a truncated file if possible."""
    try:
        return pdfium.PdfDocument(str(path), password=password), []
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD or (code is None and "password" in str(e).lower()):
            raise ExtractionError("encrypted: wrong password" if password else "encrypted: password required") \
                from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise ExtractionError("encrypted: unsupported security handler") from None
        if code == pdfium_c.FPDF_ERR_FILE:
            raise ExtractionError("cannot read: file could not be opened") from None
        pdf = _salvage(path, password)
        if pdf is None:
            raise ExtractionError("corrupt: not a readable PDF (damaged or truncated; no catalog found)") from None
        return pdf, ["damaged PDF: its cross-reference table was rebuilt, some text may be missing"]
    except OSError as e:
        raise ExtractionError(f"cannot read: {e.strerror or e}") from None


def _salvage(path: Path, password: str | None) -> pdfium.PdfDocument | None:
    """Give PDFium a trailer it can rebuild the cross-reference table from (in memory; the file is untouched).

    Truncated downloads lose the trailer at the end of the file; PDFium then refuses the file although most
    objects are intact. Appending a trailer that names the catalog lets PDFium rescan the objects.
    """
    try:
        if path.stat().st_size > _SALVAGE_LIMIT:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    m = _CATALOG.search(data)
    if m is None:
        return None
    patched = data + b"\nendstream\nendobj\ntrailer\n<< /Root %s %s R >>\n%%%%EOF\n" % (m.group(1), m.group(2))
    try:
        return pdfium.PdfDocument(patched, password=password)
    except pdfium.PdfiumError:
        return None


def _read_page(pdf: pdfium.PdfDocument, index: int) -> tuple[TextBlock | None, list[float]]:
    """The page's text and character boxes as one block (None when the page has no text), and its size."""
    page = pdf[index]
    try:
        frame = _Frame(page.get_mediabox(), page.get_rotation())
        size = [round(frame.size[0], 2), round(frame.size[1], 2), frame.rotation]
        textpage = page.get_textpage()
        try:
            text, boxes = _page_text(textpage, frame)
        finally:
            textpage.close()
    finally:
        page.close()
    if not text.strip():
        return None, size
    return TextBlock(text, Location(page=index + 1), boxes=boxes), size


def _page_text(textpage: pdfium.PdfTextPage, frame: _Frame) -> tuple[str, array]:
    """Text of a text page with 4 floats per character (x0, top, x1, bottom; NaN where no glyph)."""
    n = pdfium_c.FPDFText_CountChars(textpage.raw)
    if n <= 0:
        return "", array("f")
    text = textpage.get_text_range(0, n, errors="surrogatepass")
    if len(text) != n:  # PDFium left out or added characters: read them one by one so boxes stay aligned
        get = pdfium_c.FPDFText_GetUnicode
        text = "".join(chr(min(get(textpage.raw, k), 0x10FFFF)) for k in range(n))
    v = _char_boxes(textpage, text)
    if "\r" in text:
        crlf = [m.start() for m in re.finditer("\r\n", text)]
        if crlf:
            v = np.delete(v, crlf, axis=0)
            text = text.replace("\r\n", "\n")
        text = text.replace("\r", "\n")
    if "\ufffe" in text:
        text = text.replace("\ufffe", "-")
    if _BAD_CHARS.search(text):
        text = text.translate(_CLEAN)
    boxes = array("f")
    boxes.frombytes(frame.to_top_left(v).tobytes())
    return text, boxes


def _char_boxes(textpage: pdfium.PdfTextPage, text: str) -> np.ndarray:
    """(n, 4) float32 user-space boxes (left, top, right, bottom) of the characters of ``text``.

    PDFium is asked only for the first and last character of each word; the characters between are
    interpolated linearly (glyphs of a word advance along a straight line). A span made of whole words
    therefore gets its exact box, and one cut inside a word is off by a fraction of a glyph. This halves
    the native calls, which are the largest cost of reading a page. Whitespace gets NaN.
    """
    n = len(text)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    space = codes <= 32
    word = ~space
    prev_space = np.empty(n, dtype=bool)
    prev_space[0] = True
    prev_space[1:] = space[:-1]
    next_space = np.empty(n, dtype=bool)
    next_space[-1] = True
    next_space[:-1] = space[1:]
    starts = np.flatnonzero(word & prev_space)
    ends = np.flatnonzero(word & next_space)
    edges = np.flatnonzero(word & (prev_space | next_space)).tolist()
    raw = array("f", bytes(16 * n))
    if _LOOSE_CHAR_BOX is not None:
        base = raw.buffer_info()[0]
        handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
        # FS_RECTF is (left, top, right, bottom) as 4 floats: exactly one slot of `raw` per character
        for _ in map(_LOOSE_CHAR_BOX, repeat(handle, len(edges)), edges, [base + 16 * k for k in edges]):
            pass
    else:
        rect = pdfium_c.FS_RECTF()
        for k in edges:
            if pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, k, rect):
                raw[4 * k:4 * k + 4] = array("f", (rect.left, rect.top, rect.right, rect.bottom))
    v = np.frombuffer(raw, dtype=np.float32).reshape(n, 4).copy()
    # inserted spaces and line breaks have a zero-size box; a failed lookup leaves zeros
    v[(v[:, 0] == v[:, 2]) & (v[:, 1] == v[:, 3])] = np.nan
    v[space] = np.nan
    inner = np.flatnonzero(word & ~prev_space & ~next_space)
    if inner.size:
        run = np.searchsorted(starts, inner, side="right") - 1
        s, e = starts[run], ends[run]
        f = ((inner - s) / (e - s)).astype(np.float32)[:, None]
        v[inner] = v[s] + (v[e] - v[s]) * f
    return v


class _Frame:
    """Maps PDF user space to the top-left-origin frame of the page as displayed.

    The mapping is pdfplumber's (pdfminer's rotated, MediaBox-relative space), so boxes agree with
    pdfplumber's ``x0``/``top`` and with ``annotate.pdf.to_user_space``, which inverts it.
    """

    def __init__(self, mediabox: tuple[float, float, float, float], rotation: int):
        a, b, c, d = mediabox
        self.mx0, self.my0, self.mx1, self.my1 = min(a, c), min(b, d), max(a, c), max(b, d)
        self.rotation = rotation % 360

    @property
    def size(self) -> tuple[float, float]:
        w, h = self.mx1 - self.mx0, self.my1 - self.my0
        return (h, w) if self.rotation in (90, 270) else (w, h)

    def to_top_left(self, v: np.ndarray) -> np.ndarray:
        """(n, 4) user-space (left, top, right, bottom) -> float32 (x0, top, x1, bottom) as displayed."""
        ux0 = np.minimum(v[:, 0], v[:, 2])
        ux1 = np.maximum(v[:, 0], v[:, 2])
        uy0 = np.minimum(v[:, 1], v[:, 3])
        uy1 = np.maximum(v[:, 1], v[:, 3])
        mx0, my0, mx1, my1 = self.mx0, self.my0, self.mx1, self.my1
        if self.rotation == 90:
            cols = (uy0, ux0 - 2 * mx0, uy1, ux1 - 2 * mx0)
        elif self.rotation == 180:
            cols = (mx1 + mx0 - ux1, uy0 - 2 * my0, mx1 + mx0 - ux0, uy1 - 2 * my0)
        elif self.rotation == 270:
            w = mx1 - mx0
            cols = (my1 + my0 - uy1, w - ux1, my1 + my0 - uy0, w - ux0)
        else:
            h = my1 - my0
            cols = (ux0, h - uy1, ux1, h - uy0)
        return np.stack(cols, axis=1).astype(np.float32)


def _metadata(pdf: pdfium.PdfDocument) -> dict[str, str]:
    """Document information (title, author, ...) where present, as one-line strings."""
    out: dict[str, str] = {}
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # noqa: BLE001 - metadata is optional; a broken Info dictionary must not fail the file
        return out
    for key, name in _META_KEYS.items():
        value = info.get(key)
        if isinstance(value, str) and value.strip():
            out[name] = " ".join(_BAD_CHARS.sub(" ", value).split())[:500]
    return out
