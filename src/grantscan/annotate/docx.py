"""Word comments on findings in a copy of a DOCX.

Paragraphs and their text are read with the walker the DOCX extractor uses (``extract.wordml``), so a
finding's ``Location(part, paragraph)`` and its ``start``/``end`` offsets point at the same text here.

A comment must start and end on run boundaries, so the runs around a match are split (each half keeps
the run's formatting) and ``w:commentRangeStart``/``w:commentRangeEnd`` enclose exactly the matched
text. Each mention of a grouped finding is anchored on its own words (its location's offsets), not on the
first mention's wording. Mentions where Word cannot anchor a comment on the words themselves go to the
nearest place that shows them:

- footnotes and endnotes: the note's reference mark in the text;
- reviewers' comments: the text the reviewer's comment is anchored on;
- deleted (tracked) text: the deletion itself;
- headers and footers: one note on the first paragraph listing every such mention and where it is.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from lxml import etree

from ..extract.wordml import Walker, local_name
from ..extract.wordml import pieces as paragraph_pieces
from ..model import Finding, Location
from . import LIMIT_REASON, AnnotateError, AnnotateReport, left_out_note, note_text, occurrences

__all__ = ["annotate_docx", "paragraph_map", "paragraph_text"]

AUTHOR = "grantscan"
INITIALS = "GS"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
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
    exactly as the extractor numbers ``Location.paragraph`` (both read with ``extract.wordml.Walker``)."""
    out: dict[str, list[etree._Element]] = {}
    _container(root, "body", out)
    return out


def _container(
    el: etree._Element,
    part: str,
    out: dict[str, list[etree._Element]],
    order: list[tuple[etree._Element, bool]] | None = None,
) -> None:
    """Number the paragraphs below ``el`` into ``out``; ``order`` gets every paragraph in reading order, with
    whether it sits inside a block-level deletion."""
    for para in Walker().paragraphs(el, part):
        out.setdefault(para.part, []).append(para.element)
        if order is not None:
            order.append((para.element, para.deleted))


def _pieces(p: etree._Element) -> list[_Piece]:
    raw = paragraph_pieces(p)
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
    _enclose(p, first.unit, last.unit, comment_id)


def _range_marks(comment_id: int) -> tuple[etree._Element, etree._Element, etree._Element]:
    """commentRangeStart, commentRangeEnd and the run holding the comment's reference mark."""
    rs = etree.Element(_w("commentRangeStart"))
    rs.set(_w("id"), str(comment_id))
    re_ = etree.Element(_w("commentRangeEnd"))
    re_.set(_w("id"), str(comment_id))
    ref_run = etree.Element(_w("r"))
    rpr = etree.SubElement(ref_run, _w("rPr"))
    etree.SubElement(rpr, _w("rStyle")).set(_w("val"), "CommentReference")
    etree.SubElement(ref_run, _w("commentReference")).set(_w("id"), str(comment_id))
    return rs, re_, ref_run


def _outer(el: etree._Element, p: etree._Element) -> etree._Element:
    """The child of paragraph ``p`` that holds ``el`` (``el`` itself when it is one)."""
    while el.getparent() is not None and el.getparent() is not p:
        el = el.getparent()
    return el


def _enclose(p: etree._Element, first: etree._Element, last: etree._Element, comment_id: int) -> None:
    """Put comment ``comment_id``'s range from before ``first`` to after ``last`` (both inside ``p``)."""
    rs, re_, ref_run = _range_marks(comment_id)
    first.addprevious(rs)
    last.addnext(re_)
    # the reference mark goes after the paragraph-level element holding the end, so it never becomes
    # part of a hyperlink or a tracked insertion
    _outer(re_, p).addnext(ref_run)


def _enclose_paragraph(p: etree._Element, comment_id: int) -> None:
    """Put comment ``comment_id``'s range around everything in ``p`` (its text, deleted text included)."""
    content = [c for c in p if local_name(c.tag) != "pPr"]
    if content:
        _enclose(p, content[0], content[-1], comment_id)
        return
    rs, re_, ref_run = _range_marks(comment_id)
    for el in (rs, re_, ref_run):
        p.append(el)


def _ancestor_paragraph(el: etree._Element) -> etree._Element | None:
    node = el.getparent()
    while node is not None and not (local_name(node.tag) == "p" and node.tag.startswith("{" + W_NS)):
        node = node.getparent()
    return node


@dataclass(slots=True)
class _Deletion:
    """One contiguous stretch of deleted text, as extraction numbers the "deleted" part."""

    paragraph: etree._Element
    text: str
    first: etree._Element  # first and last deleted text elements of the stretch
    last: etree._Element


def _deletions(order: list[tuple[etree._Element, bool]]) -> list[_Deletion]:
    """The main document's deleted stretches, numbered as extraction numbers them: paragraph by paragraph
    in reading order, each run of deleted pieces with some non-space text."""
    out: list[_Deletion] = []
    for p, block_deleted in order:
        raw = paragraph_pieces(p, block_deleted)
        run: list[tuple[etree._Element, str]] = []
        for deleted, elem, text in [*raw, (False, None, "")]:
            if deleted:
                run.append((elem, text))
                continue
            if run:
                joined = "".join(t for _, t in run)
                if joined.strip():
                    out.append(_Deletion(p, joined, run[0][0], run[-1][0]))
                run = []
    return out


@dataclass(slots=True)
class _NoteParagraph:
    """A paragraph of a footnote, endnote or reviewer's comment, with the note it belongs to."""

    paragraph: etree._Element
    ordinal: int  # 1-based, as a reader counts the notes
    note_id: str
    author: str | None = None


def _note_paragraphs(document, part: str) -> list[_NoteParagraph]:
    """Paragraphs of the footnotes, endnotes or comments part, indexed as extraction numbers them."""
    root = _related_xml(document, part + "s")
    out: list[_NoteParagraph] = []
    if root is None:
        return out
    ordinal = 0
    for note in root:
        if local_name(note.tag) != part:
            continue
        attrs = {k.rsplit("}", 1)[-1]: v for k, v in note.attrib.items()}
        if attrs.get("type", "normal") in _NOTE_SKIP:
            continue
        ordinal += 1
        found: dict[str, list[etree._Element]] = {}
        _container(note, part, found)
        for para in found.get(part, []):
            out.append(_NoteParagraph(para, ordinal, attrs.get("id", ""), attrs.get("author")))
    return out


def _header_footer_paragraphs(document) -> dict[str, list[etree._Element]]:
    """Header and footer paragraphs, numbered as extraction does: every header part in the order the
    document first refers to it, then every footer part."""
    body = document.element.body
    names: dict[str, list] = {"header": [], "footer": []}
    for ref in body.iter(_w("headerReference"), _w("footerReference")):
        rid = ref.get(f"{{{R_NS}}}id")
        rel = document.part.rels.get(rid) if rid else None
        if rel is None or rel.is_external:
            continue
        kind = "header" if local_name(ref.tag) == "headerReference" else "footer"
        if rel.target_part not in names[kind]:
            names[kind].append(rel.target_part)
    out: dict[str, list[etree._Element]] = {}
    for kind, parts in names.items():
        for part in parts:
            element = getattr(part, "element", None)
            if element is not None:
                _container(element, kind, out)
    return out


class _Annotator:
    def __init__(self, document, report: AnnotateReport, max_notes: int):
        self.document = document
        self.report = report
        self.max_notes = max_notes
        self.written = 0
        order: list[tuple[etree._Element, bool]] = []
        self.paragraphs: dict[str, list[etree._Element]] = {}
        _container(document.element.body, "body", self.paragraphs, order)
        self.deletions = _deletions(order)
        # read before any comment is added: the comments part changes as notes are written
        self.notes = {part: _note_paragraphs(document, part) for part in ("footnote", "endnote", "comment")}
        self.furniture = _header_footer_paragraphs(document)
        self.texts: dict[int, str] = {}
        self.used: dict[tuple[str, str, int], set[tuple[int, int]]] = {}  # (rule, part, ¶) -> spans noted
        self.listed: list[str] = []  # mentions in headers and footers, for the one note that lists them

    def text(self, p: etree._Element) -> str:
        key = id(p)
        if key not in self.texts:
            self.texts[key] = paragraph_text(p)
        return self.texts[key]

    def new_comment(self, text: str) -> int:
        c = self.document.comments.add_comment(text=_XML_BAD.sub("", text), author=AUTHOR, initials=INITIALS)
        self.written += 1
        return c.comment_id

    def comment(self, p: etree._Element, start: int, end: int, text: str) -> None:
        _mark(p, start, end, self.new_comment(text))
        self.texts.pop(id(p), None)

    def full(self) -> bool:
        return self.written + len(self.listed) >= self.max_notes

    def add(self, finding: Finding, first: bool, loc: Location) -> None:
        part, index = loc.part or "body", loc.paragraph or 0
        if self.full():
            self.report.miss(finding, loc, f"{LIMIT_REASON} ({self.max_notes}) reached")
            return
        if part in ("body", "table", "textbox"):
            if self._anchor(finding, first, part, index, loc):
                self.report.anchored += 1
                return
            reason = f"the words of this mention were not found in {part} paragraph {index + 1}"
            # a mention without offsets worded differently ("shared the data"): note the whole paragraph
            if self._note_paragraph(finding, part, index):
                self.report.miss(finding, loc, reason + "; noted on the whole paragraph", noted=True)
                return
        elif part in ("footnote", "endnote"):
            if self._on_reference(finding, loc):
                self.report.miss(finding, loc, f"in a {part}: noted on its reference mark", noted=True)
                return
            reason = f"the {part}'s reference mark was not found"
        elif part == "comment":
            if self._on_commented_text(finding, loc):
                self.report.miss(finding, loc, "in a comment: noted on the text it comments on", noted=True)
                return
            reason = "the text this comment is anchored on was not found"
        elif part == "deleted":
            if self._on_deletion(finding, loc):
                self.report.miss(finding, loc, "in deleted (tracked) text: noted on the deletion", noted=True)
                return
            reason = "the deletion was not found in the main text"
        else:
            reason = f"comments cannot be anchored in {_PART_NAMES.get(part, part)}"
        self.listed.append(f"In {self._where(loc)}: “{self._words(loc, finding)}” — {note_text(finding)}")
        self.report.miss(finding, loc, reason + "; listed in one note on the first paragraph", noted=True)

    def finish(self, left_out: str | None) -> None:
        """Write the note listing mentions in headers and footers, and the note on what was left out."""
        target = next((p for p in self.paragraphs.get("body", []) if self.text(p).strip()), None)
        if target is None:
            for m in self.report.unanchored:
                if m.noted and m.reason.endswith("listed in one note on the first paragraph"):
                    m.noted, m.reason = False, m.reason + " (no paragraph to hold it)"
            return
        if self.listed:
            head = "[grantscan] Mentions where Word cannot hold a comment on the words themselves:"
            self.comment(target, 0, len(self.text(target)), "\n".join([head, *self.listed]))
        if left_out:
            self.comment(target, 0, len(self.text(target)), left_out)

    def _words(self, loc: Location, finding: Finding) -> str:
        """The mention's own words where its offsets and part can be read here, else the finding's text."""
        part, index = loc.part or "body", loc.paragraph or 0
        text = None
        if part in self.notes and 0 <= index < len(self.notes[part]):
            text = self.text(self.notes[part][index].paragraph)
        elif part in self.furniture and 0 <= index < len(self.furniture[part]):
            text = self.text(self.furniture[part][index])
        elif part == "deleted" and 0 <= index < len(self.deletions):
            text = self.deletions[index].text
        elif part in self.paragraphs and 0 <= index < len(self.paragraphs[part]):
            text = self.text(self.paragraphs[part][index])
        if (
            text is not None
            and loc.start is not None
            and loc.end is not None
            and 0 <= loc.start < loc.end <= len(text)
        ):
            return " ".join(text[loc.start : loc.end].split())
        return " ".join(finding.text.split())

    def _anchor(self, finding: Finding, first: bool, part: str, index: int, loc: Location) -> bool:
        paras = self.paragraphs.get(part, [])
        used = self.used.setdefault((finding.rule_id, part, index), set())
        if not 0 <= index < len(paras):
            return False
        p = paras[index]
        text = self.text(p)
        span: tuple[int, int] | None = None
        s, e = finding.start, finding.end
        if (
            first
            and s is not None
            and e is not None
            and 0 <= s < e <= len(text)
            and _same(text[s:e], finding.text)
        ):
            span = (s, e)
        elif (
            loc.start is not None
            and loc.end is not None
            and 0 <= loc.start < loc.end <= len(text)
            and text[loc.start : loc.end].strip()
            and (loc.start, loc.end) not in used
        ):
            span = (loc.start, loc.end)  # this mention's own words, whatever the first one said
        else:
            # a location without offsets: the first match of the finding's words (or name) not yet noted
            for needle in dict.fromkeys(x for x in (finding.text, finding.name) if x):
                span = next((sp for sp in _spans(text, needle) if sp not in used), None)
                if span is not None:
                    break
        if span is None:
            return False
        used.add(span)
        self.comment(p, span[0], span[1], note_text(finding))
        return True

    def _note_paragraph(self, finding: Finding, part: str, index: int) -> bool:
        paras = self.paragraphs.get(part, [])
        if not 0 <= index < len(paras) or not self.text(paras[index]).strip():
            return False
        text = f"A further {finding.category} mention in this paragraph (first worded “{' '.join(finding.text.split())}”) — {note_text(finding)}"
        self.comment(paras[index], 0, len(self.text(paras[index])), text)
        return True

    def _on_reference(self, finding: Finding, loc: Location) -> bool:
        part, index = loc.part or "", loc.paragraph or 0
        notes = self.notes.get(part, [])
        if not 0 <= index < len(notes):
            return False
        note = notes[index]
        tag = _w(f"{part}Reference")
        ref = next((r for r in self.document.element.body.iter(tag) if r.get(_w("id")) == note.note_id), None)
        p = _ancestor_paragraph(ref) if ref is not None else None
        if ref is None or p is None:
            return False
        run = _unit(p, ref)
        text = f"In {part} {note.ordinal}: “{self._words(loc, finding)}” — {note_text(finding)}"
        _enclose(p, run, run, self.new_comment(text))
        self.texts.pop(id(p), None)
        return True

    def _on_commented_text(self, finding: Finding, loc: Location) -> bool:
        index = loc.paragraph or 0
        notes = self.notes.get("comment", [])
        if not 0 <= index < len(notes):
            return False
        note = notes[index]
        body = self.document.element.body
        start = next((e for e in body.iter(_w("commentRangeStart")) if e.get(_w("id")) == note.note_id), None)
        end = next((e for e in body.iter(_w("commentRangeEnd")) if e.get(_w("id")) == note.note_id), None)
        if start is None:
            return False
        by = f" (by {note.author})" if note.author else ""
        text = f"On comment {note.ordinal}{by}: “{self._words(loc, finding)}” — {note_text(finding)}"
        start_p = _ancestor_paragraph(start)
        end_p = _ancestor_paragraph(end) if end is not None else None
        if end_p is None:  # a range ending between paragraphs: the paragraph the comment starts in
            if start_p is None:
                return False
            _enclose_paragraph(start_p, self.new_comment(text))
            return True
        rs, re_, ref_run = _range_marks(self.new_comment(text))
        start.addnext(rs)  # inside the reviewer's range, so both comments cover the same words
        end.addprevious(re_)
        _outer(end, end_p).addnext(ref_run)
        return True

    def _on_deletion(self, finding: Finding, loc: Location) -> bool:
        index = loc.paragraph or 0
        if not 0 <= index < len(self.deletions):
            return False
        d = self.deletions[index]
        text = f"Deleted (tracked) text here: “{self._words(loc, finding)}” — {note_text(finding)}"
        _enclose(
            d.paragraph, _outer(d.first, d.paragraph), _outer(d.last, d.paragraph), self.new_comment(text)
        )
        self.texts.pop(id(d.paragraph), None)
        return True

    def _where(self, loc: Location) -> str:
        part, index = loc.part or "body", loc.paragraph or 0
        return f"{_PART_NAMES.get(part, part)} (paragraph {index + 1})"


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


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
    """Write to ``out`` a copy of the DOCX at ``path`` with a Word comment on each finding occurrence
    (``findings`` in the order notes are written: see ``annotate.in_note_order``)."""
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
            # start/end belong to the finding's first location; a later occurrence has its own in ``loc``
            first = not offsets_used and loc == finding.location
            offsets_used = offsets_used or first
            annotator.add(finding, first, loc)
    annotator.finish(left_out_note(report, max_notes))
    document.save(out)
