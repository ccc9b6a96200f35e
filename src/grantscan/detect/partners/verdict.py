"""Whether a listed entry names the organisation written in the text: designated, possible, or another body.

A candidate entry (found by a listed name, an acronym or a fuzzy score) goes through ``VERDICT_RULES`` in order.
Each rule decides one thing: it passes, marks the match possible, adds the evidence a reader sees, or ends the
candidate, silently (not worth a line) or with a reason that says which entry this is not and why. The reasons'
wording is the table ``REASONS``: what a finding says comes from there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache

from ...knowledge.designations import ListEntry
from ...knowledge.districts import districts
from . import screening
from .acronyms import AcronymUse
from .words import word_lists

# What a finding says about a list match: reason id -> template (str.format fields as named).
REASONS: dict[str, str] = {
    # how the entry was found
    "found-exact": "listed name or alias '{raw}' written in the text",
    "found-known": "built-in body, listed as '{raw}'",
    "found-acronym": "listed acronym '{raw}'",
    "found-reordered": "listed name '{raw}' in another word order or spelling",
    "found-typo": "listed name '{raw}' written with a typo (score {score:.2f})",
    "found-shortened": "listed name '{raw}' with its head word left out (score {score:.2f})",
    "found-moved": "listed name '{raw}' with its first word moved after a comma (score {score:.2f})",
    "found-fuzzy": "close to listed name '{raw}' (score {score:.2f})",
    # evidence for or against the entry
    "shared-acronym": "'{raw}' is the acronym of {bodies} listed bodies",
    "acronym-defined": "the text defines '{raw}' as '{expansion}'",
    "acronym-unconfirmed": "'{raw}' is used as an organisation and not defined in the text, and neither the "
    "entry's country nor its city is named near it: possible match, check",
    "acronym-paragraph": "its paragraph names {places}, as listed",
    "civilian": "the tracker rates it Civilian",
    "placed-as-listed": "placed in {places}, as listed",
    "city-as-listed": "its sentence names {city}, the listed city",
    "sentence-as-listed": "its sentence names {places}, as listed",
    "sentence-elsewhere": "its sentence names {places}; listed in {listed}",
    "generic-unplaced": "a name several bodies share, and no place named: check which one",
    "generic-company": "a company name of trade words many companies share, written without the listed legal "
    "form, place or wording: possible match, check",
    "unconfirmed": "no place named to confirm it",
    "head-left-out-unplaced": "'{raw}' is the listed name without its head word '{head}', and no place named: "
    "possible match, check",
    # why an entry is not the body named
    "placed-elsewhere": "not {entry}: listed in {listed}, this one in {places}",
    "generic-elsewhere": "not {entry}: a name several bodies share, listed in {listed}, placed in {places}",
    "acronym-defined-otherwise": "not {entry}: the text defines '{raw}' as '{expansion}'",
}


def reason(reason_id: str, **fields: object) -> str:
    """The text of reason ``reason_id`` with its fields filled in."""
    return REASONS[reason_id].format(**fields)


def _places(codes: AbstractSet[str]) -> str:
    return ", ".join(sorted(codes))


@dataclass(slots=True)
class Candidate:
    """One listed entry considered for the organisation at hand, and the verdict so far."""

    raw: str  # the listed name or acronym that was found
    score: float
    how: str  # exact, known, acronym, reordered, moved, typo, fuzzy
    entry: ListEntry
    generic: bool  # a name several bodies share
    words: int  # words of the listed name
    acronym_bodies: Callable[[], int]  # how many listed bodies have this acronym
    strong: set[str]  # countries the name itself, the text right after it or the built-in body places it in
    weak: set[str]  # other countries its sentence names
    whole: bool  # a listed name covers the whole span
    kind_listed: bool  # the span was found only by a listed word
    acronym: AcronymUse | None = None  # what the text says of a listed acronym written alone
    # the folded words written around the name (three tokens either side), read only when a rule needs them
    near: Callable[[], Sequence[str]] = tuple
    # the text of its sentence, read only when a rule looks for the entry's own city in it
    sentence: Callable[[], str] = str
    # two words or fewer, none distinctive ('DM Link'; see ScreeningIndex.plain_name), read only when a rule needs it
    plain: Callable[[], bool] = bool
    status: str = "possible"
    evidence: list[str] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)  # the entry's

    def __post_init__(self) -> None:
        self.status = "designated" if self.score >= screening.DESIGNATED else "possible"
        self.countries = (self.entry.all_countries() or set(_named_country(self.entry.name))) | _city_country(
            self.entry.city
        )
        self.evidence = [found(self.how, self.raw, self.score)]

    @property
    def label(self) -> str:
        """'UK Sanctions List RUS1431 'Name'' (two spaces where the entry has no id, as listed)."""
        e = self.entry
        return f"{e.list_name} {e.entry_id or ''} '{e.name}'"

    @property
    def placed(self) -> bool:
        """The name, the text right after it or the built-in body says where it is, and the list says too."""
        return bool(self.countries and self.strong)

    @property
    def in_sentence(self) -> bool:
        """Only its sentence says where it is, and the list says too."""
        return bool(self.countries and not self.strong and self.weak)

    @property
    def unplaced(self) -> bool:
        return not self.placed and not self.in_sentence


# the places of screening.yaml are Chinese cities and provinces; Hong Kong and Macau are listed apart
_NOT_MAINLAND = frozenset({"hong", "kong", "macau", "macao"})


@cache
def _named_country(name: str) -> frozenset[str]:
    """For an entry the list gives no country (the 1286 list): CN when its name starts with or holds a Chinese
    city or province ('Beijing University of Posts and Telecommunications'), else none."""
    places = word_lists().places - _NOT_MAINLAND
    return frozenset({"CN"}) if any(w in places for w in screening.name_words(name)) else frozenset()


@cache
def _city_country(city: str | None) -> frozenset[str]:
    """The country a listed city field names when the place lists read it as a country of its own: the Entity
    List files Hong Kong and Macau addresses under China ('General Technology Limited', city 'Hong Kong'), and a
    text places such a body in Hong Kong. Any other city field: none (its country field says where it is)."""
    from .places import _rules  # the rules the detector was built with, read once per process

    codes: set[str] = set()
    for field_city in (city, _district_city(city)):
        place = _rules().places.get(" ".join((field_city or "").split()))
        if place is not None and place.kind == "name":
            codes.add(place.code)
    return frozenset(codes)


def _district_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in _WORD.findall(screening.fold(text)) if w not in _REGION_WORDS and w != "dist")


@cache
def _district_city(city: str | None) -> str | None:
    """The city whose district listed city field ``city`` names ('Kowloon' -> 'Hong Kong', 'Pudong New Area' ->
    'Shanghai', 'Buji Longgang' -> 'Shenzhen'; patterns/districts.yaml), or None: the field names no district of
    the table, or is a city itself."""
    field = _district_words(city or "")
    if not field:
        return None
    for district, town in districts().items():
        want = _district_words(district)
        if want and any(field[i : i + len(want)] == want for i in range(len(field) - len(want) + 1)):
            return town
    return None


def found(how: str, raw: str, score: float) -> str:
    """How the entry was found, as a reader's line."""
    key = f"found-{how}" if f"found-{how}" in REASONS else "found-fuzzy"
    return reason(key, raw=raw, score=score)


class Skip:
    """The candidate ends without a word: too weak to be worth a line."""


class Drop:
    """The candidate ends, and the finding says why it is another body."""

    def __init__(self, why: str):
        self.why = why


SKIP = Skip()
Outcome = Skip | Drop | None  # None: go on to the next rule


# -- the rules ----------------------------------------------------------------------------------------------------


def too_far(c: Candidate) -> Outcome:
    """A score below the possible-match threshold is no match."""
    return SKIP if c.score < screening.POSSIBLE else None


# an acronym of this many letters or fewer names too many things to stand alone ('IEC', 'RCC', 'NSI')
SHORT_ACRONYM = 3
# an expansion this close to a listed name of the entry defines the acronym as that entry
DEFINED_AS_LISTED = 0.86


def _short(raw: str) -> bool:
    """Whether a listed acronym names too many things to stand alone: three letters or fewer, or single letters
    joined by marks of any length ('T-R-O-S' of 'T.R.O.S', a row of letters as a grade or a code writes them)."""
    return sum(ch.isalpha() for ch in raw) <= SHORT_ACRONYM or screening.letters_key(raw) == raw


def _entry_key(e: ListEntry) -> tuple[str, str]:
    return (e.list_id, e.entry_id or e.name)


def acronym_defined(c: Candidate) -> Outcome:
    """A listed acronym the text defines: the expansion decides. A listed name of the entry makes it that entry
    (designated, wherever it stands); another expansion makes it another body."""
    use = c.acronym
    if c.how != "acronym" or use is None or not use.defined:
        return None
    best = use.expansion_scores.get(_entry_key(c.entry), 0.0)
    expansion = use.expansions[0]
    c.generic = False  # the expansion, not the acronym's length, says which body it is
    if best >= DEFINED_AS_LISTED:
        c.status = "designated"
        c.evidence.append(reason("acronym-defined", raw=c.raw, expansion=expansion))
        return None
    if best >= screening.POSSIBLE:
        c.status = "possible"
        c.evidence.append(reason("acronym-defined", raw=c.raw, expansion=expansion))
        return None
    return Drop(reason("acronym-defined-otherwise", entry=c.label, raw=c.raw, expansion=expansion))


def acronym_role(c: Candidate) -> Outcome:
    """A listed acronym written alone and not defined: its role decides. In another role than an organisation's
    (a modifier, a quantity, a method or a gene, a reference) it is silent. A three-letter one names too many
    things ('IEC', 'DEC'): used as an organisation it is a possible match to check, designated only when the
    entry's country or city is named in its sentence or paragraph; in no clear role, only with its country in
    its sentence."""
    if c.how != "acronym":
        return None
    use = c.acronym
    near = (c.strong | c.weak) & c.countries
    if use is None:
        return SKIP if _short(c.raw) and not near else None
    if use.defined:
        return None
    if use.role == "other":
        return SKIP
    if not _short(c.raw) or near:
        return None
    c.generic = False  # its role and places, not its length, decide from here
    city = (c.entry.city or "").casefold()
    paragraph = use.paragraph_codes & c.countries
    if use.role == "organisation" and (
        paragraph or (city and (city in use.paragraph_cities or _city_named(c.entry.city, c.sentence())))
    ):
        c.evidence.append(reason("acronym-paragraph", places=_places(paragraph) or c.entry.city))
        return None
    if use.role == "organisation":
        c.status = "possible"
        c.evidence.append(reason("acronym-unconfirmed", raw=c.raw))
        return None
    return SKIP


def loose_seed(c: Candidate) -> Outcome:
    """A run found only by a listed word must be close to the listed name to be worth a check."""
    if c.how in ("fuzzy", "reordered") and c.kind_listed and c.score < screening.DESIGNATED:
        return SKIP
    return None


def shared_acronym(c: Candidate) -> Outcome:
    """An acronym several listed bodies share is a possible match of each."""
    if c.how == "acronym" and c.acronym_bodies() > 1:
        c.status = "possible"
        c.evidence.append(reason("shared-acronym", raw=c.raw, bodies=c.acronym_bodies()))
    return None


def civilian_only(c: Candidate) -> Outcome:
    """A tracker entry rated only "Civilian" is worth a check, not an alarm."""
    if c.entry.category and set(c.entry.category.split(", ")) == {"Civilian"}:
        c.status = "possible"
        c.evidence.append(reason("civilian"))
    return None


# words that say what kind of place a listed city is, not which one ('Volgograd Oblast', 'Jiangsu Province')
_REGION_WORDS = frozenset(
    {
        "oblast",
        "krai",
        "kray",
        "province",
        "region",
        "republic",
        "territory",
        "area",
        "new",
        "district",
        "city",
        "obl",
        "oblast'",
    }
    | {"of", "the"}
)
# address words the list's city field sometimes holds instead of a city ('Units', 'Bldg', 'Huayuan Rd'): such a
# field names no city a text would place a body by
_ADDRESS_WORDS = frozenset(
    {
        "rd",
        "road",
        "st",
        "street",
        "square",
        "bldg",
        "building",
        "unit",
        "units",
        "gpo",
        "floor",
        "room",
        "avenue",
    }
    | {"ave", "lane", "entersection", "intersection", "office", "no", "block", "zone", "park"}
)


_APOS = re.compile(r"['’`´]")


@cache
def _city_pattern(city: str) -> re.Pattern[str] | None:
    """A whole-word pattern of listed city ``city`` without its region words ('Volgograd Oblast' -> 'Volgograd'),
    or None when what is left is missing or holds a word names use for other things ('Science')."""
    wl = word_lists()
    words = [w for w in _WORD.findall(screening.fold(city)) if w not in _REGION_WORDS]
    if not words or any(
        w in wl.generic or w in wl.company_words or w in wl.legal_forms or w in _ADDRESS_WORDS for w in words
    ):
        return None
    return re.compile(r"\b" + r"[\s-]+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)


def _plain_text(text: str) -> str:
    """``text`` with diacritics and apostrophes dropped, its case kept (a city is written with a capital)."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return _APOS.sub("", text)


def _city_named(city: str | None, sentence: str) -> bool:
    """Whether ``sentence`` names listed city ``city`` as a whole word written with a capital, whether or not
    the place word lists know it ('VZ RTO in Volgograd'), in any of its written forms (see ``_city_keys``)."""
    town = _district_city(city)
    if town is not None and _city_named(town, sentence):
        return True  # the city a listed district belongs to ('Kowloon' for a text placing it in Hong Kong)
    pattern = _city_pattern(city) if city else None
    if pattern is None or not sentence:
        return False
    plain = _plain_text(sentence)
    if any(m.group()[0].isupper() for m in pattern.finditer(plain)):
        return True
    forms = _city_keys(city or "")
    if not forms:
        return False
    got = [_city_key(w) for w in _CAPITAL_WORD.findall(_SYLLABLE_JOIN.sub(r"\1\2", plain))]
    return any(
        tuple(got[i : i + len(want)]) == want for want in forms for i in range(len(got) - len(want) + 1)
    )


# a capitalised word, and a syllable written after a hyphen in lower case ('Cheng-du', read 'Chengdu')
_CAPITAL_WORD = re.compile(r"\b[A-Z][A-Za-z]*")
_SYLLABLE_JOIN = re.compile(r"\b([A-Z][a-z]+)-([a-z]+)\b")
# the endings a Russian place name takes as an adjective ('Sverdlovskaya Oblast', 'Rostovskaya', 'Omskaya') once
# spelt by the transliteration keys ('aya' -> 'aia'), and the '-sk' a city's name ends with ('Sverdlovsk')
_ADJECTIVE_END = re.compile(r"(?:aia|aja|oi|ii|i|a|o)$")
# the shortest stem an ending is taken off to ('Tula' and 'Tulskaya' stay apart: 'tul' is too short to tell)
_MIN_STEM = 4


def _stem(key: str, end: re.Pattern[str]) -> str:
    stem = end.sub("", key)
    return stem if len(stem) >= _MIN_STEM else key


_SK_END = re.compile(r"sk$")


@cache
def _city_key(word: str) -> str:
    """A key shared by the written forms of one place word: its transliteration key ('Nizhnii' and 'Nizhny'),
    a 'c' before a, o, u as 'k' ('Moscow', 'Moskovskaya'), the Ukrainian '-iv' as the Russian '-ov' ('Kharkiv',
    'Kharkov'), less the adjective ending of a Russian place name and a city's '-sk' ('Sverdlovskaya',
    'Sverdlovsk' and 'Sverdlov' all 'sverdlov') where a stem of four letters or more is left."""
    key = screening.canon(screening.fold(word))
    key = re.sub(r"c(?=[aou])", "k", key)
    key = re.sub(r"iv$", "ov", key)
    return _stem(_stem(key, _ADJECTIVE_END), _SK_END)


@cache
def _city_keys(city: str) -> tuple[tuple[str, ...], ...]:
    """The keys of the words of listed city ``city``, its region words dropped, and, where the field is a city
    and its region ('Protvino Moskovskaya Oblast', "Xi'an Shaanxi"), those of the city alone; () when
    ``_city_pattern`` reads it as no city ('Units', 'Science Park')."""
    if _city_pattern(city) is None:
        return ()
    words = [
        w for w in _WORD.findall(screening.fold(_SYLLABLE_JOIN.sub(r"\1\2", city))) if w not in _REGION_WORDS
    ]
    keys = tuple(_city_key(w) for w in words)
    if len(words) >= 2 and (_REGION_ADJECTIVE.search(words[-1]) or words[-1] in word_lists().places):
        return (keys, keys[:-1])
    return (keys,)


# a Russian region written as an adjective ('Moskovskaya', 'Sverdlovskaya', 'Permskiy')
_REGION_ADJECTIVE = re.compile(r"sk(?:aya|aia|aja|iy|ii|ij|y|oy|oi|oe)$")


@cache
def _name_holds_city(raw: str, city: str) -> bool:
    """Whether listed name ``raw`` holds the words of listed city ``city`` ('Kazan Helicopter Plant', Kazan):
    the city written there may be the name's own word, which places nothing."""
    words = set(_WORD.findall(screening.fold(raw)))
    return set(_WORD.findall(screening.fold(city))) - _REGION_WORDS <= words


def name_holds(raw: str, place: str) -> bool:
    """Whether listed name ``raw`` holds every word of place ``place`` ('Beijing Institute of Technology',
    Beijing): a place written after such a name may be its own word read again, not where the body is."""
    words = set(_WORD.findall(screening.fold(raw)))
    return bool(words) and set(_WORD.findall(screening.fold(place))) <= words


def placed_by_city(evidence: Sequence[str]) -> bool:
    """Whether a match's ``evidence`` says its sentence names the entry's own city (see ``city_as_listed``)."""
    tail = REASONS["city-as-listed"].split("}", 1)[1]
    return any(x.startswith("its sentence names ") and x.endswith(tail) for x in evidence)


def city_as_listed(c: Candidate) -> Outcome:
    """A shared or plain name its sentence places in no country of the entry, with the entry's own city named
    there ('VZ RTO in Volgograd', a city the place word lists may not know): placed as listed. Not for a name that holds the city
    itself ('Kazan Helicopter Plant'), whose city word may be the one read."""
    city = c.entry.city
    if c.how == "acronym" or c.strong or not c.countries or c.weak & c.countries or not city:
        return None
    if not c.generic and not c.plain():
        return None  # a distinctive name is matched without a place; only shared and plain names ask
    if not _name_holds_city(c.raw, city) and _city_named(city, c.sentence()):
        c.strong = set(c.countries)
        c.weak = set()
        c.evidence.append(reason("city-as-listed", city=c.entry.city))
    return None


def placed_as_listed(c: Candidate) -> Outcome:
    """The name is placed where the list places the entry: say so."""
    if c.placed and c.strong & c.countries:
        c.evidence.append(reason("placed-as-listed", places=_places(c.strong & c.countries)))
    return None


def placed_elsewhere(c: Candidate) -> Outcome:
    """The name is placed in another country than the entry's: another body."""
    if c.placed and not c.strong & c.countries:
        return Drop(
            reason("placed-elsewhere", entry=c.label, listed=_places(c.countries), places=_places(c.strong))
        )
    return None


def sentence_as_listed(c: Candidate) -> Outcome:
    """Its sentence names the entry's country: say so."""
    if c.in_sentence and c.weak & c.countries:
        c.evidence.append(reason("sentence-as-listed", places=_places(c.weak & c.countries)))
    return None


def generic_sentence_elsewhere(c: Candidate) -> Outcome:
    """A name several bodies share, in a sentence naming other countries than the entry's: another body."""
    if c.in_sentence and not c.weak & c.countries and c.generic:
        return Drop(
            reason("generic-elsewhere", entry=c.label, listed=_places(c.countries), places=_places(c.weak))
        )
    return None


def plain_sentence_elsewhere(c: Candidate) -> Outcome:
    """A listed name of two everyday or short words ('DM Link', 'Art Logistics') in a sentence naming other
    countries only: another company of the same words ('DM Link Ltd, a Bristol distributor')."""
    if c.in_sentence and not c.weak & c.countries and c.how != "acronym" and c.plain():
        return Drop(
            reason("generic-elsewhere", entry=c.label, listed=_places(c.countries), places=_places(c.weak))
        )
    return None


def sentence_elsewhere(c: Candidate) -> Outcome:
    """A distinctive name in a sentence naming other countries: still a match, the places said; a fuzzy one, or
    one in another word order ('Shipyard Eastern Ltd, Falmouth, UK'), is only possible."""
    if c.in_sentence and not c.weak & c.countries and not c.generic:
        c.evidence.append(reason("sentence-elsewhere", places=_places(c.weak), listed=_places(c.countries)))
        if c.how in ("fuzzy", "reordered", "moved"):
            c.status = "possible"
    return None


@cache
def _listed_legal(raw: str) -> frozenset[str]:
    """The legal forms listed name ``raw`` is written with ('United Shipbuilding Corporation': corp)."""
    return frozenset(legal_forms_in(_WORD.findall(screening.fold(raw))))


def generic_placed_or_short(c: Candidate) -> Outcome:
    """A name several bodies share, placed by the text where the list cannot say, or of two words or fewer, is
    not matched on its own; one of two words listed with a legal form and written with another ('United
    Shipbuilding Company' for '... Corporation') is a company of those words, a possible match to check."""
    if c.unplaced and c.generic and (c.strong or c.words <= 2):
        written = legal_forms_in(c.near()) if not c.strong and c.how != "acronym" else set()
        if written and written.isdisjoint(_listed_legal(c.raw)) and _listed_legal(c.raw):
            c.status = "possible"
            c.evidence.append(reason("generic-unplaced"))
            return None
        if (
            not c.strong
            and c.whole
            and c.score >= 1.0
            and screening.letter_groups(screening.name_words(c.raw))
        ):
            # letters as listed ('VZ RTO'), no place: which body they name is for a reader to check
            c.status = "possible"
            c.evidence.append(reason("generic-unplaced"))
            return None
        return SKIP
    return None


def generic_inside_longer(c: Candidate) -> Outcome:
    """A name several bodies share inside a longer, unplaced name: that name is another body."""
    if c.unplaced and c.generic and not c.strong and c.words > 2 and not c.whole:
        return SKIP
    return None


@cache
def _place_and_trade(raw: str) -> bool:
    """Whether listed name ``raw`` is a place and generic or trade words alone ('Hong Kong Electronics')."""
    wl = word_lists()
    words = screening.name_words(raw)
    return any(w in wl.places for w in words) and all(
        w in wl.places or w in wl.generic or w in wl.company_words for w in words
    )


def place_name_inside_longer(c: Candidate) -> Outcome:
    """A listed name of a place and trade words inside a longer name of another kind of organisation ('Hong Kong
    Electronics' in 'Hong Kong Electronic Industries Association'): that name is another body, as many are named
    after the same place and trade. Its legal form written after it ('Hong Kong Electronics Co., Ltd.') is no
    other kind."""
    if c.how == "acronym" or c.whole or not _place_and_trade(c.raw):
        return None
    kinds = word_lists().organisation_types
    own = set(screening.name_words(c.raw))
    return SKIP if any(w in kinds and w not in own for w in c.near()) else None


def generic_unplaced(c: Candidate) -> Outcome:
    """A name several bodies share, written whole with no place: a possible match to check."""
    if c.unplaced and c.generic and not c.strong and c.words > 2 and c.whole:
        c.status = "possible"
        c.evidence.append(reason("generic-unplaced"))
    return None


# a legal form written out -> its short form, and the local forms read as the same ('OOO' is an 'LLC')
# (a joint-stock company open, closed or public is one form: a body re-registered keeps its name)
_LEGAL_PHRASES = (
    (("joint", "stock", "company"), "jsc"),
    (("jointstock", "company"), "jsc"),
    (("limited", "liability", "company"), "llc"),
)
_LEGAL_SHORT = {
    "limited": "ltd",
    "company": "co",
    "corporation": "corp",
    "incorporated": "inc",
    "ooo": "llc",
    "ao": "jsc",
    "pao": "jsc",
    "oao": "jsc",
    "zao": "jsc",
    "pjsc": "jsc",
    "ojsc": "jsc",
    "cjsc": "jsc",
    "holding": "holdings",
    "public": "",
    "open": "",
    "closed": "",
}
_WORD = re.compile(r"[a-z0-9]+")


def legal_forms_in(words: Sequence[str]) -> set[str]:
    """The legal forms among folded ``words``, each as its short form ('Limited Liability Company' -> llc; 'PAO',
    'OJSC' -> jsc)."""
    legal = word_lists().legal_forms
    words = [screening.legal_word(w) for w in words]  # 'Corporatin', 'Holdng'
    out: set[str] = set()
    i = 0
    while i < len(words):
        for phrase, short in _LEGAL_PHRASES:
            if tuple(words[i : i + len(phrase)]) == phrase:
                out.add(short)
                i += len(phrase)
                break
        else:
            if words[i] in legal:
                out.add(_LEGAL_SHORT.get(words[i], words[i]))
            i += 1
    out.discard("")
    return out


@cache
def company_name(raw: str) -> tuple[tuple[str, ...], frozenset[str]] | None:
    """For a listed name of generic and trade words once normalised, at most two of them more than the kind of
    organisation ('Innovation and Technologies LLC'): its own written words without the legal form ('innovation
    and technologies') when they say more than the normalised words do (an 'and', a plural), else none, and its
    legal forms; None for any other name."""
    wl = word_lists()
    words = screening.name_words(raw)
    if not all(w in wl.generic or w in wl.company_words for w in words):
        return None
    if not 0 < sum(w not in wl.organisation_types for w in words) <= 2:
        # three such words name one body, as for the generic names ('Marine Instrument Engineering')
        return None
    folded = _WORD.findall(screening.fold(raw))
    own = tuple(w for w in folded if w not in wl.legal_forms)
    return (own if own != words else ()), frozenset(legal_forms_in(folded))


def _holds(words: Sequence[str], part: Sequence[str]) -> bool:
    n = len(part)
    return any(tuple(words[i : i + n]) == tuple(part) for i in range(len(words) - n + 1))


def generic_company(c: Candidate) -> Outcome:
    """A listed company name of trade words many companies share ('Innovation and Technologies LLC', 'JSC Digital
    Solutions') is equal to many other names once normalised ('Innovation Technology'): designated only with its
    legal form written, its country or city named, or its own written form ('and', plural); in a sentence naming
    other countries only, another body; else a possible match to check."""
    if c.how == "acronym" or c.status != "designated":
        return None
    got = company_name(c.raw)
    if got is None or (c.strong | c.weak) & c.countries:
        return None
    own, legal = got
    near = c.near()
    city = _WORD.findall(screening.fold(c.entry.city or ""))
    # a plural alone does not tell one generic name from another ('Defense Systems'); an 'and' may
    exact = bool(own) and _holds(near, own) and ("and" in own or not c.generic)
    if (legal and legal <= legal_forms_in(near)) or exact or (city and _holds(near, city)):
        c.generic = False  # written as listed: this body, not any of the name
        return None
    if c.weak:
        return Drop(
            reason("generic-elsewhere", entry=c.label, listed=_places(c.countries), places=_places(c.weak))
        )
    if not c.generic:  # the rules for generic names decide those
        c.status = "possible"
        c.evidence.append(reason("generic-company"))
    return None


# the head words of a university's, institute's or academy's name that a shortened listed name may leave out
_ACADEMIC_HEADS = ("university", "institute", "academy")


def _academic_head_left_out(c: Candidate) -> str:
    """The head word ('University', 'Institute', 'Academy') that listed name ``c.raw`` leaves out of a name of
    its entry ('Harbin Engineering' of 'Harbin Engineering University'), or ''."""
    short = screening.name_words(c.raw)
    if not short:
        return ""
    for n in (c.entry.name, *c.entry.aliases):
        words = screening.name_words(n)
        if len(words) == len(short) + 1 and words[:-1] == short and words[-1] in _ACADEMIC_HEADS:
            return words[-1]
    return ""


def head_left_out_unplaced(c: Candidate) -> Outcome:
    """A university's, institute's or academy's listed name written without its head word ('Harbin
    Engineering', 'Air Force Engineering') and no place of the entry named: the words may name a field or
    another body, a possible match to check. Placed as listed, the name is the body ('Harbin Engineering in
    Harbin, China')."""
    if c.status != "designated" or c.how == "acronym" or c.strong & c.countries or c.weak & c.countries:
        return None
    head = _academic_head_left_out(c)
    if head:
        c.status = "possible"
        c.evidence.append(reason("head-left-out-unplaced", raw=c.raw, head=head.capitalize()))
    return None


def unconfirmed(c: Candidate) -> Outcome:
    """A close but inexact designated match with no place named to confirm it: say so."""
    if (
        c.status == "designated"
        and c.how == "fuzzy"
        and c.countries
        and not (c.strong & c.countries or c.weak & c.countries)
    ):
        c.evidence.append(reason("unconfirmed"))
    return None


VERDICT_RULES: tuple[Callable[[Candidate], Outcome], ...] = (
    too_far,
    acronym_defined,
    acronym_role,
    loose_seed,
    shared_acronym,
    civilian_only,
    city_as_listed,
    placed_as_listed,
    placed_elsewhere,
    generic_company,
    sentence_as_listed,
    generic_sentence_elsewhere,
    plain_sentence_elsewhere,
    sentence_elsewhere,
    generic_placed_or_short,
    generic_inside_longer,
    place_name_inside_longer,
    generic_unplaced,
    head_left_out_unplaced,
    unconfirmed,
)


def judge(c: Candidate) -> Outcome:
    """Apply the rules in order to ``c`` (its status and evidence change as they go); SKIP or a Drop ends it."""
    for rule in VERDICT_RULES:
        outcome = rule(c)
        if outcome is not None:
            return outcome
    return None
