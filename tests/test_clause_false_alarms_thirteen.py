"""Near misses of clause kinds: sentences of public agreements, terms, policies and regulations that carry a clause
word in another sense (a security deposit, "export" of files or a database, liability insurance or legal risk,
"data" as pricing documents, "governed by" an agreement or "all federal laws", confidentiality as a property of
information systems) or that are a clause of one kind worded close to another. Each row names the kinds the
sentence must not be and, where it is a real clause, the kind it must be. The sentences are quoted verbatim from
the sources named beside them and were labelled from their own words before the detector ran on them; none is a
corpus row. The last five (two "warrant" verbs, a statute's safe harbour, a retention exception, a flaw's risk) were
added after the first run, labelled before they ran.

Sources (licence, version):
- GH: github/site-policy @ 12992597c5d9d8cfc006693c54b9609d9993bc99, Policies/ (privacy-policies,
  security-policies, content-removal-policies, acceptable-use-policies, other-site-policies) (CC0 1.0)
- CG: cloud-gov/cg-site @ 536b459f25dc541450f8b02675b32584196a05fd, _docs/ and _posts/ (US government work,
  public domain)
- TTS: 18F/handbook @ 1e4955634d0369f17e5bbc0ebbf8f62e2a3dfe4b, pages/ (US government work, public domain)
- CNCF: cncf/foundation @ 7596c6693e1691fb24dfc571e4ac0c651a3467e8, code-of-conduct/ (CC BY 4.0)
- HRS: Hawaii Revised Statutes 521-66 (state statute, public domain), as mirrored in HACC17/BlueAndKrabby
  web/content/title-28/chapter-521/section-521-66.md
- CAR: Commerce Acquisition Regulation 1352.228-70, Insurance Coverage (March 2000) (US government work, public
  domain), quoted in a published contract Section H
- GSAR: 48 CFR 515.403-4 (acquisition.gov, US government work, public domain)
"""

from __future__ import annotations

import pytest
import spacy

from .test_clauses import agreement, cats, run

EXPORT, IP, DATA = "clause-export", "clause-ip", "clause-data"
CONF, LAW, LIAB, SEC, PUB = (
    "clause-confidentiality",
    "clause-law",
    "clause-liability",
    "clause-security",
    "clause-publication",
)

# (sentence, kinds it must not be, the kind it must be or None)
NEAR_MISSES = [
    # "export" of files, issues or a database: a software action, not export control
    (  # GH content-removal-policies/dmca-takedown-policy.md
        "When we need to disable content, we will ensure that repository owners can export their issues and pull "
        "requests and other repository data that do not contain the alleged circumvention code to the extent legally "
        "possible.",
        (EXPORT,),
        None,
    ),
    (  # CG _posts/2021-04-02-shared-db-deprecation-notice.md
        "To perform a migration, a customer must export their existing database and restore it into a new instance "
        "created with a dedicated service plan.",
        (EXPORT,),
        None,
    ),
    (  # CG _docs/services/aws-elasticsearch.md
        "For customers that would like to import or export their Elasticsearch data, this can be done following the "
        "AWS Elasticsearch Manual Snapshot Process.",
        (EXPORT,),
        None,
    ),
    (  # TTS pages/general-information-and-resources/collaboration-tools.md
        "As such, be sure to export and archive information from Mural periodically.",
        (EXPORT,),
        None,
    ),
    (  # GH acceptable-use-policies/github-active-malware-or-exploits.md
        "Note that GitHub allows dual-use content and supports the posting of content that is used for research into "
        "vulnerabilities, malware, or exploits, as the publication and distribution of such content has educational "
        "value and provides a net benefit to the security community.",
        (EXPORT, PUB, SEC),
        None,
    ),
    # "governed by" an agreement, a charter or the law in general: no choice of law
    (  # GH privacy-policies/github-subprocessors.md
        "This list is applicable for all GitHub services governed by the GitHub Data Protection Agreement.",
        (LAW,),
        None,
    ),
    (  # CG _docs/getting-started/accounts.md
        "Access to systems and networks owned by cloud.gov is governed by, and subject to, all federal laws, "
        "including, but not limited to, the Privacy Act, 5 U.S.C. 552a, if the applicable cloud.gov system maintains "
        "individual Privacy Act information.",
        (LAW,),
        None,
    ),
    (  # CNCF code-of-conduct/coc-committee-charter.md
        "Any amendments to this charter must be approved by the CNCF Governing Board consistent with the CNCF Charter.",
        (LAW,),
        None,
    ),
    (  # GH other-site-policies/github-government-takedown-policy.md
        "Although we may not always agree with those laws, we may need to block content if we receive a complete "
        "request from a government official so that our users in that jurisdiction may continue to have access to "
        "GitHub to collaborate and build software.",
        (LAW,),
        None,
    ),
    # liability as a legal risk, a cost or insurance cover: no allocation of liability between the parties
    (  # GH content-removal-policies/guide-to-submitting-a-dmca-counter-notice.md
        "Submitting false information could also result in civil liability—that is, you could get sued for money "
        "damages.",
        (LIAB,),
        None,
    ),
    (  # CNCF code-of-conduct/coc-committee-jurisdiction-policy.md
        "LF legal counsel will determine whether the incident is likely to expose CNCF, the Linux Foundation, or CNCF "
        "project or community leaders to legal risk or liability and must therefore be transferred to the Linux "
        "Foundation for resolution.",
        (LIAB,),
        None,
    ),
    (  # TTS pages/travel-and-leave/travel-and-leave-policies/travel-guide-4-reimbursement.md
        "For any other reimbursement, like expenses unrelated to travel such as professional liability insurance or "
        "training materials, choose the Miscellaneous voucher.",
        (LIAB,),
        None,
    ),
    (  # TTS pages/travel-and-leave/travel-and-leave-policies/travel-guide-faq.md
        "Nonrefundable hotel fees that are not pre-approved are the traveler’s liability.",
        (LIAB,),
        None,
    ),
    (  # CG _docs/compliance/pentest.md: "warranted" as justified
        "Additional testing by your team is not warranted nor authorized.",
        (LIAB,),
        None,
    ),
    (  # GH other-site-policies/guidelines-for-legal-requests-of-user-data.md: a search warrant
        "For example, we will not disclose contents of private repositories without a search warrant.",
        (LIAB,),
        None,
    ),
    (  # GH acceptable-use-policies/github-appeal-and-reinstatement.md: "warrant" as justify
        "GitHub staff will review the information provided in the form to determine whether there is sufficient "
        "information to warrant Reinstatement or granting of an Appeal.",
        (LIAB,),
        None,
    ),
    (  # GH content-removal-policies/dmca-takedown-policy.md
        "Although these types of claims may also violate the DMCA provisions on circumvention technology, these are "
        "typically straightforward and do not warrant additional technical and legal review.",
        (LIAB,),
        None,
    ),
    (  # GH content-removal-policies/dmca-takedown-policy.md: a statute's safe harbour, described
        "The DMCA addresses this issue by creating a copyright liability safe harbor for internet service providers "
        "hosting allegedly infringing user-generated content.",
        (LIAB, IP),
        None,
    ),
    # security as a deposit, a research field or a property of systems
    (  # HRS 521-66
        "When a tenant exercises a right to terminate the rental agreement pursuant to section 521-62, 521-63, or "
        "521-65 the landlord shall return to the tenant, not later than fourteen days after the termination, the "
        "amount of any advance rent paid apportionable to the remaining days of the term and the amount of any "
        "security deposit that the landlord is not authorized to retain pursuant to section 521-44.",
        (SEC,),
        None,
    ),
    (  # GH security-policies/github-bug-bounty-program-legal-safe-harbor.md
        "We cannot and do not authorize security research in the name of other entities, and cannot in any way offer "
        "to defend, indemnify, or otherwise protect you from any third party action based on your actions.",
        (SEC,),
        LIAB,
    ),
    (  # GH privacy-policies/github-candidate-privacy-policy.md
        "We use a variety of security technologies and procedures to help protect your personal data from "
        "unauthorized access, use, or disclosure.",
        (SEC,),
        None,
    ),
    (  # GH privacy-policies/github-general-privacy-statement.md
        "They are bound by contractual obligations to ensure the security, privacy, and confidentiality of your "
        "information.",
        (SEC,),
        None,
    ),
    (  # GH content-removal-policies/github-private-information-removal-policy.md
        "If the request is not sufficiently detailed to demonstrate the security risk and for GitHub to locate the "
        "data, we will reply and ask for more information.",
        (SEC, DATA),
        None,
    ),
    pytest.param(  # TTS pages/general-information-and-resources/tech-policies/security-incidents.md
        "Potentially sensitive data must never be shared in Slack, GitHub, or transmitted via email.",
        (SEC,),
        DATA,
        marks=pytest.mark.xfail(
            strict=True, reason="recall: a ban on sharing data in chat and mail is not read yet"
        ),
    ),
    (  # GH privacy-policies/github-general-privacy-statement.md
        "Such exceptions include circumstances where we are required to retain data to comply with legal obligations, "
        "detect fraudulent activity, investigate reports of abuse or other violations of our Terms of Service, or "
        "rectify security issues.",
        (SEC,),
        None,
    ),
    # confidentiality as a property of systems or an expectation, not a duty of confidence
    (  # GH security-policies/github-sirt-description-rfc-2350.md
        "GitHub is committed to maintaining the confidentiality, integrity, and availability of both its platform and "
        "the intellectual property and personal information of its users, customers, and employees.",
        (CONF, IP),
        None,
    ),
    (  # CG _docs/pricing/free-limited-sandbox.md
        "Sandboxes are for testing; they’re suitable for information and applications that require no "
        "confidentiality, integrity, or availability.",
        (CONF,),
        None,
    ),
    (  # CG _posts/2022-05-12-release-notes.md
        "The highest risk of this flaw is to data confidentiality.",
        (CONF, DATA),
        None,
    ),
    (  # GH privacy-policies/github-candidate-privacy-policy.md
        "For example, we store the personal data you provide on limited access computer servers that are located in "
        "controlled facilities, and we protect certain highly confidential or sensitive personal data through "
        "encryption in transfer and at rest.",
        (CONF, EXPORT),
        None,
    ),
    (  # TTS pages/18f/chapters/design.md
        "Designing in the open means that expectations from private sector about confidentiality, disclosure, and "
        "intellectual property don’t hold true here.",
        (CONF, IP),
        None,
    ),
    (  # TTS pages/launching-software/lifecycle.md
        "For systems where all of the information in the system is already publicly available and is "
        "non-confidential, the last step can be skipped once you have begun your ATO assessment with GSA IT.",
        (CONF,),
        None,
    ),
    (  # TTS pages/general-information-and-resources/tech-policies/security-incidents.md
        "Any time you suspect that confidential information may have been leaked outside TTS, you should open an "
        "incident.",
        (CONF,),
        None,
    ),
    # confidentiality clauses worded with data and information words: confidentiality, not data
    (  # CNCF code-of-conduct/coc-committee-jurisdiction-policy.md
        "All information in the central repository shall remain confidential under the Confidentiality Policy and "
        "only be shared with other CoC responders in accordance with the Information Sharing policy.",
        (DATA,),
        CONF,
    ),
    (  # CNCF code-of-conduct/coc-incident-resolution-procedures.md
        "Confidential information about incidents will only be shared with individuals who are obligated to similarly "
        "maintain the confidentiality of such information.",
        (DATA,),
        CONF,
    ),
    pytest.param(  # CNCF code-of-conduct/coc-incident-resolution-procedures.md
        "In rare situations, the CNCF CoC Committee may be required to disclose confidential information pertaining "
        "to an investigation in order to comply with applicable laws, a subpoena, or court order, or to defend "
        "against litigation.",
        (LAW,),
        CONF,
        marks=pytest.mark.xfail(
            strict=True, reason="recall: compelled disclosure worded 'may be required to' is missed"
        ),
    ),
    # "data" as the parties' documents: a repository of reports, pricing data
    (  # CNCF code-of-conduct/coc-committee-jurisdiction-policy.md
        "To ensure that there is a central repository of data regarding Code of Conduct incidents across all CNCF "
        "projects that can be checked to determine whether an accused person is a repeat offender, Project-level "
        "incident responders shall promptly notify the CNCF Code of Conduct Committee of any incident that is "
        "reported to them even if it is not transferred to the CNCF Code of Conduct Committee.",
        (DATA,),
        None,
    ),
    (  # GSAR 515.403-4
        "To determine if a contract action meets the threshold at FAR 15.403-4 for requesting certified cost and "
        "pricing data, the contracting officer shall consider the value of the action plus any priced options.",
        (DATA,),
        None,
    ),
    (  # GSAR 515.403-4
        "Exercise of a priced option is not a price adjustment and does not require submission of certified cost and "
        "pricing data.",
        (DATA,),
        None,
    ),
]


# Insurance a party must carry, stated as cover for its liability, is a liability term by the corpus labelling
# guideline (corpus/README.md: "An insurance requirement stated as limits of liability for injury and property damage
# is clause-liability"): these two were labelled "no kind" at first reading and relabelled by that rule; they guard
# the boundary of the cost and risk senses above
INSURANCE_REQUIREMENTS = [
    # CAR 1352.228-70
    "The Contractor shall have automobile liability insurance written on the comprehensive form of policy.",
    # CAR 1352.228-70
    "Employer's liability coverage of at least $100,000 shall be required, except in states with exclusive or "
    "monopolistic funds that do not permit workers' compensation to be written by private carriers.",
]


@pytest.mark.parametrize(("sentence", "not_kinds", "kind"), NEAR_MISSES)
def test_near_miss_is_not_the_kind_its_word_names(
    nlp: spacy.Language, sentence: str, not_kinds: tuple[str, ...], kind: str | None
) -> None:
    found = cats(run(nlp, agreement(sentence)))
    assert not set(not_kinds) & found, f"false alarm {sorted(set(not_kinds) & found)}"
    if kind is not None:
        assert kind in found


@pytest.mark.parametrize("sentence", INSURANCE_REQUIREMENTS)
def test_insurance_requirement_stays_a_liability_term(nlp: spacy.Language, sentence: str) -> None:
    assert cats(run(nlp, agreement(sentence))) == {LIAB}


# Families fixed from the first runs of the dev agreement rows. Sentences written for the tests; none is a corpus row.

# The name of another agreement or of the environment data is worked in, named in a description, a recital or a
# scope statement without contract language, is no data term; with contract language over it, it is one.
NAMED_ONLY = [
    "The consortium's earlier Data Transfer Agreement with the registry expired in 2021.",
    "Analyses of the linked cohort run inside the university's Trusted Research Environment, which the research "
    "computing team operates.",
    "The hospital's Secure Data Environment holds the discharge extracts of the last ten years.",
]
NAMED_IN_A_TERM = [
    "The Collaborator shall only analyse the extract inside the Trusted Research Environment.",
    "Each Party shall comply with the Data Processing Agreement set out in Schedule 3.",
]

# A short name given to a service, platform or programme ("the Cohort Linkage Service ('CLS')") is no party term: a
# description of what the service does is no data term; the short name of an organisation still is a party term.
SERVICE_NAMED = [
    "The Cohort Linkage Service ('CLS') provides approved analysts with access to pseudonymised records.",
    'The Regional Imaging Platform ("RIP") gives approved analysts access to pseudonymised records.',
]
PARTY_NAMED = (
    'Northshire Health Board ("NHB") provides approved analysts with access to pseudonymised records.'
)


@pytest.mark.parametrize("sentence", NAMED_ONLY)
def test_agreement_or_environment_named_in_a_description_is_no_data_term(
    nlp: spacy.Language, sentence: str
) -> None:
    assert DATA not in cats(run(nlp, agreement(sentence)))


@pytest.mark.parametrize("sentence", NAMED_IN_A_TERM)
def test_agreement_or_environment_under_contract_language_is_a_data_term(
    nlp: spacy.Language, sentence: str
) -> None:
    assert DATA in cats(run(nlp, agreement(sentence)))


@pytest.mark.parametrize("sentence", SERVICE_NAMED)
def test_short_name_of_a_service_is_no_party(nlp: spacy.Language, sentence: str) -> None:
    assert DATA not in cats(run(nlp, agreement(sentence)))


def test_short_name_of_an_organisation_is_still_a_party(nlp: spacy.Language) -> None:
    assert DATA in cats(run(nlp, agreement(PARTY_NAMED)))


# Data named as what a dispute or claim arises from, after another thing used ("the use of the Portal and of the Survey
# Data"), is the scope of a law or liability term, not a data term; the same objects under a use restriction are one.
DISPUTE_OVER_DATA = [
    (
        "Any dispute arising out of the use of the Portal and of the Survey Data shall be settled by the courts of Geneva.",
        LAW,
    ),
    (
        "The Licensee shall indemnify the Provider against claims arising from its use of the Software or of the Survey Data.",
        LIAB,
    ),
]
DATA_USED = "The Licensee shall not use the Platform and the Data Sets for any commercial purpose."


@pytest.mark.parametrize(("sentence", "kind"), DISPUTE_OVER_DATA)
def test_data_as_what_a_dispute_arises_from_is_no_data_term(
    nlp: spacy.Language, sentence: str, kind: str
) -> None:
    found = cats(run(nlp, agreement(sentence)))
    assert kind in found
    assert DATA not in found


def test_data_listed_after_another_object_of_a_use_restriction_is_a_data_term(nlp: spacy.Language) -> None:
    assert DATA in cats(run(nlp, agreement(DATA_USED)))
