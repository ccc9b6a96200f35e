"""The one reading of WordprocessingML: which elements hold text, in what order, and how paragraphs are counted.

The DOCX extractor and the DOCX annotator both walk a document with ``Walker``, so that a finding's part,
paragraph and character offsets point at the same words in both (``tests/test_wordml.py`` holds them to it on
generated documents). Names are matched by local name, so Transitional and ISO Strict namespaces read alike.

A paragraph is every ``w:p`` in reading order, empty ones too. Main-document table paragraphs are part "table";
text-box paragraphs are "textbox" wherever the box is anchored, read after the paragraph that anchors it; a
paragraph nested in inline content (malformed) is a "body" paragraph read before the one holding it. A
paragraph's pieces are its text elements in order: ``w:t``, ``w:delText`` (deleted), tabs and breaks (a space),
non-breaking hyphens; property, field-code and marker subtrees hold no text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

MAX_DEPTH = 300  # a guard for the recursive walk; libxml2 already refuses XML nested past 256 levels

# Elements whose subtree never holds document text (properties, field codes, markers, ruby guides).
# Anything mapping offsets back into the XML (the DOCX annotator) must skip the same set.
NON_TEXT_ELEMENTS = frozenset(
    {
        "pPr",
        "rPr",
        "tblPr",
        "tblGrid",
        "trPr",
        "tcPr",
        "sectPr",
        "sdtPr",
        "sdtEndPr",
        "tblPrEx",
        "instrText",
        "delInstrText",
        "fldData",
        "bookmarkStart",
        "bookmarkEnd",
        "proofErr",
        "sym",
        "commentRangeStart",
        "commentRangeEnd",
        "commentReference",
        "footnoteReference",
        "endnoteReference",
        "footnoteRef",
        "endnoteRef",
        "annotationRef",
        "lastRenderedPageBreak",
        "softHyphen",
        "Fallback",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "permStart",
        "permEnd",
        "rPrChange",
        "pPrChange",
        "tblPrChange",
        "trPrChange",
        "tcPrChange",
        "sectPrChange",
        "numberingChange",
        "background",
        "docPartPr",
        "textpath",
        "imagedata",
        "blip",
        "blipFill",
        "rt",
    }
)
SPACE_ELEMENTS = frozenset({"tab", "ptab", "br", "cr"})  # each reads as one space
DELETED_ELEMENTS = frozenset({"del", "moveFrom"})

Piece = tuple[bool, etree._Element, str]  # (deleted, the text element, its text)


def local_name(tag: Any) -> str | None:
    if not isinstance(tag, str):
        return None  # entity reference or processing instruction
    return tag[tag.rfind("}") + 1 :]


def attribute(el: etree._Element, name: str) -> str | None:
    """Attribute by local name, whatever its namespace (w: in Transitional or Strict)."""
    for k, v in el.attrib.items():
        if k == name or k.endswith("}" + name):
            return v
    return None


def alternate_branch(alt: etree._Element) -> etree._Element | None:
    """The one branch of mc:AlternateContent to read: the first Choice, else the Fallback."""
    fallback = None
    for c in alt:
        name = local_name(c.tag)
        if name == "Choice":
            return c
        if name == "Fallback":
            fallback = c
    return fallback


@dataclass(slots=True)
class Paragraph:
    """One ``w:p`` as read: its part label, whether it sits inside a block-level deletion, its pieces (each
    marked deleted when inside a ``w:del``/``w:moveFrom`` of the paragraph), and the ids of the comment ranges
    that start before it (since the previous paragraph) or in it."""

    element: etree._Element
    part: str
    deleted: bool
    pieces: list[Piece] = field(default_factory=list)
    comment_starts: list[str] = field(default_factory=list)

    def text(self, include_deleted: bool = False) -> str:
        """The live text (or all of it); deleted pieces of a paragraph inside a block deletion too."""
        if self.deleted and not include_deleted:
            return ""
        return "".join(t for d, _, t in self.pieces if include_deleted or not d)


def pieces(p: etree._Element, deleted: bool = False) -> list[Piece]:
    """The text pieces of one paragraph in reading order (nested paragraphs and text boxes are their own)."""
    out: list[Piece] = []
    Walker()._inline(p, deleted, out, [], [], 0)
    return out


class Walker:
    """Walks block-level content and yields its paragraphs in reading order. ``too_deep`` is set when the
    nesting passed ``MAX_DEPTH`` (the rest of that branch is not read)."""

    def __init__(self) -> None:
        self.too_deep = False
        self._pending: list[str] = []  # comment ranges started between paragraphs

    def paragraphs(
        self, el: etree._Element, part: str, deleted: bool = False, depth: int = 0
    ) -> Iterator[Paragraph]:
        """The paragraphs of block-level content (body, cell, note, comment, text box, sdtContent...)."""
        if depth > MAX_DEPTH:
            self.too_deep = True
            return
        for child in el:
            name = local_name(child.tag)
            if name == "commentRangeStart":
                self._pending.append(attribute(child, "id") or "")
                continue
            if name is None or name in NON_TEXT_ELEMENTS:
                continue
            if name == "p":
                yield from self._paragraph(child, part, deleted, depth + 1)
            elif name == "tbl":
                yield from self.paragraphs(child, "table" if part == "body" else part, deleted, depth + 1)
            elif name in DELETED_ELEMENTS:
                yield from self.paragraphs(child, part, True, depth + 1)
            elif name == "AlternateContent":
                branch = alternate_branch(child)
                if branch is not None:
                    yield from self.paragraphs(branch, part, deleted, depth + 1)
            else:  # tr, tc, sdt, sdtContent, customXml, ins, moveTo, body, hdr, comment...
                yield from self.paragraphs(child, part, deleted, depth + 1)

    def _paragraph(self, p: etree._Element, part: str, deleted: bool, depth: int) -> Iterator[Paragraph]:
        found: list[Piece] = []
        boxes: list[etree._Element] = []
        nested: list[tuple[etree._Element, bool]] = []
        self._inline(p, False, found, boxes, nested, depth)
        for q, q_deleted in nested:  # read before the paragraph that holds them
            yield from self._paragraph(q, "body", deleted or q_deleted, depth + 1)
        starts: list[str] = []
        if part != "comment":
            starts = self._pending + [attribute(c, "id") or "" for c in p.iter("{*}commentRangeStart")]
            self._pending = []
        yield Paragraph(p, part, deleted, found, starts)
        for box in boxes:
            yield from self.paragraphs(box, "textbox", deleted, depth + 1)

    def _inline(
        self,
        el: etree._Element,
        deleted: bool,
        out: list[Piece],
        boxes: list[etree._Element],
        nested: list[tuple[etree._Element, bool]],
        depth: int,
    ) -> None:
        if depth > MAX_DEPTH:
            self.too_deep = True
            return
        for c in el:
            name = local_name(c.tag)
            if name is None or name in NON_TEXT_ELEMENTS:
                continue
            if name == "t":
                if c.text:
                    out.append((deleted, c, c.text))
            elif name == "delText":
                if c.text:
                    out.append((True, c, c.text))
            elif name in SPACE_ELEMENTS:
                out.append((deleted, c, " "))
            elif name == "noBreakHyphen":
                out.append((deleted, c, "-"))
            elif name == "txbxContent":
                boxes.append(c)
            elif name in DELETED_ELEMENTS:
                self._inline(c, True, out, boxes, nested, depth + 1)
            elif name == "AlternateContent":
                branch = alternate_branch(c)
                if branch is not None:
                    self._inline(branch, deleted, out, boxes, nested, depth + 1)
            elif name == "p":  # a paragraph nested in inline content (malformed): its own paragraph
                nested.append((c, deleted))
            elif len(c):
                self._inline(c, deleted, out, boxes, nested, depth + 1)
