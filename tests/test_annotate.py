"""Annotated copies: Word comments on the matched text of a DOCX, highlights with notes over a PDF's words.

Fixtures are generated here: DOCX files with python-docx (plus raw XML for hyperlinks, tracked changes and
footnotes) and PDFs written by hand with a Helvetica content stream, so each word's place is known.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pypdf
import pypdfium2
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from grantscan.annotate import AnnotateError, annotate_file, in_note_order, note_text
from grantscan.annotate.docx import paragraph_map, paragraph_text
from grantscan.annotate.pdf import to_user_space
from grantscan.model import DocumentResult, Finding, Location
from tests import hostile

SHARED = Path(__file__).resolve().parents[2] / "shared"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def finding(
    text: str,
    loc: Location,
    *,
    rule: str = "r",
    category: str = "dual-use",
    severity: str = "high",
    occurrences: list[Location] | None = None,
    start: int | None = None,
    **kw,
) -> Finding:
    return Finding(
        rule_id=rule,
        category=category,
        text=text,
        context=text,
        location=loc,
        severity=severity,
        occurrences=occurrences or [],
        why=f"Why {text}.",
        action="Ask the research office.",
        start=start,
        end=None if start is None else start + len(text),
        **kw,
    )


def result(path: Path, findings: list[Finding]) -> DocumentResult:
    return DocumentResult(path=str(path), status="ok", sha256=sha(path), findings=findings)


# ---------------------------------------------------------------- DOCX fixtures and readers

BODY = [
    "Project summary.",
    "",
    "We will build an autonomous drone swarm and test the drone swarm at sea.",
    "Partner: Harbin Institute of Technology will host visits.",
]
FOOTNOTES = ["First note.", "Funded by the National University of Defense Technology."]


def make_docx(path: Path, *, footnotes: bool = True) -> Path:
    """Body (with an empty paragraph), split formatting, hyperlink + tracked insertion/deletion, a table
    with a nested table, and (optionally) two footnotes."""
    d = docx.Document()
    d.add_paragraph(BODY[0])
    d.add_paragraph(BODY[1])
    p = d.add_paragraph("We will build an ")
    p.add_run("autonomous dr").bold = True  # the match "drone swarm" starts inside a bold run
    p.add_run("one swarm and test the drone swarm at sea.")
    p = d.add_paragraph("Partner: ")
    p._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w")} w:anchor="x"><w:r><w:rPr><w:i/></w:rPr><w:t>Harbin Institute</w:t></w:r>'
            "</w:hyperlink>"
        )
    )
    p._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="90" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r>'
            '<w:t xml:space="preserve"> of Technology</w:t></w:r></w:ins>'
        )
    )
    p._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="91" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r>'
            '<w:delText xml:space="preserve"> and Shenyang</w:delText></w:r></w:del>'
        )
    )
    p.add_run(" will host visits.")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Work package"
    table.cell(0, 1).text = "Hypersonic glide vehicle modelling"
    table.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = "Nested quantum sensing task"
    if footnotes:
        p = d.paragraphs[0]
        for n in (1, 2):
            p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="{n}"/></w:r>'))
    d.save(str(path))
    if footnotes:
        _add_footnotes(path)
    return path


def _add_footnotes(path: Path) -> None:
    notes = "".join(
        f'<w:footnote w:id="{i + 1}"><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:footnote>'
        for i, t in enumerate(FOOTNOTES)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {nsdecls("w")}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
        f"</w:p></w:footnote>{notes}</w:footnotes>"
    )
    with zipfile.ZipFile(path) as z:
        entries = {i.filename: z.read(i) for i in z.infolist()}
    rels = entries["word/_rels/document.xml.rels"].decode()
    entries["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        (
            '<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'footnotes" Target="footnotes.xml"/></Relationships>'
        ),
    ).encode()
    ct = entries["[Content_Types].xml"].decode()
    entries["[Content_Types].xml"] = ct.replace(
        "</Types>",
        (
            '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.footnotes+xml"/></Types>'
        ),
    ).encode()
    entries["word/footnotes.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)


def commented_text(path: Path) -> dict[str, str]:
    """Comment id -> the live text between its commentRangeStart and commentRangeEnd in document.xml."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    active: set[str] = set()
    out: dict[str, str] = {}
    for el in root.iter():
        if el.tag == W + "commentRangeStart":
            active.add(el.get(W + "id"))
            out.setdefault(el.get(W + "id"), "")
        elif el.tag == W + "commentRangeEnd":
            active.discard(el.get(W + "id"))
        elif el.tag in (W + "t", W + "delText") and el.text:
            for cid in active:
                out[cid] += el.text
    return out


def comments(path: Path) -> dict[str, str]:
    """Comment id -> text, for the comments grantscan wrote."""
    return {str(c.comment_id): c.text for c in docx.Document(str(path)).comments if c.author == "grantscan"}


def body_finding(text: str, part: str, index: int, nth: int = 0, **kw) -> Finding:
    paras = {
        "body": BODY,
        "table": ["Work package", "Hypersonic glide vehicle modelling", "Nested quantum sensing task"],
    }[part]
    start = -1
    for _ in range(nth + 1):
        start = paras[index].find(text, start + 1)
    assert start >= 0
    return finding(text, Location(part=part, paragraph=index), start=start, **kw)


# ---------------------------------------------------------------- DOCX tests


def test_docx_comments_enclose_exactly_the_matched_text(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "in.docx")
    second = Location(part="body", paragraph=2)
    fs = [
        body_finding(
            "drone swarm",
            "body",
            2,
            rule="tech-drone",
            occurrences=[Location(part="body", paragraph=2), second],
        ),
        body_finding("Harbin Institute of Technology", "body", 3, rule="org", category="partner"),
        body_finding("Hypersonic glide vehicle", "table", 1, rule="tech-hyp"),
        body_finding("quantum sensing", "table", 2, rule="tech-q"),
    ]
    report = annotate_file(src, tmp_path / "out.docx", result(src, fs))
    assert report.anchored == 5 and report.unanchored == []
    enclosed = commented_text(tmp_path / "out.docx")
    texts = comments(tmp_path / "out.docx")
    by_text = sorted(enclosed.values())
    assert by_text == sorted(
        [
            "drone swarm",
            "drone swarm",
            "Harbin Institute of Technology",
            "Hypersonic glide vehicle",
            "quantum sensing",
        ]
    )
    # each comment's note names the finding whose text it encloses
    for cid, text in enclosed.items():
        assert f"Why {text}." in texts[cid]
    # the mark of the comment ending inside the tracked insertion sits outside it, in the paragraph
    root = etree.fromstring(zipfile.ZipFile(tmp_path / "out.docx").read("word/document.xml"))
    assert all(ref.getparent().getparent().tag == W + "p" for ref in root.iter(W + "commentReference"))
    # the two occurrences in one paragraph sit on different matches
    out_doc = docx.Document(str(tmp_path / "out.docx"))
    p = paragraph_map(out_doc.element.body)["body"][2]
    starts = [i for i, el in enumerate(p) if el.tag == W + "commentRangeStart"]
    assert len(starts) == 2 and starts[0] != starts[1]


def test_docx_offsets_pick_the_reported_match(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "in.docx", footnotes=False)
    f = body_finding("drone swarm", "body", 2, nth=1)  # the second "drone swarm" of the paragraph
    annotate_file(src, tmp_path / "out.docx", result(src, [f]))
    p = paragraph_map(docx.Document(str(tmp_path / "out.docx")).element.body)["body"][2]
    before = []
    for el in p.iter(W + "t", W + "commentRangeStart"):
        if el.tag == W + "commentRangeStart":
            break
        before.append(el.text)
    assert "".join(before) == BODY[2][: f.start] == "We will build an autonomous drone swarm and test the "


def test_docx_search_prefers_whole_words_and_never_doubles_a_match(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Drones fly over the sea; a DRONE lands.")
    d.save(str(tmp_path / "in.docx"))
    src = tmp_path / "in.docx"
    loc = Location(part="body", paragraph=0)
    f = finding("drone", loc, occurrences=[loc, loc])  # no offsets; the paragraph holds one whole word
    report = annotate_file(src, tmp_path / "out.docx", result(src, [f]))
    assert report.anchored == 1 and report.unanchored[0].noted
    assert sorted(commented_text(tmp_path / "out.docx").values()) == sorted(
        ["DRONE", "Drones fly over the sea; a DRONE lands."]
    )


def test_docx_note_text_author_and_unchanged_text(tmp_path: Path) -> None:
    from grantscan.extract import extract

    src = make_docx(tmp_path / "in.docx")
    f = body_finding("drone swarm", "body", 2, category="dual-use-drones")
    annotate_file(src, tmp_path / "out.docx", result(src, [f]))
    (comment,) = list(docx.Document(str(tmp_path / "out.docx")).comments)
    assert comment.author == "grantscan" and comment.initials == "GS"
    assert comment.text == (
        "[grantscan] high dual-use-drones: Why drone swarm. What to do: Ask the research office."
    )
    live = {"body", "table", "footnote", "deleted"}

    def blocks(p: Path) -> list[tuple]:
        return [(b.location, b.text) for b in extract(p).blocks if b.location.part in live]

    assert blocks(tmp_path / "out.docx") == blocks(src)


def test_docx_split_runs_keep_their_formatting(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "in.docx", footnotes=False)
    annotate_file(src, tmp_path / "out.docx", result(src, [body_finding("drone swarm", "body", 2)]))
    p = paragraph_map(docx.Document(str(tmp_path / "out.docx")).element.body)["body"][2]
    runs = [
        (r.findtext(W + "t"), r.find(f"{W}rPr/{W}b") is not None)
        for r in p.iter(W + "r")
        if r.find(W + "t") is not None
    ]
    assert ("autonomous ", True) in runs and ("dr", True) in runs  # the bold run split, both halves bold
    assert ("one swarm", False) in runs
    assert paragraph_text(p) == BODY[2]


def test_docx_footnote_finding_noted_on_its_reference_mark(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "in.docx")
    words = "National University of Defense Technology"
    at = FOOTNOTES[1].index(words)
    f = finding(
        words,
        Location(part="footnote", paragraph=1, start=at, end=at + len(words)),
        category="partner",
    )
    report = annotate_file(src, tmp_path / "out.docx", result(src, [f]))
    assert report.anchored == 0 and len(report.unanchored) == 1
    miss = report.unanchored[0]
    assert miss.noted and miss.reason == "in a footnote: noted on its reference mark"
    assert report.summary() == f"{tmp_path / 'out.docx'}: 0 notes on their text, 1 placed elsewhere"
    ((cid, text),) = comments(tmp_path / "out.docx").items()
    assert text.startswith(f"In footnote 2: “{words}” — [grantscan] high partner:")
    # the range holds exactly the run of footnote 2's reference mark, not the title
    root = etree.fromstring(zipfile.ZipFile(tmp_path / "out.docx").read("word/document.xml"))
    start = next(e for e in root.iter(W + "commentRangeStart") if e.get(W + "id") == cid)
    run = start.getnext()
    assert run.find(W + "footnoteReference").get(W + "id") == "2"
    assert run.getnext().tag == W + "commentRangeEnd" and commented_text(tmp_path / "out.docx")[cid] == ""


def test_docx_grouped_mentions_sit_on_their_own_words(tmp_path: Path) -> None:
    """A grouped finding's later mentions are worded differently ("Harbin Institute" for "Harbin Institute
    of Technology"): each comment encloses its own mention's words, taken from its location's offsets."""
    from grantscan.model import TextBlock

    src = make_docx(tmp_path / "in.docx", footnotes=False)
    live = paragraph_text(paragraph_map(docx.Document(str(src)).element.body)["body"][3])
    block = TextBlock(live, Location(part="body", paragraph=3))
    table = TextBlock("Hypersonic glide vehicle modelling", Location(part="table", paragraph=1))
    first = live.index("Harbin Institute of Technology")
    f = finding(
        "Harbin Institute of Technology",
        block.locate(first, first + 30),
        start=first,
        occurrences=[block.locate(first, first + 30), table.locate(0, 10)],
    )
    report = annotate_file(src, tmp_path / "out.docx", result(src, [f]))
    assert report.anchored == 2 and report.unanchored == []
    assert sorted(commented_text(tmp_path / "out.docx").values()) == [
        "Harbin Institute of Technology",
        "Hypersonic",
    ]
    assert all(not t.startswith("A ") for t in comments(tmp_path / "out.docx").values())


def test_docx_mention_without_offsets_worded_differently_notes_its_whole_paragraph(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "in.docx", footnotes=False)
    # occurrences built without offsets (an older result): the second mention is worded "drone swarm"
    f = body_finding(
        "Harbin Institute of Technology",
        "body",
        3,
        occurrences=[Location(part="body", paragraph=3), Location(part="body", paragraph=2)],
    )
    absent = finding("nuclear propulsion", Location(part="body", paragraph=1))  # an empty paragraph
    report = annotate_file(src, tmp_path / "out.docx", result(src, [f, absent]))
    assert report.anchored == 1
    # every first mention goes in before any repeat: the empty paragraph's finding, then the repeat
    assert [(m.text, m.noted) for m in report.unanchored] == [
        ("nuclear propulsion", True),
        ("Harbin Institute of Technology", True),
    ]
    assert report.unanchored[1].reason == (
        "the words of this mention were not found in body paragraph 3; noted on the whole paragraph"
    )
    assert report.unanchored[0].reason.endswith("listed in one note on the first paragraph")
    notes = comments(tmp_path / "out.docx")
    enclosed = commented_text(tmp_path / "out.docx")
    assert sorted(enclosed.values()) == sorted(["Harbin Institute of Technology", BODY[2], BODY[0]])
    whole = next(cid for cid, text in enclosed.items() if text == BODY[2])
    assert notes[whole].startswith(
        "A further partner mention in this paragraph (first worded “Harbin Institute of Technology”)"
    ) or notes[whole].startswith("A further dual-use mention in this paragraph")
    assert "A mention of" not in " ".join(notes.values())


def test_docx_deleted_text_is_noted_on_the_deletion(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "in.docx", footnotes=False)
    f = finding("Shenyang", Location(part="deleted", paragraph=0, start=5, end=13), category="country")
    report = annotate_file(src, tmp_path / "out.docx", result(src, [f]))
    assert [m.reason for m in report.unanchored] == ["in deleted (tracked) text: noted on the deletion"]
    ((cid, text),) = comments(tmp_path / "out.docx").items()
    assert text.startswith("Deleted (tracked) text here: “Shenyang” — ")
    root = etree.fromstring(zipfile.ZipFile(tmp_path / "out.docx").read("word/document.xml"))
    start = next(e for e in root.iter(W + "commentRangeStart") if e.get(W + "id") == cid)
    deletion = start.getnext()
    assert deletion.tag == W + "del" and "".join(deletion.itertext()) == " and Shenyang"
    assert start.getparent() is paragraph_map(root)["body"][3]


def test_docx_finding_in_a_reviewers_comment_sits_on_the_text_it_comments(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Case for support")
    p = d.add_paragraph("We will brief ")
    run = p.add_run("Dstl")
    p.add_run(" on the results.")
    d.add_comment(run, text="Ask the Ministry of Defence first.", author="Reviewer")
    d.save(str(tmp_path / "in.docx"))
    src = tmp_path / "in.docx"
    at = "Ask the Ministry of Defence first.".index("Ministry of Defence")
    f = finding(
        "Ministry of Defence", Location(part="comment", paragraph=0, start=at, end=at + 19), category="org"
    )
    report = annotate_file(src, tmp_path / "out.docx", result(src, [f]))
    assert [m.reason for m in report.unanchored] == ["in a comment: noted on the text it comments on"]
    ((cid, text),) = comments(tmp_path / "out.docx").items()
    assert text.startswith("On comment 1 (by Reviewer): “Ministry of Defence” — [grantscan] high org:")
    assert commented_text(tmp_path / "out.docx")[cid] == "Dstl"


def test_docx_header_mentions_are_listed_in_one_note(tmp_path: Path) -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Draft: joint UK-China drone swarm project"
    d.add_paragraph("")
    d.add_paragraph("Case for support")
    d.save(str(tmp_path / "in.docx"))
    src = tmp_path / "in.docx"
    header = "Draft: joint UK-China drone swarm project"
    fs = [
        finding(
            w,
            Location(part="header", paragraph=0, start=header.index(w), end=header.index(w) + len(w)),
            rule=w,
        )
        for w in ("drone swarm", "China")
    ]
    report = annotate_file(src, tmp_path / "out.docx", result(src, fs))
    assert report.notes == 2 and all(m.noted for m in report.unanchored)
    ((cid, text),) = comments(tmp_path / "out.docx").items()
    lines = text.split("\n")
    assert lines[0].startswith("[grantscan] Mentions where Word cannot hold a comment")
    assert sorted(x.split(" — ")[0] for x in lines[1:]) == [
        "In a header (paragraph 1): “China”",
        "In a header (paragraph 1): “drone swarm”",
    ]
    assert commented_text(tmp_path / "out.docx")[cid] == "Case for support"  # the first paragraph with text


def test_docx_note_limit_is_reported(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "in.docx", footnotes=False)
    f = body_finding("drone swarm", "body", 2, occurrences=[Location(part="body", paragraph=2)] * 2)
    report = annotate_file(src, tmp_path / "out.docx", result(src, [f]), max_notes=1)
    assert report.anchored == 1
    notes = list(comments(tmp_path / "out.docx").values())
    assert len(notes) == 2  # the note, and the last one saying what the limit left out
    assert notes[1].startswith("[grantscan] 1 more mention not noted here (high 1): the limit is 1 notes")
    assert "limit" in report.unanchored[0].reason and not report.unanchored[0].noted
    assert report.summary().endswith(": 1 note on their text, 1 not written")
    assert report.warnings == [
        "note limit (1) reached: 1 mention not noted (high 1); the most severe were noted first, a last note "
        "in the copy says so, and --max-notes raises the limit"
    ]


def test_notes_go_in_by_severity_then_place_and_first_mentions_before_repeats(tmp_path: Path) -> None:
    """The note limit leaves out the least severe mentions, never a medium one behind a pile of lows."""
    src = make_docx(tmp_path / "in.docx", footnotes=False)
    low = body_finding("Project summary", "body", 0, rule="low", severity="low")
    info = body_finding("Work package", "table", 0, rule="info", severity="info")
    high = body_finding(
        "drone swarm", "body", 2, rule="high", occurrences=[Location(part="body", paragraph=2)] * 2
    )
    medium = body_finding("Harbin Institute of Technology", "body", 3, rule="medium", severity="medium")
    order = in_note_order([low, info, high, medium])
    assert [(f.rule_id, f.start is not None) for f in order] == [
        ("high", True),  # the first mention keeps its offsets
        ("high", False),  # its repeat comes after the first mentions of the same severity (none here)
        ("medium", True),
        ("low", True),
        ("info", True),
    ]
    report = annotate_file(src, tmp_path / "out.docx", result(src, [low, info, high, medium]), max_notes=3)
    notes, enclosed = comments(tmp_path / "out.docx"), commented_text(tmp_path / "out.docx")
    last = next(
        cid for cid, text in notes.items() if text.startswith("[grantscan] 2 more mentions not noted")
    )
    assert "(low 1, info 1)" in notes[last] and enclosed.pop(last) == BODY[0]
    assert sorted(enclosed.values()) == sorted(
        ["drone swarm", "drone swarm", "Harbin Institute of Technology"]
    )
    assert report.left_out() == {"low": 1, "info": 1}


def test_suppressed_and_declarations_are_skipped_unless_asked(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "in.docx", footnotes=False)
    fs = [
        body_finding("drone swarm", "body", 2, suppressed="baseline"),
        body_finding("Project summary", "body", 0, kind="declaration"),
    ]
    assert annotate_file(src, tmp_path / "a.docx", result(src, fs)).anchored == 0
    report = annotate_file(src, tmp_path / "b.docx", result(src, fs), include_declarations=True)
    assert report.anchored == 1
    assert list(comments(tmp_path / "b.docx").values())[0].startswith("[grantscan] declaration ")


# ---------------------------------------------------------------- safety of the input and output


def test_input_is_never_modified_and_overwrites_are_refused(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "in.docx")
    before = sha(src)
    res = result(src, [body_finding("drone swarm", "body", 2)])
    with pytest.raises(AnnotateError, match="refusing to overwrite the input file"):
        annotate_file(src, src, res, overwrite=True)
    with pytest.raises(AnnotateError, match="refusing to overwrite the input file"):
        annotate_file(src, tmp_path / "." / "sub" / ".." / "in.docx", res, overwrite=True)
    os.link(src, tmp_path / "hard.docx")
    with pytest.raises(AnnotateError, match="refusing to overwrite the input file"):
        annotate_file(src, tmp_path / "hard.docx", res, overwrite=True)
    out = tmp_path / "out.docx"
    out.write_bytes(b"keep me")
    with pytest.raises(AnnotateError, match="output exists"):
        annotate_file(src, out, res)
    assert out.read_bytes() == b"keep me"
    annotate_file(src, out, res, overwrite=True)
    assert len(comments(out)) == 1
    assert sha(src) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hard.docx", "in.docx", "out.docx"]  # no temp files


def test_errors_are_one_line_and_leave_nothing_behind(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "in.docx")
    res = result(src, [])
    txt = tmp_path / "notes.txt"
    txt.write_text("drone swarm\n")
    with pytest.raises(AnnotateError, match=r"cannot annotate '\.txt' files"):
        annotate_file(txt, tmp_path / "o.txt", result(txt, []))
    stale = DocumentResult(path=str(src), status="ok", sha256="0" * 64)
    with pytest.raises(AnnotateError, match="changed since it was scanned"):
        annotate_file(src, tmp_path / "o.docx", stale)
    with pytest.raises(AnnotateError, match="scan failed: encrypted"):
        annotate_file(
            src, tmp_path / "o.docx", DocumentResult(path=str(src), status="error", error="encrypted")
        )
    with pytest.raises(AnnotateError, match="output folder does not exist"):
        annotate_file(src, tmp_path / "missing" / "o.docx", res)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(AnnotateError) as err:
        annotate_file(bad, tmp_path / "o.docx", result(bad, []))
    assert "\n" not in str(err.value) and "Word document" in str(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.docx", "in.docx", "notes.txt"]


def test_note_text_format() -> None:
    f = finding("drone swarm", Location(page=1), category="dual-use-drones", severity="medium")
    assert note_text(f) == (
        "[grantscan] medium dual-use-drones: Why drone swarm. What to do: Ask the research office."
    )
    bare = Finding(rule_id="tech-x", category="c", text="x", context="", location=Location())
    assert note_text(bare) == "[grantscan] low c: 'x' matched rule tech-x."


# ---------------------------------------------------------------- PDF fixtures and tests


def make_pdf(
    path: Path,
    pages: list[list[tuple[float, float, str]]],
    *,
    rotate: tuple[int, ...] = (),
    mediabox: tuple[float, float, float, float] = (0, 0, 612, 792),
) -> Path:
    """A PDF whose pages show Helvetica 12 pt text at (x, y) in user space."""
    objs: list[bytes] = [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"",
    ]
    kids = []
    for i, items in enumerate(pages):
        stream = b"".join(
            b"BT /F1 12 Tf %g %g Td (%s) Tj ET\n" % (x, y, t.encode("latin-1")) for x, y, t in items
        )
        objs.append(b"<< /Length %d >>\nstream\n%sendstream" % (len(stream), stream))
        rot = b" /Rotate %d" % rotate[i] if i < len(rotate) else b""
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [%g %g %g %g] /Resources << /Font << /F1 1 0 R >> >>"
            b" /Contents %d 0 R%s >>" % (*mediabox, len(objs), rot)
        )
        kids.append(len(objs))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    path.write_bytes(hostile.assemble(objs, len(objs)))
    return path


def word_box(path: Path, page: int, word: str) -> tuple[float, float, float, float]:
    """The word's box as pdfplumber (and extraction) report it: (x0, top, x1, bottom), origin top-left of
    the page as displayed."""
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[page - 1].chars
    i = "".join(c["text"] for c in chars).find(word)
    assert i >= 0
    cs = chars[i : i + len(word)]
    return (
        min(c["x0"] for c in cs),
        min(c["top"] for c in cs),
        max(c["x1"] for c in cs),
        max(c["bottom"] for c in cs),
    )


def highlights(path: Path, page: int, password: str | None = None) -> list[dict]:
    reader = pypdf.PdfReader(str(path))
    if password:
        reader.decrypt(password)
    annots = [a.get_object() for a in reader.pages[page - 1].get("/Annots", [])]
    return [a for a in annots if a["/Subtype"] == "/Highlight"]


def text_under(path: Path, page: int, rect: list[float], password: str | None = None) -> str:
    pdf = pypdfium2.PdfDocument(str(path), password=password)
    try:
        left, bottom, right, top = rect
        # shrink a little: the bounded-text query takes every glyph touching the box
        return pdf[page - 1].get_textpage().get_text_bounded(left + 1, bottom + 1, right - 1, top - 1).strip()
    finally:
        pdf.close()


PAGES = [
    [(72, 700, "Intro text here")],
    [(72, 500, "We build a drone swarm today"), (300, 100, "with Harbin")],
]


@pytest.mark.parametrize(
    "rotate,mediabox",
    [
        (0, (0, 0, 612, 792)),
        (90, (0, 0, 612, 792)),
        (180, (0, 0, 612, 792)),
        (270, (0, 0, 612, 792)),
        (0, (10, 20, 622, 812)),
        (90, (10, 20, 622, 812)),
        (270, (-30, 40, 582, 832)),
    ],
)
def test_pdf_highlight_covers_the_word(tmp_path: Path, rotate: int, mediabox: tuple) -> None:
    src = make_pdf(tmp_path / "in.pdf", PAGES, rotate=(0, rotate), mediabox=mediabox)
    fs = [
        finding(w, Location(page=2, bbox=word_box(src, 2, w)), rule=w, category=f"cat-{w}")
        for w in ("drone swarm", "Harbin")
    ]
    report = annotate_file(src, tmp_path / "out.pdf", result(src, fs))
    assert report.anchored == 2 and report.unanchored == []
    assert highlights(tmp_path / "out.pdf", 1) == []
    hs = highlights(tmp_path / "out.pdf", 2)
    assert len(hs) == 2
    by_word = {str(h["/Subj"]).split(": ", 1)[1]: h for h in hs}  # notes go in in reading order
    for word in ("drone swarm", "Harbin"):
        h = by_word[word]
        rect = [float(v) for v in h["/Rect"]]
        quad = [float(v) for v in h["/QuadPoints"]]
        assert (min(quad[0::2]), min(quad[1::2]), max(quad[0::2]), max(quad[1::2])) == pytest.approx(
            rect, abs=0.01
        )
        assert text_under(tmp_path / "out.pdf", 2, rect) == word
        assert f"cat-{word}" in h["/Contents"] and h["/T"] == "grantscan"
        popup = h["/Popup"].get_object()
        assert popup["/Subtype"] == "/Popup" and popup["/Parent"].get_object() == h


def test_to_user_space_rotate_0_is_a_vertical_flip() -> None:
    assert to_user_space((72, 80, 150, 92), (0, 0, 612, 792), 0) == (72, 700, 150, 712)
    assert to_user_space((72, 80, 150, 92), (0, 0, 612, 792), 90) == (80, 72, 92, 150)


def test_pdf_copy_is_incremental_and_input_unchanged(tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "in.pdf", PAGES)
    before = src.read_bytes()
    f = finding("Harbin", Location(page=2, bbox=word_box(src, 2, "Harbin")))
    annotate_file(src, tmp_path / "out.pdf", result(src, [f]))
    assert src.read_bytes() == before
    out = (tmp_path / "out.pdf").read_bytes()
    assert out.startswith(before) and len(out) > len(before)
    with pytest.raises(AnnotateError, match="refusing to overwrite the input file"):
        annotate_file(src, src, result(src, [f]), overwrite=True)


def test_pdf_full_rewrite_when_the_appended_copy_reads_back_wrong(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import grantscan.annotate.pdf as annotate_pdf

    monkeypatch.setattr(annotate_pdf, "_readable", lambda data, names: False)
    src = make_pdf(tmp_path / "in.pdf", PAGES)
    f = finding("Harbin", Location(page=2, bbox=word_box(src, 2, "Harbin")))
    report = annotate_file(src, tmp_path / "out.pdf", result(src, [f]))
    assert report.anchored == 1 and "full copy" in report.warnings[0]
    assert not (tmp_path / "out.pdf").read_bytes().startswith(src.read_bytes())
    (h,) = highlights(tmp_path / "out.pdf", 2)
    assert text_under(tmp_path / "out.pdf", 2, [float(v) for v in h["/Rect"]]) == "Harbin"


def test_pdf_occurrences_without_a_box_are_reported(tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "in.pdf", PAGES)
    good = Location(page=2, bbox=word_box(src, 2, "Harbin"))
    f = finding("Harbin", good, occurrences=[good, Location(page=2), Location(page=9, bbox=(1, 1, 5, 5))])
    report = annotate_file(src, tmp_path / "out.pdf", result(src, [f]))
    assert report.anchored == 1
    reasons = [m.reason for m in report.unanchored]
    assert reasons == ["no page box recorded for this occurrence", "page 9 is outside the document (2 pages)"]
    assert len(highlights(tmp_path / "out.pdf", 2)) == 1


def test_pdf_encrypted_needs_its_password(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", PAGES)
    box = word_box(plain, 2, "drone swarm")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(str(plain)))
    writer.encrypt(user_password="s3cret", algorithm="AES-256")
    src = tmp_path / "locked.pdf"
    with src.open("wb") as fh:
        writer.write(fh)
    res = result(src, [finding("drone swarm", Location(page=2, bbox=box))])
    with pytest.raises(AnnotateError, match="password required"):
        annotate_file(src, tmp_path / "out.pdf", res)
    with pytest.raises(AnnotateError, match="wrong password"):
        annotate_file(src, tmp_path / "out.pdf", res, password="nope")
    report = annotate_file(src, tmp_path / "out.pdf", res, password="s3cret")
    assert report.anchored == 1
    assert pypdf.PdfReader(str(tmp_path / "out.pdf")).is_encrypted
    (h,) = highlights(tmp_path / "out.pdf", 2, password="s3cret")
    assert (
        text_under(tmp_path / "out.pdf", 2, [float(v) for v in h["/Rect"]], password="s3cret")
        == "drone swarm"
    )


def test_pdf_boxes_from_the_extractor(tmp_path: Path) -> None:
    pytest.importorskip("grantscan.extract.pdf", reason="PDF extraction not available")
    from grantscan.extract import extract

    src = make_pdf(tmp_path / "in.pdf", PAGES, rotate=(0, 90))
    doc = extract(src)
    fs = []
    for i, block in enumerate(doc.blocks):
        for word in ("drone swarm", "Harbin"):
            start = block.text.find(word)
            if start >= 0:
                fs.append(finding(word, block.locate(start, start + len(word)), start=start, block_index=i))
    assert len(fs) == 2
    report = annotate_file(src, tmp_path / "out.pdf", result(src, fs))
    assert report.anchored == 2
    got = sorted(
        text_under(tmp_path / "out.pdf", 2, [float(v) for v in h["/Rect"]])
        for h in highlights(tmp_path / "out.pdf", 2)
    )
    assert got == ["Harbin", "drone swarm"]


# ---------------------------------------------------------------- real documents (../shared)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")
def test_real_docx_every_paragraph_anchors_on_its_own_words(tmp_path: Path) -> None:
    """On the corpus DOCX files, a comment on the first long word of every body, table and text-box
    paragraph (located as extraction reports it) encloses exactly that word, and the text is unchanged."""
    from grantscan.extract import ExtractionError, extract

    checked = 0
    for path in sorted((SHARED / "corpus" / "real").rglob("*.docx")):
        try:
            doc = extract(path)
            docx.Document(str(path))
        except (ExtractionError, ValueError, KeyError):
            continue  # empty, or a package python-docx cannot open (ISO Strict)
        fs = []
        for i, block in enumerate(doc.blocks):
            if block.location.part not in ("body", "table", "textbox"):
                continue
            m = re.search(r"\w{5,}", block.text)
            if m:
                fs.append(finding(m.group(), block.location, rule=f"r{i}", start=m.start(), block_index=i))
        out = tmp_path / f"{len(list(tmp_path.iterdir()))}-{path.name}"
        report = annotate_file(path, out, result(path, fs), max_notes=10_000)
        assert report.anchored == len(fs), (path.name, report.unanchored[:3])
        notes = comments(out)
        enclosed = {cid: text for cid, text in commented_text(out).items() if cid in notes}
        assert len(notes) == len(enclosed) == len(fs), path.name
        for cid, text in enclosed.items():
            assert notes[cid] == note_text(finding(text, Location())), (path.name, text, notes[cid])
        live = {"body", "table", "textbox", "footnote", "endnote", "header", "footer", "deleted"}
        assert [(b.location, b.text) for b in extract(out).blocks if b.location.part in live] == [
            (b.location, b.text) for b in doc.blocks if b.location.part in live
        ], path.name
        checked += len(fs)
    assert checked > 300, checked


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")
@pytest.mark.parametrize(
    "name",
    [
        "stress/pdfplumber/nics-background-checks-2015-11-rotated.pdf",
        "stress/pdfplumber/scotus-transcript-p1.pdf",
        "opendreamkit/ConsortiumAgreementModel.pdf",
    ],
)
def test_real_pdf_highlights_sit_on_their_words(tmp_path: Path, name: str) -> None:
    """Rotated pages, cross-reference streams and a long agreement: the text under each highlight is the
    word whose extracted box it was given."""
    from grantscan.extract import extract

    src = SHARED / "corpus" / "real" / name
    doc = extract(src)
    fs = []
    for i, block in enumerate(doc.blocks):
        m = re.search(r"[A-Za-z]{6,}", block.text)
        if m:
            fs.append(
                finding(
                    m.group(), block.locate(m.start(), m.end()), rule=f"r{i}", start=m.start(), block_index=i
                )
            )
    report = annotate_file(src, tmp_path / "out.pdf", result(src, fs))
    assert report.anchored == len(fs) > 0
    for f in fs:
        page = f.location.page
        (h,) = [h for h in highlights(tmp_path / "out.pdf", page) if h["/Subj"] == f"dual-use: {f.text}"]
        assert f.text in text_under(tmp_path / "out.pdf", page, [float(v) for v in h["/Rect"]])


def test_pdf_match_wrapping_lines_gets_one_quad_per_line(tmp_path: Path) -> None:
    src = make_pdf(
        tmp_path / "in.pdf",
        [
            [
                (72, 700, "Our partner is the National University of"),
                (72, 686, "Defense Technology in Changsha."),
            ]
        ],
    )
    first, second = word_box(src, 1, "University of"), word_box(src, 1, "Defense Technology")
    union = (
        min(first[0], second[0]),
        first[1],
        max(first[2], second[2]),
        second[3],
    )  # as extraction boxes it
    f = finding("University of Defense Technology", Location(page=1, bbox=union))
    assert annotate_file(src, tmp_path / "out.pdf", result(src, [f])).anchored == 1
    (h,) = highlights(tmp_path / "out.pdf", 1)
    quad = [float(v) for v in h["/QuadPoints"]]
    assert len(quad) == 16
    lines = [[quad[i], quad[i + 5], quad[i + 2], quad[i + 1]] for i in (0, 8)]  # left, bottom, right, top
    assert [text_under(tmp_path / "out.pdf", 1, r) for r in lines] == ["University of", "Defense Technology"]
    assert [float(v) for v in h["/Rect"]] == pytest.approx(
        [
            min(r[0] for r in lines),
            min(r[1] for r in lines),
            max(r[2] for r in lines),
            max(r[3] for r in lines),
        ]
    )


def test_scanned_findings_anchor_on_their_text(tmp_path: Path) -> None:
    """Through the whole pipeline: every occurrence the scanner reports in a DOCX and a PDF gets its note
    on its own text."""
    from grantscan.pipeline import Scanner

    sentence = "We will develop an autonomous drone swarm for military use with the National University of"
    d = docx.Document()
    d.add_paragraph("Case for support")
    d.add_paragraph(sentence + " Defense Technology in China.")
    d.save(str(tmp_path / "in.docx"))
    pdf = make_pdf(
        tmp_path / "in.pdf",
        [[(72, 700, "Case for support")], [(72, 600, sentence), (72, 586, "Defense Technology in China.")]],
    )
    scanner = Scanner()
    for src in (tmp_path / "in.docx", pdf):
        res = scanner.scan_file(src)
        assert res.status == "ok", res.error
        active = [f for f in res.active_findings]
        assert active, f"{src.suffix}: the sentence must produce findings to annotate"
        report = annotate_file(src, tmp_path / f"out{src.suffix}", res)
        assert report.notes == sum(f.count for f in active), src.suffix
        if src.suffix == ".docx":
            # each finding's first mention carries offsets, so it sits on its own text; later mentions
            # worded differently may be noted on their paragraph
            enclosed = commented_text(tmp_path / "out.docx")
            for f in active:
                assert f.text in enclosed.values(), f.text
            assert all(m.noted for m in report.unanchored)
        else:
            assert report.unanchored == []
            under = [
                text_under(tmp_path / "out.pdf", 2, [float(v) for v in h["/Rect"]])
                for h in highlights(tmp_path / "out.pdf", 2)
            ]
            for f in active:
                assert any(" ".join(f.text.split()) in " ".join(u.split()) for u in under), f.text
