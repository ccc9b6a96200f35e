"""Listed acronyms written alone (``detect/partners/acronyms.py`` and the acronym verdict rules): the document's
definition decides, else the acronym's role and the places of its sentence and paragraph."""

from __future__ import annotations

import pytest

from grantscan.detect.partners import verdict
from grantscan.detect.partners.acronyms import AcronymUse, Definition, definitions
from grantscan.knowledge.designations import ListEntry
from grantscan.model import Finding
from grantscan.pipeline import Scanner

ENTRY = ListEntry(
    "uk-sanctions-list", "UK Sanctions List", "2026-01-01", "Example Copper Company", "RU", entry_id="RUS9"
)
KEY = ("uk-sanctions-list", "RUS9")


def cand(raw: str = "ECC", use: AcronymUse | None = None, **kw: object) -> verdict.Candidate:
    fields: dict = dict(
        raw=raw,
        score=1.0,
        how="acronym",
        entry=ENTRY,
        generic=len(raw) < 4,
        words=1,
        acronym_bodies=lambda: 1,
        strong=set(),
        weak=set(),
        whole=True,
        kind_listed=True,
        acronym=use,
    )
    fields.update(kw)
    return verdict.Candidate(**fields)


# -- definitions ----------------------------------------------------------------------------------------------


def test_definitions_either_way_round() -> None:
    text = "We work with the Institute of Applied Physics (IAP). RCC (Russian Copper Company) supplies ore."
    assert definitions(text) == [
        Definition("IAP", "Institute of Applied Physics"),
        Definition("RCC", "Russian Copper Company"),
    ]


def test_definition_after_hereinafter_and_not_of_one_word_or_lower_case() -> None:
    got = definitions('Example Copper Company (hereinafter "ECC") and NSI (see below) and the tool (XYZ).')
    assert got == [Definition("ECC", "Example Copper Company")]


def test_definition_in_lower_case_is_read_when_its_initials_spell_the_acronym() -> None:
    text = "The schedule is solved by the mixed-integer programming tool (MIPT) and the tool (XYZ)."
    assert definitions(text) == [Definition("MIPT", "mixed-integer programming tool")]


# -- the verdict rules ----------------------------------------------------------------------------------------


def test_defined_as_the_listed_name_is_designated_without_a_place() -> None:
    c = cand(use=AcronymUse("ECC", "unknown", ("Example Copper Company",), expansion_scores={KEY: 1.0}))
    assert verdict.judge(c) is None
    assert c.status == "designated" and "the text defines 'ECC' as 'Example Copper Company'" in c.evidence


def test_defined_as_something_else_is_another_body() -> None:
    c = cand(use=AcronymUse("ECC", "organisation", ("Electronic Control Circuits",)))
    out = verdict.judge(c)
    assert isinstance(out, verdict.Drop)
    assert "defines 'ECC' as 'Electronic Control Circuits'" in out.why


def test_short_acronym_as_an_organisation_is_a_possible_match() -> None:
    c = cand(use=AcronymUse("ECC", "organisation"))
    assert verdict.judge(c) is None
    assert c.status == "possible" and any("possible match, check" in x for x in c.evidence)


def test_short_acronym_confirmed_by_its_paragraph_is_designated() -> None:
    c = cand(use=AcronymUse("ECC", "organisation", paragraph_codes=frozenset({"RU"})))
    assert verdict.judge(c) is None
    assert c.status == "designated" and "its paragraph names RU, as listed" in c.evidence


def test_short_acronym_confirmed_by_the_entrys_city() -> None:
    entry = ListEntry("x", "X", "2026-01-01", "Example Copper Company", None, entry_id="X1", city="Kazan")
    c = cand(entry=entry, use=AcronymUse("ECC", "organisation", paragraph_cities=frozenset({"kazan"})))
    assert verdict.judge(c) is None and c.status == "designated"


def test_paragraph_of_another_country_does_not_confirm() -> None:
    c = cand(use=AcronymUse("ECC", "organisation", paragraph_codes=frozenset({"FR"})))
    assert verdict.judge(c) is None and c.status == "possible"


@pytest.mark.parametrize("raw", ["ECC", "EXCOCO"])
def test_acronym_in_another_role_is_silent(raw: str) -> None:
    assert verdict.judge(cand(raw, use=AcronymUse(raw, "other"), weak={"RU"})) is verdict.SKIP


def test_short_acronym_in_no_clear_role_needs_its_country_in_the_sentence() -> None:
    assert verdict.judge(cand(use=AcronymUse("ECC", "unknown"))) is verdict.SKIP
    c = cand(use=AcronymUse("ECC", "unknown"), weak={"RU"})
    assert verdict.judge(c) is None and c.status == "designated"


def test_longer_acronym_as_an_organisation_stays_designated() -> None:
    c = cand("EXCOCO", use=AcronymUse("EXCOCO", "organisation"))
    assert verdict.judge(c) is None and c.status == "designated"


# -- on texts, with the shipped lists -------------------------------------------------------------------------


def listed(scanner: Scanner, text: str) -> list[Finding]:
    return [f for f in scanner.scan_text(text).findings if f.category == "organisation" and f.lists]


def statuses(found: list[Finding], entry_id: str) -> set[tuple[str, str]]:
    return {(f.severity, m.status) for f in found for m in f.lists if m.entry_id == entry_id}


@pytest.mark.parametrize(
    "text",
    [
        "We will exchange two doctoral researchers with RCC during the second year.",
        "Partner 2: RCC. Role: data collection.",
        "RCC's engineers will visit Leeds.",
    ],
)
def test_three_letter_acronym_as_an_organisation_is_medium(scanner: Scanner, text: str) -> None:
    # RCC: the Russian Copper Company (UK Sanctions List RUS1837)
    assert statuses(listed(scanner, text), "RUS1837") == {("medium", "possible")}


def test_three_letter_acronym_with_its_country_in_the_paragraph_is_high(scanner: Scanner) -> None:
    text = "We will exchange researchers with RCC. RCC is based in Yekaterinburg, Russia."
    assert statuses(listed(scanner, text), "RUS1837") == {("high", "designated")}


@pytest.mark.parametrize(
    "text",
    [
        "The RCC beams were tested with our partners in the consortium.",  # a modifier
        "Type: RCC, Due: month 12.",  # another field's value
        "We measured 12 RCC per sample in collaboration with our partner.",  # a quantity
        "RCC (Reinforced Cement Concrete) is tested in collaboration with our partner.",  # defined otherwise
        "[4] Li, X. et al. RCC results. Proc. 2019, pp. 1-9.",  # a reference
    ],
)
def test_acronym_in_another_role_or_defined_otherwise_is_silent(scanner: Scanner, text: str) -> None:
    assert statuses(listed(scanner, text), "RUS1837") == set()


def test_acronym_defined_in_lower_case_as_a_tool_is_silent(scanner: Scanner) -> None:
    # MIPT: the Moscow Institute of Physics and Technology (Entity List EL-2495)
    text = "The schedule is solved by the mixed-integer programming tool (MIPT) of our partner."
    assert statuses(listed(scanner, text), "EL-2495") == set()


def test_a_town_and_its_country_in_brackets_place_the_acronym(scanner: Scanner) -> None:
    text = "Two postdocs from MIPT (Dolgoprudny, Russia) will join the project."
    assert ("high", "designated") in statuses(listed(scanner, text), "EL-2495")


def test_definition_elsewhere_in_the_document_decides(scanner: Scanner) -> None:
    text = (
        "Partner: Ningbo Semiconductor International Corporation (NSI).\n\nWe will exchange staff with NSI."
    )
    found = listed(scanner, text)
    assert ("high", "designated") in statuses(found, "EL-0812")


def test_built_in_body_acronym_defined_otherwise_or_as_a_tool_is_silent(scanner: Scanner) -> None:
    # NUDT: the National University of Defense Technology, a built-in body
    assert listed(scanner, "Partner 2: Nanjing Unified Data Tools (NUDT). We exchange staff with NUDT.") == []
    assert listed(scanner, "We use NUDT, a software package for simulation, with our partner.") == []
    assert statuses(listed(scanner, "Our partner NUDT will host the visit."), "EL-0800") == {
        ("high", "designated")
    }


def test_acronym_joined_by_a_hyphen_is_the_whole_listed_acronym(scanner: Scanner) -> None:
    # IRGC-ASF is the IRGC Aerospace Force (Entity List EL-1438), not the IRGC itself
    found = listed(scanner, "Partner 2: IRGC-ASF (Iran). Role: data analysis.")
    assert ("high", "designated") in statuses(found, "EL-1438")
    assert statuses(listed(scanner, "Partner 2: NSCC-SZ. Role: data analysis."), "EL-0796") == {
        ("high", "designated")
    }


def test_two_letter_acronym_is_never_matched(scanner: Scanner) -> None:
    assert listed(scanner, "We will exchange researchers with AB in Russia.") == []


def test_acronym_of_one_body_listed_twice_stays_designated(scanner: Scanner) -> None:
    # BSVT: the UK list's 'Belspetsvneshtechnika' and the Entity List's 'Belspetsyneshtechnika SFTUE' (a typo of
    # the list, its alias spelt right); MERI: the UK list's name and the Entity List's alias of 'JSC NIIME'
    found = listed(scanner, "Test equipment comes from BSVT, our industrial partner.")
    assert statuses(found, "RUS1092") == {("high", "designated")}
    found = listed(scanner, "The wafers are provided by MERI, our partner.")
    assert ("high", "designated") in statuses(found, "EL-2253")


def test_acronym_of_two_bodies_is_still_possible(scanner: Scanner) -> None:
    # SSRC: the Syrian Scientific Studies and Research Centre and the UK list's National Standards & Calibration
    # Laboratory, which share no name but the acronym
    found = listed(scanner, "Test equipment comes from SSRC, our industrial partner.")
    assert statuses(found, "SYR0319") == {("medium", "possible")}
    assert ("high", "designated") not in statuses(found, "CHW0006")
