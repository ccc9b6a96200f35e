"""The context rules that decide whether a place phrase is a country mention (``detect/partners/keep.py``)."""

from __future__ import annotations

import pytest
import spacy

from grantscan.config import Config
from grantscan.detect.partners import PartnerDetector, keep
from grantscan.detect.partners.detector import _filter_spans
from grantscan.detect.partners.tokens import _Mention


@pytest.fixture(scope="module")
def detector() -> PartnerDetector:
    return PartnerDetector(spacy.blank("en"), Config())


def _why(det: PartnerDetector, text: str, phrase: str) -> str | None:
    """The id of the first rule that drops the place phrase ``phrase`` of ``text``; None when it is kept."""
    sdoc = det.nlp.make_doc(text)
    t = det._toks(sdoc)
    places = det.rules.places
    found = [
        _Mention(s, e, p, places[p], places[p].code) for s, e, p in _filter_spans(det._scan(sdoc).places)
    ]
    target = next(m for m in found if m.phrase == phrase)
    rule = keep.dropped_by(keep.PlaceContext(t, target, found, det.rules, det._university, det._run))
    return rule.id if rule else None


@pytest.mark.parametrize(
    "rule, text, phrase",
    [
        ("compound-suffix", "The MarRI-UK centre leads the work.", "UK"),
        ("qualification", "She holds a UK Master's degree in physics.", "UK"),
        ("citation", "Smith J. (2019) Proceedings of the Workshop, London, pp. 1-10.", "London"),
        ("us-pronoun", "PLEASE CONTACT US AT THE ADDRESS BELOW.", "US"),
        ("us-dollars", "The budget is US $5,000 per year.", "US"),
        ("not-before", "The Treaty of Paris ended the war.", "Paris"),
        ("not-after", "The Paris Agreement sets targets for emissions.", "Paris"),
        ("league-table", "The university is ranked 71st in the Shanghai ranking.", "Shanghai"),
        ("language-after", "We recruit Spanish-speaking participants for the survey.", "Spanish"),
        ("language-name", "The report is written in English.", "English"),
        ("coordinated-language", "The survey is available in French, German or Spanish.", "Spanish"),
        ("language-sentence", "The materials will be translated to Portuguese.", "Portuguese"),
        ("language-before", "Interviews were conducted in Portuguese with farmers.", "Portuguese"),
        ("person-name", "Michael Jordan spoke at the event.", "Jordan"),
        ("surname", "Dr Henry Lancashire leads the work.", "Lancashire"),
        ("publisher", "The book appeared with Cambridge University Press last year.", "Cambridge"),
        ("other-organisation", "The Port of London Authority provides the data.", "London"),
        ("licence-name", "Any use is permitted under the Data licence Germany.", "Germany"),
        ("time-zone", "Applications close at 17:00hrs Nepal Time.", "Nepal"),
        ("definition", "A business day is a day that is not a public holiday in England.", "England"),
        ("comparison", "The sector faces increasing competition from the US and Asia.", "US"),
    ],
)
def test_each_rule_drops_its_case(detector: PartnerDetector, rule: str, text: str, phrase: str) -> None:
    assert _why(detector, text, phrase) == rule
    assert not any(m.phrase == phrase for m in detector.mentions(detector.nlp.make_doc(text)))


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("We work with partners in China and Germany.", "China"),
        ("We work with partners in China and Germany.", "Germany"),
        ("The partners will apply English law to the contract.", "English"),
        ("Jordan is one of the partner countries of the network.", "Jordan"),
        ("The University of Cambridge hosts the workshop.", "Cambridge"),
        ("The budget is set by the US government.", "US"),
    ],
)
def test_places_no_rule_drops_are_kept(detector: PartnerDetector, text: str, phrase: str) -> None:
    assert _why(detector, text, phrase) is None
    assert any(m.phrase == phrase for m in detector.mentions(detector.nlp.make_doc(text)))


def test_rules_are_named_once_and_say_why() -> None:
    ids = [r.id for r in keep.KEEP_RULES]
    assert len(ids) == len(set(ids)) == 21
    for rule in keep.KEEP_RULES:
        assert rule.why and rule.drops.__doc__ and len(rule.drops.__doc__.strip().splitlines()[0]) > 10


def test_first_rule_in_order_names_the_drop(detector: PartnerDetector) -> None:
    """A mention that two rules drop is reported under the earlier one: the registry's order is the order."""
    text = "Smith J. (2019) The Treaty of Paris, pp. 1-10."
    assert _why(detector, text, "Paris") == "citation"
    assert [r.id for r in keep.KEEP_RULES].index("citation") < [r.id for r in keep.KEEP_RULES].index(
        "not-before"
    )
