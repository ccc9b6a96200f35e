"""The language stage: a document the English packs cannot read is named, in every report, and English text
is settled without loading the language model."""

from __future__ import annotations

import json

import pytest

from grantscan import language
from grantscan.model import Document, Location, ScanResult, TextBlock
from grantscan.pipeline import Scanner
from grantscan.report import render

FRENCH = (
    "Ce projet développe des essaims de drones autonomes pour un usage militaire. Les partenaires de "
    "l'Université nationale de technologie de défense en Chine fourniront les capteurs inertiels et les "
    "algorithmes de navigation. Les essais en vol auront lieu sur une base de l'armée de l'air et les "
    "résultats seront partagés avec le ministère de la Défense."
)
ENGLISH = (
    "This project develops swarms of autonomous drones for military use. The partners at the National "
    "University of Defense Technology in China will provide the inertial sensors and the navigation "
    "algorithms. The flight trials will take place at an air force base and the results will be shared."
)
GERMAN = (
    "Dieses Projekt entwickelt Schwärme autonomer Drohnen für den militärischen Einsatz. Die Partner an der "
    "Nationalen Universität für Verteidigungstechnologie in China liefern die Trägheitssensoren und die "
    "Navigationsalgorithmen. Die Flugversuche finden auf einem Stützpunkt der Luftwaffe statt."
)


def doc(*texts: str) -> Document:
    return Document(
        "d.txt", "text", [TextBlock(t, Location(line=1 + 2 * i, column=1)) for i, t in enumerate(texts)]
    )


def test_a_french_or_german_document_is_named_and_an_english_one_is_not() -> None:
    assert language.detect_language(doc(FRENCH))[0] == "fr"
    warning = language.language_warning(doc(FRENCH))
    assert warning is not None and warning.startswith("written in French (fr, confidence ")
    assert "the detection rules cover English only" in warning
    assert language.language_warning(doc(GERMAN)).startswith("written in German (de,")
    assert language.language_warning(doc(ENGLISH)) is None
    assert language.language_warning(doc("Drones.")) is None  # too little text to tell


def test_plain_english_never_loads_the_model() -> None:
    language._identifier.cache_clear()
    assert language.detect_language(doc(ENGLISH)) == ("en", 1.0)
    assert language._identifier.cache_info().currsize == 0
    language.detect_language(doc(FRENCH))
    assert language._identifier.cache_info().currsize == 1


def test_the_sample_spreads_over_the_document() -> None:
    """An English cover section longer than the sample window does not make a French document English."""
    cover, body = [ENGLISH] * 80, [FRENCH] * 160
    assert sum(len(t) for t in cover) > language.SAMPLE_CHARS
    assert language.detect_language(doc(*cover, *body))[0] == "fr"


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner()


def test_the_pipeline_puts_the_warning_on_the_result_and_every_report_shows_it(scanner: Scanner) -> None:
    result = scanner.scan_text(FRENCH, name="proposition.txt")
    assert [w.split(" (")[0] for w in result.warnings] == ["written in French"]
    assert scanner.scan_text(ENGLISH).warnings == []
    scan = ScanResult([result], tool_version="1.0")
    assert json.loads(render(scan, "json"))["documents"][0]["warnings"] == result.warnings
    for fmt in ("text", "csv", "md", "html", "sarif"):
        assert "written in French" in render(scan, fmt, color=False), fmt
