"""Space and sensing work named in the words programme and mission pages use when no satellite, launcher, radar or
sonar is named, found among the misses of the development rows at their first run: space technologies named as
such, putting things into orbit, satellite refuelling and space tracking; imaging spectrometers, altimeters and the
propagation of sound under water; infrared sensors; lunar and Mars exploration and in-situ resource
utilisation; the spelled-out "Position, Navigation and Timing"; autonomous and unattended sensors named with the
security work they are for. Each family has near
sentences that must stay out: data from the same instruments used by a climate or ecology study, office space,
and words that only share a part of the phrase."""

from __future__ import annotations

from tests.fixtures.detect import table_checks

FOUND = [
    # space technologies orbit and refuelling are space
    # a NASA Early Stage Innovation appendix, a UK Space Agency minister's statement, a university space
    # centre's mission plan
    (
        "space",
        "This Appendix seeks proposals on specific space technologies that are currently at low Technology "
        "Readiness Levels (TRL).",
    ),
    ("space", "Space technology and especially satellites, are essential to our daily lives."),
    (
        "space",
        "The capture and removal operation can be divided into several phases, the first of which is the launch "
        "into orbit at 500 km altitude.",
    ),
    (
        "space",
        "Feasibility studies on refuelling satellites in space will extend their life and reduce the amount of "
        "space debris.",
    ),
    # imaging spectrometers altimeters and underwater sound are sensing
    # NASA's EMIT mission page, the ICESat-2 instrument, an ONR programme description
    (
        "sensing",
        "EMIT will use an instrument called an imaging spectrometer that measures visible and infrared light "
        "reflecting from surfaces below.",
    ),
    (
        "sensing",
        "The Advanced Topographic Laser Altimeter System is a photon-counting laser altimeter that fires 10,000 "
        "pulses a second.",
    ),
    (
        "sensing",
        "The program supports basic research on underwater sound propagation and scattering in shallow water.",
    ),
    # position navigation and timing spelled out is sensing
    # a House of Commons Defence Committee report and the title of a US executive order
    (
        "sensing",
        "Nowhere is this better illustrated than by the continued delay and inertia surrounding space-based "
        "position, navigation and timing services, which we examine in detail later in this report.",
    ),
    (
        "sensing",
        "Strengthening National Resilience Through Responsible Use of Positioning, Navigation, and Timing Services.",
    ),
    # moon and mars exploration and resource utilisation are space
    # exploration programme pages, an in-situ resource utilisation call and a cislunar awareness topic
    (
        "space",
        "The lunar exploration programme will prepare the systems needed for the first crewed Mars exploration.",
    ),
    (
        "space",
        "The project will extract oxygen from lunar regolith simulant for in-situ resource utilisation.",
    ),
    (
        "space",
        "A cislunar space situational awareness network will track objects between Earth and the Moon.",
    ),
    # infrared sensors are sensing
    # a drone sensing call and an Earth observation instrument description
    ("sensing", "We will develop uncooled infrared sensors with higher sensitivity for small drones."),
    (
        "sensing",
        "Thermal infrared sensors on the small satellite will measure the temperature of volcanic plumes.",
    ),
    # aircraft parts and the aerospace trade are aerospace
    # an NSERC industrial chair for the aerospace industry, an aeronautics wind-tunnel project, an air-taxi call
    (
        "aerospace",
        "Carbon fibre thermoplastic composites will be laid up for aerospace components with automated fibre "
        "placement.",
    ),
    (
        "aerospace",
        "The project develops a morphing trailing edge for an aircraft wing and tests it in the wind tunnel.",
    ),
    ("aerospace", "Battery packs for air taxis must survive thousands of short flights between vertiports."),
    # autonomous and unattended sensors named with the security work they are for are sensing
    # a trade report of Dstl's SAPIENT perimeter-protection project and a Defense One report of a border sensor network
    (
        "sensing",
        "Modular autonomous sensing could become part of the UK's defence strategy to help reduce the burden of "
        "operators involved in perimeter protection and security.",
    ),
    (
        "sensing",
        "Unattended ground sensors (UGS) scattered along the border are meant to catch movement and alert the "
        "towers for a more detailed look.",
    ),
]

NOT_FOUND = [
    # office space and mission data are not space
    ("space", "The firm sells office space technology such as desk-booking sensors."),
    ("space", "Satellite mission data on sea ice thickness are assimilated into the regional climate model."),
    ("space", "Green space technology for urban parks includes smart irrigation controllers."),
    # instrument data and underwater noise ecology are not sensing
    (
        "sensing",
        "Laser altimetry data from ICESat-2 are used to estimate forest canopy height in our ecology study.",
    ),
    ("sensing", "We measured how underwater noise from ferries changes the calls of harbour porpoises."),
    ("sensing", "Imaging spectrometer data of the lake are compared with field samples of algal pigments."),
    # position and timing of a camera trap is not sensing
    ("sensing", "The position, orientation and timing of each camera trap were recorded in the field log."),
    # costumes and lunar samples in a laboratory are not space
    ("space", "Children dressed in space suit costumes for the science museum's open day."),
    (
        "space",
        "Meteorites and Apollo lunar samples were dated by argon isotopes in our geochronology laboratory.",
    ),
    # motion sensors thermometers and sensor data are not sensing
    ("sensing", "Passive infrared sensors switch the corridor lights on when someone walks past."),
    ("sensing", "Infrared thermometers were used to screen visitors for fever at the entrance."),
    (
        "sensing",
        "Infrared sensor data from the smart-home trial are used to study sleep patterns of older adults.",
    ),
    # students of the field and aircraft noise are not aerospace
    ("aerospace", "Three aerospace engineering students joined the outreach day at the primary school."),
    ("aerospace", "Residents near the airport were surveyed about aircraft engine noise at night."),
    # autonomous sensors of a home or a farm are consumer and field sensors, not sensing
    ("sensing", "Autonomous sensors in the smart thermostat learn when the family is at home."),
    (
        "sensing",
        "Wireless autonomous sensors powered by energy harvesting will monitor soil moisture across the farm.",
    ),
]


test_family_is_found, test_near_sentence_stays_out = table_checks(FOUND, NOT_FOUND)
