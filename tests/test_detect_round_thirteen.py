"""Round thirteen: families seen in calls and programme texts of space, intelligence, naval and nuclear-security
funders. Each genuine sentence has a twin that shares its words but not its subject, so a test fails if the
family stops firing as well as if the twin starts to. Sentences are written for the test, not copied from the
corpus rows."""

from __future__ import annotations

import pytest

from grantscan.detect import Detector
from tests.fixtures.detect import categories

# (category, genuine sentence, twin that must not be found)
TWINS = [
    # the intelligence community's "overhead" satellites against tram lines and lecture-theatre projectors
    (
        "space",
        "The initiative funds risky concepts that could one day be used in the NRO's overhead systems.",
        "Engineers inspected the overhead systems that power the electric trams after the storm.",
    ),
    (
        "space",
        "The Space Force is buying Overhead Persistent Infrared satellites for missile warning.",
        "The lecture theatre's overhead projector system was replaced during the summer.",
    ),
    # sensors named by their targets against smart-home and clinic sensors
    (
        "sensing",
        "The division develops active and passive sensor systems that detect submarines from their wakes.",
        "Active and passive sensors in the smart home record when the fridge door opens.",
    ),
    (
        "sensing",
        "Research on automatic target recognition for military imagers will use signatures from ultraviolet to microwave bands.",
        "Sensors and imaging systems in the clinic record how wounds heal over a month.",
    ),
    # stockpile stewardship of nuclear weapons against a stockpile of medicines
    (
        "nuclear",
        "Universities will train scientists in research relevant to stockpile stewardship at NNSA's laboratories.",
        "Stockpile stewardship of antivirals in the national medical reserve is reviewed every winter.",
    ),
    # the nuclear security agency's name is its funder, not nuclear work
    (
        "nuclear",
        "The National Nuclear Security Administration funds university research in nuclear forensics.",
        "The National Nuclear Security Administration awarded grants to historically black colleges in STEM fields.",
    ),
    # software security flaws against weak points of homeland and aviation security
    (
        "cyber",
        "The team will find security vulnerabilities in the firmware of home routers.",
        "The directorate will speed up technologies that would address homeland security vulnerabilities.",
    ),
    (
        "cyber",
        "Students will learn to exploit software vulnerabilities in a capture-the-flag range.",
        "Covert testing exposed aviation security vulnerabilities at airport checkpoints.",
    ),
]


@pytest.mark.parametrize(("category", "genuine", "twin"), TWINS, ids=[f"{c}:{g[:40]}" for c, g, _ in TWINS])
def test_family_fires_and_twin_does_not(detector: Detector, category: str, genuine: str, twin: str) -> None:
    assert category in categories(detector, genuine), genuine
    assert category not in categories(detector, twin), twin
