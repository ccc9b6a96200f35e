"""The kind named in passing: a sentence is a clause of the kind its operative language governs.

A sentence of an agreement that names objects of two kinds (or sits under a heading of another kind) is a
finding of the kind its operative language governs: the object or subject of the obligation in the same clause,
the term a definition defines, the heading it sits under. A second kind is a finding only with operative
language of its own over its own object; otherwise it is a declaration whose reasons say which kind the
sentence is a clause of. The sentences are written for these tests, one pair of kinds each way as first runs
on new agreements showed them, and sentences where both kinds are really agreed.
"""

from __future__ import annotations

import pytest
import spacy

from grantscan.detect.clauses.governs import Obj, governing
from grantscan.model import Finding

from .test_clauses import AGREEMENT_HEAD, agreement, run, text_doc

CONF, DATA, EXPORT, IP = "clause-confidentiality", "clause-data", "clause-export", "clause-ip"
LAW, LIABILITY, PUBLICATION, SECURITY = (
    "clause-law",
    "clause-liability",
    "clause-publication",
    "clause-security",
)


def clause_findings(nlp: spacy.Language, *paras: str) -> list[Finding]:
    """The clause findings and declarations of ``paras`` read as the clauses of an agreement."""
    first = len(AGREEMENT_HEAD)
    return [
        f
        for f in run(nlp, agreement(*paras))
        if f.category.startswith("clause-")
        and first <= f.block_index < first + len(paras)
        and f.rule_id.startswith("clause-")
    ]


def kinds(found: list[Finding]) -> set[str]:
    return {f.category for f in found if f.kind == "finding"}


# (heading or None, sentence, the kinds it is a clause of, the kind named in passing); each passing kind was a
# finding before the rule
PASSING = [
    # confidentiality <- data: a definition is a clause of the term it defines
    (
        None,
        '"Confidential Information" shall not include personal data that the Recipient already holds.',
        {CONF},
        DATA,
    ),
    # data <- confidentiality: a data processing term that protects confidential information on the way
    (
        "Sub-processors",
        "To the extent necessary to protect business secrets or other confidential information, the Processor may "
        "redact the text of its agreement with a Sub-processor.",
        set(),
        CONF,
    ),
    # export <- publication: the obligation is the export licence; publishing is when it applies
    (
        None,
        "The Licensee shall obtain any export licence required before the Licensee publishes the Results in a journal.",
        {EXPORT},
        PUBLICATION,
    ),
    (
        None,
        "The Recipient shall comply with all applicable export control laws if it presents the Results at a "
        "conference or publishes them.",
        {EXPORT},
        PUBLICATION,
    ),
    # publication <- export: the review period is the obligation; export controls say when it applies
    (
        None,
        "The University shall submit each proposed publication to the Sponsor for review 30 days before submission, "
        "when it contains technology subject to export controls.",
        {PUBLICATION},
        EXPORT,
    ),
    # publication <- export, the other way round: a publication right under an export heading
    ("Export Control", "The Licensee may publish the Results in a journal.", set(), PUBLICATION),
    # confidentiality <- liability, data <- liability, ip <- liability: a party's liability under another heading
    (
        "Confidentiality",
        "The Recipient remains fully liable for the acts of its employees.",
        set(),
        LIABILITY,
    ),
    (
        "Sub-processors",
        "The Processor remains fully liable for all obligations subcontracted to its Sub-processors.",
        set(),
        LIABILITY,
    ),
    (
        "Intellectual Property",
        "The Licensee remains fully liable for the acts of its sublicensees.",
        set(),
        LIABILITY,
    ),
    # security <- confidentiality: a security report handed over in confidence
    (
        "Security Reports",
        "On written request, the Provider will give the Customer, on a confidential basis, a summary copy of its "
        "audit report.",
        set(),
        CONF,
    ),
    # liability <- ip: the licensed work named in an opening subordinate clause
    (
        None,
        "While redistributing the Work or Derivative Works thereof, the Licensee may offer warranty or indemnity "
        "obligations to its customers.",
        {LIABILITY},
        IP,
    ),
    # publication <- ip: what may be published is background; the clause is the right to publish
    (
        "Publication",
        "Any employee of an Academic Party may publish any Background of any of the Parties or any of the Results.",
        set(),
        IP,
    ),
]


@pytest.mark.parametrize(("heading", "sentence", "expected", "passing"), PASSING)
def test_a_kind_named_in_passing_is_a_declaration(
    nlp: spacy.Language, heading: str | None, sentence: str, expected: set[str], passing: str
) -> None:
    paras = (heading, sentence) if heading else (sentence,)
    found = clause_findings(nlp, *paras)
    assert kinds(found) == expected
    named = [f for f in found if f.category == passing]
    assert named, f"no {passing} rule matched: the sentence tests nothing"
    assert all(f.kind == "declaration" for f in named)
    assert any(r.startswith("named in passing") for f in named for r in f.reasons)


# sentences where both (or all three) kinds are agreed: each has operative language over its own object, a clause
# of its own after a semicolon, or the same words as the governing object
BOTH = [
    (
        None,
        "The Recipient shall keep the Data confidential and shall not transfer it outside the UK.",
        {DATA, CONF, EXPORT},
    ),
    (
        None,
        "The Recipient shall keep the personal data confidential and shall not export it outside the United Kingdom.",
        {DATA, CONF, EXPORT},
    ),
    (
        "Confidentiality",
        "The Recipient shall keep the Confidential Information confidential and shall be liable for any "
        "unauthorised disclosure.",
        {CONF, LIABILITY},
    ),
    (
        "Data Protection",
        "The Processor shall process Personal Data only on documented instructions and shall indemnify the "
        "Controller against any fine.",
        {DATA, LIABILITY},
    ),
    ("Security Reports", "The Provider shall keep each audit report confidential.", {CONF}),
    (
        None,
        "The University shall give the Sponsor a copy of any proposed paper 60 days before submission; the Sponsor "
        "may require deletion of its Confidential Information.",
        {PUBLICATION, CONF},
    ),
    (
        "Publication",
        "The Sponsor may require deletion of its Confidential Information from any proposed publication.",
        {PUBLICATION, CONF},
    ),
    (
        "Export Control",
        "The Licensee shall not publish the Results until an export licence is granted.",
        {EXPORT, PUBLICATION},
    ),
    (
        None,
        "The Licensee receives a non-exclusive licence to the Background software; the Licensor gives no warranty "
        "that it is free of defects.",
        {IP, LIABILITY},
    ),
]


@pytest.mark.parametrize(("heading", "sentence", "expected"), BOTH)
def test_kinds_really_agreed_are_all_findings(
    nlp: spacy.Language, heading: str | None, sentence: str, expected: set[str]
) -> None:
    paras = (heading, sentence) if heading else (sentence,)
    assert kinds(clause_findings(nlp, *paras)) >= expected


def test_the_governing_finding_says_why(nlp: spacy.Language) -> None:
    found = clause_findings(
        nlp,
        '"Confidential Information" shall not include personal data that the Recipient already holds.',
    )
    conf = [f for f in found if f.category == CONF and f.kind == "finding"]
    assert conf and any(r.startswith("governs the sentence: the term defined") for r in conf[0].reasons)
    data = [f for f in found if f.category == DATA]
    assert data and any(f"clause of {CONF}" in r for r in data[0].reasons)


def test_a_proposal_still_has_no_clause(nlp: spacy.Language) -> None:
    doc = text_doc(
        "Research Proposal: Export-aware publishing of sensor results",
        "Objectives. The team shall comply with export laws when it publishes the results of the project.",
    )
    assert kinds(run(nlp, doc)) == set()


# --- the rule itself, over objects at given places --------------------------------------------------------


def test_operative_language_governs_its_object_not_a_subordinate_clause() -> None:
    s = "The Licensee shall comply with export laws when it publishes."
    objs = [
        Obj(EXPORT, s.index("export"), s.index(" when")),
        Obj(PUBLICATION, s.index("publishes"), len(s) - 1),
    ]
    got = governing(s, objs, frozenset(), [(s.index("shall"), s.index("shall") + 5, "shall")])
    assert got is not None and set(got) == {EXPORT}


def test_each_part_between_semicolons_is_a_clause_of_its_own() -> None:
    def ops(s: str) -> list[tuple[int, int, str]]:
        return [(s.index("shall"), s.index("shall") + 5, "shall")]

    joined = "The Licensee shall obtain an export licence before the University publishes the Results."
    split = "The Licensee shall obtain an export licence; the University publishes the Results."

    def objs(s: str) -> list[Obj]:
        return [
            Obj(EXPORT, s.index("export"), s.index("licence") + 7),
            Obj(PUBLICATION, s.index("publishes"), len(s) - 1),
        ]

    assert governing(joined, objs(joined), frozenset(), ops(joined)) == {EXPORT: "the object of 'shall'"}
    assert governing(split, objs(split), frozenset(), ops(split)) is None


def test_one_kind_under_its_own_heading_or_with_operative_language_is_left_alone() -> None:
    s = "The Recipient shall keep the report confidential."
    objs = [Obj(CONF, s.index("keep"), len(s) - 1)]
    assert governing(s, objs, frozenset({CONF}), []) is None
    assert (
        governing(s, objs, frozenset({SECURITY}), [(s.index("shall"), s.index("shall") + 5, "shall")]) is None
    )
    assert governing(s, objs, frozenset({SECURITY}), []) == {}
    assert governing(s, objs, frozenset({SECURITY}), [], strong=frozenset({CONF})) is None


def test_nothing_decides_two_kinds_without_operative_language_or_heading() -> None:
    s = "The Sponsor has a right of prior review of all theses and may require removal of Confidential Information."
    objs = [Obj(PUBLICATION, s.index("prior"), s.index(" and")), Obj(CONF, s.index("removal"), len(s) - 1)]
    assert governing(s, objs, frozenset(), []) is None
