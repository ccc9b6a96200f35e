"""Bad input: every unreadable file gives one readable line, through extract() and through a scan.

The real stress files of ../shared/corpus/real/stress are used where present; generated files cover
unsupported types, size limits, truncation and encodings on their own.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from grantscan.config import Config
from grantscan.extract import ExtractionError, ExtractOptions, extract
from grantscan.pipeline import Scanner

from .test_extract_pdf import make_pdf

SHARED = Path(__file__).resolve().parents[2] / "shared"
STRESS = SHARED / "corpus" / "real" / "stress"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")

EXPECTED = {  # stress file -> how its error reason starts
    "pdfminer/aes-256.pdf": "encrypted: password required",
    "pdfminer/aes-256-r6.pdf": "encrypted: password required",
    "pdfminer/rc4-40.pdf": "encrypted: password required",
    "pdfplumber/password-example.pdf": "encrypted: password required",
    "pdfplumber/empty.pdf": "empty",
    "pdfminer/pdf-with-jbig2.pdf": "no text layer",
    "pdfminer/encrypted_doc_no_id.pdf": "no text layer",
    "mammoth/empty.docx": "empty",
    "python-docx/tbl-having-tables.docx": "empty",
}


def reason_of(path: Path, options: ExtractOptions | None = None) -> str:
    with pytest.raises(ExtractionError) as e:
        extract(path, options)
    reason = e.value.reason
    assert reason and "\n" not in reason and "Traceback" not in reason, reason
    return reason


def scan_error(scanner: Scanner, path: Path) -> str:
    result = scanner.scan_file(path)
    assert result.status == "error" and result.error, result
    assert "\n" not in result.error and "Traceback" not in result.error
    assert result.findings == []
    return result.error


@needs_shared
@pytest.mark.parametrize(("name", "start"), sorted(EXPECTED.items()))
def test_real_stress_file_gives_its_reason(scanner: Scanner, name: str, start: str) -> None:
    path = STRESS / name
    reason = reason_of(path)
    assert reason.startswith(start), reason
    assert scan_error(scanner, path) == reason


def test_unsupported_types(tmp_path: Path, scanner: Scanner) -> None:
    png = tmp_path / "figure.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    xlsx = tmp_path / "budget.xlsx"
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    for path in (png, xlsx):
        assert reason_of(path).startswith("unsupported")
        assert scan_error(scanner, path).startswith("unsupported")


def test_too_large_for_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("quantum radar " * 200, encoding="utf-8")
    assert reason_of(path, ExtractOptions(max_size=1000)).startswith("too large")
    result = Scanner(Config(cache=False, max_size=1000)).scan_file(path)
    assert result.status == "error" and result.error.startswith("too large")


def test_too_many_pages(tmp_path: Path, scanner: Scanner) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf([[(72, 700, 12, f"page {k}")] for k in range(4)]))
    assert reason_of(path, ExtractOptions(max_pages=3)) == "too large: 4 pages exceeds the limit of 3"


@pytest.mark.parametrize("keep", [9, 30, 120])
def test_truncated_pdf_is_a_readable_error(tmp_path: Path, scanner: Scanner, keep: int) -> None:
    data = make_pdf([[(72, 700, 12, "export controlled radar")]])
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[:keep])
    reason = reason_of(path)
    assert reason.startswith("corrupt: "), reason
    assert scan_error(scanner, path) == reason


@needs_shared
def test_truncated_real_pdf_is_corrupt(tmp_path: Path, scanner: Scanner) -> None:
    data = (SHARED / "corpus" / "real" / "opendreamkit" / "676541-OpenDreamKit-ESR.pdf").read_bytes()
    path = tmp_path / "esr-half.pdf"
    path.write_bytes(data[: len(data) // 2])
    assert reason_of(path).startswith("corrupt: ")
    assert scan_error(scanner, path).startswith("corrupt: ")


def test_other_unreadable_inputs(tmp_path: Path, scanner: Scanner) -> None:
    fake_docx = tmp_path / "not-a-zip.docx"
    fake_docx.write_bytes(b"this is not a word document")
    latin = tmp_path / "latin1.md"
    latin.write_bytes("# Résumé\n".encode("latin-1"))
    empty_md = tmp_path / "empty.md"
    empty_md.write_bytes(b"")
    cases = {
        fake_docx: "",
        latin: "encoding: not UTF-8",
        empty_md: "empty",
        tmp_path / "missing.pdf": "not found",
        tmp_path: "not a regular file",
    }
    for path, start in cases.items():
        assert reason_of(path).startswith(start)
        assert scan_error(scanner, path).startswith(start)


@needs_shared
def test_scanning_never_modifies_inputs(scanner: Scanner) -> None:
    files = sorted(p for p in STRESS.rglob("*") if p.is_file())
    assert len(files) > 30

    def digests() -> dict[Path, str]:
        return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}

    before = digests()
    for p in files:
        result = scanner.scan_file(p)
        assert result.status in ("ok", "error")
        if result.status == "error":
            assert result.error and "\n" not in result.error and "Traceback" not in result.error
    assert digests() == before
