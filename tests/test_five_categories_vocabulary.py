"""Families of AI, semiconductor and communications wording found by replaying the development rows' first runs and by
a fresh test of plain descriptions (tests/test_five_categories_plain.py), each with natural examples from different
sources and a near sentence on the other side:

- AI named as the object of humanities, ethical, legal or social study (its implications, its impact on society,
  humanities perspectives on it) is not work that builds or applies AI; a model trained for legal text still is.
- AI named as a market or a technological trend is the setting of the work; a model that forecasts market prices
  still is AI.
- An identification microchip implanted in a pet or a farm animal is a tag read by a scanner; microchips designed
  for an implant are still chip work.
- "Microelectronic" before what is made (devices, circuits, materials, packaging) is chip work; the same adjective
  before consumer gadgets in a rule for an examination hall is not.
- Wireless research named as a field (NSF's Advanced Wireless Research Initiative and its platforms) is
  communications work; wireless internet in a field station is not.

Sources of the natural examples (read 2026-12-07): neh.gov/AI (NEH, public domain); ukri.org news "£8.5 million
programme to transform AI ethics and regulation" (UKRI, Open Government Licence v3.0); trade.gov market intelligence
"United Kingdom Artificial Intelligence Market 2023" (US ITA, public domain); the Horizon Europe Cluster 3 work
programme's infrastructure destination as held in corpus/dev/solicitations6.jsonl (r11-he-cl3-2021-infra-destination,
European Commission, CC BY 4.0); USDA Animal Care bulletin on microchips, 23 May 2016 (USDA, public domain);
Federal Register vol. 89 no. 93, 13 May 2024, CDC dog importation final rule (public domain); nist.gov/chips
metrology programme (NIST, public domain); DOE news release announcing $54 million for microelectronics research,
2021 (DOE, public domain); NSF News Release 16-085 (NSF, public domain); NSF statement on the PAWR Project Office as
quoted by executivegov.com, 2 December 2022 (words of an NSF official, public domain). The near sentences on the other
side are written for the test.
"""

from __future__ import annotations

import pytest

from grantscan.detect import Detector
from grantscan.model import Document, Finding, Location, TextBlock


def categories(detector: Detector, text: str) -> set[str]:
    doc = Document("t.txt", "text", [TextBlock(text, Location(line=1, column=1))])
    found: list[Finding] = detector.detect(doc)
    return {f.category for f in found if f.kind == "finding" and f.category != "country"}


FOUND = [
    # a model trained for legal text is AI work (twin of AI as the object of humanities and ethics study)
    (
        "ai",
        "We will fine-tune a large language model to summarise court judgments and measure its accuracy against "
        "lawyers' summaries.",
    ),
    # a model forecasting market prices is AI work (twin of AI as a market or a trend)
    (
        "ai",
        "We will build a machine learning model that forecasts electricity market prices from weather data.",
    ),
    # microchips designed for an implant are chip work (twin of pet microchips)
    (
        "semiconductors",
        "We will design low-power microchips for implantable neural recording and fabricate them in a 65 nm process.",
    ),
    # microelectronic before what is made: NIST's CHIPS metrology programme, a DOE news release
    (
        "semiconductors",
        "The CHIPS Metrology Program emphasizes measurements that are accurate, precise, and fit-for-purpose for the "
        "production of microelectronic materials, devices, circuits, and systems.",
    ),
    (
        "semiconductors",
        "The miniaturization of microelectronic devices has sparked a digital revolution in recent decades, creating "
        "smaller and more powerful devices such as telephones and computers.",
    ),
    # wireless research named as a field: NSF's initiative, NSF on the PAWR platforms
    (
        "comms",
        "Today, the National Science Foundation (NSF) announced that it will invest more than $400 million over the "
        "next seven years to support fundamental wireless research and to develop platforms for advanced wireless "
        "research in support of the White House's Advanced Wireless Research Initiative.",
    ),
    (
        "comms",
        "The shared infrastructure assets of the PAWR program play a crucial role in advancing wireless research and "
        "innovation.",
    ),
]

NOT_FOUND = [
    # AI as the object of humanities, ethical, legal or social study: NEH's initiative, UKRI's AI ethics programme
    (
        "ai",
        "In October 2023, NEH launched a new agency-wide research initiative, Humanities Perspectives on Artificial "
        "Intelligence, to support research projects that seek to understand and address the ethical, legal, and "
        "societal implications of AI.",
    ),
    (
        "ai",
        "A new research programme has been announced that will see researchers collaborate with industry and "
        "policymakers to tackle some of the of the biggest ethical questions posed by artificial intelligence (AI).",
    ),
    # AI as a market or a technological trend: US market intelligence, a Horizon Europe work programme
    (
        "ai",
        "The UK AI market is valued at over $21bn, and it is estimated to grow to over $1tn by 2035. The UK is the "
        "third largest AI market in the world after the U.S. and China.",
    ),
    (
        "ai",
        "Specific reference is established to growing interconnectivity as well as emerging and complex threats: "
        "technological trends like the use of Artificial Intelligence and the rapid development of sophisticated "
        "unmanned vehicles, the impact of natural and man-made disasters, as well as major crisis scenarios like the "
        "COVID-19 pandemic.",
    ),
    # identification microchips in animals: USDA Animal Care, CDC's dog importation rule
    (
        "semiconductors",
        "Licensees and registrants using microchips must: place the microchip in a standard, anatomical location; "
        "have a functioning scanner readily available during inspections; and maintain records that identify for "
        "each animal the microchip number, location on the animal and the name of the microchip manufacturer.",
    ),
    (
        "semiconductors",
        "Per this final rule, HHS/CDC requires that all dogs arriving from any country, including dogs returning to "
        "the United States after traveling abroad, be microchipped with an International Standards Organization "
        "(ISO)- compatible microchip prior to travel into the United States.",
    ),
    # the adjective before consumer gadgets (twin of microelectronic devices)
    (
        "semiconductors",
        "Students may not bring microelectronic devices such as phones or smart watches into the examination hall.",
    ),
    # wireless internet in a field station (twin of wireless research)
    ("comms", "Wireless internet access is available to research staff in every room of the field station."),
]


@pytest.mark.parametrize("category,text", FOUND)
def test_family_reaches_its_category(detector: Detector, category: str, text: str) -> None:
    assert category in categories(detector, text)


@pytest.mark.parametrize("category,text", NOT_FOUND)
def test_near_sentence_stays_out(detector: Detector, category: str, text: str) -> None:
    assert category not in categories(detector, text)
