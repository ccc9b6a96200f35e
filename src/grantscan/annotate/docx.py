"""Word comments on findings in a copy of a DOCX.

Paragraphs are found the way the DOCX extractor (extract/docx.py) counts them, so a finding's
``Location(part, paragraph)`` and its ``start``/``end`` offsets point at the same text here: every ``w:p``
counts (empty ones too), main-document table paragraphs are "table", text-box paragraphs "textbox";
paragraph text joins ``w:t`` with tabs and breaks read as one space, skipping deleted text and field codes.

A comment must start and end on run boundaries, so the runs around a match are split (each half keeps
the run's formatting) and ``w:commentRangeStart``/``w:commentRangeEnd`` enclose exactly the matched
text. Findings in parts that cannot hold an anchored comment here (notes, headers, comments, deleted
text) get a comment on the first body paragraph saying where they are.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from lxml import etree

from ..extract.docx import NON_TEXT_ELEMENTS as _SKIP
from ..extract.docx import SPACE_ELEMENTS as _SPACE
from ..extract.docx import alternate_branch, local_name
from ..model import Finding, Location
from . import AnnotateError, AnnotateReport, note_text, occurrences

__all__ = ["annotate_docx", "paragraph_map", "paragraph_text"]

AUTHOR = "grantscan"
INITIALS = "GS"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_NOTE_SKIP = {"separator", "continuationSeparator", "continuationNotice"}
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PART_NAMES = {
    "header": "a header",
    "footer": "a footer",
    "textbox": "a text box",
    "deleted": "deleted (tracked) text",
    "body": "the body",
    "table": "a table",
}


@dataclass(slots=True)
class _Piece:
    """One text-bearing element of a paragraph: where its text sits in the paragraph string."""

    start: int
    text: str
    elem: etree._Element  # w:t, w:tab, w:br...
    unit: etree._Element  # the element a comment range can be placed around (normally the w:r)


def paragraph_map(root: etree._Element) -> dict[str, list[etree._Element]]:
    """``w:p`` elements of a main-document tree by part label ("body", "table", "textbox"), indexed
    exactly as the extractor numbers ``Location.paragraph``."""
    out: dict[str, list[etree._Element]] = {}
    _container(root, "body", out)
    return out


def _container(el: etree._Element, part: str, out: dict[str, list[etree._Element]]) -> None:
    for child in el:
        name = local_name(child.tag)
        if name is None or name in _SKIP:
            continue
        if name == "p":
            _paragraph(child, part, out)
        elif name == "tbl":
            _container(child, "table" if part == "body" else part, out)
        elif name in ("del", "moveFrom"):
            _container(child, part, out)
        elif name == "AlternateContent":
            branch = alternate_branch(child)
            if branch is not None:
                _container(branch, part, out)
        else:
            _container(child, part, out)


def _paragraph(p: etree._Element, part: str, out: dict[str, list[etree._Element]]) -> None:
    boxes: list[etree._Element] = []
    _collect(p, False, [], boxes, out)  # numbers stray nested paragraphs first, as extraction does
    out.setdefault(part, []).append(p)
    for box in boxes:
        _container(box, "textbox", out)


def _collect(
    el: etree._Element,
    deleted: bool,
    pieces: list[tuple[bool, etree._Element, str]],
    boxes: list[etree._Element],
    out: dict[str, list[etree._Element]] | None,
) -> None:
    """Text pieces (deleted?, element, text) below ``el`` in reading order; text boxes go to ``boxes``.

    With ``out``, paragraphs nested in inline content are numbered into it, as extraction does."""
    for c in el:
        name = local_name(c.tag)
        if name is None or name in _SKIP:
            continue
        if name == "t":
            if c.text:
                pieces.append((deleted, c, c.text))
        elif name == "delText":
            if c.text:
                pieces.append((True, c, c.text))
        elif name in _SPACE:
            pieces.append((deleted, c, " "))
        elif name == "noBreakHyphen":
            pieces.append((deleted, c, "-"))
        elif name == "txbxContent":
            boxes.append(c)
        elif name in ("del", "moveFrom"):
            _collect(c, True, pieces, boxes, out)
        elif name == "AlternateContent":
            branch = alternate_branch(c)
            if branch is not None:
                _collect(branch, deleted, pieces, boxes, out)
        elif name == "p":  # a paragraph inside inline content (malformed): numbered as body, like extraction
            if out is not None:
                _paragraph(c, "body", out)
        elif len(c):
            _collect(c, deleted, pieces, boxes, out)


def _pieces(p: etree._Element) -> list[_Piece]:
    raw: list[tuple[bool, etree._Element, str]] = []
    _collect(p, False, raw, [], None)
    out: list[_Piece] = []
    pos = 0
    for deleted, elem, text in raw:
        if deleted:
            continue
        out.append(_Piece(pos, text, elem, _unit(p, elem)))
        pos += len(text)
    return out


def paragraph_text(p: etree._Element) -> str:
    """Live text of a paragraph, as the extractor reads it."""
    return "".join(pc.text for pc in _pieces(p))


def _unit(p: etree._Element, elem: etree._Element) -> etree._Element:
    """The nearest ``w:r`` holding ``elem``, else the paragraph child holding it (math, odd markup)."""
    node = elem
    top = elem
    while node is not None and node is not p:
        if local_name(node.tag) == "r" and node.tag.startswith("{" + W_NS):
            return node
        top = node
        node = node.getparent()
    return top


def _split_at(p: etree._Element, k: int) -> None:
    """Make paragraph offset ``k`` a run boundary, splitting the run there (both halves keep its rPr)."""
    pieces = _pieces(p)
    for i, pc in enumerate(pieces):
        end = pc.start + len(pc.text)
        if pc.start < k < end:
            if pc.elem.getparent() is not pc.unit or local_name(pc.elem.tag) != "t":
                return  # inside something that cannot be split; the range widens to the whole unit
            _split_run(pc.unit, pc.elem, k - pc.start)
            return
        if k == pc.start and i > 0:
            prev = pieces[i - 1]
            if prev.unit is pc.unit and pc.elem.getparent() is pc.unit:
                _split_run(pc.unit, pc.elem, 0)
            return


def _split_run(run: etree._Element, at: etree._Element, offset: int) -> None:
    """Split ``run`` before child ``at`` (offset 0) or inside its text; the left half goes first."""
    children = list(run)
    idx = children.index(at)
    left = copy.deepcopy(run)
    left_children = list(left)
    for j, c in enumerate(left_children):
        if local_name(c.tag) == "rPr":
            continue
        if j > idx or (j == idx and offset == 0):
            left.remove(c)
        elif j == idx:
            c.text = (c.text or "")[:offset]
            c.set(XML_SPACE, "preserve")
    for j, c in enumerate(children):
        if local_name(c.tag) == "rPr":
            continue
        if j < idx:
            run.remove(c)
        elif j == idx and offset:
            c.text = (c.text or "")[offset:]
            c.set(XML_SPACE, "preserve")
    run.addprevious(left)


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text`` (any case, any whitespace between words): whole-word matches
    when there are any, else matches inside longer words ("drone" in "drones")."""
    words = needle.split()
    if not words:
        return []
    body = r"\s+".join(re.escape(w) for w in words)
    whole = [m.span() for m in re.finditer(rf"(?<!\w){body}(?!\w)", text, re.IGNORECASE)]
    return whole or [m.span() for m in re.finditer(body, text, re.IGNORECASE)]


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def _mark(p: etree._Element, start: int, end: int, comment_id: int) -> None:
    """Enclose paragraph text [start, end) in comment ``comment_id``'s range, then its reference mark."""
    _split_at(p, end)
    _split_at(p, start)
    pieces = _pieces(p)
    first = next(pc for pc in pieces if pc.start + len(pc.text) > start)
    last = next(pc for pc in reversed(pieces) if pc.start < end)
    rs = etree.Element(_w("commentRangeStart"))
    rs.set(_w("id"), str(comment_id))
    re_ = etree.Element(_w("commentRangeEnd"))
    re_.set(_w("id"), str(comment_id))
    ref_run = etree.Element(_w("r"))
    rpr = etree.SubElement(ref_run, _w("rPr"))
    etree.SubElement(rpr, _w("rStyle")).set(_w("val"), "CommentReference")
    etree.SubElement(ref_run, _w("commentReference")).set(_w("id"), str(comment_id))
    first.unit.addprevious(rs)
    last.unit.addnext(re_)
    # the reference mark goes after the paragraph-level element holding the end, so it never becomes
    # part of a hyperlink or a tracked insertion
    outer = re_
    while outer.getparent() is not None and outer.getparent() is not p:
        outer = outer.getparent()
    outer.addnext(ref_run)


class _Annotator:
    def __init__(self, document, report: AnnotateReport, max_notes: int):
        self.document = document
        self.report = report
        self.max_notes = max_notes
        self.written = 0
        self.paragraphs = paragraph_map(document.element.body)
        self.texts: dict[int, str] = {}
        self.used: dict[tuple[str, str, int], set[tuple[int, int]]] = {}  # (rule, part, ¶) -> spans noted
        self.notes = _note_ordinals(document)

    def text(self, p: etree._Element) -> str:
        key = id(p)
        if key not in self.texts:
            self.texts[key] = paragraph_text(p)
        return self.texts[key]

    def comment(self, p: etree._Element, start: int, end: int, text: str) -> None:
        c = self.document.comments.add_comment(text=_XML_BAD.sub("", text), author=AUTHOR, initials=INITIALS)
        _mark(p, start, end, c.comment_id)
        self.texts.pop(id(p), None)
        self.written += 1

    def full(self) -> bool:
        return self.written >= self.max_notes

    def add(self, finding: Finding, first: bool, loc: Location) -> None:
        part, index = loc.part or "body", loc.paragraph or 0
        if self.full():
            self.report.miss(finding, loc, f"note limit ({self.max_notes}) reached")
            return
        if part in ("body", "table", "textbox"):
            if self._anchor(finding, first, part, index):
                self.report.anchored += 1
                return
            reason = f"'{finding.text}' not found verbatim in {part} paragraph {index + 1}"
            # a grouped mention worded differently ("shared the data"): note the whole paragraph
            if self._note_paragraph(finding, part, index):
                self.report.miss(finding, loc, reason + "; noted on the whole paragraph", noted=True)
                return
        else:
            reason = f"comments cannot be anchored in {_PART_NAMES.get(part, part)}"
        if self._note_elsewhere(finding, loc):
            self.report.miss(finding, loc, reason + "; noted on the first paragraph", noted=True)
        else:
            self.report.miss(finding, loc, reason + "; no paragraph to hold a note")

    def _anchor(self, finding: Finding, first: bool, part: str, index: int) -> bool:
        paras = self.paragraphs.get(part, [])
        used = self.used.setdefault((finding.rule_id, part, index), set())
        if 0 <= index < len(paras):
            p = paras[index]
            text = self.text(p)
            s, e = finding.start, finding.end
            if (
                first
                and s is not None
                and e is not None
                and 0 <= s < e <= len(text)
                and _same(text[s:e], finding.text)
            ):
                span: tuple[int, int] | None = (s, e)
            else:
                # later occurrences carry no offsets: take the first match of the text not yet noted
                spans = _spans(text, finding.text)
                span = next((sp for sp in spans if sp not in used), None)
            if span is not None:
                used.add(span)
                self.comment(p, span[0], span[1], note_text(finding))
                return True
        return False

    def _note_paragraph(self, finding: Finding, part: str, index: int) -> bool:
        paras = self.paragraphs.get(part, [])
        if not 0 <= index < len(paras) or not self.text(paras[index]).strip():
            return False
        text = f'A mention of "{finding.text}" in this paragraph — {note_text(finding)}'
        self.comment(paras[index], 0, len(self.text(paras[index])), text)
        return True

    def _note_elsewhere(self, finding: Finding, loc: Location) -> bool:
        target = next((p for p in self.paragraphs.get("body", []) if self.text(p).strip()), None)
        if target is None:
            return False
        where = self._where(loc)
        text = f'In {where}: "{finding.text}" — {note_text(finding)}'
        self.comment(target, 0, len(self.text(target)), text)
        return True

    def _where(self, loc: Location) -> str:
        part, index = loc.part or "body", loc.paragraph or 0
        ordinal = self.notes.get(part, {}).get(index)
        if ordinal is not None:
            return f"{part} {ordinal}"
        return f"{_PART_NAMES.get(part, part)} (paragraph {index + 1})"


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _note_ordinals(document) -> dict[str, dict[int, int]]:
    """For footnotes, endnotes and comments: paragraph index within the part -> 1-based note number."""
    out: dict[str, dict[int, int]] = {}
    for part, tag in (("footnote", "footnote"), ("endnote", "endnote"), ("comment", "comment")):
        root = _related_xml(document, part + "s")
        if root is None:
            continue
        mapping: dict[int, int] = {}
        index = ordinal = 0
        for note in root:
            if local_name(note.tag) != tag:
                continue
            typ = next((v for k, v in note.attrib.items() if k.endswith("}type")), "normal")
            if typ in _NOTE_SKIP:
                continue
            ordinal += 1
            for part_label, paras in _iter_note_paragraphs(note, part):
                if part_label == part:
                    for _ in paras:
                        mapping[index] = ordinal
                        index += 1
        out[part] = mapping
    return out


def _iter_note_paragraphs(note: etree._Element, part: str) -> Iterator[tuple[str, list[etree._Element]]]:
    found: dict[str, list[etree._Element]] = {}
    _container(note, part, found)
    yield from found.items()


def _related_xml(document, suffix: str) -> etree._Element | None:
    """Root element of the main part's related part whose relationship type ends with ``/suffix``."""
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/" + suffix):
            continue
        part = rel.target_part
        element = getattr(part, "element", None)
        if element is not None:
            return element
        try:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
            return etree.fromstring(part.blob, parser)
        except etree.XMLSyntaxError:
            return None
    return None


def annotate_docx(
    path: Path, out: IO[bytes], findings: list[Finding], report: AnnotateReport, *, max_notes: int
) -> None:
    """Write to ``out`` a copy of the DOCX at ``path`` with a Word comment on each finding occurrence."""
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as e:  # python-docx raises several unrelated types for unreadable packages
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise AnnotateError(f"cannot open {path.name} as a Word document: {msg[:160]}") from None
    annotator = _Annotator(document, report, max_notes)
    for finding in findings:
        offsets_used = False
        for loc in occurrences(finding):
            # start/end belong to the finding's first location; a later occurrence searches its paragraph
            first = not offsets_used and loc == finding.location
            offsets_used = offsets_used or first
            annotator.add(finding, first, loc)
    document.save(out)
