#!/usr/bin/env python3
"""Rebuild the sample documents in sample_docs/ (deterministic: same bytes on every run).

    python scripts/make_samples.py [--out sample_docs]

Writes a draft proposal as DOCX (with something to find in a footnote, a comment, the header, a table and a
tracked change), a proposal as PDF, a collaboration agreement with an export-control clause (DOCX), a LaTeX
methods section and a clean proposal with nothing to find (Markdown). The PDF writer below is deliberately
tiny (Helvetica, one column, wrapped lines) so no extra dependency is needed.
"""

from __future__ import annotations

import argparse
import copy
import io
import textwrap
import zipfile
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Pt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXED_DATE = "2026-01-15T10:00:00Z"

PROPOSAL_TITLE = "SKYWARD: Resilient navigation for autonomous drone swarms"
PROPOSAL_BODY = [
    ("Heading 1", "1. Summary"),
    (
        None,
        "SKYWARD will develop cooperative navigation algorithms for swarms of unmanned aerial vehicles "
        "(UAVs) that must operate where satellite positioning is jammed or spoofed. We will design and "
        "flight-test a quantum-enhanced inertial navigation unit that fuses cold-atom accelerometer data "
        "with lidar odometry, and train deep reinforcement learning policies for formation control.",
    ),
    ("Heading 1", "2. Partners"),
    (
        None,
        "The project is a collaboration between the University of Northshire (UK) and the Harbin "
        "Institute of Technology in China, with flight trials hosted by a partner laboratory in Shenzhen.",
    ),
    ("Heading 1", "3. Impact"),
    (
        None,
        "Beyond search and rescue, resilient swarm navigation is relevant to defence customers, and we "
        "will brief the Defence Science and Technology Laboratory (Dstl) on the results.",
    ),
]
PARTNER_TABLE = [
    ("Partner", "Country", "Role"),
    ("University of Northshire", "United Kingdom", "Lead, swarm autonomy"),
    ("Harbin Institute of Technology", "China", "Inertial sensors, flight trials"),
    ("Beihang University", "China", "Hypersonic airframe modelling (advisory)"),
]
FOOTNOTE = (
    "The cold-atom interferometer and the GNSS anti-jamming receiver may be controlled items under "
    "the UK Strategic Export Control Lists; an export licence may be needed to ship them."
)
COMMENT = "Check whether the Ministry of Defence wants a briefing before submission."
HEADER = "Draft proposal SKYWARD - joint UK-China drone swarm project - not for circulation"
TRACKED_INSERT = " The swarm controller will also be evaluated for military surveillance missions."
TRACKED_DELETE = "An earlier plan to test the radar altimeter with a partner in Iran was dropped."

PDF_PROPOSAL = [
    "ORBITAL RADAR: Synthetic aperture radar from small satellites",
    "",
    "1. Objectives",
    "We propose to design a miniaturised synthetic aperture radar (SAR) payload for a constellation of "
    "CubeSat satellites, with onboard processing on radiation-hardened FPGAs. The payload will provide "
    "all-weather imaging and change detection at 1 m resolution.",
    "",
    "2. Consortium",
    "The University of Northshire leads the work with Bauman Moscow State Technical University in Russia, "
    "which will supply the gallium nitride RF front end, and a launch provider in Kazakhstan.",
    "",
    "3. Methods",
    "We will develop a convolutional neural network that detects vehicles in SAR images, and test "
    "electronic counter-measures against jamming of the downlink. A hypersonic re-entry study is out of "
    "scope.",
    "",
    "4. Ethics and security",
    "Does the research have the potential for military applications? Yes. The imaging payload could be "
    "used for military reconnaissance and is likely to need an export licence.",
]

AGREEMENT = [
    ("Title", "Research Collaboration Agreement"),
    (
        None,
        "This Agreement is made between the University of Northshire (the University) and Apex Photonics "
        "Inc., a Delaware corporation (the Sponsor), together the Parties.",
    ),
    ("Heading 1", "1. Definitions"),
    (
        None,
        "Confidential Information means any information disclosed by one Party to the other that is marked "
        "as confidential.",
    ),
    ("Heading 1", "2. Intellectual Property"),
    (
        None,
        "The University shall assign to the Sponsor all right, title and interest in any Results, "
        "including all patents arising from the Project.",
    ),
    ("Heading 1", "3. Publication"),
    (
        None,
        "The University shall not publish any Results without the prior written consent of the Sponsor, "
        "which the Sponsor may withhold at its sole discretion.",
    ),
    ("Heading 1", "4. Export Control"),
    (
        None,
        "Each Party shall comply with all applicable export control laws and regulations, including the "
        "US Export Administration Regulations (EAR) and the International Traffic in Arms Regulations "
        "(ITAR). The Sponsor will identify any controlled technology and its ECCN before disclosure, and "
        "no foreign national shall be given access to ITAR-controlled data without a licence.",
    ),
    ("Heading 1", "5. Confidentiality"),
    (None, "Each Party shall keep the other Party's Confidential Information confidential for five years."),
    ("Heading 1", "6. Liability"),
    (
        None,
        "The Sponsor shall indemnify and hold harmless the University against all claims arising from the "
        "Sponsor's use of the Results.",
    ),
    ("Heading 1", "7. Governing Law"),
    (
        None,
        "This Agreement shall be governed by and construed in accordance with the laws of the State of "
        "New York, and the courts of New York shall have exclusive jurisdiction.",
    ),
]

LATEX = r"""% Methods section of a draft proposal (LaTeX).
\section{Methods}
\label{sec:methods}

We will implement lattice-based \emph{post-quantum cryptography} on embedded processors and
evaluate side-channel attacks against the implementation, including power analysis and
fault injection \cite{kocher1999}.

\subsection{Cryptanalysis}
% Work package 2 is led by the partner in Singapore.
Work package 2 studies the cryptanalysis of the candidate schemes with collaborators at the
National University of Singapore; results will be published openly.

\subsection{Data management}
All data will be stored securely on university servers in line with GDPR.
"""

CLEAN = """# Reading together: a teacher-training programme for primary schools

## Summary

This project will evaluate a teacher-training programme that helps primary school teachers run
shared-reading sessions. Teachers will learn to ask open questions, model fluent reading and
give feedback. We will measure pupils' reading comprehension at the start and end of the school year.

## Methods

Twenty schools will take part in a randomised trial. Half will receive the training in the first
year and the rest in the second year. Classroom observations and short interviews will show how
the sessions work in practice. The design gives the research team room to adapt the materials.

## Impact

Results will be shared with schools through short guides, a workshop for head teachers and an
open-access article. Parents will be invited to a reading afternoon at each school.
"""


def _fix_core_props(doc: Document, title: str) -> None:
    """Fixed metadata so the output is byte-for-byte reproducible."""
    import datetime as dt

    cp = doc.core_properties
    cp.title, cp.author, cp.last_modified_by = title, "grantscan samples", "grantscan samples"
    fixed = dt.datetime(2026, 1, 15, 10, 0, 0)
    cp.created = cp.modified = fixed
    cp.revision = 1


def _add_footnote(doc: Document, paragraph, text: str) -> None:  # noqa: ANN001
    """python-docx has no footnote API: add a footnotes part and a reference in ``paragraph``."""
    xml = (
        f'<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
        f'<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr>'
        f'<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
        f"{text}</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        xml.encode("utf-8"),
        doc.part.package,
    )
    doc.part.relate_to(part, RT.FOOTNOTES)
    ref = parse_xml(
        f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        '<w:footnoteReference w:id="1"/></w:r>'
    )
    paragraph._p.append(ref)


def _add_tracked_changes(paragraph, inserted: str, deleted: str) -> None:  # noqa: ANN001
    ins = parse_xml(
        f'<w:ins xmlns:w="{W_NS}" w:id="901" w:author="A. Researcher" w:date="{FIXED_DATE}">'
        f'<w:r><w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>'
    )
    paragraph._p.append(ins)
    dele = parse_xml(
        f'<w:del xmlns:w="{W_NS}" w:id="902" w:author="A. Researcher" w:date="{FIXED_DATE}">'
        f'<w:r><w:delText xml:space="preserve"> {deleted}</w:delText></w:r></w:del>'
    )
    paragraph._p.append(dele)


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite a DOCX zip with fixed timestamps and order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in sorted(src.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            zi = copy.copy(info)
            zi.date_time = (2026, 1, 15, 10, 0, 0)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def _save(doc: Document, path: Path) -> None:
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(_deterministic_zip(buf.getvalue()))


def make_proposal_docx(path: Path) -> None:
    doc = Document()
    _fix_core_props(doc, PROPOSAL_TITLE)
    doc.styles["Normal"].font.size = Pt(11)
    doc.sections[0].header.paragraphs[0].text = HEADER
    doc.add_heading(PROPOSAL_TITLE, level=0)
    summary = None
    for style, text in PROPOSAL_BODY:
        p = doc.add_heading(text, level=1) if style else doc.add_paragraph(text)
        if summary is None and not style:
            summary = p
    table = doc.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    for row in PARTNER_TABLE:
        cells = table.add_row().cells
        for c, value in zip(cells, row, strict=True):
            c.text = value
    tail = doc.add_paragraph("Flight trials will follow the safety case agreed with the partners.")
    _add_tracked_changes(tail, TRACKED_INSERT, TRACKED_DELETE)
    _add_footnote(doc, summary, FOOTNOTE)
    doc.add_comment(summary.runs, text=COMMENT, author="Research Office", initials="RO")
    _save(doc, path)


def make_agreement_docx(path: Path) -> None:
    doc = Document()
    _fix_core_props(doc, "Research Collaboration Agreement")
    for style, text in AGREEMENT:
        if style == "Title":
            doc.add_heading(text, level=0)
        elif style:
            doc.add_heading(text, level=1)
        else:
            doc.add_paragraph(text)
    doc.add_paragraph("IN WITNESS WHEREOF the Parties have signed this Agreement.")
    _save(doc, path)


def _pdf_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_simple_pdf(path: Path, paragraphs: list[str], *, width: int = 95, lines_per_page: int = 48) -> None:
    """A minimal text PDF: Helvetica 11pt, wrapped paragraphs, fixed bytes (no dates)."""
    lines: list[str] = []
    for para in paragraphs:
        lines.extend(textwrap.wrap(para, width) or [""])
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    objects: list[bytes] = []
    n_pages = len(pages)
    font_id = 3 + 2 * n_pages
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    for i, page in enumerate(pages):
        ops = ["BT", "/F1 11 Tf", "14 TL", "56 780 Td"]
        for ln in page:
            ops.append(f"({_pdf_escape(ln)}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 "
            f"{font_id} 0 R >> >> /Contents {4 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{num} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    path.write_bytes(out.getvalue())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "sample_docs"))
    out = Path(ap.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    make_proposal_docx(out / "proposal-skyward.docx")
    write_simple_pdf(out / "proposal-orbital-radar.pdf", PDF_PROPOSAL)
    make_agreement_docx(out / "agreement-apex-photonics.docx")
    (out / "methods-section.tex").write_text(LATEX, encoding="utf-8")
    (out / "clean-proposal.md").write_text(CLEAN, encoding="utf-8")
    for p in sorted(out.iterdir()):
        print(f"wrote {p} ({p.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
