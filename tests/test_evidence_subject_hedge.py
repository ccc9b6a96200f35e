"""Three features of the evidence model for mentions the other features held under their threshold.

``verb.programme``: the work's own project, programme, mission or call is the acting subject of the sentence
("The EU-funded BorderForce project responds ... using AI", "This announcement solicits ... intelligent software
agents", "SMART will provide ..."), so the term is what the work does with no research verb next to it.
``cue.hedged_action``: a hedge in a sentence where the work builds or applies the term ("could be applied",
"the most promising candidates for the development of"): the hedge is about an outcome.
``cue.hedged_end_user``: a hedge in a paragraph naming a defence or security customer ("cyber attacks could be
used to ... steal military secrets"): a capability such a customer is said to fear or hope for.

The positive sentences are verbatim from public pages (CORDIS project summaries, an IARPA programme page, an
AFRL and an ONR announcement, a TRIMIS project page, a CORDIS news article, a UCL studentship, NRC and GOV.UK
news); each family has a negative twin that must not fire it.
"""

from __future__ import annotations

import pytest

from grantscan.detect import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def features_of(detector: Detector, text: str, term: str) -> dict:
    """The named features of the first mention whose text is ``term`` in a one-block text."""
    tech = detector.tech
    sdoc = detector.nlp(text)
    hits, _ = tech.compiled.hits(sdoc)
    for sc in tech.scorer.score(sdoc, hits, False, False):
        if sdoc[sc.hit.start : sc.hit.end].text == term:
            return sc.features
    raise AssertionError(f"no mention of {term!r} in {text!r}")


@pytest.mark.parametrize(
    ("text", "term", "subject"),
    [
        (  # CORDIS project summary
            "The EU-funded BorderForce project responds to these challenges by enhancing real-time "
            "surveillance capabilities using AI: with dynamic, transportable stations that feature versatile "
            "surveillance towers, anti-drone capabilities, satellite and UAV assets, autonomous sensors and "
            "relevant OSINT data.",
            "AI",
            "The EU-funded BorderForce project responds",
        ),
        (  # ONR announcement
            "This announcement solicits submission of research proposals for a 5-year research initiative on "
            "the topic of intelligent software agents that can dramatically improve future Naval capabilities.",
            "intelligent software agents",
            "This announcement solicits",
        ),
        (  # AFRL broad agency announcement: a parenthesised acronym between the noun and its verb
            "This broad agency announcement (BAA) is expected to result in the award of three 5-year "
            "cooperative agreements, one each in autonomy, cyber security, and research data analysis.",
            "cyber security",
            "This broad agency announcement is",
        ),
        (  # IARPA programme page: the programme's name right before "will"
            "By augmenting the manual imagery analysis process with global-scale image processing and machine "
            "learning, SMART will provide timely discovery and robust monitoring of man-made and natural change.",
            "machine learning",
            "SMART will",
        ),
    ],
)
def test_a_programme_acting_as_the_subject_is_named(
    detector: Detector, text: str, term: str, subject: str
) -> None:
    feats = features_of(detector, text, term)
    assert feats["verb.programme"].evidence == subject


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # the programme noun qualifies another noun that acts ("partners will meet"), not the project itself
        ("The project partners will meet in Bristol to discuss machine learning.", "machine learning"),
        # a denial: "will not" is a declaration, not an action
        ("The project will not use machine learning.", "machine learning"),
        # projects in the past, as background: "have" does not act
        ("Previous projects have shown that machine learning helps radiologists.", "machine learning"),
        # a programme noun in the middle of a clause is not the sentence's subject
        ("We apply machine learning to the data of the mission archive.", "machine learning"),
    ],
)
def test_a_programme_noun_that_is_not_the_acting_subject_is_not_named(
    detector: Detector, text: str, term: str
) -> None:
    assert "verb.programme" not in features_of(detector, text, term)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (  # TRIMIS project page
            "Analysis of applicability of existing CNS/ATM technologies which could be applied to UTM, "
            "identification and development of new technologies (e.g. machine learning classification of "
            "flight trajectories) and analysis of their applicability.",
            "machine learning",
        ),
        (  # CORDIS news article
            "One of the most promising candidates for the development of a quantum computer is the use of "
            "trapped ions, i.e. charged atomic particles which can be confined in free space.",
            "quantum computer",
        ),
        (  # UCL studentship
            "This project would explore how artificial intelligence (AI) could and should be used to enhance "
            "the practice of translating scientific and engineering knowledge into public policy domains.",
            "artificial intelligence",
        ),
    ],
)
def test_a_hedge_where_the_work_builds_or_applies_the_term_is_a_hedged_action(
    detector: Detector, text: str, term: str
) -> None:
    feats = features_of(detector, text, term)
    assert "cue.hedge" in feats and "cue.hedged_action" in feats


def test_a_hedge_without_an_action_or_an_action_without_a_hedge_is_no_hedged_action(
    detector: Detector,
) -> None:
    bare = features_of(
        detector, "Quantum computers could one day break today's encryption.", "Quantum computers"
    )
    assert "cue.hedge" in bare and "cue.hedged_action" not in bare
    plain = features_of(
        detector, "Machine learning will be applied to classify flight trajectories.", "Machine learning"
    )
    assert "verb.apply" in plain and "cue.hedged_action" not in plain


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (  # NRC news story
            "As early as 10 years from now, sophisticated cyber attacks could be used to rob banks, steal "
            "military secrets, or manipulate connected medical devices.",
            "cyber attacks",
        ),
        (  # GOV.UK news story: the customer in the paragraph's other sentence
            "A jointly funded project by the Defence Science and Technology Laboratory (Dstl) and Innovate UK "
            "for an autonomous, modular sensor system could be a game-changer for the Ministry of Defence (MOD) "
            "and security industry. The Sensing for Asset Protection with Integrated Electronic Networked "
            "Technology (SAPIENT) project has demonstrated a modular hierarchical autonomous sensor system which "
            "could significantly reduce the operator burden involved in perimeter protection and security.",
            "autonomous sensor system",
        ),
    ],
)
def test_a_hedge_beside_a_defence_or_security_customer_is_a_hedged_end_use(
    detector: Detector, text: str, term: str
) -> None:
    feats = features_of(detector, text, term)
    assert "cue.end_user" in feats and "cue.hedged_end_user" in feats


def test_a_hedge_with_no_defence_or_security_customer_is_no_hedged_end_use(detector: Detector) -> None:
    # the NRC sentence with its customer word taken out
    feats = features_of(
        detector,
        "As early as 10 years from now, sophisticated cyber attacks could be used to rob banks or manipulate "
        "connected medical devices.",
        "cyber attacks",
    )
    assert "cue.hedge" in feats and "cue.end_user" not in feats and "cue.hedged_end_user" not in feats
