"""Written forms of listed names not read before: a name that begins with a bare number ('20 Aviation Repair
Plant', '5 SRZ'), in a sentence or a table cell, and a name of single letters ('LLC A-K-S', 'M.A.C.', 'T.R.O.S')
written with a hyphen, a Unicode hyphen or dash, or dots; a name in quotes after its legal form ('OOO “A-K-S”').
Each with look-alikes of the same form that must not be flagged high: a count, a list item's or a section's number
before capitalised words, a date before a listed name, a person's initials, letters as a grade or a code."""

from __future__ import annotations

import pytest

from grantscan.detect.partners.screening import letters_key
from grantscan.pipeline import Scanner

from .test_partners_forms import designated, high, orgs


@pytest.mark.parametrize(
    "text,entry_id",
    [
        # a bare number of two digits or one, read as part of the listed name, in a sentence and in a table row
        (
            "This proposal involves a collaboration with 20 Aviation Repair Plant in Saint Petersburg, Russia.",
            "EL-2590",
        ),
        (
            "| Partner | City | Country |\n|---|---|---|\n| 20 Aviation Repair Plant | Saint Petersburg | Russia |",
            "EL-2590",
        ),
        ("Partner 2: 20 ARZ (Russia). Role: data collection.", "EL-2590"),
        ("We will work with 5 SRZ in Russia during the second year.", "EL-1851"),
        ("Partner 2: 99 LID (Myanmar). Role: data collection.", "MYA0057"),
        # single letters with an ASCII hyphen, a non-breaking hyphen, an en dash, dots, dots and spaces
        ("We will exchange two doctoral researchers with A-K-S in Russia during the second year.", "EL-2449"),
        (
            "We will exchange two doctoral researchers with A\u2011K\u2011S in Russia during the second year.",
            "EL-2449",
        ),
        (
            "We will exchange two doctoral researchers with A\u2013K\u2013S in Russia during the second year.",
            "EL-2449",
        ),
        ("Partner 2: M.A.C. (Iran). Role: data collection.", "INU0355"),
        ("The subcontractor, I. A. C. in Iran, will supply test equipment.", "INU0401"),
        ("Partner 2: T.R.O.S in Russia. Role: data collection.", "RUS2264"),
        # the name in quotes after its legal form, as Russian company names are written
        ("We will exchange two doctoral researchers with OOO \u201cA-K-S\u201d in Russia.", "EL-2449"),
        ("We will work with JSC \u201cKulon Scientific-Research Institute\u201d in Russia.", "EL-2423"),
    ],
)
def test_found(scanner: Scanner, text: str, entry_id: str) -> None:
    assert entry_id in designated(orgs(scanner, text))


@pytest.mark.parametrize(
    "text",
    [
        # a count or a list item's number before the first words of a numbered name, or before generic words
        "The training programme will host 20 Aviation students in Leeds during the second year.",
        "The training programme will host 140 Repair staff in Leeds during the second year.",
        "Over three years 12 Design Bureau staff will take part in the workshops.",
        "The project flew 81 UAV missions over Leeds.",
        # a section's or clause's number before a UK body
        "3 Institute of Physics, Bristol: letters of support are attached.",
        # a day and month before a listed name that begins with a number
        "On 25 January Committee members of the consortium will meet in Bristol to review the plan.",
        # the listed letters as a person's initials, and as a grade or a code
        "Letters of support were received from A.K.S. Rao of the University of Leeds.",
        "Samples graded A\u2013K\u2013S on the inspection scale will be used in the tests.",
        "Samples graded T. R. O. S. on the inspection scale will be used in the tests.",
        # other letters in a UK town; the listed letters in a UK town
        "Partner 2: D-K-S Ltd in Sheffield. Role: data collection.",
        "We will exchange two doctoral researchers with T.R.O.S in Leeds during the second year.",
        # a name in quotes with no legal form before it is a title's
        "We published in \u201cKulon Scientific-Research Institute Bulletin\u201d last year.",
    ],
)
def test_look_alike_not_flagged_high(scanner: Scanner, text: str) -> None:
    assert not high(scanner, text)


def test_a_count_of_a_listed_name_is_a_note(scanner: Scanner) -> None:
    """The listed name in full before a count noun is named, but as a note: the number counts the nouns."""
    found = orgs(scanner, "The training programme will host 20 Aviation Repair Plant engineers in Leeds.")
    assert found and all(f.severity == "info" for f in found)
    assert any("a count of things" in r for f in found for r in f.reasons)


@pytest.mark.parametrize(
    "text,key",
    [
        ("A-K-S", "A-K-S"),
        ("A\u2010K\u2010S", "A-K-S"),
        ("A\u2014K\u2014S", "A-K-S"),
        ("A.K.S.", "A-K-S"),
        ("A. K. S.", "A-K-S"),
        ("T.R.O.S", "T-R-O-S"),
        ("A-K.S", None),  # two kinds of mark
        ("AKS", None),
        ("A-B-C-D-E-F", None),  # more than five letters
    ],
)
def test_letters_key(text: str, key: str | None) -> None:
    assert letters_key(text) == key
