"""The objects of each clause kind, named in the words of official and standard definitions.

Each widened kind is tested with sentences written for these tests: an obligation over the object in an agreement
is a finding of the kind; the same words describing research in a proposal, asked as a question, or with the
obligation negated are not; and a twin that names the object in a clause of another kind (a liability,
confidentiality or publication term) is no finding of this kind. The words come from GDPR Art. 4, HIPAA 45 CFR
160.103 and 164.514, the Privacy Act, the Human Tissue Act 2004, UK CDPA 1988 and Patents Act 1977, 17 U.S.C.
101, 37 CFR 401.14, DFARS 252.204-7012, 32 CFR 117, EAR 15 CFR 734 and 758, ITAR 22 CFR 120, the Lambert toolkit
and the Horizon Europe model grant agreement; for governing law and liability from the Vienna Sales Convention, Rome
I, the arbitral rules and statutes, the Unfair Contract Terms Act 1977, the Sale of Goods Act 1979 and UCC Article
2; and for the standard commercial forms (NDAs, employment, consulting, services, licences) from GDPR Arts. 28-37,
the Trade Secrets Regulations 2018, 17 U.S.C. 901 and 1202, 35 U.S.C. 261, the Police Act 1997, BS 7858, the CHIPS
and Science Act 2022 and EAR 15 CFR 744.21 (see each family's comment in ``patterns/clauses.yaml``).
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
import spacy

from .test_clauses import agreement, cats, declared, run, text_doc


class Case(NamedTuple):
    kind: str
    term: str  # an obligation over the object: a finding of ``kind`` in an agreement
    research: str  # the object described as research: no clause in a proposal
    question: str | None  # the term asked: a declaration, not a finding
    negated: str | None  # the obligation negated: no finding of ``kind``
    passing: str | None  # the object named in a clause of another kind: no finding of ``kind``
    other: str | None  # the kind the passing twin is a finding of


CASES = [
    # clause-data: GDPR Art. 4(1) data subjects, 4(13)-(15) genetic, biometric and health data; HIPAA
    # individual-level and de-identified records; Human Tissue Act relevant material; metadata and logs
    Case(
        "clause-data",
        "The Provider shall respond to requests of data subjects within one month.",
        "The survey asked data subjects how they understood consent forms.",
        "Will the provider respond to requests of data subjects within one month?",
        "The provider is not obliged to respond to requests of data subjects within one month.",
        None,
        None,
    ),
    Case(
        "clause-data",
        "The Institution shall process health data only on the documented instructions of the Sponsor.",
        "Our models process health data from 5,000 patients to predict readmission.",
        "Should the institution process health data only on the documented instructions of the sponsor?",
        "The institution is not obliged to process health data on the instructions of the sponsor.",
        "Neither Party shall be liable for errors in the health data.",
        "clause-liability",
    ),
    Case(
        "clause-data",
        "The Recipient shall not share the individual-level records with anyone outside the Project.",
        "We will link individual-level records from the cohort to hospital admissions.",
        "Will the recipient share individual-level records with anyone outside the project?",
        "The recipient is not obliged to share individual-level records with other sites.",
        "Neither Party shall be liable for any loss of individual-level records in transit.",
        "clause-liability",
    ),
    Case(
        "clause-data",
        "The Recipient must not use the human tissue for any purpose other than the Study.",
        "Human tissue from the biobank will be used to grow organoids in work package 2.",
        "May the recipient use the human tissue for other studies?",
        "The recipient is not obliged to use the human tissue within the study period.",
        None,
        None,
    ),
    Case(
        "clause-data",
        "The Recipient shall destroy all tissue specimens at the end of the Project.",
        "Tissue specimens will be destroyed at the end of the project, as the ethics approval sets out.",
        "Will the recipient destroy the tissue specimens at the end of the project?",
        None,
        "Neither Party shall be liable for any loss of tissue specimens in transit.",
        "clause-liability",
    ),
    Case(
        "clause-data",
        "The Collaborator shall retain the audit logs for the life of the Project.",
        "We will retain the audit logs of the simulator to study user behaviour.",
        "Will the collaborator retain the audit logs for the life of the project?",
        "The collaborator is not obliged to retain audit logs of its own servers.",
        None,
        None,
    ),
    Case(
        "clause-data",
        "The Recipient shall not disclose any information that identifies an individual.",
        "We study whether released statistics hold information that identifies an individual.",
        "Can information that identifies an individual be disclosed by the recipient?",
        None,
        None,
        None,
    ),
    # clause-ip: CDPA 1988 s.50B decompiling, 17 U.S.C. 101 works made for hire, Patents Act 1977 s.14 patent
    # applications, 37 CFR 401.14(c) disclosure of subject inventions, computer programs' source code
    Case(
        "clause-ip",
        "The Recipient shall not reverse engineer, decompile or disassemble the Software.",
        "We will decompile legacy firmware to study its vulnerabilities.",
        "Must the recipient not reverse engineer or decompile the software?",
        None,
        "Each Party shall keep confidential any source code it learns by decompiling the Software.",
        "clause-confidentiality",
    ),
    Case(
        "clause-ip",
        "The software developed by the Consultant shall be a work made for hire.",
        "The history chapter traces the doctrine of the work made for hire in American law.",
        "Is the software developed by the consultant a work made for hire?",
        None,
        None,
        None,
    ),
    Case(
        "clause-ip",
        "The Recipient shall not file any patent application claiming the Materials.",
        "The spin-out will file a patent application on the coating in year two.",
        "Will the recipient file a patent application claiming the materials?",
        None,
        "The Sponsor may delay publication by up to 90 days to file a patent application.",
        "clause-publication",
    ),
    Case(
        "clause-ip",
        "The Collaborator shall promptly disclose each Invention to the University.",
        "The technology transfer office will disclose each invention to the funder.",
        "When must the collaborator disclose each Invention to the University?",
        "The Collaborator shall not disclose any Invention to third parties before a patent application is filed.",
        None,
        None,
    ),
    Case(
        "clause-ip",
        "The Licensee shall not modify the source code of the Licensed Software.",
        "We will modify the source code of the open simulator to add new solvers.",
        "May the licensee modify the source code of the licensed software?",
        None,
        None,
        None,
    ),
    Case(
        "clause-ip",
        "The Depositor grants to the Archive all necessary permissions and required licenses to make the Content available.",
        "The archive will ask depositors for the permissions needed before content is made available.",
        "Does the Depositor grant to the Archive all necessary permissions and required licenses to make the Content available?",
        None,
        None,
        None,
    ),
    # clause-security: DFARS 252.204-7012 cyber incidents and covered defense information; physical security of
    # a site (32 CFR 117): badges, escorts, controlled areas
    Case(
        "clause-security",
        "The Contractor shall report any cyber incident to the Department within 72 hours.",
        "We will report on cyber incidents affecting small manufacturers since 2019.",
        "Will the contractor report any cyber incident to the department within 72 hours?",
        None,
        "The Contractor shall carry insurance against losses caused by any cyber incident.",
        None,
    ),
    Case(
        "clause-security",
        "Visitors shall wear their access badges at all times on the Authority's site.",
        "Participants wear access badges fitted with sensors for the mobility study.",
        "Will visitors wear access badges at all times on the site?",
        None,
        "The Authority shall not be liable for the loss of any access badges.",
        "clause-liability",
    ),
    Case(
        "clause-security",
        "All visitors must be escorted within the controlled area.",
        "The robot will be escorted within the controlled area of the test range by trained staff.",
        "Must visitors be escorted within the controlled area?",
        None,
        None,
        None,
    ),
    # clause-confidentiality: information marked or designated confidential (NDAs, Lambert toolkit)
    Case(
        "clause-confidentiality",
        "The Recipient shall protect all information marked as confidential.",
        "We will study how staff protect information marked as confidential in hospitals.",
        "How should the recipient protect information marked as confidential?",
        None,
        "The Discloser gives no warranty as to the accuracy of information marked as confidential.",
        "clause-liability",
    ),
    # clause-export: EAR 15 CFR 734.13 deemed exports, ITAR 22 CFR 121 the Munitions List and defense
    # articles, 15 CFR 758.6 diversion contrary to U.S. law
    Case(
        "clause-export",
        "The Recipient shall not release the technology to any foreign national as a deemed export.",
        "The workshop will explain the deemed export rule to visiting scholars.",
        "Is release of the technology to a foreign national a deemed export?",
        None,
        None,
        None,
    ),
    Case(
        "clause-export",
        "The Recipient shall not divert the Materials contrary to U.S. law.",
        "The historian will study how goods were diverted contrary to U.S. law in the 1980s.",
        "Could the materials be diverted contrary to U.S. law?",
        None,
        "The Company shall not divert staff from the Project without consent.",
        None,
    ),
    Case(
        "clause-export",
        "The Contractor shall not furnish defense services to any foreign person without approval.",
        "The book chapter reviews how firms furnish defense services abroad.",
        "May the contractor furnish defense services to a foreign person?",
        None,
        None,
        None,
    ),
    # clause-publication: preprints, theses, conference presentations (Lambert toolkit, Horizon Europe MGA art. 17)
    Case(
        "clause-publication",
        "The Recipient shall not post any preprint before the Sponsor has reviewed it.",
        "We will post a preprint of each paper on arXiv before journal submission.",
        "Will the recipient post a preprint before the sponsor has reviewed it?",
        None,
        "The University shall not be liable for any errors in preprints or conference papers.",
        "clause-liability",
    ),
    Case(
        "clause-publication",
        "The Student's thesis shall be held in a closed library for up to two years.",
        "The thesis will be deposited in the university library as open access.",
        "Should the student's thesis be held in a closed library?",
        None,
        None,
        None,
    ),
    Case(
        "clause-publication",
        "The Recipient shall not present the results at any conference without approval.",
        "The student will present the results at two international conferences each year.",
        "May the recipient present the results at a conference?",
        None,
        None,
        None,
    ),
    # clause-law: venue and forum of proceedings
    Case(
        "clause-law",
        "Venue for any action arising under this Agreement shall lie in Travis County, Texas.",
        "The venue for the final workshop will be in Austin, Texas.",
        "Where is the venue for any action arising under this agreement?",
        None,
        "The Sponsor shall pay the hire of the venue for the Project's final workshop.",
        None,
    ),
    # clause-law: the CISG excluded (Vienna Convention 1980 art. 6), the law chosen without its conflict of laws
    # rules, the proper law (Rome I art. 3), jury waiver, forum non conveniens and service of process (US and
    # English forms), arbitral rules (LCIA) and the Federal Arbitration Act
    Case(
        "clause-law",
        "The United Nations Convention on Contracts for the International Sale of Goods shall not apply to this Agreement.",
        "The thesis compares the Convention on Contracts for the International Sale of Goods with English sales law.",
        "Will the parties agree that the Convention on Contracts for the International Sale of Goods does not apply?",
        None,
        None,
        None,
    ),
    Case(
        "clause-law",
        "The Licence shall be interpreted without regard to its conflict of laws rules.",
        "The chapter explains why courts decide without regard to conflict of laws rules in consumer cases.",
        "Shall the licence be interpreted without regard to its conflict of laws rules?",
        None,
        None,
        None,
    ),
    Case(
        "clause-law",
        "The parties agree that the proper law of this Agreement is the law of Scotland.",
        "The project asks how courts find the proper law of the contract in cross-border trade.",
        "What is the proper law of this Agreement?",
        None,
        None,
        None,
    ),
    Case(
        "clause-law",
        "Each party irrevocably waives any right to trial by jury in any proceeding arising out of this Agreement.",
        "We study why employees waive jury trials in arbitration agreements.",
        "Does each party waive its right to trial by jury?",
        None,
        None,
        None,
    ),
    Case(
        "clause-law",
        "The Parties irrevocably waive any objection to venue in such courts, including any claim of forum non conveniens.",
        "Jury trials and forum non conveniens are the topics of chapter four.",
        "May a party object to venue on the ground of forum non conveniens?",
        None,
        None,
        None,
    ),
    Case(
        "clause-law",
        "The Supplier shall appoint a process agent in England to receive service of process.",
        "The project maps how service of process works across borders.",
        "Will the supplier appoint a process agent to receive service of process?",
        None,
        None,
        None,
    ),
    Case(
        "clause-law",
        "Any dispute arising out of this Agreement shall be finally resolved under the LCIA Rules.",
        "The study compares LCIA and ICC rules on arbitrator challenges.",
        "Shall disputes be resolved under the LCIA Rules?",
        None,
        None,
        None,
    ),
    Case(
        "clause-law",
        "The Federal Arbitration Act shall govern the interpretation and enforcement of this provision.",
        "The chapter reviews Supreme Court cases on the Federal Arbitration Act.",
        "Does the Federal Arbitration Act govern this provision?",
        None,
        None,
        None,
    ),
    # clause-law: the chosen law in the present tense, an agreement to arbitrate
    Case(
        "clause-law",
        "The laws of the State of New York govern this Agreement.",
        "Our project asks whether the laws of the State of New York govern this kind of contract in practice.",
        "Do the laws of the State of New York govern this Agreement?",
        None,
        None,
        None,
    ),
    Case(
        "clause-law",
        "The Employee agrees to arbitrate all claims arising out of the employment relationship.",
        "Workers may arbitrate all claims under the new statute, the report finds.",
        "Must the employee arbitrate all claims arising out of the employment?",
        None,
        None,
        None,
    ),
    Case(
        "clause-law",
        "The parties agree that the laws of Victoria apply and submit to the courts of that State.",
        "The project asks when the laws of Victoria apply to interstate contracts.",
        "Do the laws of Victoria apply to this agreement?",
        None,
        None,
        None,
    ),
    Case(
        "clause-law",
        "Any claim related to these Terms must be filed in a court located in Los Angeles County.",
        "We count claims filed in a court located in Los Angeles County since 2010.",
        "Must any claim be filed in a court located in Los Angeles County?",
        None,
        None,
        None,
    ),
    # clause-law: the choice of law with its phrases set off by commas; UCITA excluded beside the CISG
    Case(
        "clause-law",
        "This Agreement shall be governed by, and construed in accordance with, the laws of the Province of Ontario.",
        "The project compares how courts read contracts governed by the laws of Ontario and Quebec.",
        "Is this agreement governed by, and construed in accordance with, the laws of Ontario?",
        None,
        None,
        None,
    ),
    Case(
        "clause-law",
        "The provisions of the Uniform Computer Information Transactions Act shall not apply to this Agreement.",
        "The chapter explains why only two states adopted the Uniform Computer Information Transactions Act.",
        "Does the Uniform Computer Information Transactions Act not apply to this agreement?",
        None,
        None,
        None,
    ),
    # clause-liability: hold harmless with the party named between, directors' and officers' liability insurance
    Case(
        "clause-liability",
        "The Licensee shall hold the Licensor harmless from any claims arising out of the Licensee's use of the Software.",
        "We study why courts hold the employer harmless in gig-economy accidents.",
        "Must the licensee hold the licensor harmless from any claims?",
        None,
        None,
        None,
    ),
    Case(
        "clause-liability",
        "The Employee shall be covered by the Company's directors' and officers' liability insurance.",
        "The project prices directors' and officers' liability insurance for charities.",
        "Will the employee be covered by directors' and officers' liability insurance?",
        None,
        None,
        None,
    ),
    # clause-liability: the exclusion in the future tense, business interruption, holding a party responsible
    Case(
        "clause-liability",
        "Neither party will be liable for lost profits, lost data or business interruption.",
        "We model business interruption losses after cyber attacks on small firms.",
        "Will either party be liable for lost profits or business interruption?",
        None,
        None,
        None,
    ),
    Case(
        "clause-liability",
        "The Client shall not hold the Consultant responsible for any decision it takes on the basis of the Report.",
        "The survey asks whether voters hold ministers responsible for flood damage.",
        None,
        None,
        None,
        None,
    ),
    # clause-liability: the heads of damages excluded, "as available", the sole remedy (UCC 2-719), warranties
    # of title and quiet enjoyment (UCC 2-312, Sale of Goods Act 1979 s.12), the carve-out for death or personal
    # injury caused by negligence (Unfair Contract Terms Act 1977 s.2), implied conditions excluded (Sale of
    # Goods Act 1979 ss.13-15, UCC 2-316), risk assumed, insurance a party must carry
    Case(
        "clause-liability",
        "Neither party shall be responsible for any incidental or punitive damages.",
        "We will model punitive damages awards in US product cases.",
        "Is either party responsible for incidental or punitive damages?",
        None,
        None,
        None,
    ),
    Case(
        "clause-liability",
        'The Service is provided on an "as available" basis.',
        'Cloud providers sell spare capacity on an "as available" basis, which our study prices.',
        'Is the Service provided on an "as available" basis?',
        None,
        None,
        None,
    ),
    Case(
        "clause-liability",
        "The limitations in this section shall apply even if a party has been advised of the possibility of such damages.",
        "Users in the trial are advised of the possibility of such damages before they consent.",
        "Are the limitations kept even if a party has been advised of the possibility of such damages?",
        None,
        None,
        None,
    ),
    Case(
        "clause-liability",
        "The Customer's sole and exclusive remedy for any defect shall be a refund of the fees.",
        "The paper compares the sole remedy rules of consumer law in five countries.",
        "Is a refund the customer's sole and exclusive remedy for any defect?",
        None,
        None,
        None,
    ),
    Case(
        "clause-liability",
        "The Seller warrants good title to the goods, free of any lien.",
        "The history project traces how sellers warranted good title to land.",
        "Does the seller warrant good title to the goods?",
        None,
        "The Licensee shall not rely on any statement as to the title of the Software.",
        None,
    ),
    Case(
        "clause-liability",
        "The exclusions in this clause shall not apply to death or personal injury caused by negligence.",
        "The study counts death or personal injury caused by negligence on building sites.",
        "Do the exclusions apply to death or personal injury caused by negligence?",
        None,
        None,
        None,
    ),
    Case(
        "clause-liability",
        "The Supplier excludes all conditions implied by sections 13 to 15 of the Sale of Goods Act 1979.",
        "The module teaches the Sale of Goods Act 1979 and the Consumer Rights Act 2015.",
        "Does the supplier exclude the conditions implied by the Sale of Goods Act 1979?",
        None,
        None,
        None,
    ),
    Case(
        "clause-liability",
        "The Licensee assumes all risk arising from its use of the Software.",
        "Farmers assume all risk arising from drought under current schemes.",
        "Does the licensee assume all risk arising from its use of the software?",
        None,
        None,
        None,
    ),
    Case(
        "clause-liability",
        "The Contractor shall obtain and keep in force a policy of product liability insurance.",
        "We will survey firms that keep product liability insurance in force.",
        "Must the contractor keep product liability insurance in force?",
        None,
        "The Recipient shall keep confidential the amount of any product liability claim against the Discloser.",
        "clause-confidentiality",
    ),
    # clause-confidentiality: the other names NDAs give what is held in confidence (Evaluation Material,
    # non-public information), its unauthorised use (Trade Secrets Regulations 2018 reg. 3, 18 U.S.C. 1839) and
    # the standard of care owed to it
    Case(
        "clause-confidentiality",
        "The Recipient shall limit disclosure of the Evaluation Material to those of its Representatives who need to know it.",
        "The study asks how bankers share evaluation material with bidders.",
        "Will the recipient limit disclosure of the Evaluation Material to its Representatives?",
        None,
        "Neither Party shall be liable for any loss of Evaluation Material in transit.",
        "clause-liability",
    ),
    Case(
        "clause-confidentiality",
        "The Employee shall not make any unauthorised use of the Company's non-public information.",
        "We measure how often firms suffer unauthorised use of their non-public information.",
        "Shall the employee make unauthorised use of the company's non-public information?",
        None,
        None,
        None,
    ),
    Case(
        "clause-confidentiality",
        "The Recipient shall protect the Discloser's information with at least the same degree of care it uses for its own.",
        "The survey compares the degree of care firms use to protect their own information.",
        "Must the recipient use the same degree of care it uses for its own information?",
        None,
        None,
        None,
    ),
    # clause-data: the controller's and processor's duties as the GDPR names them (Arts. 28(2), 30-32, 35, 37)
    Case(
        "clause-data",
        "The Processor shall cooperate with the supervisory authority in the performance of its tasks.",
        "The project will cooperate with the supervisory authority on its audit of AI tools.",
        "Will the processor cooperate with the supervisory authority?",
        None,
        None,
        None,
    ),
    Case(
        "clause-data",
        "The Processor shall assist the Controller with any data protection impact assessment.",
        "The team will pilot a data protection impact assessment template for hospitals.",
        "Will the processor assist the controller with any data protection impact assessment?",
        None,
        None,
        None,
    ),
    Case(
        "clause-data",
        "The Supplier shall not engage another processor without the prior written authorisation of the Customer.",
        "We will study how firms engage another processor in cloud supply chains.",
        "Will the supplier engage another processor without authorisation?",
        None,
        None,
        None,
    ),
    Case(
        "clause-data",
        "The Supplier shall implement appropriate technical and organisational measures to protect the Customer Data.",
        "The project will design technical and organisational measures for hospital data.",
        "Must the supplier implement appropriate technical and organisational measures?",
        None,
        None,
        None,
    ),
    # clause-ip: invention-assignment agreements and licences: further assurance (35 U.S.C. 261), open source
    # incorporated, prior inventions, proprietary notices (17 U.S.C. 1202), mask works (17 U.S.C. 901)
    Case(
        "clause-ip",
        "The Employee shall execute all documents needed to perfect the Company's rights in any Invention.",
        "The clinic will ask patients to execute documents needed to register their consent.",
        "Must the employee execute all documents needed to perfect the company's rights in any invention?",
        None,
        None,
        None,
    ),
    Case(
        "clause-ip",
        "The Contractor shall not incorporate any open source software into the Deliverables.",
        "Our lab studies how to incorporate open source software into safety-critical firmware.",
        "Shall the contractor incorporate open source software into the deliverables?",
        None,
        "The Sponsor shall not be liable for any defect in open source software incorporated into the Deliverables.",
        "clause-liability",
    ),
    Case(
        "clause-ip",
        "Each party retains all rights in its Pre-Existing Materials.",
        "We will classify the prior inventions cited in pharmaceutical patents.",
        "Has the employee listed all prior inventions in the schedule?",
        None,
        None,
        None,
    ),
    Case(
        "clause-ip",
        "The Licensee shall not remove any proprietary notices from the Software.",
        "The survey shows that users rarely remove copyright notices from shared images.",
        "May the licensee remove proprietary notices from the software?",
        None,
        None,
        None,
    ),
    Case(
        "clause-ip",
        "The Company shall own all mask works and semiconductor topographies created under this Agreement.",
        "The thesis models mask works and semiconductor topographies in European chip law.",
        "Will the company own all mask works created under this agreement?",
        None,
        None,
        None,
    ),
    Case(
        "clause-ip",
        "Nothing in this Agreement shall be construed as granting any licence under any patent.",
        "The essay asks when a gift may be construed as granting any licence under a patent.",
        "Shall anything in this agreement be construed as granting any licence under any patent?",
        None,
        None,
        None,
    ),
    # clause-publication: a review period worded as days to comment on what is published
    Case(
        "clause-publication",
        "The Researcher may publish the results after giving the Sponsor thirty days to comment.",
        "Researchers often publish results after giving colleagues thirty days to comment.",
        "May the researcher publish the results after giving the sponsor thirty days to comment?",
        None,
        "The Sponsor shall have thirty days to object to any termination notice.",
        None,
    ),
    # clause-security: criminal record and DBS checks (Police Act 1997 Part V), pre-employment screening
    # (BS 7858), foreign talent recruitment programmes (CHIPS and Science Act 2022 s.10638, NSPM-33)
    Case(
        "clause-security",
        "The Supplier shall ensure that all Staff have passed a DBS check before working with children.",
        "Some staff will need a DBS check before the school visits in year two.",
        "Must all staff pass a DBS check before working with children?",
        None,
        None,
        None,
    ),
    Case(
        "clause-security",
        "The Contractor shall subject its personnel to pre-employment screening in line with BS 7858.",
        "Guards in the study had all passed pre-employment screening under BS 7858.",
        None,
        None,
        None,
        None,
    ),
    Case(
        "clause-security",
        "The Recipient shall not participate in any malign foreign talent recruitment program.",
        "The project examines foreign talent recruitment programs in three countries.",
        "Shall the grantee disclose participation in a malign foreign talent recruitment program?",
        None,
        None,
        None,
    ),
    # clause-export: military end uses (EAR 15 CFR 744.21)
    Case(
        "clause-export",
        "The Licensee shall not use the Software for any military end use.",
        "The historian will study military end use of civil aircraft after 1945.",
        "May the licensee use the software for any military end use?",
        None,
        None,
        None,
    ),
    Case(
        "clause-liability",
        "The Provider makes no representations as to the accuracy of the Data.",
        "The survey asks whether vendors make representations about accuracy.",
        None,
        None,
        None,
        None,
    ),
]


def proposal(*paras: str) -> list[str]:
    return [
        "Research Proposal: Methods for safer research collaboration",
        "Objectives and methodology. The Principal Investigator will lead work package 1.",
        *paras,
        "Impact: the research will inform state-of-the-art methodology for the research community.",
    ]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.kind}-{i}" for i, c in enumerate(CASES)])
def test_object_in_an_obligation_is_a_clause(nlp: spacy.Language, case: Case) -> None:
    assert case.kind in cats(run(nlp, agreement(case.term)))


@pytest.mark.parametrize("case", CASES, ids=[f"{c.kind}-{i}" for i, c in enumerate(CASES)])
def test_object_described_in_a_proposal_is_no_clause(nlp: spacy.Language, case: Case) -> None:
    assert cats(run(nlp, text_doc(*proposal(case.research)))) == set()


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.question], ids=[c.term[:40] for c in CASES if c.question]
)
def test_object_asked_is_a_declaration(nlp: spacy.Language, case: Case) -> None:
    assert case.question is not None
    found = run(nlp, agreement(case.question))
    assert case.kind not in cats(found)
    assert case.kind in declared(found)


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.negated], ids=[c.term[:40] for c in CASES if c.negated]
)
def test_object_with_the_obligation_negated_is_no_clause(nlp: spacy.Language, case: Case) -> None:
    assert case.negated is not None
    assert case.kind not in cats(run(nlp, agreement(case.negated)))


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.passing], ids=[c.term[:40] for c in CASES if c.passing]
)
def test_object_named_in_passing_is_no_clause_of_its_kind(nlp: spacy.Language, case: Case) -> None:
    assert case.passing is not None
    found = cats(run(nlp, agreement(case.passing)))
    assert case.kind not in found
    if case.other is not None:
        assert case.other in found


def test_warranty_of_compliance_with_export_law_is_the_export_clause_not_a_warranty(
    nlp: spacy.Language,
) -> None:
    """A representation that a party keeps the export law is the export clause in its operative form; a
    representation about the subject itself stays a warranty."""
    kept = cats(
        run(
            nlp,
            agreement(
                "The Licensee represents and warrants that all transfers of the Software shall be in compliance "
                "with U.S. Export Control laws."
            ),
        )
    )
    assert "clause-export" in kept
    assert "clause-liability" not in kept
    subject = cats(
        run(
            nlp,
            agreement(
                "The Licensor represents and warrants that the Software will perform to its specification."
            ),
        )
    )
    assert "clause-liability" in subject


def test_waiver_of_jury_trial_or_venue_objections_is_the_law_clause_not_a_waiver_of_claims(
    nlp: spacy.Language,
) -> None:
    """A waiver of trial by jury in "any claim" waives a forum, not the claim: a governing-law term only."""
    found = cats(
        run(
            nlp,
            agreement(
                "Each party irrevocably waives any right to trial by jury in any claim arising out of this Agreement."
            ),
        )
    )
    assert "clause-law" in found
    assert "clause-liability" not in found
    claims = cats(run(nlp, agreement("Each Member waives all claims against the other Members.")))
    assert "clause-liability" in claims


@pytest.mark.parametrize(
    "sentence",
    [
        # dispute escalation and mediation that name no law, court or arbitration carry no kind (the corpus
        # convention), and force majeure is no liability term (the labelling guideline)
        "If the dispute cannot be resolved amicably, the Parties shall escalate it to their chief executives.",
        "Any dispute shall be referred to mediation under the CEDR Model Mediation Procedure.",
        "Neither party shall be liable for any failure to perform caused by events beyond its reasonable control.",
    ],
)
def test_escalation_mediation_and_force_majeure_are_no_clause(nlp: spacy.Language, sentence: str) -> None:
    assert cats(run(nlp, agreement(sentence))) == set()
