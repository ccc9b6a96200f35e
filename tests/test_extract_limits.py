"""Limits that keep detection linear: a block with a very long stretch without a sentence end is cut into
blocks of its own, each keeping the location of its first character (line and column, or page and boxes).

Detection reads a whole sentence for each term it finds in it, so a 200,000-character paragraph without a
full stop took 20 s, and one of 2 MB did not finish.
"""

from __future__ import annotations

from pathlib import Path

from grantscan.extract import _LONG_SENTENCE, extract

from . import hostile


def words(n: int, start: int = 0) -> str:
    return " ".join(f"w{i}" for i in range(start, start + n))


def test_short_stretches_are_never_cut(tmp_path: Path) -> None:
    text = (words(1500) + ". ") * 8  # 60,000 characters, a full stop every ~7,500
    doc = extract(hostile.write_text(tmp_path / "a.txt", text))
    assert len(doc.blocks) == 1 and doc.warnings == []


def test_plain_text_stretch_is_cut_at_blanks_with_lines_and_columns(tmp_path: Path) -> None:
    first = "Intro line.\n"
    body = "\n".join(words(200, k * 200) for k in range(30))  # no sentence end over ~30,000 characters
    path = hostile.write_text(tmp_path / "a.txt", first + body)
    doc = extract(path)
    assert len(doc.blocks) > 2
    assert all(_LONG_SENTENCE.search(b.text) is None for b in doc.blocks)
    assert " ".join(b.text for b in doc.blocks).split() == (first + body).split()
    assert any("without a sentence end were cut" in w for w in doc.warnings)
    source = path.read_text().split("\n")
    for b in doc.blocks:
        loc = b.location
        assert source[loc.line - 1][loc.column - 1 :].startswith(b.text.split()[0]), (loc, b.text[:20])
        last = b.text.split()[-1]
        i = b.text.rindex(last)
        end = b.locate(i, i + len(last))
        assert source[end.line - 1][end.column - 1 :].startswith(last)


def test_markdown_parts_keep_their_source_offsets(tmp_path: Path) -> None:
    body = "\n".join("*" + words(100, k * 100) + "*" for k in range(40))
    path = hostile.write_text(tmp_path / "a.md", "# Title\n\n" + body)
    doc = extract(path)
    parts = [b for b in doc.blocks if b.location.section == "Title"]
    assert len(parts) > 2 and all(_LONG_SENTENCE.search(b.text) is None for b in parts)
    source = path.read_text().split("\n")
    for b in parts:
        assert len(b.line_offsets) == 2 * len(b.text)
        word = b.text.split()[-1]
        i = b.text.rindex(word)
        loc = b.locate(i, i + len(word))
        assert source[loc.line - 1][loc.column - 1 :].startswith(word)


def test_pdf_page_parts_keep_the_page_and_their_boxes(tmp_path: Path) -> None:
    lines = [words(12, k * 12) for k in range(400)]  # ~28,000 characters, no sentence end
    doc = extract(hostile.simple_pdf(tmp_path / "a.pdf", [lines]))
    assert len(doc.blocks) >= 3
    assert {b.location.page for b in doc.blocks} == {1}
    assert all(_LONG_SENTENCE.search(b.text) is None for b in doc.blocks)
    for b in doc.blocks:
        assert len(b.boxes) == 4 * len(b.text)
        word = b.text.split()[1]
        i = b.text.index(word)
        assert b.locate(i, i + len(word)).bbox is not None
    whole = extract(hostile.simple_pdf(tmp_path / "b.pdf", [lines[:50]]))
    assert len(whole.blocks) == 1
