"""Clause wording of UK, European and Australian grant and research agreements: the default ownership rule
for results, exploitation by transfer or licensing, access rights to background and results, intellectual
property vesting in a party named 'you' or 'us', personal data sent abroad under the transfer rules,
disputes before the Union's courts, releases from claims, Australian, Wassenaar and Canadian control
lists, security programmes and privacy statutes, UK official secrecy and the Ministry of Defence's security
conditions, research data of a funded action, consent to the Specified Acts, consultation before
publishing, responsibility for damage, exclusions of the funder's liability ("cannot be held liable")
and compensation for damage, confidential information defined in the 'Term: meaning' layout or withheld by
"Neither Party shall disclose", publication delayed, announced in advance or preceded by a draft a fixed time
before submission, and the Ministry of Defence's security and export conditions named by number; and what is
not a clause there: page legends about confidential information and a Background or Foreground term being
defined. Each family has sentences that must give exactly their
categories and look-alikes that must not."""

from __future__ import annotations

import pytest
import spacy

from .test_clauses import agreement, assert_clause_only_in_agreement, cats, run

FAMILIES = [
    # the default ownership rule of grant and consortium agreements
    ("Title to all results generated under the grant vests in the research organisation.", {"clause-ip"}),
    ("Ownership of the results rests with the beneficiary that produced them.", {"clause-ip"}),
    ("Results are the property of the partner that created them.", {"clause-ip"}),
    # exploitation through transfer or licensing, and access rights in lower case
    (
        "Each partner shall take steps to ensure exploitation of its results, including through licensing to "
        "third parties.",
        {"clause-ip"},
    ),
    (
        "Each party shall give the other parties access rights to its background where needed to carry out "
        "the project.",
        {"clause-ip"},
    ),
    # an exclusion of the funder's liability, and compensation for damage
    (
        "The agency cannot be held liable for any damage caused to third parties by the action.",
        {"clause-liability"},
    ),
    (
        "The beneficiaries must compensate the Agency for any loss it suffers through their default.",
        {"clause-liability"},
    ),
    # confidential information defined in the 'Term: meaning' layout
    (
        "Confidential Information: all information disclosed by either party, in any form, that is marked as "
        "confidential.",
        {"clause-confidentiality"},
    ),
    (
        "Neither Member may disclose Confidential Information received from another Member.",
        {"clause-confidentiality"},
    ),
    # intellectual property vesting in a party named in the second or first person, exclusive licensing of results
    ("Intellectual Property Rights in the Grant Material will vest in us.", {"clause-ip"}),
    (
        "Exclusive licensing of results to a company outside the Union needs the Agency's agreement.",
        {"clause-ip"},
    ),
    # publication: a planned publication postponed, a draft a fixed time before, prior notice before publishing
    (
        "The Collaborator may ask the University to postpone the planned publication by up to 60 days.",
        {"clause-publication"},
    ),
    (
        "Details of any Results to be presented shall reach the Company at least 45 days before the intended "
        "presentation.",
        {"clause-publication"},
    ),
    (
        "A partner that plans to publish results must give the other partners prior notice.",
        {"clause-publication"},
    ),
    # the Ministry of Defence's conditions named by number
    ("DEFCON 660 (Official-Sensitive Security Requirements) applies to this Contract.", {"clause-security"}),
    ("The Contractor shall observe DEFCON 528 for every shipment.", {"clause-export"}),
    # personal data sent abroad under the transfer rules, access to background, a release from claims, and
    # disputes before the Union's courts
    (
        "Personal data collected in the trial may be sent to a non-EU country only where an adequacy decision "
        "applies.",
        {"clause-data"},
    ),
    (
        "Each partner must grant the others access to their background where needed for the project.",
        {"clause-ip"},
    ),
    (
        "The Grantee releases the Department from all claims connected with the Activity.",
        {"clause-liability"},
    ),
    (
        "Any dispute about this Agreement shall be decided by the Court of Justice of the European Union.",
        {"clause-law"},
    ),
    # control lists and security programmes of other regimes, Canada's privacy statute, a draft sent for comment
    (
        "No Party may export items on the Defence and Strategic Goods List to the Collaborator without a permit.",
        {"clause-export"},
    ),
    ("The Recipient shall observe the Wassenaar Arrangement controls for the equipment.", {"clause-export"}),
    (
        "The Contractor shall keep its DISP membership current for the life of the Contract.",
        {"clause-security"},
    ),
    ("The Recipient shall handle the survey records in accordance with PIPEDA.", {"clause-data"}),
    (
        "Before presenting any abstract at a conference, the Student shall give a draft to the Company for comment.",
        {"clause-publication"},
    ),
    # UK official secrecy, the Ministry of Defence's security conditions and the clearance of foreign researchers
    (
        "Every person employed on the Contract shall be told that the Official Secrets Act 1989 applies to them.",
        {"clause-security"},
    ),
    (
        "The Contractor shall store Secret Matter only at the premises named in the Contract.",
        {"clause-security"},
    ),
    (
        "The Supplier shall handle all OFFICIAL-SENSITIVE documents on accredited systems.",
        {"clause-security"},
    ),
    (
        "The University shall not admit a visiting researcher who lacks a required ATAS certificate.",
        {"clause-security"},
    ),
    # research data of a funded action, consent to the Specified Acts, consultation before publishing, and
    # responsibility for damage
    ("Each partner shall curate its research data and deposit it in a trusted repository.", {"clause-data"}),
    ("The Grantee must obtain each author's consent to the Specified Acts.", {"clause-ip"}),
    ("The Parties shall consult each other before publishing any Results.", {"clause-publication"}),
    (
        "The Provider shall not be responsible for any loss arising from the use of the Material.",
        {"clause-liability"},
    ),
    # the same subjects worded as duties remain clauses beside the exclusions below
    (
        "The Recipient shall hold the Discloser's proprietary information in confidence.",
        {"clause-confidentiality"},
    ),
    (
        '"Background IP" means intellectual property owned by a Party before the Effective Date, which remains '
        "with that Party.",
        {"clause-ip"},
    ),
]


@pytest.mark.parametrize("sentence, expected", FAMILIES)
def test_uk_eu_clause_wording_gives_its_categories(
    nlp: spacy.Language, sentence: str, expected: set[str]
) -> None:
    assert cats(run(nlp, agreement(sentence))) == expected


NOT_CLAUSES = [
    # results that are not intellectual property, and exploitation without transfer or licensing
    "The results of the audit shall be reported to the Authority within one month.",
    "The partners will discuss the exploitation of the results at each meeting.",
    # a page legend or marking names confidential information without agreeing to keep it
    "This document may contain proprietary information of the Collaborator.",
    "Commercial in Confidence: the Supplier's offer and prices.",
    # a Background or Foreground term being defined owns, assigns and licenses nothing
    '"Foreground Technology" means technology first developed in the Project.',
    # compensation that is not for damage, and a definition without a meaning
    "Participants will be compensated for their travel time.",
    "Confidential Information: none.",
    # an obligation that does not exist, notice that is not about publishing, a condition on specifications
    "Neither Party is obliged to disclose Confidential Information under this Agreement.",
    "The Supplier shall give the Buyer prior notice of any change of control.",
    "The Contractor shall comply with DEFCON 5 (Specifications).",
    # a court named without a dispute, goods released without any claim
    "The Court of Justice of the European Union is one of the institutions the Parties visit each year.",
    "The Supplier shall release the Goods from the warehouse on request.",
    # publishing the contract under transparency rules without notice is no restriction on publication
    "The Supplier accepts that the Authority may publish this Contract without prior notice to the Supplier.",
    # a data management plan named as a schedule is not a data term
    "Schedule 4 - Data Management Plan: to be agreed by the Steering Committee.",
    # a page marking is not a duty to protect marked information
    "OFFICIAL-SENSITIVE COMMERCIAL",
    # assigning the agreement's own rights is boilerplate, not an IP term
    "The Grant Recipient shall not assign or transfer any of its rights under this Agreement to a third party.",
]


@pytest.mark.parametrize("sentence", NOT_CLAUSES)
def test_uk_eu_look_alikes_in_an_agreement_are_not_clauses(nlp: spacy.Language, sentence: str) -> None:
    assert cats(run(nlp, agreement(sentence))) == set()


@pytest.mark.parametrize(
    "sentence, category",
    [
        ("Results are owned by the beneficiary that generates them.", "clause-ip"),
        ("The granting authority cannot be held liable for damage the action causes.", "clause-liability"),
    ],
)
def test_proposals_describing_grant_terms_get_no_clause(
    nlp: spacy.Language, sentence: str, category: str
) -> None:
    assert_clause_only_in_agreement(
        nlp,
        "Research Proposal: Managing results in collaborative projects",
        "Objectives and methodology. The Principal Investigator will lead work package 1.",
        f"We will explain the grant rules to partners: {sentence}",
        sentence,
        category,
    )
