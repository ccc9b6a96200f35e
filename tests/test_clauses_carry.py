"""Clause detection that carries to drafters it has never seen: general causes, not one drafter's words.

Each cause of a first-run miss on new agreements is tested with sentences written for these tests: the term in
an agreement is a clause finding, the same words in a proposal or asked as a question are not, and a negated
obligation is not. The clause kind is data (a pattern rule of ``clause-data`` that needs contract language:
"personal data ... kept", "post personal data"); what is tested is the contract language around it.
"""

from __future__ import annotations

import pytest
import spacy

from grantscan.detect.clauses import default_pack, heading_of_line
from grantscan.detect.clauses.detector import DefinedTerms, lead_in
from grantscan.detect.clauses.sections import block_heading, colon_title

from .test_clauses import agreement, cats, declared, run, text_doc

DATA = "clause-data"


def proposal(*paras: str) -> list[str]:
    return [
        "Research Proposal: Housing outcomes of social tenants",
        "Objectives and methodology. The Principal Investigator will lead work package 1 on tenancy records.",
        *paras,
        "Impact: the research will inform state-of-the-art methodology for the research community.",
    ]


def assert_carries(nlp: spacy.Language, term: str, question: str | None, negated: str | None) -> None:
    """``term`` is a data clause in an agreement and none in a proposal; ``question`` (the same words asked)
    is a declaration, not a finding; ``negated`` (the obligation negated) is no finding."""
    assert DATA in cats(run(nlp, agreement(term)))
    assert cats(run(nlp, text_doc(*proposal(term)))) == set()
    if question is not None:
        found = run(nlp, agreement(question))
        assert DATA not in cats(found)
        assert DATA in declared(found)
    if negated is not None:
        assert DATA not in cats(run(nlp, agreement(negated)))


# --- operative language: forms of obligation any drafter uses -------------------------------------------------


@pytest.mark.parametrize(
    ("term", "question", "negated"),
    [
        (
            "You are solely responsible for the personal data you upload to the archive.",
            "Are you solely responsible for the personal data you upload to the archive?",
            "You are not responsible for the personal data other users upload to the archive.",
        ),
        (
            "The data holder is obliged to delete personal data after five years.",
            "Is the data holder obliged to delete personal data after five years?",
            "The data holder is not obliged to delete personal data after five years.",
        ),
        (
            "The user commits not to publish personal data of donors.",
            None,
            "The organization does not commit to keep personal data of donors.",
        ),
        (
            "Never share personal data of patients with anyone outside the study.",
            None,
            "Clinicians never need to share personal data of patients with anyone outside the study.",
        ),
        (
            "Do not post personal data of patients on the site.",
            None,
            "Clinicians do not post personal data of patients on the site.",
        ),
        (
            "You will not share personal data of patients with anyone outside the study.",
            "Will you share personal data of patients with anyone outside the study?",
            None,
        ),
    ],
)
def test_operative_forms(nlp: spacy.Language, term: str, question: str | None, negated: str | None) -> None:
    assert_carries(nlp, term, question, negated)


@pytest.mark.parametrize(
    ("sentence", "operative"),
    [
        (
            "The agency reserves a royalty-free, nonexclusive and irrevocable right to reproduce the work.",
            True,
        ),
        ("The laboratory retains all copyright in the software.", True),
        ("The agency reserves the right to change the programme dates.", False),
        ("The Licensee acknowledges and agrees that the data stay on the site.", True),
        ("We acknowledge the support of the funder.", False),
        ("The user commits to reimburse a donation.", True),
        ("The organization does not commit to anything.", False),
        ("Access is forbidden to visitors.", True),
        ("Each member is bound by the rules of the society.", True),
        ("Foreign entities are responsible for complying with the award.", False),
    ],
)
def test_operative_pattern(sentence: str, operative: bool) -> None:
    assert bool(default_pack().operative.search(sentence)) is operative


# --- party terms: a defined role of any name -------------------------------------------------------------------

DEFINITION = 'This agreement is made between you and the Harbour Trust ("Steward").'


def test_term_defined_in_quotes_is_a_party(nlp: spacy.Language) -> None:
    term = "Steward may keep personal data for five years."
    assert DATA in cats(run(nlp, agreement(DEFINITION, term)))
    assert DATA not in cats(run(nlp, agreement(term)))  # the same words without the definition
    assert cats(run(nlp, text_doc(*proposal(DEFINITION, term)))) == set()
    found = run(nlp, agreement(DEFINITION, "Steward will not need personal data for the study."))
    assert DATA not in cats(found)
    assert DATA in declared(found)


def test_defined_terms_are_names_not_the_document() -> None:
    d = DefinedTerms()
    d.learn('Between you ("You") and the Harbour Trust ("Steward"), under these terms (the "Terms").')
    assert d.names == {"You", "Steward"}
    assert d.search("Steward agrees") is not None
    assert d.search("the stewardship of data") is None
    assert d.search("These Terms apply") is None


def test_role_noun_after_a_determiner_is_a_party(nlp: spacy.Language) -> None:
    assert_carries(
        nlp,
        "The Depositor keeps personal data of participants for five years.",
        "Does the Depositor keep personal data of participants for five years?",
        "The Office of the Director keeps personal data of participants for five years.",
    )


# --- sentence and list boundaries: the object in a list item ---------------------------------------------------

ITEMS = "(a) register an account.\n(b) delete personal data after use."


def test_list_item_takes_the_obligation_of_its_lead_in(nlp: spacy.Language) -> None:
    assert_carries(
        nlp,
        f"Users must:\n{ITEMS}",
        "Must users:\n(a) register an account.\n(b) delete personal data after use?",
        f"Users need not:\n{ITEMS}",
    )


def test_lead_in_helper() -> None:
    text = "Approved Users agree: Not to save data. Not to use any information to identify anyone."
    at = text.index("Not to use")
    assert lead_in(text, at, text[at:]) == "Approved Users agree:"
    plain = "Users must register. They keep personal data."
    at = plain.index("They")
    assert lead_in(plain, at, plain[at:]) is None
    far = "Note: see above. The data are kept. They are deleted."
    at = far.index("They")
    assert lead_in(far, at, far[at:]) is None  # not an item, and text lies between


# --- heading forms ---------------------------------------------------------------------------------------------

BODY = "Personal data of participants is kept for five years."


@pytest.mark.parametrize(
    "paras",
    [
        (f"§ 7 Data Protection\n{BODY}",),
        (f"VII. DATA PROTECTION\n{BODY}",),
        (f"7.9 Data Protection of Participants (a) {BODY}",),
        (f"Data Protection: {BODY}",),
        ("**Data Protection**", BODY),
        (f"Fees are paid monthly. Data Protection. {BODY}",),
    ],
)
def test_heading_forms_put_a_sentence_in_its_clause(nlp: spacy.Language, paras: tuple[str, ...]) -> None:
    assert DATA not in cats(run(nlp, agreement(BODY)))  # no contract language of its own
    assert DATA in cats(run(nlp, agreement(*paras)))
    assert cats(run(nlp, text_doc(*proposal(*paras)))) == set()


def test_titles_inside_a_block_count_only_in_agreements(nlp: spacy.Language) -> None:
    text = f"Stone Soup. Background. Stone Soup is released under the MIT License. {BODY}"
    assert cats(run(nlp, text_doc("Tracking framework", text))) == set()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("§II.26.1 Foreground", "§II.26.1 Foreground"),
        ("IV. CONFIDENTIALITY", "IV CONFIDENTIALITY"),
        # a title run into its body by extraction: the title words only
        (
            "7.9 Data Rights and Ownership of Deliverables 18F intends that any data be public",
            "7.9 Data Rights and Ownership of Deliverables",
        ),
        ("7.3 Confidentiality of Records (a) Each Party keeps the records", "7.3 Confidentiality of Records"),
        # a capitalised subject opening the body is not a title
        ("9.2 Access Rights shall be granted on request to each Party", "9.2"),
        ("5.3 Each Party shall keep the records of the Project for five years", "5.3"),
        ("9.1.1 In Attachment 1 the Parties list their background", "9.1.1"),
        ("12 The Recipient shall keep the data for twelve months after the end", "12"),
    ],
)
def test_heading_lines(line: str, expected: str) -> None:
    assert heading_of_line(line) == expected


def test_title_blocks_and_colon_titles() -> None:
    assert block_heading("**Governing Law**") == "Governing Law"
    assert block_heading("DATA PROTECTION:") == "DATA PROTECTION"
    assert block_heading("Signature:") is None
    assert block_heading("Required report information includes:") is None
    assert colon_title("Copyright Notice: The software is owned by the laboratory.") == "Copyright Notice"
    assert colon_title("The Recipient shall: keep the data.") is None


# --- negation scope: a denial before a colon governs its list ---------------------------------------------------


def test_denied_lead_in_governs_its_list(nlp: spacy.Language) -> None:
    items = "personal data of participants kept for five years; logos and crests."
    found = run(nlp, agreement(f"The Licensee must keep: {items}"))
    assert DATA in cats(found)
    found = run(nlp, agreement(f"This licence does not cover: {items}"))
    assert DATA not in cats(found)
    assert DATA in declared(found)
