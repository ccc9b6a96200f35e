"""Terms are matched however their word gaps are written: a term is one pattern with its gaps as spaces, and a
hyphen or an en dash between two words of a text is skipped at match time ("fiber-optic network", "fiber
optic-network", "fiber–optic network"), each hit mapped back to the text's own tokens. A hyphen the tokenizer keeps
inside a token ("COVID-19", "Ti-6Al-4V", "K-12") is part of the name. A scientific combining form is also matched
written solid ("ultrahigh" for "ultra-high"); prefixes that also make everyday words keep only the spellings the
packs list."""

from __future__ import annotations

import pytest

from grantscan.detect import Detector
from grantscan.detect.matcher import CompiledRules, PhraseSet, Rule, _variants
from grantscan.detect.tokens import build_nlp, gap_joins
from grantscan.model import Document, Finding, Location, TextBlock

from .test_false_friends import categories


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201 - a spaCy Language
    return build_nlp()


def _found(phrases: PhraseSet, text: str) -> list[tuple[str, str, bool]]:
    doc = phrases.nlp(text)
    return [(label, doc[s:e].text, acro) for label, s, e, acro in phrases(doc)]


def _findings(detector: Detector, text: str) -> list[Finding]:
    doc = Document("t.txt", "text", [TextBlock(text, Location(line=1, column=1))])
    return [f for f in detector.detect(doc) if f.kind == "finding"]


def test_a_term_is_one_pattern_with_its_gaps_as_spaces() -> None:
    assert _variants("fiber optic network") == ["fiber optic network", "fiber optic networks"]
    assert _variants("fiber-optic network") == _variants("fiber optic network")
    assert _variants("gain-of-function") == ["gain of function", "gain of functions"]


def test_hyphen_and_space_spellings_share_one_path_of_the_match_trie(nlp) -> None:  # noqa: ANN001
    phrases = PhraseSet(nlp)
    phrases.add("t", ["fiber optic network", "fiber-optic network", "fiber-optic-network"])
    phrases.build()
    assert phrases.patterns == 2  # "fiber optic network" and its plural


def test_every_mix_of_hyphens_spaces_and_en_dashes_is_found(nlp) -> None:  # noqa: ANN001
    phrases = PhraseSet(nlp)
    phrases.add("t", ["fiber optic network"])
    phrases.build()
    text = (
        "A fiber optic network, a fiber-optic network, fiber optic-networks, a fiber-optic-network and a "
        "fiber\u2013optic network."
    )
    assert [t for _, t, _ in _found(phrases, text)] == [
        "fiber optic network",
        "fiber-optic network",
        "fiber optic-networks",
        "fiber-optic-network",
        "fiber\u2013optic network",
    ]


def test_the_view_without_gap_marks_is_made_only_where_a_pattern_can_cross_one(nlp) -> None:  # noqa: ANN001
    """A hyphen between two words that follow each other in no pattern ("state-of-the-art") cannot be inside a
    match: the block is matched as it is, without making a view of it."""
    phrases = PhraseSet(nlp)
    phrases.add("t", ["fiber optic network"])
    phrases.build()
    doc = phrases.nlp("A state-of-the-art fiber optic network.")
    assert [doc[s:e].text for _, s, e, _ in phrases(doc)] == ["fiber optic network"]
    joins = gap_joins(doc)
    assert joins is not None and len(joins.marks) == 3 and joins._view is None
    doc = phrases.nlp("A state-of-the-art fiber-optic network.")
    assert [doc[s:e].text for _, s, e, _ in phrases(doc)] == ["fiber-optic network"]
    joins = gap_joins(doc)
    assert joins is not None and joins._view is not None


def test_a_detached_dash_or_a_slash_is_not_a_word_gap(nlp) -> None:  # noqa: ANN001
    """A dash with spaces around it sets a clause apart, and a slash says "or": neither joins two words."""
    phrases = PhraseSet(nlp)
    phrases.add("t", ["fiber optic network", "carbon/carbon composites", "radiological nuclear"])
    phrases.build()
    text = "The fiber - optic network; radiological/nuclear threats; carbon carbon composites."
    assert _found(phrases, text) == []
    assert [t for _, t, _ in _found(phrases, "carbon/carbon composites")] == ["carbon/carbon composites"]


@pytest.mark.parametrize(
    ("term", "found", "not_found"),
    [
        ("COVID-19", ["COVID-19", "COVID 19"], ["COVID", "COVID-2019"]),
        ("Ti-6Al-4V", ["Ti-6Al-4V"], ["Ti 6Al", "6Al-4V"]),
        ("K-12", ["K-12", "K 12"], ["K-1", "K"]),
        ("X-ray", ["X-ray", "X-rays", "x ray"], ["ray", "X"]),
        ("BSL-3", ["BSL-3", "BSL 3"], ["bsl-3", "BSL-2"]),  # an acronym: matched by ORTH, case-sensitively
    ],
)
def test_a_hyphen_inside_a_name_is_kept(nlp, term: str, found: list[str], not_found: list[str]) -> None:  # noqa: ANN001
    phrases = PhraseSet(nlp)
    phrases.add("t", [term])
    phrases.build()
    for text in found:
        assert [t for _, t, _ in _found(phrases, f"The {text} work.")] == [text], text
    for text in not_found:
        assert _found(phrases, f"The {text} work.") == [], text


def test_acronyms_keep_their_case_across_a_hyphen(nlp) -> None:  # noqa: ANN001
    phrases = PhraseSet(nlp)
    phrases.add("t", ["C-UAS", "O-RAN"])
    phrases.build()
    assert _found(phrases, "C-UAS and O-RANs, not c-uas or o-ran.") == [
        ("t", "C-UAS", True),
        ("t", "O-RANs", True),
    ]


def test_token_patterns_of_rules_see_the_text_as_written(nlp) -> None:  # noqa: ANN001
    """A rule's spaCy token patterns run over the block's own tokens: a hyphen in a pattern is still a token."""
    rule = Rule(
        id="t",
        category="bio",
        terms=["enhanced pathogen"],
        patterns=[[{"LOWER": "gain"}, {"ORTH": "-"}, {"LOWER": "of"}, {"ORTH": "-"}, {"LOWER": "function"}]],
    )
    compiled = CompiledRules(nlp, [rule])
    doc = nlp("A gain-of-function study of an enhanced-pathogen; gain of function.")
    hits, _ = compiled.hits(doc)
    assert [doc[h.start : h.end].text for h in hits] == ["gain-of-function", "enhanced-pathogen"]


def test_a_listed_term_is_found_in_a_mixed_spelling(detector: Detector) -> None:
    assert "defence" in categories(
        detector, "We will model how high power-microwaves couple into the wiring of small drones."
    )
    assert "sensing" in categories(
        detector, "We will build a ring-laser gyroscope for the navigation of ships."
    )


def test_a_span_across_a_skipped_hyphen_keeps_its_text_and_location(detector: Detector) -> None:
    text = "Our state-of-the-art work will build a ring-laser gyroscope for the navigation of ships."
    hit = next(f for f in _findings(detector, text) if f.rule_id == "sensing-inertial-lasers-detectors")
    assert hit.text == "ring-laser gyroscope"
    assert (hit.start, hit.end) == (text.index("ring"), text.index(" for"))
    assert hit.location.line == 1 and hit.location.column == text.index("ring") + 1
    assert "ring-laser gyroscope" in hit.context and "('ring-laser gyroscope')" in hit.reasons[0]


def test_a_block_without_a_gap_mark_is_matched_as_before(detector: Detector) -> None:
    text = "We will build a ring laser gyroscope for the navigation of ships."
    hit = next(f for f in _findings(detector, text) if f.rule_id == "sensing-inertial-lasers-detectors")
    assert (hit.text, hit.start, hit.end) == ("ring laser gyroscope", 16, 36)


def test_a_combining_form_is_also_written_solid() -> None:
    assert "ultrahigh temperature ceramics" in _variants("ultra-high temperature ceramics")
    assert "nanodevices" in _variants("nano-devices")


@pytest.mark.parametrize(
    ("term", "solid"),
    [
        ("counter-terrorism", "counterterrorism"),
        ("non-proliferation", "nonproliferation"),
        ("multi-material 3D printing", "multimaterial 3D printing"),
    ],
)
def test_prefixes_of_everyday_words_are_not_closed_up(term: str, solid: str) -> None:
    assert solid not in _variants(term)


@pytest.mark.parametrize(
    ("category", "text"),
    [
        (
            "materials",
            "Ultrahigh temperature ceramics with tailored microstructures will be designed and manufactured.",
        ),
    ],
)
def test_a_listed_term_is_found_in_another_spelling(detector: Detector, category: str, text: str) -> None:
    assert category in categories(detector, text)
