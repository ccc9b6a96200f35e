"""The families written from the words of the official definitions (the NSI Act's Communications, Computing
Hardware and Satellite and Space Technologies schedules; the dual-use categories 3, 5 part 1, 6, 7 and 9), each
with near sentences that must stay out: base stations and steerable antennas of radio networks (not a survey's GPS
base station or a radar's beam); network slicing and virtualised radio access networks (not an office LAN's
VLANs); spectrum monitoring, radio direction finding and microwave links (not an EEG's spectrum); technology
nodes of chipmaking (not a node of a citation graph); optical amplifiers of fibre networks (not a chemist's molecular switch); silicon
carbide electronics, wafers, wafer processing and processing units named as designed hardware (not SiC grinding
paper, a microfluidic mould, a solar cell's wafer or a model trained on GPUs); compound semiconductors and
field-programmable gate arrays by their full names (not gallium arsenide as a hazard or a teaching board);
hydrophones in arrays, inertial sensors, photon-counting detectors and Doppler velocity logs built for navigation
and ranging (not whale recordings, activity monitors, a PET scanner or blood flow); spacecraft thermal vacuum
testing, electric propulsion and the ground segment (not a thin-film evaporator, a ferry's motor or a wall); and a
GPS receiver or a satellite transmitter worn by an animal is wildlife telemetry."""

from __future__ import annotations

import pytest

from grantscan.detect import Detector
from tests.fixtures.detect import categories

# (category, text): the category must be found
FOUND = [
    # communications: base stations and steerable antennas of radio networks, optical amplifiers
    ("comms", "We will design base stations that steer narrow beams to several users at once."),
    ("comms", "The testbed's radio base stations will serve handsets at 28 GHz in the city centre."),
    ("comms", "Smart antennas will form narrow beams and steer them towards each handset."),
    ("comms", "We will measure the antenna beamwidth of active antenna systems for 5G links."),
    ("comms", "Erbium-doped fibre amplifiers will be cascaded to carry the signal over 3,000 km of fibre."),
    ("comms", "We will build reconfigurable optical add-drop multiplexers for the metro network."),
    (
        "comms",
        "Network slicing will give the ambulance service a guaranteed share of the 5G radio access network.",
    ),
    ("comms", "We will move the baseband processing of the cell sites into a virtualised RAN."),
    ("comms", "Radio direction finding will locate the sources of interference in the shared 3.5 GHz band."),
    ("comms", "Microwave radio links will carry the backhaul between the island's masts."),
    ("comms", "Satellite telemetry from the CubeSat will be decoded by a software-defined receiver."),
    # semiconductors: wide-bandgap electronics, wafer processing, processing units named as designed hardware
    ("semiconductors", "Silicon carbide integrated circuits will be tested for a month at 500 degrees C."),
    ("semiconductors", "We will develop SiC MOSFETs for the inverters of electric aircraft."),
    ("semiconductors", "Ion implantation will set the dopant profile of the transistors' source and drain."),
    ("semiconductors", "Photolithography will define the gates of the transistors on 200 mm wafers."),
    (
        "semiconductors",
        "We will design vector extensions to an open instruction set architecture and tape them out.",
    ),
    ("semiconductors", "The group designs neural processing units in a 7 nm process."),
    (
        "semiconductors",
        "Lithography uses beams of light, ions, or electrons to create patterns on a silicon wafer.",
    ),
    ("semiconductors", "SiGe BiCMOS low-noise amplifiers will be designed for the 94 GHz receiver."),
    (
        "semiconductors",
        "Gallium arsenide heterojunction bipolar transistors will be grown for the power amplifier.",
    ),
    ("semiconductors", "We will map the radar's signal processing onto a field-programmable gate array."),
    ("semiconductors", "We will port the analogue front end from the 65 nm to the 28 nm technology node."),
    # sensing: hydrophones in arrays, inertial sensors for navigation, photon-counting detectors for ranging
    ("sensing", "Hydrophones spaced along the towed array will localise quiet targets by their bearing."),
    (
        "sensing",
        "MEMS gyroscopes with lower bias drift will be designed for inertial navigation of small vehicles.",
    ),
    (
        "sensing",
        "A Doppler velocity log will bound the drift of the glider's inertial navigation near the seabed.",
    ),
    ("sensing", "We will build an avalanche photodiode array that times returning laser photons to 0.25 ns."),
    ("sensing", "Single-photon detectors will let the lidar range targets 10 km away through haze."),
    # space: environmental testing of spacecraft, electric propulsion of spacecraft, the ground segment
    ("space", "The cubesat will pass thermal vacuum testing before it is shipped to the launch site."),
    ("space", "A thermal vacuum chamber will cycle the satellite's radiator between -100 and +60 degrees C."),
    (
        "space",
        "An electric propulsion system with a xenon Hall thruster will raise the small spacecraft's orbit.",
    ),
    (
        "space",
        "We will automate the ground segment that schedules passes and uplinks commands to the constellation.",
    ),
]

# (category, text): the category must not be found
NOT_FOUND = [
    ("comms", "A GPS base station was set up over the benchmark to correct the rover's positions."),
    ("comms", "The radar's antenna beam swept the harbour every two seconds."),
    ("comms", "Network slicing of the office LAN into VLANs kept guest traffic away from the finance team."),
    ("comms", "Full-spectrum monitoring of the patient's EEG continued overnight on the ward."),
    ("comms", "Molecular optical switches that change colour under ultraviolet light were synthesised."),
    (
        "comms",
        "Argos satellite telemetry from PTTs glued to the turtles' shells tracked their migration.",
    ),
    ("semiconductors", "Silicon carbide grinding paper was used to polish the steel cross-sections."),
    (
        "semiconductors",
        "Photolithography was used to produce the SU-8 master for the PDMS microfluidic device.",
    ),
    ("semiconductors", "The model was trained on four graphics processing units for two days."),
    (
        "semiconductors",
        "Each technology node in the citation graph stands for a patent class and its edges for citations.",
    ),
    ("semiconductors", "Textured silicon wafers were cut into the front sheets of the solar cells."),
    (
        "semiconductors",
        "Gallium arsenide dust is toxic and the wafers' offcuts are handled as hazardous waste.",
    ),
    (
        "semiconductors",
        "Each student is given a field-programmable gate array board to blink an LED in the first lab class.",
    ),
    ("sensing", "Hydrophones moored as a small array recorded right whale calls in the Bering Sea."),
    (
        "sensing",
        "Wrist-worn accelerometers recorded the participants' physical activity and sleep for seven days.",
    ),
    (
        "sensing",
        "Avalanche photodiodes coupled to scintillators will improve the PET scanner's timing for patients.",
    ),
    (
        "sensing",
        "A GPS receiver in each animal's collar recorded its location every hour across the winter range.",
    ),
    ("space", "Gold contacts were deposited by thermal vacuum evaporation onto the glass slides."),
    (
        "space",
        "Battery-electric propulsion will be retrofitted to the island's car ferries to cut emissions.",
    ),
    ("space", "The lower ground segment of the retaining wall cracked after the winter frosts."),
]


@pytest.mark.parametrize(("category", "text"), FOUND)
def test_definition_words_reach_their_category(detector: Detector, category: str, text: str) -> None:
    assert category in categories(detector, text)


@pytest.mark.parametrize(("category", "text"), NOT_FOUND)
def test_their_other_senses_stay_out(detector: Detector, category: str, text: str) -> None:
    assert category not in categories(detector, text)
