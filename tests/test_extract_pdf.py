"""PDF extraction: pages, character boxes, rotation, passwords, limits and damaged files.

Small PDFs are written at test time (text drawn at known positions), so every behaviour is checked
without the ../shared corpus; the real-file checks skip when it is absent.
"""

from __future__ import annotations

import io
import math
import time
from pathlib import Path

import pytest

from grantscan.extract import ExtractionError, ExtractOptions, extract
from grantscan.extract.pdf import extract_pdf

SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL = SHARED / "corpus" / "real"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")

# Helvetica advance widths (1/1000 em) of the letters used below, to know where each word ends.
HELV = {
    "q": 556,
    "u": 556,
    "a": 556,
    "n": 556,
    "t": 278,
    "m": 833,
    " ": 278,
    "r": 333,
    "d": 556,
    "o": 556,
    "e": 556,
    "s": 500,
    "i": 222,
    "g": 556,
    "c": 500,
    "P": 667,
    "1": 556,
    "2": 556,
    "3": 556,
}


def make_pdf(
    pages: list[list[tuple[float, float, float, str]]],
    *,
    rotate: int = 0,
    mediabox: tuple[float, float, float, float] = (0, 0, 612, 792),
) -> bytes:
    """A PDF whose pages draw (x, y, size, text) runs in Helvetica; uncompressed, one xref table."""
    n = len(pages)
    font = 3 + 2 * n
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(f'{3 + 2 * i} 0 R' for i in range(n))}] /Count {n} >>".encode(),
    ]
    box = " ".join(f"{v:g}" for v in mediabox)
    for i, runs in enumerate(pages):
        ops = [f"BT /F1 {size:g} Tf 1 0 0 1 {x:g} {y:g} Tm ({text}) Tj ET" for x, y, size, text in runs]
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [{box}] /Rotate {rotate} /Resources << /Font "
            f"<< /F1 {font} 0 R >> >> /Contents {4 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for num, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{num} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def width(text: str, size: float) -> float:
    return sum(HELV[c] for c in text) * size / 1000


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def span_bbox(doc, page: int, word: str) -> tuple[float, float, float, float]:  # noqa: ANN001
    block = next(b for b in doc.blocks if b.location.page == page)
    i = block.text.index(word)
    loc = block.locate(i, i + len(word))
    assert loc.page == page and loc.bbox is not None
    return loc.bbox


@pytest.fixture
def three_pages(tmp_path: Path) -> Path:
    pages = [[(72, 700, 12, f"Page {k} quantum radar"), (72, 680, 12, f"second line {k}")] for k in (1, 2, 3)]
    return write(tmp_path, "three.pdf", make_pdf(pages))


def test_one_block_per_page_with_page_numbers(three_pages: Path) -> None:
    doc = extract(three_pages)
    assert doc.format == "pdf" and doc.pages == 3
    assert [b.location.page for b in doc.blocks] == [1, 2, 3]
    for k, b in enumerate(doc.blocks, 1):
        assert f"Page {k} quantum radar" in b.text and f"second line {k}" in b.text
    assert doc.metadata["page_sizes"] == [[612, 792, 0]] * 3


def test_boxes_are_aligned_with_text_and_blank_where_no_glyph(three_pages: Path) -> None:
    for b in extract(three_pages).blocks:
        assert "\r" not in b.text
        assert len(b.boxes) == 4 * len(b.text)
        for i, ch in enumerate(b.text):
            if ch.isspace():
                assert math.isnan(b.boxes[4 * i])
            else:
                assert not math.isnan(b.boxes[4 * i])


def test_word_bbox_matches_where_it_was_drawn(three_pages: Path) -> None:
    doc = extract(three_pages)
    x0, top, x1, bottom = span_bbox(doc, 2, "quantum")
    start = 72 + width("Page 2 ", 12)
    assert x0 == pytest.approx(start, abs=0.6)
    assert x1 == pytest.approx(start + width("quantum", 12), abs=0.6)
    baseline = 792 - 700  # top-left origin
    assert top < baseline < bottom and bottom - top < 20
    # a part of the word lies inside the word's box; the next line lies below it
    px0, ptop, px1, pbottom = span_bbox(doc, 2, "ant")
    assert x0 < px0 < px1 < x1 and ptop == pytest.approx(top) and pbottom == pytest.approx(bottom)
    assert span_bbox(doc, 2, "second")[1] > bottom - 1


def test_rotated_page_boxes_are_in_the_displayed_frame(tmp_path: Path) -> None:
    path = write(tmp_path, "rot.pdf", make_pdf([[(100, 500, 10, "drone swarm")]], rotate=90))
    doc = extract(path)
    w, h, rot = doc.metadata["page_sizes"][0]
    assert (w, h, rot) == (792, 612, 90)
    x0, top, x1, bottom = span_bbox(doc, 1, "drone")
    # /Rotate 90 turns the page clockwise: user y becomes displayed x, user x becomes displayed top
    assert 0 <= x0 < x1 <= w and 0 <= top < bottom <= h
    assert top == pytest.approx(100, abs=0.6) and bottom == pytest.approx(100 + width("drone", 10), abs=0.6)
    assert x0 < 500 < x1
    try:
        from grantscan.annotate.pdf import to_user_space
    except ImportError:
        return
    left, low, right, high = to_user_space((x0, top, x1, bottom), (0, 0, 612, 792), 90)
    assert left == pytest.approx(100, abs=0.6) and low < 500 < high


def test_mediabox_not_at_origin(tmp_path: Path) -> None:
    path = write(
        tmp_path, "offset.pdf", make_pdf([[(150, 300, 12, "quantum")]], mediabox=(50, 100, 350, 500))
    )
    doc = extract(path)
    assert doc.metadata["page_sizes"] == [[300, 400, 0]]
    x0, top, x1, bottom = span_bbox(doc, 1, "quantum")
    # pdfplumber's frame (measured with pdfplumber 0.11 on this file): x stays in user space, top is
    # counted down from y = MediaBox height, so the baseline y=300 lands at 400 - 300
    assert x0 == pytest.approx(150, abs=0.6)
    assert top < 400 - 300 < bottom


def test_page_limit(three_pages: Path) -> None:
    with pytest.raises(ExtractionError) as e:
        extract(three_pages, ExtractOptions(max_pages=2))
    assert e.value.reason == "too large: 3 pages exceeds the limit of 2"
    assert extract(three_pages, ExtractOptions(max_pages=3)).pages == 3


def test_password_protected_pdf(tmp_path: Path, three_pages: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(three_pages))
    writer.encrypt("s3cret", algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    path = write(tmp_path, "locked.pdf", buf.getvalue())
    with pytest.raises(ExtractionError) as e:
        extract(path)
    assert e.value.reason == "encrypted: password required"
    with pytest.raises(ExtractionError) as e:
        extract(path, ExtractOptions(password="wrong"))
    assert e.value.reason == "encrypted: wrong password"
    doc = extract(path, ExtractOptions(password="s3cret"))
    assert "Page 3 quantum radar" in doc.blocks[2].text


def test_truncated_pdf_is_salvaged_with_a_warning(tmp_path: Path) -> None:
    data = make_pdf([[(72, 700, 12, "export licence required")]])
    path = write(tmp_path, "cut.pdf", data[: data.index(b"xref")])  # trailer and xref table lost
    doc = extract(path)
    assert "export licence required" in doc.text
    assert doc.warnings and doc.warnings[0].startswith("damaged PDF")


def test_unrecoverable_pdf_is_a_one_line_corrupt_error(tmp_path: Path) -> None:
    path = write(tmp_path, "junk.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40)
    with pytest.raises(ExtractionError) as e:
        extract(path)
    assert e.value.reason.startswith("corrupt: ") and "\n" not in e.value.reason


def test_page_without_text_is_skipped_and_textless_file_is_reported(tmp_path: Path) -> None:
    mixed = write(tmp_path, "mixed.pdf", make_pdf([[], [(72, 700, 12, "radar")]]))
    doc = extract(mixed)
    assert doc.pages == 2 and [b.location.page for b in doc.blocks] == [2]
    blank = write(tmp_path, "blank.pdf", make_pdf([[], []]))
    assert extract_pdf(blank, ExtractOptions()).blocks == []
    with pytest.raises(ExtractionError) as e:
        extract(blank)
    assert e.value.reason.startswith("no text layer")


def test_control_characters_are_replaced_keeping_alignment(tmp_path: Path) -> None:
    path = write(tmp_path, "ctl.pdf", make_pdf([[(72, 700, 12, "nuclear\\001reactor")]]))
    block = extract(path).blocks[0]
    assert "\x01" not in block.text and "nuclear" in block.text and "reactor" in block.text
    assert len(block.boxes) == 4 * len(block.text)


@needs_shared
def test_words_glued_by_pdfplumber_come_out_separate() -> None:
    doc = extract(REAL / "opendreamkit" / "proposal-www.pdf")
    assert doc.pages == 104 and len(doc.blocks) == 104
    page1 = doc.blocks[0]
    assert "Date of Preparation" in page1.text and "DateofPreparation" not in doc.text
    x0, top, x1, bottom = span_bbox(doc, 1, "Date of Preparation")
    assert 0 < x0 < x1 < 595.3 and 0 < top < bottom < 841.9 and bottom - top < 20
    assert "\ufffe" not in doc.text and "\r" not in doc.text


@needs_shared
def test_rotated_and_vertical_real_files() -> None:
    nics = extract(REAL / "stress" / "pdfplumber" / "nics-background-checks-2015-11-rotated.pdf")
    w, h, rot = nics.metadata["page_sizes"][0]
    assert rot == 90 and (w, h) == (612, 1008)
    x0, top, x1, bottom = span_bbox(nics, 1, "District of Columbia")
    assert 0 <= x0 < x1 <= w and 0 <= top < bottom <= h
    vertical = extract(REAL / "stress" / "pdfminer" / "issue-449-vertical.pdf")
    assert " ".join(vertical.text.split()) == "Test Vertical Layout"


@needs_shared
@pytest.mark.parametrize(
    ("name", "snippet"),
    [
        ("pdfminer/zen_of_python_corrupted.pdf", "Namespaces are one honking great idea"),
        ("pdfplumber/malformed-from-issue-932.pdf", "2021 3 31"),
        ("pdfminer/issue-886-xref-stream-widths.pdf", "Hello"),
        ("pdfminer/issue-1113-evil-xobjects.pdf", "Hello world"),
    ],
)
def test_damaged_real_files_are_recovered_quickly(name: str, snippet: str) -> None:
    t = time.perf_counter()
    doc = extract(REAL / "stress" / name)
    assert time.perf_counter() - t < 5
    assert snippet in " ".join(doc.text.split())


@needs_shared
def test_real_password_example_opens_with_its_password() -> None:
    path = REAL / "stress" / "pdfplumber" / "password-example.pdf"
    with pytest.raises(ExtractionError, match="^encrypted: password required$"):
        extract(path)
    with pytest.raises(ExtractionError, match="^encrypted: wrong password$"):
        extract(path, ExtractOptions(password="nope"))
    doc = extract(path, ExtractOptions(password="test"))
    assert doc.pages and doc.text.strip()


@needs_shared
def test_rc4_file_with_empty_user_password_opens_but_has_no_text() -> None:
    path = REAL / "stress" / "pdfminer" / "encrypted_doc_no_id.pdf"
    doc = extract_pdf(path, ExtractOptions())
    assert doc.pages == 3 and doc.blocks == []


def test_checked_binding_fallback_gives_the_same_boxes(
    three_pages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import grantscan.extract.pdf as pdf_module

    fast = extract(three_pages)
    monkeypatch.setattr(pdf_module, "_LOOSE_CHAR_BOX", None)
    slow = extract(three_pages)
    for a, b in zip(fast.blocks, slow.blocks, strict=True):
        assert a.text == b.text
        assert [x for x in a.boxes if x == x] == [x for x in b.boxes if x == x]  # equal, NaN aside
        assert sum(1 for x in a.boxes if x == x) > 0
