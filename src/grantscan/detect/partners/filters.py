"""Why an organisation name found in a block is not reported, or reported only as a mention and not a partner.

Two registries of named context filters, each with its reason as data: ``SKIP_FILTERS`` drop a name before it is
screened (a surname, the user's own institution), ``NOT_PARTNER_FILTERS`` turn a listed name into a note (a
journal title, a reference, a sentence that says the partner is not it). ``ORG_REASONS`` holds the other lines an
organisation finding says.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .acronyms import ORG_AFTER
from .places import CITATION, YEAR_FAST
from .tokens import _Tokens
from .words import word_lists

# a listed name inside these is a title or a reference, not a partner
TITLE_WORDS = re.compile(
    r"\b(?:Journal|Proceedings|Transactions|Bulletin|Letters|Acta|Annals|Review|Reviews|Conference|Symposium|"
    r"Workshop|(?<!and )(?<!& )Press|Magazine|Herald|Vestnik|Izvestiya|Gazette)\b"
)  # 'Forge and Press' is a press of a plant, not a publisher
TITLE_BEFORE = re.compile(
    r"(?:\b(?:Journal|Proceedings|Transactions|Bulletin|Letters|Annals|Acta|Review|Herald|Vestnik)\s+"
    r"(?:of|on|de)?\s*(?:the\s+)?|[\"“‘]\s*)$"
)
# a word and an opening quote right before a name: a legal form there makes the quote the name's ('OOO “A-K-S”')
LEGAL_QUOTE = re.compile(r"\b([A-Za-z]{2,6})\s*[\"“«]\s*$")
NEGATION = re.compile(
    r"\b(?:not|never|neither|nor|unrelated|unaffiliated|rather than|instead of|as opposed to|distinct from|"
    r"confused with|no (?:link|links|relation|relationship|connection|connections|affiliation|tie|ties|work|"
    r"collaboration|cooperation|co-operation|partnership|involvement|contact|contacts|engagement|funding|"
    r"exchange|exchanges|transfer|transfers)|exclud(?:e|es|ed|ing))\b",
    re.I,
)
# the sentence, right after the name (and a legal form the name was found without), says the partner is not it
# ('X is not involved', 'X LLC will not take part')
NEGATED_AFTER = re.compile(
    r"(?:\s+[A-Z][\w.&-]*){0,3}\s*(?:\([^()]{0,60}\)\s*)?(?i:is|are|was|were|will|shall|has|have|does|do)\s+(?i:not|never|no longer)\b"
)
# a listed name before these, or before other name words and these, is the name of an event held by or named
# after it, not the body
EVENT_AFTER = re.compile(
    r"(?:\s+[A-Z][\w.&-]*){0,3}?\s+(?:Fair|Expo|Exhibition|Trade Show|Summit|Festival)\b"
)
EVENT_WORD = re.compile(r"\s(?:Fair|Trade Show|Summit|Festival)\Z")  # not "Expo": listed "Chosun Expo"
# a name before these is a street's ('37 Huawei Road'), not the body's
ADDRESS_AFTER = re.compile(r"\s+(?:Road|Street|Avenue|Lane|Boulevard|Square|Drive)\b")
REFERENCE_ENTRY = re.compile(r"^\s*(?:\[\d+\]|\d+\.\s|\(\d+\))")
# an author-year citation right after the name: 'Kaspersky (2019) described ...', '(Kaspersky, 2019)'
AUTHOR_YEAR = re.compile(r"\s*(?:\((?:19|20)\d\d[a-z]?\)|,\s*(?:19|20)\d\d[a-z]?\))")
# open licences named after the body that wrote them ("MIT License"): the licence, not the body
LICENCE_NAME = re.compile(r"(?:MIT|BSD|Apache|Eclipse|Mozilla|GNU|Open Government|Creative Commons)\Z")
LICENCE_WORD = re.compile(r"[ \t]+(?:Public[ \t]+)?Licen[cs]e\b", re.I)
# ... also with one word of the licence's own name between ("MIT Future License"), as the last part of a licence
# identifier ("FSL-1.1-MIT"), or in a list of licence names ("e.g., MIT, GPL, Creative Commons 0")
LICENCE_WORD_AFTER_NAME = re.compile(r"[ \t]+[A-Z][a-z]+[ \t]+Licen[cs]e\b")
LICENCE_ID_BEFORE = re.compile(r"\b[A-Z]{2,}-[\d.]+-\Z")
LICENCE_LIST_AFTER = re.compile(r",[ \t]*(?:GPL|LGPL|AGPL|Apache|BSD|MPL|EPL|ISC|CC0|Creative Commons)\b")

# What an organisation finding says: reason id -> template (str.format fields as named).
ORG_REASONS: dict[str, str] = {
    "pattern": "{kind} name pattern",
    "built-in": "built-in list: {name}",
    "built-in-tags": "built-in list: {name} ({tags})",
    "not-partner": "named in {why}, not as a partner",
    "institution-country": "institution '{name}' is in {code}",
}


def org_reason(reason_id: str, **fields: object) -> str:
    """The text of reason ``reason_id`` with its fields filled in."""
    return ORG_REASONS[reason_id].format(**fields)


@dataclass(slots=True)
class NameAt:
    """An organisation name candidate: tokens ``s:e`` of ``t``, the kind its head word says, and what the
    filters compare it with."""

    t: _Tokens
    s: int
    e: int
    kind: str
    titles: set[str]  # personal titles (Dr, Prof) of countries.yaml
    host: re.Pattern[str] | None  # the user's own institutions
    run: Callable[[_Tokens, int, int], tuple[int, int]]  # the capitalised name around a token range


@dataclass(frozen=True, slots=True)
class NameFilter:
    """A context filter: its id, why a name it catches is not a partner (as a finding would say), the test."""

    id: str
    why: str
    test: Callable[[NameAt], bool]


# -- skipped before screening -------------------------------------------------------------------------------------


def surname(n: NameAt) -> bool:
    """A one-word name (not a university) written as a surname: after a title, or a title and a given name ("Dr
    Maria Rostec" is a person, not the corporation)."""
    if n.e - n.s != 1 or n.kind == "university" or n.s == 0:
        return False
    t, i, titles = n.t, n.s, n.titles
    prev = t.word(i - 1)
    if prev in titles or prev.rstrip(".") in titles:
        return True
    return i >= 2 and t.name_word(i - 1) and not t.sent_start(i - 1) and t.word(i - 2).rstrip(".") in titles


def host_institution(n: NameAt) -> bool:
    """The user's own institution is never a partner."""
    return n.host is not None and n.host.match(n.t.span_text(n.s, n.e)) is not None


def licence_name(n: NameAt) -> bool:
    """The name of an open licence named after the body that wrote it ("released under the MIT License")."""
    t = n.t
    if not LICENCE_NAME.match(t.span_text(n.s, n.e)):
        return False
    at, end = t.st[n.s], t.end(n.e - 1)
    return bool(
        LICENCE_WORD.match(t.text, end)
        or LICENCE_WORD_AFTER_NAME.match(t.text, end)
        or LICENCE_LIST_AFTER.match(t.text, end)
        or LICENCE_ID_BEFORE.search(t.text, 0, at)
    )


def research_group(n: NameAt) -> bool:
    """A one-word name before 'group', 'lab' or 'team' in lower case and 'at': a research group called after its
    leader ('the Norinco group at the University of Dundee'), also where the word is a built-in body's name."""
    t, e = n.t, n.e
    return n.e - n.s == 1 and e + 1 < t.n and t.word(e) in ("group", "lab", "team") and t.word(e + 1) == "at"


SKIP_FILTERS: tuple[NameFilter, ...] = (
    NameFilter("surname", "a surname, not the organisation", surname),
    NameFilter("research-group", "a research group called after its leader", research_group),
    NameFilter("host", "the host institution itself", host_institution),
    NameFilter("licence", "the name of a licence, not the organisation", licence_name),
)


# -- listed, but named as something other than a partner ----------------------------------------------------------


def title(n: NameAt) -> bool:
    """The name is part of a journal or proceedings title, or follows one ("Journal of ...", an opening quote).
    An opening quote right after a legal form is the name's own ('OOO “A-K-S”', 'JSC “Kulon Scientific-Research
    Institute”', as Russian company names are written), not a title's."""
    t = n.t
    a = t.st[n.s]
    rs, re_ = n.run(t, n.s, n.e)
    if TITLE_WORDS.search(t.span_text(rs, re_)):
        return True
    before = t.text[max(0, a - 40) : a]
    if not TITLE_BEFORE.search(before):
        return False
    legal = LEGAL_QUOTE.search(before)
    return legal is None or legal.group(1).lower() not in word_lists().legal_forms


def reference(n: NameAt) -> bool:
    """A year with citation words near the name, a numbered reference entry, or a year in brackets right after
    it (an author-year citation) make it a reference."""
    t = n.t
    a, b = t.st[n.s], t.end(n.e - 1)
    if AUTHOR_YEAR.match(t.text, b):
        return True
    window = t.text[max(0, a - 150) : b + 150]
    return bool(YEAR_FAST.search(window) and (CITATION.search(window) or REFERENCE_ENTRY.match(t.text)))


def negated(n: NameAt) -> bool:
    """Its sentence, before the name, says the partner is not it ("not to be confused with ..."), or right after
    it ("... is not involved in any task")."""
    t = n.t
    a = t.st[n.s]
    sa = t.st[t.sentence(n.s)[0]] if t.has_sents else max(t.text.rfind(". ", 0, a) + 1, 0)
    return (
        NEGATION.search(t.text[max(sa, a - 120) : a]) is not None
        or NEGATED_AFTER.match(t.text, t.end(n.e - 1)) is not None
    )


def event(n: NameAt) -> bool:
    """The name of an event held by or named after it ('Hong Kong Electronics Fair')."""
    t = n.t
    return (
        EVENT_AFTER.match(t.text, t.end(n.e - 1)) is not None
        or EVENT_WORD.search(t.span_text(n.s, n.e)) is not None
    )


def address(n: NameAt) -> bool:
    """The name of a street named after it ('The workshop will be held at 37 Huawei Road')."""
    t = n.t
    return ADDRESS_AFTER.match(t.text, t.end(n.e - 1)) is not None


def modifier(n: NameAt) -> bool:
    """A one-word name after 'the' and before a noun in lower case that is not what an organisation does or has
    ('The Inspur data set was reviewed'): it names a thing of the body's, not the body as a partner."""
    t, s, e = n.t, n.s, n.e
    if e - s != 1 or s == 0 or e >= t.n or t.lower(s - 1) not in ("the", "a", "an"):
        return False
    nxt = t.word(e)
    return nxt.isalpha() and nxt.islower() and nxt not in ORG_AFTER


# words after a name that begins with a number which still make it the body: relative pronouns
_RELATIVE = frozenset({"which", "that", "who", "whose"})
# the nouns of ORG_AFTER ('NSI staff'): after a name that begins with a number they are what the number counts
_COUNTED_NOUNS = frozenset(
    {"team", "staff", "researchers", "scientists", "engineers", "colleagues", "partners", "laboratories"}
)


def counted(n: NameAt) -> bool:
    """A name that begins with a bare number, followed by a noun in lower case that is not what an organisation
    does (a verb, a preposition of ``ORG_AFTER``) or a relative pronoun: the number counts the things the words
    name ('140 Repair staff', '20 Aviation trainees'), as a number before a listed acronym does ('5 SPND'), and
    names no partner. The people of a body ('staff', 'engineers') count too after a number: '20 Aviation Repair
    Plant engineers' is read as a count, the listed name then a note."""
    t, s, e = n.t, n.s, n.e
    if e >= t.n or not (t.word(s).isdigit() and len(t.word(s)) <= 4):
        return False
    nxt = t.word(e)
    return (
        nxt.isalpha()
        and nxt.islower()
        and (nxt not in ORG_AFTER or nxt in _COUNTED_NOUNS)
        and nxt not in _RELATIVE
        and nxt not in word_lists().connecting
    )


# adjectives of history before a name ('the historical Silk Road'): a landmark or an era, never a partner
_HISTORY = frozenset({"historical", "historic", "ancient", "medieval", "mythical"})


def landmark(n: NameAt) -> bool:
    """A name after 'the' and an adjective of history ('the historical Silk Road', 'the ancient Silk Road'): a
    landmark or an era named so, not the body a list names after it."""
    t, s = n.t, n.s
    return s >= 2 and t.word(s - 1) in _HISTORY and t.lower(s - 2) == "the"


NOT_PARTNER_FILTERS: tuple[NameFilter, ...] = (
    NameFilter("title", "a journal or proceedings title", title),
    NameFilter("reference", "a reference", reference),
    NameFilter("negated", "a sentence that says the partner is not it", negated),
    NameFilter("event", "the name of an event", event),
    NameFilter("address", "the name of a street", address),
    NameFilter("modifier", "a word before another noun, not the organisation", modifier),
    NameFilter("counted", "a count of things, not the organisation", counted),
    NameFilter("landmark", "a landmark or an era, not the organisation", landmark),
)


def first_catch(filters: tuple[NameFilter, ...], n: NameAt) -> NameFilter | None:
    """The first filter of ``filters`` that catches the name, or None."""
    for f in filters:
        if f.test(n):
            return f
    return None
