"""The families written from the space, sensing and aerospace misses and false alarms of the development rows'
first runs and of the fresh table (tests/test_space_sensing_aerospace_thirteen.py), each with near sentences
that must stay out: aircraft named by type or role (helicopters, vertical lift, propeller-driven aircraft,
aircraft noise reduction; not a survey flown by helicopter, helicopter parenting or money, or aircraft noise as
residents hear it); spacecraft named by a part or a phase (payload fairings, small spacecraft, assets in space;
not a wing fairing or a small space in a room); sensing named by what it measures (fluxgate magnetometers,
magnetic anomaly detection, hyperspectral remote sensing; not a lab's SQUID magnetometer or remote-sensing
data); a drone's ground station is not a satellite's; a GPS transmitter worn by a bird is a tag, not navigation work; and one thing named twice ("also known
as") is not a list."""

from __future__ import annotations

import pytest

from grantscan.detect import Detector
from tests.fixtures.detect import categories

# (category, text): the category must be found
FOUND = [
    # aircraft named by type or role
    ("aerospace", "The programme developed a quiet, propeller-driven aircraft for night reconnaissance."),
    ("aerospace", "We will design the rotor of a compound helicopter and test it in the wind tunnel."),
    ("aerospace", "Fan liners will be tested as an aircraft noise reduction concept on the engine rig."),
    (
        "aerospace",
        "With their unique ability to take off and land from any spot, vertical lift vehicles are increasingly "
        "contemplated for new air travel options.",
    ),
    # aeronautics named as research and concepts, supersonic inlets, aero-engines by type
    ("aerospace", "NASA has selected nine aeronautical concepts for Phase I research awards."),
    ("aerospace", "We will design external-compression supersonic inlets with a new analysis tool."),
    ("aerospace", "One of the ways is to install acoustic liners around the turbofan rotor."),
    # spacecraft named by a part or a phase
    ("space", "Acoustic loads inside the payload fairing will be measured during ascent."),
    (
        "space",
        "The continuing trend in small spacecraft GNC is the miniaturization of existing technologies.",
    ),
    (
        "space",
        "Servicing refers to any work to refuel, repair, replace or augment an existing asset in space.",
    ),
    ("space", "We will build a ground station to command the 3U CubeSat in low Earth orbit."),
    # sensing named by what it measures
    (
        "sensing",
        "Three orthogonal flux-gate magnetometer elements provide magnetic field measurements in three components.",
    ),
    ("sensing", "A magnetic anomaly detector will be towed behind the patrol aircraft to find submarines."),
    # one thing named twice is not a list
    (
        "sensing",
        "Imaging spectroscopy, also known as hyperspectral remote sensing, records hundreds of spectral channels.",
    ),
    # a GPS receiver built for navigation stays navigation work
    ("sensing", "We will design a GPS receiver that resists spoofing by transmitters on the ground."),
]

# (category, text): the category must not be found
NOT_FOUND = [
    ("aerospace", "The aeromagnetic survey was flown by helicopter along lines 200 metres apart."),
    ("aerospace", "Interviews explored helicopter parenting among families of first-year students."),
    ("aerospace", "The central bank debated helicopter money as a last resort."),
    ("aerospace", "Residents near the airport were asked how aircraft noise affects their sleep."),
    ("aerospace", "Sediment cores were taken at the tidal inlet of the estuary."),
    ("aerospace", "Seabirds spend most of their lives in atmospheric flight over the open ocean."),
    ("aerospace", "The ceiling fan rotor of the lecture theatre was replaced."),
    ("aerospace", "The history of the turbojet is told in the museum's new gallery."),
    ("space", "Each stall at the spring fair will have a small space for its banner."),
    # a drone's ground station speaks MAVLink to an autopilot
    (
        "space",
        "MAVProxy. This is a MAVLink ground station written in python. This ground station was developed as part "
        "of a drone team's entry.",
    ),
    ("space", "The wing fairing of the glider was reshaped to cut drag."),
    ("sensing", "Magnetic properties of the films were measured with a SQUID magnetometer at 5 K."),
    ("sensing", "Hyperspectral remote sensing data were used to map invasive plants in the wetland study."),
    # a list stays a list when nothing names one item twice
    ("sensing", "Courses cover geology, hydrology, hyperspectral remote sensing and soil science."),
    ("sensing", "Twenty storks were fitted with solar-powered GPS transmitters to follow their migration."),
    (
        "sensing",
        "Since 2017, USGS scientists have tagged more than 200 cinnamon teal with lightweight, solar-powered "
        "GPS-GSM transmitters, which the ducks wear like backpacks.",
    ),
]


@pytest.mark.parametrize(("category", "text"), FOUND)
def test_family_reaches_its_category(detector: Detector, category: str, text: str) -> None:
    assert category in categories(detector, text)


@pytest.mark.parametrize(("category", "text"), NOT_FOUND)
def test_near_sentence_stays_out(detector: Detector, category: str, text: str) -> None:
    assert category not in categories(detector, text)
