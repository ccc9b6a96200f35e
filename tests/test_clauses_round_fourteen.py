"""Clause families found by the first run of round fourteen's dev agreements (research-computing and data-service
policies, program agreements, material supply terms, vulnerability disclosure and trade-compliance pages). Each family
is stated by what makes the sentence a clause of its kind, with examples in the words of different drafters, and a twin
that must not be that kind.

Every sentence here was written for the tests; none is taken from the pack's examples or a corpus row."""

from __future__ import annotations

from tests.fixtures.clause_families import family_checks

PROPOSAL_HEAD = (
    "Project title: Shared computing for coastal flood models",
    "Objectives: we will run ensemble flood models on a national cluster and publish the results.",
)

FAMILIES = [
    # a duty written as someone's responsibility, with data as the object of handling it
    (
        "It is the user's responsibility to ensure that any data kept in the scratch area is handled securely.",
        "clause-data",
    ),
    (
        "It is the responsibility of each group leader to ensure that patient records are handled in accordance with "
        "the ethics approval.",
        "clause-data",
    ),
    # the data of other users, accounts or projects, not to be accessed or used without consent
    ("Members must not read files belonging to other projects without the owner's consent.", "clause-data"),
    (
        "Use of data of other accounts without the written consent of their principal investigator is prohibited.",
        "clause-data",
    ),
    # an export barred with "cannot be", to named destinations or generally
    (
        "Under national law the design files cannot be exported to Cuba, Iran, North Korea or Syria.",
        "clause-export",
    ),
    ("The controlled software cannot be re-exported to any country under an arms embargo.", "clause-export"),
    # vulnerabilities kept from the public until addressed, with a polite or a plain prohibition
    (
        "Please do not disclose security vulnerabilities publicly until the maintainers have shipped a patch.",
        "clause-confidentiality",
    ),
    (
        "Researchers must not publish details of the vulnerability before the vendor releases a fix.",
        "clause-confidentiality",
    ),
    # a grant with a long comma list of qualifiers, to a grantee of several capitalised words or to "you"
    (
        "The Consortium grants the Partner Institution a limited, revocable, worldwide, non-sublicensable, and "
        "non-transferable right to use the Shared Toolkit.",
        "clause-ip",
    ),
    (
        "The Archive grants to you a personal, limited, non-exclusive, non-transferable, revocable licence to copy the "
        "maps.",
        "clause-ip",
    ),
    # what a user submits stays the user's own
    ("Your uploaded content remains yours at all times.", "clause-ip"),
    ("Their contributions remain theirs and the forum claims no ownership of them.", "clause-ip"),
    # a civil agency named "... Security Agency" does not hide a real clearance term beside it
    (
        "The Contractor shall hold a facility clearance granted by the Defense Counterintelligence and Security "
        "Agency before it receives classified drawings.",
        "clause-security",
    ),
]

TWINS = [
    # civil agencies whose names end in "Security Agency": a supplier, a recipient of reports
    (
        "The UK Health Security Agency shall invoice the Recipient for the cultures supplied.",
        "clause-security",
    ),
    (
        "The Operator shall send a copy of the incident report to the Cybersecurity and Infrastructure Security Agency.",
        "clause-security",
    ),
    # a responsibility with nothing about data, and something else handled appropriately
    ("It is the responsibility of project leads to keep the virtual machines patched.", "clause-data"),
    ("The Organiser must ensure that complaints are handled appropriately.", "clause-data"),
    # other people's equipment, not their data
    ("Users must not move equipment belonging to other groups without asking.", "clause-data"),
    # an export to a file format, not across a border
    ("The survey answers cannot be exported to a spreadsheet without the plug-in.", "clause-export"),
    # reporting a vulnerability to the provider, and an unrelated polite prohibition
    (
        "The Supplier shall disclose vulnerabilities to the Customer within five working days.",
        "clause-confidentiality",
    ),
    ("Please do not leave bicycles in the corridor.", "clause-confidentiality"),
    # a grant of things that are no licence or right
    (
        "The University grants the Visiting Fellow a desk, a library card, a parking permit, and access to the common "
        "room.",
        "clause-ip",
    ),
    # something of "yours" that stays open or valid, not owned
    ("Your application remains open until the closing date.", "clause-ip"),
]

PROPOSAL_TWINS = [
    "We will ensure that all survey data is handled securely and in line with the university's policy.",
    "Our team will not disclose the vulnerabilities we find until the vendors have patched them.",
    "Our model output cannot be exported to other clusters without conversion.",
]


test_family_sentence_is_its_clause, test_twin_is_not_that_clause, test_proposal_voice_gives_no_clause = (
    family_checks(FAMILIES, TWINS, PROPOSAL_TWINS, PROPOSAL_HEAD)
)
