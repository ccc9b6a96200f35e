"""Clause families written from the wording of a genre rather than from one drafter's sentences: data use
agreements and certifications (no use of the data to identify or contact the people in it, no linkage with
identifiable data, use only for the approved project or a stated purpose, retention for stated reasons, no
onward transfer, loss or unauthorised release reported within hours, the lawful basis for processing,
shared data declared personal data, controlled-access data and its data use limitations), the notices of
federally funded work (government reprint rights, the disclaimer in capitals that no one "makes any
warranty, express or implied", "export of this software may require a licence", patent-interest articles,
the law named before "shall govern"), and material licensed under Creative Commons; and the look-alikes of
those genres that are not clauses: peer review, a licensed act listed after "not limited to", an accession
number, data-security practices, the common law duty of confidentiality, data-protection terms defined by
reference to the GDPR, access requested as the occasion of another term, a publication approval number.

Every sentence here was written for the tests; none is taken from the pack's examples or a corpus row."""

from __future__ import annotations

import pytest
import spacy

from .test_clauses import agreement, assert_clause_only_in_agreement, cats, run

FAMILIES = [
    # data use agreements: no identification or contact of the people in the data
    (
        "The Data User agrees not to use the survey files, alone or with other sources, to identify any "
        "individual respondent.",
        {"clause-data"},
    ),
    ("Approved Users shall not attempt to link the extract to contact any participant.", {"clause-data"}),
    (
        "Any attempt to learn the identity of a patient in the discharge records is prohibited.",
        {"clause-data"},
    ),
    # no linkage with identifiable data
    (
        "The Requester undertakes not to merge the linked cohort data with identifiable records held elsewhere.",
        {"clause-data"},
    ),
    # use only for the approved project or a stated purpose
    (
        "The Recipient shall use the microdata only for the purpose of the statistical analysis set out in the "
        "application.",
        {"clause-data"},
    ),
    (
        "Access to the records is granted solely for the approved study protocol and no other research.",
        {"clause-data"},
    ),
    # retention for stated reasons, and no onward transfer
    (
        "The Requester may keep the data until the journal has accepted the final article.",
        {"clause-data"},
    ),
    ("The Data User must not make any onward disclosure of the information supplied.", {"clause-data"}),
    # loss or unauthorised release reported within a fixed time
    (
        "Each Party shall notify the other of any unauthorised access to the patient data within 48 hours of "
        "discovering it.",
        {"clause-data"},
    ),
    # the lawful basis of a data sharing agreement, and shared data declared personal data
    (
        "The lawful basis for the sharing is public task under Article 6(1)(e) of the UK GDPR.",
        {"clause-data"},
    ),
    (
        "The tenancy extract is deemed to be personal data because households can be singled out.",
        {"clause-data"},
    ),
    # controlled-access data and its use limitations
    (
        "The Requester agrees to respect the data use limitations recorded for each controlled-access dataset.",
        {"clause-data"},
    ),
    # government-rights notices of sponsored work, and a public licence
    (
        "The Government is authorised to reproduce and distribute reprints for governmental purposes.",
        {"clause-ip"},
    ),
    (
        "All photographs on this site are licensed under a Creative Commons Attribution licence.",
        {"clause-ip"},
    ),
    # patent-interest articles of federal agreements
    (
        "The Agency shall consult the Commission before any disclosure so that its patent interests are kept.",
        {"clause-ip"},
    ),
    # a licensed act listed after "not limited to" is a licence grant, no restriction on publication
    (
        "You grant Us a licence to use the Work by all means, including but not limited to publish the Work.",
        {"clause-ip"},
    ),
    # the federal warranty disclaimer, in capitals as it is printed
    (
        "NO AGENCY OF THE GOVERNMENT MAKES ANY WARRANTY, EXPRESS OR IMPLIED, ABOUT THE ACCURACY OF THE MAPS.",
        {"clause-liability"},
    ),
    (
        "The Department assumes no legal responsibility for the completeness of the tables.",
        {"clause-liability"},
    ),
    # the export notice of laboratory software and data
    (
        "Export of these binaries might require an export licence from the Department of Commerce.",
        {"clause-export"},
    ),
    # the law named before the verb
    ("The laws of the Commonwealth of Virginia shall govern this Licence.", {"clause-law"}),
    ("United States federal law shall govern this Agreement.", {"clause-law"}),
]


@pytest.mark.parametrize("sentence, expected", FAMILIES)
def test_genre_wording_gives_its_categories(nlp: spacy.Language, sentence: str, expected: set[str]) -> None:
    assert cats(run(nlp, agreement(sentence))) == expected


NOT_CLAUSES = [
    # peer review is not review by a party, and encouragement to publish restricts nothing
    "Approved Users are invited to publish their findings in peer-reviewed journals.",
    # an accession number is not access to a dataset
    "Each paper shall cite the accession number of the dataset analysed.",
    # the data-security practices of a data use agreement are not vetting or classified matter
    "Approved Users shall follow the data security best practices and IT security requirements of their institution.",
    # the common law duty of confidentiality acknowledged beside statutes is not a duty agreed
    "The Parties acknowledge their obligations under the common law duty of confidentiality.",
    # a data-protection term defined by reference to the statute shares or keeps nothing
    '"Data Controller" has the meaning given in Article 4(7) of the GDPR.',
    # a publication approval number is a document identifier
    "Contract Particulars for the Company, first published March 2020, Publication Approval Number 01234.",
    # equipment sent on is not an onward transfer of data
    "Onward transfer of the Equipment to another end user requires the Supplier's written consent.",
    # use of material, not data, for the approved project
    "The Recipient shall use the Material only for the approved research project.",
]


@pytest.mark.parametrize("sentence", NOT_CLAUSES)
def test_genre_look_alikes_in_an_agreement_are_not_clauses(nlp: spacy.Language, sentence: str) -> None:
    assert cats(run(nlp, agreement(sentence))) == set()


def test_access_requested_is_the_occasion_not_a_data_term(nlp: spacy.Language) -> None:
    """The intellectual-property term still counts; the access that occasions it is no data term."""
    found = cats(
        run(
            nlp,
            agreement(
                "By requesting access to the genomic datasets, the Requester acknowledges that no IP claims "
                "shall be made on the data."
            ),
        )
    )
    assert "clause-ip" in found
    assert "clause-data" not in found


@pytest.mark.parametrize(
    "sentence, category",
    [
        (
            "We will not use the interview transcripts to identify any individual participant.",
            "clause-data",
        ),
        ("The lawful basis for processing is public task under Article 6 of the UK GDPR.", "clause-data"),
    ],
)
def test_proposals_promising_data_terms_get_no_clause(
    nlp: spacy.Language, sentence: str, category: str
) -> None:
    assert_clause_only_in_agreement(
        nlp,
        "Research Proposal: Housing outcomes of social tenants",
        "Objectives and methodology. The Principal Investigator will lead work package 1 on tenancy records.",
        f"Data management: {sentence}",
        sentence,
        category,
    )


# --- round eight: award terms of federal financial assistance, laboratory software notices, data set licences

ROUND_EIGHT_FAMILIES = [
    # title to an award's intellectual or intangible property, and its vesting
    (
        "Title to intangible property developed under this cooperative award vests in the grantee on creation.",
        {"clause-ip"},
    ),
    (
        "Intellectual property made by agency staff under the award will initially vest with the agency.",
        {"clause-ip"},
    ),
    # the rights notices of government-sponsored software
    ("The Federal Government retains all rights in the simulation code.", {"clause-ip"}),
    (
        "Copyright is reserved to the operating contractor for purposes of commercial licensing.",
        {"clause-ip"},
    ),
    (
        "Permission is granted to the public to copy and run this solver without charge.",
        {"clause-ip"},
    ),
    ("The Software is provided for internal evaluation and shall not be redistributed.", {"clause-ip"}),
    # share-alike conditions on what is derived from a licensed data set, in a first-person undertaking
    (
        "I will release any model derived from the cohort files under the same licensing terms.",
        {"clause-ip"},
    ),
    # the export warning legend
    (
        "This handbook contains technical data whose export is restricted by statute.",
        {"clause-export"},
    ),
    # dissemination limited by a legend, the enemy-funds term, a classification decision
    ("Limit dissemination to authorized programme staff and cleared subcontractors.", {"clause-security"}),
    (
        "The recipient shall ensure that no award funds reach a person covered by Never Contract With the Enemy.",
        {"clause-security"},
    ),
    (
        "Results that the grantee believes require security classification shall be sent to the agency's "
        "declassification office before release.",
        {"clause-security"},
    ),
    # the government's right to the data produced under an award, and consent to monitoring
    (
        "The awarding agency has the right to obtain and use any data produced under this grant.",
        {"clause-data"},
    ),
    (
        "Logging on to this terminal constitutes consent to such monitoring by system administrators.",
        {"clause-data"},
    ),
    # data set licences: a sole purpose, information that might identify someone, research data on request
    (
        "The LICENSEE will use the imaging data for the sole purpose of non-clinical research.",
        {"clause-data"},
    ),
    (
        "The RECIPIENT will report any field that might permit identification of a participant.",
        {"clause-data"},
    ),
    ("The grantee must provide the research data behind any published finding on request.", {"clause-data"}),
    # a first-person undertaking and a duty put on a party
    ("I will not share access to the Survey Data with anyone else in my department.", {"clause-data"}),
    (
        "The Institute is required to treat the personal information of registrants in accordance with the "
        "Privacy Act.",
        {"clause-data"},
    ),
]


@pytest.mark.parametrize("sentence, expected", ROUND_EIGHT_FAMILIES)
def test_round_eight_genre_wording_gives_its_categories(
    nlp: spacy.Language, sentence: str, expected: set[str]
) -> None:
    assert cats(run(nlp, agreement(sentence))) == expected


ROUND_EIGHT_LOOK_ALIKES = [
    # foreign entities filing the general certifications of an award are no restriction on foreign participation
    "Foreign entities shall file the lobbying certification and disclosure form with each application.",
    # a ban on gagging agreements is no duty of confidence
    "Recipients are prohibited from requiring staff to sign internal confidentiality agreements or statements "
    "restricting them from reporting fraud.",
    # a prior approval of foreign travel is a cost rule
    "Foreign travel shall not be undertaken without the prior written approval of the grants officer.",
]


@pytest.mark.parametrize("sentence", ROUND_EIGHT_LOOK_ALIKES)
def test_round_eight_look_alikes_in_an_agreement_are_not_clauses(nlp: spacy.Language, sentence: str) -> None:
    assert cats(run(nlp, agreement(sentence))) == set()


@pytest.mark.parametrize(
    "sentence, kept, not_kept",
    [
        # the operator's name in a rights notice is no national-security clause
        (
            "Copyright is reserved to Riverside National Security, LLC for purposes of licensing.",
            "clause-ip",
            "clause-security",
        ),
        # the use of data that gives rise to a claim is no data term
        (
            "The Licensee shall indemnify the Provider against any claim arising out of its use of the Panel "
            "Data Set.",
            "clause-liability",
            "clause-data",
        ),
        # a trademark whose name holds "Data" is an IP term
        (
            'Derivative works may not use the "Open Building Data Portal" trademark without written permission.',
            "clause-ip",
            "clause-data",
        ),
        # citizens of embargoed countries are an export matter, not a personnel-security one
        (
            "The Licensee must not give access to citizens of embargoed countries or to denied persons.",
            "clause-export",
            "clause-security",
        ),
    ],
)
def test_round_eight_one_kind_not_the_other(
    nlp: spacy.Language, sentence: str, kept: str, not_kept: str
) -> None:
    found = cats(run(nlp, agreement(sentence)))
    assert kept in found
    assert not_kept not in found


@pytest.mark.parametrize(
    "sentence, category",
    [
        ("The Federal Government retains all rights in the simulation code.", "clause-ip"),
        ("Limit dissemination to authorized programme staff and cleared subcontractors.", "clause-security"),
        (
            "The awarding agency has the right to obtain and use any data produced under this grant.",
            "clause-data",
        ),
        (
            "This handbook contains technical data whose export is restricted by statute.",
            "clause-export",
        ),
    ],
)
def test_round_eight_wording_described_in_a_proposal_gets_no_clause(
    nlp: spacy.Language, sentence: str, category: str
) -> None:
    assert_clause_only_in_agreement(
        nlp,
        "Research Proposal: Open solvers for coastal flood forecasting",
        "Objectives and methodology. The Principal Investigator will lead work package 2 on model coupling.",
        f"Background and risks: {sentence}",
        sentence,
        category,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The project will not involve results that require security classification.",
        "The work does not require that dissemination be limited to authorized or cleared personnel.",
        "The study will not involve technical data whose export is restricted by statute.",
    ],
)
def test_round_eight_denials_are_declarations(nlp: spacy.Language, sentence: str) -> None:
    found = run(nlp, agreement(sentence))
    assert cats(found) == set()


def test_round_eight_posting_restriction_is_a_publication_term(nlp: spacy.Language) -> None:
    """Code or data kept out of publicly accessible places unless the owner approves is a release restriction; the
    same promise in a proposal is no clause, and a denial of any such restriction is none either."""
    sentence = (
        "The model and its derivatives shall not be placed on a publicly visible site (e.g. an open git host) "
        "unless the Centre approves."
    )
    assert_clause_only_in_agreement(
        nlp,
        "Research Proposal: Storm surge emulators",
        "Objectives and methodology. The team will train emulators on archived surge simulations.",
        f"Open science: {sentence}",
        sentence,
        "clause-publication",
    )
    denial = "The project will not involve code that must not be placed on a publicly visible site unless approved."
    assert "clause-publication" not in cats(run(nlp, agreement(denial)))


@pytest.mark.parametrize(
    "sentence",
    [
        # a regulation's prescription of what an award must contain is guidance, not the clause
        "The award must contain the standard patent clause, which gives the recipient the right to elect ownership "
        "of inventions made under it.",
        "The contracting officer shall insert the following clause requiring the contractor to safeguard classified "
        "information.",
        # what may not be told to survey respondents is a rule of conduct, not a disclaimer
        "No representation may be made to respondents that the answers are collected for the agency.",
    ],
)
def test_round_eight_prescriptions_and_conduct_rules_are_not_clauses(
    nlp: spacy.Language, sentence: str
) -> None:
    assert cats(run(nlp, agreement(sentence))) == set()


def test_round_eight_a_disclaimer_to_the_other_party_still_counts(nlp: spacy.Language) -> None:
    """The conduct rule is narrow: a representation disclaimed between the parties stays a liability term."""
    found = cats(
        run(nlp, agreement("No representation is made to the Licensee as to the accuracy of the tables."))
    )
    assert "clause-liability" in found


@pytest.mark.parametrize(
    "sentence, category",
    [
        # protection of what was received against disclosure
        (
            "The Licensee shall protect the survey records from unauthorized disclosure to outsiders.",
            "clause-confidentiality",
        ),
        # identity verification of contractor staff (HSPD-12) and the sensitivity of their positions
        (
            "The Contractor shall meet HSPD-12 for every employee who logs on to the agency network.",
            "clause-security",
        ),
        (
            "The project officer shall assign position sensitivity levels to the vendor's administrators.",
            "clause-security",
        ),
    ],
)
def test_round_eight_second_batch_families(nlp: spacy.Language, sentence: str, category: str) -> None:
    assert_clause_only_in_agreement(
        nlp,
        "Research Proposal: Linked school attendance records",
        "Objectives and methodology. The team will model attendance with the anonymised extract.",
        f"Data management and security: {sentence}",
        sentence,
        category,
    )


@pytest.mark.parametrize(
    "sentence, not_kept",
    [
        # the objectives of an IT security programme are no duty of confidence
        (
            "Confidentiality, which means preserving authorized restrictions on disclosure, covers the proprietary "
            "information the Contractor hosts.",
            "clause-confidentiality",
        ),
        # a rule named by its CFR number and title in a list of terms is not the term
        (
            "Recipients shall observe 2 CFR part 183, Never Contract With the Enemy, among the national policy terms.",
            "clause-security",
        ),
    ],
)
def test_round_eight_second_batch_look_alikes(nlp: spacy.Language, sentence: str, not_kept: str) -> None:
    assert not_kept not in cats(run(nlp, agreement(sentence)))


# --- standard forms of other drafters: employment and consultancy agreements, terms of service, deposit licences,
# privacy notices ---------------------------------------------------------------------------------------------

STANDARD_FORM_FAMILIES = [
    # UK statutory IP wording: moral rights waived under the 1988 Act, employees' inventions under the 1977 Act
    (
        "The Author hereby waives all rights arising under the Copyright, Designs and Patents Act 1988 in the "
        "course notes.",
        "clause-ip",
    ),
    (
        "The parties acknowledge the rules on the ownership of employees' inventions in the Patents Act 1977.",
        "clause-ip",
    ),
    # a defined class of IPRs vesting in a party
    ("All Engagement IPRs will automatically belong to the Trust as soon as they are created.", "clause-ip"),
    # deposit and content licences: two or more acts of copyright authorised, a non-exclusive right to distribute
    ("The contributor authorises the archive to preserve, copy and publish the recordings.", "clause-ip"),
    ("The author grants the press a worldwide right to translate the chapter.", "clause-ip"),
    # privacy-notice data terms: processing abroad, consent to the transfer, retention, anonymised sharing
    (
        "Your personal data may be processed on servers outside the country where you live.",
        "clause-data",
    ),
    (
        "By signing up you agree to the transfer of your personal information to our hosting partner.",
        "clause-data",
    ),
    ("We will keep your personal information while your membership lasts.", "clause-data"),
    ("The Operator may keep the server access logs for up to ninety days.", "clause-data"),
    ("Query records will be released, after de-identification, to other researchers.", "clause-data"),
    # duties of confidence outside the NDA frame
    (
        "The Employee shall report any colleague found holding Confidential Information who is not authorised to "
        "hold it.",
        "clause-confidentiality",
    ),
    (
        "These obligations shall not apply to information that later enters the public domain.",
        "clause-confidentiality",
    ),
    (
        "At the Company's request the Adviser shall destroy all copies of the files, whether or not they hold "
        "Confidential Information.",
        "clause-confidentiality",
    ),
    # consumer terms: sensitive data kept out of a service, data sold in aggregate, deleted after an age, processed
    ("Staff must not store or share sensitive information in the chat tool.", "clause-data"),
    ("Members agree that the club may license ticketing data in aggregated form to sponsors.", "clause-data"),
    ("Survey records older than twelve months will be erased from the platform.", "clause-data"),
    ("You grant the Provider the rights needed for using the information you submit.", "clause-data"),
    # the law and forum of a translated contract
    ("This agreement shall be subject to Italian law.", "clause-law"),
    ("Disputes shall be brought before the competent Spanish courts.", "clause-law"),
    # the statement of a US federal non-disclosure agreement naming the national-security disclosure statutes
    (
        "The duties above are subject to the laws which protect against disclosures that could compromise the "
        "national security.",
        "clause-security",
    ),
    # an exclusion of responsibility in a translated contract
    ("The association cannot be held responsible for a member's lost password.", "clause-liability"),
]


@pytest.mark.parametrize("sentence, category", STANDARD_FORM_FAMILIES)
def test_standard_form_families_only_in_an_agreement(
    nlp: spacy.Language, sentence: str, category: str
) -> None:
    assert_clause_only_in_agreement(
        nlp,
        "Research Proposal: Oral histories of coastal towns",
        "Objectives and methodology. The team will record and transcribe interviews with former dock workers.",
        f"Data management and ethics: we describe how {sentence[0].lower()}{sentence[1:]}",
        sentence,
        category,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The project will not involve any waiver of rights under the Copyright, Designs and Patents Act 1988.",
        "The study will not require that your personal data be processed on servers outside the UK.",
        "The work does not require any continuing obligation not to disclose the survey answers.",
    ],
)
def test_standard_form_denials_are_not_clauses(nlp: spacy.Language, sentence: str) -> None:
    assert cats(run(nlp, agreement(sentence))) == set()


@pytest.mark.parametrize(
    "sentence, not_kept",
    [
        # a warranty that introduces a numbered list says nothing itself
        ("The Hosting Partner represents and warrants that: 1.", "clause-liability"),
        # a representation of status (not resident, not listed) is no allocation of liability
        (
            "By opening an account the member represents and warrants that they (i) are not listed on any "
            "restricted-party list.",
            "clause-liability",
        ),
        # answering for the work of substitute personnel is a performance duty
        (
            "The Consultant shall remain liable for the services completed by substitute personnel.",
            "clause-liability",
        ),
        # a privacy notice's service providers bound to keep information confidential: a data term
        (
            "We disclose personal data to mailing vendors that agree to keep the lists confidential.",
            "clause-confidentiality",
        ),
        # third-party add-ons not vetted by the provider: no personnel vetting
        ("You agree that the themes in the gallery are not vetted by the Provider.", "clause-security"),
        # transfer listed among the acts of a licence: no export
        ("You may not transfer, resell or sublicense the mobile app.", "clause-export"),
        # a deal reported in a description: an exclusive right to use is no grant in this text
        (
            "The start-up quickly secured the exclusive rights to use the laboratory's coating process.",
            "clause-ip",
        ),
        # no right to use the other party's Confidential Information: no IP term
        (
            "The Recipient shall not acquire any right to use the Confidential Information for its own benefit.",
            "clause-ip",
        ),
        # no identification of the people in the data in any publication: a data term, not publication review
        (
            "The Licensee shall avoid disclosing the identity of any respondent in any publication.",
            "clause-publication",
        ),
        # rights in confidential information listed among IPRs: no duty of confidence
        (
            "Intellectual Property Rights include patents, database rights and rights in confidential information "
            "(including know-how and trade secrets), and the Company shall own them.",
            "clause-confidentiality",
        ),
    ],
)
def test_standard_form_false_alarm_twins(nlp: spacy.Language, sentence: str, not_kept: str) -> None:
    assert not_kept not in cats(run(nlp, agreement(sentence)))


def test_standard_form_twins_keep_their_true_kind(nlp: spacy.Language) -> None:
    """The false-alarm twins still give the kind they are about."""
    assert "clause-confidentiality" in cats(
        run(nlp, agreement("The Recipient shall not acquire any right to use the Confidential Information."))
    )
    assert "clause-data" in cats(
        run(
            nlp,
            agreement(
                "We disclose personal data to mailing vendors that agree to keep the lists confidential."
            ),
        )
    )
    assert "clause-liability" in cats(
        run(nlp, agreement("The Licensor represents and warrants that it holds every right in the Software."))
    )


# --- round nine: families shared by many drafters of terms, data reuse statements and agency clauses ---------

ROUND_NINE_FAMILIES = [
    # no attempt to identify the people in shared data (genome browsers, data archives, user agreements)
    ("Browser visitors agree not to attempt to re-identify any donor in the variant tables.", "clause-data"),
    ("Genotype summaries may not be used in attempts to identify a family member.", "clause-data"),
    # the logged registration information of a research infrastructure's acceptable use policy
    (
        "Logged information, such as the address a user registers with, is processed for operational and "
        "accounting purposes.",
        "clause-data",
    ),
    # publicising, press releases and the release of findings only with approval or after notice
    (
        "The Contractor agrees that interview material will not be publicized without the written consent of the "
        "Board.",
        "clause-publication",
    ),
    (
        "Press releases on the field results may not be issued by the grantee without approval from the "
        "Programme Office.",
        "clause-publication",
    ),
    (
        "The Laboratory shall give the Ministry prior notice of sixty days whenever it plans to release findings.",
        "clause-publication",
    ),
    # the data producers publish first (data reuse statements under the Fort Lauderdale principles)
    (
        "The cohort statement entitles the data generators to publish the first population-wide analysis.",
        "clause-publication",
    ),
    (
        "Talks on the pooled variant calls are to be presented first by the steering group.",
        "clause-publication",
    ),
    # the passive prohibition of disclosure
    ("Bid evaluations may not be revealed to the other suppliers.", "clause-confidentiality"),
    # a representation on embargoes in consumer terms
    (
        "The Subscriber warrants that it is not based in a country under a United Nations embargo.",
        "clause-export",
    ),
    # a ceiling on the classification of information a service may hold
    (
        "Agencies must not upload records above the security classification level certified for the archive.",
        "clause-security",
    ),
    # information declared the property of a party, and licence adjectives joined by "and"
    # the open-source notices of US agencies: software "as is" in single quotes, federal law for claims
    (
        "The gauge records are provided on an 'as is' basis and the user assumes responsibility for their use.",
        "clause-liability",
    ),
    (
        "Claims about the tide model arising from its use will be governed by applicable U.S. federal law.",
        "clause-law",
    ),
    # a warranty of not infringing others' intellectual property (API and service terms)
    (
        "The Developer warrants that its app will not infringe or misappropriate the intellectual property of any "
        "publisher.",
        "clause-ip",
    ),
    ("The calibration logs are the property of the Harbour Authority.", "clause-ip"),
    (
        "The Club grants members a personal, non-exclusive and non-sublicensable licence to the fixtures list.",
        "clause-ip",
    ),
]


@pytest.mark.parametrize("sentence, category", ROUND_NINE_FAMILIES)
def test_round_nine_families_only_in_an_agreement(nlp: spacy.Language, sentence: str, category: str) -> None:
    assert_clause_only_in_agreement(
        nlp,
        "Research Proposal: Tidal energy and estuary birds",
        "Objectives and methodology. The team will count wading birds at four estuaries before and after turbines.",
        f"Data management and ethics: we describe how {sentence[0].lower()}{sentence[1:]}",
        sentence,
        category,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The survey will not involve any records above the classification level of the portal.",
        "The project does not require that interview material be publicized by the Board.",
        "The pilot does not require any attempt to re-identify the donors in the archive.",
    ],
)
def test_round_nine_denials_are_not_clauses(nlp: spacy.Language, sentence: str) -> None:
    assert cats(run(nlp, agreement(sentence))) == set()


@pytest.mark.parametrize(
    "sentence, not_kept",
    [
        # a state's law fixing an insurance limit is no choice of law
        (
            "The Tenant shall insure the premises up to the limit required by the laws of the State of Maine.",
            "clause-law",
        ),
        # other clauses cited by their quoted titles are not those clauses
        (
            'The Institute may present its results, subject to the "Rights in Data" and "Patent Rights" clauses '
            "of this award.",
            "clause-ip",
        ),
        # background information given for vetting is no data term
        (
            "Each driver shall provide personal background information to the security office before a pass is "
            "issued.",
            "clause-data",
        ),
        # a request to cite a paper, with no review or delay, is no publication restriction
        (
            "Authors need not add the consortium as co-authors, but we ask that any paper cite the flagship "
            "article.",
            "clause-publication",
        ),
        # claims "governed by all applicable laws" name no law or forum
        (
            "Any claims against the institute arising from the tool will be governed by all applicable laws.",
            "clause-law",
        ),
        # exporting one's own content from a service is no export control
        ("Members shall be able to export their chat history through the settings page.", "clause-export"),
    ],
)
def test_round_nine_false_alarm_twins(nlp: spacy.Language, sentence: str, not_kept: str) -> None:
    assert not_kept not in cats(run(nlp, agreement(sentence)))


def test_round_nine_twins_keep_their_true_kind(nlp: spacy.Language) -> None:
    """The vetting twin is still a security term, and a real choice of law still counts."""
    assert "clause-security" in cats(
        run(
            nlp,
            agreement(
                "Each driver shall provide personal background information and undergo a background investigation "
                "before a pass is issued."
            ),
        )
    )
    assert "clause-law" in cats(
        run(nlp, agreement("This Lease shall be governed by the laws of the State of Maine."))
    )


# --- round ten: families of service terms, data access agreements, NDAs and foundation agreements -----------

ROUND_TEN_FAMILIES = [
    # undertakings of confidence in the future tense, and confidentiality kept "at all times"
    (
        "Reviewers will keep the drafts confidential and not reveal them to their employers.",
        "clause-confidentiality",
    ),
    ("The Secretariat will treat each nomination file as strictly confidential.", "clause-confidentiality"),
    (
        "Each Member agrees to preserve at all times the confidentiality of the voting records.",
        "clause-confidentiality",
    ),
    # proceedings held in confidence, and a disclosure worded as a noun
    (
        "The Parties agree that any expert determination hearing will be held in confidence.",
        "clause-confidentiality",
    ),
    (
        "Participants shall not make any public disclosure of the working group's private drafts.",
        "clause-confidentiality",
    ),
    # consent to processing and the privacy promises of service terms
    (
        "By submitting the form you give the council your consent to processing this information for the licence.",
        "clause-data",
    ),
    ("We will never sell, trade, or rent your personal information to marketers.", "clause-data"),
    ("Information we collect from visitors is used solely to answer their enquiries.", "clause-data"),
    # no disclosure of an individual's records, no attempt to identify anyone in the files
    ("The Vendor may not disclose any records about a beneficiary to its affiliates.", "clause-data"),
    ("Licensees shall not attempt to identify any respondent in the panel files.", "clause-data"),
    # outputs of a secure data facility shown publicly only after a disclosure review
    (
        "Do not present any result that has not passed a disclosure review at a seminar.",
        "clause-publication",
    ),
    # rights reserved with "such" and "expressly"
    (
        "The Recipient obtains no licence under the patents, and all such rights are expressly reserved to the "
        "Discloser.",
        "clause-ip",
    ),
    # guarantees disclaimed in plain words, and a liability stated as limited
    ("The Operator does not give any guarantee that the timetable feed is error-free.", "clause-liability"),
    ("The completeness of the archive listings cannot be guaranteed.", "clause-liability"),
    ("The Club's liability to members for lost equipment is limited to fifty pounds.", "clause-liability"),
    # first-person representations and certifications of contributor agreements and the Developer Certificate of
    # Origin
    (
        "I represent that I am legally entitled to grant the licences named in the sign-up form.",
        "clause-liability",
    ),
    (
        "I certify that I have the right to submit the translation under the open source license of the project.",
        "clause-ip",
    ),
    # copyright or patent rights granted as such
    (
        "The editors agree to grant the copyright licences needed to file the profile with a national standards body.",
        "clause-ip",
    ),
    # export named with the breach after the verb, and laws on export and import among those a user must follow
    (
        "Subscribers shall not use the archive to export survey software in violation of applicable federal laws.",
        "clause-export",
    ),
    (
        "Overseas users are solely responsible for obeying local laws, including rules governing export and import of "
        "encryption software.",
        "clause-export",
    ),
]


@pytest.mark.parametrize("sentence, category", ROUND_TEN_FAMILIES)
def test_round_ten_families_only_in_an_agreement(nlp: spacy.Language, sentence: str, category: str) -> None:
    assert_clause_only_in_agreement(
        nlp,
        "Research Proposal: Peat moisture and upland bird counts",
        "Objectives and methodology. The team will survey peat moisture and count curlews on three moors.",
        f"Data management and ethics: we describe how {sentence[0].lower()}{sentence[1:]}",
        sentence,
        category,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The project will not involve any consent to processing this information.",
        "The study does not require that reviewers keep the drafts confidential and not reveal them.",
        "The analysis will not involve any output checking before publication.",
        "The pilot will not involve any export of software in violation of applicable laws.",
    ],
)
def test_round_ten_denials_are_not_clauses(nlp: spacy.Language, sentence: str) -> None:
    assert cats(run(nlp, agreement(sentence))) == set()


@pytest.mark.parametrize(
    "sentence, not_kept",
    [
        # an IP address in a privacy term is no intellectual property
        ('Each visit is logged with the Internet Protocol ("IP") address of the device.', "clause-ip"),
        # assigning the agreement itself is boilerplate, not an IP term
        (
            "Neither Party may assign, transfer or charge this Agreement without the other's consent.",
            "clause-ip",
        ),
        # an entire-agreement clause superseding earlier warranties gives none
        (
            "This Agreement is the entire agreement between the Parties and supersedes all earlier warranties and "
            "understandings.",
            "clause-liability",
        ),
        # the acceptable-use rule to respect confidentiality agreements made elsewhere
        (
            "Volunteers shall respect intellectual property and confidentiality agreements at all times.",
            "clause-confidentiality",
        ),
        # a promise not to publish what a service knows about its users is no publication restriction
        ("We will not publish personal information about any subscriber.", "clause-publication"),
        # a warning that messages will not necessarily be treated as confidential is no duty of confidence
        (
            "Users shall note that chats with the help desk may not necessarily be treated as confidential.",
            "clause-confidentiality",
        ),
        # a working group publishing its own approved specification holds back no one's results
        (
            "After the vote, the Chair shall publish the approved specification where the members have agreed.",
            "clause-publication",
        ),
        # a licence over users' content is an IP term, not a data term
        (
            "You agree that the licence includes the right for the Forum to display your User Content on partner "
            "sites.",
            "clause-data",
        ),
    ],
)
def test_round_ten_false_alarm_twins(nlp: spacy.Language, sentence: str, not_kept: str) -> None:
    assert not_kept not in cats(run(nlp, agreement(sentence)))


def test_round_ten_twins_keep_their_true_kind(nlp: spacy.Language) -> None:
    """A sublicence of patent rights is still an IP term, a disclaimer beside an entire-risk sentence still counts,
    and a privacy promise is still a data term."""
    assert "clause-ip" in cats(
        run(
            nlp,
            agreement("The Licensee shall not sublicense the Patent Rights without the Licensor's consent."),
        )
    )
    assert "clause-liability" in cats(
        run(
            nlp,
            agreement(
                "The Supplier makes no warranty that the feed will be error-free, and the entire risk rests with the "
                "Customer."
            ),
        )
    )
    assert "clause-data" in cats(
        run(nlp, agreement("We will not publish or sell your personal information to any third party."))
    )


# --- round eleven: families of data and model licences, government notices and terms of use ----------------

ROUND_ELEVEN_FAMILIES = [
    # a party's disclaimer in the present tense, with no "shall" or "hereby"
    (
        "The Museum and its volunteers disclaim all warranties, express or implied, as to the scans.",
        "clause-liability",
    ),
    ("The consortium disclaims any liability to any user for errors in the gazetteer.", "clause-liability"),
    # the copyright status of a work of the US Government
    (
        "The tide model was written by United States Government employees in their official duties and is not "
        "subject to copyright in the United States.",
        "clause-ip",
    ),
    ("The survey toolkit is in the public domain within the United States.", "clause-ip"),
    # use restrictions of responsible-AI and model licences, binding what is derived from the licensed artefact
    (
        "Licensees agree not to use the Weights or any of their derivatives to identify people in crowds.",
        "clause-ip",
    ),
    ("You agree not to use the Checkpoint or Derivatives of the Checkpoint for medical advice.", "clause-ip"),
    # approval or authorisation needed before a logo or insignia is used
    ("Written consent must be obtained to use the observatory's insignia on merchandise.", "clause-ip"),
    ("Any printing of the Society's emblem on products requires prior written approval.", "clause-ip"),
    # what a licence does not grant is a term of it
    ("This licence does not grant you a right to use the portraits of living people.", "clause-ip"),
    # consent called previous, explicit or specific
    (
        "The Club will not process the personal data of a junior member without the previous consent of a guardian.",
        "clause-data",
    ),
    (
        "The portal will not share any personal information of a patient without specific, explicit consent from "
        "the patient.",
        "clause-data",
    ),
    # emanation security of equipment that processes classified information
    (
        "The Contractor shall accredit every workstation in the secure room against TEMPEST requirements.",
        "clause-security",
    ),
    (
        "The Supplier shall protect the terminals against compromising emanations before classified processing "
        "starts.",
        "clause-security",
    ),
]


@pytest.mark.parametrize("sentence, category", ROUND_ELEVEN_FAMILIES)
def test_round_eleven_families_only_in_an_agreement(
    nlp: spacy.Language, sentence: str, category: str
) -> None:
    assert_clause_only_in_agreement(
        nlp,
        "Research Proposal: Lichen cover on coastal dunes",
        "Objectives and methodology. The team will map lichen cover on four dune systems.",
        f"Data management and ethics: we describe how {sentence[0].lower()}{sentence[1:]}",
        sentence,
        category,
    )


@pytest.mark.parametrize(
    "sentence, not_kept",
    [
        # a disclaimer of an intention or an interest is no warranty disclaimer
        ("The authors disclaim any conflict of interest in the funded work.", "clause-liability"),
        ("You disclaim any intention to restrict the users of the library.", "clause-liability"),
        # public information in general is not the copyright status of a government work
        ("Facts are not subject to copyright, and the Contractor shall cite every source.", "clause-ip"),
        # a use promise without a licensed artefact and its derivatives
        ("Visitors agree not to use phones or cameras in the reading room.", "clause-ip"),
        # approval of a logo's design is no condition on using a mark
        ("The board shall give approval of the new logo design at its spring meeting.", "clause-ip"),
        # copyright law named as the law that applies is no IP term
        (
            "Any matter not covered by this licence shall be subject to the Copyright Law of Japan.",
            "clause-ip",
        ),
        # trade secrets named among the kinds of rights licensed are no duty of confidence
        (
            "Permission is hereby granted to deal in the Model Materials under all copyright, patent, database, and "
            "trade secret rights.",
            "clause-confidentiality",
        ),
        # a security agency named as the owner or licensor of software is no security clause
        (
            "The National Security Agency hereby grants permission to copy and distribute the toolkit.",
            "clause-security",
        ),
        # a play in the drama society's programme is not emanation security
        ("The drama society shall return the costumes of The Tempest by Friday.", "clause-security"),
    ],
)
def test_round_eleven_false_alarm_twins(nlp: spacy.Language, sentence: str, not_kept: str) -> None:
    assert not_kept not in cats(run(nlp, agreement(sentence)))


def test_round_eleven_twins_keep_their_true_kind(nlp: spacy.Language) -> None:
    """A duty to protect trade secrets is still confidentiality, a named agency's security clearance is still a
    security term, a licence notice over copyright is still IP, and a denial of processing stays no clause."""
    assert "clause-confidentiality" in cats(
        run(
            nlp,
            agreement(
                "The Recipient shall protect the Discloser's database and trade secrets from disclosure."
            ),
        )
    )
    assert "clause-security" in cats(
        run(
            nlp,
            agreement(
                "Staff of the National Security Agency project shall hold a facility security clearance before access."
            ),
        )
    )
    assert "clause-ip" in cats(
        run(
            nlp,
            agreement(
                "The Licensee shall retain the copyright notices of the Copyright Law Review on all copies."
            ),
        )
    )
    assert cats(run(nlp, agreement("The pilot study will not process any personal data."))) == set()
