"""False friends of the taxonomy table: each family must not produce a finding of its category, while a
genuine use of the same word in the same kind of sentence still does (so the test fails if detection of
the category breaks as well as if the trap fires)."""

from __future__ import annotations

import pytest

from grantscan.detect import Detector
from grantscan.model import Document, Location, TextBlock
from tests.fixtures.detect import categories

# (category, false-friend sentence, genuine sentence with the same or a related word)
FAMILIES = [
    (
        "ai",
        "Conception rates after artificial insemination (AI) rose, and AI is now used on most dairy farms.",
        "We will train an AI model to forecast river floods from gauge data.",
    ),
    (
        "ai",
        "Amnesty International (AI) reports will be coded; AI has documented prison conditions for decades.",
        "The project develops explainable AI for triage of chest X-rays.",
    ),
    (
        "ai",
        "Pseudomonas autoinducers (AI) drive quorum sensing, and blocking AI reduces biofilm.",
        "We will build AI agents that plan robot grasps.",
    ),
    (
        "quantum",
        "The court reduced the quantum of damages awarded to the claimant.",
        "We will build a trapped-ion quantum computer with 20 qubits.",
    ),
    (
        "quantum",
        "The new software was a quantum leap for the charity, and quantum yields of the dyes were high.",
        "We will demonstrate quantum key distribution between two campuses.",
    ),
    (
        "quantum",
        "Students learn textbook quantum mechanics and quantum chemistry in the first year.",
        "This project develops quantum sensors for navigation without GNSS.",
    ),
    (
        "semiconductors",
        "Every student gets a laptop and time on the HPC cluster; chips and dips are served at events.",
        "The student will design and tape out a CMOS integrated circuit for neural recording.",
    ),
    (
        "semiconductors",
        "Organic semiconductors will be blended into the active layer of printed solar cells.",
        "We will fabricate gallium nitride power transistors on silicon carbide.",
    ),
    (
        "cyber",
        "A cryptic clue was the icebreaker, and interview data are kept on an encrypted drive under GDPR.",
        "We will develop side-channel attacks on post-quantum cryptography implementations.",
    ),
    (
        "cyber",
        "IT support installs antivirus updates on all lab computers every week.",
        "We will reverse-engineer ransomware and map its command-and-control protocol.",
    ),
    (
        "comms",
        "The course builds communication skills, and science communication is part of the outreach plan.",
        "We will design a 6G millimetre-wave phased-array front end.",
    ),
    (
        "materials",
        "Teaching materials are online, raw materials cost 100 pounds and building materials are reused.",
        "We will develop a metamaterial absorber for the X band.",
    ),
    (
        "robotics",
        "The finance office uses robotic process automation (RPA) to pay invoices.",
        "We will build autonomous drones that map forest canopies.",
    ),
    (
        "robotics",
        "Routine surgery uses the hospital's existing da Vinci surgical robot; we only analyse questionnaires.",
        "We will develop a continuum surgical robot and test the robot in phantoms.",
    ),
    (
        "robotics",
        "Drone bees and drone brood were counted at each hive.",
        "A swarm of UAVs will be designed for search and rescue.",
    ),
    (
        "space",
        "We explore the design space of layouts, and the grant pays for office space and green space.",
        "The project develops a CubeSat payload for orbit determination of space debris.",
    ),
    (
        "space",
        "A satellite workshop precedes the conference, and we use satellite imagery from open archives.",
        "We will design the attitude control of a small satellite constellation.",
    ),
    (
        "aerospace",
        "Travel includes economy flights to the conference and back.",
        "We will design a scramjet combustor for hypersonic flight.",
    ),
    (
        "nuclear",
        "Ligands of the nuclear receptor PPAR were screened, and products were checked by nuclear magnetic "
        "resonance.",
        "We will model neutron transport in a small modular reactor core.",
    ),
    (
        "nuclear",
        "Interviews examine the nuclear family; cells were stained to show the nuclear envelope.",
        "Tritium breeding blankets for fusion power plants will be designed.",
    ),
    (
        "nuclear",
        "Parts were made by laser powder-bed fusion, and sensor fusion combines the camera feeds.",
        "The project develops gamma spectrometers for nuclear forensics.",
    ),
    (
        "bio",
        "The lab updates antivirus software; a computer virus spread through the office network.",
        "We will perform gain-of-function experiments on avian influenza.",
    ),
    (
        "bio",
        "HeLa cells are passaged twice a week, and seasonal flu vaccine uptake will be surveyed.",
        "A CRISPR gene drive will be engineered in Anopheles mosquitoes.",
    ),
    (
        "chem",
        "Online giving saw explosive growth, and the band's explosive set was praised.",
        "We will formulate insensitive high explosives and test their detonation.",
    ),
    (
        "chem",
        "First-year students learn titration and basic organic synthesis.",
        "Metal-organic frameworks will be tested for capturing sarin and other nerve agents.",
    ),
    (
        "sensing",
        "MRI and CT scans will be used to diagnose liver fibrosis in the cohort.",
        "We will develop a synthetic aperture radar processing chain.",
    ),
    (
        "sensing",
        "Sensing of social norms is studied in focus groups, and quorum sensing in bacteria is reviewed.",
        "The project develops a cold-atom gravimeter and an inertial navigation system.",
    ),
    (
        "surveillance",
        "Epidemiological surveillance of norovirus outbreaks in care homes will be reviewed.",
        "We will train facial recognition models to identify people in CCTV footage.",
    ),
    (
        "surveillance",
        "Consenting participants wear a Fitbit to monitor sleep for six weeks.",
        "We will measure Internet censorship by national firewalls.",
    ),
    (
        "defence",
        "Dinner follows the candidate's thesis defence, and the defence of any dissertation is public.",
        "The radar will be developed for military use with the Royal Navy.",
    ),
    (
        "defence",
        "Immune defence against bacteria and plant defence responses are compared; the legal defence failed.",
        "This research is funded by DARPA and Dstl.",
    ),
    (
        "defence",
        "Food security and job security are studied in household surveys.",
        "Weapons development for the armed forces is the end use of the propellant.",
    ),
    (
        "defence",
        "RAF kinase inhibitors block the RAF/MEK/ERK pathway in melanoma cells.",
        "Flight trials will be run with the RAF at Boscombe Down.",
    ),
    (
        "sensing",
        "We will use GPS collars to follow red deer across the estate.",
        "We will develop GNSS spoofing detection for ship receivers.",
    ),
    (
        "nuclear",
        "Radiological findings and tritiated thymidine uptake will be compared in the cohort.",
        "We will develop detectors for radiological sources at ports.",
    ),
    # hyphenated "ML-" post-quantum standards are not machine learning
    (
        "ai",
        "Firmware for the payment terminal will implement ML-KEM and ML-DSA alongside classical ECDH.",
        "We will implement ML models that flag fraudulent card payments.",
    ),
    # technology stated out of scope, or only as the subject of an ethics review
    (
        "ai",
        "Deep learning is beyond the scope of this project; we use hand-built rules.",
        "Deep learning will be used to classify the sonograms.",
    ),
    (
        "surveillance",
        "The review covers the ethics literature on facial recognition in policing.",
        "We will develop facial recognition for the border kiosks.",
    ),
    # wafer-scale growth of membranes is materials work, not chips
    (
        "semiconductors",
        "We will develop wafer-scale growth of graphene oxide membranes for water filtration.",
        "We will develop wafer-scale integration of GaN transistors on silicon.",
    ),
    # an optical phased array steers a lidar beam; a comparison is not the subject of the work
    (
        "comms",
        "We will develop optical phased arrays that steer a solid-state lidar beam.",
        "We will develop phased-array antennas for 6G base stations.",
    ),
    (
        "aerospace",
        "Like turbofan engines, the kitchen extractor fans we study generate tonal noise.",
        "We will design quieter fan blades for turbofan engines.",
    ),
    # a handheld instrument used as a tool, historic munitions dumps, a passive exoskeleton
    (
        "sensing",
        "Canopy heights will be measured with a handheld laser rangefinder.",
        "We will develop a laser rangefinder with single-photon detection for long-range targets.",
    ),
    (
        "defence",
        "Remediation of old munitions dumps on the seabed will be modelled.",
        "Munitions for the armed forces will be tested at the range.",
    ),
    (
        "robotics",
        "We will design a passive exoskeleton with springs to support the backs of warehouse staff.",
        "We will design a powered exoskeleton robot with motorised knee joints.",
    ),
    (
        "semiconductors",
        "The letter spells it 'recieve' (sic) and we will transcribe it as written.",
        "We will fabricate SiC MOSFETs for traction inverters.",
    ),
    (
        "space",
        "We will model the orbits of satellite galaxies around the Milky Way.",
        "We will build a CubeSat to test optical inter-satellite links.",
    ),
    (
        "surveillance",
        "We will study censorship of Victorian novels in the literary press.",
        "We will measure Internet censorship by national firewalls.",
    ),
    # a defence employer, career or workforce named for the people the work trains or serves, not its end use
    (
        "defence",
        "The students are trained for opportunities in academia, government laboratories, pharmaceutical industries,"
        " and defense research laboratories.",
        "The students will develop radar decoys for defense research laboratories and the armed forces.",
    ),
    (
        "defence",
        "Our graduates pursue careers in the defence industry, the civil service and finance.",
        "Our graduates will design guidance systems for the defence industry.",
    ),
    (
        "defence",
        "The clinic treats veterans and service members injured in military operations with sleep therapy.",
        "The clinic develops drones for military operations with the Army.",
    ),
    (
        "defence",
        "The programme builds the future defense workforce through summer internships in STEM.",
        "The programme builds the future defense capability through new hypersonic missiles.",
    ),
    # the legal class of classified information, the criterion of classifying it, and a laboratory's managing
    # company: a definition or a name in a contract clause or notice, not a defence end use
    (
        "defence",
        "Classified information means information that must be kept secret in the interest of national defense or"
        " foreign policy.",
        "The new sonar processing chain will be developed for national defense.",
    ),
    (
        "defence",
        "Classified National Security Information, as amended, is identified as National Security Information.",
        "The hydrodynamics code will be developed for national security and defence customers.",
    ),
    (
        "defence",
        "This program was prepared by Los Alamos National Security, LLC at Los Alamos National Laboratory.",
        "This program was developed for national security missions of the Department of Defense.",
    ),
    (
        "defence",
        "The next step is to establish if the item is listed on the United States Munitions List (USML) or the"
        " Commerce Control List.",
        "The laboratory will develop guidance kits for precision munitions.",
    ),
    # censorship named as a concern or as the condition the work's users live under, not what the work measures
    (
        "surveillance",
        "We are concerned about Internet censorship, and believe that transparency is essential to good governance.",
        "The observatory documents Internet censorship around the world with volunteer probes.",
    ),
    (
        "surveillance",
        "Iran is the highest priority due to severity of censorship and active user demand.",
        "Our probes in Iran will measure the censorship of news sites and messaging apps.",
    ),
    (
        "cyber",
        "This toolkit is a framework for road network traffic analysis in growing cities.",
        "Zeek is a framework for network traffic analysis and intrusion detection.",
    ),
    (
        "comms",
        "The GSM Association is a software platform for members' annual reporting.",
        "gr-gsm provides a set of tools for receiving information transmitted by GSM equipment.",
    ),
    (
        "chem",
        "Countermeasures are needed after the detonation of a radiological dispersal device over a city.",
        "Insensitive high explosives will be formulated and their detonation velocity measured.",
    ),
    (
        "comms",
        "Common mobile phones already include accelerometers and low-power wireless communication capabilities.",
        "The project will develop low-power wireless communication protocols for sensor networks.",
    ),
    (
        "aerospace",
        "kep3 is a C++ library for space flight mechanics research and mission design.",
        "JSBSim is a flight dynamics model library for simulating aircraft flight mechanics.",
    ),
    # DNN is also the NNSA's Office of Defense Nuclear Nonproliferation, named as "DNN R&D"
    (
        "ai",
        "The Office of Defense Nuclear Nonproliferation Research and Development (DNN R&D) funds the "
        "consortium; DNN R&D reviews each award.",
        "We will train a DNN to classify radiation spectra from portal monitors.",
    ),
    # national defense paired with a civil motive names why the work matters, not a defence end use
    (
        "defence",
        "New antidotes for botulism are a high priority for public health and national defense.",
        "The radiation-hardened sensors are built for national defense.",
    ),
    # cryptographic engineering named by its building blocks; the same words in number theory, consent
    # paperwork and family life are not cryptography
    (
        "cyber",
        "The PhD studies the arithmetic of elliptic curves and the Birch and Swinnerton-Dyer conjecture.",
        "We will implement threshold signature schemes and proxy re-encryption for the key service.",
    ),
    (
        "cyber",
        "Participants will add digital signatures to the consent forms before the interviews.",
        "The library offers cryptographic primitives and verifiable random functions for validator selection.",
    ),
    (
        "cyber",
        "Diaries recorded adolescents' secret sharing with parents and close friends.",
        "Shares of the signing key are split by Shamir's secret sharing and kept in hardware wallets.",
    ),
    # missions named by their kind are space; exploring a model or design space is not
    (
        "space",
        "MCMC moves between models carry out model-space exploration for variable selection.",
        "The white paper proposes a multiple flyby mission to Saturn's moons with a focused payload.",
    ),
    (
        "space",
        "The compiler automates design space exploration for FPGA accelerators.",
        "Cold atoms will be used in a space experiment to search for dark matter from orbit.",
    ),
    # photon-counting detectors of a telescope focal plane, not of a hospital CT scanner
    (
        "sensing",
        "Photon-counting CT detectors will lower the radiation dose for patients in paediatric imaging.",
        "Superconducting photon-counting detectors will be built into a focal plane for the telescope.",
    ),
    # planetary defense protects Earth from asteroids; service history describes people, not an end use
    (
        "defence",
        "Asteroid surveys are the first priority of planetary defense against impacts.",
        "The radar will be hardened for military platforms operated by the armed forces.",
    ),
    (
        "defence",
        "Nine per cent of our students are military veterans or come from a military family.",
        "Soldiers will test the exoskeleton on a march with full loads.",
    ),
    # "A.I" is the acronym written with a stop; "A.I." before a surname is a person's initials
    (
        "ai",
        "Dr A.I. Johnson chairs the steering panel of the consortium.",
        "We will train A.I models to grade photographs of crop disease.",
    ),
    # an uncrewed rotorcraft flown on Mars; a rescue helicopter is no robot
    (
        "robotics",
        "A helicopter flew the injured climber to the hospital in Fort William.",
        "Flight software for a Mars helicopter will let it scout ahead of the rover autonomously.",
    ),
    # heat shields of an atmospheric entry vehicle; protective clothing is not aerospace
    (
        "aerospace",
        "Thermal protection clothing for firefighters will be tested in a heat chamber.",
        "Ablative thermal protection systems will be arc-jet tested for the Mars entry vehicle.",
    ),
    # the ground segment of deep-space links
    (
        "comms",
        "The film club screens documentaries about deep space for its students.",
        "New receivers for the Deep Space Network will raise spacecraft downlink rates.",
    ),
    # anonymity networks built in the work; the anonymity of interviewees is research ethics
    (
        "cyber",
        "Interview transcripts will be anonymised so that participants' anonymity is preserved in every network map.",
        "We will build onion routing into the client and add pluggable transports that evade deep packet inspection.",
    ),
    # a classifier trained on data; people trained to use a classification are not machine learning
    (
        "ai",
        "Two assessors trained to use the Wagner classification will grade each foot ulcer.",
        "Our index will be a binary classifier trained to distinguish patients who deteriorate from those who do not.",
    ),
    # unmanned aerial platforms are aircraft; aerial work platforms lift people
    (
        "robotics",
        "Aerial work platforms will lift the electricians who repair the street lights.",
        "We will develop a monitoring system with unmanned aerial platforms that inspect power lines.",
    ),
    # a drone rented as a flying camera or flown at a festival is no robot the work develops
    (
        "robotics",
        "Our volunteers rent a drone to take aerial photographs of listed churches for the photo contest.",
        "We will design a drone that lands autonomously on the moving deck of a research vessel.",
    ),
    # drones flown by operators a course licenses are a skill taught, not a vehicle developed
    (
        "robotics",
        "Students will earn an FAA Part 107 drone license and fly drones over test plots as licensed drone operators.",
        "We will build an autonomous drone that maps crop stress and replans its own flight path over the plots.",
    ),
    # named fusion facilities (an acronym matched in capitals); iter() is a function call
    (
        "nuclear",
        "The parser calls iter() on each list of records before the loop.",
        "The programme will prepare ITER operation and build the IFMIF-DONES neutron source.",
    ),
    # aerial vehicles of planetary missions named by mission
    (
        "robotics",
        "The science museum opens a helicopter exhibit for school groups in May.",
        "The Mars Science Helicopter would carry a spectrometer to cliffs the rovers cannot reach.",
    ),
    # hobby computers and hotspots sharing offline content over a mesh are no radio research
    (
        "comms",
        "Volunteers will load offline content onto Raspberry Pis joined by mesh networking in village schools.",
        "We will design mesh networking protocols for radios that keep a convoy connected under jamming.",
    ),
    # automated (bot-driven) attacks on web services are intrusion; a game opponent's attacks are gameplay
    (
        "cyber",
        "In the strategy game, the computer opponent sends automated attacks against the player's base every wave.",
        "The project will build fast, accurate detection of automated attacks on web-based business services.",
    ),
    # a robotic or powered prosthesis the work designs is a wearable robot; one bought for a survey is a tool
    (
        "robotics",
        "Survey respondents wear commercially available powered prostheses purchased through their clinics.",
        "We will design a robotic ankle-foot prosthesis and refine it on a robotic testbed with amputee volunteers.",
    ),
    # terahertz sources, detectors and imaging systems are sensing; THz measurement of a film is a lab tool
    (
        "sensing",
        "Carrier dynamics of the perovskite films were measured at terahertz frequencies with a commercial spectrometer.",
        "We will build compact terahertz sources and detectors for stand-off imaging of concealed objects.",
    ),
    # THz links of 6G and wireless systems are communications, not sensing
    (
        "sensing",
        "Wireless links at THz frequencies will carry 6G data between base stations.",
        "We will build compact terahertz sources and detectors for stand-off imaging of concealed objects.",
    ),
    # people in public spaces watched through cameras are surveillance targets; observed by urban designers, a study
    (
        "surveillance",
        "Urban designers will monitor how people in public spaces use benches and shade, through interviews.",
        "Computers will analyse the pictures from car-park cameras to help the police monitor people in public spaces.",
    ),
    # an abstract space of a method (feature, search, state space) "based on" something is not "space-based"
    (
        "space",
        "The recognition exploits the rich feature space based on the geometry of the face surface.",
        "We will build space-based sensors that track debris in low Earth orbit.",
    ),
    # threat agents qualified as biological are bio's subject; named with chemical agents they stay chem
    (
        "chem",
        "A detector and alarm system for airborne biological threat agents will be developed for metro stations.",
        "We will develop a coating that neutralizes chemical and biological threat agents on contact.",
    ),
    # chemical mechanical planarization of wafers is a chip-fabrication step; polishing an engine part is not
    (
        "semiconductors",
        "Chemical mechanical polishing of the printed coolant channels will smooth the rocket engine liner.",
        "We will model chemical mechanical planarization of copper interconnects on 300 mm wafers.",
    ),
    # the "extreme environments" a gamma-ray observatory probes are astrophysical places, not conditions a
    # material is made for
    (
        "materials",
        "Very high energy gamma ray astronomy probes some of the most extreme environments in the known universe.",
        "We will develop ceramics for extreme environments such as hypersonic leading edges.",
    ),
    # spaceflight as what an astronaut's body goes through is physiology; spaceflight hardware is space work
    (
        "space",
        "Exercise countermeasures offset spaceflight-induced bone and muscle deconditioning in astronauts.",
        "Spaceflight hardware for the lunar lander will be qualified by vibration tests.",
    ),
    # a satellite radio service of the allocation tables is spectrum a band is shared with, not a spacecraft
    (
        "space",
        "As this band is also occupied by fixed satellite service uplinks, the airport system must be designed to avoid interference.",
        "We will design the satellite's power system for a two-year mission in low Earth orbit.",
    ),
    # a satellite built to fly new technology is space work; a university's satellite campus is a building
    (
        "space",
        "The technology satellite campus of the university opened in 2019.",
        "The Advanced Communications Technology Satellite (ACTS) was designed to achieve a 99.5-percent system availability rate.",
    ),
    # an audio filter is no radio part; the acoustic-wave filters of a radio's front end are
    (
        "comms",
        "High-frequency filters in the audio amplifier remove hiss from the recordings.",
        "We will fabricate bulk acoustic wave filters on aluminium nitride films.",
    ),
]


@pytest.mark.parametrize(
    ("category", "trap", "genuine"), FAMILIES, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(FAMILIES)]
)
def test_false_friend_family(detector: Detector, category: str, trap: str, genuine: str) -> None:
    assert category not in categories(detector, trap), f"false friend fired: {trap}"
    assert category in categories(detector, genuine), f"genuine use missed: {genuine}"


def test_acronym_defined_as_false_friend_is_distrusted_in_the_whole_document(detector: Detector) -> None:
    blocks = [
        TextBlock("Artificial insemination (AI) is used on the farm.", Location(line=1)),
        TextBlock("We will develop new AI protocols and train AI staff.", Location(line=3)),
    ]
    found = detector.detect(Document("t.txt", "text", blocks))
    assert not [f for f in found if f.category == "ai" and f.kind == "finding"]
    blocks[0] = TextBlock("The farm is in Devon.", Location(line=1))
    found = detector.detect(Document("t.txt", "text", blocks))
    assert [f for f in found if f.category == "ai" and f.kind == "finding"]


def test_substring_inside_a_word_never_matches(detector: Detector) -> None:
    # "individual users" contains "dual use"; "Moore's law" and "Chad" are whole-word traps too
    text = "The tool serves individual users and follows Moore's law; Chad Williams books flights."
    assert not categories(detector, text) & {"defence", "semiconductors", "aerospace"}


def test_satellite_radio_service_sharing_a_band_is_communications(detector: Detector) -> None:
    # the same sentence that must not be space (the family above) is a spectrum-sharing finding of comms
    sentence = "As this band is also occupied by fixed satellite service uplinks, the airport system must be designed to avoid interference."
    assert "comms" in categories(detector, sentence)
    assert "comms" not in categories(
        detector, "The satellite office charges a fixed service fee for printing posters."
    )
