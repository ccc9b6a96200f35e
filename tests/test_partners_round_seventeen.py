"""Written forms of listed names read as other names, or not read at all, before: a name followed by 'of' and one
place ('Chitron Electronics of Shenzhen, China'); a university's, institute's or academy's name written without its
head word in its own country ('Harbin Engineering in Harbin, China'); a first word or an acronym written with a
curly apostrophe or a Unicode hyphen ('IS\u2019Vision', 'IRGC\u2011ASF'); names in a table row and with their acronym
in brackets. Each with look-alikes of the same form that must not be flagged high."""

from __future__ import annotations

import pytest

from grantscan.detect.partners.screening import ScreeningIndex
from grantscan.detect.partners.verdict import name_holds
from grantscan.pipeline import Scanner

from .test_partners_forms import designated, high, orgs


@pytest.mark.parametrize(
    "text,entry_id",
    [
        # a name, 'of' and its city (and country): the place places the body, it is no part of its name
        ("Parts come from Chitron Electronics of Shenzhen, China.", "EL-0485"),
        (
            "This proposal involves a research collaboration with Zhangjiang Laboratory of Shanghai on sensing.",
            "EL-1231",
        ),
        # an academic head word left out, the body placed where its entry is
        ("We will exchange two doctoral researchers with Harbin Engineering in Harbin, China.", "EL-0594"),
        ("Partner 2: Air Force Engineering (China). Role: data collection.", "EL-0198"),
        ("Letters of support were received from Iran Composites in Iran.", "INU0074"),
        # a curly apostrophe, a straight one in another case, a non-breaking hyphen inside a first word
        ("The subcontractor, IS\u2019Vision (Shanghai), will supply test equipment.", "EL-0685"),
        ("The subcontractor, Is'vision, will supply test equipment.", "EL-0685"),
        ("Partner 2: Minotor\u2011Service (Minsk, Belarus). Role: data collection.", "EL-0068"),
        # a listed acronym written with a non-breaking hyphen
        ("Partner 2: IRGC\u2011ASF in Iran. Role: data collection.", "EL-1438"),
        ("Partner 2: SMT\u2011K in Russia. Role: data collection.", "EL-1272"),
        # an acronym with its name in brackets, either way round; a table row of name, city and country
        ("Partner 2: NUDT (National University of Defense Technology). Role: data collection.", "EL-0800"),
        ("Partner 2: Harbin Engineering University (HEU), Harbin, China.", "EL-0594"),
        (
            "| Partner | City | Country |\n|---|---|---|\n| Chitron Electronics Company | Shenzhen | China |",
            "EL-0485",
        ),
    ],
)
def test_found(scanner: Scanner, text: str, entry_id: str) -> None:
    assert entry_id in designated(orgs(scanner, text))


@pytest.mark.parametrize(
    "text",
    [
        # the same names 'of' a UK or European town
        "Parts come from Chitron Electronics of Leeds, UK.",
        "This proposal involves a research collaboration with Zhangjiang Laboratory of Bristol on sensing.",
        "Letters of support were received from EKT Electronics of Porto, our industrial partner.",
        # the same words without the head, as another company or with no place at all
        "We will exchange researchers with Harbin Engineering Ltd in Leeds.",
        "We will exchange researchers with Harbin Engineering.",
        "Partner 2: Software Research Ltd in Leeds. Role: data collection.",
        # other bodies' names with a curly apostrophe or a non-breaking hyphen
        "The subcontractor, O\u2019Neill Precision Engineering Ltd in Leeds, will supply test equipment.",
        "Partner 2: D\u2019Arcy Instruments (Bristol). Role: data collection.",
        "The ABC\u2011DE team in Leeds leads work package 2.",
        # UK bodies with their own acronyms in brackets; a table row of a UK town
        "Partner 2: National Physical Laboratory (NPL), Teddington. Role: metrology.",
        "| Partner | City | Country |\n|---|---|---|\n| Rutherford Appleton Laboratory | Didcot | United Kingdom |",
    ],
)
def test_look_alike_not_flagged_high(scanner: Scanner, text: str) -> None:
    assert not high(scanner, text)


def test_head_left_out_without_a_place_is_a_possible_match(scanner: Scanner) -> None:
    found = orgs(scanner, "We will exchange researchers with Harbin Engineering.")
    statuses = {m.status for f in found for m in f.lists if m.entry_id == "EL-0594"}
    assert statuses == {"possible"}
    assert any("head word 'University'" in r for f in found for r in f.reasons)


def test_a_place_the_listed_name_holds_places_nothing() -> None:
    assert name_holds("Beijing Institute of Technology", "Beijing")
    assert not name_holds("Chitron Electronics Company Ltd", "Shenzhen")


def test_marked_first_word_and_acronym(scanner: Scanner) -> None:
    screen: ScreeningIndex = scanner.detector.partners.screen
    assert screen._marked_kind("IS\u2019Vision") is True
    assert screen._marked_kind("IS'Vision") is True
    assert isinstance(screen._marked_kind("IRGC\u2011ASF"), tuple)
    assert screen._marked_kind("O\u2019Neill") is False
    assert screen._marked_kind("Vision") is False  # no mark: the first-word look-up decides as before
