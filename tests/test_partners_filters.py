"""Context filters of organisation names (``detect/partners/filters.py``): skipped names and listed names that
are named as something other than a partner, each with its reason."""

from __future__ import annotations

import pytest
import spacy

from grantscan.config import Config
from grantscan.detect.partners import PartnerDetector, filters
from grantscan.model import Finding, Location, TextBlock

MIPT = "Moscow Institute of Physics and Technology"


@pytest.fixture(scope="module")
def detector() -> PartnerDetector:
    return PartnerDetector(spacy.blank("en"), Config(host_institutions=["University of Northshire"]))


def _orgs(det: PartnerDetector, text: str) -> list[Finding]:
    found = det.find(det.nlp.make_doc(text), TextBlock(text, Location(line=1)), 0)
    return [f for f in found if f.category == "organisation"]


def _name_at(det: PartnerDetector, text: str, name: str, kind: str = "institute") -> filters.NameAt:
    t = det._toks(det.nlp.make_doc(text))
    s = next(i for i in range(t.n) if t.text.startswith(name, t.st[i]))
    e = next(i for i in range(s, t.n + 1) if t.st[i] - (t.sp[i - 1] if i else 0) >= t.st[s] + len(name))
    return filters.NameAt(t, s, e, kind, det.rules.titles, det.host, det._run)


def test_a_listed_partner_is_a_match(detector: PartnerDetector) -> None:
    (f,) = _orgs(detector, f"Our partner is the {MIPT} in Russia.")
    assert f.rule_id == "org-list-match" and f.lists


@pytest.mark.parametrize(
    "filter_id, text",
    [
        ("negated", f"This work is unrelated to the {MIPT}."),
        ("reference", f"[3] Ivanov, A. (2019). Lasers. {MIPT}, pp. 1-10."),
        ("title", f"See the Journal of the {MIPT} for details."),
    ],
)
def test_listed_name_not_as_a_partner_is_a_note_with_its_reason(
    detector: PartnerDetector, filter_id: str, text: str
) -> None:
    assert filters.first_catch(filters.NOT_PARTNER_FILTERS, _name_at(detector, text, MIPT)).id == filter_id
    (f,) = _orgs(detector, text)
    why = next(x.why for x in filters.NOT_PARTNER_FILTERS if x.id == filter_id)
    assert f.rule_id == "org-list-mention" and not f.lists
    assert filters.org_reason("not-partner", why=why) in f.reasons


@pytest.mark.parametrize(
    "text", ["Stone Soup is released under the MIT License.", "Licensed under the MIT licence"]
)
def test_a_licence_named_after_a_body_is_not_the_body(detector: PartnerDetector, text: str) -> None:
    assert filters.licence_name(_name_at(detector, text, "MIT", kind="university"))
    assert [f for f in _orgs(detector, text) if "MIT" in f.text] == []
    assert not any(
        f.category == "country"
        for f in detector.find(detector.nlp.make_doc(text), TextBlock(text, Location(line=1)), 0)
    )


@pytest.mark.parametrize("text", ["The group started at MIT.", "MIT licensed the patent to a start-up."])
def test_the_body_itself_is_still_found(detector: PartnerDetector, text: str) -> None:
    assert not filters.licence_name(_name_at(detector, text, "MIT", kind="university"))
    assert any("MIT" in f.text for f in _orgs(detector, text))


def test_surname_is_skipped(detector: PartnerDetector) -> None:
    text = "Dr Maria Rostec will lead the survey."
    assert filters.surname(_name_at(detector, text, "Rostec", kind="company"))
    assert not filters.surname(_name_at(detector, "Rostec will lead the survey.", "Rostec", kind="company"))
    assert _orgs(detector, text) == []


def test_host_institution_is_skipped(detector: PartnerDetector) -> None:
    text = "The University of Northshire leads the project with Beihang University."
    assert filters.host_institution(_name_at(detector, text, "University of Northshire", kind="university"))
    assert [f.text for f in _orgs(detector, text)] == ["Beihang University"]


def test_filters_are_named_once_and_say_why() -> None:
    for registry in (filters.SKIP_FILTERS, filters.NOT_PARTNER_FILTERS):
        ids = [f.id for f in registry]
        assert len(ids) == len(set(ids))
        assert all(f.why and f.test.__doc__ for f in registry)
