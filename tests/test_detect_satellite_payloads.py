"""Satellite payload wording and defence statutes in published proposals and plans: the repeaters a satellite
carries (linear, wideband and commercial transponders) and the DVB-S2 family of satellite link standards are
communications; an instrument or transponder flown on another operator's satellite (a hosted payload) is space;
the title of a defence authorisation or appropriations law cited for compliance or as a legal worry is not a
defence end use. Each family has a near sentence that must keep (or keep out of) the category."""

from __future__ import annotations

from grantscan.detect import Detector
from grantscan.model import Document, Finding, Location, TextBlock
from tests.fixtures.detect import table_checks


def doc(text: str) -> Document:
    return Document("t.txt", "text", [TextBlock(text, Location(line=1, column=1))])


def categories(detector: Detector, text: str) -> set[str]:
    found: list[Finding] = detector.detect(doc(text))
    return {f.category for f in found if f.kind == "finding" and f.category != "country"}


FOUND = [
    # an amateur-satellite design note and an amateur GEO payload's description
    (
        "comms",
        "Others may be eligible to use the system, but for some innocent reason are causing problems, say by "
        "transmitting with excessive uplink power on a linear transponder.",
    ),
    (
        "comms",
        "Es'hail-2 carries a narrowband linear transponder and a wideband transponder for digital amateur television.",
    ),
    # a satellite ground-system proposal and an amateur television group's transmission guide
    (
        "comms",
        "The downlink is a single broadband transmission in the well-defined industry standard format DVB-S2 or S2X.",
    ),
    ("comms", "Digital amateur television will be transmitted in DVB-S2 through the wideband repeater."),
    # a workshop memo on an amateur GEO payload and an Earth-science instrument flown on a commercial satellite
    (
        "space",
        "The entity that builds the host makes a tremendous difference in what policies the hosted payload will be "
        "operated under.",
    ),
    (
        "space",
        "The ultraviolet spectrometer will fly as a hosted payload under the Earth Venture Instrument programme.",
    ),
    # a military user is still defence next to the same words
    ("defence", "The radar will be developed for national defense applications."),
    (
        "defence",
        "The sensors will be developed under the National Defense Authorization Act for the armed forces.",
    ),
]

NOT_FOUND = [
    # a transponder tag on a fish is no radio payload
    (
        "comms",
        "Juvenile salmon were tagged with passive integrated transponder tags before release into the river.",
    ),
    # a web payload hosted on a server is no spacecraft
    ("space", "The JSON payload hosted on the field server lists each weather station's readings."),
    # an export-control FAQ draft and a solicitation's supply-chain requirement cite the law, not a military use
    ("defence", "The 2012 national defense re-authorization act means nothing you've done is legal."),
    (
        "defence",
        "Establishing access to robust sources of National Defense Authorization Act (NDAA) Sec 154 compliant "
        "battery cells is a challenge.",
    ),
]


test_family_is_found, test_near_sentence_stays_out = table_checks(FOUND, NOT_FOUND)
