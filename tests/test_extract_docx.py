"""DOCX extraction: every part, its locations, ISO Strict, and hostile packages.

Fixtures are built at test time with python-docx plus raw XML edits, so the core is covered without the
shared corpus; the real stress files under ../shared/corpus/real/stress are checked when present.
"""

from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import docx
import pytest

from grantscan.extract import ExtractionError, ExtractOptions, extract
from grantscan.extract.docx import MAX_ENTRIES, extract_docx
from grantscan.model import Document

SHARED = Path(__file__).resolve().parents[2] / "shared"
STRESS = SHARED / "corpus" / "real" / "stress"
needs_stress = pytest.mark.skipif(not STRESS.is_dir(), reason="../shared corpus not present")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = (
    f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
STRICT = {
    W: "http://purl.oclc.org/ooxml/wordprocessingml/main",
    R_TYPES: "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
}

TEXTBOX = f"""<w:r><mc:AlternateContent {NS}><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>
<a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Text box about drone swarms.</w:t></w:r></w:p>
</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Legacy copy of the box.</w:t></w:r>
</w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""
VML_BOX = (
    f"<w:r><w:pict {NS}><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>VML box text.</w:t></w:r>"
    "</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
)
TRACKED = (
    f'<w:p {NS}><w:r><w:t xml:space="preserve">Live start </w:t></w:r><w:ins w:id="1" w:author="A">'
    '<w:r><w:t xml:space="preserve">inserted words </w:t></w:r></w:ins><w:del w:id="2" w:author="A">'
    "<w:r><w:delText>secret deleted words</w:delText></w:r></w:del><w:r><w:t>live end.</w:t></w:r></w:p>"
    f'<w:p {NS}><w:moveTo w:id="3" w:author="A"><w:r><w:t>Moved sentence.</w:t></w:r></w:moveTo></w:p>'
    f'<w:p {NS}><w:moveFrom w:id="4" w:author="A"><w:r><w:t>Moved sentence.</w:t></w:r></w:moveFrom></w:p>'
)
SDT = (
    f'<w:sdt {NS}><w:sdtPr><w:placeholder><w:docPart w:val="P1"/></w:placeholder></w:sdtPr><w:sdtContent>'
    '<w:p><w:r><w:t xml:space="preserve">Controlled block </w:t></w:r><w:sdt><w:sdtContent><w:r>'
    "<w:t>with run control.</w:t></w:r></w:sdtContent></w:sdt></w:p></w:sdtContent></w:sdt>"
    f"<w:tbl {NS}><w:tr><w:sdt><w:sdtContent><w:tc><w:p><w:r><w:t>Cell control text.</w:t></w:r></w:p></w:tc>"
    "</w:sdtContent></w:sdt></w:tr></w:tbl>"
)
FIELDS = (
    f'<w:p {NS}><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE \\* MERGEFORMAT </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> of </w:t></w:r>'
    '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple><w:r><w:tab/>'
    "<w:t>after tab</w:t><w:br/><w:t>after break</w:t><w:noBreakHyphen/><w:t>x</w:t>"
    '<w:sym w:font="Wingdings" w:char="F04A"/></w:r></w:p>'
)
NOTES = """<w:{kind}s xmlns:w="{W}"><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>
</w:{kind}><w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>Separator filler.</w:t></w:r></w:p>
</w:{kind}><w:{kind} w:id="1"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p>
</w:{kind}></w:{kind}s>"""
GLOSSARY = (
    f'<w:glossaryDocument xmlns:w="{W}"><w:docParts><w:docPart><w:docPartBody><w:p><w:r>'
    "<w:t>Choose an item.</w:t></w:r></w:p></w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>"
)
ORPHAN_HEADER = f'<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>Orphan header text.</w:t></w:r></w:p></w:hdr>'


def _marker(name: str) -> str:
    return f"<w:p><w:r><w:t>@@{name}@@</w:t></w:r></w:p>"


def _rewrite(src: Path, dst: Path, edits: dict[str, bytes], extra: dict[str, bytes] | None = None) -> None:
    """Copy a zip, replacing the bytes of ``edits`` and adding ``extra`` entries."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, edits.get(info.filename, zin.read(info.filename)))
        for name, data in (extra or {}).items():
            zout.writestr(name, data)


def build_rich(tmp: Path) -> Path:
    """A DOCX with every part: the expected texts and locations are asserted in the tests below."""
    d = docx.Document()
    d.add_heading("Project Overview", level=1)  # body 0
    d.add_paragraph("Intro about quantum sensing.")  # body 1
    table = d.add_table(rows=1, cols=2)  # body table
    table.cell(0, 0).text = "Outer cell text."  # table 0
    inner = table.cell(0, 1).add_table(rows=1, cols=1)  # cell(0,1): empty table 1, then
    inner.cell(0, 0).text = "Inner cell text."  # table 2, then empty table 3
    d.add_paragraph("")  # body 2 (empty, counted, not emitted)
    para = d.add_paragraph("Anchor with a box: ")  # body 3, the box is textbox 0
    para.add_run("@@BOX@@")
    d.add_paragraph().add_run("@@VML@@")  # body 4, textbox 1
    d.add_paragraph("@@TRACKED@@")  # body 5, 6, 7
    d.add_paragraph("@@SDT@@")  # body 8 + table 4 (sdt cell)
    d.add_paragraph("@@FIELDS@@")  # body 9
    d.add_heading("Partners", level=2)  # body 10
    noted = d.add_paragraph("Text with a note")  # body 11
    noted.add_run("@@NOTEREF@@")
    commented = d.add_paragraph("Commented claim about hypersonics.")  # body 12
    d.add_comment(commented.runs, text="Reviewer remark on export control.", author="Reviewer A")
    sec = d.sections[0]
    sec.different_first_page_header_footer = True
    d.settings.odd_and_even_pages_header_footer = True
    sec.header.paragraphs[0].text = "Default header text."
    sec.first_page_header.paragraphs[0].text = "First page header text."
    sec.even_page_header.paragraphs[0].text = "Even page header text."
    sec.footer.paragraphs[0].text = "Default footer text."
    sec.even_page_footer.paragraphs[0].text = "Even footer text."
    base = tmp / "base.docx"
    d.save(base)

    with zipfile.ZipFile(base) as z:
        xml = z.read("word/document.xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    for name, raw in (("TRACKED", TRACKED), ("SDT", SDT), ("FIELDS", FIELDS)):
        assert _marker(name) in xml, name
        xml = xml.replace(_marker(name), raw)
    for name, raw in (
        ("BOX", TEXTBOX),
        ("VML", VML_BOX),
        ("NOTEREF", '<w:r><w:footnoteReference w:id="1"/><w:endnoteReference w:id="1"/></w:r>'),
    ):
        assert f"<w:r><w:t>@@{name}@@</w:t></w:r>" in xml, name
        xml = xml.replace(f"<w:r><w:t>@@{name}@@</w:t></w:r>", raw)
    extra_rels = "".join(
        f'<Relationship Id="{rid}" Type="{R_TYPES}/{rtype}" Target="{target}"{mode}/>'
        for rid, rtype, target, mode in (
            ("rIdFn", "footnotes", "footnotes.xml", ""),
            ("rIdEn", "endnotes", "endnotes.xml", ""),
            ("rIdGl", "glossaryDocument", "glossary/document.xml", ""),
            ("rIdOrphan", "header", "header99.xml", ""),
            ("rIdExt", "hyperlink", "file:///etc/passwd", ' TargetMode="External"'),
        )
    )
    rels = rels.replace("</Relationships>", extra_rels + "</Relationships>")
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"
    overrides = "".join(
        f'<Override PartName="/word/{n}" ContentType="{ct.format(t)}"/>'
        for n, t in (
            ("footnotes.xml", "footnotes"),
            ("endnotes.xml", "endnotes"),
            ("glossary/document.xml", "document.glossary"),
            ("header99.xml", "header"),
        )
    )
    types = types.replace("</Types>", overrides + "</Types>")
    out = tmp / "rich.docx"
    _rewrite(
        base,
        out,
        {
            "word/document.xml": xml.encode(),
            "word/_rels/document.xml.rels": rels.encode(),
            "[Content_Types].xml": types.encode(),
        },
        {
            "word/footnotes.xml": NOTES.format(
                kind="footnote", W=W, text="Footnote on export licences."
            ).encode(),
            "word/endnotes.xml": NOTES.format(kind="endnote", W=W, text="Endnote on sanctions.").encode(),
            "word/glossary/document.xml": GLOSSARY.encode(),
            "word/header99.xml": ORPHAN_HEADER.encode(),
        },
    )
    return out


def to_strict(src: Path, dst: Path) -> Path:
    """The same package with ISO Strict namespaces and relationship types."""
    edits = {}
    with zipfile.ZipFile(src) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                text = z.read(name).decode()
                for old, new in STRICT.items():
                    text = text.replace(old, new)
                edits[name] = text.encode()
    _rewrite(src, dst, edits)
    return dst


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_rich(tmp_path_factory.mktemp("docx"))


@pytest.fixture(scope="module")
def rich_doc(rich: Path) -> Document:
    return extract(rich)


def texts(doc: Document, part: str) -> list[str]:
    return [b.text for b in doc.blocks if b.location.part == part]


def where(doc: Document, needle: str) -> list[tuple[str | None, int | None]]:
    return [(b.location.part, b.location.paragraph) for b in doc.blocks if needle in b.text]


def test_body_paragraphs_and_indices(rich_doc: Document) -> None:
    assert where(rich_doc, "Project Overview") == [("body", 0)]
    assert where(rich_doc, "Intro about quantum sensing.") == [("body", 1)]
    assert where(rich_doc, "Anchor with a box:") == [("body", 3)]
    assert where(rich_doc, "Commented claim about hypersonics.") == [("body", 12)]
    assert all(b.text.strip() for b in rich_doc.blocks), "empty paragraphs must not become blocks"
    assert rich_doc.format == "docx" and rich_doc.pages is None


def test_sections_follow_headings(rich_doc: Document) -> None:
    by_text = {b.text: b.location.section for b in rich_doc.blocks}
    assert by_text["Intro about quantum sensing."] == "Project Overview"
    assert by_text["Outer cell text."] == "Project Overview"
    assert by_text["Commented claim about hypersonics."] == "Partners"
    assert by_text["Default header text."] is None


def test_nested_table_cells(rich_doc: Document) -> None:
    assert where(rich_doc, "Outer cell text.") == [("table", 0)]
    assert where(rich_doc, "Inner cell text.") == [("table", 2)]


def test_textboxes_read_once_and_not_as_body(rich_doc: Document) -> None:
    assert where(rich_doc, "Text box about drone swarms.") == [("textbox", 0)]
    assert "Legacy copy" not in rich_doc.text  # mc:Fallback repeats the mc:Choice box: read one copy only
    assert where(rich_doc, "VML box text.") == [("textbox", 1)]
    anchor = next(b for b in rich_doc.blocks if b.location.part == "body" and b.location.paragraph == 3)
    assert "drone" not in anchor.text


def test_tracked_changes(rich_doc: Document) -> None:
    assert where(rich_doc, "Live start inserted words live end.") == [("body", 5)]
    assert where(rich_doc, "secret deleted words") == [("deleted", 0)]
    assert where(rich_doc, "Moved sentence.") == [("body", 6), ("deleted", 1)]


def test_keep_deleted_off_drops_deleted_blocks(rich: Path) -> None:
    doc = extract_docx(rich, ExtractOptions(keep_deleted=False))
    assert texts(doc, "deleted") == []
    assert "secret deleted words" not in doc.text


def test_content_controls(rich_doc: Document) -> None:
    assert where(rich_doc, "Controlled block with run control.") == [("body", 8)]
    assert where(rich_doc, "Cell control text.") == [("table", 4)]


def test_fields_tabs_breaks(rich_doc: Document) -> None:
    assert where(rich_doc, "Page 7 of 9 after tab after break-x") == [("body", 9)]
    assert "PAGE" not in rich_doc.text and "MERGEFORMAT" not in rich_doc.text


def test_notes_skip_separators(rich_doc: Document) -> None:
    assert [t.strip() for t in texts(rich_doc, "footnote")] == ["Footnote on export licences."]
    assert [t.strip() for t in texts(rich_doc, "endnote")] == ["Endnote on sanctions."]
    assert where(rich_doc, "Footnote on export") == [("footnote", 0)]
    assert "Separator filler." not in rich_doc.text


def test_comments_with_author(rich_doc: Document) -> None:
    assert where(rich_doc, "Reviewer remark on export control.") == [("comment", 0)]
    assert rich_doc.metadata["comments"][0]["author"] == "Reviewer A"


def test_headers_and_footers_all_variants(rich_doc: Document) -> None:
    assert sorted(texts(rich_doc, "header")) == [
        "Default header text.",
        "Even page header text.",
        "First page header text.",
    ]
    assert sorted(texts(rich_doc, "footer")) == ["Default footer text.", "Even footer text."]


def test_unreferenced_glossary_and_orphan_header_not_read(rich_doc: Document) -> None:
    assert "Choose an item." not in rich_doc.text
    assert "Orphan header text." not in rich_doc.text


def test_parts_metadata_counts_blocks(rich_doc: Document) -> None:
    parts = rich_doc.metadata["parts"]
    for part in ("body", "table", "footnote", "endnote", "comment", "header", "footer", "textbox", "deleted"):
        assert parts[part] == len(texts(rich_doc, part)) > 0, part


def test_strict_namespaces(rich: Path, tmp_path: Path) -> None:
    strict = to_strict(rich, tmp_path / "strict.docx")
    with zipfile.ZipFile(strict) as z:
        assert b"purl.oclc.org/ooxml/wordprocessingml/main" in z.read("word/document.xml")
    got = [(b.location.part, b.location.paragraph, b.text) for b in extract(strict).blocks]
    want = [(b.location.part, b.location.paragraph, b.text) for b in extract(rich).blocks]
    assert got == want


# -- hostile and broken packages ---------------------------------------------------------------------


def _rels(*rels: tuple[str, str]) -> bytes:
    body = "".join(
        f'<Relationship Id="rId{i}" Type="{R_TYPES}/{t}" Target="{target}"/>'
        for i, (t, target) in enumerate(rels)
    )
    return (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships">{body}</Relationships>'
    ).encode()


def _minimal(
    tmp: Path, document: bytes, name: str = "doc.docx", extra: dict[str, bytes] | None = None
) -> Path:
    p = tmp / name
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("_rels/.rels", _rels(("officeDocument", "word/document.xml")))
        z.writestr("word/document.xml", document)
        for k, v in (extra or {}).items():
            z.writestr(k, v)
    return p


def _body(inner: str) -> bytes:
    return f'<w:document xmlns:w="{W}"><w:body>{inner}</w:body></w:document>'.encode()


def reason(path: Path, options: ExtractOptions | None = None) -> str:
    with pytest.raises(ExtractionError) as ei:
        extract(path, options)
    return ei.value.reason


def test_minimal_package_reads(tmp_path: Path) -> None:
    doc = extract(_minimal(tmp_path, _body("<w:p><w:r><w:t>Hello grant.</w:t></w:r></w:p>")))
    assert [(b.location.part, b.location.paragraph, b.text) for b in doc.blocks] == [
        ("body", 0, "Hello grant.")
    ]


def test_ruby_guide_text_not_doubled(tmp_path: Path) -> None:
    ruby = (
        "<w:p><w:r><w:ruby><w:rt><w:r><w:t>かんじ</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>漢字</w:t></w:r>"
        "</w:rubyBase></w:ruby></w:r><w:r><w:t>の研究</w:t></w:r></w:p>"
    )
    assert extract(_minimal(tmp_path, _body(ruby))).text == "漢字の研究"


def test_paths_outside_the_package_are_not_followed(tmp_path: Path) -> None:
    notes = NOTES.format(kind="footnote", W=W, text="Outside text.").encode()
    path = _minimal(
        tmp_path,
        _body("<w:p><w:r><w:t>Inside.</w:t></w:r></w:p>"),
        extra={
            "word/_rels/document.xml.rels": _rels(
                ("footnotes", "../../outside.xml"), ("comments", "/../outside.xml")
            ),
            "../outside.xml": notes,
            "outside.xml": notes,
        },
    )
    with zipfile.ZipFile(path) as z:
        assert "../outside.xml" in z.namelist()
    assert extract(path).text == "Inside."


def test_corrupt_styles_only_warn(tmp_path: Path) -> None:
    doc = _body(
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Scope</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>Body under scope.</w:t></w:r></w:p>"
    )
    path = _minimal(
        tmp_path,
        doc,
        extra={
            "word/_rels/document.xml.rels": _rels(("styles", "styles.xml")),
            "word/styles.xml": b"<w:styles><broken",
        },
    )
    got = extract(path)
    assert [b.text for b in got.blocks] == ["Scope", "Body under scope."]
    assert got.blocks[1].location.section == "Scope"  # style id fallback when styles.xml is unreadable
    assert any("styles.xml" in w for w in got.warnings)


def test_truncated_packages_never_crash(rich: Path, tmp_path: Path) -> None:
    data = rich.read_bytes()
    for cut in range(0, len(data), max(1, len(data) // 40)):
        p = tmp_path / f"cut{cut}.docx"
        p.write_bytes(data[:cut] or b"x")
        try:
            extract_docx(p, ExtractOptions())
        except ExtractionError as e:
            assert e.reason.startswith(("corrupt:", "too large:")), e.reason


def test_xxe_rejected(tmp_path: Path) -> None:
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
    )
    assert reason(_minimal(tmp_path, xxe.encode())).startswith("unsafe: word/document.xml")


def test_billion_laughs_rejected(tmp_path: Path) -> None:
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{ents}]><w:document xmlns:w="{W}"><w:body><w:p><w:r>'
        "<w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    assert reason(_minimal(tmp_path, bomb.encode())).startswith("unsafe:")


def test_utf16_doctype_rejected(tmp_path: Path) -> None:
    xxe = (
        f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e "boom">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>'
    )
    assert reason(_minimal(tmp_path, xxe.encode("utf-16"))).startswith("unsafe:")


def test_decompressed_budget(tmp_path: Path) -> None:
    big = _body("<w:p><w:r><w:t>filler text </w:t></w:r></w:p>" * 2000)
    path = _minimal(tmp_path, big)
    assert (
        reason(path, ExtractOptions(max_xml_bytes=10_000)) == "too large: decompressed content exceeds limit"
    )
    assert extract(path, ExtractOptions(max_xml_bytes=10_000_000)).blocks


def test_compression_ratio_bomb(tmp_path: Path) -> None:
    bomb = _body("<w:p><w:r><w:t>x</w:t></w:r></w:p>" + " " * 6_000_000)
    assert reason(_minimal(tmp_path, bomb)) == "too large: decompressed content exceeds limit"


def test_not_a_zip(tmp_path: Path) -> None:
    p = tmp_path / "fake.docx"
    p.write_bytes(b"This is plain text pretending to be a document.")
    assert reason(p) == "corrupt: not a valid DOCX (zip) file"


def _cfb(streams: list[str]) -> bytes:
    """A minimal Compound File: FAT in sector 0, directory in sector 1, empty streams."""
    free, end, fatsect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<III", header, 0x2C, 1, 1, 0)
    struct.pack_into("<IIIII", header, 0x38, 4096, end, 0, end, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([free] * 108))
    fat = struct.pack("<128I", fatsect, end, *([free] * 126))
    entries = b""
    for i, name in enumerate(["Root Entry", *streams][:4]):
        raw = name.encode("utf-16-le") + b"\x00\x00"
        e = bytearray(128)
        e[: len(raw)] = raw
        struct.pack_into("<HB", e, 0x40, len(raw), 5 if i == 0 else 2)
        entries += bytes(e)
    return bytes(header) + fat + entries.ljust(512, b"\x00")


def test_password_protected_office_file(tmp_path: Path) -> None:
    p = tmp_path / "locked.docx"
    p.write_bytes(_cfb(["EncryptionInfo", "EncryptedPackage"]))
    assert reason(p) == "encrypted: password required (password-protected Office file)"


def test_legacy_doc_renamed(tmp_path: Path) -> None:
    p = tmp_path / "old.docx"
    p.write_bytes(_cfb(["WordDocument", "1Table"]))
    assert reason(p) == "unsupported: legacy Word 97-2003 .doc (save as .docx)"


def test_too_many_entries(tmp_path: Path) -> None:
    p = _minimal(
        tmp_path,
        _body("<w:p><w:r><w:t>x</w:t></w:r></w:p>"),
        extra={f"junk/{i}.xml": b"" for i in range(15_000)},
    )
    r = reason(p)
    assert r.startswith("too large:") and str(MAX_ENTRIES) in r


def test_no_main_part(tmp_path: Path) -> None:
    p = tmp_path / "nomain.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("word/styles.xml", "<styles/>")
    assert reason(p) == "corrupt: no word/document.xml part"


def test_bad_xml(tmp_path: Path) -> None:
    r = reason(_minimal(tmp_path, b"<w:document><w:body><w:p></w:body>"))
    assert r.startswith("corrupt: word/document.xml: ")


def test_empty_document_is_empty(tmp_path: Path) -> None:
    p = _minimal(tmp_path, _body("<w:p/><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"))
    assert extract_docx(p, ExtractOptions()).blocks == []
    assert reason(p) == "empty: no text found"


def _nested_tables(depth: int) -> bytes:
    return _body(
        "<w:tbl><w:tr><w:tc>" * depth
        + "<w:p><w:r><w:t>Deepest cell.</w:t></w:r></w:p>"
        + "</w:tc></w:tr></w:tbl>" * depth
    )


def test_deeply_nested_tables_read(tmp_path: Path) -> None:
    doc = extract(_minimal(tmp_path, _nested_tables(80)))
    assert [(b.location.part, b.text) for b in doc.blocks] == [("table", "Deepest cell.")]


def test_too_deeply_nested_tables_error_cleanly(tmp_path: Path) -> None:
    assert reason(_minimal(tmp_path, _nested_tables(2000))).startswith("too large:")


@pytest.mark.bench  # a timing check: run with -m bench (speed is measured by scripts/bench.py)
def test_hundred_pages_under_a_second(tmp_path: Path) -> None:
    para = (
        '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">Paragraph {i} about '
        "research collaboration with partners, export licences and dual-use items. </w:t></w:r>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t>Bold tail {i}.</w:t></w:r></w:p>"
    )
    cells = "".join(f"<w:tc><w:p><w:r><w:t>cell {j}</w:t></w:r></w:p></w:tc>" for j in range(4))
    body = "".join(
        para.format(i=i) + (f"<w:tbl>{('<w:tr>' + cells + '</w:tr>') * 5}</w:tbl>" if i % 20 == 0 else "")
        for i in range(3000)
    )
    path = _minimal(tmp_path, _body(body))
    start = time.perf_counter()
    doc = extract(path)
    elapsed = time.perf_counter() - start
    assert len(texts(doc, "body")) == 3000 and len(texts(doc, "table")) == 150 * 20
    assert elapsed < 1.0, f"{elapsed:.2f}s"


# -- real stress files ---------------------------------------------------------------------------------


def _stress(rel: str) -> Document:
    return extract(STRESS / rel)


@needs_stress
@pytest.mark.parametrize(
    ("rel", "part", "snippet", "index"),
    [
        ("mammoth/comments.docx", "comment", "A tachyon walks into a bar.", 0),
        ("mammoth/footnotes.docx", "footnote", "A tachyon walks into a bar.", 0),
        ("mammoth/endnotes.docx", "endnote", "A tachyon walks into a bar.", 0),
        ("mammoth/strict-format.docx", "body", "Test", None),
        ("mammoth/tables.docx", "table", "Top left", 0),
        ("mammoth/text-box.docx", "textbox", "Datum plane", None),
        ("mammoth/utf8-bom.docx", "body", "This XML has a byte order mark.", 0),
        ("pandoc/nested_sdt.docx", "body", "Test Paragraph2", None),
        ("pandoc/sdt_elements.docx", "table", "col1Header", None),
        ("pandoc/sdt_in_footnote.docx", "footnote", "It’s a jungle out there", 0),
        ("pandoc/text_in_shape_format.docx", "header", "Error! No text of specified style in document.", 0),
        ("pandoc/track_changes_insertion.docx", "body", "with two exciting insertions.", 0),
        ("python-docx/doc-odd-even-hdrs.docx", "header", "Even page header.", None),
        ("python-docx/hdr-header-footer.docx", "footer", "Footer for section 1", None),
        ("python-docx/sct-first-page-hdrftr.docx", "header", "First Page Header (section 2)", None),
    ],
)
def test_stress_parts(rel: str, part: str, snippet: str, index: int | None) -> None:
    hits = [b.location for b in _stress(rel).blocks if snippet in b.text]
    assert hits and all(loc.part == part for loc in hits), hits
    if index is not None:
        assert hits[0].paragraph == index


@needs_stress
def test_stress_textbox_alternate_content_once() -> None:
    doc = _stress("pandoc/text_in_shape_format.docx")
    assert sum(b.text.count("Institute of Physics, University of Tartu") for b in doc.blocks) == 1
    assert texts(doc, "body") == []


@needs_stress
def test_stress_deleted_and_move() -> None:
    deletion = _stress("pandoc/track_changes_deletion.docx")
    assert texts(deletion, "body") == ["This is a text with a deletion."]
    assert texts(deletion, "deleted") == ["n excessively modified"]
    move = _stress("pandoc/track_changes_move.docx")
    assert [b.text for b in move.blocks].count("Here is the text to be moved.") == 2
    assert texts(move, "deleted") == ["Here is the text to be moved."]


@needs_stress
def test_stress_glossary_and_field_codes_absent() -> None:
    for rel in ("pandoc/sdt_elements.docx", "pandoc/sdt_in_footnote.docx"):
        text = _stress(rel).text
        assert "Choose an item." not in text and "Klicken oder tippen" not in text
    assert "CitaviPlaceholder" not in _stress("pandoc/sdt_in_footnote.docx").text
    assert "SEQ" not in _stress("pandoc/image_with_textbox_caption.docx").text


@needs_stress
@pytest.mark.parametrize("rel", ["mammoth/empty.docx", "python-docx/tbl-having-tables.docx"])
def test_stress_empty_files(rel: str) -> None:
    assert reason(STRESS / rel) == "empty: no text found"


def test_docm_without_relationships_falls_back_to_word_document(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", _body("<w:p><w:r><w:t>Zip named .txt</w:t></w:r></w:p>"))
    p = tmp_path / "doc.docm"
    p.write_bytes(buf.getvalue())
    assert texts(extract(p), "body") == ["Zip named .txt"]


def test_comment_anchor_paragraph_is_recorded(tmp_path: Path) -> None:
    """metadata['comments'] says which paragraph each comment is anchored on (used by inline suppression)."""
    import docx as python_docx

    d = python_docx.Document()
    d.add_paragraph("First paragraph.")
    second = d.add_paragraph("Second paragraph carries the comment.")
    d.add_comment(second.runs, text="grantscan: ignore[robotics] reviewed", author="RO")
    p = tmp_path / "anchored.docx"
    d.save(p)
    doc = extract(p)
    (c,) = doc.metadata["comments"]
    assert c["anchor"] == {"part": "body", "paragraph": 1}
    comment_blocks = [b for b in doc.blocks if b.location.part == "comment"]
    assert comment_blocks[0].location.paragraph in range(*c["paragraphs"])
