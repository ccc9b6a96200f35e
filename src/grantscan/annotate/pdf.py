"""Highlight annotations with pop-up notes over findings in a copy of a PDF.

Finding boxes come from extraction as (x0, top, x1, bottom) in points with the origin at the top-left
of the page as displayed, the convention of pdfplumber (which reads through pdfminer's rotated,
MediaBox-relative space). ``to_user_space`` turns such a box back into PDF user space for the page's
MediaBox and /Rotate, where annotation rectangles and QuadPoints live.

Unencrypted files are written as an incremental update: the original bytes stay as they were (a
signature over them still verifies) and the annotations are appended. The appended copy is read back
before it is used; if pypdf's incremental writer got it wrong (it has numbered new objects onto the
cross-reference stream of some files), the copy is rewritten in full instead.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path
from typing import IO

from ..model import Finding, Location
from . import AnnotateError, AnnotateReport, left_out_note, note_text, occurrences

__all__ = ["annotate_pdf", "to_user_space", "HIGHLIGHT_COLOURS"]

HIGHLIGHT_COLOURS = {"high": "ff6b6b", "medium": "ffb347", "low": "fff176", "info": "9ad0ff"}
POPUP_SIZE = (220.0, 110.0)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

# pypdf reports what it repairs in a damaged file through logging; with no handler configured those lines
# would reach the terminal (through logging's last-resort handler) beside grantscan's own one-line report.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def to_user_space(
    bbox: tuple[float, float, float, float], mediabox: tuple[float, float, float, float], rotate: int = 0
) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) in PDF user space of a top-left-origin box on a page as displayed.

    Exact inverse of pdfplumber's mapping (and of extract/pdf.py's ``_Frame``) for /Rotate 0, 90, 180 and
    270, including its handling of a MediaBox that does not start at the origin.
    """
    x0, top, x1, bottom = bbox
    mx0, my0, mx1, my1 = (
        min(mediabox[0], mediabox[2]),
        min(mediabox[1], mediabox[3]),
        max(mediabox[0], mediabox[2]),
        max(mediabox[1], mediabox[3]),
    )
    w, h = mx1 - mx0, my1 - my0
    rotate %= 360
    if rotate == 90:
        xs, ys = (top + 2 * mx0, bottom + 2 * mx0), (x0, x1)
    elif rotate == 180:
        xs, ys = (mx1 + mx0 - x1, mx1 + mx0 - x0), (top + 2 * my0, bottom + 2 * my0)
    elif rotate == 270:
        xs, ys = (w - bottom, w - top), (my1 + my0 - x1, my1 + my0 - x0)
    else:
        xs, ys = (x0, x1), (h - bottom, h - top)
    return min(xs), min(ys), max(xs), max(ys)


def _open(path: Path, password: str | None):
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        encrypted = reader.is_encrypted
        if encrypted:
            if not reader.decrypt(password or ""):
                raise AnnotateError(
                    "encrypted: password required" if not password else "encrypted: wrong password"
                )
        len(reader.pages)
    except AnnotateError:
        raise
    except Exception as e:  # noqa: BLE001 - whatever pypdf raises on a damaged file is one line for the user
        raise AnnotateError(f"cannot open {path.name} as a PDF: {_one_line(e)}") from None
    return reader, encrypted


def _one_line(e: BaseException) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return f"{type(e).__name__}: {msg}"[:160] if not isinstance(e, OSError | ValueError) else msg[:160]


def _popup_rect(
    rect: tuple[float, float, float, float], mediabox: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    """A pop-up box beside the highlight, kept inside the page."""
    pw, ph = POPUP_SIZE
    left = rect[2] + 8
    if left + pw > mediabox[2]:
        left = max(mediabox[0], rect[0] - 8 - pw)
    top = min(rect[3], mediabox[3])
    bottom = max(mediabox[1], top - ph)
    return left, bottom, left + pw, max(top, bottom + 20)


def annotate_pdf(
    path: Path,
    out: IO[bytes],
    findings: list[Finding],
    report: AnnotateReport,
    *,
    password: str | None = None,
    max_notes: int,
) -> None:
    """Write to ``out`` a copy of the PDF at ``path`` with a highlight and note on each finding occurrence.

    Raises AnnotateError, one line, for a file that cannot be read or written back, whatever pypdf raised:
    nothing is written to ``out`` then.
    """

    reader, encrypted = _open(path, password)
    lines = _Lines(path, password)
    try:
        data = _write(path, reader, encrypted, findings, report, password, max_notes, lines)
    except (AnnotateError, KeyboardInterrupt):
        raise
    except MemoryError:
        raise AnnotateError(
            f"cannot annotate {path.name}: it needs more memory than this process may use"
        ) from None
    except Exception as e:  # noqa: BLE001 - a damaged structure pypdf trips over is a one-line error
        raise AnnotateError(f"cannot annotate {path.name}: damaged PDF ({_one_line(e)})") from None
    finally:
        lines.close()
    out.write(data)


def _write(
    path: Path,
    reader,
    encrypted: bool,
    findings: list[Finding],
    report: AnnotateReport,
    password: str | None,
    max_notes: int,
    lines: _Lines,
) -> bytes:
    from pypdf import PdfWriter

    data = None
    if not encrypted:
        try:
            attempt = AnnotateReport(report.input, report.output, report.format)
            writer = PdfWriter(str(path), incremental=True)
            names = _add_notes(writer, findings, attempt, max_notes, lines)
            buf = io.BytesIO()
            writer.write(buf)
            if _readable(buf.getvalue(), names):
                data = buf.getvalue()
                report.anchored, report.unanchored = attempt.anchored, attempt.unanchored
                report.warnings.extend(attempt.warnings)
        except Exception:  # noqa: BLE001 - any failure of the append-only path falls back to a full rewrite
            data = None
    if data is None:
        if not encrypted:
            report.warnings.append(
                "written as a full copy: the original bytes (and any signature) are not kept"
            )
        writer = PdfWriter(clone_from=reader)
        _add_notes(writer, findings, report, max_notes, lines)
        if encrypted and password:
            writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
            report.warnings.append("the copy is encrypted with the same password")
        buf = io.BytesIO()
        writer.write(buf)
        data = buf.getvalue()
    return data


def _add_notes(
    writer, findings: list[Finding], report: AnnotateReport, max_notes: int, lines: _Lines
) -> dict[int, list[str]]:
    """Add a highlight and pop-up per occurrence; returns page index -> the /NM names of the highlights."""
    from pypdf.annotations import Highlight, Popup
    from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

    n_pages = len(writer.pages)
    names: dict[int, list[str]] = {}
    _repair_annots(writer, report)
    for finding in findings:
        for loc in occurrences(finding):
            if report.anchored >= max_notes:
                report.miss(finding, loc, f"note limit ({max_notes}) reached")
                continue
            problem = _check(loc, n_pages)
            if problem:
                report.miss(finding, loc, problem)
                continue
            assert loc.page is not None and loc.bbox is not None
            index = loc.page - 1
            page = writer.pages[index]
            mb = page.mediabox
            mediabox = (float(mb.left), float(mb.bottom), float(mb.right), float(mb.top))
            rotate = page.rotation % 360  # inherited from the page tree when the page has none
            box = to_user_space(loc.bbox, mediabox, rotate)
            boxes = (lines.split(index, box, finding.text) if rotate == 0 else None) or [box]
            left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
            right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
            quad = ArrayObject(
                FloatObject(round(v, 3))
                for b in boxes
                for v in (b[0], b[3], b[2], b[3], b[0], b[1], b[2], b[1])
            )
            highlight = Highlight(
                rect=(left, bottom, right, top),
                quad_points=quad,
                highlight_color=HIGHLIGHT_COLOURS.get(finding.severity, "fff176"),
                printing=True,
                title_bar="grantscan",
            )
            name = f"grantscan-{report.anchored + 1}"
            highlight[NameObject("/NM")] = TextStringObject(name)
            highlight[NameObject("/Contents")] = TextStringObject(_CONTROL.sub("", note_text(finding)))
            highlight[NameObject("/Subj")] = TextStringObject(f"{finding.category}: {finding.text}")
            added = writer.add_annotation(index, highlight)
            popup = Popup(rect=_popup_rect((left, bottom, right, top), mediabox), parent=added, open=False)
            popup_ref = writer.add_annotation(index, popup)
            added[NameObject("/Popup")] = popup_ref.indirect_reference
            names.setdefault(index, []).append(name)
            report.anchored += 1
    left_out = left_out_note(report, max_notes)
    if left_out and n_pages:  # one sticky note at the top of the first page says what the limit left out
        from pypdf.annotations import Text

        mb = writer.pages[0].mediabox
        x, y = float(mb.left) + 8, float(mb.top) - 8
        sticky = Text(rect=(x, y - 20, x + 20, y), text=_CONTROL.sub("", left_out), open=False)
        sticky[NameObject("/NM")] = TextStringObject("grantscan-left-out")
        writer.add_annotation(0, sticky)
    return names


def _repair_annots(writer, report: AnnotateReport) -> None:  # noqa: ANN001 - pypdf PdfWriter
    """Give a page whose /Annots is not an array (a number, a name, a dictionary, a reference to nothing)
    an empty array, so notes can be added to it: pypdf appends to whatever it finds there. Entries of a
    real array that are null or not annotations are left alone; viewers skip them."""
    from pypdf.generic import ArrayObject, NameObject

    for index, page in enumerate(writer.pages):
        if "/Annots" not in page:
            continue
        value = page.get("/Annots")
        value = value.get_object() if value is not None and hasattr(value, "get_object") else value
        if not isinstance(value, ArrayObject):
            page[NameObject("/Annots")] = ArrayObject()
            report.warnings.append(f"page {index + 1}: its list of annotations was damaged and is replaced")


class _Lines:
    """Per-line boxes of a match that wraps onto several lines, so the highlight follows the text instead
    of covering the whole rectangle around it. Found by searching the page's text (PDFium), choosing the
    hit that overlaps the extracted box; None when the match is on one line or cannot be found."""

    def __init__(self, path: Path, password: str | None):
        self.path, self.password = path, password
        self.doc = None
        self.pages: dict[int, object] = {}
        self.hits: dict[tuple[int, str], list[list[tuple[float, float, float, float]]]] = {}

    def split(
        self, index: int, box: tuple[float, float, float, float], text: str
    ) -> list[tuple[float, float, float, float]] | None:
        query = " ".join(text.split())
        if not query:
            return None
        try:
            hits = self._hits(index, query)
        except Exception:  # noqa: BLE001 - PDFium failing here only costs the per-line refinement
            return None
        best, best_overlap = None, 0.5
        for line_boxes in hits:
            overlap = _overlap(box, _union(line_boxes))
            if overlap > best_overlap:
                best, best_overlap = line_boxes, overlap
        return best if best is not None and len(best) > 1 else None

    def _hits(self, index: int, query: str) -> list[list[tuple[float, float, float, float]]]:
        key = (index, query.casefold())
        if key in self.hits:
            return self.hits[key]
        import pypdfium2

        if self.doc is None:
            self.doc = pypdfium2.PdfDocument(str(self.path), password=self.password)
        if index not in self.pages:
            self.pages[index] = self.doc[index].get_textpage()
        textpage = self.pages[index]
        searcher = textpage.search(query, match_case=False)
        found = []
        for _ in range(1000):
            hit = searcher.get_next()
            if not hit:
                break
            start, count = hit
            chars = [textpage.get_charbox(k, loose=True) for k in range(start, start + count)]
            found.append(_group_lines([c for c in chars if c[0] != c[2] or c[1] != c[3]]))
        searcher.close()
        self.hits[key] = [f for f in found if f]
        return self.hits[key]

    def close(self) -> None:
        for textpage in self.pages.values():
            textpage.close()
        if self.doc is not None:
            self.doc.close()


def _group_lines(chars: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """Union boxes of consecutive characters (left, bottom, right, top) that share a line."""
    lines: list[list[float]] = []
    for left, bottom, right, top in chars:
        mid = (bottom + top) / 2
        if lines and lines[-1][1] <= mid <= lines[-1][3]:
            line = lines[-1]
            line[0], line[1] = min(line[0], left), min(line[1], bottom)
            line[2], line[3] = max(line[2], right), max(line[3], top)
        else:
            lines.append([left, bottom, right, top])
    return [(a, b, c, d) for a, b, c, d in lines]


def _union(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Intersection over union of two boxes."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def _readable(data: bytes, names: dict[int, list[str]]) -> bool:
    """Whether a written copy reads back with every added highlight in place (guards the append path)."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject

    reader = PdfReader(io.BytesIO(data))
    # a misnumbered update breaks every new object alike, so a few pages tell: first, last and busiest
    sample = {min(names), max(names), max(names, key=lambda i: len(names[i]))} if names else set()
    for index in sorted(sample):
        expected = names[index]
        found = []
        annots = reader.pages[index].get("/Annots")
        annots = annots.get_object() if annots is not None else None
        for ref in annots if isinstance(annots, ArrayObject) else []:
            annot = ref.get_object() if ref is not None else None
            if not isinstance(annot, DictionaryObject):
                continue
            if annot.get("/Subtype") == "/Highlight" and str(annot.get("/NM", "")).startswith("grantscan-"):
                popup = annot.get("/Popup")
                popup = popup.get_object() if popup is not None else None
                if not isinstance(popup, DictionaryObject) or popup.get("/Subtype") != "/Popup":
                    return False
                found.append(str(annot["/NM"]))
        if sorted(found) != sorted(expected):
            return False
    return True


def _check(loc: Location, n_pages: int) -> str | None:
    if loc.page is None or loc.bbox is None:
        return "no page box recorded for this occurrence"
    if not 1 <= loc.page <= n_pages:
        return f"page {loc.page} is outside the document ({n_pages} pages)"
    x0, top, x1, bottom = loc.bbox
    if not all(v == v for v in loc.bbox) or x1 < x0 or bottom < top:
        return "invalid box"
    return None
