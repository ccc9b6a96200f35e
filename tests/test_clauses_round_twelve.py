"""Clause families found by the first run of round twelve's dev agreements (data use and business associate
agreements, repository and research-computing terms, statistics offices' access conditions). Each family is stated by
what makes the sentence a clause of its kind, with examples in the words of different drafters, and a twin that must
not be that kind.

Every sentence here was written for the tests; none is taken from the pack's examples or a corpus row."""

from __future__ import annotations

import spacy

from tests.fixtures.clause_families import family_checks

from .test_clauses import agreement, cats, run

PROPOSAL_HEAD = (
    "Project title: Hospital discharge records and readmission risk",
    "Objectives: we will link discharge records to outcomes and model readmission over three years.",
)

FAMILIES = [
    # protected health information by its abbreviation, next to what is done with it, in a business associate
    # agreement; the two roles of such an agreement bind like any party
    ("Business Associate will not use or disclose PHI except as this Agreement permits.", "clause-data"),
    ("The Vendor shall encrypt all ePHI stored on laptops and removable media.", "clause-data"),
    (
        "Covered Entity will notify Business Associate of any restriction on the use of protected health "
        "information that it has agreed to.",
        "clause-data",
    ),
    # an undertaking not to pass the data themselves on
    (
        "The Researcher shall not redistribute the survey data to colleagues outside the project.",
        "clause-data",
    ),
    ("The Data User agrees not to give access to these microdata to any other person.", "clause-data"),
    # laws and restrictions that bind the data a service processes, which the user undertakes to comply with
    (
        "Members shall comply with the laws of every jurisdiction and with any consent conditions imposed on the "
        "data being processed on the platform.",
        "clause-data",
    ),
    # a data role named as a party does not stop the data itself from being the object
    ("The Data Users shall not share the Data with any third party.", "clause-data"),
    # information held confidentially
    (
        "The recipient of the records shall hold them confidentially and use them only for the stated purpose.",
        "clause-confidentiality",
    ),
    ("Each Party shall keep the pricing schedule confidential.", "clause-confidentiality"),
]

TWINS = [
    # the Greek letter of an angle is not the abbreviation of protected health information
    ("The Licensee shall align the PHI axis of the diffractometer before each measurement.", "clause-data"),
    # a role of a business associate agreement with nothing about data
    ("Business Associate will send its invoices to Covered Entity each month.", "clause-data"),
    # funds and slides redistributed are not data
    ("The Sponsor shall redistribute the unspent funds to the partners.", "clause-data"),
    ("The Presenter shall not redistribute these slides without the organisers' consent.", "clause-data"),
    # restrictions on waste or samples processed are not data terms
    (
        "The Operator shall comply with the restrictions imposed on the waste being processed at the site.",
        "clause-data",
    ),
    # a body of law named by its subject is no governing law
    ("The Member shall not post material that is actionable under the law of defamation.", "clause-law"),
    ("The Contractor shall remain liable under the law of negligence for its own staff.", "clause-law"),
    # "Data" as the first word of a role name is not the data
    ("Access to the portal by the Data Providers is limited to the upload interface.", "clause-data"),
    # meetings held, not information held confidentially
    ("The committee shall hold its meetings quarterly and publish the minutes.", "clause-confidentiality"),
    # the conduct rule of acceptable use policies names confidentiality agreements made elsewhere
    (
        "Users shall respect copyright and confidentiality agreements when they use the cluster.",
        "clause-confidentiality",
    ),
]

PROPOSAL_TWINS = [
    "We will not redistribute the interview data to other teams.",
    "Our research nurse will hold the consent forms confidentially in a locked cabinet.",
    "The hospital's business associate will extract PHI from the discharge system.",
]


test_family_sentence_is_its_clause, test_twin_is_not_that_clause, test_proposal_voice_gives_no_clause = (
    family_checks(FAMILIES, TWINS, PROPOSAL_TWINS, PROPOSAL_HEAD)
)


def test_security_incident_heading_puts_its_sentences_in_a_data_clause(nlp: spacy.Language) -> None:
    found = cats(
        run(
            nlp,
            agreement(
                "7. Reporting of Security Incidents",
                "The Processor will report any security incidents to the Controller within 48 hours of discovery.",
            ),
        )
    )
    assert "clause-data" in found
    assert "clause-security" not in found


def test_security_heading_still_puts_its_sentences_in_a_security_clause(nlp: spacy.Language) -> None:
    found = cats(
        run(
            nlp,
            agreement(
                "7. Security",
                "The Contractor will make sure that the staff on the project are vetted to the level the Authority names.",
            ),
        )
    )
    assert "clause-security" in found
