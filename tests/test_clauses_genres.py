"""Clause families written from the wording of a genre rather than from one drafter's sentences: data use
agreements and certifications (no use of the data to identify or contact the people in it, no linkage with
identifiable data, use only for the approved project or a stated purpose, retention for stated reasons, no
onward transfer, loss or unauthorised release reported within hours, the lawful basis for processing,
shared data declared personal data, controlled-access data and its data use limitations), the notices of
federally funded work (government reprint rights, the disclaimer in capitals that no one "makes any
warranty, express or implied", "export of this software may require a licence", patent-interest articles,
the law named before "shall govern"), and material licensed under Creative Commons; and the look-alikes of
those genres that are not clauses: peer review, a licensed act listed after "not limited to", an accession
number, data-security practices, the common law duty of confidentiality, data-protection terms defined by
reference to the GDPR, access requested as the occasion of another term, a publication approval number.

Every sentence here was written for the tests; none is taken from the pack's examples or a corpus row."""

from __future__ import annotations

import pytest
import spacy

from .test_clauses import agreement, assert_clause_only_in_agreement, cats, run


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    n = spacy.blank("en")
    n.add_pipe("sentencizer")
    return n


FAMILIES = [
    # data use agreements: no identification or contact of the people in the data
    (
        "The Data User agrees not to use the survey files, alone or with other sources, to identify any "
        "individual respondent.",
        {"clause-data"},
    ),
    ("Approved Users shall not attempt to link the extract to contact any participant.", {"clause-data"}),
    (
        "Any attempt to learn the identity of a patient in the discharge records is prohibited.",
        {"clause-data"},
    ),
    # no linkage with identifiable data
    (
        "The Requester undertakes not to merge the linked cohort data with identifiable records held elsewhere.",
        {"clause-data"},
    ),
    # use only for the approved project or a stated purpose
    (
        "The Recipient shall use the microdata only for the purpose of the statistical analysis set out in the "
        "application.",
        {"clause-data"},
    ),
    (
        "Access to the records is granted solely for the approved study protocol and no other research.",
        {"clause-data"},
    ),
    # retention for stated reasons, and no onward transfer
    (
        "The Requester may keep the data until the journal has accepted the final article.",
        {"clause-data"},
    ),
    ("The Data User must not make any onward disclosure of the information supplied.", {"clause-data"}),
    # loss or unauthorised release reported within a fixed time
    (
        "Each Party shall notify the other of any unauthorised access to the patient data within 48 hours of "
        "discovering it.",
        {"clause-data"},
    ),
    # the lawful basis of a data sharing agreement, and shared data declared personal data
    (
        "The lawful basis for the sharing is public task under Article 6(1)(e) of the UK GDPR.",
        {"clause-data"},
    ),
    (
        "The tenancy extract is deemed to be personal data because households can be singled out.",
        {"clause-data"},
    ),
    # controlled-access data and its use limitations
    (
        "The Requester agrees to respect the data use limitations recorded for each controlled-access dataset.",
        {"clause-data"},
    ),
    # government-rights notices of sponsored work, and a public licence
    (
        "The Government is authorised to reproduce and distribute reprints for governmental purposes.",
        {"clause-ip"},
    ),
    (
        "All photographs on this site are licensed under a Creative Commons Attribution licence.",
        {"clause-ip"},
    ),
    # patent-interest articles of federal agreements
    (
        "The Agency shall consult the Commission before any disclosure so that its patent interests are kept.",
        {"clause-ip"},
    ),
    # a licensed act listed after "not limited to" is a licence grant, no restriction on publication
    (
        "You grant Us a licence to use the Work by all means, including but not limited to publish the Work.",
        {"clause-ip"},
    ),
    # the federal warranty disclaimer, in capitals as it is printed
    (
        "NO AGENCY OF THE GOVERNMENT MAKES ANY WARRANTY, EXPRESS OR IMPLIED, ABOUT THE ACCURACY OF THE MAPS.",
        {"clause-liability"},
    ),
    (
        "The Department assumes no legal responsibility for the completeness of the tables.",
        {"clause-liability"},
    ),
    # the export notice of laboratory software and data
    (
        "Export of these binaries might require an export licence from the Department of Commerce.",
        {"clause-export"},
    ),
    # the law named before the verb
    ("The laws of the Commonwealth of Virginia shall govern this Licence.", {"clause-law"}),
    ("United States federal law shall govern this Agreement.", {"clause-law"}),
]


@pytest.mark.parametrize("sentence, expected", FAMILIES)
def test_genre_wording_gives_its_categories(nlp: spacy.Language, sentence: str, expected: set[str]) -> None:
    assert cats(run(nlp, agreement(sentence))) == expected


NOT_CLAUSES = [
    # peer review is not review by a party, and encouragement to publish restricts nothing
    "Approved Users are invited to publish their findings in peer-reviewed journals.",
    # an accession number is not access to a dataset
    "Each paper shall cite the accession number of the dataset analysed.",
    # the data-security practices of a data use agreement are not vetting or classified matter
    "Approved Users shall follow the data security best practices and IT security requirements of their institution.",
    # the common law duty of confidentiality acknowledged beside statutes is not a duty agreed
    "The Parties acknowledge their obligations under the common law duty of confidentiality.",
    # a data-protection term defined by reference to the statute shares or keeps nothing
    '"Data Controller" has the meaning given in Article 4(7) of the GDPR.',
    # a publication approval number is a document identifier
    "Contract Particulars for the Company, first published March 2020, Publication Approval Number 01234.",
    # equipment sent on is not an onward transfer of data
    "Onward transfer of the Equipment to another end user requires the Supplier's written consent.",
    # use of material, not data, for the approved project
    "The Recipient shall use the Material only for the approved research project.",
]


@pytest.mark.parametrize("sentence", NOT_CLAUSES)
def test_genre_look_alikes_in_an_agreement_are_not_clauses(nlp: spacy.Language, sentence: str) -> None:
    assert cats(run(nlp, agreement(sentence))) == set()


def test_access_requested_is_the_occasion_not_a_data_term(nlp: spacy.Language) -> None:
    """The intellectual-property term still counts; the access that occasions it is no data term."""
    found = cats(
        run(
            nlp,
            agreement(
                "By requesting access to the genomic datasets, the Requester acknowledges that no IP claims "
                "shall be made on the data."
            ),
        )
    )
    assert "clause-ip" in found
    assert "clause-data" not in found


@pytest.mark.parametrize(
    "sentence, category",
    [
        (
            "We will not use the interview transcripts to identify any individual participant.",
            "clause-data",
        ),
        ("The lawful basis for processing is public task under Article 6 of the UK GDPR.", "clause-data"),
    ],
)
def test_proposals_promising_data_terms_get_no_clause(
    nlp: spacy.Language, sentence: str, category: str
) -> None:
    assert_clause_only_in_agreement(
        nlp,
        "Research Proposal: Housing outcomes of social tenants",
        "Objectives and methodology. The Principal Investigator will lead work package 1 on tenancy records.",
        f"Data management: {sentence}",
        sentence,
        category,
    )
