"""Whether a listed acronym written alone names the listed body: what the document defines it as, and the role
the acronym plays in its sentence.

A listed acronym ('NUDT', 'KNAAPO', a UK list alias, an Entity List a.k.a.) is found by the scan as one token.
Letters alone name many things (a unit, a method, a gene, a software name), so the text decides:

- a definition in the document, ``Expansion (ABC)`` or ``ABC (Expansion)``: the expansion says which body it is
  (a listed name of the entry: that entry; another expansion: not that entry);
- else its role: used as an organisation (after 'with', 'at', 'from', after a partner word, "ABC's", before a
  partner verb, alone in a table cell or a partner list) it is worth a check; used as a modifier ('RCC beams'),
  after a number, in an apposition that says it is a method or a gene, or in a reference, it is not.

``verdict.acronym_use`` turns this into a verdict; where the entry's country or city is named decides how sure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .tokens import _Tokens

# an acronym in brackets after what it stands for: 'Institute of Applied Physics (IAP)', '(hereinafter "IAP")'
_BRACKETED = re.compile(
    r"\(\s*(?:hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?)?(?:the\s+)?[\"“'‘]?"
    r"([A-Z][A-Z0-9&]*(?:-[A-Z0-9]+)*)[\"”'’]?\s*\)"
)
# an acronym before what it stands for in brackets: 'IAP (Institute of Applied Physics)'
_BEFORE_BRACKETS = re.compile(r"\b([A-Z][A-Z0-9&]*(?:-[A-Z0-9]+)*)\s*\(([^()]{4,160})\)")
# words an expansion written before its bracketed acronym may hold besides capitalised ones
_JOINING = frozenset({"of", "for", "and", "the", "on", "in", "de", "named", "after", "&", "-", "im."})
_WORD = re.compile(r"[^\s(),;:]+")

# Words right before an acronym that make it an organisation: prepositions of where or with whom work is done
ORG_BEFORE = frozenset(
    {
        "with",
        "at",
        "from",
        "between",
        "including",
        "includes",
        "include",
        "visit",
        "visiting",
        "joined",
        "join",
    }
)
# Nouns near before an acronym that make it one ('Partner 2: NSI', 'The subcontractor, NSI, ...')
ORG_NOUNS = frozenset(
    {
        "partner",
        "partners",
        "subcontractor",
        "subcontractors",
        "contractor",
        "collaborator",
        "collaborators",
        "supplier",
        "sponsor",
        "funder",
        "consortium",
        "member",
        "members",
        "institution",
        "organisation",
        "organization",
        "company",
        "party",
        "parties",
        "licensee",
        "licensor",
        "recipient",
        "host",
        "affiliation",
        "employer",
        "customer",
    }
)
# Words right after an acronym used as an organisation: a verb it is the subject of, or what follows a name
ORG_AFTER = frozenset(
    {
        "shall",
        "will",
        "would",
        "may",
        "must",
        "can",
        "could",
        "has",
        "have",
        "had",
        "is",
        "was",
        "are",
        "were",
        "provides",
        "provided",
        "supplies",
        "supplied",
        "hosts",
        "hosted",
        "leads",
        "led",
        "agrees",
        "agreed",
        "contributes",
        "contributed",
        "signed",
        "owns",
        "funds",
        "funded",
        "sponsors",
        "employs",
        "delivers",
        "develops",
        "manufactures",
        "produces",
        "during",
        "on",
        "as",
        "in",
        "at",
        "for",
        "to",
        "and",
        "or",
        "with",
        "under",
        "within",
        "which",
        "who",
        "whose",
        "from",
        "since",
        "until",
        "via",
        "our",
        "their",
        "its",
        "team",
        "staff",
        "researchers",
        "scientists",
        "engineers",
        "colleagues",
        "partners",
        "headquarters",
        "campus",
        "laboratories",
    }
)
# What an apposition or the word after an acronym calls it when it is not a body
OTHER_NOUNS = frozenset(
    {
        "gene",
        "genes",
        "protein",
        "proteins",
        "receptor",
        "enzyme",
        "mutation",
        "assay",
        "compound",
        "software",
        "package",
        "library",
        "tool",
        "toolkit",
        "toolbox",
        "code",
        "method",
        "methods",
        "algorithm",
        "model",
        "models",
        "technique",
        "framework",
        "protocol",
        "standard",
        "format",
        "unit",
        "units",
        "index",
        "score",
        "test",
        "dataset",
        "database",
        "language",
        "metric",
        "scheme",
        "architecture",
        "sensor",
        "circuit",
        "device",
        "material",
        "cell",
        "cells",
        "disease",
        "syndrome",
        "pathway",
        "variant",
    }
)
# Sentence words of partnership: an acronym that is the subject or object of such a sentence is read as a body
PARTNER_WORDS = re.compile(
    r"\b(?:collaborat\w*|partner\w*|jointly|subcontract\w*|consortium|letters? of support|exchange|secondment|"
    r"visit\w*|agreement|supply|supplies|provide samples|memorandum|MoU|co-?funded|affiliat\w*)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Definition:
    """What the document says an acronym stands for."""

    acronym: str
    expansion: str


@dataclass(slots=True)
class AcronymUse:
    """A listed acronym written alone: what the document defines it as, its role in the sentence ("organisation",
    "other" or "unknown"), the countries and city names of its paragraph, and how well each expansion names each
    listed entry (entry key -> best score)."""

    acronym: str
    role: str
    expansions: tuple[str, ...] = ()
    paragraph_codes: frozenset[str] = frozenset()
    paragraph_cities: frozenset[str] = frozenset()
    expansion_scores: dict[tuple[str, str], float] = field(default_factory=dict)

    @property
    def defined(self) -> bool:
        return bool(self.expansions)


def definitions(text: str) -> list[Definition]:
    """Every acronym ``text`` defines: 'Expansion (ABC)' and 'ABC (Expansion)'. What stands in brackets after an
    acronym is an expansion only if it has two words or more starting with a capital; whether it is a place
    instead is for the caller to say."""
    out: list[Definition] = []
    for m in _BRACKETED.finditer(text):
        acronym = m.group(1)
        if sum(c.isalpha() for c in acronym) < 3:
            continue
        words = _WORD.findall(text[max(0, m.start() - 200) : m.start()])
        got: list[str] = []
        for w in reversed(words):
            if w[:1].isupper() or w.lower() in _JOINING:
                got.append(w)
            else:
                break
        while got and got[-1].lower() in _JOINING:
            got.pop()  # 'of the Institute' -> 'Institute'
        got.reverse()
        if len(got) >= 2 or (len(got) == 1 and len(got[0]) > len(acronym)):
            out.append(Definition(acronym, " ".join(got)))
        elif (spelt := _spelt_by_initials(words, acronym)) is not None:
            out.append(Definition(acronym, spelt))
    for m in _BEFORE_BRACKETS.finditer(text):
        acronym, inside = m.group(1), " ".join(m.group(2).split())
        if sum(c.isalpha() for c in acronym) < 3 or not inside[:1].isupper() or len(inside.split()) < 2:
            continue
        out.append(Definition(acronym, inside))
    return out


def _spelt_by_initials(words: list[str], acronym: str) -> str | None:
    """The words right before a bracketed acronym whose initials spell it, in whatever case ('mixed-integer
    programming tool (MIPT)'): an expansion a text writes in lower case, as for a method or a tool."""
    letters = acronym.lower()
    if not letters.isalpha():
        return None
    for k in range(1, min(len(words), len(letters)) + 1):
        tail = words[-k:]
        if not all(w[:1].isalpha() for w in tail):
            return None
        parts = [p for w in tail for p in re.split(r"[-‐]", w) if p]
        if letters in ("".join(w[0] for w in tail).lower(), "".join(p[0] for p in parts).lower()):
            return " ".join(tail)
    return None


def _lower_word(t: _Tokens, i: int) -> bool:
    w = t.word(i)
    return w.isalpha() and w.islower()


def role(t: _Tokens, s: int, e: int) -> str:
    """What the acronym at tokens ``s:e`` is in its sentence: "organisation", "other" or "unknown"."""
    n = t.n
    nxt = t.word(e) if e < n else ""
    prev = t.word(s - 1) if s > 0 else ""
    # a modifier, a quantity or a version: 'RCC beams', 'the NSI method', '5 SPND', 'NSI 2.0'
    if nxt and _lower_word(t, e) and nxt not in ORG_AFTER:
        return "other"
    if prev[:1].isdigit() or nxt[:1].isdigit():
        return "other"
    # an apposition that says what it is: 'NSI, a method for ...', 'NSI (a gene of ...)'
    if nxt in (",", "(", "-", "–"):
        ahead = {t.lower(j) for j in range(e + 1, min(n, e + 6))}
        if ahead & OTHER_NOUNS and ahead & {"a", "an", "the", "our"}:
            return "other"
    if nxt in ("'s", "’s") or prev.lower() in ORG_BEFORE:
        return "organisation"
    before = {t.lower(j) for j in range(max(0, s - 4), s)}
    if before & ORG_NOUNS:
        return "organisation"
    if prev in (":", "=") or (prev == "(" and nxt in (",", ";")):
        return "other"  # the value of another field than a partner's ('Type: DEC', '(DEC, 12 months)')
    a, b = t.sentence(s) if t.has_sents else (0, n)
    if b - a <= 3 or (t.orig is not None and _alone_on_line(t, s, e)):
        return "organisation"  # a table cell, a heading of a partner list, an entry of one
    prose = s == a or _lower_word(t, s - 1) or prev == ","
    if (
        prose
        and (nxt in ORG_AFTER or nxt in (",", ".", ";", ":", ")", "(", ""))
        and PARTNER_WORDS.search(t.text, t.st[a], t.end(b - 1))
    ):
        return "organisation"
    return "unknown"


def _alone_on_line(t: _Tokens, s: int, e: int) -> bool:
    """Whether the acronym is a line of the original text of its own (a list or table cell), place words and
    marks aside."""
    orig = t.orig or ""
    a, b = t.st[s], t.end(e - 1)
    line_start = orig.rfind("\n", 0, a) + 1
    line_end = orig.find("\n", b)
    line_end = len(orig) if line_end == -1 else line_end
    before, after = orig[line_start:a].strip(" \t|*•-"), orig[b:line_end].strip(" \t|,;.")
    return not before and (not after or re.fullmatch(r"\([^()]*\)", after) is not None)
