"""Listed company names of trade words alone ('Innovation and Technologies LLC', 'JSC Digital Solutions'): many
unlisted companies equal them once normalised, so they are designated only with their legal form written, their
country or city named, or their own written form ('and', plural); else at most a possible match. Listed names of a
distinctive everyday word and trade words ('Integrity Technology Group') are found as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from grantscan.detect.partners.verdict import company_name, legal_forms_in
from grantscan.detect.partners.words import load_word_lists, word_lists
from grantscan.model import Finding
from grantscan.pipeline import Scanner


def matches(scanner: Scanner, text: str) -> dict[str, str]:
    """Entry id -> the severity of its finding, for every list match of the text's organisations."""
    found: list[Finding] = [
        f for f in scanner.scan_text(text).findings if f.category == "organisation" and f.kind == "finding"
    ]
    return {m.entry_id or m.entry: f.severity for f in found for m in f.lists}


@pytest.mark.parametrize(
    "text,entry_id",
    [
        ("We partner with Innovation and Technologies LLC on batteries.", "EL-2156"),  # as listed
        ("We partner with Innovation and Technologies on batteries.", "EL-2156"),  # its own wording
        ("We partner with Innovation Technologies, OOO on batteries.", "EL-2156"),  # OOO is an LLC
        ("We partner with Innovation Technology in Russia on batteries.", "EL-2156"),  # its country
        ("JSC Digital Solutions will build the dashboard.", "EL-2322"),
        ("Under this agreement PAO United Shipbuilding Corporation shall provide samples.", "RUS0242"),
        ("The subcontractor, General Technology Limited, will supply test equipment.", "EL-0553"),
        # a distinctive everyday word: no legal form needed
        ("Partner 2: Myanmar Economic Holdings. Role: data collection.", "GHR0080"),
        ("We work with Integrity Technology Group on threat data.", "CYB0113"),
        ("The subcontractor, Positive Technologies, will audit the code.", "EL-2636"),
    ],
)
def test_listed_company_name_written_as_listed_is_high(scanner: Scanner, text: str, entry_id: str) -> None:
    assert matches(scanner, text).get(entry_id) == "high"


@pytest.mark.parametrize(
    "text,entry_id",
    [
        ("We partner with Innovation Technology on battery recycling.", "EL-2156"),
        ("Digital Solutions will build the dashboard for the pilot.", "EL-2322"),
    ],
)
def test_normalised_alone_is_a_possible_match(scanner: Scanner, text: str, entry_id: str) -> None:
    got = matches(scanner, text)
    assert got.get(entry_id) == "medium" and "high" not in got.values()


@pytest.mark.parametrize(
    "text",
    [
        "We partner with Peking Innovation Technology on battery recycling.",  # another country's place
        "Innovation Technologies Ltd, a Cambridge start-up, will build the sensor.",  # another legal form
        "The consortium includes Innovation Technology, Leeds, UK as an associate partner.",
        "Partner 2: Digital Solutions, Graz, Austria. Role: data collection.",
        "We will exchange two doctoral researchers with United Shipbuilding during the second year.",
        "Under this agreement Advanced Technology Development Ltd shall provide samples.",
    ],
)
def test_generic_company_look_alike_is_not_high(scanner: Scanner, text: str) -> None:
    assert "high" not in matches(scanner, text).values()


@pytest.mark.parametrize(
    "text",
    [
        "Applied Innovation Technologies will supply the reagents.",
        "Data are stored by Integrity Technology Solutions in Manchester.",
    ],
)
def test_listed_company_name_inside_a_longer_one_is_another_company(scanner: Scanner, text: str) -> None:
    """A further trade word makes another company of a listed name of everyday and trade words."""
    assert matches(scanner, text) == {}


def test_company_names_are_those_of_trade_words_alone() -> None:
    assert company_name("Innovation and Technologies LLC") == (
        ("innovation", "and", "technologies"),
        frozenset({"llc"}),
    )
    assert company_name("JSC Digital Solutions") == ((), frozenset({"jsc"}))  # nothing beyond its words
    assert company_name("Integrity Technology Group Incorporated") is None  # 'integrity' names it
    assert company_name("Marine Instrument Engineering Corporation") is None  # three such words name one body


def test_legal_forms_are_read_in_their_short_form() -> None:
    assert legal_forms_in("innovation limited liability company".split()) == {"llc"}
    assert legal_forms_in("ooo lazurnaya".split()) == {"llc"}
    assert legal_forms_in("public joint stock company united".split()) == {"jsc"}
    assert legal_forms_in(["pao", "x", "ltd"]) == {"jsc", "ltd"}
    assert legal_forms_in(["innovation", "technology"]) == set()


def test_company_words_are_listed_apart_from_everyday_words() -> None:
    wl = word_lists()
    assert {"innovation", "digital"} <= wl.company_words
    assert "integrity" not in wl.company_words and "myanmar" not in wl.company_words


def test_a_word_list_file_without_company_words_still_loads(tmp_path: Path) -> None:
    text = (Path(__file__).parents[1] / "patterns" / "screening.yaml").read_text(encoding="utf-8")
    start = text.index("company_words:")
    end = text.index("]", start) + 1
    path = tmp_path / "screening.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert load_word_lists(path).company_words == frozenset()
