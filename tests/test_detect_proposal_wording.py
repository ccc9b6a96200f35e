"""Wording of published proposals, plans and project pages that moved technology findings: a grade of robustness
named "military-grade", synthetic biology taught or promoted rather than practised, a bacteriophage engineered
without the words "synthetic biology", and teams of robots planned for together. Each family has a near sentence
that must keep (or keep out of) the category."""

from __future__ import annotations

import pytest

from grantscan.detect import Detector
from grantscan.model import Document, Finding, Location, TextBlock


def doc(text: str) -> Document:
    return Document("t.txt", "text", [TextBlock(text, Location(line=1, column=1))])


def categories(detector: Detector, text: str) -> set[str]:
    found: list[Finding] = detector.detect(doc(text))
    return {f.category for f in found if f.kind == "finding" and f.category != "country"}


@pytest.mark.parametrize(
    "text",
    [
        # a funding application's programme track, a password manager's product page, a rugged tablet's datasheet
        "15-person distributed systems team developing military-grade P2P recognition networks",
        "The password manager protects every vault with military-grade encryption.",
        "The rugged tablet is built to military-grade durability standards for field surveyors.",
    ],
)
def test_military_grade_as_a_grade_of_robustness_is_not_defence(detector: Detector, text: str) -> None:
    assert "defence" not in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "The radios will be developed for military use with the British Army.",
        "Military-grade GNSS receivers will be delivered to the armed forces.",
    ],
)
def test_a_military_user_next_to_the_same_words_is_still_defence(detector: Detector, text: str) -> None:
    assert "defence" in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # a team's education and public engagement page, and another team's engagement report
        "Our education and public engagement aimed to design a specific iGEM induction with a series of synthetic "
        "biology teaching games and courses based on our own experience, to promote iGEM and synthetic biology. "
        "We aimed to focus on places, where iGEM and synthetic biology is less commonly known.",
        "We consulted the School of Education on how to work with teachers, update our synthetic biology "
        "activities booklet, and plan education events for students.",
    ],
)
def test_synthetic_biology_taught_or_promoted_is_not_bio(detector: Detector, text: str) -> None:
    assert "bio" not in categories(detector, text)


def test_synthetic_biology_practised_and_also_shown_to_schools_is_bio(detector: Detector) -> None:
    text = (
        "We will engineer E. coli with synthetic biology to sense arsenic in well water, and present the "
        "results to local schools."
    )
    assert "bio" in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # a student team's phage design for water testing; a diagnostic reporter-phage plan
        "Our goal is to design the T7 bacteriophage so that we are able to insert a GFP reporter and achieve an "
        "optimal lysis time and burst size of the phage. This will allow the phage to quickly detect E. coli "
        "contamination in a water in a qualitative manner (glowing).",
        "Luciferase reporter phages will be engineered to detect Mycobacterium tuberculosis in sputum.",
    ],
)
def test_an_engineered_bacteriophage_is_bio(detector: Detector, text: str) -> None:
    assert "bio" in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Faculty and students will isolate, identify, sequence and analyze newly discovered mycobacteriophages "
        "gathered from the local environment.",
        "Phage therapy with commercially sourced phages will be compared with antibiotics in a randomised trial.",
    ],
)
def test_phages_isolated_sequenced_or_given_as_therapy_are_not_bio(detector: Detector, text: str) -> None:
    assert "bio" not in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # a university lab's project page and a multi-robot coordination award abstract
        "As we begin employing teams of robots to accomplish complex tasks, it becomes difficult for a human to "
        "verify that future paths do not result in collisions. Therefore, we are working on new multiagent "
        "planning approaches that minimize the effort it takes a human to verify the paths. Multi-agent motion "
        "planning (MMP) is the problem of finding a motion plan for multiple agents such that when these agents "
        "are run simultaneously, none of the agents collide.",
        "Reliance on this infrastructure poses a significant roadblock to bringing robot teams into real-world "
        "applications. This project is developing novel, data-driven algorithms that let teams of robots "
        "coordinate like teams of humans.",
    ],
)
def test_teams_of_robots_and_their_motion_planning_are_robotics(detector: Detector, text: str) -> None:
    assert "robotics" in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "A multi-agent model of household energy use will be calibrated on smart-meter data.",
        "Teams of students will plan the motion of the school's stage scenery for the spring musical.",
    ],
)
def test_agents_and_teams_that_are_not_robots_are_not_robotics(detector: Detector, text: str) -> None:
    assert "robotics" not in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # a lab's project page on driver assistance, and a simulator's description of its purpose
        "This project studies the application of formal methods to the design of correct-by-construction "
        "Advanced Driver Assistance Systems (ADAS). The aim is to create a rigorous framework for the design of "
        "ADAS in semi-autonomous vehicles that accounts for the cognitive process of the driver.",
        "If successful, this could allow safety controllers developed for one type of autonomous vehicle to be "
        "transferred to another of a wholly new type, and the resulting algorithms will be tested on underwater "
        "and aerial vehicles.",
    ],
)
def test_autonomous_vehicles_and_driver_assistance_developed_are_robotics(
    detector: Detector, text: str
) -> None:
    assert "robotics" in categories(detector, text)


def test_autonomous_vehicles_listed_as_examples_of_high_risk_uses_are_not_robotics(
    detector: Detector,
) -> None:
    # a cloud-service agreement's high-risk-activities clause
    text = (
        "Examples include full or partial autonomous vehicle technology, medical life-support technology, "
        "emergency response services, nuclear facilities operation, and air traffic control."
    )
    assert "robotics" not in categories(detector, text)
