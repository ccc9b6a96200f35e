"""Round twelve clause families (data, IP and publication wording of fresh standard forms), each with natural
examples of at least two sources and a near sentence that must not be that kind."""

from __future__ import annotations

import pytest
import spacy

from .test_clauses import agreement, cats, run

# (kind, sentence that is that kind, source)
FOUND = [
    # the roles of a HIPAA business associate agreement, without a determiner
    (
        "clause-data",
        "Business associate may use or disclose protected health information as required by law.",
        "HHS sample business associate agreement provisions",
    ),
    (
        "clause-data",
        "Business Associate may de-identify PHI in accordance with applicable law and may use or disclose protected "
        "health information only as reasonably necessary to perform the services.",
        "a provider's business associate agreement (ponderinsights.com/business-associate-agreement)",
    ),
    # a use limited to a purpose, in "will" voice with no party named
    (
        "clause-data",
        "The restricted data will be used solely for the purpose of scientific and public policy research, and not for "
        "any administrative, proprietary, or law enforcement purposes.",
        "ICPSR restricted data use agreement",
    ),
    (
        "clause-data",
        "The data will only be used for research and/or analytical purposes and will not be used to determine "
        "eligibility or to make any other determinations affecting an individual.",
        "CDC/CMS sample data sharing agreement",
    ),
    # no linkage of the data with other data; a prohibition opening "no ... will be"
    (
        "clause-data",
        "No attempt will be made to link this restricted data with any other dataset, including other datasets "
        "provided by ICPSR, unless specifically identified in the approved Application for Restricted Data.",
        "ICPSR restricted data use agreement",
    ),
    (
        "clause-data",
        "I will not attempt to re-identify or re-contact individual participants. In particular, I will not link the "
        "data to other datasets if that could lead to their re-identification.",
        "a cohort data access pledge",
    ),
    # a use allowed only for a time or purpose
    (
        "clause-data",
        "Researchers and Project Team members may use the data only for the time period specified on the Restricted "
        "Use Data Agreement, or, if no dates are specified, for 3 years from the day the Data is sent.",
        "RAND restricted data terms",
    ),
    (
        "clause-data",
        "With each of them we have a formal relationship under which they may use the data only for the work they do "
        "for us.",
        "Liberapay privacy policy",
    ),
    # a privacy notice's promise about "your" data
    (
        "clause-data",
        "We will usually only use your identifiable data for the purposes of the specific research project, and for "
        "associated monitoring and audit activities carried out by authorised individuals with responsibility for "
        "those activities.",
        "Bournemouth University research participant privacy notice",
    ),
    (
        "clause-data",
        "We will not link the data stored in our cookies to your personal data (name, address, etc.) without your "
        "explicit consent.",
        "a shop's privacy statement",
    ),
    # a user's licence to a service in terms of use
    (
        "clause-ip",
        "You retain your rights in your content, but you license to us all copyright, rights of publicity, or other "
        "intellectual property or proprietary rights in and to anything you submit or upload to the Site, for "
        "publication on the Service under these terms.",
        "Legull terms of service builder",
    ),
    (
        "clause-ip",
        "By providing any Public Posting or Submission, you (i) grant to Company a royalty-free, non-exclusive, "
        "perpetual, irrevocable, sub-licensable right to use, reproduce, modify, adapt, publish, translate, create "
        "derivative works (including products) from, distribute, and display such content throughout the world in all "
        "media and you license to us all patent, trademark, trade secret, copyright or other proprietary rights in and "
        "to such content for publication on the Service pursuant to this Agreement;",
        "an app's terms of use",
    ),
    # the principal investigator and the lower-case contractor as roles of research and funding agreements
    (
        "clause-publication",
        "In such case, Principal Investigator will delay publication and any other disclosure as required to ensure "
        "that such filings are made before publication or other disclosure.",
        "a sponsored research agreement filed with the SEC",
    ),
    (
        "clause-ip",
        "The contractor will disclose each subject invention to the Federal Agency within two months after the "
        "inventor discloses it in writing to contractor personnel responsible for patent matters.",
        "37 CFR 401.14(c)(1)",
    ),
    # no publication made until or without something; leave to publish in the passive on a condition
    (
        "clause-publication",
        "Subject to the other requirements of Clause 16, if the Study is a Multi-centre Study, then the Institution "
        "acknowledges and agrees that no Publication of the Study results may be made until Publication (as "
        "coordinated by the Sponsor) of the results of the Multi-centre Study or one (1) year after Study Completion, "
        "whichever is the sooner.",
        "an Australian standard clinical trial research agreement",
    ),
    (
        "clause-publication",
        "The Parties acknowledge that results of the Research may be published or otherwise publicly disclosed, subject "
        "to the terms hereof.",
        "a research agreement filed with the SEC",
    ),
]

# (kind, near sentence that must not be that kind)
NOT_FOUND = [
    # the agreement named, not the role; a business associate in general (a statement of law)
    (
        "clause-data",
        "The Business Associate Agreement is attached as Exhibit C and covers protected health information.",
    ),
    (
        "clause-liability",
        "A business associate/subcontractor is directly liable under the HIPAA Rules and subject to civil and, in some "
        "cases, criminal penalties for making uses and disclosures of PHI that are not authorized by its contract.",
    ),
    # a plan for the data, not a limitation
    ("clause-data", "The data will be used to train the model in the second year."),
    # links offered, not linkage of the data
    ("clause-data", "The Data Catalogue provides links to other datasets held by the Archive."),
    # a promise about identity in publications (a consent form's privacy term), not a restriction on publishing
    (
        "clause-publication",
        "No publication or presentation about the research study described above will reveal your identity without "
        "another authorization from you.",
    ),
    # leave to publish on attribution (a licence's citation requirement), not on a review or the agreement's terms
    (
        "clause-publication",
        "Scientific results generated using OmniNorm may be published, subject to the attribution and citation "
        "requirements specified in the license.",
    ),
    # definitions: the term defined is a word of the agreement, not an object of a clause
    (
        "clause-ip",
        '"Subject Invention" means any invention of the Contractor conceived or first actually reduced to practice in '
        "the performance of work under this contract.",
    ),
    (
        "clause-data",
        "Terms used, but not otherwise defined, in this Agreement shall have the same meaning as those terms in the "
        "Privacy Rule, including Protected Health Information and Designated Record Set.",
    ),
    (
        "clause-data",
        "Catch-all definition: The following terms used in this Agreement shall have the same meaning as those terms "
        "in the HIPAA Rules: Breach, Data Aggregation, Designated Record Set, Disclosure, Protected Health "
        "Information, Security Incident and Use.",
    ),
    # a licence explained by a service, not given ("we license our software to you under the MIT licence") stays IP
    # only where it is a grant; a question is none
    ("clause-ip", "Do you license to us the content you upload to the Site?"),
]


@pytest.mark.parametrize(("kind", "sentence", "source"), FOUND)
def test_family_sentence_is_its_kind(nlp: spacy.Language, kind: str, sentence: str, source: str) -> None:
    assert kind in cats(run(nlp, agreement(sentence))), source


@pytest.mark.parametrize(("kind", "sentence"), NOT_FOUND)
def test_near_sentence_is_not_that_kind(nlp: spacy.Language, kind: str, sentence: str) -> None:
    assert kind not in cats(run(nlp, agreement(sentence)))


def test_definition_of_a_term_of_the_kind_stays_that_kind(nlp: spacy.Language) -> None:
    """A definition whose term reads as the kind's heading keeps its kind (the definitions of that clause)."""
    found = cats(
        run(nlp, agreement('"Personal Data" means any information relating to an identified person.'))
    )
    assert "clause-data" in found


def test_operative_clause_beside_a_definition_by_reference_stays(nlp: spacy.Language) -> None:
    found = cats(
        run(nlp, agreement("Business associate shall retain no copies of the protected health information."))
    )
    assert "clause-data" in found
