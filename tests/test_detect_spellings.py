"""Terms are matched with spaces or hyphens at their word gaps ("gain-of-function" for the listed "gain of
function") and with a scientific combining form written solid ("ultrahigh" for "ultra-high"). Prefixes that also
make everyday words keep only the spellings the packs list."""

from __future__ import annotations

import pytest

from grantscan.detect import Detector
from grantscan.detect.matcher import _variants

from .test_false_friends import categories


def test_a_term_is_written_with_spaces_or_hyphens() -> None:
    forms = set(_variants("fiber optic network"))
    assert {"fiber-optic-network", "fiber optic networks", "fiber-optic-networks"} <= forms
    assert set(_variants("gain-of-function")) >= {"gain of function", "gain-of-function"}


def test_mixes_of_spaces_and_hyphens_are_not_patterns() -> None:
    """Each spelling is a path of the match trie held in memory by every process: the mixes of the packs' terms
    cost about 5 MB of peak memory for one more development document found."""
    assert "fiber-optic network" not in _variants("fiber optic network")
    assert "gain-of function" not in _variants("gain of function")


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
