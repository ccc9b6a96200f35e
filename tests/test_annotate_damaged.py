"""Annotating a damaged PDF: the copy is written, or the file's error is one line and nothing is left behind.

The damaged files are generated (tests/hostile.py): a page whose /Annots is a number, a name, a dictionary,
an array of nulls or of things that are not annotations, a reference to nothing, or to a stream. pypdf up
to 6.x appends to whatever /Annots holds, so a non-array one crashed the annotator with AttributeError.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from grantscan.annotate import AnnotateError, annotate_file
from grantscan.extract import extract
from grantscan.model import DocumentResult, Finding

from . import hostile

LINE = "We will build a drone swarm for export."
NOT_AN_ARRAY = {"not-an-array", "name", "dict", "dangling-ref", "ref-to-stream"}


def finding_on(path: Path, text: str) -> DocumentResult:
    block = extract(path).blocks[0]
    i = block.text.index(text)
    f = Finding(
        rule_id="r",
        category="dual-use",
        text=text,
        context=text,
        location=block.locate(i, i + len(text)),
        severity="high",
        why="Why.",
        action="Ask.",
    )
    return DocumentResult(
        path=str(path), status="ok", sha256=hashlib.sha256(path.read_bytes()).hexdigest(), findings=[f]
    )


def highlights(path: Path) -> list[str]:
    page = pypdf.PdfReader(str(path)).pages[0]
    annots = page.get("/Annots")
    annots = annots.get_object() if annots is not None else []
    out = []
    for ref in annots:
        a = ref.get_object() if ref is not None else None
        if isinstance(a, pypdf.generic.DictionaryObject) and a.get("/Subtype") == "/Highlight":
            out.append(str(a.get("/NM")))
    return out


@pytest.mark.parametrize("kind", sorted(hostile.DAMAGED_ANNOTS))
def test_damaged_annotation_lists_still_get_their_note(tmp_path: Path, kind: str) -> None:
    src = hostile.damaged_annots_pdf(tmp_path / "in.pdf", kind, [LINE])
    before = src.read_bytes()
    out = tmp_path / "out.pdf"
    report = annotate_file(src, out, finding_on(src, "drone swarm"))
    assert report.anchored == 1
    assert highlights(out) == ["grantscan-1"]
    assert src.read_bytes() == before
    replaced = any("list of annotations was damaged" in w for w in report.warnings)
    assert replaced == (kind in NOT_AN_ARRAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.pdf", "out.pdf"]


def test_any_pypdf_failure_is_one_line_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = hostile.damaged_annots_pdf(tmp_path / "in.pdf", "null-items", [LINE])
    result = finding_on(src, "drone swarm")

    def broken(self, stream):  # noqa: ANN001 - what a pypdf bug on a damaged structure looks like
        raise AttributeError("'NullObject' object has no attribute 'append'")

    monkeypatch.setattr(pypdf.PdfWriter, "write", broken)
    with pytest.raises(AnnotateError) as e:
        annotate_file(src, tmp_path / "out.pdf", result)
    msg = str(e.value)
    assert "\n" not in msg
    assert (
        msg
        == "cannot annotate in.pdf: damaged PDF (AttributeError: 'NullObject' object has no attribute 'append')"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.pdf"]


def test_an_unreadable_pdf_is_one_line(tmp_path: Path) -> None:
    src = hostile.damaged_annots_pdf(tmp_path / "in.pdf", "null-items", [LINE])
    result = finding_on(src, "drone swarm")
    data = bytearray(src.read_bytes())
    at = data.index(b"/Type /Pages")
    data[at : at + 12] = b"/Kids 5 0 R "  # the page tree now loops on itself
    src.write_bytes(bytes(data))
    result.sha256 = hashlib.sha256(bytes(data)).hexdigest()
    try:
        annotate_file(src, tmp_path / "out.pdf", result)
    except AnnotateError as e:
        assert "\n" not in str(e)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in.pdf"]
    else:
        assert highlights(tmp_path / "out.pdf") == ["grantscan-1"]


def test_command_line_reports_the_error_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from grantscan.cli import main

    src = hostile.damaged_annots_pdf(
        tmp_path / "in.pdf", "not-an-array", ["The drone swarm is for export to Iran."]
    )
    out = tmp_path / "out.pdf"
    ok = CliRunner().invoke(main, ["annotate", str(src), "-o", str(out), "--no-cache"])
    assert ok.exit_code == 0, ok.output
    assert out.exists()

    def broken(self, stream):  # noqa: ANN001
        raise KeyError("/Annots")

    monkeypatch.setattr(pypdf.PdfWriter, "write", broken)
    failed = CliRunner().invoke(main, ["annotate", str(src), "-o", str(tmp_path / "again.pdf"), "--no-cache"])
    assert failed.exit_code != 0
    assert failed.exception is None or isinstance(failed.exception, SystemExit)
    lines = [line for line in failed.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "damaged PDF (KeyError" in lines[0], failed.output
    assert not (tmp_path / "again.pdf").exists()
