"""Wording of published proposals, plans and project pages that moved technology findings: a grade of robustness
named "military-grade", synthetic biology taught or promoted rather than practised, a bacteriophage engineered
without the words "synthetic biology", and teams of robots planned for together. Each family has a near sentence
that must keep (or keep out of) the category."""

from __future__ import annotations

from tests.fixtures.detect import table_checks

FOUND = [
    # a military user next to the same words is still defence
    ("defence", "The radios will be developed for military use with the British Army."),
    ("defence", "Military-grade GNSS receivers will be delivered to the armed forces."),
    # synthetic biology practised and also shown to schools is bio
    (
        "bio",
        "We will engineer E. coli with synthetic biology to sense arsenic in well water, and present the "
        "results to local schools.",
    ),
    # an engineered bacteriophage is bio
    # a student team's phage design for water testing; a diagnostic reporter-phage plan
    (
        "bio",
        "Our goal is to design the T7 bacteriophage so that we are able to insert a GFP reporter and achieve an "
        "optimal lysis time and burst size of the phage. This will allow the phage to quickly detect E. coli "
        "contamination in a water in a qualitative manner (glowing).",
    ),
    ("bio", "Luciferase reporter phages will be engineered to detect Mycobacterium tuberculosis in sputum."),
    # teams of robots and their motion planning are robotics
    # a university lab's project page and a multi-robot coordination award abstract
    (
        "robotics",
        "As we begin employing teams of robots to accomplish complex tasks, it becomes difficult for a human to "
        "verify that future paths do not result in collisions. Therefore, we are working on new multiagent "
        "planning approaches that minimize the effort it takes a human to verify the paths. Multi-agent motion "
        "planning (MMP) is the problem of finding a motion plan for multiple agents such that when these agents "
        "are run simultaneously, none of the agents collide.",
    ),
    (
        "robotics",
        "Reliance on this infrastructure poses a significant roadblock to bringing robot teams into real-world "
        "applications. This project is developing novel, data-driven algorithms that let teams of robots "
        "coordinate like teams of humans.",
    ),
    # autonomous vehicles and driver assistance developed are robotics
    # a lab's project page on driver assistance, and a simulator's description of its purpose
    (
        "robotics",
        "This project studies the application of formal methods to the design of correct-by-construction "
        "Advanced Driver Assistance Systems (ADAS). The aim is to create a rigorous framework for the design of "
        "ADAS in semi-autonomous vehicles that accounts for the cognitive process of the driver.",
    ),
    (
        "robotics",
        "If successful, this could allow safety controllers developed for one type of autonomous vehicle to be "
        "transferred to another of a wholly new type, and the resulting algorithms will be tested on underwater "
        "and aerial vehicles.",
    ),
]

NOT_FOUND = [
    # military grade as a grade of robustness is not defence
    # a funding application's programme track, a password manager's product page, a rugged tablet's datasheet
    ("defence", "15-person distributed systems team developing military-grade P2P recognition networks"),
    ("defence", "The password manager protects every vault with military-grade encryption."),
    ("defence", "The rugged tablet is built to military-grade durability standards for field surveyors."),
    # synthetic biology taught or promoted is not bio
    # a team's education and public engagement page, and another team's engagement report
    (
        "bio",
        "Our education and public engagement aimed to design a specific iGEM induction with a series of synthetic "
        "biology teaching games and courses based on our own experience, to promote iGEM and synthetic biology. "
        "We aimed to focus on places, where iGEM and synthetic biology is less commonly known.",
    ),
    (
        "bio",
        "We consulted the School of Education on how to work with teachers, update our synthetic biology "
        "activities booklet, and plan education events for students.",
    ),
    # phages isolated sequenced or given as therapy are not bio
    (
        "bio",
        "Faculty and students will isolate, identify, sequence and analyze newly discovered mycobacteriophages "
        "gathered from the local environment.",
    ),
    (
        "bio",
        "Phage therapy with commercially sourced phages will be compared with antibiotics in a randomised trial.",
    ),
    # agents and teams that are not robots are not robotics
    ("robotics", "A multi-agent model of household energy use will be calibrated on smart-meter data."),
    (
        "robotics",
        "Teams of students will plan the motion of the school's stage scenery for the spring musical.",
    ),
    # autonomous vehicles listed as examples of high risk uses are not robotics
    # a cloud-service agreement's high-risk-activities clause
    (
        "robotics",
        "Examples include full or partial autonomous vehicle technology, medical life-support technology, "
        "emergency response services, nuclear facilities operation, and air traffic control.",
    ),
]


test_family_is_found, test_near_sentence_stays_out = table_checks(FOUND, NOT_FOUND)
