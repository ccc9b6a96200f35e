"""Forms of short and generic listed names this round's hand-written texts showed: a Soviet honorific left out of a
long name, "N.A." before whom a body is named after, a federal legal form without "State", a state corporation's
head left out with its country; and look-alikes of the same forms in other countries."""

from __future__ import annotations

import pytest

from grantscan.pipeline import Scanner

from .test_partners_forms import designated, orgs


@pytest.mark.parametrize(
    "text,entry_id",
    [
        # 'Moscow Order of the Red Banner of Labor Research Radio Engineering Institute JSC'
        ("Moscow Research Radio Engineering Institute JSC will test the radar modules.", "EL-2497"),
        # 'N.A. Dollezhal Order of Lenin Research and Design Institute of Power Engineering JSC'
        (
            "The Dollezhal Research and Design Institute of Power Engineering in Moscow will model the core.",
            "RUS1442",
        ),
        # 'Federal Autonomous Institution Central Institute of Engine-Building N.A. P.I. Baranov': both parts
        ("Combustor tests will run at the Central Institute of Engine-Building in Moscow.", "EL-2050"),
        # 'State Corporation Deposit Insurance Agency (DIA)', its head and country left out, its city named
        ("The bank's records are held by the Deposit Insurance Agency in Moscow.", "RUS2724"),
        # a leading 'National' or 'Main' left out with the country, the city named
        ("Imagery comes from the Aerospace Technology Administration in Pyongyang.", "DPR0180"),
        ("Secure links are provided by the Centre of Special Communication, FSUE, in Moscow.", "RUS2402"),
        # a name of two short or everyday words, with its own country or none
        ("Components will be shipped by DM Link, a Moscow distributor.", "EL-2009"),
        ("Components will be shipped by DM Link on time.", "EL-2009"),
        # a legal form, 'of' and the city: the name ends at its legal form, the city places it
        ("IMA Consulting LLC of Moscow will run the stakeholder survey.", "RUS1565"),
        ("Servers come from MT Systems LLC of Moscow.", "RUS2620"),
        ("Art Logistics Ltd of Moscow will handle freight to the test site.", "EL-1932"),
    ],
)
def test_found(scanner: Scanner, text: str, entry_id: str) -> None:
    assert entry_id in designated(orgs(scanner, text))


@pytest.mark.parametrize(
    "text",
    [
        "Bank data come from the Deposit Insurance Agency in Belgrade, Serbia.",
        "Imagery comes from the Korea AeroSpace Administration in Sacheon, South Korea.",
        "The Institute of Power Engineering in Warsaw will model the boiler.",
        "Combustor tests will run at the Institute of Aviation in Warsaw, Poland.",
        # listed names of two everyday or short words ('DM Link', 'Art Logistics LLC') in a sentence naming
        # another country only: another company of the same words
        "Components will be shipped by DM Link Ltd, a Bristol distributor.",
        "Art logistics are handled by Momart Ltd in London.",
        "MT Systems LLC of Leeds integrates the servers.",
        "Art Logistics Ltd of London will handle freight.",
        # the same names in a town of another country
        "Work package 3 is carried out with VZ RTO in Graz, Austria.",
        "The subcontractor, Systema VP in Sheffield, supplies the test equipment.",
        # the entry's city named in another sentence, in another role
        "Antenna masts come from VZ RTO. The project meeting is held in Volgograd in May.",
        "Parts come from MZ RIP. The 2019 conference on radar was held in Vladimir.",
        # the city is a word of the listed name itself: it places nothing ('Kazan Helicopter Plant', Kazan)
        "Repairs are done by Plant Kazan Helicopter Ltd, Derby, UK.",
        # names of short letter groups in another country, and the same letters in other roles
        "SP Era Ltd in Warsaw, Poland sells the lamps.",
        "Cables come from AB Tel Co in Stockholm, Sweden.",
        "PKB RIO Ltd of Rio de Janeiro, Brazil builds the boats.",
        "Our VO TPE partner is in Seoul, South Korea.",
        "The SP and the VO of the project sit in Lyon.",
        "Backups follow an RTO of four hours set by the IT team in Leeds.",
        "Samples are read in mV and kHz by the EL TEL group in Graz.",
    ],
)
def test_look_alike_not_flagged_high(scanner: Scanner, text: str) -> None:
    assert designated(orgs(scanner, text)) == set()


def test_head_left_out_with_no_place_is_a_possible_match(scanner: Scanner) -> None:
    """The generic rest of a name whose 'Main' is left out, with no place: a check, neither high nor silence."""
    found = orgs(scanner, "Secure links are provided by the Centre of Special Communication.")
    assert designated(found) == set()
    assert any(f.severity == "medium" and m.entry_id == "RUS2402" for f in found for m in f.lists)


def test_generic_name_with_another_legal_form_is_a_possible_match(scanner: Scanner) -> None:
    """'United Shipbuilding Company' for the listed '... United Shipbuilding Corporation', no place: a check."""
    found = orgs(scanner, "We work with United Shipbuilding Company on optics.")
    assert designated(found) == set()
    assert any(f.severity == "medium" and m.entry_id == "RUS0242" for f in found for m in f.lists)


def test_generic_name_of_two_words_alone_stays_silent(scanner: Scanner) -> None:
    """A name of two generic words with no legal form and no place names many bodies: no finding of a list."""
    found = orgs(scanner, "We work with the Institute of Physics on optics.")
    assert all(not f.lists for f in found)


# -- a typo in a distinctive listed word of five letters -----------------------------------------------------------


@pytest.mark.parametrize(
    "text,entry_id",
    [
        # 'JOINT-STOCK COMPANY VNIIR-PROGRESS', two letters swapped in its five-letter word
        ("Under the Grant Agreement, Partner 3 is JOINT-STOCK COMPANY VNIRI-PROGRESS.", "RUS2153"),
        ("Partner 3 is JOINT-STOCK COMPANY VNIIR-PROGRESS.", "RUS2153"),
    ],
)
def test_five_letter_word_with_a_typo_seeds_a_run(scanner: Scanner, text: str, entry_id: str) -> None:
    """A distinctive listed word of five letters written with a typo starts a run as it is when spelt as listed."""
    assert entry_id in designated(orgs(scanner, text))


def test_five_letter_typo_seeds_only_a_word_that_is_not_an_everyday_one(scanner: Scanner) -> None:
    """'Vniri' is a seed (within a typo of the listed 'vniir'); everyday words of five letters within a typo of a
    listed seed ('Allow' of 'alloy', 'Agree' of 'green') are read as they are spelt and seed nothing."""
    index = scanner.detector.partners.screen
    assert index.is_seed("Vniri") and index.is_seed("VNIRI")
    assert {"allow", "agree"} <= index.common
    assert not index.is_seed("Allow") and not index.is_seed("Agree")


# -- names of two or three short letter groups ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,entry_id",
    [
        ("Antenna masts come from VZ RTO, Volgograd, Russia.", "EL-2612"),
        ("Partner 2 is OOO VO TPE, a Moscow exporter.", "EL-2434"),
        ("Hull studies are run with AO PKB RIO in St. Petersburg.", "EL-2296"),
        ("El-Tel Co in Syria supplies the cables.", "SYR0298"),
        ("Lamps are tested by SP Era in Russia.", "EL-2530"),
    ],
)
def test_letter_groups_placed_in_the_entry_country_are_found(
    scanner: Scanner, text: str, entry_id: str
) -> None:
    """A name of short letter groups, placed by the text in the entry's country or city: the listed body."""
    assert entry_id in designated(orgs(scanner, text))


@pytest.mark.parametrize(
    "text,entry_id",
    [
        ("We work with VZ RTO on the antennas.", "EL-2612"),
        ("Parts come from OOO VO TPE.", "EL-2434"),
        ("The PKB RIO designs the hull.", "EL-2296"),
    ],
)
def test_letter_groups_with_no_place_are_a_possible_match(scanner: Scanner, text: str, entry_id: str) -> None:
    """The same letters with no place: which body they name is for a reader to check (medium), not a match."""
    found = orgs(scanner, text)
    assert designated(found) == set()
    assert any(f.severity == "medium" and m.entry_id == entry_id for f in found for m in f.lists)


# -- a generic or short listed name placed by its entry's own city -------------------------------------------------


@pytest.mark.parametrize(
    "text,entry_id",
    [
        # 'Volgograd Oblast' listed: the city alone, which the place word lists do not know, places it
        ("Antenna masts come from VZ RTO in Volgograd.", "EL-2612"),
        ("Work package 3 is carried out with VZ RTO of Volgograd.", "EL-2612"),
        # 'Wah Cantt' listed; 'of' and the city end the name
        ("Under this agreement MSN International of Wah Cantt shall provide samples.", "EL-1758"),
        ("The consortium includes Systema VP in Zelenograd as an associate partner.", "EL-2804"),
        ("Partner 2: ODK-Star of Perm. Role: data collection.", "EL-2392"),
    ],
)
def test_name_placed_by_its_entry_city_is_found(scanner: Scanner, text: str, entry_id: str) -> None:
    """The entry's own city named beside a generic or short name places it, whatever the place lists know."""
    found = orgs(scanner, text)
    assert entry_id in designated(found)
    assert any("the listed city" in x for f in found for m in f.lists for x in m.evidence)


def test_name_with_an_unknown_city_of_another_entry_stays_unplaced(scanner: Scanner) -> None:
    """'VZ RTO of Vladimir' (not its listed city): the name is no more than a possible match to check."""
    found = orgs(scanner, "Work package 3 is carried out with VZ RTO in Vladimir.")
    assert designated(found) == set()


def test_entry_city_is_read_as_a_written_city() -> None:
    """The listed city is read without its region word, as a whole word written with a capital, with its
    diacritics and apostrophes dropped; a city field of address words ('Units') names no city."""
    from grantscan.detect.partners.verdict import _city_named

    assert _city_named("Volgograd Oblast", "Masts come from VZ RTO in Volgograd.")
    assert _city_named("Xi'an", "Parts come from the Xian plant.")
    assert _city_named("Perm", "Parts come from ODK-Star (Pérm).")
    assert not _city_named("Perm", "Hair is set by a perm.")
    assert not _city_named("Perm", "The Permian rocks are old.")
    assert not _city_named("Units", "The Units are ready.")
