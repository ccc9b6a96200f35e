"""PDF decompression bombs and giant pages: what PDFium would inflate is measured before it does.

Every bomb is generated here (tests/hostile.py): a 2 GiB XMP metadata stream, a 100 MB content stream, a
10 MB page of text, 4,999 pages sharing a 1 MB stream, a form drawn 1,000 times, a content array repeating
one stream, a page listed 4,999 times. Before these checks PDFium inflated each of them, and under an
address-space cap the process aborted (SIGABRT) instead of reporting the file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pypdfium2
import pytest

from grantscan.extract import ExtractionError, ExtractOptions, extract, pdfcheck
from grantscan.extract.pdfcheck import Ref, check, parse_value

from . import hostile

SHARED = Path(__file__).resolve().parents[2] / "shared"
ROOT = Path(__file__).resolve().parents[1]


def reason(path: Path, options: ExtractOptions | None = None) -> str:
    with pytest.raises(ExtractionError) as e:
        extract(path, options)
    assert "\n" not in e.value.reason
    return e.value.reason


def test_metadata_bomb_is_hidden_from_pdfium_and_the_text_read(tmp_path: Path) -> None:
    path = hostile.metadata_bomb_pdf(tmp_path / "meta.pdf")
    before = path.read_bytes()
    doc = extract(path)
    assert doc.text == "Export control screening of this proposal."
    assert any(w.startswith("XMP metadata not read") for w in doc.warnings)
    assert path.read_bytes() == before  # the patched copy lives in memory only
    result = check(path, None, 250_000_000, 5000)
    assert result.data is not None and len(result.data) == len(before)
    assert b"/Ignored_" in result.data and b"/Ignored_" not in before


def test_metadata_bomb_in_a_truncated_file_is_hidden_too(tmp_path: Path) -> None:
    data = hostile.metadata_bomb_pdf(tmp_path / "meta.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: data.rindex(b"xref")])  # no cross-reference table, no trailer
    doc = extract(path)
    assert doc.text == "Export control screening of this proposal."
    assert any(w.startswith("XMP metadata not read") for w in doc.warnings)


def test_small_metadata_is_left_alone(tmp_path: Path) -> None:
    path = hostile.metadata_bomb_pdf(tmp_path / "meta.pdf", size=100_000)
    doc = extract(path)
    assert doc.warnings == []
    assert check(path, None, 250_000_000, 5000).data is None


def test_content_bomb_is_refused_in_one_line(tmp_path: Path) -> None:
    path = hostile.content_bomb_pdf(tmp_path / "content.pdf")
    assert reason(path) == "too large: page 1 not read: its content inflates to more than 32 MB"


def test_huge_page_is_refused_for_the_characters_it_shows(tmp_path: Path) -> None:
    path = hostile.huge_page_pdf(tmp_path / "huge.pdf")
    r = reason(path)
    assert r.startswith("too large: page 1 not read: it shows about 9,") and "(limit 1,000,000)" in r


def test_nested_and_escaped_parentheses_do_not_hide_text(tmp_path: Path) -> None:
    # "(x(y)aaa...)" is one string to PDFium; so is the one after "\\(": both are counted whole
    shown = b"BT /F1 10 Tf 72 760 Td " + b"(x(y)" + b"a" * 30_000 + b") Tj \\(" + b"b" * 30_000 + b") Tj "
    body = shown * 25 + b"ET"
    path = tmp_path / "nested.pdf"
    path.write_bytes(hostile.pdf_bytes([3], [hostile._stream(zlib.compress(body))]))
    assert reason(path).startswith("too large: page 1 not read: it shows about 1,50")


def test_a_page_too_large_is_skipped_and_the_others_read(tmp_path: Path) -> None:
    path = hostile.two_page_pdf(
        tmp_path / "two.pdf",
        hostile.text_stream(["Radar research with Harbin."]),
        hostile.big_text_stream(3_000_000),
    )
    doc = extract(path)
    assert [b.location.page for b in doc.blocks] == [1]
    assert doc.blocks[0].text == "Radar research with Harbin."
    assert any(w.startswith("page 2 not read: it shows about") for w in doc.warnings)
    assert doc.metadata["page_sizes"][1][:2] == [612.0, 792.0]  # read from the page dictionary alone


@pytest.mark.parametrize("pages", [2, 3])
def test_shared_stream_costs_once_per_page(tmp_path: Path, pages: int) -> None:
    path = hostile.shared_stream_pdf(tmp_path / "shared.pdf", pages=pages, size=66_000)
    options = ExtractOptions(max_pdf_bytes=150_000)  # room for two uses of the ~66 KB stream, not three
    if pages == 2:
        assert [b.location.page for b in extract(path, options).blocks] == [1, 2]
    else:
        assert reason(path, options) == "too large: its page content inflates to more than 0 MB"


def test_shared_stream_bomb_is_refused_before_any_page_is_read(tmp_path: Path) -> None:
    path = hostile.shared_stream_pdf(tmp_path / "shared.pdf")
    assert reason(path) == "too large: its page content inflates to more than 250 MB"


def test_page_listed_thousands_of_times_costs_each_time(tmp_path: Path) -> None:
    path = hostile.repeated_page_pdf(tmp_path / "pages.pdf")
    assert len(pypdfium2.PdfDocument(str(path))) == 4999  # PDFium shows the page 4,999 times
    assert reason(path) == "too large: its page content inflates to more than 250 MB"


def test_form_drawn_a_thousand_times_costs_each_time(tmp_path: Path) -> None:
    path = hostile.form_bomb_pdf(tmp_path / "form.pdf")
    assert reason(path) == "too large: page 1 not read: its content inflates to more than 32 MB"
    few = hostile.form_bomb_pdf(tmp_path / "few.pdf", uses=3, size=2_000)
    assert "quick brown fox" in extract(few).text


def test_contents_array_repeating_one_stream_costs_each_time(tmp_path: Path) -> None:
    path = hostile.repeated_contents_pdf(tmp_path / "contents.pdf")
    assert reason(path) == "too large: page 1 not read: its content inflates to more than 32 MB"


def test_page_text_is_cut_at_the_page_limit(tmp_path: Path) -> None:
    # the structure check estimates a page's characters; the cut applies whatever it estimated
    path = hostile.huge_page_pdf(tmp_path / "page.pdf", size=200_000)
    doc = extract(path, ExtractOptions(max_page_chars=50_000))
    text = doc.blocks[0].text
    assert 49_000 < len(text) <= 50_000  # PDFium's first 50,000 characters, CR LF line ends made LF
    assert len(doc.blocks[0].boxes) == 4 * len(text)
    assert text.startswith("The quick brown fox") and "\r" not in text
    assert any(w.startswith("text cut at 50,000 characters on 1 page(s): 1") for w in doc.warnings)


def test_document_character_limit(tmp_path: Path) -> None:
    path = hostile.shared_stream_pdf(tmp_path / "shared.pdf", pages=5, size=66_000)
    assert (
        reason(path, ExtractOptions(max_chars=100_000)) == "too large: more than 100,000 characters of text"
    )
    md = hostile.write_text(tmp_path / "long.md", "word " * 30_000)
    assert reason(md, ExtractOptions(max_chars=100_000)) == "too large: more than 100,000 characters of text"


def test_encrypted_bomb_is_measured_through_pypdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = hostile.form_bomb_pdf(tmp_path / "form.pdf")
    writer = PdfWriter(clone_from=PdfReader(str(plain)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    path = tmp_path / "encrypted.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    assert len(pypdfium2.PdfDocument(str(path))) == 1  # opens with the empty password
    assert reason(path) == "too large: page 1 not read: its content inflates to more than 32 MB"


# ---------------------------------------------------------------- under an address-space cap

_CHILD = textwrap.dedent(
    """
    import json, resource, sys
    cap = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    from grantscan.extract import ExtractionError, ExtractOptions, extract
    out = []
    for path, max_chars in json.loads(sys.argv[2]):
        try:
            doc = extract(path, ExtractOptions(max_chars=max_chars, max_size=0))
            out.append("read " + str(len(doc.text)))
        except ExtractionError as e:
            out.append(e.reason)
    print(json.dumps(out))
    """
)


def run_capped(cap_mb: int, items: list[tuple[Path, int]]) -> list[str]:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    args = [sys.executable, "-c", _CHILD, str(cap_mb << 20), json.dumps([(str(p), m) for p, m in items])]
    proc = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, (proc.returncode, proc.stderr[-2000:])  # -6 was PDFium's abort
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_every_bomb_is_a_one_line_outcome_under_a_1_gb_cap(tmp_path: Path) -> None:
    bombs = [
        hostile.metadata_bomb_pdf(tmp_path / "meta.pdf"),
        hostile.content_bomb_pdf(tmp_path / "content.pdf"),
        hostile.huge_page_pdf(tmp_path / "huge.pdf"),
        hostile.shared_stream_pdf(tmp_path / "shared.pdf"),
        hostile.repeated_page_pdf(tmp_path / "pages.pdf"),
        hostile.form_bomb_pdf(tmp_path / "form.pdf"),
        hostile.repeated_contents_pdf(tmp_path / "contents.pdf"),
    ]
    got = run_capped(1024, [(p, 20_000_000) for p in bombs])
    assert got[0] == "read 42"
    assert all(g.startswith("too large: ") for g in got[1:]), got


def test_memory_error_becomes_a_one_line_error(tmp_path: Path) -> None:
    # 10 million characters of Markdown need far more than 200 MB to map back to their source lines
    path = tmp_path / "big.md"
    path.write_text(("word " * 20 + "\n") * 100_000)
    got = run_capped(200, [(path, 0)])
    assert got == ["too large: reading it needs more memory than this process may use"]


# ---------------------------------------------------------------- the object reader


def test_parse_value_reads_the_pdf_object_syntax() -> None:
    data = (
        b"<< /Type /Page /Kids [1 0 R 2 0 R] /N 3 /F -1.5 /S (a (nested) \\) string) /H <414 2>"
        b" /A#20B true /Z null /D << /X [ [ ] ] >> >> trailing"
    )
    value, end = parse_value(data)
    assert value == {
        "/Type": "/Page",
        "/Kids": [Ref(1, 0), Ref(2, 0)],
        "/N": 3,
        "/F": -1.5,
        "/S": b"a (nested) \\) string",
        "/H": b"<414 2>",
        "/A B": True,
        "/Z": None,
        "/D": {"/X": [[]]},
    }
    assert data[end:] == b" trailing"


def test_parse_value_refuses_what_is_not_an_object() -> None:
    for bad in (b">>", b"]", b"stream", b"<< /A [1 2"):
        with pytest.raises(pdfcheck._Unreadable):
            parse_value(bad)
    with pytest.raises(pdfcheck._Unreadable):
        parse_value(b"[" * (pdfcheck.MAX_NESTING + 1))


def test_object_headers_inside_stream_data_are_data(tmp_path: Path) -> None:
    decoy = hostile._stream(b"9 0 obj << /Type /Catalog /Pages 99 0 R >> endobj", compressed=False)
    path = tmp_path / "decoy.pdf"
    path.write_bytes(hostile.pdf_bytes([3], [hostile.text_stream(["Hello"]), decoy]))
    result = check(path, None, 250_000_000, 5000)
    assert result.pages is not None and len(result.pages) == 1


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")
def test_real_pdfs_walk_the_pages_pdfium_walks() -> None:
    for path in sorted((SHARED / "corpus").rglob("*.pdf")):
        try:
            n = len(pypdfium2.PdfDocument(str(path)))
        except pypdfium2.PdfiumError:
            continue  # encrypted without the password, or damaged: PDFium reports those
        result = check(path, None, 250_000_000, 5000)
        if result.pages is not None:
            assert len(result.pages) == n, path.name
            assert all(p.problem() is None for p in result.pages), path.name
        assert result.data is None and result.warnings == [], path.name
