"""Round fourteen: families seen in calls and programme texts of intelligence, space and defence-laboratory
funders. Each genuine sentence has a twin that shares its words but not its subject, so a test fails if the
family stops firing as well as if the twin starts to. Sentences are written for the test, not copied from the
corpus rows."""

from __future__ import annotations

import pytest

from grantscan.detect import Detector
from tests.fixtures.detect import categories, country_reader

# (category, genuine sentence, twin that must not be found)
TWINS = [
    # "information assurance", the US federal and defence name of information security (NSA/DHS centres of
    # academic excellence, AFOSR's portfolio), against quality assurance of information leaflets
    (
        "cyber",
        "The centres promote higher education and research in information assurance and cyber security.",
        "The clinic's information team gives quality assurance on the patient leaflets.",
    ),
    (
        "cyber",
        "Designated universities teach information assurance and network security to future analysts.",
        "Designated universities give assurance that information on fees is accurate.",
    ),
    # military and intelligence cyber operations against a cyber cafe's operations
    (
        "cyber",
        "Cadets study cyber operations and network security in the academy's range.",
        "Cadets staff the cyber cafe and its operations desk in the academy's library.",
    ),
    # NASA's directorate named as an office against the space technology a solicitation asks for
    (
        "space",
        "NASA's Space Technology Mission Directorate solicits university proposals for lunar surface space "
        "technology research.",
        "NASA's Office of Education works with the Space Technology Mission Directorate and NASA's ten centers.",
    ),
]


@pytest.mark.parametrize(("category", "genuine", "twin"), TWINS, ids=[f"{c}:{g[:40]}" for c, g, _ in TWINS])
def test_family_fires_and_twin_does_not(detector: Detector, category: str, genuine: str, twin: str) -> None:
    assert category in categories(detector, genuine), genuine
    assert category not in categories(detector, twin), twin


@pytest.fixture(scope="module")
def countries():
    return country_reader()


# a town opening a longer place name (an installation, a shipyard), then a comma and a US state: the place is in
# that state, whatever country a town of that name is in; a town alone or with its own country keeps its country
PLACES = [
    ("The two organizations signed the agreement on Aberdeen Proving Ground, Maryland, in February.", {"US"}),
    ("Engineers at Portsmouth Naval Shipyard, Maine, repair attack submarines.", {"US"}),
    ("The workshop on offshore sensing was held in Aberdeen, Scotland.", {"GB"}),
    ("The partners met at Aberdeen Harbour Board, Scotland, to plan the trials.", {"GB"}),
    # the federal district named in full is in the United States; British Columbia stays in Canada
    ("The designated centres span 39 States and the District of Columbia.", {"US"}),
    ("Disputes go to the Federal Courts located within the District of Columbia.", {"US"}),
    ("Field offices in British Columbia will host the trials.", {"CA"}),
    # a news release's dateline in capitals is the issuer's place, even for a place that is also a given name
    ("WASHINGTON (NASA PR) - NASA plans to fly lunar payloads built by student teams.", {"US"}),
    ("WASHINGTON - After a rigorous competition, the agency selected a university team.", {"US"}),
    ("WASHINGTON IRVING wrote the sketch in 1819 and it is still read in schools.", set()),
]


@pytest.mark.parametrize(("text", "codes"), PLACES, ids=[t[:40] for t, _ in PLACES])
def test_place_name_then_state(countries, text: str, codes: set[str]) -> None:
    assert countries(text) == codes, text
