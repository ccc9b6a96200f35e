"""Technology rule packs: schema, validation and compilation into spaCy matchers.

A pack (``patterns/technology/*.yaml``) has a header (``pack``, ``version``, ``description``, optional
default ``category``) and ``rules``. A rule names its taxonomy ``category`` and fires on ``terms``
(phrases, matched case-insensitively and with a hyphen, an en dash or a space at each word gap; all-capital
acronyms such as "AI" or "UAV" match case-sensitively; a plural form of the last word is added automatically)
or on spaCy token ``patterns``. ``exclusions`` are false friends: a match overlapping one of them is dropped, and
an acronym defined as a false friend anywhere in a document ("artificial insemination (AI)") is not trusted in that
document. ``context`` / ``negative_context`` raise / lower confidence when one of their words is within the window; ``requires``
lets a weak term count only next to a supporting term; ``end_use`` marks a use (it counts in a list of
applications, and is a declaration in export-control wording); ``platform`` marks a vehicle that carries
instruments (a drone, a satellite), whose role in the sentence is read: carrying a camera, it is a tool. Every phrase list is compiled into one
PhraseMatcher, so matching cost grows with the text, not with the number of terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from ..knowledge.loader import LineDict, PackError, check_keys, load_yaml
from ..knowledge.taxonomy import CATEGORIES, TECH_CATEGORIES
from .tokens import gap_free, gap_joins, hash_set, lower_hashes, pair_key, positions

PARTS = (
    "body",
    "heading",
    "table",
    "footnote",
    "endnote",
    "comment",
    "header",
    "footer",
    "textbox",
    "deleted",
)
WINDOWS = ("sentence", "paragraph")
_PACK_KEYS = {"pack", "version", "description", "category", "rules"}
_RULE_KEYS = {
    "id",
    "category",
    "subcategory",
    "description",
    "score",
    "terms",
    "patterns",
    "context",
    "negative_context",
    "exclusions",
    "requires",
    "scope",
    "examples",
    "end_use",
    "platform",
}
_CTX_KEYS = {"words", "window", "weight"}
_REQ_KEYS = {"terms", "window"}
_EX_KEYS = {"must_match", "must_not_match"}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}s?$")

# a space or hyphen between two words of a term
_GAP = re.compile(r"( |-)")
# scientific combining forms written solid as often as hyphenated ("ultrahigh", "nanodevices"); the hyphen
# after one at a word start may be dropped. Prefixes that also make ordinary words ("counter", "non",
# "multi", "anti") keep the spellings the packs list.
_BOUND_PREFIX = re.compile(
    r"\b(ultra|nano|micro|hyper|opto|electro|thermo|photo|radio|aero|astro|bio|geo|cyber|meta)-(?=[a-z])",
    re.IGNORECASE,
)
# a hyphen the tokenizer splits off (after a letter or digit, before a letter): a gap mark, written as a space
_SPLIT_HYPHEN = re.compile(r"(?<=[^\W_])-(?=[^\W\d_])")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(slots=True)
class Context:
    """Words that change a rule's confidence when found within ``window`` of the match."""

    words: list[str]
    window: str | int = "sentence"
    weight: float = 0.15


@dataclass(slots=True)
class Rule:
    """One technology rule, validated."""

    id: str
    category: str
    terms: list[str]
    score: float = 0.5
    subcategory: str | None = None
    description: str = ""
    patterns: list[list[dict[str, Any]]] = field(default_factory=list)
    context: list[Context] = field(default_factory=list)
    negative_context: list[Context] = field(default_factory=list)
    exclusions: list[str] = field(default_factory=list)
    requires: Context | None = None
    scope: tuple[str, ...] = ()
    must_match: list[str] = field(default_factory=list)
    must_not_match: list[str] = field(default_factory=list)
    end_use: bool = False  # named in a list of applications or as a possibility, it still counts
    platform: bool = False  # a vehicle that carries instruments: its role in the sentence is read
    source: str = ""  # "file:line" of the rule


def _fail(path: Path, d: Any, key: str | None, msg: str) -> PackError:
    line = d.key_line(key) if isinstance(d, LineDict) and key else getattr(d, "line", None)
    return PackError(path, line, msg)


def _strings(path: Path, d: LineDict, key: str, what: str) -> list[str]:
    v = d.get(key, [])
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise _fail(path, d, key, f"{what}: '{key}' must be a list of non-empty strings")
    return [x.strip() for x in v]


def _window(path: Path, d: LineDict, what: str) -> str | int:
    w = d.get("window", "sentence")
    if isinstance(w, bool) or not (w in WINDOWS or (isinstance(w, int) and 1 <= w <= 100)):
        raise _fail(
            path, d, "window", f"{what}: window must be 'sentence', 'paragraph' or 1-100 tokens, got {w!r}"
        )
    return w


def _contexts(path: Path, d: LineDict, key: str, what: str, default_weight: float) -> list[Context]:
    v = d.get(key)
    if v is None:
        return []
    items = v if isinstance(v, list) and v and isinstance(v[0], dict) else [v]
    out = []
    for item in items:
        if isinstance(item, list):
            item = LineDict(words=item)
            item.line, item.key_lines = d.key_line(key), {}
        if isinstance(item, str):
            raise _fail(path, d, key, f"{what}: '{key}' must be a word list or a mapping with 'words'")
        check_keys(path, item, _CTX_KEYS, {"words"}, f"{what} {key}")
        weight = item.get("weight", default_weight)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight <= 1:
            raise _fail(path, item, "weight", f"{what}: {key} weight must be a number in (0, 1]")
        out.append(Context(_strings(path, item, "words", what), _window(path, item, what), float(weight)))
    return out


def _patterns(path: Path, d: LineDict, what: str) -> list[list[dict[str, Any]]]:
    v = d.get("patterns", [])
    if not isinstance(v, list) or not all(
        isinstance(p, list) and p and all(isinstance(t, dict) for t in p) for p in v
    ):
        raise _fail(
            path,
            d,
            "patterns",
            f"{what}: 'patterns' must be a list of spaCy token patterns (lists of mappings)",
        )
    return [[dict(t) for t in p] for p in v]


def parse_rule(path: Path, d: Any, default_category: str | None) -> Rule:
    """Validate one rule mapping."""
    if not isinstance(d, dict):
        raise _fail(path, d, None, "rule: expected a mapping")
    rid = d.get("id")
    what = f"rule '{rid}'" if rid else "rule"
    check_keys(path, d, _RULE_KEYS, {"id"}, what)
    if not isinstance(rid, str) or not _ID.match(rid):
        raise _fail(path, d, "id", f"{what}: id must be lower-case letters, digits and '-'")
    cat = d.get("category", default_category)
    if cat is None:
        raise _fail(path, d, None, f"{what}: missing required key 'category'")
    if cat not in CATEGORIES or cat in ("country", "organisation"):
        raise _fail(
            path,
            d,
            "category" if "category" in d else None,
            f"{what}: unknown category '{cat}' (taxonomy ids: {', '.join(TECH_CATEGORIES)}, clause-*)",
        )
    sub = d.get("subcategory")
    if sub is not None and (not isinstance(sub, str) or not sub.startswith(cat + "/")):
        raise _fail(path, d, "subcategory", f"{what}: subcategory must look like '{cat}/<name>'")
    score = d.get("score", 0.5)
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 1:
        raise _fail(path, d, "score", f"{what}: score must be a number between 0 and 1")
    desc = d.get("description", "")
    if not isinstance(desc, str):
        raise _fail(path, d, "description", f"{what}: description must be a string")
    terms = _strings(path, d, "terms", what)
    patterns = _patterns(path, d, what)
    if not terms and not patterns:
        raise _fail(path, d, None, f"{what}: needs 'terms' or 'patterns'")
    scope = tuple(_strings(path, d, "scope", what))
    for s in scope:
        if s not in PARTS:
            raise _fail(path, d, "scope", f"{what}: unknown scope '{s}' (known: {', '.join(PARTS)})")
    requires = None
    if "requires" in d:
        req = d["requires"]
        if not isinstance(req, dict):
            raise _fail(path, d, "requires", f"{what}: 'requires' must be a mapping with 'terms'")
        check_keys(path, req, _REQ_KEYS, {"terms"}, f"{what} requires")
        requires = Context(_strings(path, req, "terms", what), _window(path, req, what), 0.0)
    end_use = d.get("end_use", False)
    if not isinstance(end_use, bool):
        raise _fail(path, d, "end_use", f"{what}: end_use must be true or false")
    platform = d.get("platform", False)
    if not isinstance(platform, bool):
        raise _fail(path, d, "platform", f"{what}: platform must be true or false")
    examples = d.get("examples", {})
    if not isinstance(examples, dict):
        raise _fail(path, d, "examples", f"{what}: 'examples' must be a mapping")
    if examples:
        check_keys(path, examples, _EX_KEYS, set(), f"{what} examples")
    return Rule(
        id=rid,
        category=cat,
        terms=terms,
        score=float(score),
        subcategory=sub,
        description=desc,
        patterns=patterns,
        context=_contexts(path, d, "context", what, 0.15),
        negative_context=_contexts(path, d, "negative_context", what, 0.3),
        exclusions=_strings(path, d, "exclusions", what),
        requires=requires,
        scope=scope,
        end_use=end_use,
        platform=platform,
        must_match=_strings(path, examples, "must_match", what) if examples else [],
        must_not_match=_strings(path, examples, "must_not_match", what) if examples else [],
        source=f"{path}:{getattr(d, 'line', 0)}",
    )


def load_pack(path: str | Path) -> list[Rule]:
    """Load and validate one technology pack; raises PackError 'file:line: message'."""
    p = Path(path)
    data = load_yaml(p)
    if not isinstance(data, dict):
        raise PackError(p, 1, "pack: expected a mapping with 'pack', 'version' and 'rules'")
    check_keys(p, data, _PACK_KEYS, {"pack", "version", "rules"}, "pack")
    if not isinstance(data["pack"], str):
        raise _fail(p, data, "pack", "pack: 'pack' must be a name")
    if isinstance(data["version"], bool) or not isinstance(data["version"], (int, float, str)):
        raise _fail(p, data, "version", "pack: 'version' must be a number or string")
    default = data.get("category")
    if default is not None and (default not in CATEGORIES or default in ("country", "organisation")):
        raise _fail(p, data, "category", f"pack: unknown category '{default}'")
    rules = data["rules"]
    if not isinstance(rules, list) or not rules:
        raise _fail(p, data, "rules", "pack: 'rules' must be a non-empty list")
    out = [parse_rule(p, r, default) for r in rules]
    seen: set[str] = set()
    for r, raw in zip(out, rules, strict=True):
        if r.id in seen:
            raise _fail(p, raw, "id", f"rule '{r.id}': duplicate id in pack")
        seen.add(r.id)
    return out


def pack_files(extra: Iterable[str | Path] = (), include_default: bool = True) -> list[Path]:
    """The shipped technology packs plus extra files or folders (folders: every *.yaml / *.yml)."""
    from ..knowledge.resources import patterns_dir

    roots: list[Path] = [patterns_dir() / "technology"] if include_default else []
    roots += [Path(x) for x in extra]
    files: list[Path] = []
    for r in roots:
        if r.is_dir():
            files += sorted(
                p for p in r.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith(".")
            )
        else:
            files.append(r)
    return files


def load_rules(files: Iterable[Path]) -> list[Rule]:
    """Rules of several packs; a rule id defined twice is an error naming both places."""
    rules: dict[str, Rule] = {}
    for f in files:
        for r in load_pack(f):
            if r.id in rules:
                path, _, line = r.source.rpartition(":")
                raise PackError(
                    path, int(line or 0), f"rule '{r.id}' already defined at {rules[r.id].source}"
                )
            rules[r.id] = r
    return list(rules.values())


RULES_FORMAT = 1  # of kept rules: bump when Rule's fields change


def _rule_from_dict(d: dict[str, Any]) -> Rule:
    d = dict(d)
    d["context"] = [Context(**c) for c in d["context"]]
    d["negative_context"] = [Context(**c) for c in d["negative_context"]]
    d["requires"] = Context(**d["requires"]) if d["requires"] is not None else None
    d["scope"] = tuple(d["scope"])
    return Rule(**d)


def load_rules_kept(files: Iterable[Path], root: Path | None) -> list[Rule]:
    """``load_rules(files)``, read back from ``root`` (``compiled``) when no pack changed since it was kept.

    The packs are parsed and validated only when one of them (its path or its bytes) changed, or grantscan or
    spaCy did; an invalid pack raises as ever and nothing is kept. A kept file that cannot be read or does not
    fit is ignored and rewritten."""
    from .compiled import files_digest, read_json, write_json

    files = list(files)
    digest = files_digest(f"rules={RULES_FORMAT}", files) if root is not None else None
    if root is None or digest is None:
        return load_rules(files)
    path = root / "rules.json"
    kept = read_json(path, digest)
    if kept is not None:
        try:
            return [_rule_from_dict(d) for d in kept]
        except (TypeError, KeyError, AttributeError):
            pass  # a damaged entry: parsed again below
    rules = load_rules(files)
    write_json(path, digest, [asdict(r) for r in rules])
    return rules


def _plural(term: str) -> str | None:
    if _ACRONYM.match(term) and " " not in term:
        return None if term.endswith("s") else term + "s"
    last = term.rsplit(" ", 1)[-1]
    if not last[-1:].isalpha() or last.endswith("s") or last.isupper():
        return None
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return term[:-1] + "ies"
    if last.endswith(("sh", "ch", "x", "z")):
        return term + "es"
    return term + "s"


def _written(term: str) -> list[str]:
    """A term of up to four words written with spaces and with hyphens at its word gaps, and with a bound prefix
    written solid (see ``_spellings``)."""
    parts = _GAP.split(term)
    words = parts[::2]
    gaps = len(words) - 1
    forms = [term]
    if 1 <= gaps <= 3:
        forms += [" ".join(words), "-".join(words)]
    elif gaps > 3:  # a long phrase: its own spelling and all-space
        forms.append(term.replace("-", " "))
    closed = [_BOUND_PREFIX.sub(r"\1", f) for f in forms if _BOUND_PREFIX.search(f)]
    return list(dict.fromkeys(forms + closed))


def _spellings(term: str) -> list[str]:
    """The ways a term is written at its word gaps, once each as phrase matching reads them.

    A hyphen that the tokenizer splits off between two words is a gap mark, which matching skips in the text
    (``tokens.gap_view``) and in the pattern (``tokens.gap_free``): "fiber optic network" is one pattern that finds
    "fiber-optic network", "fiber optic-network" and "fiber\u2013optic network" alike, and is added with its gaps
    as spaces. Each spelling is a path of the match trie every process holds; adding the hyphenated and mixed
    spellings as patterns of their own cost memory (about 5 MB for the mixes alone). A hyphen the tokenizer keeps
    inside a token ("COVID-19", "Ti-6Al-4V", "K-12") is part of the name: such a term is also added with a space
    there ("BSL-3" / "BSL 3"), and a term written with spaces also with hyphens ("biosafety level 3" /
    "biosafety level-3"). A bound prefix is also written solid ("ultra-high temperature" / "ultrahigh
    temperature", "nano-devices" / "nanodevices")."""
    return list(dict.fromkeys(_SPLIT_HYPHEN.sub(" ", f) for f in _written(term)))


def _variants(term: str, plurals: bool = True) -> list[str]:
    """The term's spellings (see ``_spellings``) and a plural of its last word ("drone" -> "drones", "UAV" ->
    "UAVs", "O-RAN" -> "O-RANs"), as phrase matching reads them."""
    out = []
    for f in _written(term):
        out.append(f)
        p = _plural(f) if plurals else None
        if p:
            out.append(p)
    return list(dict.fromkeys(_SPLIT_HYPHEN.sub(" ", f) for f in out))


def is_acronym(term: str) -> bool:
    """Matched case-sensitively: an acronym ("AI", "UAV") or a one-word term with an inner capital ("GaN",
    "SiC", "LiDAR"), so "sic" in a quotation or "ai" in another language never matches."""
    if " " in term:
        return False
    return bool(_ACRONYM.match(term)) or any(c.isupper() for c in term[1:])


@dataclass(slots=True)
class Hit:
    """A rule firing on tokens ``start:end`` of a block's Doc."""

    rule: Rule
    start: int
    end: int
    acronym: bool = False


def _drop_pattern_copies(matcher: PhraseMatcher) -> None:
    """Let go of the copy of every pattern's tokens a PhraseMatcher keeps beside its match trie. spaCy keeps it
    for ``remove`` and for pickling, neither of which grantscan does (worker processes inherit the detector or
    build their own); matching reads the trie alone (about 3 MB of a one-file scan's peak memory). The copy is
    reachable only through ``__reduce__``, which hands out the matcher's own dict of sets."""
    kept = matcher.__reduce__()[1][1]
    if isinstance(kept, dict):
        for patterns in kept.values():
            patterns.clear()


class PhraseSet:
    """Many labelled phrase lists in two PhraseMatchers (LOWER, and ORTH for acronyms)."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._pending: dict[tuple[str, bool], list[str]] = {}
        self.patterns = 0  # token sequences added to the matchers
        # pair_key of every two adjacent tokens of a pattern, per matcher: a text's gap mark between two words
        # that are no such pair cannot be inside a match
        self._pairs = {False: hash_set(()), True: hash_set(())}

    def add(self, label: str, phrases: Iterable[str], plurals: bool = True) -> None:
        for ph in phrases:
            for v in _variants(ph, plurals):
                key = (label, is_acronym(ph))
                self._pending.setdefault(key, []).append(v)

    def build(self) -> PhraseSet:
        """Add the pending phrases to the matchers, as token hashes (``compiled``: read from the cache)."""
        from .compiled import phrase_tokens

        table = phrase_tokens(self.nlp)
        pairs: dict[bool, set[int]] = {False: set(), True: set()}
        for (label, acro), phrases in self._pending.items():
            hashes = table.orth(phrases) if acro else table.lower(phrases)
            patterns = list(dict.fromkeys(map(gap_free, hashes)))  # one path of the match trie per reading
            self.patterns += len(patterns)
            (self.orth if acro else self.lower).add(label, patterns)
            pairs[acro].update(pair_key(a, b) for p in patterns for a, b in zip(p, p[1:], strict=False))
        self._pairs = {acro: hash_set([*keys, *self._pairs[acro].tolist()]) for acro, keys in pairs.items()}
        self._pending.clear()
        _drop_pattern_copies(self.lower)
        _drop_pattern_copies(self.orth)
        return self

    def __getstate__(self) -> dict[str, object]:
        raise TypeError("a built PhraseSet cannot be pickled: its matchers keep no copy of their patterns")

    def __call__(self, doc: Doc) -> Iterator[tuple[str, int, int, bool]]:
        """(label, start, end, acronym) of every phrase found in ``doc``, in ``doc``'s token indices. Where
        ``doc`` has a hyphen between two words that follow each other in one of the patterns, the phrases are
        matched over the view of ``doc`` without its gap marks (``tokens.gap_joins``)."""
        strings = self.nlp.vocab.strings
        joins = gap_joins(doc)
        for matcher, acro in ((self.lower, False), (self.orth, True)):
            if not len(matcher):  # an empty PhraseMatcher still walks every token
                continue
            if joins is not None and positions(joins.orth if acro else joins.lower, self._pairs[acro]):
                view, at = joins.view(doc)
                for mid, s, e in matcher(view):
                    yield strings[mid], at[s], at[e - 1] + 1, acro
            else:
                for mid, s, e in matcher(doc):
                    yield strings[mid], s, e, acro


def _pattern_anchors(
    nlp: Language, patterns: list[list[dict[str, Any]]]
) -> tuple[frozenset[int], int] | None:
    """The LOWER hashes of which each token pattern needs one (its first required token with a fixed text), and
    the longest span a pattern can cover; None when some pattern may match anything or any length."""
    anchors: set[int] = set()
    longest = 0
    for pattern in patterns:
        anchor = None
        for spec in pattern:
            if spec.get("OP") not in (None, "+", "{1}"):
                continue
            for attr in ("LOWER", "ORTH", "TEXT"):
                value = spec.get(attr)
                if isinstance(value, str):
                    anchor = [value]
                elif isinstance(value, dict) and set(value) == {"IN"}:
                    anchor = list(value["IN"])
                if anchor is not None:
                    break
            if anchor is not None:
                break
        if anchor is None or any(spec.get("OP") not in (None, "?", "!", "{1}") for spec in pattern):
            return None
        anchors.update(nlp.vocab.strings.add(str(v).lower()) for v in anchor)
        longest = max(longest, len(pattern))
    return frozenset(anchors), longest


class CompiledRules:
    """All rules of a run compiled once: term, exclusion, context and requirement matchers."""

    def __init__(self, nlp: Language, rules: list[Rule]):
        self.nlp = nlp
        self.rules = {r.id: r for r in rules}
        self.terms = PhraseSet(nlp)
        self.exclusions = PhraseSet(nlp)
        self.context = PhraseSet(nlp)
        self.patterns = Matcher(nlp.vocab)
        for r in rules:
            self.terms.add(r.id, r.terms)
            if r.patterns:
                self.patterns.add(r.id, r.patterns)
            if r.exclusions:
                self.exclusions.add(r.id, r.exclusions, plurals=True)
            for i, c in enumerate(r.context):
                self.context.add(f"{r.id}\x1f+{i}", c.words)
            for i, c in enumerate(r.negative_context):
                self.context.add(f"{r.id}\x1f-{i}", c.words)
            if r.requires:
                self.context.add(f"{r.id}\x1freq", r.requires.words)
        self.terms.build()
        self.exclusions.build()
        self.context.build()
        self._anchors = _pattern_anchors(nlp, [p for r in rules for p in r.patterns])
        self._anchor_array = hash_set(self._anchors[0] if self._anchors else ())

    def hits(self, doc: Doc) -> tuple[list[Hit], dict[str, list[tuple[int, int]]]]:
        """Rule hits (longest per overlapping group of one rule, false friends removed) and the spans of
        the exclusions that fired, per rule id."""
        excluded: dict[str, list[tuple[int, int]]] = {}
        for rid, s, e, _ in self.exclusions(doc):
            excluded.setdefault(rid, []).append((s, e))
        raw: dict[str, list[tuple[int, int, bool]]] = {}
        for rid, s, e, acro in self.terms(doc):
            raw.setdefault(rid, []).append((s, e, acro))
        if len(self.patterns):
            strings = self.nlp.vocab.strings
            for lo, hi in self._pattern_windows(doc):
                for mid, s, e in self.patterns(doc[lo:hi]):
                    raw.setdefault(strings[mid], []).append((s + lo, e + lo, False))
        out: list[Hit] = []
        for rid, spans in raw.items():
            rule = self.rules[rid]
            ex = excluded.get(rid, ())
            spans.sort(key=lambda t: (t[0], -(t[1] - t[0])))
            last_end = -1
            for s, e, acro in spans:
                if s < last_end:
                    continue
                if any(s < xe and xs < e for xs, xe in ex):
                    continue
                last_end = e
                out.append(Hit(rule, s, e, acro))
        # a hit inside a longer hit of the same category adds nothing ("military" in "military use")
        by_cat: dict[str, list[Hit]] = {}
        for h in out:
            by_cat.setdefault(h.rule.category, []).append(h)
        kept = []
        for hs in by_cat.values():
            # one sweep in start order (longest first): a hit is dropped when an earlier one reaches at least as
            # far and is not the very same span
            hs.sort(key=lambda h: (h.start, -(h.end - h.start)))
            max_end, max_start = -1, -1  # furthest end so far, and the earliest start reaching it
            for h in hs:
                if not (max_end > h.end or (max_end == h.end and max_start < h.start)):
                    kept.append(h)
                if h.end > max_end:
                    max_end, max_start = h.end, h.start
        kept.sort(key=lambda h: (h.start, h.rule.id))
        return kept, excluded

    def _pattern_windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges of ``doc`` that hold every possible token-pattern match: around each anchor token, as
        far as the longest pattern reaches (the Matcher's wildcard tokens make a run over a whole page costly)."""
        if self._anchors is None:
            return [(0, len(doc))]
        anchors, longest = self._anchors
        n = len(doc)
        windows: list[tuple[int, int]] = []
        for i in positions(lower_hashes(doc), self._anchor_array):
            lo, hi = max(0, i - longest + 1), min(n, i + longest)
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], hi)
            else:
                windows.append((lo, hi))
        return windows

    def context_hits(self, doc: Doc) -> dict[str, list[tuple[int, int]]]:
        """Token spans of each rule's context words: key 'rule\\x1f+i', 'rule\\x1f-i' or 'rule\\x1freq'."""
        out: dict[str, list[tuple[int, int]]] = {}
        for label, s, e, _ in self.context(doc):
            out.setdefault(label, []).append((s, e))
        return out
