"""The DOCX extractor and the DOCX annotator read a document with one walker (``extract.wordml``): on generated
documents full of the shapes Word writes, every paragraph has the same number and the same text in both."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest
from lxml import etree

from grantscan.annotate.docx import paragraph_map, paragraph_text
from grantscan.extract import ExtractOptions
from grantscan.extract.docx import extract_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.Element(f"{{{W}}}{tag}", {f"{{{W}}}{k}": v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def run(text: str, tag: str = "t") -> etree._Element:
    r = w("r")
    r.append(w(tag, text))
    return r


def paragraph(*children: etree._Element) -> etree._Element:
    p = w("p")
    for c in children:
        p.append(c)
    return p


def textbox(*paras: etree._Element) -> etree._Element:
    """A run holding a DrawingML text box inside mc:AlternateContent (Choice read, Fallback not)."""
    alt = etree.Element(f"{{{MC}}}AlternateContent")
    choice = etree.SubElement(alt, f"{{{MC}}}Choice", Requires="wps")
    box = etree.SubElement(choice, f"{{{W}}}txbxContent")
    for p in paras:
        box.append(p)
    fallback = etree.SubElement(alt, f"{{{MC}}}Fallback")
    fb = etree.SubElement(fallback, f"{{{W}}}txbxContent")
    fb.append(paragraph(run("fallback copy, never read")))
    r = w("r")
    r.append(alt)
    return r


def build(path: Path, variant: int) -> None:
    """A document whose body mixes headings, tables (nested), text boxes, tracked changes, a malformed nested
    paragraph, tabs and breaks, empty paragraphs and comment ranges; ``variant`` reorders and repeats them."""
    d = docx.Document()
    d.add_heading(f"Project {variant}", level=1)
    d.add_paragraph("We will train neural networks for drone navigation.")
    body = d.element.body
    sect = body[-1]
    blocks: list[etree._Element] = []
    deleted_run = w("del", id="1", author="a", date="2026-01-01T00:00:00Z")
    deleted_run.append(run("radar for military use", "delText"))
    blocks.append(paragraph(run("Partners in "), deleted_run, run("Belgium"), w("r")))
    blocks[-1][-1].append(w("tab"))
    blocks[-1][-1].append(w("t", "and Japan"))
    blocks.append(paragraph())  # empty: still counted
    blocks.append(
        paragraph(w("commentRangeStart", id="7"), run("Commented words."), w("commentRangeEnd", id="7"))
    )
    blocks.append(
        paragraph(run("Anchor of a box. "), textbox(paragraph(run("Inside the box: quantum sensing."))))
    )
    stray = paragraph(run("Before the stray. "))
    holder = w("r")
    holder.append(paragraph(run("A stray paragraph inside a run.")))
    stray.append(holder)
    stray.append(run(" After the stray."))
    blocks.append(stray)
    table = w("tbl")
    for r_i in range(2):
        tr = w("tr")
        for c_i in range(2):
            tc = w("tc")
            tc.append(paragraph(run(f"cell {r_i}.{c_i} lidar")))
            if r_i == 1 and c_i == 1:
                inner = w("tbl")
                itr = w("tr")
                itc = w("tc")
                itc.append(paragraph(run("nested cell with a line"), w("r")))
                itc[-1][-1].append(w("br"))
                itc[-1][-1].append(w("t", "break"))
                itr.append(itc)
                inner.append(itr)
                tc.append(inner)
                tc.append(paragraph())
            tr.append(tc)
        table.append(tr)
    blocks.append(table)
    moved = w("moveFrom", id="3", author="a", date="2026-01-01T00:00:00Z")
    moved.append(paragraph(run("A paragraph moved away.")))
    blocks.append(moved)
    blocks.append(paragraph(run("Last words.")))
    order = blocks if variant % 2 == 0 else list(reversed(blocks))
    for b in order * (1 + variant % 3):
        sect.addprevious(copy.deepcopy(b))
    d.save(str(path))


@pytest.mark.parametrize("variant", range(6))
def test_extractor_and_annotator_number_and_read_every_paragraph_alike(tmp_path: Path, variant: int) -> None:
    path = tmp_path / f"doc{variant}.docx"
    build(path, variant)
    document = extract_docx(path, ExtractOptions())
    paras = paragraph_map(docx.Document(str(path)).element.body)
    read = {(b.location.part, b.location.paragraph): b.text for b in document.blocks}
    main = {k: v for k, v in read.items() if k[0] in ("body", "table", "textbox")}
    assert {part for part, _ in main} == {"body", "table", "textbox"}
    for (part, index), text in main.items():
        assert paragraph_text(paras[part][index]) == text, (part, index)
    assert read[("body", 0)] == f"Project {variant}"
    assert any(t.startswith("A stray paragraph") for t in main.values())
    deleted = [b.text for b in document.blocks if b.location.part == "deleted"]
    assert "radar for military use" in deleted and "A paragraph moved away." in deleted
    assert not any("fallback copy" in t for t in read.values())
