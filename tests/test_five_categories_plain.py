"""Plain descriptions of AI, semiconductor, communications, biological and surveillance work, verbatim from public
programme, laboratory and agency pages the corpus does not use, each labelled from its own words before grantscan
ran on it. Half describe the five categories as their programme pages do (machine learning systems, chips and
their fabrication, wireless and laser links, pathogens, containment and DNA synthesis, facial recognition and
cell-site simulators: FOUND, the category must be reached); half are the false-friend senses of their words
(humanities research about AI, wood chips, pet microchips and chip seals, water-monitoring and social networks,
computer viruses and a vaccination clinic's outreach, the monitoring of rivers and patients and disease
surveillance: NOT_FOUND, the category named must not be reached).

Texts are verbatim but for curly quotes and apostrophes written straight.

Sources (the page and the date it was read, 2026-12-07; licence):
  DARPA-AIN  darpa.mil/research/programs/ai-next-campaign (DARPA, US government work, public domain)
  DARPA-TAG  darpa.mil/tag-list pages "Programming" (tt=52), "AI" (tt=73), microsystems (tt=30, tt=67) (DARPA, PD)
  NIST-CHM   nist.gov/chips/research-development-programs/metrology-program (NIST, PD)
  NIST-CHR   nist.gov/chips/research-development-programs (NIST, PD)
  NSF-16085  nsf.gov/news/news_summ.jsp?cntn_id=139179, News Release 16-085, July 15, 2016 (NSF, PD)
  NIST-6G    nist.gov/news-events/news/2025/06/shaping-6g-era (NIST, PD)
  NASA-LC    NASA feature on laser communications (SCaN), as reproduced on forums.livescience.com (NASA, PD)
  NIAID-RI   niaid.nih.gov/topics/biodefenserelated/biodefense/Pages/researchInfrastructure.aspx (NIH, PD)
  NIAID-BSL  NIAID fact sheet "The Need for Biosafety Laboratory Facilities", February 2004, webharvest.gov
             archive of niaid.nih.gov/factsheets/facility_construction.htm (NIH, PD)
  ASPR-DNA   HHS ASPR, screening framework guidance for synthetic double-stranded DNA, FAQ,
             stg-aspr.hhs.gov/legal/syndna/Pages/syndna-faq.aspx (HHS, PD)
  GAO-518    GAO-21-518 "Facial Recognition Technology: Federal Law Enforcement Agencies Should Better Assess
             Privacy and Other Risks", June 2021, highlights page (GAO, PD)
  GAO-526    GAO-21-526 "Facial Recognition Technology: Current and Planned Uses by Federal Agencies", August
             2021, highlights page (GAO, PD)
  DOJ-CSS    "Department of Justice Policy Guidance: Use of Cell-Site Simulator Technology", 3 September 2015 (DOJ, PD)
  DHS-CSS    DHS Policy Directive 047-02 "Department Policy Regarding the Use of Cell-Site Simulator Technology",
             19 October 2015 (DHS, PD)
  NIST-FRVT  NIST IR 8280 "Face Recognition Vendor Test Part 3: Demographic Effects", abstract (NIST, PD)
  NEH-AI     neh.gov/AI "Humanities Perspectives on Artificial Intelligence" (NEH, PD)
  NEH-AIC    neh.gov/news/neh-awards-272-million-create-ai-research-centers, 27 August 2024 (NEH, PD)
  NEH-ODH    neh.gov/humanities/2018/spring/feature/the-office-digital-humanities-turns-ten (NEH, PD)
  DOE-FFS    energy.gov/articles/fuels-schools-program-uses-leftover-wood-warm-buildings, 10 May 2010 (DOE, PD)
  USDA-MC    USDA Animal Care bulletin on microchips for regulated animals, 23 May 2016, as reproduced by
             wcclas.org (USDA, PD)
  FHWA-CS    FHWA project "Guide Construction Specifications for Pavement Preservation Treatments: Chip Seal and
             Microsurfacing", rip.trb.org/view/1364351 (FHWA project record, US government work, PD)
  USGS-NWMN  usgs.gov/mission-areas/water-resources/science/national-water-monitoring-network (USGS, PD)
  USGS-FS    USGS Fact Sheet 077-02 "Monitoring Our Rivers and Streams", pubs.usgs.gov/fs/fs-077-02 (USGS, PD)
  USGS-HOW   usgs.gov Water Science School "How the U.S. Geological Survey Monitors Water" (USGS, PD)
  NIH-R21    NIH RePORTER record R21-HD071885 as mirrored by grantome.com (NIH record, PD)
  NIH-RC1    NIH RePORTER record RC1-AA019239 as mirrored by grantome.com (NIH record, PD)
  CISA-TIPS  CISA security tips "Understanding Hidden Threats" and "Reducing Spam", summaries as listed on
             roastidio.us (CISA, PD)
  CDC-RES    cdc.gov/vaccines/partners/resiliency.html "Resiliency of the United States Vaccination System" (CDC, PD)
  CDC-FLU    CDC "U.S. Influenza Surveillance: Purpose and Methods", espanol.cdc.gov/enes/flu/weekly/overview.htm
             (CDC, PD)
  JMIR-RPM   JMIR Research Protocols 2022;11(6):e32873, Nov-RPM-HF trial protocol, abstract (CC BY 4.0)
  APH-SWS    Archives of Public Health 72:28 (2014) "Smart wearable body sensors for patient self-assessment and
             monitoring", abstract (BioMed Central, CC BY 4.0)
"""

from __future__ import annotations

from typing import Any

import pytest

from grantscan.detect import Detector
from grantscan.model import Document, Finding, Location, TextBlock


def categories(detector: Detector, text: str) -> set[str]:
    doc = Document("t.txt", "text", [TextBlock(text, Location(line=1, column=1))])
    found: list[Finding] = detector.detect(doc)
    return {f.category for f in found if f.kind == "finding" and f.category != "country"}


# (source, expected category, text)
FOUND = [
    # machine learning systems
    pytest.param(
        "DARPA-AIN",
        "ai",
        "Today, DARPA continues to lead innovation in AI research as it funds a broad portfolio of R&D programs, "
        "ranging from basic research to advanced technology development.",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'AI research' after DARPA, a defence end user, with no verb of building: the acronym alone stays at 0.12",
        ),
    ),
    (
        "DARPA-AIN",
        "ai",
        "Key areas of the campaign include automating critical Department of Defense (DOD) business processes, such "
        "as security clearance vetting or accrediting software systems for operational deployment; improving the "
        "robustness and reliability of AI systems; enhancing the security and resiliency of machine learning and AI "
        "technologies; reducing power, data, and performance inefficiencies; and pioneering the next generation of "
        'AI algorithms and applications, such as "explainability" and common sense reasoning.',
    ),
    pytest.param(
        "DARPA-TAG",
        "ai",
        "Explainable AI\u2014especially explainable machine learning\u2014will be essential if future warfighters are "
        "to understand, appropriately trust, and effectively manage an emerging generation of artificially "
        "intelligent machine partners.",
        marks=pytest.mark.xfail(
            strict=True, reason="the hedge 'future' holds 'Explainable AI' at 0.58 against 0.64"
        ),
    ),
    (
        "DARPA-TAG",
        "ai",
        "As these systems have progressed, deep neural networks (DNN) have emerged as the state of the art in ML "
        "models.",
    ),
    pytest.param(
        "DARPA-TAG",
        "ai",
        "However, training DNN requires massive amounts of labeled data\u2013typically 109 or 1010 training examples.",
        marks=pytest.mark.xfail(
            strict=True, reason="the acronym DNN with 'training' as its only cue stays at 0.60 against 0.64"
        ),
    ),
    # chips and their fabrication
    (
        "NIST-CHM",
        "semiconductors",
        "The CHIPS Metrology Program emphasizes measurements that are accurate, precise, and fit-for-purpose for the "
        "production of microelectronic materials, devices, circuits, and systems.",
    ),
    (
        "NIST-CHR",
        "semiconductors",
        "The purpose of the CHIPS Research and Development (R&D) programs is to advance the development of "
        "semiconductor technologies and to enhance the competitiveness of the U.S. semiconductor industry.",
    ),
    pytest.param(
        "NIST-CHR",
        "semiconductors",
        "The facilities include a NSTC Prototyping and National Advanced Packaging Manufacturing Program (NAPMP) "
        "Advanced Packaging Piloting Facility, a NSTC Administrative and Design Facility, and a NSTC Extreme "
        "Ultraviolet (EUV) Center.",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'Advanced Packaging' inside facility names after 'facilities include' reads as a tool (0.15); 'Extreme Ultraviolet' names no lithography",
        ),
    ),
    (
        "DARPA-TAG",
        "semiconductors",
        "The use of intellectual-property (IP) blocks\u2013discrete, modular, reusable blocks that deliver frequently "
        "used circuit functions\u2014has significantly streamlined the design and creation of microchips.",
    ),
    (
        "DARPA-TAG",
        "semiconductors",
        "The microelectronics community is facing an array of long foreseen obstacles to Moore's Law, the "
        "transistor scaling that has allowed for 50 years of rapid progress in electronics.",
    ),
    # wireless and laser links
    (
        "NSF-16085",
        "comms",
        "Today, the National Science Foundation (NSF) announced that it will invest more than $400 million over the "
        "next seven years to support fundamental wireless research and to develop platforms for advanced wireless "
        "research in support of the White House's Advanced Wireless Research Initiative.",
    ),
    (
        "NSF-16085",
        "comms",
        "These investments will support the research community in experimenting with and testing novel "
        "technologies, applications and services capable of making wireless communication faster, smarter, more "
        "responsive and more robust.",
    ),
    (
        "NIST-6G",
        "comms",
        "The National Institute of Standards and Technology Communications Technology Laboratory (NIST CTL) is at "
        "the forefront of 6G research, laying the foundation for a future where wireless networks are intelligent, "
        "resilient, and seamlessly integrated into everyday life.",
    ),
    (
        "NIST-6G",
        "comms",
        "Research on spectrum metrology plays a vital role in unlocking new frequency bands and developing more "
        "efficient spectrum sharing mechanisms.",
    ),
    (
        "NASA-LC",
        "comms",
        "Laser communications systems provide missions with increased data rates, meaning they can send and receive "
        "more information in a single transmission compared to traditional radio waves.",
    ),
    # pathogens, containment and DNA synthesis
    (
        "NIAID-RI",
        "bio",
        "Two NIAID-funded biosafety level 4 (BSL-4) NBLs and 12 (BSL-3) RBLs are available or are under construction "
        "for research requiring high levels of containment.",
    ),
    (
        "NIAID-RI",
        "bio",
        "NIAID has a comprehensive research infrastructure with extensive resources that support all levels of "
        "biodefense and emerging infectious diseases research and pursuit of multiple broad-spectrum concepts.",
    ),
    (
        "NIAID-BSL",
        "bio",
        "Preparing for bioterrorism-the deliberate release of a microbe into a community in which it is not a "
        "current health concern-calls for the identical scientific skills and strategies.",
    ),
    (
        "ASPR-DNA",
        "bio",
        "The U.S. Department of Health and Human Services and the U.S. Department of Agriculture, under the National "
        "Select Agent Program, already regulate nucleic acids that can produce infectious forms of Select Agent "
        "viruses and nucleic acids that encode the active forms of Select Agent toxins.",
    ),
    pytest.param(
        "ASPR-DNA",
        "bio",
        "Only when dsDNA is engineered to reconstitute an organism would safety, security, and regulatory concerns "
        "arise.",
        marks=pytest.mark.xfail(
            strict=True,
            reason="synthetic DNA named only as 'dsDNA', a word of routine molecular biology, is not listed",
        ),
    ),
    # facial recognition and cell-site simulators
    (
        "GAO-518",
        "surveillance",
        "Federal agencies that employ law enforcement officers can use facial recognition technology to assist "
        "criminal investigations, among other activities.",
    ),
    pytest.param(
        "GAO-526",
        "surveillance",
        "Five agencies reported using FRT to monitor or surveil locations to determine if an individual is present, "
        "such as someone on a watchlist, or to control access to a building or facility.",
        marks=pytest.mark.xfail(
            strict=True,
            reason="the report's acronym FRT is not listed: alone it is also fire-retardant-treated wood",
        ),
    ),
    (
        "DOJ-CSS",
        "surveillance",
        "Cell-site simulator technology provides valuable assistance in support of important public safety "
        "objectives.",
    ),
    (
        "DHS-CSS",
        "surveillance",
        "Cell-site simulators are invaluable law enforcement tools that locate or identify mobile devices during "
        "active criminal investigations.",
    ),
    (
        "NIST-FRVT",
        "surveillance",
        "NIST has conducted tests to quantify demographic differences in contemporary face recognition algorithms.",
    ),
]

# (source, category that must not be reached, text)
NOT_FOUND = [
    # AI as the subject of humanities research, or computers as a humanities tool
    (
        "NEH-AI",
        "ai",
        "In October 2023, NEH launched a new agency-wide research initiative, Humanities Perspectives on Artificial "
        "Intelligence, to support research projects that seek to understand and address the ethical, legal, and "
        "societal implications of AI.",
    ),
    (
        "NEH-AI",
        "ai",
        "Questions about the ethical, legal, and societal implications of AI are fundamentally rooted in the "
        "humanities, which include ethics, law, history, philosophy, anthropology, sociology, media studies, and "
        "cultural studies.",
    ),
    (
        "NEH-AIC",
        "ai",
        "The National Endowment for the Humanities (NEH) today announced grant awards totaling $2.72 million for "
        "five colleges and universities to create new humanities-led research centers that will serve as hubs for "
        "interdisciplinary collaborative research on the human and social impact of artificial intelligence (AI) "
        "technologies.",
    ),
    pytest.param(
        "NEH-AIC",
        "ai",
        "The new Humanities Research Centers on Artificial Intelligence grant program is part of NEH's agencywide "
        "Humanities Perspectives on Artificial Intelligence initiative, which supports humanities projects that "
        "explore the impacts of AI-related technologies on truth, trust, and democracy; safety and security; and "
        "privacy, civil rights, and civil liberties.",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'the impacts of AI-related technologies' is seven words after 'humanities'; 'impact of' alone also names evaluations of applied AI",
        ),
    ),
    (
        "NEH-ODH",
        "ai",
        "Funding projects that use computers to conduct humanities research was part of the NEH mission from the "
        "very beginning.",
    ),
    # wood chips, pet microchips and chip seals
    ("DOE-FFS", "semiconductors", "Darby Schools received a woodchip heating system in 2003."),
    (
        "USDA-MC",
        "semiconductors",
        "Licensees and registrants using microchips must: place the microchip in a standard, anatomical location; "
        "have a functioning scanner readily available during inspections; and maintain records that identify for "
        "each animal the microchip number, location on the animal and the name of the microchip manufacturer.",
    ),
    (
        "USDA-MC",
        "semiconductors",
        "Microchips are a proven technology, used widely by many pet owners in their own homes.",
    ),
    (
        "FHWA-CS",
        "semiconductors",
        "Material standards (design specs and design practices) have already been created for chip seals and "
        "microsurfacing.",
    ),
    # networks of water gauges and of friends
    (
        "USGS-NWMN",
        "comms",
        "The USGS monitors the nation's water resources through various national observing networks that use a "
        "range of technologies and methods to assess real-time water conditions and predict future changes in "
        "water availability for human and ecological uses.",
    ),
    (
        "USGS-NWMN",
        "comms",
        'This "network of networks" provides high-quality data about the nation\'s water resources, which '
        "stakeholders and partners rely on to make informed water resource decisions at the federal, state, and "
        "local levels.",
    ),
    (
        "NIH-R21",
        "comms",
        "The proposed research investigates how health affects friend selection behavior in adolescent social "
        "networks.",
    ),
    (
        "NIH-R21",
        "comms",
        "We investigate these aims using data from the National Longitudinal Study of Adolescent Health and two "
        "cutting-edge statistical models: the Exponential Random Graph Model (ERGM) and the Stochastic Actor Based "
        "(SAB) model.",
    ),
    (
        "NIH-RC1",
        "surveillance",
        "This study proposes to investigate how social network data may be used to identify adolescents at risk for "
        "negative health behaviors such as smoking, alcohol use, or drug use by comparing several aspects of survey "
        "data collection.",
    ),
    # computer viruses and a vaccination clinic's outreach
    (
        "CISA-TIPS",
        "bio",
        "Malicious code is unwanted files or programs that can cause harm to a computer or compromise data stored on "
        "a computer. Various classifications of malicious code include viruses, worms, and Trojan horses.",
    ),
    (
        "CISA-TIPS",
        "bio",
        "Spam does not necessarily contain viruses\u2014valid messages from legitimate sources could fall into this "
        "category.",
    ),
    (
        "CDC-RES",
        "bio",
        "Local health departments, clinics, and healthcare providers make the United States vaccination system work; "
        "they have been maintaining routine vaccination schedules and promoting and distributing seasonal flu "
        "vaccine while preparing to administer COVID-19 vaccines.",
    ),
    (
        "CDC-RES",
        "bio",
        "CHC started operating drive-through flu vaccination clinics in August to address patient fears from "
        "patients that coming to the health center would expose them to COVID-19.",
    ),
    (
        "CDC-RES",
        "bio",
        "He's helping to lead a coalition to raise awareness about the importance of getting a flu vaccine as "
        "Baltimore prepares for this flu season.",
    ),
    # monitoring of rivers and patients, and disease surveillance
    (
        "USGS-FS",
        "surveillance",
        "You'll learn how the U.S. Geological Survey (USGS) monitors streamflow and surface-water quality across the "
        "Nation and how USGS information can help you learn more about your water resources\u2014whether as a "
        "citizen of your watershed or an active citizen monitor.",
    ),
    (
        "USGS-HOW",
        "surveillance",
        'The U.S. Geological Survey (USGS) monitors "real-time" streamflow and water-quality conditions for '
        "thousands of streams nationwide.",
    ),
    (
        "JMIR-RPM",
        "surveillance",
        "These tools include a ballistocardiograph to monitor nocturnal patient biometrics, clinical alerts for "
        "abnormal biometrics, and longitudinal data presentation for clinician review.",
    ),
    (
        "JMIR-RPM",
        "surveillance",
        "Remote patient monitoring (RPM) aims to further address this current need in heart failure care by "
        "providing data to clinical teams to act pre-emptively to address clinical decompensation.",
    ),
    (
        "APH-SWS",
        "surveillance",
        "Incorporating smart wearable sensors into routine care of patients could augment physician-patient "
        "relationships, increase the autonomy and involvement of patients in regards to their healthcare and will "
        "provide for novel remote monitoring techniques which will revolutionize healthcare management and spending.",
    ),
    (
        "CDC-FLU",
        "surveillance",
        "The U.S. influenza surveillance system is a collaborative effort between CDC and its many partners in "
        "state, local, and territorial health departments, public health and clinical laboratories, vital "
        "statistics offices, health care providers, hospitals, clinics, emergency departments, and long-term care "
        "facilities.",
    ),
]


@pytest.mark.parametrize("source,category,text", FOUND)
def test_plain_description_reaches_its_category(
    detector: Detector, source: str, category: str, text: str
) -> None:
    assert category in categories(detector, text), source


@pytest.mark.parametrize("source,category,text", NOT_FOUND)
def test_false_friend_sense_stays_out(detector: Detector, source: str, category: str, text: str) -> None:
    assert category not in categories(detector, text), source


def _values(row: Any) -> tuple[str, str, str]:
    return tuple(row.values) if hasattr(row, "values") else row


def test_the_table_is_balanced() -> None:
    assert len(FOUND) == 25 and len(NOT_FOUND) == 25
    assert {_values(r)[1] for r in FOUND} == {"ai", "semiconductors", "comms", "bio", "surveillance"}
