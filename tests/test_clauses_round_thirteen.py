"""Clause families found by the first run of round thirteen's dev agreements (research-platform terms, trusted research
environment and computing policies, data licences and privacy notices). Each family is stated by what makes the sentence
a clause of its kind, with examples in the words of different drafters, and a twin that must not be that kind.

Every sentence here was written for the tests; none is taken from the pack's examples or a corpus row."""

from __future__ import annotations

from tests.fixtures.clause_families import family_checks

PROPOSAL_HEAD = (
    "Project title: Linked prison and probation records",
    "Objectives: we will link custody records to reoffending outcomes over five years.",
)

FAMILIES = [
    # a government classification marking written before the data or information it classifies
    (
        "SECRET and TOP SECRET material must never be loaded onto the shared analysis cluster.",
        "clause-security",
    ),
    ("The Supplier shall not process TOP SECRET information on the hosted service.", "clause-security"),
    # an item of a list of prohibitions read apart from its lead-in: "not" and the verb of the duty
    ("not store any files classified as SECRET on the platform;", "clause-security"),
    ("not to share personal data with anyone outside the approved project;", "clause-data"),
    # the lead-in of a list of duties binds the items after its colon
    ("All users will: report any loss of personal data to the platform team within one day.", "clause-data"),
    (
        "All researchers will: keep the personal data on the secure server; delete the personal data at the end of "
        "the project.",
        "clause-data",
    ),
    # an absolute prohibition, with sensitive or personal data as the object of sending, moving or storing it
    (
        "Under no circumstance should sensitive data be sent by email, even when it is encrypted.",
        "clause-data",
    ),
    ("Under no circumstances may identifiable data be copied to a laptop.", "clause-data"),
    (
        "If you move sensitive data onto the platform, you must first complete a data movement form.",
        "clause-data",
    ),
    # the duty to protect personal and sensitive information
    ("Staff must protect personal and sensitive information held on the cluster.", "clause-data"),
    # data or outputs leave a secure research environment only once checked
    (
        "Every file egressed from the safe haven must be checked by two reviewers before it is released.",
        "clause-publication",
    ),
    (
        "Results may only leave the trusted research environment after an output checker has approved them.",
        "clause-publication",
    ),
    # work put in a public repository or place only with someone's permission
    (
        "You may only store project code in a public repository if you have obtained written permission from your "
        "line manager.",
        "clause-publication",
    ),
    (
        "Scripts must not be uploaded to a public website without the approval of the data owner.",
        "clause-publication",
    ),
]

TWINS = [
    # a trade secret is not a security classification, in lower case or in capitals
    ("The Licensee must protect its TRADE SECRET information.", "clause-security"),
    ("Users must not post trade secret information in the forum.", "clause-security"),
    # "not" opening a sentence that is no prohibition
    ("Not all personal data collected in the survey is kept on the cluster.", "clause-data"),
    # a duty list with nothing about data
    ("The Participant will: attend the annual meeting; pay the membership fee.", "clause-data"),
    # an absolute prohibition about something other than data
    ("Under no circumstances should the fire doors be propped open.", "clause-data"),
    # a sensitivity analysis is not sensitive data
    ("The Contractor shall send the sensitivity analysis to the Authority by email.", "clause-data"),
    # leaving an environment or a chamber with no output check
    ("Staff must log out when they leave the environment.", "clause-publication"),
    ("Test samples leaving the climate chamber must be checked daily.", "clause-publication"),
    # a public repository with no one's permission
    ("The Licensee may store the software in a public repository.", "clause-publication"),
    ("Users may post questions on the public forum after registering.", "clause-publication"),
    # advice about the author's own later wish to publish elsewhere
    (
        "You should deposit the article only if you are certain that you will not later wish to publish it in a "
        "journal that forbids preprints.",
        "clause-publication",
    ),
]

PROPOSAL_TWINS = [
    "Our researchers will: store personal data on the encrypted server; delete it after five years.",
    "We will store our code in a public repository once the funder gives its approval.",
    "Under no circumstance will we send the interview recordings by email.",
]


test_family_sentence_is_its_clause, test_twin_is_not_that_clause, test_proposal_voice_gives_no_clause = (
    family_checks(FAMILIES, TWINS, PROPOSAL_TWINS, PROPOSAL_HEAD)
)
