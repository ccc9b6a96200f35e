"""Document type: proposal, agreement, form, guidance or other."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from grantscan.detect import doctype
from grantscan.detect.doctype import DOCUMENT_TYPES, classify, load_cues, scores
from grantscan.knowledge.loader import PackError
from grantscan.knowledge.resources import patterns_dir
from grantscan.model import Document, Finding, Location, TextBlock

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")


def doc(*paras: str) -> Document:
    return Document("x.txt", "text", [TextBlock(p, Location(line=i + 1)) for i, p in enumerate(paras)])


MOU = doc(
    "Memorandum of Understanding between the University of Exampleton and Example Institute",
    "WHEREAS the Parties wish to cooperate in research and teaching;",
    "NOW, THEREFORE, the Parties agree as follows:",
    "1. Scope. This Memorandum sets out the framework of cooperation between the Parties.",
    "2. Term. This Memorandum shall remain in force for five years.",
    "IN WITNESS WHEREOF the Parties have signed this Memorandum.",
)
NDA = doc(
    "Mutual Non-Disclosure Agreement",
    "This Agreement is entered into by the Disclosing Party and the Receiving Party.",
    "The Receiving Party shall hold Confidential Information in confidence.",
    "This Agreement shall be governed by English law.",
)
PROPOSAL = doc(
    "Case for Support: Resilient Quantum Timing for Critical Infrastructure",
    "Objectives. O1 develop a portable optical clock; O2 validate it in the field.",
    "Methodology. Work package 1 builds the laser system; WP2 tests it. The Principal "
    "Investigator leads WP1 and the Co-Investigator leads WP2.",
    "Deliverables and milestones are listed in the Gantt chart. We will publish our results.",
    "Impact. The state-of-the-art in timing will move beyond the current literature.",
)
FORM = doc(
    "Ethics and Security Self-Assessment Form",
    "1. Does your research involve dual-use items? Yes / No",
    "2. Does it involve personal data? Yes / No",
    "3. Please describe any export licences required (max. 200 words).",
    "Name of applicant: ____  ☐ I confirm the answers are correct.",
)
OTHER = doc(
    "Minutes of the departmental meeting held on 3 May.",
    "Present: five members of staff. The coffee machine will be replaced next week.",
)


@pytest.mark.parametrize(
    "document, expected",
    [
        (MOU, "agreement"),
        (NDA, "agreement"),
        (PROPOSAL, "proposal"),
        (FORM, "form"),
        (OTHER, "other"),
    ],
)
def test_each_type(document: Document, expected: str) -> None:
    assert classify(document) == expected


def test_result_is_one_of_the_types() -> None:
    assert all(classify(d) in DOCUMENT_TYPES for d in (MOU, NDA, PROPOSAL, FORM, OTHER))


def test_proposal_mentioning_an_agreement_stays_a_proposal() -> None:
    text = PROPOSAL.blocks + [
        TextBlock(
            "A consortium agreement will be signed by the partners before the project starts.",
            Location(line=9),
        )
    ]
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
@pytest.mark.parametrize(
    "rel, expected",
    [
        ("real/commonaccord/EU-DESCA-Orig-v01.md", "agreement"),
        ("real/lavidb/data-sharing-agreement.docx", "agreement"),
        ("real/gw-dssd/Insulate-Ukraine-MOU.pdf", "agreement"),
        ("real/opendreamkit/ConsortiumAgreementModel.pdf", "agreement"),
        ("real/opendreamkit/proposal-www.pdf", "proposal"),
        ("real/opendreamkit/concept.tex", "proposal"),
        ("real/opendreamkit/Etoiles_de_lEurope__Dossier_de_candidature_2020.docx", "form"),
    ],
)
def test_real_documents(rel: str, expected: str) -> None:
    from grantscan.extract import extract

    try:
        d = extract(SHARED / "corpus" / rel)
    except ImportError as e:
        pytest.skip(f"no reader for {rel}: {e}")
    assert classify(d) == expected


# --- short drafts: section headings ------------------------------------------------------------------

DRAFT = doc(
    "SKYLARK: Cooperative mapping with small uncrewed boats",
    "1. Summary",
    "SKYLARK will develop shared mapping software for fleets of small uncrewed boats surveying "
    "harbours and estuaries.",
    "2. Partners",
    "The project brings together a university robotics group and a port authority.",
    "3. Impact",
    "Harbour masters will receive safer and cheaper depth surveys.",
    "Partner",
    "Country",
    "Role",
    "Northshire University",
    "United Kingdom",
    "Lead",
)
MARKDOWN_DRAFT = doc(
    "# Draft: low-cost air-quality sensing for schools",
    "## Objectives",
    "Build and test a cheap particulate monitor with pupils.",
    "## Work packages",
    "WP1 hardware; WP2 school trials.",
    "## Budget",
    "Equipment and a part-time technician.",
)
SHORT_AGREEMENT = doc(
    "Between Northshire University and Harbour Robotics Ltd",
    "1. Definitions",
    "Results means all data and software produced in the work.",
    "2. Term and Termination",
    "Either party may end the arrangement on 30 days' notice.",
    "3. Governing Law",
    "English law applies.",
)
AGREEMENT_WITH_SCHEDULE = doc(
    "Research Collaboration Agreement",
    "This Agreement is made between the University and the Company (together the Parties).",
    "WHEREAS the Parties wish to collaborate; NOW, THEREFORE, the Parties agree as follows:",
    "1. Confidentiality",
    "Each Party shall keep the other's information confidential.",
    "IN WITNESS WHEREOF the Parties have signed this Agreement.",
    "Schedule 1",
    "Summary",
    "Objectives",
    "Work packages",
    "Deliverables",
    "Budget",
    "The Company shall pay the University the amounts in the budget table.",
)
FORM_WITH_SECTIONS = doc(
    "Seed Fund Application Form",
    "Summary (max. 200 words)",
    "Please describe the project in plain language.",
    "Budget",
    "Please provide a breakdown of costs. Is any equipment over £10k? Yes / No",
    "Name of applicant: ____  ☐ I confirm the answers are correct.",
)


@pytest.mark.parametrize(
    "document, expected",
    [
        (DRAFT, "proposal"),
        (MARKDOWN_DRAFT, "proposal"),
        (SHORT_AGREEMENT, "agreement"),
        (AGREEMENT_WITH_SCHEDULE, "agreement"),
        (FORM_WITH_SECTIONS, "form"),
    ],
)
def test_section_headings(document: Document, expected: str) -> None:
    assert classify(document) == expected


def test_draft_without_its_headings_is_not_a_proposal() -> None:
    """The headings are what make the short draft a proposal (the prose alone is too little evidence)."""
    prose = doc(*[b.text for b in DRAFT.blocks if not b.text[:1].isdigit()])
    assert classify(prose) == "other"
    assert scores(DRAFT)["proposal"] > scores(prose)["proposal"]


def test_heading_words_inside_prose_are_not_headings() -> None:
    text = doc(
        "Notes from the visit",
        "The summary of the budget discussion and the impact on partners was circulated.",
        "Objectives for next year were not discussed, and the deliverables list is unchanged.",
    )
    assert classify(text) == "other"


@pytest.mark.parametrize("document", [MOU, NDA, FORM, OTHER])
def test_other_types_unchanged_by_headings(document: Document) -> None:
    assert classify(document) != "proposal"


def test_sample_draft_proposal_file() -> None:
    path = Path(__file__).resolve().parents[1] / "sample_docs" / "proposal-skyward.docx"
    if not path.is_file():
        pytest.skip("sample_docs/proposal-skyward.docx not present")
    from grantscan.extract import extract

    assert classify(extract(path)) == "proposal"


def test_the_word_form_in_a_licence_is_not_a_form_title() -> None:
    # long enough (over 250 words) that a title word alone would decide the type
    licence = doc(
        "4. Redistribution. You may reproduce and distribute copies of the Work in any medium, in Source or "
        "Object form, provided that You meet the following conditions: (a) You must give any other recipients "
        "of the Work a copy of this License; and (b) You must cause any modified files to carry notices.",
        *[
            "You must retain all copyright, patent, trademark and attribution notices of the Work in every copy "
            "that You distribute, and You may add Your own notices alongside them."
        ]
        * 10,
    )
    assert classify(licence) != "form"
    form = doc(
        "Ethics Self-Assessment Form",
        "Does the project involve dual-use items? Yes / No",
        "Does the project involve personal data? Yes / No",
    )
    assert classify(form) == "form"


# -- the pack: patterns/doctype.yaml ----------------------------------------------------------------------------


def _pack(tmp_path: Path, old: str, new: str) -> Path:
    """The shipped pack with ``old`` replaced by ``new`` (once), written to a temporary file."""
    text = (patterns_dir() / "doctype.yaml").read_text(encoding="utf-8")
    assert old in text
    p = tmp_path / "doctype.yaml"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    return p


def _line_of(path: Path, needle: str) -> int:
    return next(
        i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line
    )


def test_shipped_pack_loads_every_type() -> None:
    c = load_cues()
    assert set(c.cues) == {"agreement", "proposal", "form", "guidance"} and all(c.cues.values())
    assert set(c.title) == {"agreement", "proposal", "form", "guidance"}
    assert set(c.headings) == {"agreement", "proposal", "guidance"}
    assert c.min_score[-1][0] == 0


@pytest.mark.parametrize(
    "old, new, needle, message",
    [
        ("weight: 4.0, pattern", "weight: -4.0, pattern", "weight: -4.0", "'weight' must be a number >= 0"),
        (r"'(?i)\bwhereas\b'", r"'(?i)\bwhereas(\b'", "whereas(", "bad regular expression"),
        ("  max: 6", "  max: 6\n  maximum: 7", "maximum: 7", "unknown key 'maximum'"),
        ("    points: 4", "    points: four", "points: four", "'points' must be a number >= 0"),
        ("{over: 150, score: 5.0}", "{over: 350, score: 5.0}", "over: 350", "'over' must fall"),
        ("cue_cap: 8", "cue_cap: 8.5", "cue_cap: 8.5", "'cue_cap' must be a whole number"),
        (
            "  agreement:\n    - {weight",
            "  agreements:\n    - {weight",
            "agreements:",
            "unknown key 'agreements'",
        ),
    ],
)
def test_bad_pack_gives_one_line_error_with_file_and_line(
    tmp_path: Path, old: str, new: str, needle: str, message: str
) -> None:
    p = _pack(tmp_path, old, new)
    with pytest.raises(PackError) as err:
        load_cues(p)
    text = str(err.value)
    assert "\n" not in text
    assert text.startswith(f"{p}:{_line_of(p, needle)}: ")
    assert message in text


def test_heading_line_needs_its_title_group(tmp_path: Path) -> None:
    p = _pack(tmp_path, "(?P<title>", "(?P<words>")
    with pytest.raises(PackError, match=rf"doctype.yaml:{_line_of(p, '(?P<words>')}: .*group named 'title'"):
        load_cues(p)


def test_pack_data_decides_the_type(tmp_path: Path) -> None:
    """The weights are read from the pack: a form cue worth nothing and a form title worth nothing leave FORM
    without the evidence that made it a form."""
    text = (patterns_dir() / "doctype.yaml").read_text(encoding="utf-8")
    form_part = text[
        text.index("  form:\n    - {weight") : text.index("\n\n", text.index("  form:\n    - {weight"))
    ]
    zeroed = re.sub(r"weight: [\d.]+", "weight: 0", form_part)
    p = tmp_path / "doctype.yaml"
    p.write_text(text.replace(form_part, zeroed).replace("    points: 4", "    points: 0"), encoding="utf-8")
    c = load_cues(p)
    assert all(w == 0 for _, w in c.cues["form"]) and c.title["form"][1] == 0
    assert scores(FORM)["form"] > 0  # the shipped pack
    head, body = doctype._evidence(FORM)
    try:
        doctype.cues.cache_clear()
        doctype._scores.cache_clear()
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(doctype, "cues", lambda: c)
            assert dict(doctype._scores(head, body))["form"] == 0
            assert classify(FORM) != "form"
    finally:
        doctype._scores.cache_clear()
        doctype.cues.cache_clear()


def test_cue_patterns_are_not_everyday_words_of_the_screening() -> None:
    """The screening treats lower-case words of the packs as everyday words; the regex sources of this pack are
    not vocabulary ('\\bwhereas' would add 'bwhereas', and 'memorandum' would make listed names made of it
    unmatchable), so the pack is left out."""
    from grantscan.detect.partners.detector import _common_words

    text = (patterns_dir() / "doctype.yaml").read_text(encoding="utf-8")
    assert "bwhereas" in re.findall(r"[\w']+", text)
    assert not {"bwhereas", "bproposal", "bhereinafter"} & _common_words()


# --- guidance about agreements ---------------------------------------------------------------------------------
# Short openings written for these tests in the manner of each kind of text: guidance explains, advises or audits;
# an agreement binds its parties, even where it carries a drafting note.

ANNOTATED_MODEL_AGREEMENT = doc(
    "Annotated Model Grant Agreement",
    "ARTICLE 36 — CONFIDENTIALITY",
    "During the action and for four years after it, the parties must keep confidential any data, documents or "
    "other material that is identified as confidential (see Article 36.1).",
    "Example: A beneficiary that receives a partner's test results marked as confidential may not pass them "
    "to a subcontractor without the partner's consent.",
    "The Commission recommends that beneficiaries record confidential material in the consortium agreement. "
    "For more information on security obligations, see the Online Manual.",
)
DRAFTING_CHECKLIST = doc(
    "Checklist for drafting a research collaboration agreement",
    "This checklist sets out the main points to settle before the parties sign.",
    "You should check that the agreement names every party and the lead contact of each.",
    "It is good practice to agree the ownership of results and background before any work starts.",
    "A collaboration agreement should also say which law governs it and how disputes are resolved.",
    "Key points: liability caps, publication review periods, export control.",
)
CODE_OF_PRACTICE = doc(
    "Data sharing: a code of practice",
    "At a glance",
    "It is good practice to have a data sharing agreement. Data sharing agreements set out the purpose of the "
    "sharing and the roles of the organisations involved.",
    "A data sharing agreement is not mandatory, but it helps you show that you meet your accountability "
    "obligations. You may wish to review it every year.",
    "For further guidance on lawful bases, see the guidance on lawful processing.",
)
AUDIT_REPORT = doc(
    "Audit report: management of cooperative research agreements",
    "This report reviews how two agency laboratories managed their cooperative research agreements between "
    "2019 and 2023.",
    "We found that the laboratories did not always check whether foreign collaborators needed an export "
    "licence before technical data was shared.",
    "The agency should ensure that every agreement is reviewed by its export control officer, and laboratories "
    "should consider a standard export clause.",
)
CLASSIFICATION_GUIDE = doc(
    "Contract Security Classification Specification: Preparation Guide",
    "The purpose of this guide is to help contracting officers complete the specification for classified "
    "contracts.",
    "This guide explains each numbered item of the form. You should complete item 10 when the contractor will "
    "need access to classified information.",
    "Contractors should contact their security office for more information on clearances.",
)
FUNDER_NOTES = doc(
    "Guidance notes on the terms and conditions of research grants",
    "These notes explain the conditions that apply to every grant we award.",
    "Guidance note 4: intellectual property. Research organisations should agree arrangements for the "
    "ownership of results with their collaborators before the grant starts.",
    "Guidance note 5: publication. You will need to acknowledge the funding in every publication.",
    "If you have a question about a condition, please see our frequently asked questions.",
)
AGREEMENT_WITH_NOTES = doc(
    "Research Collaboration Agreement",
    "This Agreement is made on 1 May 2026 between the University and the Company (together the Parties).",
    "WHEREAS the Parties wish to collaborate on the Project; NOW, THEREFORE, the Parties agree as follows:",
    "Note: delete clause 4 if no personal data will be shared.",
    "1. Definitions",
    "Results means all data and software generated in the Project.",
    "2. Confidentiality",
    "Each Party shall keep the other Party's Confidential Information secret. You may wish to add a longer "
    "period for trade secrets (drafting note).",
    "3. Governing Law",
    "This Agreement shall be governed by the laws of England.",
    "IN WITNESS WHEREOF the Parties have signed this Agreement.",
)
MODEL_GRANT_AGREEMENT = doc(
    "GRANT AGREEMENT NUMBER 101000000 — EXAMPLE",
    "This Agreement ('the Agreement') is between the following parties: the funding agency and the "
    "beneficiaries listed in Annex 1.",
    "The parties referred to above have agreed to enter into the Agreement under the terms and conditions "
    "below. By signing the Agreement, the beneficiaries accept the grant and agree to implement it under their "
    "own responsibility.",
    "ARTICLE 1 — SUBJECT OF THE AGREEMENT",
    "This Agreement sets out the rights and obligations and the terms and conditions applicable to the grant.",
    "ARTICLE 2 — CONFIDENTIALITY",
    "The parties must keep confidential any data, documents or other material that is identified as "
    "confidential.",
)
LICENCE = doc(
    "Software Licence",
    "Permission is hereby granted to the Licensee to use, copy and modify the Software, subject to the "
    "following conditions. You must retain this notice in every copy. You may choose to offer support for a "
    "fee. If you are a government agency, the Software is provided with restricted rights.",
    "You should have received a copy of this Licence with the Software. This Licence shall be governed by the "
    "laws of England.",
)
GUIDANCE_SYSTEM_PROPOSAL = doc(
    "Case for Support: Guidance, navigation and control for autonomous surface vessels",
    "Objectives. O1 develop a guidance law robust to sensor loss; O2 test it at sea.",
    "Methodology. Work package 1 designs the guidance system; WP2 builds the navigation filter. The Principal "
    "Investigator leads WP1.",
    "Impact. The project will provide guidance for operators of survey vessels.",
)


@pytest.mark.parametrize(
    "document",
    [
        ANNOTATED_MODEL_AGREEMENT,
        DRAFTING_CHECKLIST,
        CODE_OF_PRACTICE,
        AUDIT_REPORT,
        CLASSIFICATION_GUIDE,
        FUNDER_NOTES,
    ],
    ids=["annotated-model", "checklist", "code-of-practice", "audit", "classification-guide", "funder-notes"],
)
def test_guidance_about_agreements_is_guidance(document: Document) -> None:
    assert classify(document) == "guidance"


@pytest.mark.parametrize(
    "document, expected",
    [
        (AGREEMENT_WITH_NOTES, "agreement"),
        (MODEL_GRANT_AGREEMENT, "agreement"),
        (MOU, "agreement"),
        (NDA, "agreement"),
        (SHORT_AGREEMENT, "agreement"),
        (GUIDANCE_SYSTEM_PROPOSAL, "proposal"),
    ],
    ids=["notes", "model-grant", "mou", "nda", "short", "guidance-system"],
)
def test_agreements_and_proposals_are_not_guidance(document: Document, expected: str) -> None:
    assert classify(document) == expected


def test_second_person_licence_is_not_guidance() -> None:
    """A licence speaks to "you" and lets you choose; it does not advise: not guidance."""
    assert classify(LICENCE) != "guidance"
    assert scores(LICENCE)["guidance"] < scores(FUNDER_NOTES)["guidance"]


def test_an_agreement_keeps_its_type_with_a_few_explanatory_notes() -> None:
    """The notes add guidance evidence, but the agreement's own evidence leads by the margin."""
    s = scores(AGREEMENT_WITH_NOTES)
    assert s["guidance"] > 0
    assert s["agreement"] >= load_cues().margin * s["guidance"]


def test_guidance_title_alone_does_not_make_guidance() -> None:
    """The title names a guide, but a text that only gives guidance in passing is not one."""
    text = doc(
        "Improving guidance for clinicians on antibiotic prescribing",
        "We will interview clinicians in twelve practices and analyse prescribing records.",
    )
    assert classify(text) != "guidance"


def test_guidance_is_one_of_the_types_and_scored() -> None:
    assert "guidance" in DOCUMENT_TYPES and "guidance" in doctype.SCORED
    assert set(doctype.SCORED) | {"other"} == set(DOCUMENT_TYPES)
    assert set(doctype.NOT_BINDING) < set(DOCUMENT_TYPES) and "agreement" not in doctype.NOT_BINDING


def test_checklist_document_types_are_known_types() -> None:
    """Every document type a checklist question applies to is one ``classify`` can return."""
    from grantscan.triage import load_checklist

    for q in load_checklist().questions:
        assert set(q.applies_to or ()) <= set(DOCUMENT_TYPES), q.id


# --- what the type changes: clauses in guidance are declarations ------------------------------------------------


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201 - spacy.Language
    spacy = pytest.importorskip("spacy")
    n = spacy.blank("en")
    n.add_pipe("sentencizer")
    return n


def _clauses(nlp, document: Document, earlier: list | None = None) -> list:  # noqa: ANN001
    from grantscan.config import Config
    from grantscan.detect.clauses.detector import ClauseDetector

    det = ClauseDetector(nlp, Config())
    det.begin(document, classify(document))
    found = []
    for i, b in enumerate(document.blocks):
        found += det.find(nlp(b.text), b, i)
    return det.finalize(document, found, list(earlier or []))


def _quantum() -> Finding:
    return Finding(
        rule_id="quantum-x",
        category="quantum",
        text="quantum sensing",
        context="...",
        location=Location(line=2),
        confidence=0.8,
    )


EXPORT_SENTENCE = "The Collaborator shall comply with all export control laws and regulations."


def test_clause_sentences_in_guidance_are_declarations_with_their_clause_id(nlp) -> None:  # noqa: ANN001
    from grantscan.knowledge.taxonomy import CLAUSE_CATEGORIES

    guide = doc(*[b.text for b in DRAFTING_CHECKLIST.blocks], f"Example: '{EXPORT_SENTENCE}'")
    assert classify(guide) == "guidance"
    found = [f for f in _clauses(nlp, guide) if f.category in CLAUSE_CATEGORIES]
    assert found, "the export sentence is still read"
    assert all(f.kind == "declaration" for f in found)
    assert "clause-export" in {f.category for f in found}
    assert any("guidance" in r for f in found for r in f.reasons)
    # the same sentence in an agreement is a finding
    agreement = doc(*[b.text for b in AGREEMENT_WITH_NOTES.blocks], EXPORT_SENTENCE)
    assert classify(agreement) == "agreement"
    assert any(f.category == "clause-export" and f.kind == "finding" for f in _clauses(nlp, agreement))


def test_guidance_gets_no_missing_export_clause(nlp) -> None:  # noqa: ANN001
    """Guidance about agreements binds no one: a missing export clause is an agreement's risk only."""
    assert classify(AUDIT_REPORT) == "guidance"
    assert not any(f.category == "clause-export-missing" for f in _clauses(nlp, AUDIT_REPORT, [_quantum()]))
    assert any(
        f.category == "clause-export-missing" for f in _clauses(nlp, AGREEMENT_WITH_NOTES, [_quantum()])
    )


def test_a_scanned_guide_is_reported_as_guidance_with_clause_declarations() -> None:
    """Through the whole scan: the type is recorded and shown, clause sentences stay declarations, and the
    guide adds no clause risk to the score."""
    from grantscan.config import Config
    from grantscan.knowledge.taxonomy import CLAUSE_CATEGORIES
    from grantscan.model import ScanResult
    from grantscan.pipeline import Scanner
    from grantscan.report.markdown import render_markdown
    from grantscan.report.text import render_text

    text = "\n\n".join(b.text for b in DRAFTING_CHECKLIST.blocks) + f"\n\nExample: '{EXPORT_SENTENCE}'"
    result = Scanner(Config(cache=False)).scan_text(text, "checklist.txt")
    assert result.status == "ok" and result.document_type == "guidance"
    clauses = [f for f in result.findings if f.category in CLAUSE_CATEGORIES]
    assert clauses and all(f.kind == "declaration" for f in clauses)
    assert not any(f.category == "clause-export-missing" for f in result.findings)
    # the type is shown: the reports name it once more than the same result typed "other"
    shown, other = ScanResult([result]), ScanResult([replace(result, document_type="other")])
    for render in (lambda r: render_text(r, color=False, width=120), render_markdown):
        assert render(shown).count("guidance") > render(other).count("guidance")


def test_technology_evidence_reads_guidance_as_other() -> None:
    """Guidance has no document-type feature of its own in the evidence model: its technology findings weigh as
    in an unclassified text (an agreement's feature was measured worse on guidance rows)."""
    from grantscan.detect import Detector
    from grantscan.knowledge.taxonomy import CLAUSE_CATEGORIES

    text = doc(
        "Guidance on export control for collaborative research",
        "Example: a project that will develop quantum computing hardware and hypersonic propulsion for missiles "
        "with a defence partner needs an export licence.",
    )
    detector = Detector()

    def technology(doctype: str) -> list[tuple[str, float]]:
        found = detector.detect(text, doctype)
        return sorted(
            (f.category, f.confidence)
            for f in found
            if f.kind == "finding" and f.category not in CLAUSE_CATEGORIES and f.category != "country"
        )

    as_guidance = technology("guidance")
    assert as_guidance, "the mentions are read"
    assert as_guidance == technology("other")
    assert as_guidance != technology("agreement")


# -- documents at the edge: an agreement's section quoted alone, a proposal quoting agreement terms ---------------

RESEARCH_USE_SECTION = doc(
    "2. Research Use 2.1. The Requester agrees that, once access is approved, the Principal Investigator named "
    "in the proposal and the research staff working on the proposed research project shall become Approved Users "
    "of the dataset. 2.2. Research use will occur only in connection with the research project described in the "
    "proposal. 2.3. Investigators who wish to use cloud computing for the research project must ask permission in "
    "the request and name the provider. 2.4. New uses of the data outside the approved research project require a "
    "new request, with a new research proposal and its objectives."
)
SOLICITATION_PROVISION = doc(
    "Release of proposal information (a) Offerors are hereby notified that the Agency may be required to release "
    "data contained in a proposal under freedom of information law. (b) By submitting a proposal in response to "
    "this call: (1) the offeror acknowledges that the Agency may not be able to withhold the proposal; (2) the "
    "offeror agrees that the Agency is not liable for the release of the proposal where the law requires it. The "
    "Agency's decision to withhold or release a record will rest on the circumstances of the data in question and "
    "on whether the data may be exempted from release under that law. To the extent permitted by law, the Agency "
    "will notify the offeror before it releases restricted data, and the offeror may object in writing within ten "
    "working days. The proposal, its objectives, methodology and work packages remain the offeror's, and marking "
    "a page of the proposal as restricted does not by itself keep it from release."
)
PROPOSAL_QUOTING_TERMS = doc(
    "Case for Support: Secure sharing of clinical imaging data",
    "Objectives. We will build a federated pipeline for clinical images; our approach keeps the data on site.",
    "Methodology. Work package 1 designs the pipeline; WP2 evaluates it with the partner hospitals. The Principal "
    "Investigator leads WP1.",
    "Data access. The hospitals' data access agreement applies: the Recipient shall keep the images confidential "
    "and each Recipient agrees not to re-identify any patient. Our team will follow these terms.",
    "Impact. The state of the art in privacy-preserving imaging will move forward; we will publish our results.",
)


@pytest.mark.parametrize("section", [RESEARCH_USE_SECTION, SOLICITATION_PROVISION])
def test_an_agreement_section_quoted_alone_is_not_a_proposal(section: Document) -> None:
    """Parties bound by operative language ("The Requester agrees that", "the offeror acknowledges") make the
    section contract text; the proposal words it quotes ("the proposed research project", "the proposal") are its
    subject matter, not a proposal, where no proposer speaks ("we", "our")."""
    s = scores(section)
    assert s["proposal"] == 0.0
    assert classify(section) != "proposal"


def test_a_solicitation_provision_binding_the_offeror_is_an_agreement() -> None:
    assert classify(SOLICITATION_PROVISION) == "agreement"


def test_a_proposal_quoting_agreement_terms_stays_a_proposal() -> None:
    """The proposer's own voice keeps the proposal evidence: quoted terms add agreement evidence, not the type."""
    s = scores(PROPOSAL_QUOTING_TERMS)
    assert s["proposal"] > 0 and s["agreement"] > 0
    assert classify(PROPOSAL_QUOTING_TERMS) == "proposal"


def test_a_party_as_a_noun_of_description_is_not_contract_form() -> None:
    """A role noun with a verb that binds no one ("the partners will meet") adds nothing."""
    text = doc(
        "Project plan. The partners will meet every month and the investigators report to the board.",
        "Each partner leads one work package; the coordinator organises the kick-off.",
    )
    assert scores(text)["agreement"] == 0.0


@pytest.mark.parametrize(
    "old, new, needle, message",
    [
        ("  points: 3\n  cap: 2", "  points: 3\n  cap: two", "cap: two", "'cap' must be a whole number"),
        (
            "  proposal_voice: '(?i)",
            "  proposal_voice: '(?i)(",
            "proposal_voice: '(?i)(",
            "bad regular expression",
        ),
        ("  points: 3\n  cap: 2", "  points: 3\n  cap: 2\n  bonus: 1", "bonus: 1", "unknown key 'bonus'"),
    ],
)
def test_bad_contract_section_gives_one_line_error_with_file_and_line(
    tmp_path: Path, old: str, new: str, needle: str, message: str
) -> None:
    p = _pack(tmp_path, old, new)
    with pytest.raises(PackError) as err:
        load_cues(p)
    assert str(err.value).startswith(f"{p}:{_line_of(p, needle)}: ")
    assert message in str(err.value)
