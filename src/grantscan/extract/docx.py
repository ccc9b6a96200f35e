"""DOCX reader: every piece of text in a WordprocessingML package, each paragraph with its part and index.

One lxml walker over the package parts, matching on local names, so Transitional and ISO Strict
(``http://purl.oclc.org/ooxml/...``) namespaces read alike. Parts are found through the package
relationships, never by guessing file names, so the glossary (building-block placeholders such as
"Choose an item.") and unreferenced headers are not read.

Locations: ``part`` is one of ``model.DOCX_PARTS``; ``paragraph`` counts every ``w:p`` (empty ones
too) that belongs to that part label, in reading order, across all XML parts with that label (all
headers form one "header" sequence, in the order the sections reference them). Table cell paragraphs
of the main document are "table"; tables inside notes, comments or headers keep that part's label.
Text-box paragraphs are "textbox" wherever the box is anchored. Deleted text (``w:del``/``w:moveFrom``)
is never part of live text: each contiguous deleted stretch of a paragraph is its own "deleted" block,
numbered by a running index. ``section`` (body and table only) is the text of the nearest heading at
or before the paragraph.

Input is untrusted: no DTDs or entities, no network, bounded decompressed size, bounded entry count,
no paths outside the package, external relationships ignored.
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from lxml import etree

from ..model import DOCX_PARTS, Document, Location, TextBlock
from .errors import ExtractionError
from .options import ExtractOptions
from .wordml import (
    MAX_DEPTH,
    NON_TEXT_ELEMENTS,
    SPACE_ELEMENTS,
    Paragraph,
    Walker,
    attribute,
    local_name,
)

__all__ = ["extract_docx", "MAX_ENTRIES", "NON_TEXT_ELEMENTS", "SPACE_ELEMENTS"]

MAX_ENTRIES = 10_000
MAX_RATIO = 200  # decompressed/compressed; deflate bombs reach ~1000, real XML stays far below
RATIO_MIN_BYTES = 5 * 1024 * 1024  # small parts may compress very well without being a threat
SECTION_MAX = 200

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAIN_CONTENT_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
SKIP_NOTE_TYPES = {"separator", "continuationSeparator", "continuationNotice"}

_HEADING_NAME = re.compile(r"(?i)^(heading\s*\d|title)$")
_HEADING_ID = re.compile(r"(?i)^(heading\s*\d+|title|berschrift\d+)$")
_WS = re.compile(r"\s+")


_attr = attribute


def _child(el: etree._Element, name: str) -> etree._Element | None:
    for c in el:
        if local_name(c.tag) == name:
            return c
    return None


class _Package:
    """Reads XML parts of a zip safely, within the byte budget."""

    def __init__(self, zf: zipfile.ZipFile, options: ExtractOptions):
        self.zf = zf
        self.budget = options.max_xml_bytes
        self.used = 0
        self.infos = {i.filename.lower(): i for i in zf.infolist()}

    def has(self, name: str) -> bool:
        return name.lower() in self.infos

    def read(self, name: str) -> bytes:
        info = self.infos[name.lower()]
        size = info.file_size
        self.used += size
        if (self.budget and self.used > self.budget) or (
            size > RATIO_MIN_BYTES and size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise ExtractionError("too large: decompressed content exceeds limit")
        try:
            with self.zf.open(info) as fh:
                data = fh.read(size + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as e:
            raise ExtractionError(f"corrupt: {name}: {_short(e)}") from None
        except NotImplementedError:
            raise ExtractionError(f"corrupt: {name}: unsupported zip compression") from None
        except RuntimeError as e:  # an encrypted zip entry
            raise ExtractionError(f"corrupt: {name}: {_short(e)}") from None
        if len(data) > size:
            raise ExtractionError(f"corrupt: {name}: entry larger than its declared size")
        return data

    def xml(self, name: str) -> etree._Element:
        return _parse(self.read(name), name)

    def rels(self, part: str) -> list[tuple[str, str, str]]:
        """(id, type, resolved part name) of the internal relationships of ``part`` that exist."""
        d, base = posixpath.split(part)
        rels_name = posixpath.join(d, "_rels", base + ".rels")
        if not self.has(rels_name):
            return []
        out = []
        for rel in self.xml(rels_name):
            if local_name(rel.tag) != "Relationship" or (rel.get("TargetMode") or "").lower() == "external":
                continue
            target = unquote(rel.get("Target") or "")
            name = _resolve(d, target)
            if name is not None and self.has(name):
                out.append((rel.get("Id") or "", rel.get("Type") or "", name))
        return out


def _resolve(base_dir: str, target: str) -> str | None:
    """Part name of a relationship target, or None when it points outside the package."""
    if not target or "\\" in target or "\x00" in target or "://" in target:
        return None
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(base_dir, target)
    norm = posixpath.normpath(joined)
    if norm.startswith("../") or norm in ("..", ".") or norm.startswith("/"):
        return None
    return norm


def _short(e: BaseException) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return msg[:120]


def _parse(data: bytes, name: str) -> etree._Element:
    head = data[:4096]
    wide = head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:4]
    probes = (b"<!DOCTYPE", b"<!ENTITY")
    if any(p in data for p in probes) or (
        wide and any(p.decode().encode(enc) in data for p in probes for enc in ("utf-16-le", "utf-16-be"))
    ):
        raise ExtractionError(f"unsafe: {name}: DTD or entity declarations are not allowed")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        if "Excessive depth" in str(e):
            raise ExtractionError(f"too large: {name}: XML nested more than 256 levels deep") from None
        raise ExtractionError(f"corrupt: {name}: {_short(e)}") from None
    if root is None:
        raise ExtractionError(f"corrupt: {name}: no XML root element")
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise ExtractionError(f"unsafe: {name}: DTD or entity declarations are not allowed")
    return root


def _cfb_streams(data: bytes) -> set[str] | None:
    """Names in the directory of a Compound File (OLE2), or None when it cannot be walked."""
    try:
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if shift not in (9, 12):
            return None
        ssize = 1 << shift
        (first_dir,) = struct.unpack_from("<I", data, 0x30)
        first_difat, n_difat = struct.unpack_from("<II", data, 0x44)
        fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < 0xFFFFFFFA]
        nxt, seen = first_difat, 0
        while nxt < 0xFFFFFFFA and seen < n_difat and seen < 1000:
            off = (nxt + 1) * ssize
            vals = struct.unpack_from(f"<{ssize // 4}I", data, off)
            fat_sectors += [s for s in vals[:-1] if s < 0xFFFFFFFA]
            nxt, seen = vals[-1], seen + 1
        fat: list[int] = []
        for s in fat_sectors[:10_000]:
            fat.extend(struct.unpack_from(f"<{ssize // 4}I", data, (s + 1) * ssize))
        names: set[str] = set()
        sector, steps = first_dir, 0
        while sector < 0xFFFFFFFA and steps < 100_000:
            off = (sector + 1) * ssize
            for i in range(ssize // 128):
                entry = data[off + 128 * i : off + 128 * (i + 1)]
                if len(entry) < 128:
                    break
                n = struct.unpack_from("<H", entry, 0x40)[0]
                if 2 <= n <= 64 and entry[0x42] in (1, 2, 5):
                    names.add(entry[: n - 2].decode("utf-16-le", "replace"))
            sector = fat[sector] if sector < len(fat) else 0xFFFFFFFE
            steps += 1
        return names
    except (struct.error, IndexError):
        return None


def _not_a_zip(path: Path) -> ExtractionError:
    with path.open("rb") as fh:
        head = fh.read(8)
        if head != CFB_MAGIC:
            return ExtractionError("corrupt: not a valid DOCX (zip) file")
        data = head + fh.read()
    names = _cfb_streams(data)
    encrypted = (
        ("EncryptionInfo" in names) if names is not None else ("EncryptionInfo".encode("utf-16-le") in data)
    )
    if encrypted:
        return ExtractionError("encrypted: password required (password-protected Office file)")
    return ExtractionError("unsupported: legacy Word 97-2003 .doc (save as .docx)")


def _zip_entry_count(path: Path) -> int | None:
    """Entry count from the end-of-central-directory record, read before zipfile parses it all."""
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 65_557))
        tail = fh.read()
    i = tail.rfind(b"PK\x05\x06")
    if i < 0 or len(tail) < i + 22:
        return None
    total = int.from_bytes(tail[i + 10 : i + 12], "little")
    return None if total == 0xFFFF else total


class _Styles:
    """Which paragraph style ids are headings (name, or outline level through basedOn)."""

    def __init__(self, root: etree._Element | None):
        self.styles: dict[str, tuple[str, str | None, int | None]] = {}
        self.cache: dict[str, bool] = {}
        if root is None:
            return
        for st in root.iter("{*}style"):
            sid = _attr(st, "styleId")
            if not sid:
                continue
            name = based = None
            level = None
            for c in st:
                ln = local_name(c.tag)
                if ln == "name":
                    name = _attr(c, "val")
                elif ln == "basedOn":
                    based = _attr(c, "val")
                elif ln == "pPr":
                    ol = _child(c, "outlineLvl")
                    if ol is not None:
                        level = _int(_attr(ol, "val"))
            self.styles[sid] = (name or "", based, level)

    def is_heading(self, sid: str) -> bool:
        if sid in self.cache:
            return self.cache[sid]
        result = False
        if sid not in self.styles:
            result = bool(_HEADING_ID.match(sid))
        else:
            cur: str | None = sid
            for _ in range(20):
                if cur is None or cur not in self.styles:
                    break
                name, based, level = self.styles[cur]
                if _HEADING_NAME.match(name.strip()) or (level is not None and level < 9):
                    result = True
                    break
                cur = based
        self.cache[sid] = result
        return result


def _int(v: str | None) -> int | None:
    try:
        return int(v) if v is not None else None
    except ValueError:
        return None


class _Walker:
    """Turns WordprocessingML trees into TextBlocks, paragraph by paragraph as ``wordml.Walker`` reads them."""

    def __init__(self, styles: _Styles, keep_deleted: bool):
        self.styles = styles
        self.keep_deleted = keep_deleted
        self.blocks: list[TextBlock] = []
        self.counters: dict[str, int] = {}
        self.section: str | None = None
        self.walker = Walker()
        self.comment_anchors: dict[str, tuple[str, int]] = {}  # comment id -> (part, paragraph)

    @property
    def too_deep(self) -> bool:
        return self.walker.too_deep

    def container(self, el: etree._Element, part: str, deleted: bool = False, depth: int = 0) -> None:
        """Read the block-level content ``el`` (body, note, comment, header...) into blocks."""
        for para in self.walker.paragraphs(el, part, deleted, depth):
            self.paragraph(para)

    def paragraph(self, para: Paragraph) -> None:
        part = para.part
        index = self.counters.get(part, 0)
        self.counters[part] = index + 1
        for cid in para.comment_starts:
            self.comment_anchors.setdefault(cid, (part, index))
        text = para.text()
        main = part in ("body", "table")
        if main and text.strip() and self._is_heading(para.element):
            self.section = _WS.sub(" ", text).strip()[:SECTION_MAX]
        section = self.section if main else None
        if text.strip():
            self.blocks.append(TextBlock(text, Location(part=part, paragraph=index, section=section)))
        if self.keep_deleted:
            run: list[str] = []
            for d, _, t in [*para.pieces, (False, None, "")]:
                if d or (para.deleted and t):
                    run.append(t)
                    continue
                if run:
                    dtext = "".join(run)
                    run = []
                    if dtext.strip():
                        n = self.counters.get("deleted", 0)
                        self.counters["deleted"] = n + 1
                        self.blocks.append(
                            TextBlock(dtext, Location(part="deleted", paragraph=n, section=section))
                        )

    def _is_heading(self, p: etree._Element) -> bool:
        ppr = _child(p, "pPr")
        if ppr is None:
            return False
        for c in ppr:
            name = local_name(c.tag)
            if name == "outlineLvl":
                lvl = _int(_attr(c, "val"))
                if lvl is not None and lvl < 9:
                    return True
            elif name == "pStyle":
                sid = _attr(c, "val")
                if sid and self.styles.is_heading(sid):
                    return True
        return False


def _main_part(pkg: _Package) -> str:
    for _id, rtype, name in pkg.rels(""):
        if rtype.endswith("/officeDocument"):
            return name
    if pkg.has("[Content_Types].xml"):
        for el in pkg.xml("[Content_Types].xml"):
            if local_name(el.tag) == "Override" and (el.get("ContentType") or "") in MAIN_CONTENT_TYPES:
                name = _resolve("", el.get("PartName") or "")
                if name and pkg.has(name):
                    return name
    if pkg.has("word/document.xml"):
        return "word/document.xml"
    raise ExtractionError("corrupt: no word/document.xml part")


def _notes(pkg: _Package, walker: _Walker, rels: list[tuple[str, str, str]], part: str) -> None:
    """Footnotes or endnotes, without the separator pseudo-notes."""
    for _id, rtype, name in rels:
        if not rtype.endswith(f"/{part}s"):
            continue
        for note in pkg.xml(name):
            if local_name(note.tag) == part and (_attr(note, "type") or "normal") not in SKIP_NOTE_TYPES:
                walker.container(note, part)
        break


def extract_docx(path: Path, options: ExtractOptions) -> Document:
    """Read a .docx/.docm (Transitional or Strict) into located paragraph blocks."""
    n = _zip_entry_count(path) if zipfile.is_zipfile(path) else None
    if n is not None and n > MAX_ENTRIES:
        raise ExtractionError(f"too large: {n} entries in the package (limit {MAX_ENTRIES})")
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise _not_a_zip(path) from None
    except (OSError, EOFError, ValueError, NotImplementedError) as e:
        raise ExtractionError(f"corrupt: not a valid DOCX (zip) file ({_short(e)})") from None
    with zf:
        if len(zf.infolist()) > MAX_ENTRIES:
            raise ExtractionError(
                f"too large: {len(zf.infolist())} entries in the package (limit {MAX_ENTRIES})"
            )
        pkg = _Package(zf, options)
        return _read_package(path, pkg, options)


def _read_package(path: Path, pkg: _Package, options: ExtractOptions) -> Document:
    main = _main_part(pkg)
    root = pkg.xml(main)
    rels = pkg.rels(main)
    by_id = {rid: name for rid, _t, name in rels}
    styles_root = None
    warnings: list[str] = []
    for _id, rtype, name in rels:
        if rtype.endswith("/styles"):
            try:
                styles_root = pkg.xml(name)
            except ExtractionError as e:
                if not e.reason.startswith("corrupt"):
                    raise
                warnings.append(f"{e.reason} (styles ignored: sections come from outline levels only)")
            break
    walker = _Walker(_Styles(styles_root), options.keep_deleted)
    walker.container(root, "body")

    _notes(pkg, walker, rels, "footnote")
    _notes(pkg, walker, rels, "endnote")
    comments: list[dict[str, Any]] = []
    for _id, rtype, name in rels:
        if rtype.endswith("/comments"):
            for comment in pkg.xml(name):
                if local_name(comment.tag) != "comment":
                    continue
                first = walker.counters.get("comment", 0)
                walker.container(comment, "comment")
                comments.append(
                    {
                        "id": _attr(comment, "id"),
                        "author": _attr(comment, "author"),
                        "paragraphs": [first, walker.counters.get("comment", 0)],
                    }
                )
            break

    header_parts: list[str] = []
    footer_parts: list[str] = []
    for ref in root.iter("{*}headerReference", "{*}footerReference"):
        rid = _attr(ref, "id")
        name = by_id.get(rid or "")
        dest = header_parts if local_name(ref.tag) == "headerReference" else footer_parts
        if name and name not in dest:
            dest.append(name)
    for names, label in ((header_parts, "header"), (footer_parts, "footer")):
        for name in names:
            walker.container(pkg.xml(name), label)

    if walker.too_deep:
        warnings.append(f"content nested deeper than {MAX_DEPTH} levels was skipped")
    parts = dict.fromkeys(DOCX_PARTS, 0)
    for b in walker.blocks:
        parts[b.location.part or "body"] = parts.get(b.location.part or "body", 0) + 1
    metadata: dict[str, Any] = {"parts": parts}
    for c in comments:
        anchor = walker.comment_anchors.get(c["id"] or "")
        if anchor is not None:
            c["anchor"] = {"part": anchor[0], "paragraph": anchor[1]}
    if comments:
        metadata["comments"] = comments  # comment author by paragraph range [start, end) of "comment"
    if main.lower() != "word/document.xml":
        metadata["main_part"] = main
    return Document(
        path=str(path), format="docx", blocks=walker.blocks, pages=None, metadata=metadata, warnings=warnings
    )
