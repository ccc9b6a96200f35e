"""Clause families of data, IP and publication terms found by scoring every round's dev agreements with the rules as
they stood before that round's fixes (the first runs), and by a fresh test on standard forms
(test_clauses_fresh_forms.py). Each family is stated by what governs the sentence, with examples in the words of
different drafters, and a twin that must not be that kind.

Every sentence here was written for the tests; none is taken from the pack's examples or a corpus row."""

from __future__ import annotations

from tests.fixtures.clause_families import family_checks

PROPOSAL_HEAD = (
    "Project title: Resilient supply chains for small manufacturers",
    "Objectives: we will interview managers and model supplier networks over two years.",
)

FAMILIES = [
    # the parties that data-transfer terms bind, named by their role (data importer, data exporter)
    (
        "The data importer shall notify the data exporter of any request for disclosure it receives.",
        "clause-data",
    ),
    ("Each data exporter shall keep a copy of these terms for the life of the transfer.", "clause-data"),
    # processing limited to instructions or purposes, and the records of processing activities
    (
        "The Processor shall only process the Shared Data for the Purpose set out in Schedule 1.",
        "clause-data",
    ),
    (
        "The Supplier shall ensure that its staff process the customer data only on the written instructions of "
        "the Authority.",
        "clause-data",
    ),
    (
        "The Recipient shall maintain a record of processing activities under its responsibility.",
        "clause-data",
    ),
    # the data the agreement itself covers, and safeguards of the confidentiality or security of data or records
    ("Recipient shall not share the data provided under this Agreement with any third party.", "clause-data"),
    ("Access to the records released under this agreement shall be limited to named staff.", "clause-data"),
    (
        "The Contractor shall maintain safeguards to ensure the security of the records it holds for the "
        "Department.",
        "clause-data",
    ),
    # the roles of data sharing terms in lower case after a determiner bind a party, also with "will"
    (
        "The requestor and its agents will destroy the data files at the end of the study.",
        "clause-data",
    ),
    ("The data custodian will delete the linked records when the study ends.", "clause-data"),
    # a prohibition with its exception written with "cannot"
    (
        "Data cannot be shared with third parties without prior written approval of the Provider.",
        "clause-data",
    ),
    ("Record-level extracts cannot be copied to portable media unless they are encrypted.", "clause-data"),
    # work product committed or dedicated to the public domain
    ("The Contractor shall commit all code created under this order to the public domain.", "clause-ip"),
    (
        "The authors hereby dedicate any and all copyright interest in the software to the public domain.",
        "clause-ip",
    ),
    # leave to publish given on a condition
    (
        "The University may publish the results of the Project after giving the Company a copy of the draft.",
        "clause-publication",
    ),
    (
        "The Grantee may publish (subject to the provisions of the Patent Rights clause) the findings of the "
        "study.",
        "clause-publication",
    ),
]

TWINS = [
    # a software component called a data importer is not a party
    ("The data importer module shall read CSV files from the shared drive.", "clause-data"),
    ("The data importer plugin will load the files each night.", "clause-data"),
    # processing of samples or signals is not processing of data
    ("The pump shall process the samples only at room temperature.", "clause-data"),
    # safeguards of confidential information are a duty of confidence; safeguards of a building are security
    (
        "The Recipient shall establish safeguards to protect the confidentiality of the Confidential Information.",
        "clause-data",
    ),
    ("The Contractor shall maintain safeguards for the physical security of the building.", "clause-data"),
    ("The fees covered by this agreement shall be paid quarterly.", "clause-data"),
    # information that becomes part of the public domain is an exception to a duty of confidence
    (
        "Confidential Information does not include information which is or becomes part of the public domain "
        "through no fault of the Recipient.",
        "clause-ip",
    ),
    (
        "The Recipient shall not be bound where the information was committed to memory before disclosure.",
        "clause-ip",
    ),
    # a plain leave to publish names no restriction
    ("The Contractor may publish the results of the research.", "clause-publication"),
]

PROPOSAL_TWINS = [
    "We may publish the results after giving our industrial partner a copy of the draft.",
    "Our data importer script will process the survey data only on the project server.",
    "We will put in place safeguards to protect the confidentiality of the interview data.",
    "We will commit our analysis scripts to the public domain at the end of the project.",
    "Interview data cannot be shared with other teams unless participants consent.",
]


test_family_sentence_is_its_clause, test_twin_is_not_that_clause, test_proposal_voice_gives_no_clause = (
    family_checks(FAMILIES, TWINS, PROPOSAL_TWINS, PROPOSAL_HEAD)
)
