"""Families seen on published proposals, plans and programme pages (corpus round thirteen): unexploded
ordnance and buried, underwater or military munitions next to detection wording are sensing; the DoD's environmental
research programmes (SERDP, ESTCP) are defence funders; changing the host range or tropism of a virus, phage or agent
is bio; a NASA field centre's name is no spaceflight; an example cue that opens a colon list reaches every item of
the list; the month May is no hedge; a build verb's -ing form after "work on" states the work, and after an article
it is an adjective. Each family has a near sentence that must keep (or keep out of) the category, or keep (or lose)
the cue."""

from __future__ import annotations

import pytest

from grantscan.detect import Detector
from tests.fixtures.detect import categories, findings, table_checks

FOUND = [
    # a DoD programme's workshop notice and an offshore-wind survey plan: munitions next to detection wording
    (
        "sensing",
        "SERDP and Noblis, Inc. hosted a second SERDP workshop on the acoustic detection and classification of "
        "underwater UXO in 2017 and the Workshop Report has just been posted.",
    ),
    (
        "sensing",
        "Before the export cables are laid, a survey vessel will search the route for unexploded ordnance with "
        "magnetometers.",
    ),
    (
        "sensing",
        "In 2021, SERDP funded five SEED projects aimed at advancing technologies that detect, classify, and "
        "remediate military munitions at a variety of underwater sites.",
    ),
    # the programmes by name in an acknowledgement and by acronym in a programme page
    (
        "defence",
        "This research was supported by the Strategic Environmental Research and Development Program under "
        "project ER-2128.",
    ),
    (
        "defence",
        "The objectives of this ESTCP project were to build an underwater search system and conduct demonstration "
        "surveys.",
    ),
    # an iGEM project's phage libraries and the US policy's list of experiments of concern
    (
        "bio",
        "We developed a system that integrates random codons in phage genomes, allowing the formation of phage "
        "libraries with novel binding proteins that alter the host spectrum.",
    ),
    ("bio", "The experiment alters the host range or tropism of the agent or toxin."),
]

NOT_FOUND = [
    # munitions with no detection wording
    ("sensing", "Fishing crews are told what to do when unexploded ordnance comes up in their nets."),
    ("sensing", "Arsenic leaching from dumped military munitions will be sampled across the bay."),
    # explosives detection stays with the chem packs: an improvised explosive device is no munitions-response term
    ("sensing", "Teams will disable and destroy improvised explosive devices found at the range."),
    # a planning document that is not the DoD programme
    ("defence", "The council's Strategic Environmental Assessment sets out the recycling targets for 2030."),
    # a gene-therapy vector retargeted to a tissue, and a pest whose hosts grow in number
    (
        "bio",
        "These models will guide the design of new AAVs with altered tropism for gene therapy of the retina.",
    ),
    ("bio", "Warmer winters have expanded the host range of the pine beetle across the province."),
    # a NASA field centre named as the place of a workshop
    (
        "space",
        "A two-day workshop was held at Goddard Space Flight Center, Greenbelt, Maryland, to assess the data in "
        "terms of future needs.",
    ),
]


test_family_is_found, test_near_sentence_stays_out = table_checks(FOUND, NOT_FOUND)


def test_space_flight_outside_a_centre_name_is_still_space(detector: Detector) -> None:
    """The exclusion is the centre's name only: spaceflight as the work stays space."""
    assert "space" in categories(
        detector, "We will develop a propulsion module for crewed space flight to the Moon."
    )


@pytest.fixture
def every_mention(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every technology mention with its reasons, whatever its confidence: the threshold is zero."""
    from grantscan.detect.evidence import EvidenceModel

    monkeypatch.setattr(EvidenceModel, "threshold_for", lambda self, category: 0.0)


def _reasons(detector: Detector, text: str, category: str) -> str:
    found = [f for f in findings(detector, text) if f.category == category]
    assert found, f"no {category} mention in: {text}"
    return " | ".join(r for f in found for r in f.reasons)


# an impact list of a NASA software proposal and a roadmap's list of applications: the items after a colon and
# semicolons are examples however long the list
LONG_LISTS = [
    (
        "space",
        "Soliciting on social media for examples of the library in research yielded a (non-exhaustive) list "
        "including: to study thunderstorms, seasonal ocean winds and tropical storms; in the first science paper "
        "from the Parker Solar probe; in the Martian science program in both orbiter and rover contexts; as part "
        "of ground operations from the Mars Phoenix Lander; in a mission design and navigation software system to "
        "support spaceflight operations; and in fundamental research on graphene.",
    ),
    (
        "sensing",
        "The instrument has many uses, and examples include: monitoring of crop health from tractors; water quality "
        "checks in rivers and lakes after heavy rain; classroom kits for secondary schools in rural areas; and "
        "synthetic aperture radar imaging of sea ice.",
    ),
]


@pytest.mark.parametrize(("category", "text"), LONG_LISTS)
@pytest.mark.usefixtures("every_mention")
def test_example_cue_reaches_every_item_of_a_colon_list(detector: Detector, category: str, text: str) -> None:
    assert "cue: example" in _reasons(detector, text, category)


@pytest.mark.usefixtures("every_mention")
def test_a_colon_list_without_an_example_cue_is_the_plan(detector: Detector) -> None:
    text = (
        "The work has three parts: we will design the payload of the small satellite together with our partners "
        "in the north; we will integrate it with the satellite bus in the clean room of the faculty; and we will "
        "fly the satellite mission on a rideshare launch."
    )
    assert "cue: example" not in _reasons(detector, text, "space")


# a NASA workshop summary and a drone-trial report: a date in May
MONTHS = [
    (
        "sensing",
        "A two-day workshop was held on 11-12 May 1977 to plan the development of synthetic aperture radar for "
        "planetary missions.",
    ),
    (
        "robotics",
        "The autonomous drone flight trials in May were followed by a second campaign over the estuary.",
    ),
]


@pytest.mark.parametrize(("category", "text"), MONTHS)
@pytest.mark.usefixtures("every_mention")
def test_the_month_may_is_no_hedge(detector: Detector, category: str, text: str) -> None:
    assert "('May')" not in _reasons(detector, text, category)


@pytest.mark.usefixtures("every_mention")
def test_the_modal_may_is_still_a_hedge(detector: Detector) -> None:
    text = "The partners may develop synthetic aperture radar for planetary missions."
    assert "cue: hedge ('may')" in _reasons(detector, text, "sensing")


# an iGEM team's summary and a robotics club's plan: the -ing form after "work on" is the work
WORK_ON = [
    (
        "ai",
        "iGEM Toronto 2016 worked on developing a portable synthetic biological sensor for gold, and a deep neural "
        "network for discovering novel genes involved in gold biomineralization.",
    ),
    ("robotics", "Our team is working on building an autonomous drone that maps crop fields."),
]


@pytest.mark.parametrize(("category", "text"), WORK_ON)
@pytest.mark.usefixtures("every_mention")
def test_work_on_building_is_a_build_verb(detector: Detector, category: str, text: str) -> None:
    assert "verb: build" in _reasons(detector, text, category)


@pytest.mark.usefixtures("every_mention")
def test_past_work_on_building_is_no_build_verb(detector: Detector) -> None:
    text = "Other groups have worked on developing deep neural networks for gene discovery."
    assert "verb: build" not in _reasons(detector, text, "ai")


# a rocketry grant proposal and a quantum roadmap: the -ing form after "is a" (an article) is an adjective
ADJECTIVES = [
    (
        "space",
        "Rocketry is a constantly growing field, with many companies, such as SpaceX, Boeing, and Virgin Galactic, "
        "pioneering the private sector approach to space travel.",
        "('growing')",
    ),
    (
        "quantum",
        "Quantum sensing is a rapidly developing area of research with applications in navigation.",
        "('developing')",
    ),
]


@pytest.mark.parametrize(("category", "text", "form"), ADJECTIVES)
@pytest.mark.usefixtures("every_mention")
def test_participle_after_an_article_is_no_verb(
    detector: Detector, category: str, text: str, form: str
) -> None:
    reasons = _reasons(detector, text, category)
    assert f"verb: research {form}" not in reasons
    assert f"verb: build {form}" not in reasons


@pytest.mark.usefixtures("every_mention")
def test_the_same_form_without_an_article_is_the_work(detector: Detector) -> None:
    text = "We are rapidly developing a quantum sensor for navigation."
    assert "verb: build ('developing')" in _reasons(detector, text, "quantum")
