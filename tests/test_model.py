"""The shared data model: spans map back to their source location, and findings serialise to the contract."""

from __future__ import annotations

from array import array

from grantscan.model import DocumentResult, Finding, Location, ScanResult, TextBlock


def test_text_block_locates_line_and_column_of_a_span() -> None:
    b = TextBlock("first line\nsecond drone line\n\nfourth", Location(line=7, column=1))
    assert b.locate(0, 5) == Location(line=7, column=1)
    start = b.text.index("drone")
    assert b.locate(start, start + 5) == Location(line=8, column=8)
    start = b.text.index("fourth")
    assert b.locate(start, start + 6) == Location(line=10, column=1)


def test_first_line_column_offset_is_kept() -> None:
    b = TextBlock("Methods use radar", Location(line=3, column=5))
    assert b.locate(12, 17) == Location(line=3, column=17)


def test_pdf_boxes_union_skips_characters_without_a_glyph() -> None:
    nan = float("nan")
    boxes = array("f", [10, 100, 15, 110, 15, 100, 20, 110, nan, nan, nan, nan, 30, 102, 36, 112])
    b = TextBlock("ab\nc", Location(page=2), boxes=boxes)
    loc = b.locate(0, 4)
    assert loc.page == 2 and loc.bbox == (10, 100, 36, 112)
    assert b.locate(2, 3) == Location(page=2)  # only a newline: the block's own location


def test_line_offsets_map_transformed_text_back_to_source() -> None:
    text = "quantum sensing"
    offsets = array("i")
    for i in range(len(text)):
        offsets.extend([12, 9 + i])  # e.g. "\\emph{quantum sensing}" on line 12
    b = TextBlock(text, Location(line=12, column=9), line_offsets=offsets)
    assert b.locate(8, 15) == Location(line=12, column=17)


def test_finding_and_result_serialise_to_the_json_contract() -> None:
    loc = Location(part="footnote", paragraph=1)
    f = Finding(
        rule_id="country",
        category="country",
        text="Iran",
        context="Partners in Iran.",
        location=loc,
        country_code="IR",
        severity="high",
        confidence=0.91234,
        occurrences=[loc, Location(part="body", paragraph=4)],
    )
    d = f.to_dict()
    # paragraphs are 0-based inside grantscan and 1-based wherever they are shown
    assert d["location"] == {"part": "footnote", "paragraph": 2}
    assert d["country_code"] == "IR" and d["confidence"] == 0.912 and d["count"] == 2
    assert d["occurrences"][1] == {"part": "body", "paragraph": 5}
    assert loc.describe() == "footnote ¶2"
    doc = DocumentResult(path="a.docx", status="ok", sha256="0" * 64, findings=[f])
    out = ScanResult(
        [doc, DocumentResult(path="b.pdf", status="error", error="encrypted: password required")],
        tool_version="1.0",
    ).to_dict()
    assert out["tool"] == {"name": "grantscan", "version": "1.0"}
    assert out["summary"]["errors"] == 1 and out["summary"]["by_severity"]["high"] == 1
    assert out["documents"][1]["findings"] == [] and out["documents"][1]["error"].startswith("encrypted")


def test_docx_mentions_keep_their_offsets_outside_the_location_identity() -> None:
    b = TextBlock("Partners in the UK and the United Kingdom.", Location(part="body", paragraph=3))
    uk, full = b.locate(16, 18), b.locate(27, 41)
    assert (uk.start, uk.end, full.start, full.end) == (16, 18, 27, 41)
    assert b.text[full.start : full.end] == "United Kingdom"
    # one paragraph is one place: grouping counts it once, and reports never show the offsets
    assert uk == full and hash(uk) == hash(full) and len(dict.fromkeys([uk, full])) == 1
    assert full.to_dict() == {"part": "body", "paragraph": 4}
