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
from codecs import decode
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..model import Document, Location, TextBlock
from .errors import ExtractionError, too_many_chars
from .pdfcheck import check

if TYPE_CHECKING:
    from .options import ExtractOptions

# PDFium writes U+FFFE for a hyphen it saw at a line end; other control characters are noise.
_BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_CLEAN = {c: " " for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}
_CLEAN.update({0xFFFE: "-", 0xFFFF: " ", **{c: "\ufffd" for c in range(0xD800, 0xE000)}})
# PDFium ends each line it found with CR LF; the text keeps the LF alone.
_CRLF = re.compile("\r\n")

# The same native function as pdfium_c.FPDFText_GetLooseCharBox, declared with plain pointer arguments
# so a call takes integer addresses and skips ctypes' per-call structure checks. Its result is not read
# (a failed lookup leaves the row NaN), so none is converted. The call is short and never re-enters
# Python, so it keeps the GIL (PYFUNCTYPE) rather than releasing and retaking it each time.
try:
    _LOOSE_CHAR_BOX = ctypes.PYFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)(
        ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value
    )
except (TypeError, ValueError, ctypes.ArgumentError):  # bindings not plain ctypes: use the checked call
    _LOOSE_CHAR_BOX = None

# Salvage of a truncated file: the catalog object, when it is stored outside an object stream.
_CATALOG = re.compile(rb"(\d{1,10})\s+(\d{1,5})\s+obj\s*<<(?:(?!endobj).){0,600}?/Type\s*/Catalog\b", re.S)
_SALVAGE_LIMIT = 200 * 1024 * 1024

_DEGREES = (0, 90, 180, 270)  # FPDFPage_GetRotation's 0..3

_META_KEYS = {
    "Title": "title",
    "Author": "author",
    "Subject": "subject",
    "Keywords": "keywords",
    "Creator": "creator",
    "Producer": "producer",
}


def extract_pdf(path: Path, options: ExtractOptions) -> Document:
    """Read a PDF's text layer page by page; raise ExtractionError with a one-line reason when it cannot.

    What PDFium would inflate is measured first (``pdfcheck``): a file over ``options.max_pdf_bytes`` is
    refused, a page too large to read is left out with a warning, and a page's text is cut at
    ``options.max_page_chars`` characters.
    """
    pre = check(path, options.password, options.max_pdf_bytes, options.max_pages or 10**9)
    pdf, damaged = _open(path, options.password, pre.data)
    warnings = [*pre.warnings, *damaged]
    try:
        n_pages = len(pdf)
        if options.max_pages and n_pages > options.max_pages:
            raise ExtractionError(f"too large: {n_pages} pages exceeds the limit of {options.max_pages}")
        costs = pre.pages if pre.pages is not None and len(pre.pages) == n_pages else None
        blocks: list[TextBlock] = []
        sizes: list[list[float]] = []
        unreadable: list[int] = []
        too_big: list[tuple[int, str]] = []
        cut: list[int] = []
        chars = 0
        for i in range(n_pages):
            problem = costs[i].problem(options.max_page_chars) if costs is not None else None
            if problem:
                too_big.append((i + 1, problem))
                sizes.append(_page_size(pdf, i))
                continue
            try:
                block, size, whole = _read_page(pdf, i, options.max_page_chars)
            except pdfium.PdfiumError:
                unreadable.append(i + 1)
                sizes.append([0.0, 0.0, 0])
                continue
            sizes.append(size)
            if not whole:
                cut.append(i + 1)
            if block is not None:
                blocks.append(block)
                chars += len(block.text)
                if options.max_chars and chars > options.max_chars:
                    raise too_many_chars(options.max_chars)
        if too_big and not blocks:
            raise ExtractionError(f"too large: page {too_big[0][0]} not read: {too_big[0][1]}")
        if damaged and not blocks:  # a salvaged file that yields nothing is damaged, not a scan
            raise ExtractionError("corrupt: damaged or truncated PDF, no text could be recovered")
        if unreadable:
            warnings.append(
                f"{len(unreadable)} page(s) could not be read and were skipped: "
                + ", ".join(map(str, unreadable[:20]))
                + (" ..." if len(unreadable) > 20 else "")
            )
        for page, problem in too_big[:5]:
            warnings.append(f"page {page} not read: {problem}")
        if len(too_big) > 5:
            warnings.append(f"{len(too_big) - 5} more page(s) not read for their size")
        if cut:
            warnings.append(
                f"text cut at {options.max_page_chars:,} characters on {len(cut)} page(s): "
                + ", ".join(map(str, cut[:20]))
                + (" ..." if len(cut) > 20 else "")
            )
        metadata: dict[str, Any] = {"page_sizes": sizes}
        metadata.update(_metadata(pdf))
    finally:
        pdf.close()
    return Document(
        path=str(path), format="pdf", blocks=blocks, pages=n_pages, metadata=metadata, warnings=warnings
    )


def _open(
    path: Path, password: str | None, data: bytes | None = None
) -> tuple[pdfium.PdfDocument, list[str]]:
    """Open read-only (from ``data``, a patched copy of the file, when given); map PDFium's load errors to
    one-line reasons, salvaging a truncated file if possible."""
    try:
        return pdfium.PdfDocument(data if data is not None else str(path), password=password), []
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD or (code is None and "password" in str(e).lower()):
            raise ExtractionError(
                "encrypted: wrong password" if password else "encrypted: password required"
            ) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise ExtractionError("encrypted: unsupported security handler") from None
        if code == pdfium_c.FPDF_ERR_FILE:
            raise ExtractionError("cannot read: file could not be opened") from None
        pdf = _salvage(path, password, data)
        if pdf is None:
            raise ExtractionError(
                "corrupt: not a readable PDF (damaged or truncated; no catalog found)"
            ) from None
        return pdf, ["damaged PDF: its cross-reference table was rebuilt, some text may be missing"]
    except OSError as e:
        raise ExtractionError(f"cannot read: {e.strerror or e}") from None


def _salvage(path: Path, password: str | None, data: bytes | None = None) -> pdfium.PdfDocument | None:
    """Give PDFium a trailer it can rebuild the cross-reference table from (in memory; the file is untouched).

    Truncated downloads lose the trailer at the end of the file; PDFium then refuses the file although most
    objects are intact. Appending a trailer that names the catalog lets PDFium rescan the objects. ``data``
    is the checked copy of the file to salvage instead (see ``pdfcheck``).
    """
    if data is None:
        try:
            if path.stat().st_size > _SALVAGE_LIMIT:
                return None
            data = path.read_bytes()
        except OSError:
            return None
    m = _CATALOG.search(data)
    if m is None:
        return None
    patched = data + b"\nendstream\nendobj\ntrailer\n<< /Root %s %s R >>\n%%%%EOF\n" % (
        m.group(1),
        m.group(2),
    )
    try:
        return pdfium.PdfDocument(patched, password=password)
    except pdfium.PdfiumError:
        return None


def _page_size(pdf: pdfium.PdfDocument, index: int) -> list[float]:
    """[width, height, 0] of a page that is not loaded (size from its dictionary; no content parsed)."""
    size = pdfium_c.FS_SIZEF()
    if not pdfium_c.FPDF_GetPageSizeByIndexF(pdf.raw, index, size):
        return [0.0, 0.0, 0]
    return [round(size.width, 2), round(size.height, 2), 0]


def _read_page(pdf: pdfium.PdfDocument, index: int, limit: int) -> tuple[TextBlock | None, list[float], bool]:
    """The page's text and character boxes as one block (None when the page has no text), its size, and
    whether the text is whole (False when cut at ``limit`` characters).

    Pages and text pages are opened with the raw PDFium calls and closed right here: the helper objects
    of pypdfium2 attach a weak-reference finalizer to each one, which costs more than the calls themselves.
    """
    page = pdfium_c.FPDF_LoadPage(pdf.raw, index)
    if not page:
        raise pdfium.PdfiumError("Failed to load page.")
    try:
        frame = _Frame(_mediabox(page), _rotation(page))
        size = [round(frame.size[0], 2), round(frame.size[1], 2), frame.rotation]
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            raise pdfium.PdfiumError("Failed to load text page.")
        try:
            text, boxes, whole = _page_text(textpage, frame, limit)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
    finally:
        pdfium_c.FPDF_ClosePage(page)
    if not text or text.isspace():
        return None, size, whole
    return TextBlock(text, Location(page=index + 1), boxes=boxes), size, whole


def _mediabox(page: Any) -> tuple[float, float, float, float]:
    """The page's MediaBox as PDFium reads it; US Letter when the page has none (as pypdfium2 does)."""
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not pdfium_c.FPDFPage_GetMediaBox(page, left, bottom, right, top):
        return (0, 0, 612, 792)
    return (left.value, bottom.value, right.value, top.value)


def _rotation(page: Any) -> int:
    """Clockwise /Rotate of the page in degrees."""
    raw = pdfium_c.FPDFPage_GetRotation(page)
    if raw == -1:
        raise pdfium.PdfiumError("Failed to get page rotation.")
    return _DEGREES[raw]


def _page_text(textpage: Any, frame: _Frame, limit: int) -> tuple[str, array, bool]:
    """Text of a text page (its first ``limit`` characters) with 4 floats per character (x0, top, x1,
    bottom; NaN where no glyph), and whether that is all of it."""
    n = pdfium_c.FPDFText_CountChars(textpage)
    if n <= 0:
        return "", array("f"), True
    whole = n <= limit
    n = min(n, limit)
    text = _text_range(textpage, n)
    if len(text) != n:  # PDFium left out or added characters: read them one by one so boxes stay aligned
        get = pdfium_c.FPDFText_GetUnicode
        text = "".join(chr(min(get(textpage, k), 0x10FFFF)) for k in range(n))
    dropped: list[int] = []
    if "\r" in text:
        dropped = [m.start() for m in _CRLF.finditer(text)]  # each "\r" of a "\r\n" line end
        if dropped:
            text = text.replace("\r\n", "\n")
        text = text.replace("\r", "\n")
    v = _char_boxes(textpage, text, dropped)
    if "\ufffe" in text:
        text = text.replace("\ufffe", "-")
    if _BAD_CHARS.search(text):
        text = text.translate(_CLEAN)
    boxes = array("f", bytes(16 * len(v)))
    frame.to_top_left(v, np.frombuffer(boxes, dtype=np.float32).reshape(-1, 4))
    return text, boxes, whole


def _text_range(textpage: Any, n: int) -> str:
    """All text of the page as FPDFText_GetText gives it, read the way ``PdfTextPage.get_text_range`` does.

    Characters PDFium excludes at either end are left out of the range it is asked for, so it never reads
    beyond the page's characters (https://crbug.com/pdfium/2079).
    """
    to_text = pdfium_c.FPDFText_GetTextIndexFromCharIndex
    first, last = 0, n - 1
    while (t_first := to_text(textpage, first)) == -1:
        first += 1
        if first > last:
            return ""
    while (t_last := to_text(textpage, last)) == -1:  # stops at `first` at the latest
        last -= 1
    buffer = (ctypes.c_ushort * (t_last + 2 - t_first))()  # including the NUL terminator
    written = pdfium_c.FPDFText_GetText(textpage, first, last - first + 1, buffer)
    return decode(memoryview(buffer)[: written - 1], "utf-16-le", "surrogatepass")


def _char_boxes(textpage: Any, text: str, dropped: list[int]) -> np.ndarray:
    """(n, 4) float32 user-space boxes (left, top, right, bottom) of the characters of ``text``.

    PDFium is asked only for the first and last character of each word; the characters between are
    interpolated linearly (glyphs of a word advance along a straight line). A span made of whole words
    therefore gets its exact box, and one cut inside a word is off by a fraction of a glyph. This halves
    the native calls, which are the largest cost of reading a page. Whitespace gets NaN.

    ``dropped`` lists the positions, in PDFium's character list, of the carriage returns of CR LF line
    ends that ``text`` no longer has; they only shift the indices PDFium is asked for.
    """
    n = len(text)
    # space[i + 1] tells whether character i is whitespace; both ends count as whitespace
    space = np.empty(n + 2, dtype=bool)
    space[0] = space[-1] = True
    np.less_equal(
        np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32), 32, out=space[1:-1]
    )
    here, before, after = space[1:-1], space[:-2], space[2:]
    beside = before | after
    # ndarray methods rather than the numpy functions that wrap them: a page costs ~30 array operations
    starts = (before > here).nonzero()[0]
    ends = (after > here).nonzero()[0]
    edges = (beside > here).nonzero()[0]
    # no glyph (whitespace, a failed lookup) is NaN; one 16-byte item per row makes row gathers cheap
    v = np.empty((n, 4), dtype=np.float32)
    v.fill(np.nan)
    rows = v.view(np.complex128).reshape(n)
    # PDFium's index of a character is its index in `text` plus the dropped characters before it; the
    # i-th dropped one stood just before the line feed now at dropped[i] - i
    if dropped:
        line_feeds = np.array(dropped)
        line_feeds -= np.arange(len(dropped))
        native = edges + line_feeds.searchsorted(edges)
    else:
        native = edges
    if _LOOSE_CHAR_BOX is not None:
        handle = ctypes.cast(textpage, ctypes.c_void_p).value
        # FS_RECTF is (left, top, right, bottom) as 4 floats: exactly one row of `v` per character
        addresses = (edges * 16 + v.__array_interface__["data"][0]).tolist()
        for _ in map(_LOOSE_CHAR_BOX, repeat(handle, len(edges)), native.tolist(), addresses):
            pass
    else:
        rect = pdfium_c.FS_RECTF()
        for k, row in zip(native.tolist(), edges.tolist(), strict=True):
            if pdfium_c.FPDFText_GetLooseCharBox(textpage, k, rect):
                v[row] = (rect.left, rect.top, rect.right, rect.bottom)
    # a character PDFium generated rather than read from the page has a zero-size box
    found = rows[edges].view(np.float32).reshape(-1, 4)
    flat = (found[:, 0] == found[:, 2]) & (found[:, 1] == found[:, 3])
    if flat.any():
        v[edges[flat]] = np.nan
    inner = (~(beside | here)).nonzero()[0]
    if inner.size:
        # characters between the edges of a word, word by word in text order, as `inner` lists them
        count = ends - starts - 1
        np.maximum(count, 0, out=count)
        s, e = starts.repeat(count), ends.repeat(count)
        # in float32 directly: the quotient of two small integers rounds the same as via float64
        f = np.divide(inner - s, e - s, dtype=np.float32)[:, None]
        first = rows[starts].repeat(count).view(np.float32).reshape(-1, 4)
        step = rows[ends].repeat(count).view(np.float32).reshape(-1, 4)
        with np.errstate(invalid="ignore", over="ignore"):  # a damaged font's infinite box stays NaN/inf
            step -= first
            step *= f
            step += first
        rows[inner] = step.view(np.complex128).reshape(-1)
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

    def to_top_left(self, v: np.ndarray, out: np.ndarray) -> None:
        """(n, 4) user-space (left, top, right, bottom) -> float32 (x0, top, x1, bottom) as displayed, in ``out``."""
        mx0, my0, mx1, my1 = self.mx0, self.my0, self.mx1, self.my1
        left, top, right, bottom = v[:, 0], v[:, 1], v[:, 2], v[:, 3]
        x0, y0, x1, y1 = out[:, 0], out[:, 1], out[:, 2], out[:, 3]
        if self.rotation == 90:
            np.minimum(top, bottom, out=x0)
            np.minimum(left, right, out=y0)
            np.subtract(y0, 2 * mx0, out=y0)
            np.maximum(top, bottom, out=x1)
            np.maximum(left, right, out=y1)
            np.subtract(y1, 2 * mx0, out=y1)
        elif self.rotation == 180:
            np.maximum(left, right, out=x0)
            np.subtract(mx1 + mx0, x0, out=x0)
            np.minimum(top, bottom, out=y0)
            np.subtract(y0, 2 * my0, out=y0)
            np.minimum(left, right, out=x1)
            np.subtract(mx1 + mx0, x1, out=x1)
            np.maximum(top, bottom, out=y1)
            np.subtract(y1, 2 * my0, out=y1)
        elif self.rotation == 270:
            w = mx1 - mx0
            np.maximum(top, bottom, out=x0)
            np.subtract(my1 + my0, x0, out=x0)
            np.maximum(left, right, out=y0)
            np.subtract(w, y0, out=y0)
            np.minimum(top, bottom, out=x1)
            np.subtract(my1 + my0, x1, out=x1)
            np.minimum(left, right, out=y1)
            np.subtract(w, y1, out=y1)
        else:
            h = my1 - my0
            np.minimum(left, right, out=x0)
            np.maximum(top, bottom, out=y0)
            np.subtract(h, y0, out=y0)
            np.maximum(left, right, out=x1)
            np.minimum(top, bottom, out=y1)
            np.subtract(h, y1, out=y1)


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
