"""The fresh tables of data, IP and publication clauses (``clause_fresh_forms_twelve`` and
``clause_fresh_forms_thirteen``, sources there): each clause is found as its kind in an agreement, each sentence
that names publication without a restriction is no publication clause, each twin is not that kind. What is still
wrong stays visible as strict xfails (each table's ``KNOWN_MISSES`` and ``KNOWN_TWIN_ERRORS``).

Round twelve's table: first run (the rules of round eleven) 20 of 43 clauses and 13 of 15 twins right; with the
round-twelve families 33 of 37 clauses (after six publication labels were moved to ``NAMED_NOT_RESTRICTED`` against
the taxonomy), 21 of 21 twins. Round thirteen's table: first run (the rules of round twelve) 13 of 46 clauses (data 4
of 24, IP 3 of 14, publication 6 of 8), 5 of 5 sentences naming publication without a restriction and 18 of 20 twins
right; with the round-thirteen families 41 of 46 clauses (data 20 of 24, IP 13 of 14, publication 8 of 8) and 18 of
20 twins."""

from __future__ import annotations

from types import ModuleType

import pytest
import spacy

from . import clause_fresh_forms_thirteen, clause_fresh_forms_twelve
from .test_clauses import agreement, cats, run, text_doc

TABLES = {"twelve": clause_fresh_forms_twelve, "thirteen": clause_fresh_forms_thirteen}

PROPOSAL_HEAD = (
    "Project title: Coastal flood resilience in small towns",
    "Objectives: we will survey residents and model flood risk in three towns over two years.",
)


def _xfail_if(sentence: str, known: set[str], reason: str) -> list[pytest.MarkDecorator]:
    return [pytest.mark.xfail(strict=True, reason=reason)] if sentence in known else []


def _clauses() -> list[object]:
    return [
        pytest.param(
            kind, sentence, id=f"{name}-{source}-{i}", marks=_xfail_if(sentence, t.KNOWN_MISSES, "known miss")
        )
        for name, t in TABLES.items()
        for i, (kind, source, sentence) in enumerate(t.CLAUSES)
    ]


def _named_not_restricted() -> list[object]:
    return [
        pytest.param(kind, sentence, id=f"{name}-{i}")
        for name, t in TABLES.items()
        for i, (kind, _source, sentence) in enumerate(t.NAMED_NOT_RESTRICTED)
    ]


def _twins(attr: str) -> list[object]:
    return [
        pytest.param(
            kind,
            sentence,
            id=f"{name}-{i}",
            marks=_xfail_if(sentence, t.KNOWN_TWIN_ERRORS, "known twin error"),
        )
        for name, t in TABLES.items()
        for i, (kind, sentence) in enumerate(getattr(t, attr))
    ]


@pytest.mark.parametrize(("kind", "sentence"), _clauses())
def test_fresh_clause_is_its_kind(nlp: spacy.Language, kind: str, sentence: str) -> None:
    assert kind in cats(run(nlp, agreement(sentence)))


@pytest.mark.parametrize(("kind", "sentence"), _named_not_restricted())
def test_publication_named_without_restriction_is_no_publication_clause(
    nlp: spacy.Language, kind: str, sentence: str
) -> None:
    assert kind not in cats(run(nlp, agreement(sentence)))


@pytest.mark.parametrize(("kind", "sentence"), _twins("TWINS_IN_AGREEMENT"))
def test_twin_in_agreement_is_not_that_kind(nlp: spacy.Language, kind: str, sentence: str) -> None:
    assert kind not in cats(run(nlp, agreement(sentence)))


@pytest.mark.parametrize(("kind", "sentence"), _twins("TWINS_IN_PROPOSAL"))
def test_twin_in_proposal_is_not_that_kind(nlp: spacy.Language, kind: str, sentence: str) -> None:
    assert kind not in cats(run(nlp, text_doc(*PROPOSAL_HEAD, sentence)))


@pytest.mark.parametrize("table", list(TABLES.values()), ids=list(TABLES))
def test_table_has_every_kind_and_source_recorded(table: ModuleType) -> None:
    assert {k for k, _s, _t in table.CLAUSES} == {"clause-data", "clause-ip", "clause-publication"}
    for _k, source, _t in table.CLAUSES + table.NAMED_NOT_RESTRICTED:
        assert f"``{source}``" in (table.__doc__ or ""), source
    known = set(table.KNOWN_MISSES) | set(table.KNOWN_TWIN_ERRORS)
    written = {t for _k, _s, t in table.CLAUSES} | {
        t for _k, t in table.TWINS_IN_AGREEMENT + table.TWINS_IN_PROPOSAL
    }
    assert known <= written, "a known miss names no sentence of its table"
