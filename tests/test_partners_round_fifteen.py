"""Written forms of a listed name and of the place that decides a generic one: initials joined by '&' ('E&I Systems'
for 'E and I Systems FZE'), the free-zone legal forms of the United Arab Emirates, a region in its adjective or
noun form ('Sverdlovsk Region' for 'Sverdlovskaya Oblast'), a city in another transliteration ('Nizhnii
Novgorod'), Hong Kong for a body the Entity List files under China; and look-alikes of the same forms."""

from __future__ import annotations

import pytest

from grantscan.detect.partners.screening import initials_forms, name_words
from grantscan.detect.partners.verdict import _city_key, _city_named
from grantscan.pipeline import Scanner

from .test_partners_forms import designated, high, orgs


@pytest.mark.parametrize(
    "text,entry_id",
    [
        # initials joined by '&' in one word, for a name listed with 'and' ('E and I Systems FZE')
        ("Control cabinets are built by E&I Systems (Umm Al Quwain, UAE).", "EL-3216"),
        # and for a name listed with '&' ('S&D Industry Ltd.'), written without its legal form
        ("Fasteners are sourced from S&D Industry in Dubai.", "EL-3308"),
        # an alias of initials ('M&S Electronics' for 'Chengdu Mengsheng Electronic Technology Co., Ltd.')
        ("Boards are assembled by M&S Electronics (China) for the demonstrator.", "1260H-0020"),
        # a free-zone legal form left out ('ALPA TRADING FZCO'), the city and country named
        ("Pumps are supplied by Alpa Trading of Dubai, United Arab Emirates.", "GIM0030"),
        # the region in its adjective form for a listed noun form ('Novosibirsk Oblast', 'Pskov Oblast')
        ("Sensors are bought from the Institute of Applied Physics, Novosibirskaya oblast.", "EL-2251"),
        ("Enclosures come from AO SKB VT (Pskovskaya oblast).", "EL-2342"),
        # a listed noun form ('Volgograd Oblast') written as the adjective
        ("Masts are supplied by VZ RTO (Volgogradskaya oblast).", "EL-2612"),
        # the city in another transliteration ('Yekaterinburg', 'Nizhny Novgorod')
        ("The radio modules are made by NPO PRZ of Nizhniy Novgorod.", "EL-2317"),
        # Hong Kong, which the Entity List files under China
        ("Our distributor is General Technology Limited of Hong Kong.", "EL-0553"),
        ("Samples will be shipped via Win Key in Hong Kong.", "EL-1142"),
    ],
)
def test_found(scanner: Scanner, text: str, entry_id: str) -> None:
    assert entry_id in designated(orgs(scanner, text))


@pytest.mark.parametrize(
    "text",
    [
        # the same written forms in another country
        "Fasteners are sourced from S&D Industry Ltd in Leeds.",
        "Control cabinets are built by E&I Systems Ltd of Sheffield.",
        "Pumps are supplied by Alpa Trading Ltd of Leeds.",
        "Sensors are bought from the Institute of Applied Physics, Kharkiv oblast.",
        "Field trials are hosted by Vest-Ost GmbH in Graz, Austria.",
        "Masts are supplied by VZ RTO Ltd in Kharkiv, Ukraine.",
        "Drives come from NPP Start, based in Kharkov.",
        "Samples will be shipped via Win Key Ltd in Singapore.",
        # initials in other roles
        "The R&D team of the university in Leeds leads work package 2.",
        "A Q&A session follows each talk at the workshop in Ghent.",
        "Our S&T budget is managed by the faculty in Porto.",
        # a lone listed word with a possessive after it is its owner, a person as often as a body
        "Optics have come a long way from Newton's innovations in reflecting telescopes.",
    ],
)
def test_look_alike_not_flaggedhigh(scanner: Scanner, text: str) -> None:
    assert not high(scanner, text)


def test_initials_are_one_word_in_one_token() -> None:
    assert name_words("S&D Industry Ltd.") == ("sd", "industry")
    assert name_words("M&K Industries") == name_words("M&K") + name_words("Industries")
    # a pair the lists expand or drop stays two letters, as before ('S&T' is not 'St', 'A&B' not 'AB')
    assert "saint" not in name_words("Huazhong University of S&T")
    assert name_words("A&B Logistics") == name_words("A & B Logistics")


def test_initials_forms_of_a_listed_name() -> None:
    assert initials_forms("M and K Industries") == ["M&K Industries", "M & K Industries"]
    assert initials_forms("S&D Industry") == ["S & D Industry", "S and D Industry"]
    # small letters or a longer word are no initials
    assert initials_forms("Research and Development Centre") == []
    assert initials_forms("a and b") == []


@pytest.mark.parametrize(
    "a,b",
    [
        ("Sverdlovskaya", "Sverdlovsk"),
        ("Sverdlov", "Sverdlovsk"),
        ("Rostovskaya", "Rostov"),
        ("Omskaya", "Omsk"),
        ("Moskovskaya", "Moscow"),
        ("Nizhnii", "Nizhny"),
        ("Kharkiv", "Kharkov"),
    ],
)
def test_city_written_forms_share_a_key(a: str, b: str) -> None:
    assert _city_key(a) == _city_key(b)


@pytest.mark.parametrize(
    "a,b",
    [
        ("Rostock", "Rostov"),  # a German port, not the Russian city
        ("Permian", "Perm"),
        ("Omega", "Omsk"),
        ("Tula", "Tver"),
    ],
)
def test_other_words_keep_their_own_key(a: str, b: str) -> None:
    assert _city_key(a) != _city_key(b)


def test_listed_city_read_in_its_other_forms() -> None:
    assert _city_named("Nizhny Novgorod Oblast", "Radios come from NPO PRZ in Nizhnii Novgorod.")
    assert _city_named("Sverdlovskaya Oblast", "Trials run at Vest-Ost, Sverdlovsk Region.")
    assert _city_named("Chengdu", "Boards come from the plant in Cheng-du.")
    # a field of a city and its region: the city alone names it
    assert _city_named("Protvino Moskovskaya Oblast", "Beams are tested at the accelerator in Protvino.")
    assert _city_named("Xi'an Shaanxi", "Parts come from the Xian plant.")
    # but a city of two words is not named by one of them ('Novgorod' is Veliky Novgorod, another city)
    assert not _city_named("Nizhny Novgorod Oblast", "Parts come from the museum in Novgorod.")
    # a city's words written in lower case, or another city of the same first letters, name no city
    assert not _city_named("Chengdu", "The word cheng-du is a syllable pair.")
    assert not _city_named("Rostov Oblast", "Parts come from the port of Rostock.")
