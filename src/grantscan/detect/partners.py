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
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from spacy.attrs import IDX, SENT_START, SPACY
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..config import Config
from ..knowledge.countries import country_risk  # noqa: F401 - re-exported for the partner findings
from ..knowledge.loader import LineDict, PackError, check_keys, load_yaml
from ..knowledge.resources import patterns_dir
from ..model import Document, Finding, ListMatch, TextBlock

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
ORG_TAG_SEVERITY = {
    "seven-sons": "high",
    "military": "high",
    "state-security": "high",
    "defence": "medium",
    "state-linked": "medium",
    "state-owned": "medium",
}


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
    "host_institutions",
    "university_heads",
    "name_words",
    "us_pronoun_before",
    "mostly_language",
    "place_modifiers",
    "not_place_near_after",
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

    return CountryRules(
        places=expanded,
        names=names,
        blockers=words("false_friends") + words("regions_not_countries") + words("host_institutions"),
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
        host=words("host_institutions"),
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
    from .lists import default_country

    return default_country(name)


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
            raise PackError(
                p, e.key_line("kind"), f"unknown kind '{e['kind']}' (one of {', '.join(sorted(ORG_KINDS))})"
            )
        known.append(
            KnownOrg(
                e["name"], _str_list(p, e, "aliases"), e.get("country"), e["kind"], _str_list(p, e, "tags")
            )
        )
    return OrgRules({k: _str_list(p, heads, k) for k in heads}, known)


# -- the detector ----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Scan:
    """What the phrase scan found in one Doc (token indices)."""

    places: list[tuple[int, int, str]]  # start, end, phrase
    orgs: list[tuple[int, int, KnownOrg]]
    heads: list[int]  # first tokens of organisation head words
    codes: list[int]  # tokens that are ISO 3166 alpha-2 codes


@dataclass(slots=True)
class _Mention:
    start: int  # token indices in the spaCy doc
    end: int
    phrase: str
    place: Place
    code: str


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and any(c.isalpha() for c in word)


class _Tokens:
    """One Doc's tokens as offsets into its text, read once with ``Doc.to_array``.

    The context rules look at many neighbouring tokens per mention; a spaCy Token or Span object costs
    ~0.5 µs to create, a slice of the text a tenth of that. Word attributes (lower case, punctuation, letters)
    come from the vocabulary's lexemes, cached per distinct word, so they are exactly the Token's.
    """

    __slots__ = (
        "doc",
        "doclike",
        "base",
        "text",
        "orig",
        "n",
        "st",
        "sp",
        "_flags",
        "_bounds",
        "has_sents",
        "_lex",
        "_vocab",
    )

    def __init__(self, doc: Doc, text: str, orig: str | None, lex: dict[str, tuple]):
        self.doc = self.doclike = doc  # doclike: what the matchers read (the doc, or the span of a view)
        self.base = 0  # index in ``doc`` of token 0
        self.text, self.orig = text, orig  # orig: the block text with line breaks (the block's own doc)
        self.n = len(doc)
        arr = doc.to_array([IDX, SPACY, SENT_START]) if self.n else None
        # st[i]: start of token i; st[n] = len(text), so that token i ends at st[i + 1] - sp[i]
        self.st: list[int] = (arr[:, 0].tolist() if arr is not None else []) + [len(text)]
        self.sp: bytes = (
            arr[:, 1].astype("u1").tobytes() if arr is not None else b""
        )  # 1 where a space follows
        self._flags = arr[:, 2] if arr is not None else None  # SENT_START: 1, -1 (as uint64) or 0
        self._bounds: list[int] | None = None
        self.has_sents = doc.has_annotation("SENT_START")
        self._lex, self._vocab = lex, doc.vocab

    def can_view(self) -> bool:
        """Whether ``view`` reads like ``Span.as_doc``: no parse or hooks that a copy would carry along."""
        d = self.doc
        return (
            self.base == 0
            and self.doclike is d
            and not (d.user_hooks or d.user_span_hooks or d.user_token_hooks or d.has_annotation("DEP"))
        )

    def view(self, s: int, e: int) -> _Tokens:
        """Tokens ``s:e`` read as a Doc of their own (what ``doc[s:e].as_doc()`` gives), without the copy."""
        v = _Tokens.__new__(_Tokens)
        v.doc, v.doclike, v.base = self.doc, self.doc[s:e], s
        a = self.st[s]
        v.text, v.orig, v.n = self.text[a : self.st[e]], None, e - s
        v.st = [x - a for x in self.st[s : e + 1]]
        v.sp = self.sp[s:e]
        v._flags = self._flags[s:e]
        v._bounds = None
        # Doc.has_annotation("SENT_START"): a one-token doc always has it, else a boundary after token 0 set
        v.has_sents = v.n <= 1 or bool((v._flags[1:] != 0).any())
        v._lex, v._vocab = self._lex, self._vocab
        return v

    def word(self, i: int) -> str:
        st = self.st
        return self.text[st[i] : st[i + 1] - self.sp[i]]

    def end(self, i: int) -> int:
        """Character offset just after token ``i``."""
        return self.st[i + 1] - self.sp[i]

    def span_text(self, s: int, e: int) -> str:
        """``doc[s:e].text``."""
        return self.text[self.st[s] : self.end(e - 1)] if e > s else ""

    def info(self, i: int) -> tuple[str, bool, bool, bool, bool]:
        """(lower case, capitalised, punctuation, alphabetic, all lower case) of token ``i``."""
        st = self.st
        w = self.text[st[i] : st[i + 1] - self.sp[i]]
        return self._lex.get(w) or self._learn(w)

    def _learn(self, w: str) -> tuple[str, bool, bool, bool, bool]:
        lex = self._vocab[w]
        got = self._lex[w] = (lex.lower_, _is_cap(w), lex.is_punct, lex.is_alpha, lex.is_lower)
        return got

    def lowers(self, lo: int, hi: int) -> list[str]:
        """Lower-case forms of tokens ``lo:hi``."""
        st, sp, text, lex = self.st, self.sp, self.text, self._lex
        out = []
        for i in range(lo, hi):
            w = text[st[i] : st[i + 1] - sp[i]]
            out.append((lex.get(w) or self._learn(w))[0])
        return out

    def lower(self, i: int) -> str:
        return self.info(i)[0]

    def cap(self, i: int) -> bool:
        return self.info(i)[1]

    def name_word(self, i: int) -> bool:
        """Capitalised and not punctuation: a word that extends a name."""
        got = self.info(i)
        return got[1] and not got[2]

    def sent_start(self, i: int) -> bool:
        """``Token.is_sent_start`` taken as a truth value."""
        return int(self._flags[i]) == 1

    def sent_key(self, s: int, e: int) -> tuple:
        return tuple(self._flags[s:e].tolist())

    def sentence(self, i: int) -> tuple[int, int]:
        """Token range of the sentence holding token ``i`` (``Span.sent`` of any span starting there)."""
        if self._bounds is None:
            self._bounds = (self._flags == 1).nonzero()[0].tolist()
        b = self._bounds
        j = bisect_right(b, i)
        return (b[j - 1] if j else 0), (b[j] if j < len(b) else self.n)

    def sentence_text(self, text: str, s: int, e: int, chars: tuple[int, int] | None = None) -> str:
        """``_sentence`` of the tokens ``s:e`` (or of the characters ``chars`` in them) in ``text``, a string
        with the doc text's offsets."""
        if self.has_sents:
            a, b = self.sentence(s)
            return text[self.st[a] : self.end(b - 1)].strip()
        return _text_sentence(text, *(chars or (self.st[s], self.end(e - 1))))


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
        import pycountry

        self.iso_codes = {c.alpha_2 for c in pycountry.countries}
        # the user's own institution (config) joins the built-in ones: never a partner, never a country signal
        hosts = [
            h
            for h in dict.fromkeys([*self.rules.host, *(getattr(config, "host_institutions", None) or [])])
            if h.strip()
        ]
        self.host = re.compile("|".join(rf"{re.escape(h)}\b" for h in hosts)) if hosts else None
        block_docs = [nlp.make_doc(b) for b in [*self.rules.blockers, *hosts]]
        self.block_matcher = PhraseMatcher(vocab, attr="LOWER")
        self.block_matcher.add("BLOCK", block_docs)
        self._block_len = max((len(d) for d in block_docs), default=0)
        self.heads_by_kind = {k: set(v) for k, v in self.orgs.heads.items()}
        # a capitalised run can only name an organisation if it holds a head word: those words (first words of
        # multi-word heads, capitals for headings, publishers) are found by the scan, and runs are read only
        # around them
        anchors = {w for heads in self.orgs.heads.values() for h in heads for w in (h, h.split()[0])}
        anchors |= {"Press", "Publishing", "Publishers", "Verlag"}
        anchors |= {w.upper() for w in anchors}
        # Place phrases, known organisations, head words and ISO codes are found in one pass over the tokens
        # (key -> what it finds). Each kind keeps its own matcher only if two of its keys share a token
        # sequence: the order of such matches would then depend on the matcher's contents.
        patterns: dict[str, list[tuple[str, Any, list[Doc]]]] = {
            "place": [(f"place:{ph}", ph, [nlp.make_doc(ph)]) for ph in self.rules.places],
            "org": [
                (f"ORG{i}", org, [nlp.make_doc(v) for n in [org.name, *org.aliases] for v in _variants(n)])
                for i, org in enumerate(self.orgs.known)
            ],
            "head": [("HEAD", None, list(nlp.tokenizer.pipe(sorted(anchors))))],
            "code": [("CODE", None, [d for d in nlp.tokenizer.pipe(sorted(self.iso_codes)) if len(d) == 1])],
        }
        self._found_by: dict[int, tuple[str, Any]] = {}
        self.matchers: list[PhraseMatcher] = []
        merged = PhraseMatcher(vocab, attr="ORTH")
        for kind, entries in patterns.items():
            keys_of: dict[tuple[int, ...], set[str]] = {}
            for key, value, docs in entries:
                self._found_by[vocab.strings.add(key)] = (kind, value)
                for d in docs:
                    keys_of.setdefault(tuple(t.orth for t in d), set()).add(key)
            own = merged if all(len(k) == 1 for k in keys_of.values()) else PhraseMatcher(vocab, attr="ORTH")
            for key, _, docs in entries:
                own.add(key, docs)
            if own is not merged:
                self.matchers.append(own)
        self.matchers.insert(0, merged)
        self.company_heads = self.heads_by_kind.get("company", set())
        self._doc: Doc | None = (
            None  # the block being read, its text and its original text (line breaks kept)
        )
        self._doc_text = self._orig = ""
        self._tokens: _Tokens | None = None  # of the block being read, made on first use
        self._lex: dict[str, tuple] = {}  # word -> lexeme attributes, for every document
        self._blocked_for: Doc | None = None
        self._blocked_spans: list[tuple[int, int]] = []
        self._scanned_for: Doc | None = None
        self._scanned: _Scan | None = None
        self._span_cache: dict[tuple[str, tuple], list[_Mention]] = {}  # mentions of short spans read alone
        self.multiword_heads = {k: [h for h in v if " " in h] for k, v in self.orgs.heads.items()}
        self._multiword = {
            k: re.compile("|".join(rf"\b{re.escape(h)}\b" for h in v))
            for k, v in self.multiword_heads.items()
            if v
        }
        self.lists = None
        self.warnings: list[str] = []  # files in the lists folder that were skipped, for the CLI to show
        if config.lists_dir:
            from .lists import load_lists

            self.lists = load_lists(config.lists_dir, country_of=country_code)
            self.warnings = list(self.lists.warnings)
        self._list_cache: dict[str, list[ListMatch]] = {}  # screening-list matches per name, for this run
        self.ner = _load_model(config.model) if config.model else None

    # -- entry points -------------------------------------------------------------------------------------------

    def find(self, sdoc: Doc, block: TextBlock, block_index: int) -> list[Finding]:
        """One Finding per country mention and per organisation mention in ``block``."""
        if block.location.section and REFERENCE_SECTION.search(block.location.section):
            return []  # places in bibliographic references are not partners
        self._doc, self._orig = sdoc, block.text
        if len(self._span_cache) > 5000:
            self._span_cache.clear()
        if len(self._lex) > 50_000:
            self._lex.clear()
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
            self._doc = self._blocked_for = self._scanned_for = self._scanned = self._tokens = None
        return out

    def begin(self, document: Document, doctype: str) -> None:
        """Nothing to set up per document."""

    def finalize(self, document: Document, own: list[Finding], earlier: list[Finding]) -> list[Finding]:
        """Nothing document-wide yet: mentions are grouped by the caller."""
        return own

    # -- tokens ---------------------------------------------------------------------------------------------------

    def _toks(self, sdoc: Doc) -> _Tokens:
        """Token offsets of ``sdoc``: kept for the block being read, made anew for another doc."""
        if sdoc is self._doc:
            if self._tokens is None:
                self._tokens = _Tokens(sdoc, self._doc_text, self._orig, self._lex)
            return self._tokens
        return _Tokens(sdoc, sdoc.text, None, self._lex)

    def _scan(self, doclike: Doc | Span, base: int = 0) -> _Scan:
        """Place phrases, known organisations, head words and ISO codes in ``doclike`` (a doc, or a span whose
        first token is ``base``), as token indices from ``base``; once per block."""
        if doclike is self._doc and self._scanned_for is doclike and self._scanned is not None:
            return self._scanned
        found = _Scan([], [], [], [])
        by = self._found_by
        for matcher in self.matchers:
            for key, s, e in matcher(doclike):
                kind, value = by[key]
                if kind == "place":
                    found.places.append((s - base, e - base, value))
                elif kind == "org":
                    found.orgs.append((s - base, e - base, value))
                elif kind == "head":
                    found.heads.append(s - base)
                else:
                    found.codes.append(s - base)
        if doclike is self._doc:
            self._scanned_for, self._scanned = doclike, found
        return found

    # -- countries ----------------------------------------------------------------------------------------------

    def _countries(self, sdoc: Doc, block: TextBlock, block_index: int) -> list[Finding]:
        mentions = self.mentions(sdoc)
        if not mentions:
            return []
        t = self._toks(sdoc)
        out = []
        for m in mentions:
            start, end = t.st[m.start], t.end(m.end - 1)
            out.append(
                self._country_finding(
                    t,
                    block,
                    block_index,
                    m.start,
                    m.end,
                    m.code,
                    m.place.kind,
                    f"{m.place.kind} '{t.text[start:end]}' -> {m.code}",
                )
            )
        return out

    def _line_break(self, t: _Tokens, j: int) -> bool:
        """True when a line break of the original block text follows token ``j`` (the Doc has spaces there)."""
        if t.orig is None or j < 0:
            return False
        end = t.end(j)
        return bool(t.sp[j]) and end < len(t.orig) and t.orig[end] in "\r\n"

    def _blocked(self, sdoc: Doc | Span, base: int = 0) -> list[tuple[int, int]]:
        """Spans of false friends, region names and host institutions; in the block's own doc only those that
        overlap a place phrase or a known organisation (the only ones a rule looks at), once per block."""
        if sdoc is not self._doc:
            return [(s - base, e - base) for _, s, e in self.block_matcher(sdoc)]
        if self._blocked_for is not sdoc:
            found = self._scan(sdoc)
            # a blocked phrase overlapping tokens s:e lies within s - L + 1 .. e + L - 1 (L: its longest length)
            reach, n = self._block_len - 1, len(sdoc)
            windows = sorted(
                (max(0, s - reach), min(n, e + reach)) for s, e, _ in [*found.places, *found.orgs]
            )
            merged: list[tuple[int, int]] = []
            for ws, we in windows:
                if merged and ws <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], we))
                else:
                    merged.append((ws, we))
            # one call per window costs about as much as reading 60 tokens: past that, read the whole block
            if len(merged) * 60 + sum(we - ws for ws, we in merged) >= n:
                merged = [(0, n)]
            spans = [
                (s, e)
                for ws, we in merged
                for _, s, e in self.block_matcher(sdoc[ws:we] if we - ws < n else sdoc)
            ]
            self._blocked_spans, self._blocked_for = spans, sdoc
        return self._blocked_spans

    def mentions(self, sdoc: Doc) -> list[_Mention]:
        """Country mentions kept after the context rules, with their resolved codes."""
        found = self._scan(sdoc)
        if not found.places and not found.codes:
            text = self._doc_text if sdoc is self._doc else sdoc.text
            if "&" not in text and "@" not in text and "/" not in text:
                return []  # no place phrase, code or joined word: nothing to read
        return self._mentions(self._toks(sdoc))

    def _mentions(self, t: _Tokens) -> list[_Mention]:
        found = self._scan(t.doclike, t.base)
        blocks = self._blocked(t.doclike, t.base) if found.places else []
        raw = []
        for s, e, phrase in found.places:
            if any(bs < e and s < be and (be - bs) >= (e - s) for bs, be in blocks):
                continue  # part of a false friend, a region name or the host institution
            raw.append((s, e, phrase))
        places = self.rules.places
        kept = []
        for s, e, phrase in _filter_spans(raw):
            kept.append(_Mention(s, e, phrase, places[phrase], places[phrase].code))
        out = [m for m in kept if self._keep(t, m, kept)]
        out += self._joined_and_codes(t, out, found.codes)
        out.sort(key=lambda m: m.start)
        self._resolve(t, out)
        return out

    def _joined_and_codes(self, t: _Tokens, found: list[_Mention], codes: list[int]) -> list[_Mention]:
        """Places glued to other words ("UK&Turkish", "Muryn@Manchester") and ISO codes in a country column
        ("UNIWERSYTET SLASKI PL 161,235"). ``codes``: tokens that are ISO codes."""
        text, st, n = t.text, t.st, t.n
        # tokens holding '&', '@' or '/', and codes with no letter just before them
        cand = set()
        for ch in "&@/":
            c = text.find(ch)
            while c != -1:
                cand.add(bisect_right(st, c) - 1)
                c = text.find(ch, c + 1)
        cand.update(i for i in codes if not (st[i] and LETTER.match(text, st[i] - 1)))
        if not cand:
            return []
        taken = {i for m in found for i in range(m.start, m.end)}
        out = []
        for i in sorted(cand):
            if i in taken:
                continue
            word = t.word(i)
            if "&" in word or "@" in word or "/" in word:
                for part in re.split(r"[&@/]", word):
                    pl = self.rules.places.get(part)
                    if pl and not pl.person_name and part not in self.rules.not_after:
                        out.append(_Mention(i, i + 1, part, pl, pl.code))
            elif (
                len(word) == 2
                and word.isupper()
                and word in self.iso_codes
                and i + 1 < n
                and AMOUNT.match(t.word(i + 1))
                and i > 0
                and t.word(i - 1).isupper()
                and len(t.word(i - 1)) > 1
            ):
                out.append(_Mention(i, i + 1, word, Place(word, "name"), word))
        return out

    def _keep(self, t: _Tokens, m: _Mention, all_mentions: list[_Mention]) -> bool:
        """Apply the countries.yaml context rules to one matched place; False drops it."""
        r = self.rules
        ms, me, n = m.start, m.end, t.n
        text, st, sp = t.text, t.st, t.sp
        prev = ms - 1 if ms > 0 else None  # token indices
        nxt = me if me < n else None
        after = nxt
        if after is not None and text[st[me] : st[me + 1] - sp[me]] == "-" and me + 1 < n:
            after = me + 1
        prev_w = text[st[prev] : st[ms] - sp[prev]] if prev is not None else None
        if (
            ms >= 2
            and prev_w == "-"
            and not sp[prev]
            and not sp[ms - 2]
            and t.cap(ms - 2)
            and not any(x.end == ms - 1 for x in all_mentions)
        ):
            return False  # suffix of a compound name ("MarRI-UK")
        lo = max(0, ms - 4)
        low = t.lowers(lo, min(n, me + 7))  # lower-case words from 4 before to 7 after the mention
        a_low = me - lo  # index in ``low`` of the token after the mention
        if m.place.kind == "name" and any(w in QUALIFICATION for w in low[a_low : a_low + 3]):
            return False  # a kind of degree ("UK Master's degree"), not a place
        a, b = st[ms], st[me] - sp[me - 1]
        window = text[max(0, a - 120) : b + 120]
        if YEAR_FAST.search(window) and CITATION.search(window):
            return False  # place of publication in a reference
        if m.phrase == "US":
            if prev_w is not None and prev_w in r.us_pronoun_before:
                return False
            if nxt is not None and (t.word(nxt).startswith("$") or low[a_low] in ("dollar", "dollars")):
                return False
        if ms >= 2 and (low[ms - 2 - lo], low[ms - 1 - lo]) in r.not_before:
            return False
        run_start, run_end = self._run(t, ms, me)
        if run_end > me and any(t.word(i) in r.not_after for i in range(me, run_end)):
            return False
        if any(w in r.not_near_after for w in low[a_low:]) or "ranked" in low[: ms - lo]:
            return False  # a league table ("ranked 71st in the Shanghai ranking"), not a place
        prev_lower = low[ms - 1 - lo] if prev is not None else None
        if m.place.kind == "demonym":
            adjective = False  # an adjective before a noun: "English law"
            if after is not None:
                after_lower, _, _, alpha, is_lower = t.info(after)
                if after_lower in r.language_after:
                    return False
                adjective = alpha and is_lower and after_lower not in FUNCTION_WORDS
            if m.place.language:  # counted only as an adjective before a noun: "English law"
                if prev is not None and (
                    prev_lower in r.language_before or prev_lower in ("be", "is", "was", "are")
                ):
                    return False
                if not adjective:
                    return False
            elif self._coordinated_language(t, ms):
                return False  # "in French or Spanish"
            elif (
                re.search(r"(?i)\btranslat|\blanguages?\b|\bspeak", t.sentence_text(text, ms, me, (a, a + 1)))
                and not adjective
            ):
                return False  # "translated to Spanish", "materials in Portuguese"
            elif prev is not None and prev_lower in r.language_before and not adjective:
                return False
        if m.place.person_name and not self._place_cue(t, m, prev, nxt, all_mentions):
            return False
        if m.place.kind in ("region", "city"):
            run_text = t.span_text(run_start, run_end)
            in_university = self._university is not None and self._university.search(run_text) is not None
            if (
                not in_university
                and prev is not None
                and t.cap(prev)
                and t.info(prev)[3]
                and not t.sent_start(prev)
                and prev_w not in r.place_modifiers
                and prev_w not in r.name_words
                and prev_w not in r.places
                and prev_lower not in r.place_before
            ):
                return False  # a surname ("Dr Henry Lancashire")
            if run_end - run_start > me - ms:
                if PUBLISHER.search(run_text):
                    return False  # "Cambridge University Press"
                if not in_university and any(
                    t.word(i) in r.name_words for i in range(run_start, run_end) if not ms <= i < me
                ):
                    return False  # only part of another organisation's name (Port of London Authority)
        return True

    def _coordinated_language(self, t: _Tokens, start: int) -> bool:
        """True for the later demonyms of 'in French, German or Spanish' (the cue sits before the first)."""
        i = start - 1
        seen = False
        while i >= 1 and t.lower(i) in ("or", "and", ",", "/"):
            pl = self.rules.places.get(t.word(i - 1))
            if not pl or pl.kind != "demonym":
                return False
            seen = True
            i -= 2
        return seen and i >= 0 and t.lower(i) in self.rules.language_before

    def _place_cue(
        self, t: _Tokens, m: _Mention, prev: int | None, nxt: int | None, mentions: list[_Mention]
    ) -> bool:
        """For names that are also given names: True when the context says place, not person."""
        r = self.rules
        prev_w = t.word(prev) if prev is not None else None
        if prev_w is not None and prev_w in r.titles:
            return False
        if (
            nxt is not None
            and t.cap(nxt)
            and t.info(nxt)[3]
            and t.word(nxt) not in r.name_words
            and t.word(nxt) not in r.places
            and not any(x.start == m.end for x in mentions)
        ):
            return False  # "Chad Williams", "Jordan Peterson"
        prev_lower = t.lower(prev) if prev is not None else None
        if (
            prev is not None
            and t.cap(prev)
            and t.info(prev)[3]
            and not t.sent_start(prev)
            and prev_lower not in r.place_before
            and not any(x.end == m.start for x in mentions)
        ):
            return False  # "Michael Jordan"
        if prev is not None and prev_lower in r.place_before:
            if prev_lower in ("and", "or", ",", "("):
                return any(x is not m and abs(x.start - m.start) <= 4 for x in mentions)
            return True
        if any(x is not m and (0 < m.start - x.end <= 2 or 0 <= x.start - m.end <= 2) for x in mentions):
            return True
        a = t.st[m.start]
        sent = t.sentence_text(t.text, m.start, m.end, (a, a + 1))
        return bool(COUNTRY_WORDS.search(sent))  # "Chad is one of the poorest countries"

    def _run(self, t: _Tokens, start: int, end: int) -> tuple[int, int]:
        """Token range of the capitalised name around [start, end) (words joined by of/for/and/the/-)."""
        info = t.info
        s = start
        while s > 0:
            low, cap, punct, _, _ = info(s - 1)
            if cap and not punct:
                if self._line_break(t, s - 1):
                    break  # a heading above a name: "2. Consortium\nThe University of Northshire"
                s -= 1
            elif low in CONNECTORS and s - 2 >= 0 and info(s - 2)[1]:
                s -= 2  # a name wrapped after or before "of" continues on the next line
            else:
                break
        e, n = end, t.n
        while e < n:
            low, cap, punct, _, _ = info(e)
            if cap and not punct:
                if self._line_break(t, e - 1):
                    break
                e += 1
            elif (
                t.word(e) == "."
                and not t.sp[e - 1]
                and t.word(e - 1) in ABBREVIATED
                and e + 1 < n
                and (info(e + 1)[1] or info(e + 1)[0] in CONNECTORS)
            ):
                e += 1  # "Sharif Univ. of Technology"
            elif low in CONNECTORS and e + 1 < n and info(e + 1)[1]:
                e += 2
            else:
                break
        return s, e

    def _resolve(self, t: _Tokens, mentions: list[_Mention]) -> None:
        """Choose codes that depend on neighbours: 'Atlanta, Georgia' -> US, 'Cambridge, Massachusetts' -> US."""
        for m in mentions:
            if m.place.alt:
                s0, s1 = t.sentence(m.start) if t.has_sents else (0, t.n)
                if any(x is not m and x.place.code == m.place.alt and s0 <= x.start < s1 for x in mentions):
                    m.code = m.place.alt
        for i, m in enumerate(mentions[:-1]):
            nxt = mentions[i + 1]
            if m.place.kind != "city" or not 0 <= nxt.start - m.end <= 2:
                continue
            between = t.span_text(m.end, nxt.start).strip()
            if between in (",", "(", "-", "") and nxt.place.kind in ("region", "name") and nxt.code != m.code:
                m.code = nxt.code

    def _country_finding(
        self,
        t: _Tokens,
        block: TextBlock,
        block_index: int,
        s: int,
        e: int,
        code: str,
        kind: str,
        reason: str,
        confidence: float | None = None,
    ) -> Finding:
        """A country finding for the tokens ``s:e``."""
        start, end = t.st[s], t.end(e - 1)
        severity, risk_reason = _risk_summary(code)
        conf = confidence if confidence is not None else KIND_CONFIDENCE.get(kind, 0.7)
        reasons = [reason] if risk_reason is None else [reason, risk_reason]
        return Finding(
            rule_id="country",
            category="country",
            text=block.text[start:end],
            context=t.sentence_text(block.text, s, e),
            location=block.locate(start, end),
            severity=severity,
            confidence=conf,
            subcategory=kind,
            country_code=code,
            name=country_name(code),
            reasons=reasons,
            block_index=block_index,
            start=start,
            end=end,
        )

    # -- organisations ------------------------------------------------------------------------------------------

    def _list_match(self, name: str) -> list[ListMatch]:
        """Screening-list matches of a name, looked up once per distinct name (a fresh list each call)."""
        found = self._list_cache.get(name)
        if found is None:
            if len(self._list_cache) > 20_000:
                self._list_cache.clear()
            found = self._list_cache[name] = self.lists.match(name)
        return [replace(x) for x in found]

    def _organisations(self, sdoc: Doc, block: TextBlock, block_index: int) -> list[Finding]:
        out: list[Finding] = []
        known_spans: list[tuple[int, int, KnownOrg]] = []
        found = self._scan(sdoc)
        known_spans = list(found.orgs)
        if not known_spans and not found.heads and self.ner is None:
            return out
        t = self._toks(sdoc)
        blocked = self._blocked(sdoc) if known_spans else []
        known_spans = _longest(
            [
                k
                for k in known_spans
                if not any(bs < k[1] and k[0] < be and be - bs > k[1] - k[0] for bs, be in blocked)
            ]
        )
        candidates: list[tuple[int, int, str, KnownOrg | None]] = []
        for s, e, kind in self._org_runs(t, found.heads):
            inside = [k for k in known_spans if s <= k[0] and k[1] <= e]
            org = inside[0][2] if len(inside) == 1 else None
            named = self._country_in(t, s, e)
            if org and named and org.country and named != org.country:
                org = None  # "Russian Ministry of Defence" is not the UK's
            candidates.append((s, e, kind, org))
        for s, e, org in known_spans:
            if not any(cs <= s and e <= ce for cs, ce, _, _ in candidates):
                candidates.append((s, e, org.kind, org))
        if self.ner is not None:
            ents = self.ner(t.text).ents
            for ent in ents:
                if ent.label_ == "ORG":
                    span = sdoc.char_span(ent.start_char, ent.end_char, alignment_mode="expand")
                    if span is not None and not any(
                        cs < span.end and span.start < ce for cs, ce, _, _ in candidates
                    ):
                        candidates.append((span.start, span.end, "ner", None))
        for s, e, kind, org in sorted(candidates, key=lambda c: c[0]):
            text = t.span_text(s, e)
            if self.host is not None and self.host.match(text):
                continue  # the host institution itself is not a partner
            start_char, end_char = t.st[s], t.end(e - 1)
            name = org.name if org else text
            matches: list[ListMatch] = []
            dropped: list[str] = []
            if self.lists is not None:
                matches = self._list_match(name) or (self._list_match(text) if org else [])
                # same name, different country: "Northeastern University (US)" is not the one in Shenyang
                home = (
                    (org.country if org else None) or self._country_in(t, s, e) or self._country_after(t, e)
                )
                if home:
                    dropped = [
                        f"not {x.list_name}: '{x.entry}' is in {x.country}, this one in {home}"
                        for x in matches
                        if x.country and x.country != home
                    ]
                    matches = [x for x in matches if not x.country or x.country == home]
            severity, conf, reasons = "info", 0.6, [f"{kind} name pattern"]
            rule = f"org-{kind}"
            if org:
                rule, conf = "org-known", 0.9
                reasons = [f"built-in list: {org.name}" + (f" ({', '.join(org.tags)})" if org.tags else "")]
                severity = max(
                    (ORG_TAG_SEVERITY.get(tag, "info") for tag in org.tags), key=_sev_rank, default="info"
                )
            if matches:
                cats = {x.list_id: self.lists.category(x) for x in matches}
                # a tracker entry rated only "Civilian" is worth a check, not an alarm
                only_civilian = all(cats[x.list_id] == "Civilian" for x in matches)
                rule, conf = "org-list-match", max(x.score for x in matches)
                severity = max(severity, "medium" if only_civilian else "high", key=_sev_rank)
                reasons += [
                    f"{x.list_name}: '{x.entry}' (score {x.score:.2f}"
                    + (f", {cats[x.list_id]})" if cats[x.list_id] else ")")
                    for x in matches[:5]
                ]
            reasons += dropped
            exact = [x.entry for x in matches if x.score == 1.0]
            if not org and exact:  # the list's spelling names the body ("Univ." -> "University")
                name = next((n for n in exact if not n.isupper()), exact[0])
            out.append(
                Finding(
                    rule_id=rule,
                    category="organisation",
                    text=text,
                    context=t.sentence_text(block.text, s, e),
                    location=block.locate(start_char, end_char),
                    severity=severity,
                    confidence=conf,
                    subcategory=kind,
                    name=name,
                    lists=matches,
                    country_code=(org.country if org else None)
                    or next((x.country for x in matches if x.country), None),
                    reasons=reasons,
                    block_index=block_index,
                    start=start_char,
                    end=end_char,
                )
            )
            # an institution fixes the country it is in (funders and government bodies name who pays)
            code = out[-1].country_code
            listed = bool(matches) and all(x.score == 1.0 for x in matches)
            if (
                code
                and (org or listed)
                and kind in ("university", "institute")
                and not self._has_country(t, s, e, code)
            ):
                out.append(
                    self._country_finding(
                        t,
                        block,
                        block_index,
                        s,
                        e,
                        code,
                        "institution",
                        f"institution '{name}' is in {code}",
                        0.6,
                    )
                )
        return out

    def _span_mentions(self, t: _Tokens, s: int, e: int) -> list[_Mention]:
        """``mentions`` of the tokens ``s:e`` read on their own; copying the span is skipped when no place
        phrase, joined word or code lies inside it (then there is nothing to find)."""
        sdoc = t.doc
        if t is self._tokens:
            if not any(s <= ms and me <= e for ms, me, _ in self._scan(sdoc).places):
                if not JOINED_OR_CODE.search(t.text, t.st[s], t.end(e - 1)):
                    return []
        key = (t.text[t.st[s] : t.st[e]], t.sent_key(s, e))
        found = self._span_cache.get(key)
        if found is None:
            view = t.view(s, e) if t.can_view() else self._toks(sdoc[s:e].as_doc())
            found = self._span_cache[key] = self._mentions(view)
        return found

    def _country_in(self, t: _Tokens, s: int, e: int) -> str | None:
        """A country or nationality named inside an organisation's name ('Russian Ministry of Defence')."""
        for m in self._span_mentions(t, s, e):
            if m.place.kind in ("name", "demonym"):
                return m.code
        return None

    def _country_after(self, t: _Tokens, end: int) -> str | None:
        """A country named right after an organisation: 'X University (US)', 'X Institute, Germany'."""
        stop = min(t.n, end + 4)
        if stop - end < 2 or t.word(end) not in ("(", ",", "-", "in"):
            return None
        for m in self._span_mentions(t, end, stop):
            if m.start <= 1 and m.place.kind in ("name", "region", "city"):
                return m.code
        return None

    def _has_country(self, t: _Tokens, s: int, e: int, code: str) -> bool:
        return any(m.code == code for m in self._span_mentions(t, s, e))

    def _may_join(self, t: _Tokens, i: int) -> bool:
        """Whether a token can be part of a capitalised run (see ``_run``); any other token ends every run."""
        low, cap, punct, _, _ = t.info(i)
        if (cap and not punct) or low in CONNECTORS:
            return True
        w = t.word(i)
        return w in (".", ",") or w in self.company_heads

    def _org_runs(self, t: _Tokens, heads: list[int]) -> list[tuple[int, int, str]]:
        """Capitalised names containing an organisation head word, with the kind the head says.

        Only the runs around head words (``heads``: their first tokens) are read: scanning starts at the last
        token before a head word that cannot belong to any run, which gives the runs a scan of the whole block
        would.
        """
        out: list[tuple[int, int, str]] = []
        i = 0  # tokens before i have been read
        for h in sorted(set(heads)):
            if h < i:
                continue
            p = h
            while p > i and self._may_join(t, p - 1):
                p -= 1
            i = self._read_runs(t, p, h, out)
        return out

    def _read_runs(self, t: _Tokens, i: int, last: int, out: list[tuple[int, int, str]]) -> int:
        """Read the runs starting at tokens ``i..last`` into ``out``; return the first token not read."""
        n = t.n
        while i <= last and i < n:
            if not t.name_word(i):
                i += 1
                continue
            s, e = self._run(t, i, i + 1)
            # "X Co., Ltd." / "X Holdings, Inc.": a legal suffix after a comma belongs to the name
            while e + 1 < n and t.word(e) == "," and t.word(e + 1) in self.company_heads:
                e += 2
            if t.lower(s) == "the":
                s += 1
            for ps, pe in self._split_run(t, s, e):
                kind = self._org_kind(t, ps, pe) if pe - ps >= 2 else None
                if kind:
                    out.append((ps, pe, kind))
            i = max(e, i + 1)
        return i

    def _split_run(self, t: _Tokens, s: int, e: int) -> list[tuple[int, int]]:
        """'Beihang University and Tsinghua University' -> two names; '... and Dr Evans' -> name only."""
        for j in range(s + 1, e - 1):
            if t.lower(j) in ("and", "&"):
                if t.word(j + 1) in self.rules.titles:
                    return [(s, j)]
                if self._org_kind(t, s, j) and self._org_kind(t, j + 1, e):
                    return [(s, j), *self._split_run(t, j + 1, e)]
        return [(s, e)]

    def _org_kind(self, t: _Tokens, s: int, e: int) -> str | None:
        """The kind of organisation the head words of tokens ``s:e`` name, if any."""
        words = [t.word(i) for i in range(s, e)]
        text = t.span_text(s, e)
        if text.isupper():  # table cells and headings in capitals
            words = [w.title() if len(w) > 3 else w for w in words]
        if words[-1] in self.heads_by_kind.get("company", ()) or PUBLISHER.search(text):
            return "company"
        for kind in ("university", "institute", "government"):
            multi = self._multiword.get(kind)
            if any(w in self.heads_by_kind.get(kind, ()) for w in words) or (
                multi is not None and multi.search(text)
            ):
                return kind
        return None


def _filter_spans(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``spacy.util.filter_spans`` over (start, end, label) tuples: the first longest of overlapping spans."""
    out = []
    seen: set[int] = set()
    for s, e, label in sorted(spans, key=lambda x: (x[1] - x[0], -x[0]), reverse=True):
        if s not in seen and e - 1 not in seen:
            out.append((s, e, label))
            seen.update(range(s, e))
    return sorted(out, key=lambda x: x[0])


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


def _sev_rank(s: str) -> int:
    return {"info": 0, "low": 1, "medium": 2, "high": 3}[s]


def _longest(spans: list[tuple[int, int, KnownOrg]]) -> list[tuple[int, int, KnownOrg]]:
    out: list[tuple[int, int, KnownOrg]] = []
    for s, e, org in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if not any(os < e and s < oe for os, oe, _ in out):
            out.append((s, e, org))
    return sorted(out, key=lambda x: x[0])


def _text_sentence(text: str, start: int, end: int) -> str:
    """The text between the full stops or line breaks around ``text[start:end]``."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return text[left + 1 if left >= 0 else 0 : (min(right) + 1) if right else len(text)].strip()


def _load_model(name: str):  # noqa: ANN202 - spacy.Language
    """Load an installed spaCy pipeline (package name or folder); never downloads."""
    import spacy

    if spacy.util.is_package(name) or Path(name).is_dir():
        return spacy.load(name)
    raise ValueError(
        f"spaCy model '{name}' is not installed (install it offline, e.g. pip install a local wheel,"
        " or give the path of a saved pipeline); grantscan never downloads models"
    )
