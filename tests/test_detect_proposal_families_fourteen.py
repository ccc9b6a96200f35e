"""Families seen on published proposals, mission pages and research-agenda papers (corpus round fourteen): a
satellite's radio link named by its parts (ground station, beacon, uplink, downlink, gain antennas, the
telecommunications services it carries) is comms when a satellite, spacecraft or orbit stands in the paragraph,
but a quantum link to a satellite stays quantum's; uncrewed aircraft in their "unpiloted" and "unoccupied"
spellings are robotics; robots that service or assemble in orbit, and space robotics as a field, are robotics;
nuclear engineering as the name of a university department in an address is no nuclear work. Each family has a near
sentence that must keep (or keep out of) the category."""

from __future__ import annotations

from grantscan.detect import Detector
from tests.fixtures.detect import categories, table_checks

FOUND = [
    # a student CubeSat's mission page, a university ground-station project and a small-satellite review
    (
        "comms",
        "OreSat's primary mission is to phone home and let us know OreSat is alive and well in space. After launch "
        "-- probably from the International Space Station -- OreSat will deploy it's 436.5 MHz Low Gain Radio "
        "antenna and then start beaconing to the world that it's alive.",
    ),
    (
        "comms",
        "The goal of this project is to build a fully functional automated VHF satellite ground station, loosely "
        "based on satnogs project.",
    ),
    (
        "comms",
        "Initially applied only to scientific missions, Earth observation and remote sensing, small satellites are "
        "now being deployed to support telecommunications services.",
    ),
    # a journal's research agenda and a remote-sensing section name: the uncrewed aircraft in other spellings
    ("robotics", "Grand Challenges in Earth Observation Using Unpiloted Airborne Systems"),
    (
        "robotics",
        "The section publishes research on unoccupied aerial systems and their sensors for mapping glaciers.",
    ),
    # a research collection's editorial and a robotics workshop: robots that assemble or service in orbit
    (
        "robotics",
        "Editorial: Robotic In-Situ Servicing, Assembly and Manufacturing. NASA has even explicitly called for "
        "on-orbit autonomous assembly and aggregation of large space structures, modular design, and interfaces to "
        "meet the agency's future science and exploration needs.",
    ),
    (
        "robotics",
        "This workshop aims to help bridge the gap between advances in terrestrial systems and space applications, "
        "identifying a set of grand challenges and opportunities for space robotics.",
    ),
    # nuclear engineering done in the work still counts
    (
        "nuclear",
        "The project will apply nuclear engineering methods to the shielding of a research reactor.",
    ),
]

NOT_FOUND = [
    # the same link words with no satellite: a drone's ground station, a university's phone desk
    ("comms", "The drone's ground station shows the vehicle's position on a tablet during the survey."),
    ("comms", "The university's telecommunications services desk will replace the desk phones in May."),
    # satellite data downloaded from an archive is no radio link
    ("comms", "Astronomers will download archival satellite images from the data portal."),
    # a quantum link to a satellite is quantum communication
    ("comms", "Entangled photons will be sent on an uplink to a 3U CubeSat for quantum key distribution."),
    # "unoccupied" and "servicing" without the aircraft or the robot
    ("robotics", "Unoccupied seats on the aircraft were offered to the students."),
    ("robotics", "The satellite office will be serviced and its furniture assembled by contractors."),
    # a department's name in an author's address
    (
        "nuclear",
        "Department of Mechanical, Aerospace, and Nuclear Engineering, Rensselaer Polytechnic Institute, Troy, NY, "
        "United States",
    ),
    (
        "nuclear",
        "Department of Mechanical and Nuclear Engineering, The Pennsylvania State University, University Park, PA, "
        "USA",
    ),
]


test_family_is_found, test_near_sentence_stays_out = table_checks(FOUND, NOT_FOUND)


def test_a_quantum_uplink_to_a_satellite_stays_quantum(detector: Detector) -> None:
    """The link words give way to the quantum pack: the quantum uplink is still found, as quantum."""
    found = categories(
        detector, "Entangled photons will be sent on an uplink to a 3U CubeSat for quantum key distribution."
    )
    assert "quantum" in found and "comms" not in found


def test_a_radio_downlink_next_to_the_same_cubesat_is_comms(detector: Detector) -> None:
    """Without the quantum words the same link to the same CubeSat is a radio link."""
    assert "comms" in categories(
        detector, "Telemetry will be sent on a UHF downlink from the 3U CubeSat to our ground stations."
    )
