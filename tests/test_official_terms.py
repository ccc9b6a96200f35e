"""The official-lists technology pack: vocabulary taken from official critical-technology and control lists
(US Critical and Emerging Technologies list, Commission Recommendation (EU) 2023/2113, the NSI Act's notifiable
acquisition schedules, the dual-use and Military Lists). Each list's own phrases are found in plain research
sentences with the category the taxonomy gives them, a namesake outside the category is not, every rule names
its lists by registry key, and those sources are official and dated."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from grantscan.config import Config
from grantscan.detect.matcher import Rule, _variants, load_pack, pack_files
from grantscan.knowledge.resources import patterns_dir
from grantscan.knowledge.sources import is_official, registry
from grantscan.pipeline import Scanner

PACK = patterns_dir() / "technology" / "official-lists.yaml"
LISTS = {"us-cet-2024", "eu-ctech-2023", "nsi-nars-2021", "eu-dual-use-2021"}
_CITE = re.compile(r"^\[([^\]]+)\]")
_SCANNER: list[Scanner] = []


def found(text: str) -> set[str]:
    """Technology categories reported as findings for ``text`` (one scanner for the module)."""
    if not _SCANNER:
        _SCANNER.append(Scanner(Config()))
    result = _SCANNER[0].scan_text(text)
    return {f.category for f in result.findings if f.kind == "finding" and not f.suppressed}


def cited(rule: Rule) -> list[str]:
    """The registry keys a rule's description opens with: "[key: section | key: section] ..."."""
    m = _CITE.match(rule.description)
    return [part.split(":", 1)[0].strip() for part in m.group(1).split("|")] if m else []


RULES = load_pack(PACK)


def test_every_rule_cites_official_dated_sources() -> None:
    reg = registry()
    seen: set[str] = set()
    for r in RULES:
        keys = cited(r)
        assert keys, f"{r.id}: the description must open with '[source key: section | ...]'"
        for k in keys:
            s = reg.sources.get(k)
            assert s is not None, f"{r.id}: unknown source '{k}'"
            assert is_official(s.url), (k, s.url)
            assert isinstance(s.checked, dt.date) and s.checked <= dt.date.today(), (k, s.checked)
        seen.update(keys)
    assert seen >= LISTS, f"lists no rule cites: {LISTS - seen}"


def test_the_lists_were_checked_when_the_pack_was_written() -> None:
    """The pack's vocabulary was checked against each list on one day; a list re-read later moves the date."""
    for k in LISTS:
        assert registry().sources[k].checked >= dt.date(2026, 12, 7), k


def _norm(term: str) -> set[str]:
    return {re.sub(r"\s+", " ", v.lower()) for v in _variants(term)}


def test_no_term_repeats_a_category_pack_term() -> None:
    """Every term (with its hyphen and plural forms) is new: a term already in a category pack belongs there."""
    others: dict[str, str] = {}
    for f in pack_files():
        if f.name == PACK.name:
            continue
        for r in load_pack(f):
            for t in r.terms:
                for v in _norm(t):
                    others.setdefault(v, r.id)
    clashes = [(r.id, t, others[v]) for r in RULES for t in r.terms for v in _norm(t) if v in others]
    assert not clashes, clashes


def test_no_term_only_lengthens_a_term_of_its_own_category() -> None:
    """A term holding a whole category-pack term of the same category ("hypersonic propulsion" around
    "hypersonic") finds nothing new: it would only take the finding from the category pack's rule."""
    own: dict[str, set[str]] = {}
    for f in pack_files():
        if f.name != PACK.name:
            for r in load_pack(f):
                own.setdefault(r.category, set()).update(v for t in r.terms for v in _words(t))
    longer = [
        (r.id, t, inner)
        for r in RULES
        for t in r.terms
        for v in _words(t)
        for inner in own.get(r.category, ())
        if inner != v and f" {inner} " in f" {v} "
    ]
    assert not longer, longer


def _words(term: str) -> set[str]:
    return {re.sub(r"[\s-]+", " ", v.lower()).strip() for v in _variants(term)}


def test_every_rule_has_examples_of_both_kinds() -> None:
    for r in RULES:
        assert r.must_match and r.must_not_match, r.id


# one list's phrase in an own sentence -> the category it names
FOUND = [
    # US Critical and Emerging Technologies list (February 2024)
    (
        "sensing",
        "The project studies positioning, navigation, and timing for trains when satellite signals fail.",
    ),
    ("defence", "We will measure how high-power microwaves upset the flight controllers of small drones."),
    ("space", "We will demonstrate in-space manufacturing of optical fibre aboard a free-flying platform."),
    ("aerospace", "The team will write full-authority digital engine control software for a small turbofan."),
    ("cyber", "We will develop privacy-enhancing technologies so that banks can pool fraud data."),
    # Commission Recommendation (EU) 2023/2113, Annex
    (
        "surveillance",
        "The study traces exports of cyber-surveillance technology to authoritarian governments.",
    ),
    (
        "materials",
        "We will develop micro-precision manufacturing of fuel injector nozzles by ultrafast lasers.",
    ),
    (
        "comms",
        "We will design software-defined networking controllers that reroute traffic around failed links.",
    ),
    # NSI Act notifiable acquisition schedules
    ("bio", "The engineering biology foundry will assemble synthetic gene circuits in yeast."),
    ("materials", "We will develop technical ceramics that survive thermal shock in turbine shrouds."),
    ("quantum", "The hub develops quantum networking between trapped-ion nodes in two cities."),
    # dual-use Annex I categories and the Military List
    ("sensing", "We will build a towed magnetometer array for the detection of buried mines."),
    ("aerospace", "Air-breathing propulsion for a Mach 6 cruiser will be tested in a shock tunnel."),
    ("chem", "We will study how toxic chemical agents penetrate protective suit fabrics."),
]

# the same words in a sense outside the category -> not that category
NOT_FOUND = [
    ("defence", "Microwave ovens were used to dry the soil samples before weighing."),
    ("ai", "Mice were tested in the novel object recognition task after the lesion."),
    ("surveillance", "Saltwater intrusion into coastal aquifers will be modelled for the delta."),
    ("bio", "Biology teachers described how they engage pupils in practical work."),
    ("sensing", "Ground magnetometers recorded the geomagnetic storm of May 2024."),
    ("bio", "Genome engineering of wheat lines will raise grain zinc content."),
    ("comms", "Clinicians discussed the management of autism spectrum conditions in schools."),
    ("semiconductors", "The ocean model will be run on a university computing cluster."),
]


@pytest.mark.parametrize(("category", "text"), FOUND, ids=[f"{c}:{t[:30]}" for c, t in FOUND])
def test_official_list_phrase_is_found_with_its_category(category: str, text: str) -> None:
    assert category in found(text), text


@pytest.mark.parametrize(("category", "text"), NOT_FOUND, ids=[f"{c}:{t[:30]}" for c, t in NOT_FOUND])
def test_namesake_outside_the_category_is_not_found(category: str, text: str) -> None:
    assert category not in found(text), text


@pytest.mark.parametrize(
    ("url", "official"),
    [
        ("https://eur-lex.europa.eu/eli/reg/2021/821/oj", True),
        ("https://bidenwhitehouse.archives.gov/wp-content/uploads/2024/02/x.pdf", True),
        ("https://europa.eu.example.com/", False),
        ("https://notarchives.gov/", False),
        ("http://eur-lex.europa.eu/eli/reg/2021/821/oj", False),
    ],
)
def test_the_lists_publishers_are_official_domains(url: str, official: bool) -> None:
    assert is_official(url) is official
