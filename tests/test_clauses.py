"""Agreement clause detection, clause sections and clause-risk findings."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest
import spacy

from grantscan.config import Config
from grantscan.detect.clauses import (
    CLAUSE_CATEGORIES,
    ClauseDetector,
    ClausePack,
    load_pack,
    risk_rule_ids,
    section_at,
)
from grantscan.detect.doctype import MAX_CHARS, classify
from grantscan.knowledge.loader import PackError
from grantscan.knowledge.resources import patterns_dir
from grantscan.model import Document, Finding, Location, TextBlock

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")


def run(nlp: spacy.Language, doc: Document, extra: list[Finding] | None = None) -> list[Finding]:
    """Run the detector the way the orchestrator does: find per block, then finalize."""
    det = ClauseDetector(nlp, Config())
    det.begin(doc, classify(doc))
    found: list[Finding] = []
    for i, b in enumerate(doc.blocks):
        found += det.find(nlp(b.text.replace("\n", " ")), b, i)
    return det.finalize(doc, found, list(extra or []))


def text_doc(*paras: str, path: str = "doc.txt") -> Document:
    blocks, line = [], 1
    for p in paras:
        blocks.append(TextBlock(p, Location(line=line, column=1)))
        line += p.count("\n") + 2
    return Document(path=path, format="text", blocks=blocks)


AGREEMENT_HEAD = (
    "RESEARCH COLLABORATION AGREEMENT",
    "This Agreement is made on 1 March 2025 between the University and the Sponsor (together the Parties).",
    "WHEREAS the Parties wish to collaborate on the Project.",
    "NOW, THEREFORE, the Parties agree as follows:",
)
AGREEMENT_TAIL = ("IN WITNESS WHEREOF the Parties have signed this Agreement.",)


def agreement(*clauses: str) -> Document:
    return text_doc(*AGREEMENT_HEAD, *clauses, *AGREEMENT_TAIL, path="agreement.txt")


def cats(findings: list[Finding]) -> set[str]:
    return {f.category for f in findings if f.kind == "finding" and f.category in CLAUSE_CATEGORIES}


def declared(found: list[Finding]) -> set[str]:
    """The categories shown as declarations (form questions, denials), never counted."""
    return {f.category for f in found if f.kind == "declaration"}


def assert_clause_only_in_agreement(
    nlp: spacy.Language, title: str, objectives: str, line: str, sentence: str, category: str
) -> None:
    """``sentence`` in a proposal (its ``title``, ``objectives`` and a ``line`` holding it) is no clause; the same
    words as a term of an agreement are a clause of ``category``."""
    impact = "Impact: the research will inform state-of-the-art methodology for the research community."
    assert cats(run(nlp, text_doc(title, objectives, line, impact))) == set()
    assert category in cats(run(nlp, agreement(sentence)))


# --- the pack ---------------------------------------------------------------------------------------


def test_pack_examples_all_behave(nlp: spacy.Language) -> None:
    pack = load_pack()
    det = ClauseDetector(nlp, Config(), pack)
    failures = []
    for rule in pack.rules:
        for sentence in rule.examples.get("match", []):
            got = det.find_block(None, TextBlock(sentence, Location(line=1)), 0)
            if not any(f.rule_id == rule.id for f in got):
                failures.append(f"{rule.id} missed: {sentence}")
        for sentence in rule.examples.get("no_match", []):
            got = det.find_block(None, TextBlock(sentence, Location(line=1)), 0)
            if any(f.rule_id == rule.id and f.kind == "finding" for f in got):
                failures.append(f"{rule.id} false match: {sentence}")
    for risk in pack.risks:
        for sentence in risk.examples.get("match", []):
            if not risk.patterns.search(sentence):
                failures.append(f"{risk.id} missed: {sentence}")
        for sentence in risk.examples.get("no_match", []):
            if risk.patterns.search(sentence):
                failures.append(f"{risk.id} false match: {sentence}")
    assert not failures, "\n".join(failures)
    assert {r.category for r in pack.rules} == set(CLAUSE_CATEGORIES)


def _write_pack(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "clauses.yaml"
    p.write_text("operative: ['\\bshall\\b']\nparties: ['Party']\n" + body, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    "body, line, message",
    [
        (
            "rules:\n  - id: x\n    category: clause-ip\n    patterns: ['a']\n    trems: ['b']\n",
            7,
            "unknown key 'trems'",
        ),
        ("rules:\n  - id: x\n    category: clause-nope\n    patterns: ['a']\n", 5, "unknown category"),
        ("rules:\n  - id: x\n    category: clause-ip\n    patterns: ['(unclosed']\n", 6, "bad regex"),
        ("rules:\n  - id: x\n    category: clause-ip\n", 4, "needs 'strong' or 'patterns'"),
    ],
)
def test_invalid_pack_names_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = _write_pack(tmp_path, body)
    with pytest.raises(PackError) as e:
        load_pack(path)
    assert str(e.value).startswith(f"{path}:{line}:")
    assert message in str(e.value)


def test_shipped_pack_is_found() -> None:
    assert (patterns_dir() / "clauses.yaml").is_file()
    assert {
        "clause-law-non-uk",
        "clause-export-missing",
        "clause-ip-assignment",
        "clause-publication-veto",
        "clause-security-foreign-access",
    } <= risk_rule_ids()


# --- one test per clause type, with sentences that are not the pack's own examples ------------------

CLAUSES = [
    (
        "clause-export",
        "Each Party shall comply with the Export Control Order 2008 and shall not transfer "
        "controlled technology without a licence.",
    ),
    ("clause-export", "The Collaborator will not re-export any deliverable to a restricted end user."),
    ("clause-ip", "The Sponsor shall own all Foreground IP generated in the course of the Project."),
    (
        "clause-ip",
        "The University hereby grants the Company a worldwide, royalty-free licence to use the "
        "Background for research purposes.",
    ),
    (
        "clause-publication",
        "The Sponsor may require the University to postpone publication for up to six "
        "months to protect patentable results.",
    ),
    (
        "clause-data",
        "The Recipient shall process personal data only on documented instructions and shall "
        "not transfer it to a third country.",
    ),
    (
        "clause-confidentiality",
        "The Receiving Party shall hold the Discloser's information in strict "
        "confidence for five years after termination.",
    ),
    (
        "clause-law",
        "This Agreement and any dispute arising from it shall be governed by the laws of England and Wales.",
    ),
    (
        "clause-liability",
        "Neither Party shall be liable to the other for any loss of profit or consequential loss.",
    ),
    (
        "clause-security",
        "All staff working on the Project must have been vetted to SC level before "
        "accessing the Sponsor's site.",
    ),
]


@pytest.mark.parametrize("category, sentence", CLAUSES)
def test_clause_type_detected_in_agreement(nlp: spacy.Language, category: str, sentence: str) -> None:
    found = run(nlp, agreement(sentence))
    hits = [f for f in found if f.category == category and f.kind == "finding"]
    assert hits, f"{category} not found in: {sentence}"
    assert hits[0].context.startswith(sentence[:30])
    assert hits[0].confidence >= 0.75
    assert hits[0].block_index == len(AGREEMENT_HEAD)


FALSE_FRIENDS = [
    "The Parties undertake to cooperate to allow the timely examination and defence of any dissertation "
    "or thesis.",
    "CONFIDENTIAL - Draft proposal v3 - page 4",
    "We collected survey data from 400 households and the data were analysed in Stata.",
    "The exporter surveys cover food exports and the law of supply and demand.",
    "Our liability-driven investment model is a chapter of the thesis.",
    "Security of supply in energy markets is the focus of work package 2.",
    "We will publish all results in open-access journals and present at conferences.",
]


@pytest.mark.parametrize("sentence", FALSE_FRIENDS)
def test_false_friends_give_no_clause(nlp: spacy.Language, sentence: str) -> None:
    assert cats(run(nlp, text_doc(sentence))) == set()


# Sentences written for the tests (not from the pack or the labelled corpus): contract clauses must
# give exactly their categories, proposal and research sentences none, even in a one-sentence text.
SENTENCES = [
    (
        "The Licensee shall not export the Software to any country subject to a UK or UN embargo.",
        ["clause-export"],
    ),
    (
        "Each party will comply with the US Export Administration Regulations and OFAC sanctions.",
        ["clause-export"],
    ),
    (
        "The Company shall be responsible for obtaining any export licences needed for the Materials.",
        ["clause-export"],
    ),
    (
        "Neither party shall export, re-export or transfer Controlled Technology without authorisation.",
        ["clause-export"],
    ),
    (
        "All Arising IP shall be owned by the Funder, and the University shall execute all documents needed to perfect such assignment.",
        ["clause-ip"],
    ),
    (
        "The University grants the Sponsor an option to negotiate an exclusive licence to the Arising Intellectual Property.",
        ["clause-ip"],
    ),
    ("Each Party retains ownership of its Background Intellectual Property.", ["clause-ip"]),
    (
        "The Researcher must submit any proposed publication to the Company at least 30 days before submission.",
        ["clause-publication"],
    ),
    (
        "No publication relating to the Project may be made without the written approval of the Ministry.",
        ["clause-publication"],
    ),
    (
        "The Institution shall not publish or present Project results without the Sponsor's consent.",
        ["clause-publication"],
    ),
    (
        "The Collaborator shall process Personal Data in accordance with the Data Protection Act 2018.",
        ["clause-data"],
    ),
    ("The Data shall be stored on servers located in the People's Republic of China.", ["clause-data"]),
    (
        "The Receiving Party shall use the Confidential Information solely for the Purpose.",
        ["clause-confidentiality"],
    ),
    (
        "The obligations of confidentiality shall survive termination of this Agreement indefinitely.",
        ["clause-confidentiality"],
    ),
    (
        "Any dispute shall be finally settled by arbitration under the Rules of the Singapore International Arbitration Centre.",
        ["clause-law"],
    ),
    (
        "This Agreement shall be subject to the exclusive jurisdiction of the courts of Hong Kong.",
        ["clause-law"],
    ),
    ("The Sponsor's total liability under this Agreement shall not exceed £50,000.", ["clause-liability"]),
    (
        "The Materials are provided as is and without any warranty of merchantability or fitness for a particular purpose.",
        ["clause-liability"],
    ),
    (
        "The Partner shall indemnify the University against all claims arising from breach of export control laws.",
        ["clause-export", "clause-liability"],
    ),
    (
        "Personnel assigned to the Project shall be nationals of the Sponsor's country only.",
        ["clause-security"],
    ),
    (
        "The Contractor shall report to the Sponsor any contact with officials of a foreign government.",
        ["clause-security"],
    ),
    (
        "The Collaborator shall permit representatives of the Ministry of State Security to inspect the laboratory.",
        ["clause-security"],
    ),
    (
        "Work under this contract involves access to information classified SECRET; staff must hold DV clearance.",
        ["clause-security"],
    ),
    ("We will use data from the UK Biobank, accessed under its standard data access agreement.", []),
    ("The confidentiality of participants will be protected by pseudonymisation.", []),
    (
        "The project will examine the law of the sea and maritime jurisdiction disputes in the South China Sea.",
        [],
    ),
    ("Our results will be published in high-impact journals and presented at international conferences.", []),
    ("We will develop new liability models for autonomous vehicle insurance.", []),
    ("Graphene exports from China have grown rapidly, which this study will analyse.", []),
    ("The security of IoT devices against side-channel attacks is the focus of this PhD.", []),
    ("Students must attend the security induction before accessing the cleanroom.", []),
    ("Intellectual property generated will be managed by UCL Business in line with university policy.", []),
    ("A warranty claims dataset from an automotive partner will be analysed with survival models.", []),
    ("This studentship is funded by EPSRC; the student must be eligible for home fees.", []),
    ("The indemnity insurance market is the subject of the second chapter of the thesis.", []),
    ("Applicants must hold a first-class degree; international students are welcome to apply.", []),
    ("Foreign direct investment in Africa and its effect on governance are the research focus.", []),
    ("The system detects personal data leaks in mobile apps.", []),
    ("The Consortium partners will share anonymised data through a secure repository hosted in Germany.", []),
    (
        "Our industrial Partner, BAE Systems, will provide access to test data under a non-disclosure agreement.",
        ["clause-confidentiality"],
    ),
    ("The Company must approve any changes to the experimental protocol.", []),
    ("All researchers must complete GDPR training before handling interview transcripts.", []),
    ("Publications will acknowledge the funder, and open access costs are included in the budget.", []),
    (
        "The Institution must ensure that the research is conducted in line with the UKRI Trusted Research guidance.",
        [],
    ),
    ("The student will work with the Company on export forecasting for agricultural goods.", []),
    ("We study liability regimes for AI systems and how courts of appeal interpret them.", []),
    ("Data must be deposited in the UK Data Service within three months of the end of the award.", []),
    (
        "The PI will ensure confidentiality of interview data and will not disclose participant identities.",
        [],
    ),
    (
        "Partners in Russia will provide samples, and results may not be shared with third parties without approval.",
        [],
    ),
    ("The licence for the simulation software costs £2,000 per year.", []),
    (
        "The University's IP policy applies and any spin-out will be supported by the technology transfer office.",
        [],
    ),
    ("This PhD will investigate security clearance processes in the UK civil service.", []),
    ("Foreign nationals make up 40% of the UK engineering workforce, a trend this project studies.", []),
    ("The Parties shall meet quarterly to review progress.", []),
    ("The Sponsor shall pay the University £120,000 in four instalments.", []),
    ("The Licensee shall pay royalties of 3% of Net Sales.", ["clause-ip"]),
    ("The Recipient shall not attempt to re-identify any individual from the Data.", ["clause-data"]),
    ("Either Party may terminate this Agreement on 90 days written notice.", []),
    (
        "The Collaborator shall ensure that only persons approved by the Sponsor have access to the Facility.",
        ["clause-security"],
    ),
    (
        "Nothing in this Agreement shall restrict the University from publishing the results of the Project, subject to clause 8.",
        ["clause-publication"],
    ),
    ("Applicants must state whether the research is subject to export controls.", []),
    ("The candidate must be willing to travel to partner sites in Japan and Korea.", []),
    ("The Funder reserves the right to publish a summary of funded projects on its website.", []),
    ("Results shall be disseminated through open-access publications and the project website.", []),
    ("The student must comply with the University's policies on data management and research integrity.", []),
    (
        "All team members must sign the lab's safety declaration; confidentiality of patient data is paramount.",
        [],
    ),
    ("Dr Smith has published widely on the law of armed conflict and international arbitration.", []),
    ("The project must deliver a prototype by month 18 and a final report to the Sponsor.", []),
    (
        "Any Arising IP will be jointly owned by the Parties in proportion to their contributions.",
        ["clause-ip"],
    ),
    (
        "The Client acknowledges that the Deliverables are subject to the export control laws of the United States.",
        ["clause-export"],
    ),
    ("Each Party shall treat the terms of this Agreement as confidential.", ["clause-confidentiality"]),
    (
        "The Supplier shall not, without the Customer's consent, transfer any Customer Data outside the European Economic Area.",
        ["clause-data"],
    ),
    ("The laws of Switzerland shall govern this Agreement.", ["clause-law"]),
    ("This Agreement shall be interpreted under the laws of the State of Israel.", ["clause-law"]),
    ("In no event shall either Party be liable for lost profits.", ["clause-liability"]),
    (
        "The University shall give the Sponsor a copy of any proposed paper 60 days before submission; the Sponsor may require deletion of its Confidential Information.",
        ["clause-confidentiality", "clause-publication"],
    ),
    (
        "The Contractor shall ensure that no employee who is a citizen of a Restricted Country has access to the Technical Data.",
        ["clause-security"],
    ),
    (
        "The Collaborator shall disclose to the Sponsor any funding it receives from a foreign government.",
        ["clause-security"],
    ),
]


@pytest.mark.parametrize("sentence, expected", SENTENCES)
def test_sentence_gives_exactly_its_clause_categories(
    nlp: spacy.Language, sentence: str, expected: list[str]
) -> None:
    assert cats(run(nlp, text_doc(sentence))) == set(expected)


def test_section_name_alone_is_not_a_clause(nlp: spacy.Language) -> None:
    toc = text_doc(
        "Table of Contents",
        "Section 5: Liability towards each other ........ 8",
        "Section 10: Non-disclosure of information ....... 20",
        "11.7 Applicable law ....... 22",
    )
    assert cats(run(nlp, toc)) == set()


def test_proposal_describing_terms_gets_no_clause_findings(nlp: spacy.Language) -> None:
    proposal = text_doc(
        "Research Proposal: Quantum sensors for navigation",
        "Objectives and methodology. The Principal Investigator will lead work package 1.",
        "Work package 2 delivers the prototype; milestones and deliverables are listed below.",
        "The consortium agreement shall set out that personal data must be stored in the UK and that "
        "the Sponsor shall not publish results without approval.",
        "Impact: the research will inform state-of-the-art methodology for the research community.",
    )
    found = run(nlp, proposal)
    assert cats(found) == set()
    # the same clause sentence in an agreement is a finding
    assert "clause-data" in cats(run(nlp, agreement(proposal.blocks[3].text)))


def test_single_operative_clause_is_not_marked_down(nlp: spacy.Language) -> None:
    s = "Disputes shall be resolved by the courts of New York under New York law."
    assert classify(text_doc(s)) == "other"
    short = [f for f in run(nlp, text_doc(s)) if f.rule_id == "clause-governing-law"]
    full = [f for f in run(nlp, agreement(s)) if f.rule_id == "clause-governing-law"]
    assert short and full
    # a clause in contract form is itself evidence of an agreement: no x0.8 for a short extract
    assert short[0].confidence == load_pack().rules[5].confidence == 0.85
    assert not any("x0.8" in r for r in short[0].reasons)
    assert short[0].confidence < full[0].confidence  # a recognised agreement still weighs more


def test_unclassified_text_without_contract_form_is_marked_down(nlp: spacy.Language) -> None:
    # only the heading makes this an arbitration clause: no operative verb, no party, no contract phrase
    found = [
        f
        for f in run(nlp, text_doc("Dispute Resolution", "Arbitration in Paris, in French."))
        if f.rule_id == "clause-governing-law"
    ]
    assert found and found[0].confidence == round((0.85 + 0.1) * 0.8, 3)
    assert any("x0.8" in r for r in found[0].reasons)


def test_disabled_categories_are_not_reported(nlp: spacy.Language) -> None:
    text = (
        "The Recipient shall comply with export control laws and shall keep Confidential Information secret."
    )
    det = ClauseDetector(nlp, Config(categories=["clause-export"]))
    found = det.find_block(None, TextBlock(text, Location(line=1)), 0)
    assert {f.category for f in found} == {"clause-export"}


def test_form_question_is_a_declaration(nlp: spacy.Language) -> None:
    q = "Does the project require access to classified information or security-cleared staff? No."
    found = ClauseDetector(nlp, Config()).find_block(None, TextBlock(q, Location(line=1)), 0)
    assert found and all(f.kind == "declaration" for f in found)
    assert "clause-security" in {f.category for f in found}


def test_space_less_pdf_text_still_matches(nlp: spacy.Language) -> None:
    squashed = (
        "Article9.GoverningLaw\nThis Agreement shallbegovernedbyandconstruedinaccordancewiththelawsof"
        "theStateof\nCalifornia."
    )
    found = run(nlp, agreement(squashed))
    law = [f for f in found if f.rule_id == "clause-governing-law"]
    assert law and law[0].location.section.startswith("Article 9")
    risk = [f for f in found if f.rule_id == "clause-law-non-uk"]
    assert risk and risk[0].country_code == "US"


# --- sections ---------------------------------------------------------------------------------------


def test_section_from_heading_block(nlp: spacy.Language) -> None:
    found = run(
        nlp,
        agreement(
            "7.2 Export Control",
            "The Collaborator shall comply with all export control laws and regulations.",
        ),
    )
    f = next(f for f in found if f.category == "clause-export")
    assert f.location.section == "7.2 Export Control"
    assert f.location.line is not None


def test_section_from_numbered_paragraph_inside_a_block(nlp: spacy.Language) -> None:
    block = (
        "Article 8. General Conditions\n"
        "1. Financial Contribution: funds depend on availability.\n"
        "8. Indemnification: The Company will hold harmless, defend and indemnify IU against all claims."
    )
    found = run(nlp, agreement(block))
    f = next(f for f in found if f.category == "clause-liability")
    assert f.location.section == "8 Indemnification"
    assert f.location.line == text_doc(*AGREEMENT_HEAD, block).blocks[-1].location.line + 2


def test_section_helper_prefers_nearest_heading() -> None:
    text = "Section 4: Liability\nsome words\n4.2 Limits\nNeither Party shall be liable."
    assert section_at(text, text.index("Neither")) == "4.2 Limits"
    assert section_at("no heading here", 3) is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("7.2 Export Control", "7.2 Export Control"),
        ("Article 9. Governing Law", "Article 9 Governing Law"),
        ("Article9.GoverningLaw", "Article 9 GoverningLaw"),
        ("## 4. Confidentiality", "4 Confidentiality"),
        ("11.7.Ti=Applicable law", "11.7 Applicable law"),
        ("Section 5: Liability towards each other ....... 8", "Section 5 Liability towards each other"),
        ("3. The Partners agree that they will cooperate closely on all matters.", "3"),
        ("12 months after the end of the Project", None),
        ("2023 results were strong", None),
    ],
)
def test_heading_forms(line: str, expected: str | None) -> None:
    assert section_at(line, len(line)) == expected


def test_docx_section_is_kept(nlp: spacy.Language) -> None:
    b = TextBlock(
        "The Recipient shall keep the Confidential Information secret.",
        Location(part="body", paragraph=12, section="Confidentiality"),
    )
    doc = Document(
        "a.docx",
        "docx",
        [TextBlock(t, Location(part="body", paragraph=i)) for i, t in enumerate(AGREEMENT_HEAD)] + [b],
    )
    f = next(f for f in run(nlp, doc) if f.category == "clause-confidentiality")
    assert f.location.section == "Confidentiality"
    assert f.location.paragraph == 12


# --- risk findings ----------------------------------------------------------------------------------


def risks(found: list[Finding]) -> dict[str, Finding]:
    return {f.rule_id: f for f in found if f.rule_id in risk_rule_ids()}


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("This Agreement shall be governed by the laws of the People's Republic of China.", "CN"),
        ("The courts of Moscow shall have exclusive jurisdiction over any dispute.", "RU"),
        (
            "This Agreement is governed by the laws of Belgium and the courts of Brussels have exclusive "
            "jurisdiction.",
            "BE",
        ),
    ],
)
def test_non_uk_law_is_a_risk(nlp: spacy.Language, sentence: str, code: str) -> None:
    r = risks(run(nlp, agreement(sentence)))
    assert "clause-law-non-uk" in r
    assert r["clause-law-non-uk"].country_code == code
    assert code in r["clause-law-non-uk"].text
    assert r["clause-law-non-uk"].category == "clause-law"


def test_uk_law_is_not_a_risk_but_is_recorded(nlp: spacy.Language) -> None:
    found = run(nlp, agreement("This Agreement shall be governed by English law."))
    assert "clause-law-non-uk" not in risks(found)
    law = next(f for f in found if f.rule_id == "clause-governing-law")
    assert law.country_code == "GB"


def test_ip_assignment_is_a_risk(nlp: spacy.Language) -> None:
    r = risks(
        run(
            nlp,
            agreement(
                "The University shall assign all right, title and interest in the Results to the Sponsor."
            ),
        )
    )
    assert "clause-ip-assignment" in r
    plain = risks(
        run(
            nlp,
            agreement("Each Party shall own the Results it generates; Background IP remains with its owner."),
        )
    )
    assert "clause-ip-assignment" not in plain


@pytest.mark.parametrize(
    "sentence, veto",
    [
        (
            "The University shall not publish any results without the prior written consent of the Sponsor.",
            True,
        ),
        ("The Sponsor may delay publication by up to 18 months to file patent applications.", True),
        ("The Sponsor may delay publication by up to 90 days to file patent applications.", False),
    ],
)
def test_publication_veto_or_long_delay(nlp: spacy.Language, sentence: str, veto: bool) -> None:
    found = run(nlp, agreement(sentence))
    assert "clause-publication" in cats(found)
    assert ("clause-publication-veto" in risks(found)) is veto


def test_foreign_access_is_a_risk(nlp: spacy.Language) -> None:
    r = risks(
        run(
            nlp,
            agreement(
                "The Contractor shall ensure that no foreign government has access to the Project data."
            ),
        )
    )
    assert r["clause-security-foreign-access"].severity == "high"


def tech(category: str = "quantum") -> Finding:
    return Finding(
        rule_id=f"{category}-x",
        category=category,
        text="quantum sensing",
        context="...",
        location=Location(line=3),
        confidence=0.8,
    )


def test_missing_export_clause_with_controlled_technology(nlp: spacy.Language) -> None:
    doc = agreement("The Sponsor shall own all Foreground IP.")
    r = risks(run(nlp, doc, [tech()]))
    miss = r["clause-export-missing"]
    assert miss.location == doc.blocks[0].locate(0, 0)
    # its own category: neither a technology positive nor a present clause-export
    assert miss.category == "clause-export-missing"
    assert miss.kind == "finding" and miss.severity == "medium"
    assert "quantum" in miss.context


def test_no_missing_export_finding_when_clause_present_or_not_agreement(nlp: spacy.Language) -> None:
    with_clause = agreement("The Collaborator shall comply with all export control laws and regulations.")
    assert "clause-export-missing" not in risks(run(nlp, with_clause, [tech()]))
    assert "clause-export-missing" not in risks(
        run(nlp, agreement("The Sponsor shall own all Foreground IP."))
    )
    short = text_doc("The Sponsor shall own all Foreground IP.")
    assert "clause-export-missing" not in risks(run(nlp, short, [tech()]))


# --- files ------------------------------------------------------------------------------------------


def _extract(path: Path) -> Document:
    from grantscan.extract import extract

    try:
        return extract(path)
    except ImportError as e:  # a reader for this format is not available in this build
        pytest.skip(f"no reader for {path.suffix}: {e}")


def test_markdown_agreement_file(nlp: spacy.Language, tmp_path: Path) -> None:
    p = tmp_path / "nda.md"
    p.write_text(
        "# Mutual Non-Disclosure Agreement\n\nThis Agreement is made between the Parties.\n\n"
        "## 3. Confidentiality\n\nThe Receiving Party shall not disclose Confidential Information "
        "to any third party.\n\n## 9. Governing Law\n\nThis Agreement is governed by the laws of "
        "Singapore.\n\nIN WITNESS WHEREOF the Parties have signed.\n",
        encoding="utf-8",
    )
    found = run(nlp, _extract(p))
    assert {"clause-confidentiality", "clause-law"} <= cats(found)
    law = next(f for f in found if f.rule_id == "clause-law-non-uk")
    assert law.country_code == "SG"
    conf = next(f for f in found if f.category == "clause-confidentiality")
    assert conf.location.line == 7


def test_docx_agreement_file(nlp: spacy.Language, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("Data Sharing Agreement", 0)
    d.add_paragraph("This Agreement is entered into between the Provider and the Recipient (the Parties).")
    d.add_paragraph("WHEREAS the Provider holds a collection of images.")
    d.add_heading("4. Export Control", 1)
    d.add_paragraph(
        "The Recipient shall not export the Data in violation of the US Export Administration Regulations."
    )
    d.add_paragraph("IN WITNESS WHEREOF the Parties have executed this Agreement.")
    p = tmp_path / "dsa.docx"
    d.save(p)
    found = run(nlp, _extract(p))
    exp = next(f for f in found if f.category == "clause-export")
    assert exp.location.part == "body"
    assert exp.location.section and "Export Control" in exp.location.section


# --- the real agreements of the labelled corpus -------------------------------------------------------

AGREEMENTS = [
    "real/commonaccord/Agt-NDA-USExport.md",
    "real/commonaccord/CooleyGo-NDA-ExportControl.md",
    "real/commonaccord/EU-DESCA-Orig-v01.md",
    "real/commonaccord/NIH-Exclusive-Patent-License-Sec.md",
    "real/gw-dssd/Insulate-Ukraine-MOU.pdf",
    "real/lavidb/data-sharing-agreement.docx",
    "real/opendreamkit/ConsortiumAgreementModel.pdf",
]


@needs_shared
def test_real_agreements_clause_f1(nlp: spacy.Language) -> None:
    labels = {}
    with open(SHARED / "corpus/labelled/real_docs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            e = json.loads(line)
            labels[e["file"]] = {c for c in e["categories"] if c in CLAUSE_CATEGORIES}
    tp = fp = fn = 0
    for rel in AGREEMENTS:
        pred = cats(run(nlp, _extract(SHARED / "corpus" / rel)))
        gold = labels[rel]
        tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.85, (tp, fp, fn)


@needs_shared
def test_labelled_clause_cases(nlp: spacy.Language) -> None:
    tp = fp = fn = 0
    with open(SHARED / "corpus/labelled/cases.jsonl", encoding="utf-8") as fh:
        for line in fh:
            e = json.loads(line)
            gold = {c for c in e["categories"] if c in CLAUSE_CATEGORIES}
            pred = cats(run(nlp, text_doc(e["text"])))
            tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
    assert tp + fn >= 30
    assert 2 * tp / (2 * tp + fp + fn) >= 0.85, (tp, fp, fn)


# --- generalisation: clause wording without the usual defined terms ---------------------------------
# Written for these tests in words of their own; each names the cause it covers.

GENERAL = [
    # confidentiality: obligations of confidence, proprietary information, exceptions, "treat as confidential"
    (
        "The duty of confidence owed by the Visitor continues after the secondment ends.",
        {"clause-confidentiality"},
    ),
    (
        "The Contractor shall protect the proprietary data of the Client as carefully as its own.",
        {"clause-confidentiality"},
    ),
    (
        "These restrictions do not cover material which is or later becomes public other than through a breach "
        "by the Recipient.",
        {"clause-confidentiality"},
    ),
    (
        "Students on placement must treat every drawing they are shown at the plant as confidential.",
        {"clause-confidentiality"},
    ),
    (
        "The Guest shall not reveal to anyone any technical information obtained during the visit.",
        {"clause-confidentiality"},
    ),
    # data: dataset access rights, destruction, data kept in a country, TRE rules, controller / processor
    (
        "The Coordinator shall grant each member access to the project datasets until the Action closes.",
        {"clause-data"},
    ),
    (
        "At the end of the study the Licensee shall erase all pseudonymised survey records held on its servers.",
        {"clause-data"},
    ),
    ("The biobank samples shall be kept within Uganda and must not be sent overseas.", {"clause-data"}),
    ("Analysts may only work on the extract inside the Trusted Research Environment.", {"clause-data"}),
    (
        "The Sponsor shall act as data controller and the Site as processor for the trial records.",
        {"clause-data"},
    ),
    # export: supply to a sanctioned country, sanctions compliance, end-user undertakings
    ("The Distributor shall not resell the sensors to any customer in Belarus.", {"clause-export"}),
    ("Each Party shall comply with all financial sanctions imposed by HM Treasury.", {"clause-export"}),
    (
        "Before delivery the Customer shall sign an end-user certificate for the thermal cameras.",
        {"clause-export"},
    ),
    # IP: copyright vesting, moral rights, background/foreground, licence grants
    ("Copyright in the survey instrument shall vest in the Commissioner on creation.", {"clause-ip"}),
    ("The Contributor waives all moral rights in the illustrations.", {"clause-ip"}),
    ("Foreground technology developed jointly shall be jointly owned by the Members.", {"clause-ip"}),
    ("The Owner grants the Partner a licence to use the simulation code for teaching only.", {"clause-ip"}),
    # publication: announcements agreed in advance, embargo, review period before submission
    (
        "Public statements about the collaboration shall be agreed in advance by both institutions.",
        {"clause-publication"},
    ),
    (
        "The Investigators shall observe an embargo period of three months on the trial results.",
        {"clause-publication"},
    ),
    (
        "Draft papers shall be sent to the Funder no later than 30 days before submission for comment.",
        {"clause-publication"},
    ),
    # liability: knock-for-knock, waiver of claims, insurance, cap, consequential loss
    ("Damage to vessels and crew shall be borne knock-for-knock by the Parties.", {"clause-liability"}),
    (
        "The Members waive any claims against each other for loss of equipment used in the field campaign.",
        {"clause-liability"},
    ),
    ("The Host must maintain employer's liability insurance for visiting researchers.", {"clause-liability"}),
    ("The Supplier's liability shall be limited to the price paid for the instrument.", {"clause-liability"}),
    # governing law in other forms and languages
    ("This Memorandum is governed by the laws of the Province of Quebec.", {"clause-law"}),
    ("Dieser Kooperationsvertrag unterliegt dem Recht der Schweiz.", {"clause-law"}),
    ("Le contrat est régi par le droit belge.", {"clause-law"}),
    ("The courts of Singapore shall have exclusive jurisdiction over any claim.", {"clause-law"}),
    # security: BPSS, SC / DV vetting, List X, security aspects letter
    (
        "All contractor staff shall complete the Baseline Personnel Security Standard before site access.",
        {"clause-security"},
    ),
    ("Engineers working on the payload must hold DV clearance.", {"clause-security"}),
    ("The Subcontractor shall maintain List X status throughout the Contract.", {"clause-security"}),
    ("The Company shall follow the Security Aspects Letter issued by the Authority.", {"clause-security"}),
    # confusions
    (
        "Each paper shall be submitted to the Authority for clearance 30 days before it is sent to a journal.",
        {"clause-publication"},
    ),
    (
        "Documents classified SECRET shall be stored only in the Contractor's approved security container.",
        {"clause-security"},
    ),
    ("The Processor shall not transfer the Client's personal data to any third country.", {"clause-data"}),
    ("This chapter asks when liability for algorithmic harm should fall on the deployer.", set()),
    ("Clearance of the conference poster by the press office took two weeks.", set()),
    ("We will keep field notes confidential and delete the audio after transcription.", set()),
    ("Export growth of Vietnamese seafood is modelled with gravity equations.", set()),
    ("Open-source licences of research software are compared in work package 3.", set()),
]


# More clause wording in words of their own (operative forms, synonyms, reversed word order,
# role names that are not the usual defined terms, and research sentences that must stay clean).
GENERAL += [
    (
        "The Licensee undertakes not to make the Software available to any entity on the UK Consolidated List of Financial Sanctions Targets.",
        {"clause-export"},
    ),
    (
        "No Deliverable shall be shipped to Iran, North Korea or Syria without the Company's written confirmation that a licence is in place.",
        {"clause-export"},
    ),
    (
        "The Purchaser shall provide a signed end-user statement confirming that the lasers will not be used for military purposes.",
        {"clause-export"},
    ),
    (
        "Any improvement to the Licensed Technology made by the Licensee shall be assigned to the Licensor.",
        {"clause-ip"},
    ),
    (
        "The Author retains copyright in the Thesis but grants the University a perpetual right to reproduce it.",
        {"clause-ip"},
    ),
    ("Each Party remains the owner of the know-how it brings to the collaboration.", {"clause-ip"}),
    (
        "A copy of any paper intended for publication shall be sent to the Sponsor at least forty-five days before it is submitted to a journal.",
        {"clause-publication"},
    ),
    (
        "Neither Participant shall issue a press statement concerning the Programme without the agreement of the other.",
        {"clause-publication"},
    ),
    (
        "The Institution shall retain the study data for ten years and shall then securely dispose of them.",
        {"clause-data"},
    ),
    (
        "The Provider acts as controller and the Recipient as processor of the participant information.",
        {"clause-data"},
    ),
    (
        "The linked records may be accessed only from the ONS Secure Research Service and no record-level extract may leave it.",
        {"clause-data"},
    ),
    (
        "The Visitor shall not, during or after the visit, reveal to any person any information of a secret nature relating to the Host's processes.",
        {"clause-confidentiality"},
    ),
    (
        "Information that the Recipient can show it developed independently is excluded from these obligations.",
        {"clause-confidentiality"},
    ),
    (
        "All know-how and technical information disclosed under this Memorandum shall be held in confidence by the receiving Participant.",
        {"clause-confidentiality"},
    ),
    (
        "This Contract is governed by Scots law and the Scottish courts shall have jurisdiction.",
        {"clause-law"},
    ),
    ("El presente convenio se regirá por la legislación española.", {"clause-law"}),
    (
        "Any dispute shall be referred to the Court of Arbitration of the International Chamber of Commerce in Geneva.",
        {"clause-law"},
    ),
    (
        "The Contractor's liability for damage to the Authority's property shall be capped at one million pounds.",
        {"clause-liability"},
    ),
    (
        "Each Party shall carry employer's liability insurance covering its staff while at the other Party's premises.",
        {"clause-liability"},
    ),
    (
        "Neither Party excludes liability for death or personal injury caused by its negligence.",
        {"clause-liability"},
    ),
    (
        "Contractor personnel with access to the Sponsor's test range shall have been vetted to at least BPSS.",
        {"clause-security"},
    ),
    (
        "No person who is a national of a country listed in Annex C may be given access to the controlled laboratory.",
        {"clause-security"},
    ),
    (
        "The Supplier shall comply with the Security Aspects Letter and the Government Security Classifications policy.",
        {"clause-security"},
    ),
    (
        "Manuscripts shall be submitted for clearance by the Sponsor's communications office 30 days before submission.",
        {"clause-publication"},
    ),
    ("Material marked TOP SECRET shall be handled only by staff holding DV clearance.", {"clause-security"}),
    (
        "The Processor shall not transfer the Customer's personal data outside the United Kingdom.",
        {"clause-data"},
    ),
    ("The thesis examines how courts allocate liability between manufacturers and drivers.", set()),
    ("Security clearance of the final report by the funder is needed before it can be posted online.", set()),
    (
        "We will keep interview transcripts confidential and destroy the recordings after transcription.",
        set(),
    ),
    ("The project studies export growth of Kenyan horticulture under EU trade rules.", set()),
    ("Our work package on licensing models compares open-source licences used by research software.", set()),
    ("Participants will be reminded that the study has been approved by the ethics committee.", set()),
    (
        "The Recipient must not permit the Materials to be exported from the United Kingdom without a licence from the Export Control Joint Unit.",
        {"clause-export"},
    ),
    (
        "Neither Party shall deal with any person designated under the Russia (Sanctions) (EU Exit) Regulations 2019.",
        {"clause-export"},
    ),
    (
        "Title to all inventions conceived solely by Company employees shall remain with the Company.",
        {"clause-ip"},
    ),
    (
        "The Student assigns to the University any rights in software written during the placement.",
        {"clause-ip"},
    ),
    (
        "The Partner may use the Background of the other Partners only for the purpose of carrying out the Project.",
        {"clause-ip"},
    ),
    (
        "The Sponsor may require that the submission of any thesis be postponed by up to six months.",
        {"clause-publication"},
    ),
    (
        "No results may be presented at conferences until the Steering Board has approved the abstract.",
        {"clause-publication"},
    ),
    ("The Hospital shall not send identifiable patient information to the Company.", {"clause-data"}),
    ("All survey responses shall be held on servers located in the European Union.", {"clause-data"}),
    (
        "Upon expiry the Licensee shall return the images on the encrypted drive and delete any copies.",
        {"clause-data"},
    ),
    (
        "The Secondee shall not use for any other purpose or communicate to any third party the information entrusted to him.",
        {"clause-confidentiality"},
    ),
    ("Each party shall hold the terms of this letter in strict secrecy.", {"clause-confidentiality"}),
    ("This contract shall be construed under the law of the State of New York.", {"clause-law"}),
    ("Tout différend sera soumis aux tribunaux compétents de Lyon.", {"clause-law"}),
    (
        "Any dispute not resolved by negotiation shall be finally settled by the London Court of International Arbitration.",
        {"clause-law"},
    ),
    (
        "In no case shall the University be responsible for lost revenue or loss of goodwill.",
        {"clause-liability"},
    ),
    (
        "The Collaborator accepts full responsibility for any injury to its staff while at the test site.",
        {"clause-liability"},
    ),
    (
        "Only staff who have passed Counter-Terrorist Check may be given access to the facility.",
        {"clause-security"},
    ),
    (
        "The Partner shall notify the University if it becomes subject to the control of a foreign state.",
        {"clause-security"},
    ),
    ("We will analyse sanctions evasion networks using open trade data.", set()),
    ("The museum holds the copyright records of Victorian photographers, which we will digitise.", set()),
    ("Participants must give informed consent before interviews are recorded.", set()),
    ("This thesis reviews the governing law of cross-border insolvency.", set()),
    ("Insurance markets for flood risk in Bangladesh are the focus of the project.", set()),
]


@pytest.mark.parametrize("sentence, expected", GENERAL)
def test_clause_wording_without_defined_terms(nlp: spacy.Language, sentence: str, expected: set[str]) -> None:
    assert cats(run(nlp, text_doc(sentence))) == expected


def test_numbered_clause_in_one_line_block_is_read(nlp: spacy.Language) -> None:
    # "4. Governing law. This Agreement ..." carries its own heading; it is a clause, not a heading block
    found = run(
        nlp,
        text_doc(
            "4. Governing law. This Agreement is governed by the laws of the Province of Ontario.",
            "5. The Recipient shall keep the Confidential Information secret.",
        ),
    )
    assert {"clause-law", "clause-confidentiality"} <= cats(found)
    law = next(f for f in found if f.rule_id == "clause-governing-law")
    assert law.location.section == "4 Governing law"
    assert next(f for f in found if f.rule_id == "clause-law-non-uk").country_code == "CA"


def test_non_english_law_names_the_jurisdiction(nlp: spacy.Language) -> None:
    found = run(nlp, agreement("Dieser Vertrag unterliegt deutschem Recht."))
    assert next(f for f in found if f.rule_id == "clause-law-non-uk").country_code == "DE"


# --- speed: anchors and the document type --------------------------------------------------------


def _without_anchors(pack: ClausePack) -> ClausePack:
    return dataclasses.replace(
        pack, rules=[dataclasses.replace(r, anchors=[]) for r in pack.rules], anchors=None
    )


def _outcome(nlp: spacy.Language, doc: Document, pack: ClausePack) -> list[tuple]:
    det = ClauseDetector(nlp, Config(), pack)
    found = [f for i, b in enumerate(doc.blocks) for f in det.find(nlp(b.text.replace("\n", " ")), b, i)]
    return sorted(
        (f.rule_id, f.kind, f.block_index, f.start, f.end, f.confidence, f.location.section)
        for f in det.finalize(doc, found, [])
    )


def _all_test_sentences() -> list[str]:
    pack = load_pack()
    out = [s for r in pack.rules for k in ("match", "no_match") for s in r.examples.get(k, [])]
    return out + [s for _, s in CLAUSES] + [s for s, _ in SENTENCES] + [s for s, _ in GENERAL] + FALSE_FRIENDS


def test_anchor_prefilter_changes_no_result(nlp: spacy.Language) -> None:
    """Every text a rule matches holds one of its anchors: skipping sentences without them loses nothing."""
    pack = load_pack()
    bare = _without_anchors(pack)
    for s in _all_test_sentences():
        for doc in (text_doc(s), agreement(s)):
            assert _outcome(nlp, doc, pack) == _outcome(nlp, doc, bare), s


@needs_shared
@pytest.mark.parametrize("rel", AGREEMENTS)
def test_anchor_prefilter_changes_no_result_on_real_agreements(nlp: spacy.Language, rel: str) -> None:
    doc = _extract(SHARED / "corpus" / rel)
    pack = load_pack()
    assert _outcome(nlp, doc, pack) == _outcome(nlp, doc, _without_anchors(pack))


def test_rules_are_only_tried_where_their_anchors_are(nlp: spacy.Language, tmp_path: Path) -> None:
    path = _write_pack(
        tmp_path,
        "rules:\n  - id: zebra\n    category: clause-ip\n    anchors: [giraffe]\n    strong: ['zebra']\n",
    )
    det = ClauseDetector(nlp, Config(), load_pack(path))
    assert det.find_block(None, TextBlock("A zebra was seen.", Location(line=1)), 0) == []
    assert [
        f.rule_id for f in det.find_block(None, TextBlock("A zebra and a giraffe.", Location(line=1)), 0)
    ] == ["zebra"]


@pytest.mark.parametrize(
    "anchors, text, hit",
    [
        ("[ip]", "The IP is jointly owned.", True),
        ("[ip]", "Our relationship with the ship owner.", False),  # short anchors are whole words
        ("[licen]", "A sublicensable right.", True),  # longer anchors may sit inside a word
        ("[licen]", "Asublicensablerightisgrantedtoeveryone here.", True),  # also in text without spaces
        ("[as is]", "Supplied as is.", True),  # all words of an anchor must be present
        ("[as is]", "Supplied as described.", False),
        (
            "['disclos', disclosure]",
            "No disclosure allowed.",
            True,
        ),  # a longer anchor stands for its prefixes
    ],
)
def test_anchor_forms(nlp: spacy.Language, tmp_path: Path, anchors: str, text: str, hit: bool) -> None:
    path = _write_pack(
        tmp_path,
        f"rules:\n  - id: r\n    category: clause-ip\n    anchors: {anchors}\n"
        "    strong: ['.']\n  - id: other\n    category: clause-law\n"
        "    anchors: [disclosure]\n    strong: ['zzz']\n",
    )
    found = ClauseDetector(nlp, Config(), load_pack(path)).find_block(
        None, TextBlock(text, Location(line=1)), 0
    )
    assert any(f.rule_id == "r" for f in found) is hit


def test_anchors_must_be_words(tmp_path: Path) -> None:
    path = _write_pack(
        tmp_path, "rules:\n  - id: r\n    category: clause-ip\n    anchors: licence\n    strong: ['x']\n"
    )
    with pytest.raises(PackError, match="anchors must be a list of words"):
        load_pack(path)


def _long_proposal(extra: str) -> Document:
    para = (
        "Work package 2 develops the methodology; the Principal Investigator leads the objectives and "
        "deliverables, and we will publish the results and share the data with the research community. "
    )
    blocks = [f"{i}. {para * 4}" for i in range(MAX_CHARS // (len(para) * 4) + 5)]
    return text_doc("Research Proposal: Resilient timing", *blocks[:3], extra, *blocks[3:])


def test_long_proposal_keeps_declarations_and_drops_clauses(nlp: spacy.Language) -> None:
    doc = _long_proposal(
        "The Sponsor shall not publish results without approval. Does the project involve "
        "classified information or security-cleared staff? No."
    )
    assert classify(doc) == "proposal"
    found = run(nlp, doc)
    assert cats(found) == set()
    assert any(f.kind == "declaration" and f.category == "clause-security" for f in found)
    assert _outcome(nlp, doc, load_pack()) == _outcome(nlp, doc, _without_anchors(load_pack()))


def test_long_agreement_reports_clauses_while_reading(nlp: spacy.Language) -> None:
    """With the document type known before detection, every block is answered as it is read."""
    filler = "The Parties shall meet quarterly to review progress of the Project under this Agreement. " * 10
    blocks = [*AGREEMENT_HEAD, "The Recipient shall keep the Confidential Information secret."]
    blocks += [filler] * (MAX_CHARS // len(filler) + 2)
    blocks += ["This Agreement shall be governed by the laws of Japan."]
    doc = text_doc(*blocks)
    det = ClauseDetector(nlp, Config())
    det.begin(doc, classify(doc))
    per_block = [det.find(nlp(b.text), b, i) for i, b in enumerate(doc.blocks)]
    assert per_block[-1] and per_block[-1][0].category == "clause-law"  # not held back
    early = [f for fs in per_block for f in fs if f.category == "clause-confidentiality"]
    assert early and early[0].block_index == len(AGREEMENT_HEAD)  # answered in its own block
    final = det.finalize(doc, [f for fs in per_block for f in fs], [])
    assert {"clause-confidentiality", "clause-law"} <= cats(final)
    assert "clause-law-non-uk" in risks(final)


def test_detector_state_does_not_leak_between_documents(nlp: spacy.Language) -> None:
    det = ClauseDetector(nlp, Config())
    first = agreement("The Recipient shall keep the Confidential Information secret.")
    det.begin(first, classify(first))
    for i, b in enumerate(first.blocks):  # never finalised (e.g. an error mid-document)
        det.find(nlp(b.text), b, i)
    second = text_doc("This Agreement shall be governed by the laws of Japan.")
    det.begin(second, classify(second))
    found = det.finalize(
        second, [f for i, b in enumerate(second.blocks) for f in det.find(nlp(b.text), b, i)], []
    )
    assert cats(found) == {"clause-law"}


@pytest.mark.slow
def test_proposal_text_is_fast(nlp: spacy.Language) -> None:
    doc = _long_proposal("Please describe any export licences required (max. 200 words).")
    doc = Document(doc.path, doc.format, doc.blocks * (300_000 // len(doc.text) + 1))
    sdocs = list(nlp.pipe(b.text for b in doc.blocks))
    det = ClauseDetector(nlp, Config())
    t = time.perf_counter()
    found = [f for i, (b, s) in enumerate(zip(doc.blocks, sdocs, strict=True)) for f in det.find(s, b, i)]
    det.finalize(doc, found, [])
    assert time.perf_counter() - t < 0.5  # measured about 0.05 s on one core


# --- passing mentions, denials, inline titles, and the clause families of round two ---------------------


def test_passing_phrase_examples_hold_their_phrase() -> None:
    pack = load_pack()
    assert pack.passing
    for p in pack.passing:
        assert p.examples.get("match"), p.name
        for sentence in p.examples["match"]:
            assert p.patterns.finditer(sentence), f"{p.name}: {sentence}"


@pytest.mark.parametrize(
    "body, message",
    [
        (
            "passing:\n  - name: x\n    why: y\n    hides: [clause-nope]\n    patterns: ['a']\nrules: []\n",
            "hides",
        ),
        (
            "passing:\n  - name: x\n    why: y\n    patterns: ['a']\nrules: []\n",
            "missing required key 'hides'",
        ),
        ("denials: ['(unclosed']\nrules: []\n", "bad regex"),
    ],
)
def test_invalid_passing_and_denials_are_pack_errors(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(PackError) as e:
        load_pack(_write_pack(tmp_path, body))
    assert message in str(e.value)


# Each family: sentences that must give exactly these clause categories, read as a short text and inside an
# agreement.
FAMILIES = [
    # clauses out of place: description prose, and clause words used in passing
    ("Without access to such datasets, the partners cannot train the models.", set()),
    ("To the extent permitted by applicable law, the Software is provided as is.", {"clause-liability"}),
    (
        "Despite Section 12.3 (Governing Law and Chosen Courts), a breach may cause irreparable harm.",
        set(),
    ),
    (
        "This Mutual Non-Disclosure Agreement is designed to allow each party to disclose its "
        "Confidential Information to the other party.",
        set(),
    ),
    (
        "The Licensor makes no representation that the Product will not infringe any patent, copyright, "
        "trade secret or other proprietary right.",
        {"clause-liability"},
    ),
    (
        "The indemnity shall not apply to claims arising from the Party's breach of its confidentiality "
        "obligations.",
        {"clause-liability"},
    ),
    # US-style security clauses
    (
        "The Contractor shall screen all personnel who will have access to controlled unclassified information.",
        {"clause-security"},
    ),
    (
        "Foreign nationals shall not be given access to the technical reports without the written approval of "
        "the Contracting Officer.",
        {"clause-security"},
    ),
    ("No work under this contract shall be performed by offshore personnel.", {"clause-security"}),
    (
        "The Contractor shall not release the results to another nation without the approval of the Government.",
        {"clause-security"},
    ),
    ("Only security-cleared staff may work on the task.", {"clause-security"}),
    # publication, export and IP wording the first round missed
    (
        "The Sponsor may require the deletion of its information from any manuscript before it is submitted.",
        {"clause-publication"},
    ),
    ("The Supplier shall screen all customers against the restricted-party lists.", {"clause-export"}),
    (
        "The Recipient does not acquire any licence in the intellectual property of the Provider.",
        {"clause-ip"},
    ),
    ("Provider reserves all rights not expressly granted to Customer.", {"clause-ip"}),
    # "as is" inside "as is exercised" or "as is reasonably requested" is no warranty disclaimer
    (
        "The Licensee shall pay a royalty on the rights as is exercised under this licence.",
        {"clause-ip"},
    ),
    ("The Provider shall supply further information as is reasonably requested by the Customer.", set()),
    # negated obligations: a restriction is a clause, a denial is not
    ("The Recipient shall not transfer the data set to any third party.", {"clause-data"}),
    ("The Project shall not involve any classified information.", set()),
    # wording that needed a capital letter
    (
        "the recipient shall maintain the confidentiality of data received from the provider.",
        {"clause-confidentiality"},
    ),
    ("this agreement shall be governed by the laws of the state of new york.", {"clause-law"}),
    ("THIS AGREEMENT SHALL BE SUBJECT TO THE LAWS OF ENGLAND AND WALES.", {"clause-law"}),
]


@pytest.mark.parametrize("sentence, expected", FAMILIES)
def test_clause_families_of_round_two(nlp: spacy.Language, sentence: str, expected: set[str]) -> None:
    assert cats(run(nlp, text_doc(sentence))) == expected
    assert cats(run(nlp, agreement(sentence))) == expected


def test_denied_subject_is_a_declaration_not_a_clause(nlp: spacy.Language) -> None:
    found = run(nlp, agreement("The Project shall not involve any classified information."))
    denied = [f for f in found if f.category == "clause-security"]
    assert denied and all(f.kind == "declaration" for f in denied)
    assert any("denial ('shall not involve')" in r for f in denied for r in f.reasons)


def test_law_in_lower_case_names_its_jurisdiction(nlp: spacy.Language) -> None:
    found = run(nlp, agreement("this agreement shall be governed by the laws of the state of new york."))
    assert any(f.rule_id == "clause-law-non-uk" and f.country_code == "US" for f in found)


def test_inline_title_opens_a_section(nlp: spacy.Language) -> None:
    # no operative language and no party term: only the title makes the sentence a retention clause
    found = run(
        nlp, text_doc("Retention. Interview records will be destroyed ten years after the study ends.")
    )
    data = [f for f in found if f.category == "clause-data"]
    assert data and data[0].location.section == "Retention"
    assert any("under heading 'Retention'" in r for r in data[0].reasons)
    assert not cats(run(nlp, text_doc("Interview records will be destroyed ten years after the study ends.")))


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("Ownership.", "Ownership"),
        ("Feedback and Usage Data.", "Feedback and Usage Data"),
        ("NON-DISCLOSURE.", "NON-DISCLOSURE"),
        ("Provider owns all Feedback.", None),
        ("What can account owners do?", None),
        ("The data were analysed.", None),
    ],
)
def test_inline_title_forms(sentence: str, title: str | None) -> None:
    from grantscan.detect.clauses import inline_title

    assert inline_title(sentence) == title
