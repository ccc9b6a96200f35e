"""Sentences from public standard forms, each with a negative twin, for the clause families of round eleven.

Each entry is (kind, clause, twin, twin_in): ``clause`` is a term of an agreement of ``kind``; ``twin`` is a near
sentence that must not be a finding of ``kind``: the kind's words inside the definition of another term, inside the
name of a body, inside a regulation cited by number and title, in a proposal's voice, as a question, negated, or
named in passing by a clause of another kind. ``twin_in`` says whether the twin is read in an agreement or in a
proposal. The clause sentences are quoted or shortened from the forms named in the comment of each entry; no row
of the corpus quotes these forms (the Horizon Europe Model Grant Agreement is close in wording to the IMI2 model
grant agreement rows of the shared corpus).
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
    # DD Form 254 Contract Security Classification Specification (access requirements) / "Media" defined
    (
        SEC,
        "The Contractor shall ensure that each employee who needs access to classified information under this "
        "contract holds a personnel security clearance at the required level.",
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
    # Common Development and Distribution License 1.0, 2.1 The Initial Developer Grant / 1.3 "Executable" defined
    (
        IP,
        "The Initial Developer hereby grants You a world-wide, royalty-free, non-exclusive license under "
        "Intellectual Property Rights licensable by Initial Developer to use, reproduce, modify and distribute "
        "the Original Software.",
        '"Executable" means the Covered Software in any form other than Source Code.',
        "agreement",
    ),
    # Horizon Europe Model Grant Agreement, Article 43 Applicable law / the dispute settlement of a defined term
    (
        LAW,
        "The Agreement is governed by the applicable EU law, supplemented if necessary by the law of Belgium.",
        '"Mediator" means the person appointed under Schedule 11 to settle a dispute by arbitration or mediation.',
        "agreement",
    ),
    # DD Form 441 DoD Security Agreement / FAR 52.204-21 Basic Safeguarding: IT security of contract information
    # is no national-security clause (the corpus convention)
    (
        SEC,
        "The Contractor agrees to provide and maintain a system of security controls within its own organization "
        "in accordance with the requirements of the National Industrial Security Program Operating Manual.",
        "The Contractor shall limit information system access to authorized users, processes acting on behalf "
        "of authorized users, or devices.",
        "agreement",
    ),
    # Common Development and Distribution License 1.0, 9 Miscellaneous / "Contributor" defined
    (
        LAW,
        "This License shall be governed by the law of the jurisdiction specified in a notice contained within "
        "the Original Software.",
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
    # Open Data Commons Public Domain Dedication and License (PDDL) 1.0, 3.1 / a proposal that reuses public-domain images
    (
        IP,
        "The Rightsholder hereby waives all copyright and database rights in the Work and dedicates the Work to "
        "the public domain.",
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
    # FAR 52.227-14(c)(1) Rights in Data-General, copyright / the clause cited by number and title
    (
        IP,
        "The Contractor may, without prior approval of the Contracting Officer, assert copyright in scientific "
        "and technical articles based on or containing data first produced in the performance of this contract.",
        "This order incorporates FAR 52.227-14, Rights in Data-General, by reference.",
        "agreement",
    ),
    # NASA Space Act Agreement, release of general information / a NASA FAR Supplement clause cited by number and title
    (
        PUB,
        "NASA or Partner may, consistent with Federal law and this Agreement, release general information "
        "regarding its own participation in this Agreement as desired.",
        "The offeror is reminded of NFS 1852.235-70, Center for Aerospace Information, in the award.",
        "agreement",
    ),
    # DD Form 441 (security controls) / FAR 52.204-9 cited by number and title
    (
        SEC,
        "The Contractor shall not permit any foreign national to have access to classified information without "
        "the written authorization of the Cognizant Security Agency.",
        "Offerors should read FAR 52.204-9, Personal Identity Verification of Contractor Personnel, before quoting.",
        "agreement",
    ),
    # --- clause kinds of further standard forms, each with a twin in another voice -----------------------------------
    # NIH model Confidential Disclosure Agreement / proposal voice
    (
        CONF,
        "Recipient agrees to hold the Confidential Information in confidence and not to disclose it to any third "
        "party without the prior written consent of the Provider.",
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
    # NASA Space Act Agreement (cross-waiver of liability) / another kind named in passing
    (
        LIAB,
        "Each Party agrees to a cross-waiver of liability pursuant to which each Party waives all claims against "
        "the other Party for any injury to, or death of, its employees or damage to its property.",
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
    # Artistic License 2.0, (2) / a question
    (
        IP,
        "You are permitted to use the Standard Version and create and use Modified Versions for any purpose "
        "without restriction, provided that you do not Distribute the Modified Version.",
        "Does each contributor keep the copyright in the code it writes?",
        "proposal",
    ),
    # Artistic License 2.0, (14) Disclaimer of Warranty / proposal voice
    (
        LIAB,
        'THE PACKAGE IS PROVIDED BY THE COPYRIGHT HOLDER AND CONTRIBUTORS "AS IS" AND WITHOUT ANY EXPRESS OR '
        "IMPLIED WARRANTIES.",
        "The project will deliver the prototype as is exercised in the pilot.",
        "proposal",
    ),
    # NASA Space Act Agreement, applicable law / another kind named in passing
    (
        LAW,
        "U.S. Federal law governs this Agreement for all purposes, including, but not limited to, determining the "
        "validity of this Agreement, the meaning of its provisions, and the rights, obligations and remedies of "
        "the Parties.",
        "The team will map the jurisdiction of courts over cross-border data flows.",
        "proposal",
    ),
    # Community Data License Agreement - Permissive 2.0, 2.2 / a proposal that names the licence
    (
        IP,
        "Data Recipient may share Data, with or without modifications, so long as the Data Recipient makes "
        "available the text of this agreement with the shared Data.",
        "We plan to release the map extracts under the CDLA so that others can reuse them.",
        "proposal",
    ),
    # FAR 52.204-9 Personal Identity Verification of Contractor Personnel / negation
    (
        SEC,
        "The Contractor shall comply with agency personal identity verification procedures identified in the "
        "contract that implement Homeland Security Presidential Directive-12.",
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
