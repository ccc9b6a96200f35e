"""Places: countries (pycountry + patterns/countries.yaml), the context words that decide whether a matched
phrase is a place; country risk facts come from the knowledge layer (``knowledge.countries``).

Country words are matched case-sensitively with a spaCy PhraseMatcher (so "turkey" the bird never matches),
then kept or dropped by context rules that live in countries.yaml: false-friend phrases (China clay, Congo red),
treaties and prizes (Paris Agreement), languages (in French), person names (Dr Chad Smith), US states that share
a country's name (Atlanta, Georgia), and cities or regions that only sit inside another organisation's name
(Port of London Authority).
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ...knowledge.countries import country_risk
from ...knowledge.loader import LineDict, PackError, check_keys, load_yaml
from ...knowledge.resources import patterns_dir

PLACE_KINDS = ("name", "demonym", "region", "city", "institution")
CONNECTORS = {
    "of",
    "for",
    "and",
    "the",
    "de",
    "du",
    "des",
    "la",
    "le",
    "di",
    "del",
    "della",
    "&",
    "-",
    "'s",
    "’s",
    "von",
    "van",
    "der",
    "für",
    "y",
    "e",
    "et",
    "do",
    "da",
}
ABBREVIATED = {"Univ", "Inst", "Natl", "Intl", "Tech", "Dept", "Acad", "Sci", "St", "Co", "Corp"}
FUNCTION_WORDS = {
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "and",
    "or",
    "as",
    "at",
    "with",
    "to",
    "for",
    "by",
    "on",
    "in",
    "of",
    "the",
    "a",
    "an",
    "but",
    "will",
    "would",
    "can",
    "may",
    "has",
    "have",
    "had",
    "unless",
    "if",
    "only",
    "otherwise",
    "when",
    "where",
    "than",
    "so",
}
# a place within this many characters of bibliographic markers and a year is a reference, not a partner
CITATION = re.compile(r"\b(?:ISBN|doi|DOI|Ed\. by|[Ee]ds?\.|pp\.|Proceedings|[Vv]ol\.|arXiv|Press|et al\.)")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
QUALIFICATION = {
    "degree",
    "degrees",
    "honours",
    "honors",
    "master",
    "masters",
    "bachelor",
    "bachelors",
    "bsc",
    "msc",
    "meng",
    "phd",
    "qualification",
    "qualifications",
    "equivalent",
    "2:1",
}
COUNTRY_WORDS = re.compile(
    r"\b(?:countr(?:y|ies)|nations?|government|capital|borders?|republic|kingdom)\b", re.I
)
PUBLISHER = re.compile(r"\b(?:Press|Publishing|Publishers|Verlag)\b")
AMOUNT = re.compile(r"^[\d][\d,.]*%?$")
JOINED_OR_CODE = re.compile(r"[&@/]|(?<![^\W\d_])[A-Z]{2}(?![^\W\d_])")  # candidates of _joined_and_codes
LETTER = re.compile(r"[^\W\d_]")
# YEAR, written to start with its first digit ("\b" before a digit is "no word character before it")
YEAR_FAST = re.compile(r"(?:1(?<!\w1)9|2(?<!\w2)0)\d\d\b")
REFERENCE_SECTION = re.compile(r"referen|bibliograph|works cited|literature cited", re.I)
KIND_CONFIDENCE = {"name": 0.9, "demonym": 0.8, "region": 0.8, "city": 0.7, "institution": 0.7}

# "America" alone is the United States, but not as the continent: after South, North, Central or Latin (a line
# break between them too) or among other continents ("in America, Africa, Europe and India")
CONTINENT_WORDS = frozenset({"Africa", "Europe", "Asia", "Oceania", "Antarctica", "Australasia", "Americas"})
AMERICA_BEFORE = frozenset({"South", "North", "Central", "Latin", "SOUTH", "NORTH", "CENTRAL", "LATIN"})


# US postal state codes: "Poker Flat, AK", "Hawthorne, CA 90250", "Cambridge, MA" place a town in the United States
US_STATES = frozenset(
    "AK AL AR AZ CA CO CT DC DE FL GA HI IA ID IL IN KS KY LA MA MD ME MI MN MO MS MT NC ND NE NH NJ NM NV NY OH OK "
    "OR PA RI SC SD TN TX UT VA VT WA WI WV WY".split()
)
# codes that are also words, degrees or other countries' codes: a state only with a ZIP code or after a known city
US_STATES_WORDLIKE = frozenset("CO DE HI ID IN MA MD ME MS OK OR PA".split())
US_ADDRESS = re.compile(
    r"\b((?:[A-Z][a-z]+\.?[ -]){0,3}[A-Z][a-z]+)(,?) ([A-Z]{2})( \d{5}(?:-\d{4})?)?(?=$|[\s.,;:)])"
)


# a bracketed list of two or more capital codes: "(FIN, S)", "(E, I, GR, TR)", "(F, D, CH)"
CODE_LIST = re.compile(r"\(([A-Z]{1,3}(?:, ?[A-Z]{1,3})+)\)")
LIST_CONTEXT = re.compile(r"\b(?:countr(?:y|ies)|nations?)\b", re.I)


def code_lists(text: str, codes: dict[str, str]) -> list[tuple[int, str]]:
    """Country codes of the bracketed partner lists in ``text``, as (offset of the code, ISO code): every item
    must be a country code, not all single letters, a list of two needs a code of one or three letters, and
    the text around must speak of countries, so "(A, B)" options and "(AI, ML)" acronyms are no list."""
    out: list[tuple[int, str]] = []
    for m in CODE_LIST.finditer(text):
        items = [(m.start(1) + x.start(), x.group()) for x in re.finditer(r"[A-Z]+", m.group(1))]
        if not all(w in codes for _, w in items) or all(len(w) == 1 for _, w in items):
            continue
        if len(items) < 3 and all(len(w) == 2 for _, w in items):
            continue  # "(AI, ML)": two-letter acronyms look like codes; a short list needs a longer or shorter code
        if not LIST_CONTEXT.search(text[max(0, m.start() - 300) : m.end() + 300]):
            continue
        out.extend((at, codes[w]) for at, w in items)
    return out


def ap_addresses(text: str, rules: CountryRules) -> list[tuple[int, int, int, bool]]:
    """Towns followed by a US state abbreviated in news style ("ABERDEEN PROVING GROUND, Md.", "Picatinny
    Arsenal, N.J."), as ``us_addresses`` gives them: (town start, town end, abbreviation start, certain); an
    abbreviation that is also a word ("Mass.", "Wash.") is uncertain and counts only after a known town."""
    if rules.ap_address is None:
        return []
    return [
        (m.start(1), m.end(1), m.start(2), m.group(2) not in rules.ap_wordlike)
        for m in rules.ap_address.finditer(text)
    ]


def au_addresses(text: str, rules: CountryRules) -> list[tuple[int, int, int, bool]]:
    """Towns followed by an Australian state or territory code and a four-digit postcode ("Canberra ACT 2600",
    "Carlton South Victoria 3053"), as ``us_addresses`` gives them; the postcode makes each one certain."""
    if rules.au_address is None:
        return []
    return [(m.start(1), m.end(1), m.start(2), True) for m in rules.au_address.finditer(text)]


def _phrases(words: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.lower().split()) for w in words)


def _cue_pattern(words: list[str]) -> re.Pattern[str] | None:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + ")", re.I) if words else None


def us_addresses(text: str) -> list[tuple[int, int, int, bool]]:
    """Town-and-state places in ``text``: (town start, town end, state code start, certain) per match, where
    certain means a ZIP code follows or the code is no word ("Hawthorne, CA 90250", "Poker Flat, AK"); an
    uncertain one ("Cambridge, MA") counts only when the town is a known place."""
    out = []
    for m in US_ADDRESS.finditer(text):
        code = m.group(3)
        if code not in US_STATES:
            continue
        if not (m.group(2) or m.group(4)):
            # "George Mason University, Fairfax VA.": no comma, only as the last item of an address
            tail = text[m.end() : m.end() + 1]
            if (
                code in US_STATES_WORDLIKE
                or text[max(0, m.start(1) - 2) : m.start(1)] != ", "
                or tail not in ".,;"
            ):
                continue
        certain = bool(m.group(4)) or code not in US_STATES_WORDLIKE
        out.append((m.start(1), m.end(1), m.start(3), certain))
    return out


# -- country data ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Place:
    """What a matched phrase says about a country."""

    code: str
    kind: str  # one of PLACE_KINDS
    person_name: bool = False
    alt: str | None = None  # another country sharing the name (Georgia -> US), chosen by sentence context
    language: bool = False  # a demonym that mostly names a language (English)


@dataclass(slots=True)
class CountryRules:
    """countries.yaml compiled: phrase -> Place plus the context word lists."""

    places: dict[str, Place]
    names: dict[str, str]  # country names/aliases only, for resolving names written in list files
    blockers: list[str]
    not_after: set[str]
    not_before: set[tuple[str, ...]]
    language_after: set[str]
    language_before: set[str]
    titles: set[str]
    place_before: set[str]
    us_pronoun_before: set[str]
    place_modifiers: set[str]
    not_near_after: set[str]
    university_heads: list[str]
    name_words: set[str]
    list_codes: dict[
        str, str
    ]  # letter code in a bracketed partner list -> ISO alpha-2 (vehicle and ISO codes)
    ap_address: re.Pattern[str] | None = (
        None  # a town and a US state abbreviated in news style ("Aberdeen, Md.")
    )
    ap_wordlike: frozenset[str] = frozenset()  # abbreviations that are also words ("Mass.", "Wash.")
    au_address: re.Pattern[str] | None = (
        None  # a town, an Australian state code and a postcode ("Canberra ACT 2600")
    )
    alt_before: frozenset[tuple[str, ...]] = (
        frozenset()
    )  # words before a shared name that choose its other code
    licence_words: frozenset[str] = frozenset()
    licence_name_before: frozenset[str] = frozenset()
    time_zone_after: tuple[tuple[str, ...], ...] = ()
    definition_before: frozenset[tuple[str, ...]] = frozenset()
    comparison_before: tuple[tuple[str, ...], ...] = ()


def _variants(phrase: str) -> list[str]:
    out = [phrase]
    if len(phrase) > 3 and phrase.upper() != phrase:
        out.append(phrase.upper())
    plain = "".join(c for c in unicodedata.normalize("NFKD", phrase) if not unicodedata.combining(c))
    if plain != phrase:
        out.append(plain)
    # word processors and typeset pages write the apostrophe of a name as a typographic one
    # ("Côte d’Ivoire", "People’s Republic of China"): index that spelling beside the plain one
    out.extend(v.replace("'", "\u2019") for v in list(out) if "'" in v)
    return out


def _str_list(path: Path, d: LineDict, key: str) -> list[str]:
    v = d.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise PackError(path, d.key_line(key), f"'{key}' must be a list of non-empty strings")
    return v


COUNTRY_KEYS = {
    "translations",
    "translation_exclude",
    "countries",
    "false_friends",
    "regions_not_countries",
    "not_place_after",
    "not_place_before",
    "language_after",
    "language_before",
    "person_titles",
    "place_before",
    "university_heads",
    "name_words",
    "us_pronoun_before",
    "mostly_language",
    "place_modifiers",
    "not_place_near_after",
    "list_codes",
    "us_state_abbreviations",
    "us_state_abbreviations_wordlike",
    "au_state_codes",
    "alt_before",
    "licence_words",
    "licence_name_before",
    "time_zone_after",
    "definition_before",
    "comparison_before",
}
ENTRY_KEYS = {"code", "aliases", "demonyms", "regions", "cities", "person_name", "ambiguous"}


def load_country_rules(path: str | Path | None = None) -> CountryRules:
    """Read and validate countries.yaml (errors name file:line), adding pycountry names at build time."""
    import pycountry

    p = Path(path) if path else patterns_dir() / "countries.yaml"
    data = load_yaml(p)
    if not isinstance(data, LineDict):
        raise PackError(p, 1, "expected a mapping at top level")
    check_keys(p, data, COUNTRY_KEYS, {"countries"}, "countries pack")
    valid = {c.alpha_2 for c in pycountry.countries} | {"XK"}  # XK: Kosovo, user-assigned but universal
    places: dict[str, Place] = {}
    names: dict[str, str] = {}
    # pycountry first, so that the curated aliases below override (Congo -> CD rather than CG)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            n = getattr(c, attr, None)
            if n and "," not in n and "(" not in n:
                places[n] = Place(c.alpha_2, "name")
                names[n.lower()] = c.alpha_2
    exclude = set(_str_list(p, data, "translation_exclude"))
    for lang in _str_list(p, data, "translations"):
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            raise PackError(
                p, data.key_line("translations"), f"no pycountry translation for '{lang}'"
            ) from None
        for c in pycountry.countries:
            n = tr.gettext(c.name)
            if n and "," not in n and "(" not in n and n not in exclude and n not in places:
                places[n] = Place(c.alpha_2, "name")
    mostly_language = set(_str_list(p, data, "mostly_language"))
    entries = data["countries"]
    if not isinstance(entries, list):
        raise PackError(p, data.key_line("countries"), "'countries' must be a list")
    for e in entries:
        check_keys(p, e, ENTRY_KEYS, {"code"}, "country entry")
        code = e["code"]
        if code not in valid:
            raise PackError(p, e.key_line("code"), f"unknown ISO 3166-1 alpha-2 code '{code}'")
        persons = set(_str_list(p, e, "person_name"))
        amb = e.get("ambiguous", {}) or {}
        if not isinstance(amb, dict) or any(v not in valid for v in amb.values()):
            raise PackError(p, e.key_line("ambiguous"), "'ambiguous' must map names to ISO codes")
        for key, kind in (
            ("aliases", "name"),
            ("demonyms", "demonym"),
            ("regions", "region"),
            ("cities", "city"),
        ):
            for n in _str_list(p, e, key):
                places[n] = Place(code, kind, n in persons, amb.get(n), n in mostly_language)
                if kind == "name":
                    names[n.lower()] = code
        for n in persons:  # person-name flags on pycountry names (Jordan, Chad)
            if n in places and places[n].code == code:
                old = places[n]
                places[n] = Place(old.code, old.kind, True, amb.get(n, old.alt), old.language)
    expanded: dict[str, Place] = {}
    for n, pl in places.items():
        for v in _variants(n):
            expanded.setdefault(v, pl)
    expanded.update({n: pl for n, pl in places.items()})

    def words(key: str) -> list[str]:
        return _str_list(p, data, key)

    given = data.get("list_codes", {}) or {}
    if not isinstance(given, dict) or not all(
        isinstance(k, str) and k.isupper() and v in valid for k, v in given.items()
    ):
        raise PackError(p, data.key_line("list_codes"), "'list_codes' must map capital codes to ISO codes")
    list_codes = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    list_codes.update({c.alpha_2: c.alpha_2 for c in pycountry.countries})
    list_codes.update(given)

    ap_wordlike = words("us_state_abbreviations_wordlike")
    ap = words("us_state_abbreviations") + ap_wordlike
    ap_address = (
        re.compile(
            r"\b((?:[A-Z][A-Za-z]+\.?[ -]){0,3}[A-Z][A-Za-z]+), ("
            + "|".join(map(re.escape, sorted(ap, key=len, reverse=True)))
            + r")(?=$|[\s,;:)\u2013\u2014-])"
        )
        if ap
        else None
    )
    au = words("au_state_codes")
    au_address = (
        re.compile(
            r"\b((?:[A-Z][A-Za-z]+[ -]){0,3}[A-Z][A-Za-z]+),? ("
            + "|".join(map(re.escape, sorted(au, key=len, reverse=True)))
            + r") \d{4}\b"
        )
        if au
        else None
    )
    return CountryRules(
        places=expanded,
        names=names,
        blockers=words("false_friends") + words("regions_not_countries"),
        not_after=set(words("not_place_after")),
        not_before={tuple(x.lower().split()) for x in words("not_place_before")},
        language_after={x.lower() for x in words("language_after")},
        language_before={x.lower() for x in words("language_before")},
        titles=set(words("person_titles")),
        place_before={x.lower() for x in words("place_before")},
        us_pronoun_before=set(words("us_pronoun_before")),
        place_modifiers=set(words("place_modifiers")),
        not_near_after=set(words("not_place_near_after")),
        university_heads=words("university_heads"),
        name_words=set(words("name_words")),
        list_codes=list_codes,
        ap_address=ap_address,
        ap_wordlike=frozenset(ap_wordlike),
        au_address=au_address,
        alt_before=frozenset(_phrases(words("alt_before"))),
        licence_words=frozenset(words("licence_words")),
        licence_name_before=frozenset(words("licence_name_before")),
        time_zone_after=tuple(tuple(x.split()) for x in words("time_zone_after")),
        definition_before=frozenset(_phrases(words("definition_before"))),
        comparison_before=_phrases(words("comparison_before")),
    )


@cache
def _rules() -> CountryRules:
    return load_country_rules()


def country_code(name: str | None) -> str | None:
    """ISO alpha-2 code of a country name or alias as written in a document or list file ('Russia' -> 'RU')."""
    if not name:
        return None
    clean = re.sub(r"\s*\(.*?\)", "", name.replace("’", "'")).strip()
    code = _rules().names.get(clean.lower())
    if code:
        return code
    from ...knowledge.designations import default_country

    return default_country(name)


@cache
def country_name(code: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    return (getattr(c, "common_name", None) or c.name) if c else code


@cache
def _risk_summary(code: str) -> tuple[str, str | None]:
    """Severity of a country finding and the reason its risk data gives (None when it has none)."""
    risk = country_risk(code)
    severity = "medium" if risk and (risk["arms_embargo"] or risk["regimes"]) else "info"
    if not risk:
        return severity, None
    bits = ([f"UK sanctions: {', '.join(risk['regimes'])}"] if risk["regimes"] else []) + (
        ["UK arms embargo"] if risk["arms_embargo"] else []
    )
    return severity, "; ".join(bits)
