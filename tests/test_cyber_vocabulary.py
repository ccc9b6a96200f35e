"""Cyber security research named in the words programme descriptions use (vulnerability research, fuzzing, malware,
intrusion, side channels, roots of trust, honeypots), beside the senses of the same words that are not security
research: cyberbullying, food and job security, social vulnerability, heart attacks, market penetration, exploiting
results, encrypted storage of interview data, hackathons, river side channels and honeypot ants.

Positives are written after public descriptions of security research programmes (DARPA's Cyber Grand Challenge,
STAC, HARDEN, INGOTS and Assured Micro Patching; NIST SP 800-193 on platform firmware resiliency; university
security group pages); each family has a near sentence that must stay out."""

from __future__ import annotations

import pytest

from grantscan.detect import Detector
from tests.fixtures.detect import categories

FOUND = [
    "The program looks for new program analysis techniques that let analysts find vulnerabilities in the space and "
    "time resource usage of algorithms and predict where side-channel leaks and denial of service might be possible.",
    "We will build a fuzzing framework for the firmware of programmable logic controllers used in water treatment "
    "plants.",
    "The team will reverse engineer ransomware samples collected from hospital networks to derive detection "
    "signatures.",
    "Our aim is to detect lateral movement of intruders inside enterprise networks from authentication logs.",
    "This research studies how zero-day exploits are traded and weaponised by state-sponsored groups.",
    "The fellowship will develop automated penetration testing of 5G core network functions.",
    "We will design intrusion detection for the CAN bus of connected vehicles.",
    "The centre trains analysts in malware analysis and incident response for critical national infrastructure.",
    "The project develops post-quantum key exchange protocols and tests their resistance to cryptanalysis.",
    "We will model advanced persistent threat campaigns against industrial control systems.",
    "The tool discovers memory-safety bugs in the Linux kernel by symbolic execution and grey-box fuzzing.",
    # the hardware anchor of platform security, named as a root of trust
    "We propose a hardware root of trust and secure boot chain for satellite on-board computers.",
    "The platform anchors its measured boot in a hardware root of trust on the system-on-chip.",
    # side channels named by what they leak
    "The work package analyses power side channels that leak cryptographic keys from smart cards.",
    "Microarchitectural side channels let one tenant's process read another's secrets on shared CPUs.",
    # decoy systems that capture attackers' traffic
    "Honeypots deployed across three continents will capture botnet traffic for the study.",
    "We will deploy honeypots that imitate water-utility controllers to record the attackers' tools.",
]

NOT_FOUND = [
    "The survey asks teenagers about their experience of cyberbullying on social media.",
    "Food security in the Sahel depends on rainfall and on the price of grain.",
    "The study measures the social vulnerability of coastal communities to flooding.",
    "Patients admitted after a heart attack will be offered the rehabilitation programme.",
    "The company expects market penetration of heat pumps to reach 20 per cent by 2030.",
    "We will exploit the results through a spin-out company and licensing.",
    "All interview data will be stored on an encrypted university drive with password protection.",
    "Participants will attend a weekend hackathon to build apps for local charities.",
    "A virus outbreak in the poultry farm led to the culling of 10,000 birds.",
    "Staff must complete the annual information security awareness training before accessing the records.",
    "The novel follows a hacker who falls in love with a journalist in 1990s Berlin.",
    "We will use the university's secure data environment for the analysis of linked health records.",
    "Phishing emails were used as an example of persuasion in our study of marketing language.",
    # the same words in other senses: trust at a root, a river's side channels, honeypot ants, a browser's history
    "Trust between the partners is at the root of the project's success.",
    "The river's side channels provide shelter for juvenile salmon during floods.",
    "The radio station added two side channels for local news and sport.",
    "Honeypot ants store nectar in the swollen abdomens of specialised workers.",
    "Participants' browser history was not collected, and the vulnerability of older users to isolation was "
    "discussed in the focus groups.",
]

# Security research named plainly but held under the threshold in a one-sentence text: the only verb is a loose
# one ("will pioneer techniques to measure", "can reason about"), and nothing else in the text supports the area.
UNDER_THRESHOLD = [
    "INGOTS will pioneer new techniques driven by program analysis and artificial intelligence to measure "
    "vulnerabilities within modern, complex systems, such as web browsers and mobile operating systems.",
    "A competitor will combine these semi-automated technologies into an unmanned Cyber Reasoning System that can "
    "autonomously reason about novel program flaws, prove the existence of flaws in networked applications, and "
    "formulate effective defenses.",
]


@pytest.mark.parametrize("text", FOUND)
def test_security_research_is_cyber(detector: Detector, text: str) -> None:
    assert "cyber" in categories(detector, text)


@pytest.mark.parametrize("text", NOT_FOUND)
def test_other_senses_stay_out(detector: Detector, text: str) -> None:
    assert "cyber" not in categories(detector, text)


@pytest.mark.xfail(
    strict=True, reason="a pack term with a loose verb and no support stays under the threshold"
)
@pytest.mark.parametrize("text", UNDER_THRESHOLD)
def test_plain_statement_under_the_threshold(detector: Detector, text: str) -> None:
    assert "cyber" in categories(detector, text)
