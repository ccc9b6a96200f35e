"""Breadth of the technology vocabulary: specific terms an expert would recognise (named from control-list
entry descriptions and each field's standard terminology) must be found in plain research sentences, and
their everyday or non-sensitive namesakes must not. Each positive names one family only; each negative
reuses a word of a family in its harmless sense, so a too-generic term makes it fail."""

from __future__ import annotations

import pytest

import grantscan
from grantscan.config import Config
from grantscan.model import DocumentResult
from grantscan.pipeline import Scanner

_SCANNER: list[Scanner] = []


def _categories(result: DocumentResult) -> set[str]:
    return {f.category for f in result.findings if f.kind == "finding" and not f.suppressed}


def found(text: str) -> set[str]:
    """Technology categories reported for ``text``: the engine behind ``grantscan.scan_text``, built once so that
    many sentences stay fast (``test_same_as_public_api`` checks the two agree)."""
    if not _SCANNER:
        _SCANNER.append(Scanner(Config()))
    return _categories(_SCANNER[0].scan_text(text))


POSITIVES = [
    # machine-learning problems named without the words AI or machine learning
    ("ai", "We will learn image classifiers from web photographs with noisy labels."),
    ("ai", "The project develops domain adaptation for satellite images of flooded towns."),
    ("ai", "We will build a few-shot learning method that recognises rare bird calls."),
    # a named machine-learning task or agent is specific in one mention, without a research verb
    ("ai", "Automatic image annotation of herbarium sheets at scale."),
    ("ai", "Intelligent autonomous agents for the control of small uncrewed aircraft."),
    # exploits, links of drones, free-flying robots, space vehicles, the armed services by abbreviation
    ("cyber", "We will build automatic exploit generation for web browsers."),
    ("comms", "We will design UAV communications over 5G for beyond-line-of-sight flights."),
    ("robotics", "We will develop motion planning for free-flying robots inside the space station."),
    ("robotics", "The project will develop control software for autonomous air vehicles."),
    ("space", "We will design a docking port for space vehicles."),
    ("space", "The project develops gloves for extravehicular activity."),
    ("defence", "The USAF will flight-test the new sensor pod."),
    # robotics: robot and vehicle types
    ("robotics", "We will build a hexacopter that lands autonomously on a moving ship deck."),
    ("robotics", "The project develops a remotely operated vehicle for inspecting subsea pipelines."),
    ("robotics", "We will design a snake robot that crawls through collapsed buildings to locate survivors."),
    (
        "robotics",
        "A collaborative robot (cobot) will be programmed to share a workbench safely with technicians.",
    ),
    (
        "robotics",
        "We will develop an underwater glider that samples ocean temperature for months unattended.",
    ),
    # cyber: attack techniques
    (
        "cyber",
        "We will develop a red-teaming framework that chains privilege escalation with lateral movement.",
    ),
    (
        "cyber",
        "The project builds a symbolic execution engine to find buffer overflow bugs in router firmware.",
    ),
    (
        "cyber",
        "We will study SQL injection and cross-site scripting in legacy web applications and build detectors.",
    ),
    ("cyber", "This project will develop a distributed denial-of-service mitigation system for ISPs."),
    # nuclear: reactor types and fuel-cycle steps
    (
        "nuclear",
        "We will model coolant flow in a pressurised water reactor during a loss-of-coolant accident.",
    ),
    ("nuclear", "The project develops solvent extraction flowsheets for spent fuel reprocessing."),
    ("nuclear", "We will simulate gas centrifuge cascades to understand isotope separation performance."),
    (
        "nuclear",
        "Graphite components from an advanced gas-cooled reactor will be characterised after irradiation.",
    ),
    ("nuclear", "We will design TRISO fuel particles for a high-temperature gas-cooled reactor."),
    # bio: pathogen and toxin classes, synthetic-biology methods
    (
        "bio",
        "We will study how Francisella tularensis survives inside macrophages in a containment laboratory.",
    ),
    (
        "bio",
        "The project will engineer Clostridium perfringens epsilon toxin variants to map receptor binding.",
    ),
    ("bio", "We will use reverse genetics to rescue a recombinant Nipah virus in high containment."),
    ("bio", "We will study staphylococcal enterotoxin B as a model for superantigen toxicity."),
    ("bio", "The lab will characterise Burkholderia pseudomallei isolates and their virulence factors."),
    # sensing: sensors and laser classes
    ("sensing", "We will build a synthetic aperture sonar for mapping the seabed at centimetre resolution."),
    (
        "sensing",
        "The project develops quantum cascade lasers emitting in the mid-infrared for stand-off detection.",
    ),
    (
        "sensing",
        "We will fabricate a fibre-optic gyroscope with a lower bias drift for inertial navigation units.",
    ),
    ("sensing", "We will develop a towed array with new hydrophones for detecting quiet submarines."),
    ("sensing", "A ring laser gyroscope will be characterised for strapdown navigation."),
    # comms: link types
    ("comms", "We will design a tropospheric scatter link for beyond-line-of-sight data transfer."),
    ("comms", "The project develops a mesh network of mobile ad hoc radios with frequency hopping."),
    ("comms", "We will build a low-probability-of-intercept waveform for covert radio links."),
    ("comms", "We will design an underwater acoustic modem for communication between seabed sensors."),
    # materials: composite, ceramic and AM processes
    ("materials", "We will densify silicon carbide fibre preforms by chemical vapour infiltration."),
    ("materials", "The project develops directed energy deposition of titanium alloys for large structures."),
    ("materials", "Boron carbide armour ceramics will be hot pressed and tested under ballistic impact."),
    ("materials", "We will investigate electron beam melting of gamma titanium aluminide turbine blades."),
    ("materials", "We will optimise wire arc additive manufacturing of maraging steel components."),
    # aerospace: propulsion and avionics components
    ("aerospace", "We will build a Hall-effect thruster and measure its erosion over a long firing."),
    (
        "aerospace",
        "The project designs single-crystal turbine blades with film cooling for high bypass engines.",
    ),
    ("aerospace", "We will develop an inertial guidance unit for a sounding rocket."),
    ("aerospace", "We will develop a rotating detonation engine and test it with hydrogen and oxygen."),
    # surveillance: biometric modalities and tracking methods
    (
        "surveillance",
        "We will develop automatic number-plate recognition cameras that log every passing car.",
    ),
    (
        "surveillance",
        "The project builds speaker identification systems to match voices in intercepted calls.",
    ),
    ("surveillance", "We will build vein pattern recognition for covert identity checks at checkpoints."),
    ("surveillance", "We will develop cell-site simulators that capture phone identifiers in crowds."),
    # space
    (
        "space",
        "The project develops an electric propulsion subsystem for station-keeping of geostationary satellites.",
    ),
    # chem
    ("chem", "We will characterise the detonation velocity of a new nitramine explosive formulation."),
    # defence
    ("defence", "We will develop a counter-UAS system that detects and defeats hostile small drones."),
    # quantum: platforms and protocols
    ("quantum", "We will build a neutral-atom processor using optical tweezers to arrange 200 atoms."),
    (
        "quantum",
        "The project develops a single-photon source based on a semiconductor quantum emitter for secure links.",
    ),
    ("quantum", "We will demonstrate twin-field QKD over 400 km of field fibre."),
    # semiconductors: processes and devices
    (
        "semiconductors",
        "We will develop atomic layer deposition of high-k gate dielectrics for gate-all-around transistors.",
    ),
    (
        "semiconductors",
        "The project builds a chiplet interposer with through-silicon vias for stacked memory.",
    ),
    (
        "semiconductors",
        "We will design an analogue-to-digital converter for radiation-tolerant readout electronics.",
    ),
    # ai: named model families and methods
    ("ai", "We will train a Mamba state-space model to forecast grid load from smart-meter data."),
    (
        "ai",
        "The project develops retrieval-augmented generation for answering questions over legal contracts.",
    ),
]

NEGATIVES = [
    # the antenna of an aircraft's satellite link is radio equipment, not a spacecraft
    (
        "space",
        "We will compare satellite communications antenna patterns for placements on a transport aircraft.",
    ),
    # a pair of civil and military markets, a sensor chip in a patch, drones as air vehicles, cell signalling,
    # adult education
    (
        "defence",
        "Infrared detectors are critical in civil and military applications; we will make them cheaper for farm drones.",
    ),
    (
        "semiconductors",
        "We will integrate a nanosensor chip into a wearable patch that tracks sweat glucose.",
    ),
    ("aerospace", "We will develop software for autonomous air vehicles that coordinate a search."),
    ("comms", "Cellular communication between neurons and glia will be imaged in mice."),
    ("ai", "Lifelong learning of adult nurses will be studied in interviews."),
    ("robotics", "Participants will glide down the ski slope while wearing heart-rate monitors."),
    ("robotics", "The hospital's new cobalt therapy unit was opened by the mayor."),
    ("robotics", "A snake survey will be carried out in the heathland reserve each spring."),
    ("cyber", "Children received an injection of the measles vaccine at school."),
    ("cyber", "Patients in denial about their diagnosis were interviewed by the psychologist."),
    ("nuclear", "The cafe's espresso machine uses a pressurised water heater."),
    ("nuclear", "The family reprocessing of old clothes into quilts is part of our folk-craft study."),
    (
        "bio",
        "Probiotic Clostridium butyricum strains will be tested for their effect on gut health in piglets.",
    ),
    ("bio", "Reverse psychology was used by teachers to motivate pupils in the classroom study."),
    ("sensing", "The choir will sing a towed-boat shanty at the maritime festival."),
    ("sensing", "A laser printer and a scanner are available in the departmental office."),
    ("comms", "The student mesh of support networks among first-generation students will be mapped."),
    ("comms", "Acoustic guitars will be recorded for the music-therapy sessions."),
    ("materials", "Hot pressed juice was served to the volunteers after each session."),
    ("materials", "Wire arc welding skills will be taught to apprentices in the workshop."),
    ("aerospace", "The turbine blades of the wind farm will be inspected for bird strikes."),
    ("surveillance", "Speaker identification of the panel members will be shown on the conference screen."),
    ("space", "The retreat offers a quiet space for staff to reflect and plan the year."),
    ("quantum", "The tweezers used for eyebrow threading were sterilised between clients."),
    (
        "semiconductors",
        "The interposer in the dispute acted as a mediator between the landlord and the tenants.",
    ),
    ("ai", "The state-space model of the economy will be estimated with the Kalman filter."),
    # specialist words with a common sense in another field: kept out of the packs or guarded by exclusions
    (
        "bio",
        "Tetrodotoxin was added to the bath to block sodium currents before we recorded synaptic events.",
    ),
    ("bio", "We will measure T-2 toxin levels in stored oats to improve grain-drying advice for farmers."),
    ("defence", "Acetylcholine receptors will be purified from the electric organ of Torpedo californica."),
    ("defence", "We will design a covalent warhead that binds the catalytic cysteine of the kinase."),
    ("defence", "We will map each stage of the cyber kill chain onto alerts from the hospital network."),
    ("chem", "The clinic will replace its ageing PBX telephone system with internet calling."),
    ("chem", "Tissue sections were fixed in Bouin's solution, which contains picric acid."),
    ("chem", "Organic nitrate esters such as isosorbide mononitrate relieve angina in older patients."),
    (
        "surveillance",
        "With consent, smartphone tracking of daily steps will measure activity after hip surgery.",
    ),
    ("materials", "We will densify bismuth telluride thermoelectrics by spark plasma sintering."),
    ("sensing", "Breath ammonia will be measured by absorption spectroscopy using a quantum cascade laser."),
    ("cyber", "Honeypot ants store nectar in the swollen abdomens of repletes, which we will film."),
    ("quantum", "Pupils learning with errors in mind were encouraged to try again by their teachers."),
    ("ai", "Meta-learning and self-attention strategies of adult learners will be explored in interviews."),
    ("space", "Dynamic positioning keeps the drilling ship station-keeping above the well in rough seas."),
    ("sensing", "The retracted papers on STAP cells are used as a case study of research misconduct."),
    ("sensing", "Vision-based navigation lets our soft endoscope steer itself along the colon wall."),
    (
        "surveillance",
        "Persistent surveillance of antimicrobial resistance in hospital wastewater will be set up.",
    ),
    ("bio", "We will test a chimeric virus vaccine candidate in mice."),
    ("sensing", "Patients will wear a MEMS gyroscope on the shank to measure gait after stroke."),
    ("robotics", "Surgeons will use the hospital's existing teleoperated robot for the trial."),
]


@pytest.mark.parametrize(
    ("category", "text"), POSITIVES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(POSITIVES)]
)
def test_specific_term_found(category: str, text: str) -> None:
    assert category in found(text)


@pytest.mark.parametrize(
    ("category", "text"), NEGATIVES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(NEGATIVES)]
)
def test_namesake_not_found(category: str, text: str) -> None:
    assert category not in found(text)


def test_same_as_public_api() -> None:
    positive, negative = POSITIVES[0][1], NEGATIVES[0][1]
    assert _categories(grantscan.scan_text(positive, Config())) == found(positive)
    assert POSITIVES[0][0] in found(positive)
    assert _categories(grantscan.scan_text(negative, Config())) == found(negative)
