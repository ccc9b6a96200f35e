"""Partners: countries (pycountry + patterns/countries.yaml), organisations (name patterns and the built-in list
in patterns/organisations.yaml), screening-list matches (detect/lists.py) and country risk data.

Country words are matched case-sensitively with a spaCy PhraseMatcher (so "turkey" the bird never matches),
then kept or dropped by context rules that live in countries.yaml: false-friend phrases (China clay, Congo red),
treaties and prizes (Paris Agreement), languages (in French), person names (Dr Chad Smith), US states that share
a country's name (Atlanta, Georgia), and cities or regions that only sit inside another organisation's name
(Port of London Authority). One Finding is returned per mention; grouping is done by the caller.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..config import Config
from ..model import Document, Finding, ListMatch, TextBlock
from ..resources import patterns_dir
from .packs import LineDict, PackError, check_keys, load_yaml

PLACE_KINDS = ("name", "demonym", "region", "city", "institution")
CONNECTORS = {"of", "for", "and", "the", "de", "du", "des", "la", "le", "di", "del", "della", "&", "-", "'s", "’s",
              "von", "van", "der", "für", "y", "e", "et", "do", "da"}
ABBREVIATED = {"Univ", "Inst", "Natl", "Intl", "Tech", "Dept", "Acad", "Sci", "St", "Co", "Corp"}
FUNCTION_WORDS = {"is", "was", "are", "were", "be", "been", "and", "or", "as", "at", "with", "to", "for", "by",
                  "on", "in", "of", "the", "a", "an", "but", "will", "would", "can", "may", "has", "have", "had",
                  "unless", "if", "only", "otherwise", "when", "where", "than", "so"}
# a place within this many characters of bibliographic markers and a year is a reference, not a partner
CITATION = re.compile(r"\b(?:ISBN|doi|DOI|Ed\. by|[Ee]ds?\.|pp\.|Proceedings|[Vv]ol\.|arXiv|Press|et al\.)")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
QUALIFICATION = {"degree", "degrees", "honours", "honors", "master", "masters", "bachelor", "bachelors", "bsc",
                 "msc", "meng", "phd", "qualification", "qualifications", "equivalent", "2:1"}
COUNTRY_WORDS = re.compile(r"\b(?:countr(?:y|ies)|nations?|government|capital|borders?|republic|kingdom)\b", re.I)
PUBLISHER = re.compile(r"\b(?:Press|Publishing|Publishers|Verlag)\b")
AMOUNT = re.compile(r"^[\d][\d,.]*%?$")
JOINED_OR_CODE = re.compile(r"[&@/]|(?<![^\W\d_])[A-Z]{2}(?![^\W\d_])")  # candidates of _joined_and_codes
REFERENCE_SECTION = re.compile(r"referen|bibliograph|works cited|literature cited", re.I)
ORG_TAG_SEVERITY = {"seven-sons": "high", "military": "high", "state-security": "high", "defence": "medium",
                    "state-linked": "medium", "state-owned": "medium"}


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
    host: list[str]


def _variants(phrase: str) -> list[str]:
    out = [phrase]
    if len(phrase) > 3 and phrase.upper() != phrase:
        out.append(phrase.upper())
    plain = "".join(c for c in unicodedata.normalize("NFKD", phrase) if not unicodedata.combining(c))
    if plain != phrase:
        out.append(plain)
    return out


def _str_list(path: Path, d: LineDict, key: str) -> list[str]:
    v = d.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise PackError(path, d.key_line(key), f"'{key}' must be a list of non-empty strings")
    return v


COUNTRY_KEYS = {"translations", "translation_exclude", "countries", "false_friends", "regions_not_countries",
                "not_place_after", "not_place_before", "language_after", "language_before", "person_titles",
                "place_before", "host_institutions", "university_heads", "name_words", "us_pronoun_before",
                "mostly_language", "place_modifiers", "not_place_near_after"}
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
            raise PackError(p, data.key_line("translations"), f"no pycountry translation for '{lang}'") from None
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
        for key, kind in (("aliases", "name"), ("demonyms", "demonym"), ("regions", "region"), ("cities", "city")):
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

    return CountryRules(
        places=expanded, names=names,
        blockers=words("false_friends") + words("regions_not_countries") + words("host_institutions"),
        not_after=set(words("not_place_after")),
        not_before={tuple(x.lower().split()) for x in words("not_place_before")},
        language_after={x.lower() for x in words("language_after")},
        language_before={x.lower() for x in words("language_before")},
        titles=set(words("person_titles")), place_before={x.lower() for x in words("place_before")},
        us_pronoun_before=set(words("us_pronoun_before")), place_modifiers=set(words("place_modifiers")),
        not_near_after=set(words("not_place_near_after")), university_heads=words("university_heads"),
        name_words=set(words("name_words")), host=words("host_institutions"))


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
    from .lists import default_country

    return default_country(name)


@cache
def _risk_table() -> dict[str, dict[str, Any]]:
    p = patterns_dir() / "country_risk.yaml"
    data = load_yaml(p)
    if not isinstance(data, LineDict) or not isinstance(data.get("countries"), list):
        raise PackError(p, 1, "expected a mapping with a 'countries' list")
    check_keys(p, data, {"countries", "reviewed", "source_note"}, {"countries"}, "country risk pack")
    out: dict[str, dict[str, Any]] = {}
    for e in data["countries"]:
        check_keys(p, e, {"code", "name", "regimes", "arms_embargo", "notes"}, {"code", "regimes", "arms_embargo"},
                   "country risk entry")
        if not isinstance(e["arms_embargo"], bool):
            raise PackError(p, e.key_line("arms_embargo"), "'arms_embargo' must be true or false")
        _str_list(p, e, "regimes")
        out[e["code"]] = {"code": e["code"], "name": e.get("name"), "regimes": list(e["regimes"]),
                          "arms_embargo": e["arms_embargo"], "notes": e.get("notes", "")}
    return out


def country_risk(code: str) -> dict | None:
    """UK sanctions regimes and arms-embargo status of a country (ISO alpha-2), or None when it has neither."""
    entry = _risk_table().get((code or "").upper())
    return dict(entry) if entry else None


@cache
def country_name(code: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    return (getattr(c, "common_name", None) or c.name) if c else code


# -- organisations ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class KnownOrg:
    name: str
    aliases: list[str]
    country: str | None
    kind: str
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class OrgRules:
    heads: dict[str, list[str]]
    known: list[KnownOrg]


ORG_KINDS = {"university", "institute", "company", "funder", "government"}


def load_org_rules(path: str | Path | None = None) -> OrgRules:
    """Read and validate organisations.yaml."""
    p = Path(path) if path else patterns_dir() / "organisations.yaml"
    data = load_yaml(p)
    if not isinstance(data, LineDict):
        raise PackError(p, 1, "expected a mapping at top level")
    check_keys(p, data, {"heads", "organisations"}, {"heads", "organisations"}, "organisations pack")
    heads = data["heads"]
    check_keys(p, heads, {"university", "company", "institute", "government"}, set(), "heads")
    known = []
    for e in data["organisations"]:
        check_keys(p, e, {"name", "aliases", "country", "kind", "tags"}, {"name", "kind"}, "organisation")
        if e["kind"] not in ORG_KINDS:
            raise PackError(p, e.key_line("kind"), f"unknown kind '{e['kind']}' (one of {', '.join(sorted(ORG_KINDS))})")
        known.append(KnownOrg(e["name"], _str_list(p, e, "aliases"), e.get("country"), e["kind"],
                              _str_list(p, e, "tags")))
    return OrgRules({k: _str_list(p, heads, k) for k in heads}, known)


# -- the detector ----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Mention:
    start: int  # token indices in the spaCy doc
    end: int
    phrase: str
    place: Place
    code: str


def _is_cap(tok: Token) -> bool:
    t = tok.text
    return t[:1].isupper() and any(c.isalpha() for c in t)


class PartnerDetector:
    """Finds country and organisation references in a block, and screening-list matches for organisations."""

    def __init__(self, nlp, config: Config):  # noqa: ANN001 - spacy.Language
        self.nlp, self.config = nlp, config
        self.rules = _rules()
        # one search for all university head words ("University", "College") instead of one regex per word
        heads = self.rules.university_heads
        self._university = re.compile(r"\b(?:" + "|".join(map(re.escape, heads)) + r")\b") if heads else None
        self.orgs = load_org_rules()
        vocab = nlp.vocab
        self.place_matcher = PhraseMatcher(vocab, attr="ORTH")
        for phrase in self.rules.places:
            self.place_matcher.add(phrase, [nlp.make_doc(phrase)])
        # the user's own institution (config) joins the built-in ones: never a partner, never a country signal
        hosts = [h for h in dict.fromkeys([*self.rules.host, *(getattr(config, "host_institutions", None) or [])])
                 if h.strip()]
        self.host = re.compile("|".join(rf"{re.escape(h)}\b" for h in hosts)) if hosts else None
        self.block_matcher = PhraseMatcher(vocab, attr="LOWER")
        self.block_matcher.add("BLOCK", [nlp.make_doc(b) for b in [*self.rules.blockers, *hosts]])
        self.org_matcher = PhraseMatcher(vocab, attr="ORTH")
        for i, org in enumerate(self.orgs.known):
            self.org_matcher.add(f"ORG{i}", [nlp.make_doc(v) for n in [org.name, *org.aliases] for v in _variants(n)])
        self.heads_by_kind = {k: set(v) for k, v in self.orgs.heads.items()}
        # a capitalised run can only name an organisation if it holds a head word: those words (first words of
        # multi-word heads, capitals for headings, publishers) are found by one matcher, and runs are read
        # only around them
        anchors = {w for heads in self.orgs.heads.values() for h in heads for w in (h, h.split()[0])}
        anchors |= {"Press", "Publishing", "Publishers", "Verlag"}
        anchors |= {w.upper() for w in anchors}
        self.anchor_matcher = PhraseMatcher(vocab, attr="ORTH")
        self.anchor_matcher.add("HEAD", list(nlp.tokenizer.pipe(sorted(anchors))))
        self.company_heads = self.heads_by_kind.get("company", set())
        self._doc: Doc | None = None  # the block being read, its text and its original text (line breaks kept)
        self._doc_text = self._orig = ""
        self._blocked_for: Doc | None = None
        self._blocked_spans: list[tuple[int, int]] = []
        self._places_for: Doc | None = None
        self._span_cache: dict[tuple[str, tuple], list[_Mention]] = {}  # mentions of short spans read alone
        self._place_spans: list[tuple[int, int]] = []
        import pycountry

        self.iso_codes = {c.alpha_2 for c in pycountry.countries}
        self.multiword_heads = {k: [h for h in v if " " in h] for k, v in self.orgs.heads.items()}
        self._multiword = {k: re.compile("|".join(rf"\b{re.escape(h)}\b" for h in v)) for k, v in
                           self.multiword_heads.items() if v}
        self.lists = None
        self.warnings: list[str] = []  # files in the lists folder that were skipped, for the CLI to show
        if config.lists_dir:
            from .lists import load_lists

            self.lists = load_lists(config.lists_dir, country_of=country_code)
            self.warnings = list(self.lists.warnings)
        self.ner = _load_model(config.model) if config.model else None

    # -- entry points -------------------------------------------------------------------------------------------

    def find(self, sdoc: Doc, block: TextBlock, block_index: int) -> list[Finding]:
        """One Finding per country mention and per organisation mention in ``block``."""
        if block.location.section and REFERENCE_SECTION.search(block.location.section):
            return []  # places in bibliographic references are not partners
        self._doc, self._orig = sdoc, block.text
        if len(self._span_cache) > 5000:
            self._span_cache.clear()
        # Doc.text rebuilds the string on every call: read it once per block
        last = sdoc[-1] if len(sdoc) else None
        same = last is not None and last.idx + len(last.text) + len(last.whitespace_) == len(block.text)
        self._doc_text = block.text.replace("\r", " ").replace("\n", " ") if same else sdoc.text
        if not same:
            self._orig = self._doc_text
        try:
            out = self._countries(sdoc, block, block_index)
            out += self._organisations(sdoc, block, block_index)
        finally:
            self._doc = self._blocked_for = self._places_for = None
        return out

    def finalize(self, document: Document, findings: list[Finding]) -> list[Finding]:
        """Nothing document-wide yet: mentions are grouped by the caller."""
        return findings

    # -- countries ----------------------------------------------------------------------------------------------

    def _countries(self, sdoc: Doc, block: TextBlock, block_index: int) -> list[Finding]:
        mentions = self.mentions(sdoc)
        out = []
        for m in mentions:
            span = sdoc[m.start:m.end]
            out.append(self._country_finding(sdoc, block, block_index, span.start_char, span.end_char, m.code,
                                             m.place.kind, f"{m.place.kind} '{span.text}' -> {m.code}"))
        return out

    def _text(self, sdoc: Doc) -> str:
        return self._doc_text if sdoc is self._doc else sdoc.text

    def _line_break(self, sdoc: Doc, j: int) -> bool:
        """True when a line break of the original block text follows token ``j`` (the Doc has spaces there)."""
        if sdoc is not self._doc or j < 0:
            return False
        t = sdoc[j]
        end = t.idx + len(t.text)
        return bool(t.whitespace_) and end < len(self._orig) and self._orig[end] in "\r\n"

    def _blocked(self, sdoc: Doc) -> list[tuple[int, int]]:
        """Spans of false friends, region names and host institutions (once per block)."""
        if sdoc is self._doc:
            if self._blocked_for is not sdoc:
                self._blocked_spans = [(s, e) for _, s, e in self.block_matcher(sdoc)]
                self._blocked_for = sdoc
            return self._blocked_spans
        return [(s, e) for _, s, e in self.block_matcher(sdoc)]

    def mentions(self, sdoc: Doc) -> list[_Mention]:
        """Country mentions kept after the context rules, with their resolved codes."""
        blocks = self._blocked(sdoc)
        raw = []
        for match_id, s, e in self.place_matcher(sdoc):
            if any(bs < e and s < be and (be - bs) >= (e - s) for bs, be in blocks):
                continue  # part of a false friend, a region name or the host institution
            raw.append(Span(sdoc, s, e, label=match_id))
        from spacy.util import filter_spans

        kept = []
        for span in sorted(filter_spans(raw), key=lambda sp: sp.start):
            phrase = sdoc.vocab.strings[span.label]
            kept.append(_Mention(span.start, span.end, phrase, self.rules.places[phrase], self.rules.places[phrase].code))
        out = [m for m in kept if self._keep(sdoc, m, kept)]
        out += self._joined_and_codes(sdoc, out)
        out.sort(key=lambda m: m.start)
        self._resolve(sdoc, out)
        return out

    def _joined_and_codes(self, sdoc: Doc, found: list[_Mention]) -> list[_Mention]:
        """Places glued to other words ("UK&Turkish", "Muryn@Manchester") and ISO codes in a country column
        ("UNIWERSYTET SLASKI PL 161,235")."""
        text = self._text(sdoc)
        chars = [m.start() for m in JOINED_OR_CODE.finditer(text)]
        if not chars:
            return []
        taken = {i for m in found for i in range(m.start, m.end)}
        out = []
        seen: set[int] = set()
        for c in chars:
            span = sdoc.char_span(c, c + 1, alignment_mode="expand")
            if span is None or not len(span) or span.start in seen:
                continue
            tok = span[0]
            seen.add(tok.i)
            if tok.i in taken:
                continue
            if re.search(r"[&@/]", tok.text):
                for part in re.split(r"[&@/]", tok.text):
                    pl = self.rules.places.get(part)
                    if pl and not pl.person_name and part not in self.rules.not_after:
                        out.append(_Mention(tok.i, tok.i + 1, part, pl, pl.code))
            elif len(tok.text) == 2 and tok.text.isupper() and tok.text in self.iso_codes \
                    and tok.i + 1 < len(sdoc) and AMOUNT.match(sdoc[tok.i + 1].text) and tok.i > 0 \
                    and sdoc[tok.i - 1].text.isupper() and len(sdoc[tok.i - 1].text) > 1:
                out.append(_Mention(tok.i, tok.i + 1, tok.text, Place(tok.text, "name"), tok.text))
        return out

    def _keep(self, sdoc: Doc, m: _Mention, all_mentions: list[_Mention]) -> bool:
        """Apply the countries.yaml context rules to one matched place; False drops it."""
        r = self.rules
        prev = sdoc[m.start - 1] if m.start > 0 else None
        nxt = sdoc[m.end] if m.end < len(sdoc) else None
        after = nxt
        if after is not None and after.text == "-" and m.end + 1 < len(sdoc):
            after = sdoc[m.end + 1]
        if m.start >= 2 and prev is not None and prev.text == "-" and not prev.whitespace_ \
                and not sdoc[m.start - 2].whitespace_ and _is_cap(sdoc[m.start - 2]) \
                and not any(x.end == m.start - 1 for x in all_mentions):
            return False  # suffix of a compound name ("MarRI-UK")
        if any(t.lower_ in QUALIFICATION for t in sdoc[m.end:m.end + 3]) and m.place.kind == "name":
            return False  # a kind of degree ("UK Master's degree"), not a place
        text = self._text(sdoc)
        a, b = sdoc[m.start].idx, sdoc[m.end - 1].idx + len(sdoc[m.end - 1])
        window = text[max(0, a - 120):b + 120]
        if CITATION.search(window) and YEAR.search(window):
            return False  # place of publication in a reference
        if m.phrase == "US":
            if prev is not None and prev.text in r.us_pronoun_before:
                return False
            if nxt is not None and (nxt.text.startswith("$") or nxt.lower_ in ("dollar", "dollars")):
                return False
        if m.start >= 2 and (sdoc[m.start - 2].lower_, sdoc[m.start - 1].lower_) in r.not_before:
            return False
        run_start, run_end = self._run(sdoc, m.start, m.end)
        if any(sdoc[i].text in r.not_after for i in range(m.end, run_end)):
            return False
        if any(t.lower_ in r.not_near_after for t in sdoc[m.end:m.end + 7]) or (
                m.start > 0 and any(t.lower_ == "ranked" for t in sdoc[max(0, m.start - 4):m.start])):
            return False  # a league table ("ranked 71st in the Shanghai ranking"), not a place
        if m.place.kind == "demonym":
            if after is not None and after.lower_ in r.language_after:
                return False
            if m.place.language:  # counted only as an adjective before a noun: "English law"
                if prev is not None and (prev.lower_ in r.language_before or prev.lower_ in ("be", "is", "was", "are")):
                    return False
                if not (after is not None and after.is_alpha and after.is_lower
                        and after.lower_ not in FUNCTION_WORDS):
                    return False
            elif self._coordinated_language(sdoc, m.start):
                return False  # "in French or Spanish"
            elif re.search(r"(?i)\btranslat|\blanguages?\b|\bspeak", _sentence(sdoc, self._text(sdoc), sdoc[m.start].idx,
                                                                        sdoc[m.start].idx + 1)) and not (
                    after is not None and after.is_alpha and after.is_lower and after.lower_ not in FUNCTION_WORDS):
                return False  # "translated to Spanish", "materials in Portuguese"
            elif prev is not None and prev.lower_ in r.language_before and not (
                    after is not None and after.is_alpha and after.is_lower and after.lower_ not in FUNCTION_WORDS):
                return False
        if m.place.person_name and not self._place_cue(sdoc, m, prev, nxt, all_mentions):
            return False
        if m.place.kind in ("region", "city"):
            run_text = sdoc[run_start:run_end].text
            in_university = self._university is not None and self._university.search(run_text) is not None
            if not in_university and prev is not None and _is_cap(prev) and prev.is_alpha \
                    and not prev.is_sent_start and prev.text not in r.place_modifiers \
                    and prev.text not in r.name_words and prev.text not in r.places \
                    and prev.lower_ not in r.place_before:
                return False  # a surname ("Dr Henry Lancashire")
            if run_end - run_start > m.end - m.start:
                if PUBLISHER.search(run_text):
                    return False  # "Cambridge University Press"
                others = [sdoc[i].text for i in range(run_start, run_end) if not m.start <= i < m.end]
                if not in_university and any(w in r.name_words for w in others):
                    return False  # only part of another organisation's name (Port of London Authority)
        return True

    def _coordinated_language(self, sdoc: Doc, start: int) -> bool:
        """True for the later demonyms of 'in French, German or Spanish' (the cue sits before the first)."""
        i = start - 1
        seen = False
        while i >= 1 and sdoc[i].lower_ in ("or", "and", ",", "/"):
            prev = sdoc[i - 1]
            pl = self.rules.places.get(prev.text)
            if not pl or pl.kind != "demonym":
                return False
            seen = True
            i -= 2
        return seen and i >= 0 and sdoc[i].lower_ in self.rules.language_before

    def _place_cue(self, sdoc: Doc, m: _Mention, prev: Token | None, nxt: Token | None,
                   mentions: list[_Mention]) -> bool:
        """For names that are also given names: True when the context says place, not person."""
        r = self.rules
        if prev is not None and prev.text in r.titles:
            return False
        if nxt is not None and _is_cap(nxt) and nxt.is_alpha and nxt.text not in r.name_words \
                and nxt.text not in r.places and not any(x.start == m.end for x in mentions):
            return False  # "Chad Williams", "Jordan Peterson"
        if prev is not None and _is_cap(prev) and prev.is_alpha and not prev.is_sent_start \
                and prev.lower_ not in r.place_before and not any(x.end == m.start for x in mentions):
            return False  # "Michael Jordan"
        if prev is not None and prev.lower_ in r.place_before:
            if prev.lower_ in ("and", "or", ",", "("):
                return any(x is not m and abs(x.start - m.start) <= 4 for x in mentions)
            return True
        if any(x is not m and (0 < m.start - x.end <= 2 or 0 <= x.start - m.end <= 2) for x in mentions):
            return True
        sent = _sentence(sdoc, self._text(sdoc), sdoc[m.start].idx, sdoc[m.start].idx + 1)
        return bool(COUNTRY_WORDS.search(sent))  # "Chad is one of the poorest countries"

    def _run(self, sdoc: Doc, start: int, end: int) -> tuple[int, int]:
        """Token range of the capitalised name around [start, end) (words joined by of/for/and/the/-)."""
        s = start
        while s > 0:
            t = sdoc[s - 1]
            if _is_cap(t) and not t.is_punct:
                if self._line_break(sdoc, s - 1):
                    break  # a heading above a name: "2. Consortium\nThe University of Northshire"
                s -= 1
            elif t.lower_ in CONNECTORS and s - 2 >= 0 and _is_cap(sdoc[s - 2]):
                s -= 2  # a name wrapped after or before "of" continues on the next line
            else:
                break
        e = end
        while e < len(sdoc):
            t = sdoc[e]
            if _is_cap(t) and not t.is_punct:
                if self._line_break(sdoc, e - 1):
                    break
                e += 1
            elif t.text == "." and not sdoc[e - 1].whitespace_ and sdoc[e - 1].text in ABBREVIATED \
                    and e + 1 < len(sdoc) and (_is_cap(sdoc[e + 1]) or sdoc[e + 1].lower_ in CONNECTORS):
                e += 1  # "Sharif Univ. of Technology"
            elif t.lower_ in CONNECTORS and e + 1 < len(sdoc) and _is_cap(sdoc[e + 1]):
                e += 2
            else:
                break
        return s, e

    def _resolve(self, sdoc: Doc, mentions: list[_Mention]) -> None:
        """Choose codes that depend on neighbours: 'Atlanta, Georgia' -> US, 'Cambridge, Massachusetts' -> US."""
        for m in mentions:
            if m.place.alt:
                sent = sdoc[m.start].sent if sdoc.has_annotation("SENT_START") else sdoc[:]
                if any(x is not m and x.place.code == m.place.alt and sent.start <= x.start < sent.end
                       for x in mentions):
                    m.code = m.place.alt
        for i, m in enumerate(mentions[:-1]):
            nxt = mentions[i + 1]
            if m.place.kind != "city" or not 0 <= nxt.start - m.end <= 2:
                continue
            between = sdoc[m.end:nxt.start].text.strip()
            if between in (",", "(", "-", "") and nxt.place.kind in ("region", "name") and nxt.code != m.code:
                m.code = nxt.code

    def _country_finding(self, sdoc: Doc, block: TextBlock, block_index: int, start: int, end: int, code: str,
                         kind: str, reason: str, confidence: float | None = None) -> Finding:
        risk = country_risk(code)
        severity = "medium" if risk and (risk["arms_embargo"] or risk["regimes"]) else "info"
        conf = confidence if confidence is not None else {"name": 0.9, "demonym": 0.8, "region": 0.8,
                                                          "city": 0.7, "institution": 0.7}.get(kind, 0.7)
        reasons = [reason]
        if risk:
            bits = ([f"UK sanctions: {', '.join(risk['regimes'])}"] if risk["regimes"] else []) + \
                   (["UK arms embargo"] if risk["arms_embargo"] else [])
            reasons.append("; ".join(bits))
        return Finding(rule_id="country", category="country", text=block.text[start:end],
                       context=_sentence(sdoc, block.text, start, end), location=block.locate(start, end),
                       severity=severity, confidence=conf, subcategory=kind, country_code=code,
                       name=country_name(code), reasons=reasons, block_index=block_index, start=start, end=end)

    # -- organisations ------------------------------------------------------------------------------------------

    def _organisations(self, sdoc: Doc, block: TextBlock, block_index: int) -> list[Finding]:
        out: list[Finding] = []
        known_spans: list[tuple[int, int, KnownOrg]] = []
        for match_id, s, e in self.org_matcher(sdoc):
            org = self.orgs.known[int(sdoc.vocab.strings[match_id][3:])]
            known_spans.append((s, e, org))
        blocked = self._blocked(sdoc)
        known_spans = _longest([k for k in known_spans
                                if not any(bs < k[1] and k[0] < be and be - bs > k[1] - k[0] for bs, be in blocked)])
        candidates: list[tuple[int, int, str, KnownOrg | None]] = []
        for s, e, kind in self._org_runs(sdoc):
            inside = [k for k in known_spans if s <= k[0] and k[1] <= e]
            org = inside[0][2] if len(inside) == 1 else None
            named = self._country_in(sdoc, s, e)
            if org and named and org.country and named != org.country:
                org = None  # "Russian Ministry of Defence" is not the UK's
            candidates.append((s, e, kind, org))
        for s, e, org in known_spans:
            if not any(cs <= s and e <= ce for cs, ce, _, _ in candidates):
                candidates.append((s, e, org.kind, org))
        if self.ner is not None:
            ents = self.ner(self._text(sdoc)).ents
            for ent in ents:
                if ent.label_ == "ORG":
                    span = sdoc.char_span(ent.start_char, ent.end_char, alignment_mode="expand")
                    if span is not None and not any(cs < span.end and span.start < ce for cs, ce, _, _ in candidates):
                        candidates.append((span.start, span.end, "ner", None))
        for s, e, kind, org in sorted(candidates, key=lambda c: c[0]):
            span = sdoc[s:e]
            text = span.text
            if self.host is not None and self.host.match(text):
                continue  # the host institution itself is not a partner
            name = org.name if org else text
            matches: list[ListMatch] = []
            dropped: list[str] = []
            if self.lists is not None:
                matches = self.lists.match(name) or (self.lists.match(text) if org else [])
                # same name, different country: "Northeastern University (US)" is not the one in Shenyang
                home = (org.country if org else None) or self._country_in(sdoc, s, e) or self._country_after(sdoc, e)
                if home:
                    dropped = [f"not {x.list_name}: '{x.entry}' is in {x.country}, this one in {home}"
                               for x in matches if x.country and x.country != home]
                    matches = [x for x in matches if not x.country or x.country == home]
            severity, conf, reasons = "info", 0.6, [f"{kind} name pattern"]
            rule = f"org-{kind}"
            if org:
                rule, conf = "org-known", 0.9
                reasons = [f"built-in list: {org.name}" + (f" ({', '.join(org.tags)})" if org.tags else "")]
                severity = max((ORG_TAG_SEVERITY.get(t, "info") for t in org.tags), key=_sev_rank, default="info")
            if matches:
                cats = {x.list_id: self.lists.category(x) for x in matches}
                # a tracker entry rated only "Civilian" is worth a check, not an alarm
                only_civilian = all(cats[x.list_id] == "Civilian" for x in matches)
                rule, conf = "org-list-match", max(x.score for x in matches)
                severity = max(severity, "medium" if only_civilian else "high", key=_sev_rank)
                reasons += [f"{x.list_name}: '{x.entry}' (score {x.score:.2f}"
                            + (f", {cats[x.list_id]})" if cats[x.list_id] else ")") for x in matches[:5]]
            reasons += dropped
            exact = [x.entry for x in matches if x.score == 1.0]
            if not org and exact:  # the list's spelling names the body ("Univ." -> "University")
                name = next((n for n in exact if not n.isupper()), exact[0])
            out.append(Finding(rule_id=rule, category="organisation", text=text,
                               context=_sentence(sdoc, block.text, span.start_char, span.end_char),
                               location=block.locate(span.start_char, span.end_char), severity=severity,
                               confidence=conf, subcategory=kind, name=name, lists=matches,
                               country_code=(org.country if org else None) or next(
                                   (x.country for x in matches if x.country), None),
                               reasons=reasons, block_index=block_index, start=span.start_char, end=span.end_char))
            # an institution fixes the country it is in (funders and government bodies name who pays)
            code = out[-1].country_code
            listed = bool(matches) and all(x.score == 1.0 for x in matches)
            if code and (org or listed) and kind in ("university", "institute") and not self._has_country(
                    sdoc, s, e, code):
                out.append(self._country_finding(sdoc, block, block_index, span.start_char, span.end_char, code,
                                                 "institution", f"institution '{name}' is in {code}", 0.6))
        return out

    def _span_mentions(self, sdoc: Doc, s: int, e: int) -> list[_Mention]:
        """``mentions`` of the tokens ``s:e`` read on their own; copying the span is skipped when no place
        phrase, joined word or code lies inside it (then there is nothing to find)."""
        if sdoc is self._doc:
            if self._places_for is not sdoc:
                self._place_spans = [(ms, me) for _, ms, me in self.place_matcher(sdoc)]
                self._places_for = sdoc
            if not any(s <= ms and me <= e for ms, me in self._place_spans):
                span = sdoc[s:e]
                if not JOINED_OR_CODE.search(self._doc_text, span.start_char, span.end_char):
                    return []
        span = sdoc[s:e]
        key = (span.text_with_ws, tuple(t.is_sent_start for t in span))
        found = self._span_cache.get(key)
        if found is None:
            found = self._span_cache[key] = self.mentions(span.as_doc())
        return found

    def _country_in(self, sdoc: Doc, s: int, e: int) -> str | None:
        """A country or nationality named inside an organisation's name ('Russian Ministry of Defence')."""
        for m in self._span_mentions(sdoc, s, e):
            if m.place.kind in ("name", "demonym"):
                return m.code
        return None

    def _country_after(self, sdoc: Doc, end: int) -> str | None:
        """A country named right after an organisation: 'X University (US)', 'X Institute, Germany'."""
        tail = sdoc[end:min(len(sdoc), end + 4)]
        if len(tail) < 2 or tail[0].text not in ("(", ",", "-", "in"):
            return None
        for m in self._span_mentions(sdoc, end, min(len(sdoc), end + 4)):
            if m.start <= 1 and m.place.kind in ("name", "region", "city"):
                return m.code
        return None

    def _has_country(self, sdoc: Doc, s: int, e: int, code: str) -> bool:
        return any(m.code == code for m in self._span_mentions(sdoc, s, e))

    def _may_join(self, t: Token) -> bool:
        """Whether a token can be part of a capitalised run (see ``_run``); any other token ends every run."""
        return (_is_cap(t) and not t.is_punct) or t.lower_ in CONNECTORS or t.text in (".", ",") \
            or t.text in self.company_heads

    def _org_runs(self, sdoc: Doc) -> list[tuple[int, int, str]]:
        """Capitalised names containing an organisation head word, with the kind the head says.

        Only the runs around head words are read: scanning starts at the last token before a head word that
        cannot belong to any run, which gives the runs a scan of the whole block would.
        """
        out: list[tuple[int, int, str]] = []
        i = 0  # tokens before i have been read
        for h in sorted({s for _, s, _ in self.anchor_matcher(sdoc)}):
            if h < i:
                continue
            p = h
            while p > i and self._may_join(sdoc[p - 1]):
                p -= 1
            i = self._read_runs(sdoc, p, h, out)
        return out

    def _read_runs(self, sdoc: Doc, i: int, last: int, out: list[tuple[int, int, str]]) -> int:
        """Read the runs starting at tokens ``i..last`` into ``out``; return the first token not read."""
        n = len(sdoc)
        while i <= last and i < n:
            if not (_is_cap(sdoc[i]) and not sdoc[i].is_punct):
                i += 1
                continue
            s, e = self._run(sdoc, i, i + 1)
            # "X Co., Ltd." / "X Holdings, Inc.": a legal suffix after a comma belongs to the name
            while e + 1 < n and sdoc[e].text == "," and sdoc[e + 1].text in self.company_heads:
                e += 2
            if sdoc[s].lower_ == "the":
                s += 1
            for ps, pe in self._split_run(sdoc, s, e):
                kind = self._org_kind(sdoc[ps:pe]) if pe - ps >= 2 else None
                if kind:
                    out.append((ps, pe, kind))
            i = max(e, i + 1)
        return i

    def _split_run(self, sdoc: Doc, s: int, e: int) -> list[tuple[int, int]]:
        """'Beihang University and Tsinghua University' -> two names; '... and Dr Evans' -> name only."""
        for j in range(s + 1, e - 1):
            if sdoc[j].lower_ in ("and", "&"):
                if sdoc[j + 1].text in self.rules.titles:
                    return [(s, j)]
                left, right = sdoc[s:j], sdoc[j + 1:e]
                if self._org_kind(left) and self._org_kind(right):
                    return [(s, j), *self._split_run(sdoc, j + 1, e)]
        return [(s, e)]

    def _org_kind(self, span: Span) -> str | None:
        words = [t.text for t in span]
        if span.text.isupper():  # table cells and headings in capitals
            words = [w.title() if len(w) > 3 else w for w in words]
        if words[-1] in self.heads_by_kind.get("company", ()) or PUBLISHER.search(span.text):
            return "company"
        text = span.text
        for kind in ("university", "institute", "government"):
            multi = self._multiword.get(kind)
            if any(w in self.heads_by_kind.get(kind, ()) for w in words) or (multi is not None and multi.search(text)):
                return kind
        return None


def _sev_rank(s: str) -> int:
    return {"info": 0, "low": 1, "medium": 2, "high": 3}[s]


def _longest(spans: list[tuple[int, int, KnownOrg]]) -> list[tuple[int, int, KnownOrg]]:
    out: list[tuple[int, int, KnownOrg]] = []
    for s, e, org in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if not any(os < e and s < oe for os, oe, _ in out):
            out.append((s, e, org))
    return sorted(out, key=lambda x: x[0])


def _sentence(sdoc: Doc, text: str, start: int, end: int) -> str:
    """The sentence around a match (spaCy sentences when set, else the text between full stops)."""
    if sdoc.has_annotation("SENT_START"):
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            sent = span.sent
            return text[sent.start_char:sent.end_char].strip()
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return text[left + 1 if left >= 0 else 0:(min(right) + 1) if right else len(text)].strip()


def _load_model(name: str):  # noqa: ANN202 - spacy.Language
    """Load an installed spaCy pipeline (package name or folder); never downloads."""
    import spacy

    if spacy.util.is_package(name) or Path(name).is_dir():
        return spacy.load(name)
    raise ValueError(f"spaCy model '{name}' is not installed (install it offline, e.g. pip install a local wheel,"
                     " or give the path of a saved pipeline); grantscan never downloads models")
