"""Defence research solicitations: defence funders by official name, the doctrine vocabulary of military
operations, CBRN threat detection and military ISR (patterns/technology/threat-detection.yaml), each family with
its false friends. Sentences are written for the test, not copied from the corpus rows."""

from __future__ import annotations

import pytest

from grantscan.detect import Detector
from tests.fixtures.detect import table_checks

from .test_false_friends import categories

FOUND = [
    # defence research offices and intelligence agencies named in full
    ("defence", "The Air Force Office of Scientific Research invites white papers on turbulent combustion."),
    (
        "defence",
        "This announcement is issued for the Joint Science and Technology Office by the contracting office.",
    ),
    ("defence", "Awards will be managed by Naval Sea Systems Command on behalf of the programme office."),
    ("defence", "The Defence Innovation Hub will fund prototypes that reach demonstration within two years."),
    ("defence", "The Communications Security Establishment will host two visiting researchers next year."),
    # research offices by abbreviation, in funding wording
    ("defence", "Questions about the topic go to the ARO program manager before white papers are due."),
    ("defence", "NSWC scientists will host the summer research programme for graduate students."),
    # a service named bare
    ("defence", "Research should enable new and improved Army operational capabilities in cold regions."),
    # the MOD's accelerator on its own, and chemical warfare agents named with biological ones
    (
        "defence",
        "This Defence and Security Accelerator competition seeks lighter armour for patrol vehicles.",
    ),
    (
        "chem",
        "Responders face severe hazards where an incident involves chemical or biological warfare agents.",
    ),
    # doctrine vocabulary stating a military end use
    ("defence", "The programme seeks concepts that strengthen warfighting capabilities at sea."),
    ("defence", "Small uncrewed vessels must keep working in theatres of operations with no satellite link."),
    ("defence", "Proposals should shorten the kill chain from detection to engagement."),
    # CBRN threat detection
    ("chem", "The centre drives chemical-biological defense research with industry partners."),
    ("bio", "The centre drives chemical-biological defense research with industry partners."),
    (
        "chem",
        "The project will develop a sensor that can detect a chemical agent on clothing within seconds.",
    ),
    ("chem", "Sensors must identify toxic industrial chemicals released during an attack on a depot."),
    ("nuclear", "The office funds standoff radiation detection for ports of entry."),
    ("nuclear", "Experts on radiological/nuclear threats will review the detector designs."),
    # military ISR and tactical communications
    ("comms", "Industry may propose radios and routers for the integrated tactical network of the brigade."),
    ("comms", "Soldiers rely on tactical communications while on the move."),
    (
        "surveillance",
        "Analysts exploit full-motion video from the aircraft to follow vehicles through the town.",
    ),
    ("surveillance", "The sensor network will track insurgent activity along the valley road."),
    # military imaging and naval undersea acoustics
    ("sensing", "A reconnaissance pod with an infrared line scanner will map the coastline at night."),
    ("sensing", "The Office of Naval Research funds models of underwater sound in shallow seas."),
]

NOT_FOUND = [
    # immune, plant and legal defence; drug targets; ecological threats
    ("defence", "Innate immunity provides broad host defenses against bacteria and fungi."),
    ("defence", "The programme validates drug targets for substance use disorders."),
    ("defence", "Invasive species pose a significant threat to the ecological integrity of the lakes."),
    ("defence", "Analysts mapped every intrusion to a stage of the cyber kill chain."),
    ("defence", "The Defense Health Agency studies influenza in the families of service members."),
    # a reagent, procurement ethics, consumer video, historical insurgents
    ("chem", "The panels were wiped with a chemical agent before painting."),
    (
        "comms",
        "Steering a bidder towards one answer is tactical communication and breaches procurement ethics.",
    ),
    ("surveillance", "Collectors still buy the full-motion video games released on CD-ROM in the 1990s."),
    (
        "surveillance",
        "Historians argue that insurgent activity shaped the politics of the region in the 1830s.",
    ),
    # the rugby league and the UK nuclear regulator behind two of the abbreviations
    ("defence", "The NRL season opens in March with a derby in Sydney."),
    (
        "defence",
        "The Office for Nuclear Regulation (ONR) will fund an inspection programme at the reactor site.",
    ),
    # the tool and the crop pest behind the service's name
    ("defence", "The library is the Swiss Army knife of orbital mechanics."),
    ("defence", "Fall armyworm outbreaks were mapped across the maize fields of the province."),
    # the accelerator running a competition for a civil department
    (
        "defence",
        "This Defence and Security Accelerator competition is funded by the Home Office to detect toxic gases in stations.",
    ),
    # civil counter-terrorism and marine bioacoustics
    ("defence", "Police counter-terrorism units will trial the case-management software."),
    ("sensing", "Humpback whales change their songs when underwater sound from shipping rises."),
]


test_family_is_found, test_false_friend_is_not_found = table_checks(FOUND, NOT_FOUND)


def test_civil_energy_counter_terrorism_research_is_not_tactical_comms(detector: Detector) -> None:
    """A civil counter-terrorism text names chemical agents next to attack wording (chem) but no network."""
    found = categories(
        detector,
        "A terrorist attack involving chemical agents would challenge emergency departments across the country.",
    )
    assert "chem" in found and "comms" not in found


# Round ten: families seen in calls of defence, security and space funders. Each genuine sentence has a
# false-friend twin that shares its words but not its subject.
# (category, genuine sentence, false-friend twin)
TWINS = [
    # border surveillance (Schengen Borders Code, EUROSUR) against health surveillance at a border
    (
        "surveillance",
        "Border guards will test camera towers and drones for border surveillance between crossing points.",
        "Border surveillance of imported measles infections relies on public health reporting at airports.",
    ),
    # the targeting cycle against a marketing audience
    (
        "surveillance",
        "Swarming aircraft will find, track and identify mobile launchers for the joint force in the battlespace.",
        "The agency will find, track and identify its target audience through loyalty-card data.",
    ),
    # counter-UAS against pollinator drones
    (
        "robotics",
        "The airport wants counter-drone systems that can take down rogue drones over the runway.",
        "Drone bees leave the hive in the afternoon to mate with the queens of nearby colonies.",
    ),
    # electromagnetic warfare against traffic and music jams
    (
        "comms",
        "Datalinks must survive electronic attack and keep working in a contested electromagnetic environment.",
        "A traffic jam kept the communications team from the morning briefing.",
    ),
    # CBRN-E detection against a threat list and a threat to biodiversity
    (
        "nuclear",
        "The programme will develop detection of chemical, biological, radiological and nuclear agents at ports.",
        "The strategy lists chemical, biological, radiological and nuclear incidents among national risks.",
    ),
    (
        "bio",
        "Responders need rapid identification of CBRN-E samples collected after an attack.",
        "Invasive mussels are a serious threat to biodiversity in the reservoir.",
    ),
    (
        "chem",
        "Station staff will trial sensors for detection of CBRN threats in crowded concourses.",
        "The mission statement of the centre commits it to public engagement.",
    ),
    # launch and access to space against room to play and product launches
    (
        "space",
        "The agency seeks satellite launch services that offer responsive access to space for small missions.",
        "Nursery children need access to space to play outdoors every day.",
    ),
    (
        "aerospace",
        "An air-launched rocket will carry microsatellites from a converted airliner to low orbit.",
        "The marketing team planned the product launch of the new rocket-shaped lamp.",
    ),
    # measurements from orbit used as data are not space work
    (
        "space",
        "The team will build a star tracker and an on-board computer for the CubeSat.",
        "Crop models will assimilate space-based measurements of soil moisture from existing missions.",
    ),
    # navigation without satellites against a sensor for soil moisture
    (
        "sensing",
        "Cold-atom gyroscopes will let the quantum inertial navigation system run for weeks without GPS.",
        "A capacitance sensor for soil moisture will be buried under each vine.",
    ),
    # censorship technology against a tool that gets around it
    (
        "surveillance",
        "The contractor will extend the national firewall with keyword filters that block news sites.",
        "Our messenger helps activists circumvent censorship and stays censorship-resistant when relays are blocked.",
    ),
    (
        "surveillance",
        "The ministry wants a censorship system that logs which citizens read banned pages.",
        "Escalating censorship has cut readers off, so we will run more Tor bridges and pluggable transports.",
    ),
    # intercepting people's signals against signals intelligence named among radio-frequency systems
    (
        "surveillance",
        "The signals intelligence unit will intercept the mobile calls of opposition politicians.",
        "The programme develops signal processing for radar, signals intelligence and electronic warfare systems.",
    ),
    # biometric identification against biometric data named among data-protection categories
    (
        "surveillance",
        "Biometric data captured by street cameras will be matched to a watchlist to identify protesters.",
        "Applicants may give health data, genetic data or biometric data; we process such personal data with consent.",
    ),
    # an aircraft's powertrain against a car's
    (
        "aerospace",
        "We will integrate a fuel cell powertrain into an existing four-seat aircraft for flight tests.",
        "We will integrate a fuel cell powertrain into an existing city bus for road tests.",
    ),
    (
        "aerospace",
        "The demonstrator reuses drivetrain components of a light aircraft to shorten certification.",
        "The demonstrator reuses drivetrain components of a tractor to shorten approval.",
    ),
]


@pytest.mark.parametrize(("category", "genuine", "twin"), TWINS, ids=[f"{c}:{g[:40]}" for c, g, _ in TWINS])
def test_round_ten_family_is_found_and_its_twin_is_not(
    detector: Detector, category: str, genuine: str, twin: str
) -> None:
    assert category in categories(detector, genuine), genuine
    assert category not in categories(detector, twin), twin


# Round eleven: families seen in calls of defence and security funders. Each genuine sentence has a
# false-friend twin that shares its words but not its subject.
# (category, genuine sentence, false-friend twin)
ROUND_ELEVEN_TWINS = [
    # a malware channel against the operations centre and the laboratory directorate of military and border
    # command and control
    (
        "cyber",
        "Analysts traced the ransomware to a command and control server hosted abroad.",
        "Patrol officers report every sighting to their command and control centre by radio.",
    ),
    (
        "cyber",
        "The implant beacons to its command-and-control server every hour to fetch new modules.",
        "Engineers of the Command and Control Directorate briefed industry on two new programmes.",
    ),
    # a directed-energy source named in the singular against a microwave plasma reactor
    (
        "sensing",
        "The laboratory builds compact high-power microwave sources for stand-off, non-kinetic weapons.",
        "Diamond films were grown in a high-power microwave plasma reactor at 900 degrees.",
    ),
    # missile work against the agency's name, a partner or host of the programme
    (
        "aerospace",
        "The Missile Defense Agency funds our design of a hypersonic interceptor missile seeker.",
        "Reviewers came from the Missile Defense Agency. The Missile Defense Agency will also host the final workshop.",
    ),
    # biometric identification technology against a wellness app's health readings
    (
        "surveillance",
        "Police forensic institutes will validate biometric technologies for identifying suspects from fingermarks.",
        "The wellness app's biometric technology logs blood pressure and cholesterol for each employee.",
    ),
]


@pytest.mark.parametrize(
    ("category", "genuine", "twin"),
    ROUND_ELEVEN_TWINS,
    ids=[f"{c}:{g[:40]}" for c, g, _ in ROUND_ELEVEN_TWINS],
)
def test_round_eleven_family_is_found_and_its_twin_is_not(
    detector: Detector, category: str, genuine: str, twin: str
) -> None:
    assert category in categories(detector, genuine), genuine
    assert category not in categories(detector, twin), twin


# Round twelve: families seen in programme texts of defence funders and their histories. Each genuine sentence
# has a false-friend twin that shares its words but not its subject.
# (category, genuine sentence, false-friend twin)
ROUND_TWELVE_TWINS = [
    # the defence department's medical research programmes are a defence funder, whatever disease they study,
    # against "congressionally directed" spending of a civil budget
    (
        "defence",
        "Our trial of a new wound dressing is funded by the Congressionally Directed Medical Research Programs.",
        "The appropriations bill lists congressionally directed spending for a rural clinic.",
    ),
    (
        "defence",
        "The CDMRP award supports early detection of ovarian cancer in three hospitals.",
        "The clinic's award supports early detection of ovarian cancer in three hospitals.",
    ),
    # DARPA under its first name, against the energy and health agencies that borrow the name
    (
        "defence",
        "The seismic detection programme was directed by the Advanced Research Projects Agency in 1960.",
        "The grid storage programme was directed by the Advanced Research Projects Agency-Energy in 2010.",
    ),
    (
        "defence",
        "In 1966 the Advanced Research Projects Agency funded a mobile robot at a research institute.",
        "In 2023 the Advanced Research Projects Agency for Health funded a mobile clinic at a research institute.",
    ),
    (
        "defence",
        "This is the first solicitation of the Advanced Research Projects Agency since its founding in 1958.",
        "This is the first solicitation of the Advanced Research Projects Agency – Energy (ARPA-E).",
    ),
    # a satellite named by its function, the same system as "satellite communications", against a
    # communication plan of a satellite outreach team
    (
        "comms",
        "The programme built a two-way digital data communication satellite for less than a million dollars.",
        "The satellite outreach team wrote a communication plan for schools.",
    ),
    # chemical and biological agents delivered as munitions (ML7), against a museum visit of science students
    (
        "bio",
        "The competition seeks ways to disable and destroy chemical and biological munitions in the field.",
        "Chemical and biological sciences students visited the munitions museum on Friday.",
    ),
    # infrared imagers under their abbreviation, against infrared spectra of a chemistry laboratory
    (
        "sensing",
        "The agency funded a new generation of IR imagers to locate vehicles at night.",
        "IR spectra of the polymer films were recorded before and after ageing.",
    ),
]


@pytest.mark.parametrize(
    ("category", "genuine", "twin"),
    ROUND_TWELVE_TWINS,
    ids=[f"{c}:{g[:40]}" for c, g, _ in ROUND_TWELVE_TWINS],
)
def test_round_twelve_family_is_found_and_its_twin_is_not(
    detector: Detector, category: str, genuine: str, twin: str
) -> None:
    assert category in categories(detector, genuine), genuine
    assert category not in categories(detector, twin), twin
