"""Space and sensing work named in the words programme and mission pages use when no satellite, launcher, radar or
sonar is named, found among the misses of the development rows at their first run: space technologies named as
such, putting things into orbit, satellite refuelling and space tracking; imaging spectrometers, altimeters and the
propagation of sound under water; infrared sensors; lunar and Mars exploration and in-situ resource
utilisation; the spelled-out "Position, Navigation and Timing". Each family has near
sentences that must stay out: data from the same instruments used by a climate or ecology study, office space,
and words that only share a part of the phrase."""

from __future__ import annotations

import pytest

from grantscan.detect import Detector
from grantscan.model import Document, Finding, Location, TextBlock


def categories(detector: Detector, text: str) -> set[str]:
    doc = Document("t.txt", "text", [TextBlock(text, Location(line=1, column=1))])
    found: list[Finding] = detector.detect(doc)
    return {f.category for f in found if f.kind == "finding" and f.category != "country"}


@pytest.mark.parametrize(
    "text",
    [
        # a NASA Early Stage Innovation appendix, a UK Space Agency minister's statement, a university space
        # centre's mission plan
        "This Appendix seeks proposals on specific space technologies that are currently at low Technology "
        "Readiness Levels (TRL).",
        "Space technology and especially satellites, are essential to our daily lives.",
        "The capture and removal operation can be divided into several phases, the first of which is the launch "
        "into orbit at 500 km altitude.",
        "Feasibility studies on refuelling satellites in space will extend their life and reduce the amount of "
        "space debris.",
    ],
)
def test_space_technologies_orbit_and_refuelling_are_space(detector: Detector, text: str) -> None:
    assert "space" in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "The firm sells office space technology such as desk-booking sensors.",
        "Satellite mission data on sea ice thickness are assimilated into the regional climate model.",
        "Green space technology for urban parks includes smart irrigation controllers.",
    ],
)
def test_office_space_and_mission_data_are_not_space(detector: Detector, text: str) -> None:
    assert "space" not in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # NASA's EMIT mission page, the ICESat-2 instrument, an ONR programme description
        "EMIT will use an instrument called an imaging spectrometer that measures visible and infrared light "
        "reflecting from surfaces below.",
        "The Advanced Topographic Laser Altimeter System is a photon-counting laser altimeter that fires 10,000 "
        "pulses a second.",
        "The program supports basic research on underwater sound propagation and scattering in shallow water.",
    ],
)
def test_imaging_spectrometers_altimeters_and_underwater_sound_are_sensing(
    detector: Detector, text: str
) -> None:
    assert "sensing" in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Laser altimetry data from ICESat-2 are used to estimate forest canopy height in our ecology study.",
        "We measured how underwater noise from ferries changes the calls of harbour porpoises.",
        "Imaging spectrometer data of the lake are compared with field samples of algal pigments.",
    ],
)
def test_instrument_data_and_underwater_noise_ecology_are_not_sensing(detector: Detector, text: str) -> None:
    assert "sensing" not in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # a House of Commons Defence Committee report and the title of a US executive order
        "Nowhere is this better illustrated than by the continued delay and inertia surrounding space-based "
        "position, navigation and timing services, which we examine in detail later in this report.",
        "Strengthening National Resilience Through Responsible Use of Positioning, Navigation, and Timing Services.",
    ],
)
def test_position_navigation_and_timing_spelled_out_is_sensing(detector: Detector, text: str) -> None:
    assert "sensing" in categories(detector, text)


def test_position_and_timing_of_a_camera_trap_is_not_sensing(detector: Detector) -> None:
    text = "The position, orientation and timing of each camera trap were recorded in the field log."
    assert "sensing" not in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # exploration programme pages, an in-situ resource utilisation call and a cislunar awareness topic
        "The lunar exploration programme will prepare the systems needed for the first crewed Mars exploration.",
        "The project will extract oxygen from lunar regolith simulant for in-situ resource utilisation.",
        "A cislunar space situational awareness network will track objects between Earth and the Moon.",
    ],
)
def test_moon_and_mars_exploration_and_resource_utilisation_are_space(detector: Detector, text: str) -> None:
    assert "space" in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Children dressed in space suit costumes for the science museum's open day.",
        "Meteorites and Apollo lunar samples were dated by argon isotopes in our geochronology laboratory.",
    ],
)
def test_costumes_and_lunar_samples_in_a_laboratory_are_not_space(detector: Detector, text: str) -> None:
    assert "space" not in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # a drone sensing call and an Earth observation instrument description
        "We will develop uncooled infrared sensors with higher sensitivity for small drones.",
        "Thermal infrared sensors on the small satellite will measure the temperature of volcanic plumes.",
    ],
)
def test_infrared_sensors_are_sensing(detector: Detector, text: str) -> None:
    assert "sensing" in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Passive infrared sensors switch the corridor lights on when someone walks past.",
        "Infrared thermometers were used to screen visitors for fever at the entrance.",
        "Infrared sensor data from the smart-home trial are used to study sleep patterns of older adults.",
    ],
)
def test_motion_sensors_thermometers_and_sensor_data_are_not_sensing(detector: Detector, text: str) -> None:
    assert "sensing" not in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # an NSERC industrial chair for the aerospace industry, an aeronautics wind-tunnel project, an air-taxi call
        "Carbon fibre thermoplastic composites will be laid up for aerospace components with automated fibre "
        "placement.",
        "The project develops a morphing trailing edge for an aircraft wing and tests it in the wind tunnel.",
        "Battery packs for air taxis must survive thousands of short flights between vertiports.",
    ],
)
def test_aircraft_parts_and_the_aerospace_trade_are_aerospace(detector: Detector, text: str) -> None:
    assert "aerospace" in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Three aerospace engineering students joined the outreach day at the primary school.",
        "Residents near the airport were surveyed about aircraft engine noise at night.",
    ],
)
def test_students_of_the_field_and_aircraft_noise_are_not_aerospace(detector: Detector, text: str) -> None:
    assert "aerospace" not in categories(detector, text)
