"""Clause wording of US federal contracts and licences: protected-information handling and industrial
security, foreign-ownership bars, technology made available to foreign nations, release of information
only with the contracting officer's permission, and the agency's own information held by a contractor.
Each family has sentences that must give exactly their categories and look-alikes that must not."""

from __future__ import annotations

import pytest
import spacy

from .test_clauses import agreement, cats, run, text_doc

FAMILIES = [
    # US protected but unclassified information (SBU, FOUO) and the classified-contract security programme
    (
        "The Contractor shall mark and protect all Sensitive But Unclassified material it receives.",
        {"clause-security"},
    ),
    (
        "Documents designated For Official Use Only shall be stored in a locked container by the Contractor.",
        {"clause-security"},
    ),
    (
        "The Contractor shall comply with the National Industrial Security Program Operating Manual.",
        {"clause-security"},
    ),
    (
        "The security classification requirements are set out in the DD Form 254 attached to this Contract.",
        {"clause-security"},
    ),
    (
        "The Contractor shall notify the Government of any change in its foreign ownership, control or influence.",
        {"clause-security"},
    ),
    (
        "The Contractor shall handle and safeguard sensitive information only on approved systems.",
        {"clause-security"},
    ),
    (
        "The Contractor shall submit its IT security plan to the Contracting Officer for approval.",
        {"clause-security"},
    ),
    # awards barred to firms a foreign or terrorist-list government owns or controls
    (
        "No award shall be made to a firm in which the government of a terrorist country holds an interest.",
        {"clause-security"},
    ),
    (
        "The Contractor represents that it is not a Chinese-owned company and shall not become one.",
        {"clause-security"},
    ),
    # technology made available to foreign nations
    (
        "The Contractor shall not make technical information about the reactor available to foreign nations "
        "without approval.",
        {"clause-export"},
    ),
    # release or publication only with written permission
    (
        "The Contractor shall not release or publish any report first produced under this Contract without "
        "written permission of the Contracting Officer.",
        {"clause-publication"},
    ),
    (
        "The Contractor must obtain advance clearances on all informational material prepared for public "
        "dissemination.",
        {"clause-publication"},
    ),
    # the agency's own information held by the contractor
    (
        "At the end of the Contract the Contractor shall return all agency information and purge every copy "
        "from its systems.",
        {"clause-data"},
    ),
    (
        "The Contractor shall protect Government information from unauthorised disclosure.",
        {"clause-data"},
    ),
    # a statutory penalty under a country's laws is neither a governing-law nor a liability term
    (
        "Disclosure of classified material to any person not entitled to it may subject the Contractor to "
        "criminal liability under the laws of the United States.",
        {"clause-security"},
    ),
    # the classification criterion of national-security information is not a confidentiality term
    (
        "Protected Information means information which the Contractor handles but which has not been "
        "authorised to be kept secret in the interest of national defense.",
        set(),
    ),
    # the attribution condition of a licence
    (
        "All advertising materials mentioning the Software must display the following acknowledgment.",
        {"clause-ip"},
    ),
    # an embargo period defined in a licence whose parties are named in the plural
    (
        "You may delay sharing the changes for up to sixty days (the Embargo Period) if all Licensees "
        "are told of it.",
        {"clause-publication"},
    ),
    # export and import control named together
    (
        "You agree to distribute the Program only in compliance with all export and import control rules.",
        {"clause-export"},
    ),
    # risk left with one party
    ("Any clinical use of the Program is at the sole risk of the person who makes it.", {"clause-liability"}),
    # intellectual property of others, and rights a user must obtain
    (
        "The Contractor shall check that no deliverable violates the intellectual property rights of any "
        "other entity.",
        {"clause-ip"},
    ),
    (
        "Each user hereby accepts the duty to secure any other intellectual property rights needed.",
        {"clause-ip"},
    ),
    # official US contract vocabulary: release to the public only after approval, subject inventions,
    # staff restricted to citizens, export-controlled information, covered contractor information systems,
    # government-furnished information returned or destroyed
    (
        "No findings of the study shall be released to the news media without prior approval of the agency.",
        {"clause-publication"},
    ),
    ("The Contractor shall report each subject invention to the agency within sixty days.", {"clause-ip"}),
    ("Only United States citizens shall be assigned to the tasks in Annex B.", {"clause-security"}),
    # a bidder's representation is contract language
    ("The offeror represents that it is not a Russian-owned firm.", {"clause-security"}),
    ("The Contractor shall keep export-controlled drawings on a separate server.", {"clause-export"}),
    (
        "The Contractor shall patch every covered contractor information system within thirty days.",
        {"clause-security"},
    ),
    (
        "The Contractor shall destroy all Government-furnished information when the work ends.",
        {"clause-data"},
    ),
    # the scope of a licence and the uses it forbids
    ("This licence does not cover photographs supplied by third parties.", {"clause-ip"}),
    ("The Program must not be used for any surveillance of people without their consent.", {"clause-ip"}),
]


@pytest.mark.parametrize("sentence, expected", FAMILIES)
def test_federal_clause_wording_gives_its_categories(
    nlp: spacy.Language, sentence: str, expected: set[str]
) -> None:
    assert cats(run(nlp, agreement(sentence))) == expected


LOOK_ALIKES = [
    # a proposal that describes such terms gets no clause findings
    "We studied how contractors protect Sensitive But Unclassified information in federal IT systems.",
    "Our survey asked firms about foreign ownership, control or influence reviews and DD Form 254.",
    "The Department of Homeland Security publishes guidance on IT security plans for contractors.",
]


@pytest.mark.parametrize(
    "sentence",
    [
        # guidance that names the industrial security manual has no contract language
        "This letter answers questions about the requirements in Chapter Ten of the NISPOM.",
        # a distribution marking is no clause on publication
        'Each slide must carry an "Approved for public release; distribution unlimited" statement.',
    ],
)
def test_guidance_naming_federal_terms_is_not_a_clause(nlp: spacy.Language, sentence: str) -> None:
    assert cats(run(nlp, text_doc(sentence))) == set()


@pytest.mark.parametrize("sentence", LOOK_ALIKES)
def test_descriptions_of_federal_terms_are_not_clauses(nlp: spacy.Language, sentence: str) -> None:
    proposal = text_doc(
        "Research Proposal: Security of federal contractor systems",
        "Objectives and methodology. The Principal Investigator will lead work package 1.",
        sentence,
        "Impact: the research will inform state-of-the-art methodology for the research community.",
    )
    assert cats(run(nlp, proposal)) == set()
    # the same words as a term of an agreement are a clause
    assert "clause-security" in cats(run(nlp, agreement(f"The Contractor shall observe this: {sentence}")))


AGREEMENT_LOOK_ALIKES = [
    # "without limitation" before a publication date is no restriction on publishing
    (
        "This Agreement applies to all Contributions, including without limitation Contributions made before "
        "the first publication of this Agreement.",
        "clause-publication",
    ),
    # a security clearance of staff is not a clearance of material for publication, and the reverse
    (
        "The Contractor must obtain advance clearances on material prepared for public release.",
        "clause-security",
    ),
    # confidential information of the other party is not the agency information of a data clause
    ("Each Party shall return the other Party's Confidential Information on request.", "clause-data"),
    # the Export Administration Regulations' national security controls are export wording, not vetting
    (
        "The Program may not be exported to nationals of countries subject to national security controls.",
        "clause-security",
    ),
    # a statutory penalty is not a liability term agreed between the parties
    (
        "Breach of export laws may result in criminal liability to Licensee under U.S. laws.",
        "clause-liability",
    ),
    # software that must not be used, named in a description of a study, is no licence term
    ("The Contractor shall record which software must not be used on the trial computers.", "clause-ip"),
    # a release to the public with no approval is no publication restriction
    (
        "The Contractor shall release a summary of the findings to the public every quarter.",
        "clause-publication",
    ),
    # an information technology resource is not the agency's information
    ("The Contractor shall protect DHS information technology resources from damage.", "clause-data"),
]


@pytest.mark.parametrize("sentence, absent", AGREEMENT_LOOK_ALIKES)
def test_look_alikes_in_agreements_miss_the_category(nlp: spacy.Language, sentence: str, absent: str) -> None:
    assert absent not in cats(run(nlp, agreement(sentence)))
