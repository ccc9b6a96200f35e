"""Sentences from public standard forms, each with a negative twin, for the clause families of round eleven.

Each entry is (kind, clause, twin, twin_in): ``clause`` is a term of an agreement of ``kind``; ``twin`` is a near
sentence that must not be a finding of ``kind``: the kind's words inside the definition of another term, inside the
name of a body, inside a regulation cited by number and title, in a proposal's voice, as a question, negated, or
named in passing by a clause of another kind. ``twin_in`` says whether the twin is read in an agreement or in a
proposal. The clause sentences are quoted or shortened from the forms named in the comment of each entry (none
of them is a source of the corpus).
"""

from __future__ import annotations

EXPORT, IP, PUB, DATA = "clause-export", "clause-ip", "clause-publication", "clause-data"
CONF, LAW, LIAB, SEC = "clause-confidentiality", "clause-law", "clause-liability", "clause-security"

PAIRS: list[tuple[str, str, str, str]] = [
    # --- a kind named inside the definition of a term of another kind ---------------------------------------------
    # DFARS 252.225-7048 Export-Controlled Items (a definition of an export term is an export term) / FAR 52.225-13
    # Restrictions on Certain Foreign Purchases: OFAC named inside the definition of "Person"
    (
        EXPORT,
        "The Contractor shall comply with all applicable laws and regulations regarding export-controlled items.",
        "Person means any individual, partnership or corporation, as the term is used in the regulations of the "
        "Office of Foreign Assets Control (OFAC).",
        "agreement",
    ),
    # DFARS 252.204-7012 Safeguarding Covered Defense Information: the operative duty / "Compromise" defined
    (
        SEC,
        "The Contractor shall provide adequate security on all covered contractor information systems.",
        "Media means physical devices or writing surfaces, including magnetic tapes and optical disks, onto which "
        "classified information is recorded, stored or printed.",
        "agreement",
    ),
    # FAR 52.227-14 Rights in Data-General: unlimited rights / "Limited rights data" defined
    (
        IP,
        "The Government shall have unlimited rights in data first produced in the performance of this contract.",
        "Form, fit, and function data means data relating to items or processes that are sufficient to enable "
        "physical and functional interchangeability, and data identifying source, size and configuration.",
        "agreement",
    ),
    # Mozilla Public License 2.0, 2.1 Grants / 1.7 "Larger Work" defined (the licence named inside it)
    (
        IP,
        "Each Contributor hereby grants You a world-wide, royalty-free, non-exclusive license under "
        "Intellectual Property Rights held by such Contributor.",
        '"Executable Form" means any form of the work other than Source Code Form.',
        "agreement",
    ),
    # Horizon Europe Model Grant Agreement, Article 43 Applicable law / the dispute settlement of a defined term
    (
        LAW,
        "The Agreement is governed by the applicable EU law, supplemented if necessary by the law of Belgium.",
        '"Mediator" means the person appointed under Schedule 11 to settle a dispute by arbitration or mediation.',
        "agreement",
    ),
    # FAR 52.204-21 Basic Safeguarding: the operative duty / "Information system" defined
    (
        SEC,
        "The Contractor shall limit information system access to authorized users, processes acting on behalf "
        "of authorized users, or devices.",
        "Information system means a discrete set of information resources organized for the collection, "
        "processing, maintenance, use, sharing, dissemination, or disposition of information.",
        "agreement",
    ),
    # Eclipse Public License 1.0, 7: governing law / "Contributor" defined
    (
        LAW,
        "This Agreement is governed by the laws of the State of New York and the intellectual property laws "
        "of the United States of America.",
        '"Claim" means any demand against a Contributor under the laws of the State of New York.',
        "agreement",
    ),
    # UK Model Services Contract core terms 15 (confidentiality) / "Confidential Information" defined (a definition
    # of the kind's own term stays that kind's term)
    (
        CONF,
        '"Confidential Information" means any information, however it is conveyed, that relates to the business, '
        "affairs, developments, trade secrets, Know-How, personnel and suppliers of the Parties.",
        "Deliverables means all documents, products and materials developed by the Supplier as part of the "
        "Services, including any documents marked confidential.",
        "agreement",
    ),
    # --- the kind's word opening the name of a body ---------------------------------------------------------------
    # UK model Clinical Trial Agreement (mCTA) and Horizon Europe Model Grant Agreement Article 15 (data protection)
    (
        DATA,
        "The granting authority must process personal data under the Agreement in accordance with Regulation "
        "2018/1725.",
        "The Sponsor shall submit an annual safety report to the Data Monitoring Committee.",
        "agreement",
    ),
    # EU GDPR model standard contractual clauses (Clause 13, supervision): the data exporter's duty / the
    # name of a body that starts with "Data"
    (
        DATA,
        "The data importer shall process the personal data only on documented instructions from the data "
        "exporter.",
        "The Recipient shall send its annual report to the Data Coordinating Center of the network.",
        "agreement",
    ),
    # US NIST Research Data Framework style access form / a "Data Safety and Monitoring Board" in an NIH clinical
    # trial term
    (
        DATA,
        "The Recipient shall not share the individual-level records with any third party.",
        "The awardee must provide the Data and Safety Monitoring Board with the interim analyses.",
        "agreement",
    ),
    # --- dedication to the public domain --------------------------------------------------------------------------
    # The Unlicense / the confidentiality exception of a mutual NDA (information already in the public domain)
    (
        IP,
        "The authors dedicate any and all copyright interest in the software to the public domain.",
        "The obligations of confidence shall not apply to information that is already in the public domain.",
        "agreement",
    ),
    # Creative Commons CC0 1.0, 2 Waiver / a proposal that reuses public-domain images
    (
        IP,
        "Affirmer hereby waives, abandons, and surrenders all of Affirmer's Copyright and Related Rights in the "
        "Work and dedicates the Work to the public domain.",
        "We will reuse public domain images from the museum archive to train the model.",
        "proposal",
    ),
    # US federal source code policy (code.gov agency terms): works committed to the public domain / the date of
    # release rule of a publication clause
    (
        IP,
        "The Contractor shall commit all source code developed under this order to the public domain.",
        "Is the source code developed under this order already in the public domain?",
        "agreement",
    ),
    # --- a regulation cited by its number and title ---------------------------------------------------------------
    # FAR 52.227-17 Rights in Data-Special Works / the clause cited by number and title in a list of clauses
    (
        IP,
        "The Contractor shall not assert any claim of copyright in data first produced in the performance of "
        "this contract without the prior written permission of the Contracting Officer.",
        "This order incorporates FAR 52.227-17, Rights in Data-Special Works, by reference.",
        "agreement",
    ),
    # DFARS 252.204-7000 Disclosure of Information / the clause cited by number and title
    (
        PUB,
        "The Contractor shall not release to anyone outside the Contractor's organization any unclassified "
        "information pertaining to this contract unless the Contracting Officer has given prior written approval.",
        "The offeror is reminded of DFARS 252.204-7000, Disclosure of Information, in the award.",
        "agreement",
    ),
    # FAR 52.204-21 Basic Safeguarding of Covered Contractor Information Systems, cited by title
    (
        SEC,
        "The Contractor shall verify and control connections to and use of external information systems.",
        "Offerors should read FAR 52.204-21, Basic Safeguarding of Covered Contractor Information Systems, "
        "before quoting.",
        "agreement",
    ),
    # --- clause kinds of further standard forms, each with a twin in another voice -----------------------------------
    # Horizon Europe Model Grant Agreement, Article 13 Confidentiality / proposal voice
    (
        CONF,
        "During the action implementation and for four years after the end date, the parties must keep "
        "confidential any data, documents or other material that is identified as sensitive in writing.",
        "We will discuss how confidential material is handled with the consortium partners.",
        "proposal",
    ),
    # Horizon Europe Model Grant Agreement, Article 16 Access rights / a question
    (
        IP,
        "The beneficiaries must give each other access to their background if it is needed to implement their "
        "own tasks under the action.",
        "Which partners will need access to the background of the others?",
        "proposal",
    ),
    # Horizon Europe Model Grant Agreement, Article 17 Communication and dissemination / proposal voice
    (
        PUB,
        "A beneficiary that intends to disseminate its results must give advance notice to the other "
        "beneficiaries of at least 15 days, together with sufficient information on the results it will "
        "disseminate.",
        "We will disseminate our results at two international conferences each year.",
        "proposal",
    ),
    # Horizon Europe Model Grant Agreement, Article 13.2 Classified information / negation (a denial)
    (
        SEC,
        "The parties must handle classified information in accordance with the applicable EU, international or "
        "national law on classified information.",
        "The action will not involve classified information.",
        "agreement",
    ),
    # Horizon Europe Model Grant Agreement, Article 32 Liability / another kind named in passing
    (
        LIAB,
        "The granting authority cannot be held liable for any damage caused to the beneficiaries or to third "
        "parties as a consequence of the implementation of the Agreement.",
        "The project will assess the liability of autonomous vehicles under current tort law.",
        "proposal",
    ),
    # UK Model Services Contract core terms 15: confidentiality / a question
    (
        CONF,
        "Each Party must keep all Confidential Information it receives confidential and secret and not disclose "
        "it without the written consent of the other Party.",
        "Will the partners disclose any confidential information to third parties?",
        "agreement",
    ),
    # UK Model Services Contract core terms 9: IPRs / proposal voice
    (
        IP,
        "Each Party keeps ownership of its own Existing IPRs.",
        "The project will review the literature on ownership of existing patents in university spin-outs.",
        "proposal",
    ),
    # UK Model Services Contract core terms 36: governing law / another kind named in passing
    (
        LAW,
        "This Contract and any issues or disputes arising out of, or connected to it, are governed by English law.",
        "The workshop will compare how English law and Scots law treat research contracts.",
        "proposal",
    ),
    # UK Model Services Contract core terms 11: liability cap / negation of the kind's object in a description
    (
        LIAB,
        "Each Party's total aggregate liability under or in connection with this Contract shall not exceed the "
        "greater of five million pounds or 150% of the Estimated Yearly Charges.",
        "The study will estimate the total liability of public bodies for flood damage.",
        "proposal",
    ),
    # UK Model Services Contract Joint Schedule 11 (processing data) / proposal voice
    (
        DATA,
        "The Processor shall notify the Controller immediately if it considers that any of the Controller's "
        "instructions infringe the Data Protection Legislation.",
        "Our team will study how controllers interpret data protection legislation in practice.",
        "proposal",
    ),
    # Eclipse Public License 1.0, 2(a) grant / a question
    (
        IP,
        "Each Contributor hereby grants Recipient a non-exclusive, worldwide, royalty-free copyright license to "
        "reproduce, prepare derivative works of, publicly display, publicly perform, distribute and sublicense "
        "the Contribution of such Contributor.",
        "Does each contributor keep the copyright in the code it writes?",
        "proposal",
    ),
    # Eclipse Public License 1.0, 5 No warranty / proposal voice
    (
        LIAB,
        'THE PROGRAM IS PROVIDED ON AN "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, EITHER '
        "EXPRESS OR IMPLIED.",
        "The project will deliver the prototype as is exercised in the pilot.",
        "proposal",
    ),
    # Mozilla Public License 2.0, 8 Litigation / another kind named in passing
    (
        LAW,
        "Any litigation relating to this License may be brought only in the courts of a jurisdiction where the "
        "defendant maintains its principal place of business.",
        "The team will map the jurisdiction of courts over cross-border data flows.",
        "proposal",
    ),
    # Open Data Commons ODbL 1.0, 4.4 Share alike / a proposal that names the licence
    (
        IP,
        "Any Derivative Database that You Publicly Use must be only under the terms of this License.",
        "We plan to release the map extracts under the ODbL so that others can reuse them.",
        "proposal",
    ),
    # DFARS 252.204-7012 (c): cyber incident reporting / negation
    (
        SEC,
        "When the Contractor discovers a cyber incident that affects a covered contractor information system, "
        "the Contractor shall rapidly report cyber incidents to DoD.",
        "The pilot does not require security clearance for any member of staff.",
        "agreement",
    ),
    # DFARS 252.225-7048 Export-controlled items / proposal voice
    (
        EXPORT,
        "The Contractor shall consult with the Department of State regarding any questions relating to "
        "compliance with the International Traffic in Arms Regulations.",
        "Our lab will study how the arms trade responds to sanctions on fuel exports.",
        "proposal",
    ),
    # FAR 52.225-13 Restrictions on Certain Foreign Purchases / a question
    (
        EXPORT,
        "The Contractor shall not acquire any supplies or services if any proclamation, Executive order, or "
        "statute administered by OFAC, or if OFAC's implementing regulations, would prohibit such a transaction.",
        "Are any of the suppliers named on a sanctions list?",
        "agreement",
    ),
    # NIH Grants Policy Statement 8.2.2 (publications): acknowledgment of federal funding / proposal voice
    (
        PUB,
        "The recipient must submit the final peer-reviewed manuscript to PubMed Central upon acceptance for "
        "publication.",
        "Findings will be submitted for publication in open-access journals.",
        "proposal",
    ),
    # UK Government model Non-Disclosure Agreement (Cabinet Office), clause 2 / negation in the twin
    (
        CONF,
        "The Recipient shall keep the Discloser's Confidential Information secret and confidential and shall not "
        "disclose it to any person without the prior written consent of the Discloser.",
        "The workshop materials contain no confidential information and are not subject to any restriction.",
        "proposal",
    ),
    # UK Government model Non-Disclosure Agreement, governing law / a question
    (
        LAW,
        "This Agreement shall be governed by and construed in accordance with the law of England and Wales.",
        "Which law governs the partners' consortium agreement?",
        "agreement",
    ),
    # US Federal Demonstration Partnership (FDP) research subaward terms: publication / proposal voice
    (
        PUB,
        "Subrecipient shall provide the Pass-through Entity with a copy of any proposed publication thirty days "
        "before submission for review.",
        "The postdoc will draft two publications on the trial results.",
        "proposal",
    ),
    # FAR 52.224-3 Privacy Training / another kind named in passing
    (
        DATA,
        "The Contractor shall ensure that its employees who handle personally identifiable information complete "
        "privacy training.",
        "The survey will ask staff how often they take privacy training.",
        "proposal",
    ),
]
