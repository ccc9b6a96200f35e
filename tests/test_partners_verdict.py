"""The verdict rules on a listed entry against the organisation named (``detect/partners/verdict.py``)."""

from __future__ import annotations

import pytest

from grantscan.detect.partners import verdict
from grantscan.detect.partners.screening import DESIGNATED, POSSIBLE
from grantscan.knowledge.designations import ListEntry

ENTRY = ListEntry(
    "uk-sanctions", "UK Sanctions List", "2026-01-01", "Example Institute of Physics", "RU", entry_id="RUS1"
)


def cand(
    *,
    score: float = 1.0,
    how: str = "exact",
    raw: str = "Example Institute of Physics",
    entry: ListEntry = ENTRY,
    generic: bool = False,
    words: int = 4,
    bodies: int = 1,
    strong: set[str] | None = None,
    weak: set[str] | None = None,
    whole: bool = True,
    kind_listed: bool = False,
) -> verdict.Candidate:
    return verdict.Candidate(
        raw=raw,
        score=score,
        how=how,
        entry=entry,
        generic=generic,
        words=words,
        acronym_bodies=lambda: bodies,
        strong=strong or set(),
        weak=weak or set(),
        whole=whole,
        kind_listed=kind_listed,
    )


def test_exact_name_placed_as_listed_is_designated() -> None:
    c = cand(strong={"RU"})
    assert verdict.judge(c) is None
    assert c.status == "designated"
    assert c.evidence == [
        "listed name or alias 'Example Institute of Physics' written in the text",
        "placed in RU, as listed",
    ]


def test_score_below_possible_is_skipped() -> None:
    assert verdict.judge(cand(score=POSSIBLE - 0.01, how="fuzzy")) is verdict.SKIP
    assert verdict.judge(cand(score=POSSIBLE, how="fuzzy")) is None


def test_placed_elsewhere_drops_with_its_reason() -> None:
    out = verdict.judge(cand(strong={"DE"}))
    assert isinstance(out, verdict.Drop)
    assert (
        out.why == "not UK Sanctions List RUS1 'Example Institute of Physics': listed in RU, this one in DE"
    )


def test_entry_without_id_keeps_its_two_spaces() -> None:
    entry = ListEntry("l", "Some List", None, "Example Bureau", "RU")
    out = verdict.judge(cand(entry=entry, strong={"CN"}))
    assert isinstance(out, verdict.Drop) and out.why.startswith(
        "not Some List  'Example Bureau': listed in RU"
    )


def test_short_acronym_needs_its_country() -> None:
    assert verdict.judge(cand(how="acronym", raw="EIP")) is verdict.SKIP
    c = cand(how="acronym", raw="EIP", weak={"RU"})
    assert verdict.judge(c) is None and c.evidence[-1] == "its sentence names RU, as listed"


def test_shared_acronym_is_only_possible() -> None:
    c = cand(how="acronym", raw="EXIPH", bodies=3, strong={"RU"})
    assert verdict.judge(c) is None
    assert c.status == "possible" and "'EXIPH' is the acronym of 3 listed bodies" in c.evidence


def test_loose_match_of_a_run_found_by_a_listed_word_is_skipped() -> None:
    assert verdict.judge(cand(how="fuzzy", score=DESIGNATED - 0.01, kind_listed=True)) is verdict.SKIP
    assert verdict.judge(cand(how="fuzzy", score=DESIGNATED - 0.01)) is None


def test_civilian_tracker_entry_is_possible() -> None:
    entry = ListEntry("aspi", "Tracker", None, "Example Institute of Physics", "RU", category="Civilian")
    c = cand(entry=entry, strong={"RU"})
    assert (
        verdict.judge(c) is None and c.status == "possible" and "the tracker rates it Civilian" in c.evidence
    )


def test_sentence_naming_other_countries() -> None:
    generic = verdict.judge(cand(generic=True, weak={"CN"}))
    assert (
        isinstance(generic, verdict.Drop)
        and "a name several bodies share, listed in RU, placed in CN" in generic.why
    )
    fuzzy = cand(how="fuzzy", score=0.9, weak={"CN"})
    assert verdict.judge(fuzzy) is None and fuzzy.status == "possible"
    assert "its sentence names CN; listed in RU" in fuzzy.evidence


def test_generic_names_without_a_listed_place() -> None:
    assert verdict.judge(cand(generic=True, words=2)) is verdict.SKIP  # too short alone
    nowhere = ListEntry("l", "Some List", None, "Institute of Applied Physics")
    assert (
        verdict.judge(cand(entry=nowhere, generic=True, strong={"DE"})) is verdict.SKIP
    )  # placed where list cannot say
    assert verdict.judge(cand(generic=True, whole=False)) is verdict.SKIP  # inside a longer name
    c = cand(generic=True)
    assert verdict.judge(c) is None and c.status == "possible"
    assert c.evidence[-1] == "a name several bodies share, and no place named: check which one"


def test_close_match_without_a_place_says_so() -> None:
    c = cand(how="fuzzy", score=0.9)
    assert verdict.judge(c) is None and c.status == "designated"
    assert c.evidence == [
        "close to listed name 'Example Institute of Physics' (score 0.90)",
        "no place named to confirm it",
    ]


@pytest.mark.parametrize("how", ["exact", "known", "acronym", "reordered", "typo", "fuzzy", "other"])
def test_every_way_of_finding_has_its_line(how: str) -> None:
    line = verdict.found(how, "X Corp", 0.88)
    assert "'X Corp'" in line
    assert line == verdict.REASONS.get(f"found-{how}", verdict.REASONS["found-fuzzy"]).format(
        raw="X Corp", score=0.88
    )


def test_rules_say_their_rule() -> None:
    assert len(set(verdict.VERDICT_RULES)) == len(verdict.VERDICT_RULES)
    assert all(r.__doc__ and r.__doc__.strip() for r in verdict.VERDICT_RULES)


COMPANY = ListEntry(
    "bis", "Entity List", "2026-01-01", "Innovation and Technologies LLC", "RU", entry_id="EL-1"
)


def company(near: str, **kw: object) -> verdict.Candidate:
    c = cand(raw="Innovation and Technologies LLC", entry=COMPANY, words=2, **kw)  # type: ignore[arg-type]
    c.near = lambda: tuple(near.split())
    return c


def test_generic_company_name_alone_is_possible() -> None:
    c = company("partner with innovation technology on")
    assert verdict.judge(c) is None
    assert c.status == "possible" and c.evidence[-1] == verdict.reason("generic-company")


@pytest.mark.parametrize(
    "near",
    [
        "with innovation technology llc on",  # its legal form
        "with innovation technology limited liability company on",  # written out
        "with innovation and technologies on",  # its own wording
    ],
)
def test_generic_company_name_as_listed_is_designated(near: str) -> None:
    c = company(near)
    assert verdict.judge(c) is None and c.status == "designated"


def test_generic_company_name_with_its_country_is_designated() -> None:
    c = company("with innovation technology on", weak={"RU"})
    assert verdict.judge(c) is None and c.status == "designated"


def test_generic_company_name_in_another_countrys_sentence_is_another_body() -> None:
    out = verdict.judge(company("with innovation technology on", weak={"FR"}))
    assert isinstance(out, verdict.Drop) and "listed in RU, placed in FR" in out.why


@pytest.mark.parametrize(
    "how, status", [("exact", "designated"), ("reordered", "possible"), ("fuzzy", "possible")]
)
def test_in_a_sentence_naming_other_countries_only_an_exact_name_stays_designated(
    how: str, status: str
) -> None:
    c = cand(how=how, score=1.0 if how != "fuzzy" else DESIGNATED, weak={"GB"})
    assert verdict.judge(c) is None
    assert c.status == status
