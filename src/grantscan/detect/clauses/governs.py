"""Which clause kind a sentence is a clause of, where it names objects of more than one kind.

A sentence of an agreement often names an object of one kind inside a clause of another: "Confidential
Information does not include data that is publicly available" is a confidentiality term, "the Licensee shall
comply with export laws when it publishes" an export term, and "All Feedback is given AS IS" under the heading
"Feedback" an IP term. The rule is structural, over what the packs already find: the objects are the rule
matches of each kind in the sentence and the kinds of the heading it sits under; the operative language is the
pack's. A kind governs the sentence when

- it is a kind of the heading the sentence sits under,
- its object is the object (or the subject) of operative language of the sentence, in the same clause of it
  (no semicolon, colon or subordinate clause between them; an item of a list takes its lead-in's operative
  language, which governs the item's first object), or
- its object is the term a definition defines (the object before "means", "includes", "does not include"):
  the objects after the definition verb complete the definition and are governed by nothing else.

Where neither heading nor operative language nor a definition decides, the first object of the sentence's main
clause (not of an opening "While ...," or "If ...," clause) governs. Every other kind is named in passing: its
findings become declarations with the reason.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

# what ends the reach of operative language over the objects after it: a semicolon or colon, or a subordinate
# clause ("when it publishes", "so that Customer can verify", "before it publishes"); "including" does not: it
# names more of the object
_BREAK = re.compile(
    r"[;:]|\b(?:when|whenever|while|if|where|wherever|unless|provided|so\s+that|in\s+order\s+(?:to|that)|"
    r"to\s+the\s+extent|whether|because|since|although|before|after|until|once)\b",
    re.I,
)
# an opening subordinate clause up to its comma ("While redistributing the Work, ...", "To the extent ...,")
_OPENER = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+|\(?[a-z]{1,3}[.)]\s+)?(?:while|when|whenever|if|where|unless|although|"
    r"in\s+order\s+(?:to|that)|to\s+the\s+extent|upon|after|before|once|for\s+the\s+purposes?\s+of)\b[^;:]*?,",
    re.I,
)
# a definition of a term: the objects after the verb complete it
_DEFINES = re.compile(
    r"\b(?:means|shall\s+mean|has\s+the\s+meaning|refers\s+to|(?:shall|does|will)\s+not\s+include|"
    r"(?:shall\s+)?includes?|excludes?|consists?\s+of)\b",
    re.I,
)
_SUBJECT_REACH = 60  # characters from a subject's object to the operative language after it
# a sentence that is a definition: it opens (after a list number) with the term it defines, quoted or not, and the
# definition verb ("(2) Terrorist country means ...", '“Human Rights Laws” means ...', 'The term “Jointly Developed IP”
# shall mean ...')
_DEFINITION = re.compile(
    r"^\W*(?:\(?(?:\d{1,3}|[a-z]{1,2}|[ivx]{1,5})[.)]\s+)?(?:the\s+(?:term|expression|phrase)\s+)?"
    r"[\"“‘']?(?P<term>(?-i:[A-Z])[\w-]*(?:[ \t]+[\w-]+){0,6}?)"
    r"[\"”’']?\s+(?:means|shall\s+mean|has\s+the\s+meaning|refers\s+to)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Obj:
    """An object of a clause kind in a sentence: a rule's match (offsets within the sentence)."""

    kind: str
    start: int
    end: int


def governing(
    sent: str,
    objects: Iterable[Obj],
    heading_kinds: frozenset[str],
    operative: Iterable[tuple[int, int, str]],
    lead_operative: str | None = None,
    strong: frozenset[str] = frozenset(),
) -> dict[str, str] | None:
    """{kind: why it governs} for the kinds of ``objects`` that govern ``sent``; None where nothing decides
    (all kinds stay). A kind of ``objects`` missing from the answer is named in passing. Each part of the
    sentence between semicolons is a clause of its own ("... before submission; the Sponsor may require
    deletion of its Confidential Information"): a kind governs where it governs one part.

    ``operative``: (start, end, text) of each operative phrase in the sentence; ``lead_operative``: the
    operative language of the lead-in of the list the sentence is an item of, where the sentence has none;
    ``strong``: kinds matched by a contract phrase (which stands alone under a heading of another kind).
    """
    objs, ops = list(objects), list(operative)
    kinds = {o.kind for o in objs}
    why: dict[str, str] = {}
    start = 0
    for part in sent.split(";"):
        end = start + len(part)
        mine = [Obj(o.kind, o.start - start, o.end - start) for o in objs if start <= o.start < end]
        if mine:
            got = _govern(
                part,
                mine,
                heading_kinds,
                [(a - start, b - start, t) for a, b, t in ops if start <= a < end],
                lead_operative if start == 0 else None,
                strong,
            )
            if got is None:
                got = dict.fromkeys(sorted({o.kind for o in mine}), "")
            for k, w in got.items():
                why.setdefault(k, w)
        start = end + 1
    if kinds <= why.keys() and not any(why.values()):
        return None
    return {k: w or "a clause of its own in the sentence" for k, w in why.items()}


def _govern(
    sent: str,
    objects: Iterable[Obj],
    heading_kinds: frozenset[str],
    operative: Iterable[tuple[int, int, str]],
    lead_operative: str | None,
    strong: frozenset[str],
) -> dict[str, str] | None:
    """``governing`` for one clause of a sentence."""
    objs = sorted(objects, key=lambda o: (o.start, -o.end))
    kinds = {o.kind for o in objs}
    ops = sorted(operative)
    if not kinds:
        return None
    if len(kinds) == 1:
        # one kind under a heading of another: the heading's clause names it in passing, unless the
        # sentence has operative language (or a contract phrase) of its own
        if not heading_kinds or kinds <= heading_kinds or ops or lead_operative or kinds <= strong:
            return None
        return {}
    why: dict[str, str] = {}
    for k in sorted(kinds & heading_kinds):
        why[k] = "the heading it sits under"
    # where clause breaks are, found once: each question below is a lookup (a long sentence with many
    # operative phrases stays linear)
    breaks = [m.start() for m in _BREAK.finditer(sent)]

    def next_break(i: int) -> int:
        j = bisect_left(breaks, i)
        return breaks[j] if j < len(breaks) else len(sent)

    d = _DEFINES.search(sent)
    defined_end = len(sent) + 1
    if d is not None:
        before = [o for o in objs if o.start < d.start() and next_break(o.end) >= d.start()]
        if before:
            why.setdefault(before[-1].kind, f"the term defined ('{d.group(0)}')")
            defined_end = d.start()
    if not ops and lead_operative:
        ops = [(0, 0, lead_operative)]
    for a, b, text in ops:
        if a >= defined_end:
            continue
        end = min(next_break(b), defined_end)
        # the object just before the operative language: its subject ("Personal Data shall be kept ...")
        subject = [
            o for o in objs if o.end <= a and a - o.end <= _SUBJECT_REACH and "," not in sent[o.end : a]
        ]
        if subject and next_break(subject[-1].end) >= a:
            why.setdefault(subject[-1].kind, f"the subject of '{text}'")
        for o in objs:
            if o.start < end and o.end > a:
                why.setdefault(o.kind, f"the object of '{text}'")
    if why:
        # an object of another kind in the same words is the same object ("use Customer Content")
        ruled = [o for o in objs if o.kind in why]
        for o in objs:
            if o.kind not in why:
                same = next((r for r in ruled if r.start < o.end and o.start < r.end), None)
                if same is not None:
                    why[o.kind] = f"the same words as the {same.kind} object"
        return why
    if heading_kinds:
        return {}
    # nothing decides but an opening subordinate clause: its objects are named in passing where the main
    # clause holds an object of another kind ("While redistributing the Work, You may offer ... warranty")
    opener = _OPENER.match(sent)
    if opener is None:
        return None
    main = {o.kind for o in objs if o.start >= opener.end()}
    if not main or main == kinds:
        return None
    return {k: "the main clause, after an opening subordinate clause" for k in sorted(main)}


def definition(sent: str) -> tuple[str, int] | None:
    """(the term, where its definition verb ends) where ``sent`` is a definition of a term, else None."""
    m = _DEFINITION.match(sent)
    return (m.group("term"), m.end()) if m else None


# terms given their meaning by reference to a law or another document ("The following terms used in this Agreement
# shall have the same meaning as those terms in the HIPAA Rules: Breach, ..., Protected Health Information",
# "Terms used, but not otherwise defined, in this Agreement shall have the same meaning as those terms in the Privacy
# Rule", "Capitalised terms not defined herein have the meanings given in the GDPR"): the terms it lists are words of
# the agreement, not objects of a clause
_BY_REFERENCE = re.compile(
    r"\b(?:terms?|words?|expressions?)\b[^.;:]{0,80}?\b(?:shall\s+)?(?:have|has|bear|carry)\s+the\s+(?:same\s+)?"
    r"meanings?\s+(?:as|given|set\s+(?:out|forth)|ascribed|assigned)\b",
    re.I,
)


def by_reference(sent: str) -> bool:
    """Whether ``sent`` gives terms their meaning by reference to a law or another document."""
    return _BY_REFERENCE.search(sent) is not None


def passing_reason(kind: str, governs: dict[str, str], heading_kinds: frozenset[str]) -> str:
    """The reason a finding of ``kind`` that does not govern its sentence is named in passing."""
    by = ", ".join(f"{k} ({w})" for k, w in sorted(governs.items()))
    if by:
        return f"named in passing: the sentence is a clause of {by}; no operative language of its own"
    heads = ", ".join(sorted(heading_kinds))
    return f"named in passing: under a heading of {heads}, with no operative language of its own"
