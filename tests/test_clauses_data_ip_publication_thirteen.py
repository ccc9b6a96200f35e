"""Round thirteen's families of data, IP and publication clauses written without a contract's operative words, each
with natural examples from at least two sources and near sentences that must not be that kind (a report in the past
tense, a schedule, a building's access rule, a market figure, guidance without a duty, a journal submission plan)."""

from __future__ import annotations

import pytest
import spacy

from .test_clauses import agreement, cats, run

# (kind, sentence): each a clause of that kind in an agreement
FAMILIES: list[tuple[str, str]] = [
    # data kept for a stated period, in the future or passive voice (a trial's privacy notice; a survey's notice)
    (
        "clause-data",
        "We will keep identifiable information about you for up to 12 months after the study has finished.",
    ),
    (
        "clause-data",
        "Information you give will be kept for the period of the study, and for no longer than two years beyond the "
        "life of the study;",
    ),
    # the lawful basis that processing rests on (Lincoln's and Essex's research privacy notices)
    (
        "clause-data",
        "If the research study includes processing of your special category data, this will be processed on the "
        "legal basis of scientific or historical research purposes, statistical purposes, or explicit consent.",
    ),
    (
        "clause-data",
        "We may process your personal data with your consent or (where it concerns special category data) your "
        "explicit consent.",
    ),
    # only the data a purpose needs (Cumbria's notice; a trial's notice)
    ("clause-data", "Only personal data needed for the project will be collected."),
    (
        "clause-data",
        "We will be using information from you, your medical records and NHS Digital, and will use the minimum "
        "personally-identifiable information possible.",
    ),
    # data shared as the participant is told, or stored in a named jurisdiction (Cumbria's notice; a survey's notice)
    (
        "clause-data",
        "If data will be shared with other individuals or organisations, you will be advised of this in the "
        "Participant Information Sheet.",
    ),
    (
        "clause-data",
        "Data is stored in the European Union, and is not intended for distribution to any other body.",
    ),
    # data not released from, or not taken out of, a secure setting (UK Data Service; the Secure Data Service)
    (
        "clause-data",
        "Controlled data will not be released to be used in any other environment under any circumstance.",
    ),
    (
        "clause-data",
        "Researchers are unable to transfer or download any data from the secure server to a local computer.",
    ),
    # data not passed on, in the third person or the passive (usegalaxy.eu's terms; a research panel's privacy page)
    (
        "clause-data",
        "The operators of the Service will not provide your registration data to any third party, unless required "
        "by law.",
    ),
    ("clause-data", "This information is never shared with researchers."),
    # access only by authorised people, access written as a noun (a trial's notice; the Secure Data Service)
    (
        "clause-data",
        "Access to the study database is by unique combinations of usernames and passwords and only authorised "
        "study personnel can access information about participants.",
    ),
    ("clause-data", "Access is restricted to particular staff."),
    # outputs checked before they leave a secure setting (UK Data Service SecureLab; its controlled data rules; BLS)
    (
        "clause-data",
        "When you are ready to publish we check your final outputs before releasing them to you.",
    ),
    (
        "clause-data",
        "Outputs will be returned to users following a full \u2013 and successful - SDC examination by two trained "
        "members of Service staff.",
    ),
    (
        "clause-data",
        "When the researcher has completed work onsite, the BLS Project Coordinator will conduct a disclosure (or "
        "confidentiality) review of all project outputs to ensure that data confidentiality is protected.",
    ),
    # a use limited to a purpose, in the present tense of a notice (a trial's notice)
    (
        "clause-data",
        "Your data is treated in the strictest confidence and is used solely for academic research purposes.",
    ),
    # title to inventions kept by a party, in a policy's present tense (Utah State; New Orleans)
    (
        "clause-ip",
        "The University retains title to all inventions originated by its employees or at its facilities.",
    ),
    ("clause-ip", "Title to inventions resulting from federally sponsored research belongs to UNO."),
    # a party owns a kind of IP named by its object (New Orleans; the University of Michigan's bylaws, by property)
    ("clause-ip", "UNO owns copyrights to other works, including software."),
    (
        "clause-ip",
        "Computer software created by members of the University staff in connection with administration, research, "
        "or other educational activities supported directly or indirectly by funds administered by the University, "
        "regardless of the source of such funds, shall be the property of the University.",
    ),
    # shares of licensing income (Ohio State; Loma Linda; UBC)
    (
        "clause-ip",
        "The creator is entitled to 50% of the first $100,000 of net proceeds that the university receives, and 34% "
        "for any net proceeds beyond $100,000.",
    ),
    (
        "clause-ip",
        "The first ten percent (10%) of all received royalties and license fees will be paid to the University until "
        "all direct costs for filing the patent(s), development, and licensing have been reimbursed.",
    ),
    (
        "clause-ip",
        "The University and inventor each receive 50% of the net income (gross income less direct costs).",
    ),
    # a duty to disclose or report inventions (Findlay; California; Washington)
    (
        "clause-ip",
        "All persons subject to this Policy shall promptly disclose their Inventions in the prescribed form "
        "(Invention Disclosure).",
    ),
    (
        "clause-ip",
        "Inventions shall be promptly reported to the University\u2019s Office of Intellectual Property and "
        "Technology Transfer and all concerned shall cooperate to assure prompt initiation of appropriate technology "
        "transfer actions.",
    ),
    # inventions of a long-described class assigned to a party (Findlay)
    (
        "clause-ip",
        "Any Invention resulting from activities related to an individual\u2019s employment responsibilities or with "
        "support from University-administered funds, resources, facilities or personnel shall be assigned to the "
        "University.",
    ),
    # jointly owned IP (agreements filed with the SEC)
    (
        "clause-ip",
        "University agrees to not Implement any Joint Intellectual Property for any purpose other than educational, "
        "experimental or research purposes.",
    ),
    (
        "clause-ip",
        "Neither Party shall have any duty of accounting to the other Party with respect to its joint ownership "
        "interest in any Qualified Jointly-Developed Technology.",
    ),
    # material made available or released under a named public licence or waiver (CERN's open data terms; Dash)
    (
        "clause-ip",
        "All metadata and datasets in the CERN Open Data Portal are made available under the terms of the CC0 waiver.",
    ),
    (
        "clause-ip",
        "I understand that by submitting data to Dash, I am agreeing to release it under the terms of the Creative "
        "Commons Attribution 4.0 (CC-BY) license.",
    ),
    # drafts sent to the other party before submission, a redacted or stated time (Trubion and Facet; VCU's clause)
    (
        "clause-publication",
        "Written copies of such proposed publications and presentations shall be submitted to the non-publishing "
        "Party no later than [ * ] before submission for publication or presentation.",
    ),
    ("clause-publication", "Manuscripts shall be submitted to the Sponsor 45 days before submission."),
    # a party's comments on a proposed publication (a CEPI award; Trubion and Facet)
    (
        "clause-publication",
        "In the event that CEPI has any comments on the proposed publication, Awardee shall cooperate with CEPI in "
        "good faith to incorporate CEPI\u2019s comments prior to publication.",
    ),
    (
        "clause-publication",
        "The non-publishing Party shall provide its comments with respect to such publications and presentations "
        "within [ * ] of its receipt of such written copy.",
    ),
]

# (kind it must not be, sentence): the near sentences, in an agreement
TWINS: list[tuple[str, str]] = [
    ("clause-data", "The survey kept records of rainfall for ten years."),
    ("clause-data", "Claims will be processed on the basis of the invoices submitted."),
    ("clause-data", "Only the equipment needed for the project will be purchased."),
    ("clause-data", "Data is stored in Excel spreadsheets on the project drive."),
    ("clause-data", "Researchers are unable to attend the workshop in person."),
    ("clause-data", "Confidential Information is never shared with third parties."),
    ("clause-data", "We will not share our slides with the other workshop groups."),
    ("clause-data", "The data can only be analysed once the survey closes."),
    ("clause-data", "Access to the building is restricted to staff with a swipe card."),
    (
        "clause-data",
        "Outputs of the workshop will be checked by the steering committee before the final report.",
    ),
    ("clause-data", "No personal data will be collected or processed in the course of the Project."),
    ("clause-data", "No identifiable information will be gathered."),
    ("clause-data", "Our project PriStorage is an application whose every data upload is encrypted."),
    (
        "clause-data",
        "Each party shall keep the other party's Confidential Information secret for three years.",
    ),
    ("clause-data", "Access to the clean room is limited to trained staff named in the Annex."),
    ("clause-ip", "Licensing income grew by 12% in 2020."),
    (
        "clause-ip",
        "The report was written under the terms of the Creative Commons partnership with the city.",
    ),
    ("clause-ip", "The report cites rainfall data from the city's open data portal."),
    (
        "clause-ip",
        "Publication of the details of an invention may make it impossible to seek patent protection.",
    ),
    ("clause-ip", "Joint ownership is more difficult for both partners to manage."),
    (
        "clause-ip",
        "The term \u201cSubject Invention\u201d shall mean any invention of the Contractor conceived or first "
        "actually reduced to practice in the performance of work under this contract.",
    ),
    (
        "clause-publication",
        "Manuscripts will be submitted to peer-reviewed journals within six months of each trial.",
    ),
    ("clause-publication", "Comments on the draft work plan may be sent to the coordinator."),
]


@pytest.mark.parametrize(("kind", "sentence"), FAMILIES)
def test_family_is_its_kind(nlp: spacy.Language, kind: str, sentence: str) -> None:
    assert kind in cats(run(nlp, agreement(sentence)))


@pytest.mark.parametrize(("kind", "sentence"), TWINS)
def test_near_sentence_is_not_that_kind(nlp: spacy.Language, kind: str, sentence: str) -> None:
    assert kind not in cats(run(nlp, agreement(sentence)))


def test_no_data_will_be_shared_stays_a_restriction(nlp: spacy.Language) -> None:
    # the denial of collection ("No personal data will be collected") does not reach a restriction on sharing
    assert "clause-data" in cats(run(nlp, agreement("No data will be shared with third parties.")))


def test_definition_opening_the_term_keeps_a_term_of_its_own_kind(nlp: spacy.Language) -> None:
    # "The term X shall mean" is a definition as '"X" means' is: a term that names its kind stays that kind's term
    sentence = "The term \u201cExport Controls\u201d shall mean the export laws of the United Kingdom."
    assert "clause-export" in cats(run(nlp, agreement(sentence)))
