"""A fresh test of data clauses on a standard form neither the corpus nor the other tests use: the standard
contractual clauses for the transfer of personal data to third countries annexed to Commission Implementing
Decision (EU) 2021/914 of 4 June 2021 (OJ L 199, 7.6.2021, p. 31), Modules One and Two, as published on EUR-Lex
(eur-lex.europa.eu/eli/dec_impl/2021/914/oj; text read from the EUR-Lex page kept at
maya880624/scraping-rubin-links, web-markdowns/Implementing_decision_-_2021_914_-_EN_-_EUR-Lex.md @ 4b32f39;
reuse authorised under Commission Decision 2011/833/EU, CC BY 4.0), and the sample interagency data sharing
agreement of the Centers for Disease Control and Prevention and the Centers for Medicare and Medicaid Services
(ncwd-youth.info/assets/guides/assessment/sample_forms/data_share.pdf; text read from UMKC-Law/DataSharingAgreement,
CDC_DSA.md @ eeefd99; a US federal government work, public domain). Each clause is verbatim and was labelled from its
own words before grantscan ran on it.

Each clause has a twin that must not be a data clause: the same words asked as a question, denied, said in a
proposal's voice, or the clause named in passing by its number and title."""

from __future__ import annotations

import pytest
import spacy

from .test_clauses import agreement, cats, run, text_doc

# verbatim clauses of the 2021 standard contractual clauses (the clause number in the comment), each a data clause
SCC_DATA = [
    # 8.1 (Module One) purpose limitation
    "The data importer shall process the personal data only for the specific purpose(s) of the transfer, as set "
    "out in Annex I.B.",
    # 8.1 (Module Two) instructions
    "The data importer shall process the personal data only on documented instructions from the data exporter.",
    "The data exporter may give such instructions throughout the duration of the contract.",
    # 8.3 accuracy and data minimisation
    "Each Party shall ensure that the personal data is accurate and, where necessary, kept up to date.",
    "The data importer shall ensure that the personal data is adequate, relevant and limited to what is necessary "
    "in relation to the purpose(s) of processing.",
    "If one of the Parties becomes aware that the personal data it has transferred or received is inaccurate, or "
    "has become outdated, it shall inform the other Party without undue delay.",
    # 8.4 storage limitation
    "The data importer shall retain the personal data for no longer than necessary for the purpose(s) for which "
    "it is processed.",
    # 8.5 (Module Two) duration of processing and erasure or return of data
    "Processing by the data importer shall only take place for the duration specified in Annex I.B.",
    "After the end of the provision of the processing services, the data importer shall, at the choice of the "
    "data exporter, delete all personal data processed on behalf of the data exporter and certify to the data "
    "exporter that it has done so, or return to the data exporter all personal data processed on its behalf and "
    "delete existing copies.",
    "Until the data is deleted or returned, the data importer shall continue to ensure compliance with these "
    "Clauses.",
    # 8.6 (Module Two) security of processing
    "The data importer shall grant access to the personal data to members of its personnel only to the extent "
    "strictly necessary for the implementation, management and monitoring of the contract.",
    "The data importer shall take every reasonable step to ensure that personal data that is inaccurate, having "
    "regard to the purpose(s) of processing, is erased or rectified without delay.",
    # 8.7 onward transfers
    "The data importer shall not disclose the personal data to a third party located outside the European Union "
    "unless the third party is or agrees to be bound by these Clauses, under the appropriate Module.",
    "Any onward transfer is subject to compliance by the data importer with all the other safeguards under these "
    "Clauses, in particular purpose limitation.",
    # 8.8 processing under the authority of the data importer
    "The data importer shall ensure that any person acting under its authority, including a processor, processes "
    "the data only on its instructions.",
    # 8.9 documentation and compliance
    "The data importer shall keep appropriate documentation of the processing activities carried out under its "
    "responsibility.",
    # 8.4 (Module Two) accuracy
    "If the data importer becomes aware that the personal data it has received is inaccurate, or has become "
    "outdated, it shall inform the data exporter without undue delay.",
    "In this case, the data importer shall cooperate with the data exporter to erase or rectify the data.",
    # 8.2 transparency (Module One)
    "The data importer shall inform them, either directly or through the data exporter, of the categories of "
    "personal data processed.",
    # 8.5 (Module One) security: the personal data breach
    "The data importer shall document all relevant facts relating to the personal data breach, including its "
    "effects and any remedial action taken, and keep a record thereof.",
]

# verbatim terms of the CDC/CMS sample interagency data sharing agreement, each a data clause
DSA_DATA = [
    "The data will only be used for research and/or analytical purposes and will not be used to determine "
    "eligibility or to make any other determinations affecting an individual.",
    "The requestor and its agents will establish specific safeguards to assure the confidentiality and security of "
    "individually identifiable records or record information.",
    "Access to the data covered by this agreement shall be limited to the minimum number of individuals necessary "
    "to achieve the purpose stated in this section and to those individuals on a need-to-know basis only.",
    "Any results of the data matching which contains individually identifiable data cannot be released outside "
    "the agency unless the release meets the conditions of Section III.",
    "The User agrees to establish appropriate administrative, technical, and physical safeguards to protect the "
    "confidentiality of the data and to prevent unauthorized use or access to it.",
    "The requestor and its agents will destroy all confidential information associated with actual records as soon "
    "as the purposes of the project have been accomplished and notify the providing agency to this effect in "
    "writing.",
]

# twins: the same subject, but no data clause (a question, a denial, a proposal's voice, a title named in passing)
TWINS_IN_AGREEMENT = [
    "Will the data importer process the personal data only for the specific purpose(s) of the transfer?",
    "Does the data exporter give instructions throughout the duration of the contract?",
    "The services under this Agreement will not involve the processing of personal data.",
    "This Agreement does not require either Party to transfer any personal data to the other.",
    "Clause 8.5 (Duration of processing and erasure or return of data) of the standard contractual clauses is "
    "not used in this Agreement.",
    # the drafting notes of the CDC/CMS sample agreement, verbatim: instructions to whoever fills in the form
    "In this section, the parties provide specific detailed information concerning the data to be shared or "
    "exchanged.",
    "A description of the method of data access or transfer will be provided in this section.",
    "States should identify any additional requirements that are needed for the release of additional data in "
    "this section.",
]
TWINS_IN_PROPOSAL = [
    "We will process the survey data only for the purposes described in our ethics application.",
    "The project team will keep the interview recordings for no longer than necessary for the analysis.",
    "Participants will be told how their personal data is processed and that they may withdraw at any time.",
    "Our data management plan explains how the data will be deleted or archived at the end of the project.",
]

PROPOSAL_HEAD = (
    "Project title: Coastal flood resilience in small towns",
    "Objectives: we will survey residents and model flood risk in three towns over two years.",
)


# what the rules still miss or mistake, kept visible: the test fails as soon as one of them is read right
# (the purpose limitation with "will" and no party named, DSA_DATA[0], was a known miss until round twelve read "will
# be used solely/only for" as a limitation)
KNOWN_MISSES: set[str] = set()
KNOWN_FALSE = {
    # the instrument named in passing ("standard contractual clauses") is read as a data term
    TWINS_IN_AGREEMENT[4],
}


def _marked(sentences: list[str], known: set[str], reason: str) -> list[object]:
    return [
        pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=reason)) if s in known else s
        for s in sentences
    ]


@pytest.mark.parametrize("sentence", _marked(SCC_DATA + DSA_DATA, KNOWN_MISSES, "known miss"))
def test_standard_contractual_clause_is_a_data_clause(nlp: spacy.Language, sentence: str) -> None:
    assert "clause-data" in cats(run(nlp, agreement(sentence)))


@pytest.mark.parametrize("sentence", _marked(TWINS_IN_AGREEMENT, KNOWN_FALSE, "known false alarm"))
def test_twin_in_agreement_is_no_data_clause(nlp: spacy.Language, sentence: str) -> None:
    assert "clause-data" not in cats(run(nlp, agreement(sentence)))


@pytest.mark.parametrize("sentence", TWINS_IN_PROPOSAL)
def test_twin_in_proposal_is_no_data_clause(nlp: spacy.Language, sentence: str) -> None:
    assert "clause-data" not in cats(run(nlp, text_doc(*PROPOSAL_HEAD, sentence)))
