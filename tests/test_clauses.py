"""Agreement clause detection, clause sections and clause-risk findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from grantscan.config import Config
from grantscan.detect.clauses import (
    CLAUSE_CATEGORIES,
    ClauseDetector,
    load_pack,
    risk_rule_ids,
    section_at,
)
from grantscan.detect.doctype import classify
from grantscan.detect.packs import PackError
from grantscan.model import Document, Finding, Location, TextBlock
from grantscan.resources import patterns_dir

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    n = spacy.blank("en")
    n.add_pipe("sentencizer")
    return n


def run(nlp: spacy.Language, doc: Document, extra: list[Finding] | None = None) -> list[Finding]:
    """Run the detector the way the orchestrator does: find per block, then finalize."""
    det = ClauseDetector(nlp, Config())
    found: list[Finding] = []
    for i, b in enumerate(doc.blocks):
        found += det.find(nlp(b.text.replace("\n", " ")), b, i)
    return det.finalize(doc, found + list(extra or []))


def text_doc(*paras: str, path: str = "doc.txt") -> Document:
    blocks, line = [], 1
    for p in paras:
        blocks.append(TextBlock(p, Location(line=line, column=1)))
        line += p.count("\n") + 2
    return Document(path=path, format="text", blocks=blocks)


AGREEMENT_HEAD = ("RESEARCH COLLABORATION AGREEMENT",
                  "This Agreement is made on 1 March 2025 between the University and the Sponsor "
                  "(together the Parties).",
                  "WHEREAS the Parties wish to collaborate on the Project.",
                  "NOW, THEREFORE, the Parties agree as follows:")
AGREEMENT_TAIL = ("IN WITNESS WHEREOF the Parties have signed this Agreement.",)


def agreement(*clauses: str) -> Document:
    return text_doc(*AGREEMENT_HEAD, *clauses, *AGREEMENT_TAIL, path="agreement.txt")


def cats(findings: list[Finding]) -> set[str]:
    return {f.category for f in findings if f.kind == "finding" and f.category in CLAUSE_CATEGORIES}


# --- the pack ---------------------------------------------------------------------------------------

def test_pack_examples_all_behave(nlp: spacy.Language) -> None:
    pack = load_pack()
    det = ClauseDetector(nlp, Config(), pack)
    failures = []
    for rule in pack.rules:
        for sentence in rule.examples.get("match", []):
            got = det.find(None, TextBlock(sentence, Location(line=1)), 0)
            if not any(f.rule_id == rule.id for f in got):
                failures.append(f"{rule.id} missed: {sentence}")
        for sentence in rule.examples.get("no_match", []):
            got = det.find(None, TextBlock(sentence, Location(line=1)), 0)
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


@pytest.mark.parametrize("body, line, message", [
    ("rules:\n  - id: x\n    category: clause-ip\n    patterns: ['a']\n    trems: ['b']\n", 7, "unknown key 'trems'"),
    ("rules:\n  - id: x\n    category: clause-nope\n    patterns: ['a']\n", 5, "unknown category"),
    ("rules:\n  - id: x\n    category: clause-ip\n    patterns: ['(unclosed']\n", 6, "bad regex"),
    ("rules:\n  - id: x\n    category: clause-ip\n", 4, "needs 'strong' or 'patterns'"),
])
def test_invalid_pack_names_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = _write_pack(tmp_path, body)
    with pytest.raises(PackError) as e:
        load_pack(path)
    assert str(e.value).startswith(f"{path}:{line}:")
    assert message in str(e.value)


def test_shipped_pack_is_found() -> None:
    assert (patterns_dir() / "clauses.yaml").is_file()
    assert {"clause-law-non-uk", "clause-export-missing", "clause-ip-assignment",
            "clause-publication-veto", "clause-security-foreign-access"} <= risk_rule_ids()


# --- one test per clause type, with sentences that are not the pack's own examples ------------------

CLAUSES = [
    ("clause-export", "Each Party shall comply with the Export Control Order 2008 and shall not transfer "
                      "controlled technology without a licence."),
    ("clause-export", "The Collaborator will not re-export any deliverable to a restricted end user."),
    ("clause-ip", "The Sponsor shall own all Foreground IP generated in the course of the Project."),
    ("clause-ip", "The University hereby grants the Company a worldwide, royalty-free licence to use the "
                  "Background for research purposes."),
    ("clause-publication", "The Sponsor may require the University to postpone publication for up to six "
                           "months to protect patentable results."),
    ("clause-data", "The Recipient shall process personal data only on documented instructions and shall "
                    "not transfer it to a third country."),
    ("clause-confidentiality", "The Receiving Party shall hold the Discloser's information in strict "
                               "confidence for five years after termination."),
    ("clause-law", "This Agreement and any dispute arising from it shall be governed by the laws of "
                   "England and Wales."),
    ("clause-liability", "Neither Party shall be liable to the other for any loss of profit or "
                         "consequential loss."),
    ("clause-security", "All staff working on the Project must have been vetted to SC level before "
                        "accessing the Sponsor's site."),
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
    ('The Licensee shall not export the Software to any country subject to a UK or UN embargo.',
     ['clause-export']),
    ('Each party will comply with the US Export Administration Regulations and OFAC sanctions.',
     ['clause-export']),
    ('The Company shall be responsible for obtaining any export licences needed for the Materials.',
     ['clause-export']),
    ('Neither party shall export, re-export or transfer Controlled Technology without authorisation.',
     ['clause-export']),
    ('All Arising IP shall be owned by the Funder, and the University shall execute all documents needed to perfect such assignment.',
     ['clause-ip']),
    ('The University grants the Sponsor an option to negotiate an exclusive licence to the Arising Intellectual Property.',
     ['clause-ip']),
    ('Each Party retains ownership of its Background Intellectual Property.',
     ['clause-ip']),
    ('The Researcher must submit any proposed publication to the Company at least 30 days before submission.',
     ['clause-publication']),
    ('No publication relating to the Project may be made without the written approval of the Ministry.',
     ['clause-publication']),
    ("The Institution shall not publish or present Project results without the Sponsor's consent.",
     ['clause-publication']),
    ('The Collaborator shall process Personal Data in accordance with the Data Protection Act 2018.',
     ['clause-data']),
    ("The Data shall be stored on servers located in the People's Republic of China.",
     ['clause-data']),
    ('The Receiving Party shall use the Confidential Information solely for the Purpose.',
     ['clause-confidentiality']),
    ('The obligations of confidentiality shall survive termination of this Agreement indefinitely.',
     ['clause-confidentiality']),
    ('Any dispute shall be finally settled by arbitration under the Rules of the Singapore International Arbitration Centre.',
     ['clause-law']),
    ('This Agreement shall be subject to the exclusive jurisdiction of the courts of Hong Kong.',
     ['clause-law']),
    ("The Sponsor's total liability under this Agreement shall not exceed £50,000.",
     ['clause-liability']),
    ('The Materials are provided as is and without any warranty of merchantability or fitness for a particular purpose.',
     ['clause-liability']),
    ('The Partner shall indemnify the University against all claims arising from breach of export control laws.',
     ['clause-export', 'clause-liability']),
    ("Personnel assigned to the Project shall be nationals of the Sponsor's country only.",
     ['clause-security']),
    ('The Contractor shall report to the Sponsor any contact with officials of a foreign government.',
     ['clause-security']),
    ('The Collaborator shall permit representatives of the Ministry of State Security to inspect the laboratory.',
     ['clause-security']),
    ('Work under this contract involves access to information classified SECRET; staff must hold DV clearance.',
     ['clause-security']),
    ('We will use data from the UK Biobank, accessed under its standard data access agreement.',
     []),
    ('The confidentiality of participants will be protected by pseudonymisation.',
     []),
    ('The project will examine the law of the sea and maritime jurisdiction disputes in the South China Sea.',
     []),
    ('Our results will be published in high-impact journals and presented at international conferences.',
     []),
    ('We will develop new liability models for autonomous vehicle insurance.',
     []),
    ('Graphene exports from China have grown rapidly, which this study will analyse.',
     []),
    ('The security of IoT devices against side-channel attacks is the focus of this PhD.',
     []),
    ('Students must attend the security induction before accessing the cleanroom.',
     []),
    ('Intellectual property generated will be managed by UCL Business in line with university policy.',
     []),
    ('A warranty claims dataset from an automotive partner will be analysed with survival models.',
     []),
    ('This studentship is funded by EPSRC; the student must be eligible for home fees.',
     []),
    ('The indemnity insurance market is the subject of the second chapter of the thesis.',
     []),
    ('Applicants must hold a first-class degree; international students are welcome to apply.',
     []),
    ('Foreign direct investment in Africa and its effect on governance are the research focus.',
     []),
    ('The system detects personal data leaks in mobile apps.',
     []),
    ('The Consortium partners will share anonymised data through a secure repository hosted in Germany.',
     []),
    ('Our industrial Partner, BAE Systems, will provide access to test data under a non-disclosure agreement.',
     ['clause-confidentiality']),
    ('The Company must approve any changes to the experimental protocol.',
     []),
    ('All researchers must complete GDPR training before handling interview transcripts.',
     []),
    ('Publications will acknowledge the funder, and open access costs are included in the budget.',
     []),
    ('The Institution must ensure that the research is conducted in line with the UKRI Trusted Research guidance.',
     []),
    ('The student will work with the Company on export forecasting for agricultural goods.',
     []),
    ('We study liability regimes for AI systems and how courts of appeal interpret them.',
     []),
    ('Data must be deposited in the UK Data Service within three months of the end of the award.',
     []),
    ('The PI will ensure confidentiality of interview data and will not disclose participant identities.',
     []),
    ('Partners in Russia will provide samples, and results may not be shared with third parties without approval.',
     []),
    ('The licence for the simulation software costs £2,000 per year.',
     []),
    ("The University's IP policy applies and any spin-out will be supported by the technology transfer office.",
     []),
    ('This PhD will investigate security clearance processes in the UK civil service.',
     []),
    ('Foreign nationals make up 40% of the UK engineering workforce, a trend this project studies.',
     []),
    ('The Parties shall meet quarterly to review progress.',
     []),
    ('The Sponsor shall pay the University £120,000 in four instalments.',
     []),
    ('The Licensee shall pay royalties of 3% of Net Sales.',
     ['clause-ip']),
    ('The Recipient shall not attempt to re-identify any individual from the Data.',
     ['clause-data']),
    ('Either Party may terminate this Agreement on 90 days written notice.',
     []),
    ('The Collaborator shall ensure that only persons approved by the Sponsor have access to the Facility.',
     ['clause-security']),
    ('Nothing in this Agreement shall restrict the University from publishing the results of the Project, subject to clause 8.',
     ['clause-publication']),
    ('Applicants must state whether the research is subject to export controls.',
     []),
    ('The candidate must be willing to travel to partner sites in Japan and Korea.',
     []),
    ('The Funder reserves the right to publish a summary of funded projects on its website.',
     []),
    ('Results shall be disseminated through open-access publications and the project website.',
     []),
    ("The student must comply with the University's policies on data management and research integrity.",
     []),
    ("All team members must sign the lab's safety declaration; confidentiality of patient data is paramount.",
     []),
    ('Dr Smith has published widely on the law of armed conflict and international arbitration.',
     []),
    ('The project must deliver a prototype by month 18 and a final report to the Sponsor.',
     []),
    ('Any Arising IP will be jointly owned by the Parties in proportion to their contributions.',
     ['clause-ip']),
    ('The Client acknowledges that the Deliverables are subject to the export control laws of the United States.',
     ['clause-export']),
    ('Each Party shall treat the terms of this Agreement as confidential.',
     ['clause-confidentiality']),
    ("The Supplier shall not, without the Customer's consent, transfer any Customer Data outside the European Economic Area.",
     ['clause-data']),
    ('The laws of Switzerland shall govern this Agreement.',
     ['clause-law']),
    ('This Agreement shall be interpreted under the laws of the State of Israel.',
     ['clause-law']),
    ('In no event shall either Party be liable for lost profits.',
     ['clause-liability']),
    ('The University shall give the Sponsor a copy of any proposed paper 60 days before submission; the Sponsor may require deletion of its Confidential Information.',
     ['clause-confidentiality', 'clause-publication']),
    ('The Contractor shall ensure that no employee who is a citizen of a Restricted Country has access to the Technical Data.',
     ['clause-security']),
    ('The Collaborator shall disclose to the Sponsor any funding it receives from a foreign government.',
     ['clause-security']),
]


@pytest.mark.parametrize("sentence, expected", SENTENCES)
def test_sentence_gives_exactly_its_clause_categories(nlp: spacy.Language, sentence: str,
                                                      expected: list[str]) -> None:
    assert cats(run(nlp, text_doc(sentence))) == set(expected)


def test_section_name_alone_is_not_a_clause(nlp: spacy.Language) -> None:
    toc = text_doc("Table of Contents", "Section 5: Liability towards each other ........ 8",
                   "Section 10: Non-disclosure of information ....... 20", "11.7 Applicable law ....... 22")
    assert cats(run(nlp, toc)) == set()


def test_proposal_describing_terms_gets_no_clause_findings(nlp: spacy.Language) -> None:
    proposal = text_doc(
        "Research Proposal: Quantum sensors for navigation",
        "Objectives and methodology. The Principal Investigator will lead work package 1.",
        "Work package 2 delivers the prototype; milestones and deliverables are listed below.",
        "The consortium agreement shall set out that personal data must be stored in the UK and that "
        "the Sponsor shall not publish results without approval.",
        "Impact: the research will inform state-of-the-art methodology for the research community.")
    found = run(nlp, proposal)
    assert cats(found) == set()
    # the same clause sentence in an agreement is a finding
    assert "clause-data" in cats(run(nlp, agreement(proposal.blocks[3].text)))


def test_unclassified_short_text_keeps_clause_with_lower_confidence(nlp: spacy.Language) -> None:
    s = "Disputes shall be resolved by the courts of New York under New York law."
    assert classify(text_doc(s)) == "other"
    short = [f for f in run(nlp, text_doc(s)) if f.rule_id == "clause-governing-law"]
    full = [f for f in run(nlp, agreement(s)) if f.rule_id == "clause-governing-law"]
    assert short and full
    assert short[0].confidence < full[0].confidence


def test_disabled_categories_are_not_reported(nlp: spacy.Language) -> None:
    text = "The Recipient shall comply with export control laws and shall keep Confidential Information secret."
    det = ClauseDetector(nlp, Config(categories=["clause-export"]))
    found = det.find(None, TextBlock(text, Location(line=1)), 0)
    assert {f.category for f in found} == {"clause-export"}


def test_form_question_is_a_declaration(nlp: spacy.Language) -> None:
    q = "Does the project require access to classified information or security-cleared staff? No."
    found = ClauseDetector(nlp, Config()).find(None, TextBlock(q, Location(line=1)), 0)
    assert found and all(f.kind == "declaration" for f in found)
    assert "clause-security" in {f.category for f in found}


def test_space_less_pdf_text_still_matches(nlp: spacy.Language) -> None:
    squashed = "Article9.GoverningLaw\nThis Agreement shallbegovernedbyandconstruedinaccordancewiththelawsof" \
               "theStateof\nCalifornia."
    found = run(nlp, agreement(squashed))
    law = [f for f in found if f.rule_id == "clause-governing-law"]
    assert law and law[0].location.section.startswith("Article 9")
    risk = [f for f in found if f.rule_id == "clause-law-non-uk"]
    assert risk and risk[0].country_code == "US"


# --- sections ---------------------------------------------------------------------------------------

def test_section_from_heading_block(nlp: spacy.Language) -> None:
    found = run(nlp, agreement("7.2 Export Control",
                               "The Collaborator shall comply with all export control laws and regulations."))
    f = next(f for f in found if f.category == "clause-export")
    assert f.location.section == "7.2 Export Control"
    assert f.location.line is not None


def test_section_from_numbered_paragraph_inside_a_block(nlp: spacy.Language) -> None:
    block = ("Article 8. General Conditions\n"
             "1. Financial Contribution: funds depend on availability.\n"
             "8. Indemnification: The Company will hold harmless, defend and indemnify IU against all claims.")
    found = run(nlp, agreement(block))
    f = next(f for f in found if f.category == "clause-liability")
    assert f.location.section == "8 Indemnification"
    assert f.location.line == text_doc(*AGREEMENT_HEAD, block).blocks[-1].location.line + 2


def test_section_helper_prefers_nearest_heading() -> None:
    text = "Section 4: Liability\nsome words\n4.2 Limits\nNeither Party shall be liable."
    assert section_at(text, text.index("Neither")) == "4.2 Limits"
    assert section_at("no heading here", 3) is None


@pytest.mark.parametrize("line, expected", [
    ("7.2 Export Control", "7.2 Export Control"),
    ("Article 9. Governing Law", "Article 9 Governing Law"),
    ("Article9.GoverningLaw", "Article 9 GoverningLaw"),
    ("## 4. Confidentiality", "4 Confidentiality"),
    ("11.7.Ti=Applicable law", "11.7 Applicable law"),
    ("Section 5: Liability towards each other ....... 8", "Section 5 Liability towards each other"),
    ("3. The Partners agree that they will cooperate closely on all matters.", "3"),
    ("12 months after the end of the Project", None),
    ("2023 results were strong", None),
])
def test_heading_forms(line: str, expected: str | None) -> None:
    assert section_at(line, len(line)) == expected


def test_docx_section_is_kept(nlp: spacy.Language) -> None:
    b = TextBlock("The Recipient shall keep the Confidential Information secret.",
                  Location(part="body", paragraph=12, section="Confidentiality"))
    doc = Document("a.docx", "docx", [TextBlock(t, Location(part="body", paragraph=i))
                                      for i, t in enumerate(AGREEMENT_HEAD)] + [b])
    f = next(f for f in run(nlp, doc) if f.category == "clause-confidentiality")
    assert f.location.section == "Confidentiality"
    assert f.location.paragraph == 12


# --- risk findings ----------------------------------------------------------------------------------

def risks(found: list[Finding]) -> dict[str, Finding]:
    return {f.rule_id: f for f in found if f.rule_id in risk_rule_ids()}


@pytest.mark.parametrize("sentence, code", [
    ("This Agreement shall be governed by the laws of the People's Republic of China.", "CN"),
    ("The courts of Moscow shall have exclusive jurisdiction over any dispute.", "RU"),
    ("This Agreement is governed by the laws of Belgium and the courts of Brussels have exclusive "
     "jurisdiction.", "BE"),
])
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
    r = risks(run(nlp, agreement("The University shall assign all right, title and interest in the Results "
                                 "to the Sponsor.")))
    assert "clause-ip-assignment" in r
    plain = risks(run(nlp, agreement("Each Party shall own the Results it generates; Background IP remains "
                                     "with its owner.")))
    assert "clause-ip-assignment" not in plain


@pytest.mark.parametrize("sentence, veto", [
    ("The University shall not publish any results without the prior written consent of the Sponsor.", True),
    ("The Sponsor may delay publication by up to 18 months to file patent applications.", True),
    ("The Sponsor may delay publication by up to 90 days to file patent applications.", False),
])
def test_publication_veto_or_long_delay(nlp: spacy.Language, sentence: str, veto: bool) -> None:
    found = run(nlp, agreement(sentence))
    assert "clause-publication" in cats(found)
    assert ("clause-publication-veto" in risks(found)) is veto


def test_foreign_access_is_a_risk(nlp: spacy.Language) -> None:
    r = risks(run(nlp, agreement("The Contractor shall ensure that no foreign government has access to the "
                                 "Project data.")))
    assert r["clause-security-foreign-access"].severity == "high"


def tech(category: str = "quantum") -> Finding:
    return Finding(rule_id=f"{category}-x", category=category, text="quantum sensing", context="...",
                   location=Location(line=3), confidence=0.8)


def test_missing_export_clause_with_controlled_technology(nlp: spacy.Language) -> None:
    doc = agreement("The Sponsor shall own all Foreground IP.")
    r = risks(run(nlp, doc, [tech()]))
    miss = r["clause-export-missing"]
    assert miss.location == doc.blocks[0].locate(0, 0)
    assert miss.category == "quantum"  # about the technology, never a clause-export positive
    assert "quantum" in miss.context


def test_no_missing_export_finding_when_clause_present_or_not_agreement(nlp: spacy.Language) -> None:
    with_clause = agreement("The Collaborator shall comply with all export control laws and regulations.")
    assert "clause-export-missing" not in risks(run(nlp, with_clause, [tech()]))
    assert "clause-export-missing" not in risks(run(nlp, agreement("The Sponsor shall own all Foreground IP.")))
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
    p.write_text("# Mutual Non-Disclosure Agreement\n\nThis Agreement is made between the Parties.\n\n"
                 "## 3. Confidentiality\n\nThe Receiving Party shall not disclose Confidential Information "
                 "to any third party.\n\n## 9. Governing Law\n\nThis Agreement is governed by the laws of "
                 "Singapore.\n\nIN WITNESS WHEREOF the Parties have signed.\n", encoding="utf-8")
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
    d.add_paragraph("The Recipient shall not export the Data in violation of the US Export Administration "
                    "Regulations.")
    d.add_paragraph("IN WITNESS WHEREOF the Parties have executed this Agreement.")
    p = tmp_path / "dsa.docx"
    d.save(p)
    found = run(nlp, _extract(p))
    exp = next(f for f in found if f.category == "clause-export")
    assert exp.location.part == "body"
    assert exp.location.section and "Export Control" in exp.location.section


# --- the real agreements of the labelled corpus -------------------------------------------------------

AGREEMENTS = ["real/commonaccord/Agt-NDA-USExport.md", "real/commonaccord/CooleyGo-NDA-ExportControl.md",
              "real/commonaccord/EU-DESCA-Orig-v01.md", "real/commonaccord/NIH-Exclusive-Patent-License-Sec.md",
              "real/gw-dssd/Insulate-Ukraine-MOU.pdf", "real/lavidb/data-sharing-agreement.docx",
              "real/opendreamkit/ConsortiumAgreementModel.pdf"]


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
