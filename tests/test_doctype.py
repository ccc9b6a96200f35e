"""Document type: proposal, agreement, form or other."""

from __future__ import annotations

from pathlib import Path

import pytest

from grantscan.detect.doctype import DOCUMENT_TYPES, classify, scores
from grantscan.model import Document, Location, TextBlock

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")


def doc(*paras: str) -> Document:
    return Document("x.txt", "text", [TextBlock(p, Location(line=i + 1)) for i, p in enumerate(paras)])


MOU = doc("Memorandum of Understanding between the University of Exampleton and Example Institute",
          "WHEREAS the Parties wish to cooperate in research and teaching;",
          "NOW, THEREFORE, the Parties agree as follows:",
          "1. Scope. This Memorandum sets out the framework of cooperation between the Parties.",
          "2. Term. This Memorandum shall remain in force for five years.",
          "IN WITNESS WHEREOF the Parties have signed this Memorandum.")
NDA = doc("Mutual Non-Disclosure Agreement",
          "This Agreement is entered into by the Disclosing Party and the Receiving Party.",
          "The Receiving Party shall hold Confidential Information in confidence.",
          "This Agreement shall be governed by English law.")
PROPOSAL = doc("Case for Support: Resilient Quantum Timing for Critical Infrastructure",
               "Objectives. O1 develop a portable optical clock; O2 validate it in the field.",
               "Methodology. Work package 1 builds the laser system; WP2 tests it. The Principal "
               "Investigator leads WP1 and the Co-Investigator leads WP2.",
               "Deliverables and milestones are listed in the Gantt chart. We will publish our results.",
               "Impact. The state-of-the-art in timing will move beyond the current literature.")
FORM = doc("Ethics and Security Self-Assessment Form",
           "1. Does your research involve dual-use items? Yes / No",
           "2. Does it involve personal data? Yes / No",
           "3. Please describe any export licences required (max. 200 words).",
           "Name of applicant: ____  ☐ I confirm the answers are correct.")
OTHER = doc("Minutes of the departmental meeting held on 3 May.",
            "Present: five members of staff. The coffee machine will be replaced next week.")


@pytest.mark.parametrize("document, expected", [
    (MOU, "agreement"), (NDA, "agreement"), (PROPOSAL, "proposal"), (FORM, "form"), (OTHER, "other"),
])
def test_each_type(document: Document, expected: str) -> None:
    assert classify(document) == expected


def test_result_is_one_of_the_types() -> None:
    assert all(classify(d) in DOCUMENT_TYPES for d in (MOU, NDA, PROPOSAL, FORM, OTHER))


def test_proposal_mentioning_an_agreement_stays_a_proposal() -> None:
    text = PROPOSAL.blocks + [TextBlock("A consortium agreement will be signed by the partners before the "
                                        "project starts.", Location(line=9))]
    assert classify(Document("p.txt", "text", text)) == "proposal"


def test_one_clause_sentence_is_not_a_proposal() -> None:
    assert classify(doc("The University shall not be liable for indirect losses.")) != "proposal"


def test_only_the_head_of_a_huge_document_is_read() -> None:
    filler = [f"Line {i} of the appendix lists equipment serial numbers." for i in range(5000)]
    tail = ["WHEREAS the Parties agree as follows. IN WITNESS WHEREOF this Agreement is made."] * 50
    big = doc(*[b.text for b in OTHER.blocks], *filler, *tail)
    assert scores(big)["words"] <= 12_000  # read up to MAX_CHARS, not the whole file
    assert classify(big) == "other"  # contract words far past the head do not count


@needs_shared
@pytest.mark.parametrize("rel, expected", [
    ("real/commonaccord/EU-DESCA-Orig-v01.md", "agreement"),
    ("real/lavidb/data-sharing-agreement.docx", "agreement"),
    ("real/gw-dssd/Insulate-Ukraine-MOU.pdf", "agreement"),
    ("real/opendreamkit/ConsortiumAgreementModel.pdf", "agreement"),
    ("real/opendreamkit/proposal-www.pdf", "proposal"),
    ("real/opendreamkit/concept.tex", "proposal"),
    ("real/opendreamkit/Etoiles_de_lEurope__Dossier_de_candidature_2020.docx", "form"),
])
def test_real_documents(rel: str, expected: str) -> None:
    from grantscan.extract import extract

    try:
        d = extract(SHARED / "corpus" / rel)
    except ImportError as e:
        pytest.skip(f"no reader for {rel}: {e}")
    assert classify(d) == expected
