"""Confidence of a technology hit from its context, explained step by step.

A rule gives the base score. The sentence then moves it: a research action stated by the work (the verbs of
``patterns/research_verbs.yaml`` in any tense or voice: "this fellowship develops", "will be irradiated",
"we carry out") raises every technology term of the sentence, most when the action is next to the term;
naming a sensitive end use ("for military use") or a "Yes" answer to a form question raises it too.
Literature background ("has been used", "previous studies"), comparisons ("like jet engines"), lists of
examples or possible applications ("e.g.", "such as"), options, hedges, tools and denials ("no defence,
security or military end use", "machine learning will not be used") lower it. Several terms of the same
category in the sentence or paragraph support each other. Every change is recorded as a reason string, so
the reported confidence is always the explained one."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..knowledge.loader import LineDict, PackError, check_keys, load_yaml
from .evidence import FEATURES, Feature
from .matcher import CompiledRules, Hit, PhraseSet
from .tokens import (
    hash_set,
    lower_hashes,
    lower_words,
    positions,
    punct_flags,
    sent_starts,
    span_text,
    words,
)

# a subject, modal or "be" shortly before a verb form makes it a statement of what the work does
# ("we will express and purify", "the fellowship develops", "will be irradiated", "are trained")
_VERB_LEAD = {
    "we",
    "i",
    "they",
    "you",
    "is",
    "are",
    "be",
    "being",
    "will",
    "shall",
    "can",
    "must",
    "would",
    "should",
    "jointly",
    "then",
    "also",
    "first",
    "further",
    "subsequently",
    "finally",
    "fellowship",
    "project",
    "team",
    "group",
    "studentship",
    "student",
    "candidate",
    "parties",
    "partners",
    "consortium",
    "university",
    "company",
    "programme",
    "research",
    "work",
    "proposal",
    "thesis",
    "lab",
    "laboratory",
    "researchers",
    "phd",
    "aim",
    "aims",
    "plan",
    "plans",
    "intend",
    "seek",
    "seeks",
}
_LEAD_WINDOW = 4
_INTENT = {"aim", "aims", "aiming", "plan", "plans", "seek", "seeks", "intend", "intends", "able", "going"}
_BE = {"is", "are", "be", "being", "get", "gets"}
_COORD = {"and", ",", "or", "then"}
# forms of "work" before "on" and a build verb's -ing form ("worked on developing")
_WORK = {"work", "works", "worked", "working"}
# before it, the form is literature or past work ("has been developed", "was trained")
_PERFECT = {"has", "have", "had", "been", "was", "were"}


@dataclass(slots=True)
class CueFamily:
    """One family of cue phrases of ``patterns/context.yaml``."""

    why: str
    scope: str  # "sentence", "before", "after", "around" or "paragraph"
    reach: int  # tokens before ("before"), after ("after") or on either side of ("around") the match
    phrases: list[str]


@dataclass(slots=True)
class ContextCues:
    """The cue families and organisation-name words of ``patterns/context.yaml``, validated."""

    families: dict[str, CueFamily]
    organisation_words: set[str]


_CONTEXT_KEYS = {"version", "families", "organisation_words"}
_FAMILY_KEYS = {"why", "scope", "reach", "phrases", "weighed"}
_SCOPES = {"sentence", "before", "after", "around", "paragraph"}


def load_context(path: str | Path | None = None) -> ContextCues:
    """Load context.yaml (the shipped one unless ``path`` is given); raises PackError naming file:line."""
    from ..knowledge.resources import patterns_dir

    p = Path(path) if path else patterns_dir() / "context.yaml"
    data = load_yaml(p)
    if not isinstance(data, dict):
        raise PackError(p, 1, "context cues: expected a mapping with 'families'")
    check_keys(p, data, _CONTEXT_KEYS, {"version", "families"}, "context cues")
    fams = data["families"]
    if not isinstance(fams, dict) or not fams:
        raise PackError(p, data.key_line("families"), "context cues: 'families' must be a non-empty mapping")

    def phrases(d: LineDict, key: str) -> list[str]:
        v = d.get(key, [])
        if not isinstance(v, list) or not v or not all(isinstance(x, str) and x.strip() for x in v):
            raise PackError(p, d.key_line(key), f"context cues: '{key}' must be a list of words or phrases")
        return [" ".join(x.lower().split()) for x in v]

    out: dict[str, CueFamily] = {}
    for name, fam in fams.items():
        what = f"context cue family '{name}'"
        check_keys(p, fam, _FAMILY_KEYS, {"why", "phrases"}, what)
        weighed = fam.get("weighed", True)
        if not isinstance(weighed, bool):
            raise PackError(p, fam.key_line("weighed"), f"{what}: weighed must be true or false")
        # a family that is not weighed is read by the scorer itself (its cue is kept among the features,
        # shown nowhere, weight 0)
        if weighed and f"cue.{name}" not in FEATURES and f"verb.{name}" not in FEATURES:
            raise PackError(p, fams.key_line(name), f"{what}: no feature 'cue.{name}' in the evidence model")
        scope = fam.get("scope", "sentence")
        if scope not in _SCOPES:
            raise PackError(p, fam.key_line("scope"), f"{what}: scope must be one of {sorted(_SCOPES)}")
        reach = fam.get("reach", 6)
        if isinstance(reach, bool) or not isinstance(reach, int) or not 1 <= reach <= 30:
            raise PackError(p, fam.key_line("reach"), f"{what}: reach must be 1-30 tokens")
        if not isinstance(fam["why"], str) or not fam["why"].strip():
            raise PackError(p, fam.key_line("why"), f"{what}: 'why' must be a sentence")
        out[str(name)] = CueFamily(fam["why"], scope, reach, phrases(fam, "phrases"))
    org = set(phrases(data, "organisation_words")) if "organisation_words" in data else set()
    return ContextCues(out, org)


_NEGATORS = {"no", "not", "never", "without", "nor", "none", "neither", "n't", "cannot"}
_NEG_EXCEPT = {"only", "longer", "just", "doubt", "limited", "less", "least", "merely", "solely"}
_NEG_BARRIER = {";", "but", "however", "although", "whereas", ":", "(", ")"}


@dataclass(slots=True)
class Scored:
    """A hit with its sentence and the named features of its context."""

    hit: Hit
    sent: Span
    features: dict[str, Feature]
    negated: bool = False
    negator: str = ""
    restricted: str = ""  # export-control wording naming the use as prohibited, not the work's subject
    forbidden: str = ""  # terms of use forbidding the conduct the match names ("you must not attack ...")


@dataclass(slots=True)
class ResearchActions:
    """Research-action words of ``patterns/research_verbs.yaml``, validated."""

    window: int
    verbs: dict[str, list[str]]  # "build" / "apply" -> verb forms (one or more words)
    nouns: dict[str, list[str]]  # nominalisations, counted near the term only
    not_before: set[str]


_ACTION_KEYS = {"version", "window", "build", "apply", "not_before"}
_GROUP_KEYS = {"verbs", "nouns"}
_GROUPS = ("build", "apply")


def load_actions(path: str | Path | None = None) -> ResearchActions:
    """Load research_verbs.yaml (the shipped one unless ``path`` is given); raises PackError."""
    from ..knowledge.resources import patterns_dir

    p = Path(path) if path else patterns_dir() / "research_verbs.yaml"
    data = load_yaml(p)
    if not isinstance(data, dict):
        raise PackError(p, 1, "expected a mapping with 'build' and 'apply'")
    check_keys(p, data, _ACTION_KEYS, {"version", "build", "apply"}, "research verbs")
    window = data.get("window", 10)
    if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= 50:
        raise PackError(p, data.key_line("window"), "research verbs: window must be 1-50 tokens")

    def words(d: LineDict, key: str) -> list[str]:
        v = d.get(key, [])
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            raise PackError(p, d.key_line(key), f"research verbs: '{key}' must be a list of words or phrases")
        return [" ".join(x.lower().split()) for x in v]

    for name in _GROUPS:
        check_keys(p, data[name], _GROUP_KEYS, {"verbs"}, f"research verbs '{name}'")
    return ResearchActions(
        window,
        {n: words(data[n], "verbs") for n in _GROUPS},
        {n: words(data[n], "nouns") for n in _GROUPS},
        set(words(data, "not_before")),
    )


class ActionFinder:
    """Token spans of research actions in a Doc: "build" and "apply" (verbs and nouns), and "verb" (the
    verbs of either kind, which also count away from the term)."""

    def __init__(self, nlp: Language, actions: ResearchActions):
        self.actions = actions
        self.single: dict[str, str] = {}
        self.phrases = PhraseSet(nlp)
        for name in _GROUPS:
            for v in actions.verbs[name]:
                if " " in v or "-" in v:
                    self.phrases.add(f"{name}\x1fverb", [v], plurals=False)
                else:
                    self.single.setdefault(v, name)
            self.phrases.add(f"{name}\x1fnoun", actions.nouns[name], plurals=False)
        self.phrases.build()
        # words by LOWER hash: a block's tokens are read once as an array of hashes, not walked as Token objects
        strings = nlp.vocab.strings
        self._single_by_hash = {strings.add(v): name for v, name in self.single.items()}
        self._single_array = hash_set(self._single_by_hash)
        self._not_before = {strings.add(w) for w in actions.not_before}
        self._words = {
            name: {strings.add(w) for w in words}
            for name, words in (
                ("lead", _VERB_LEAD),
                ("coord", _COORD),
                ("intent", _INTENT),
                ("work", _WORK),
                ("article", _ARTICLES),
                ("stop", _PERFECT | _NEGATORS),
            )
        }

    def __call__(self, doc: Doc) -> dict[str, list[tuple[int, int]]]:
        out: dict[str, list[tuple[int, int]]] = {"build": [], "apply": [], "verb": []}
        array = lower_hashes(doc)
        lowers = array.tolist()
        by_hash = self._single_by_hash
        found = [(by_hash[lowers[i]], "verb", i, i + 1) for i in positions(array, self._single_array)]
        found += [(*label.split("\x1f"), s, e) for label, s, e, _ in self.phrases(doc)]
        starts: list[int] | None = None
        for name, kind, s, e in found:
            if e < len(lowers) and lowers[e] in self._not_before:
                continue
            if kind == "verb":
                if starts is None:
                    starts = sent_starts(doc)
                if not self._verb_position(doc, lowers, starts[bisect_right(starts, s) - 1], s):
                    continue
                out["verb"].append((s, e))
            out[name].append((s, e))
        return out

    def _verb_position(self, doc: Doc, lowers: list[int], sent_start: int, i: int) -> bool:
        """Whether the verb form at token ``i`` (in the sentence starting at ``sent_start``; ``lowers`` are the
        LOWER hashes of ``doc``) states what the work does: a subject, modal or "be" within a few tokens before
        it (same sentence), and no perfect or past auxiliary in between."""
        if i == sent_start:
            return False
        w = self._words
        prev = lowers[i - 1]
        # right after a noun or another verb, the form is a noun or an adjective ("will combine integrated
        # circuit design"); "to" counts after words of intent ("aims to design")
        if prev == _ON and i >= 2 and lowers[i - 2] in w["work"]:
            # "the team worked on developing a deep neural network", "we are working on building": the gerund
            # is what the work is; "has worked on" and "never worked on" stay past or denied
            return not any(lowers[j] in w["stop"] for j in range(max(sent_start, i - _LEAD_WINDOW - 1), i))
        if prev == _TO:
            if i < 2 or lowers[i - 2] not in w["intent"]:
                return False
        elif not (prev in w["lead"] or prev in w["coord"] or doc.vocab.strings[prev].endswith("ly")):
            return False
        lead = False
        for j in range(i - 1, max(sent_start, i - _LEAD_WINDOW) - 1, -1):
            if lowers[j] in w["stop"]:  # "has been developed", "none of these is studied"
                return False
            if lowers[j] in w["lead"]:
                lead = True
            elif not lead and lowers[j] in w["article"]:
                # an article between the lead and the form makes it an adjective of a noun: "rocketry is a
                # constantly growing field", "quantum sensing is a rapidly developing area"
                return False
        return lead


class ContextScorer:
    """Compiled cue matchers; ``score(doc, hits)`` turns raw hits into hits with named features."""

    def __init__(self, nlp: Language, compiled: CompiledRules, cues: ContextCues | None = None):
        self.compiled = compiled
        self.context = cues or load_context()
        self.cues = PhraseSet(nlp)
        for name, fam in self.context.families.items():
            self.cues.add(name, fam.phrases, plurals=False)
        self.cues.build()
        self.actions = ActionFinder(nlp, load_actions())
        self.window = self.actions.actions.window
        strings = nlp.vocab.strings
        self._org_words = {strings.add(w) for w in self.context.organisation_words}
        self._verb_forms = {strings.add(v) for v in self.actions.single}

    def cue_spans(self, doc: Doc) -> dict[str, list[tuple[int, int]]]:
        out: dict[str, list[tuple[int, int]]] = {}
        for label, s, e, _ in self.cues(doc):
            if label in _MODAL_FAMILIES and _month_may(doc, s, e):
                continue  # "held on 11-12 May 1977": a date, not a possibility
            out.setdefault(label, []).append((s, e))
        for label, spans in self.actions(doc).items():
            out.setdefault(label, []).extend(spans)  # the cue phrase families have other names
        return out

    def score(self, doc: Doc, hits: list[Hit], title: bool, field: bool = False) -> list[Scored]:
        """Features of every hit of one block; ``title`` when the block is a title or heading,
        ``field`` when it is an administrative 'Label: value' line."""
        if not hits:
            return []
        # every lookup below is confined to the hit's sentence (or a token window), so the cost of a block
        # grows with its length, not with the square of its number of hits
        n = len(doc)
        starts = sent_starts(doc)
        sent_of = [0] * n
        sent_end: dict[int, int] = {}
        for a, b in zip(starts, [*starts[1:], n], strict=True):
            sent_of[a:b] = [a] * (b - a)
            sent_end[a] = b
        sent_at: dict[int, Span] = {}  # made only for sentences with a hit
        programmes: dict[int, list[tuple[int, int, str]]] = {}  # programme_subjects, per sentence with a hit
        block = _Block(doc, _BySentence(self.cue_spans(doc), sent_of), title, field)
        facts = _Sentences(block, self._verb_forms)
        ctx = _BySentence(self.compiled.context_hits(doc), sent_of)
        lowered = {id(h): span_text(doc, h.start, h.end).lower() for h in hits}
        by_sent_cat: dict[tuple[int, str], list[Hit]] = {}
        distinct: dict[str, list[Hit]] = {}  # the first hits of the first two distinct texts per category
        for h in hits:
            by_sent_cat.setdefault((sent_of[h.start], h.rule.category), []).append(h)
            firsts = distinct.setdefault(h.rule.category, [])
            if len(firsts) < 2 and all(lowered[id(o)] != lowered[id(h)] for o in firsts):
                firsts.append(h)
        out: list[Scored] = []
        for h in hits:
            a = sent_of[h.start]
            sent = sent_at.get(a)
            if sent is None:
                sent = sent_at[a] = doc[a : sent_end[a]]
            r = h.rule
            required = None
            if r.requires is not None:
                required = _rule_context(ctx, h, sent, f"{r.id}\x1freq", r.requires.window)
                if required is None:
                    continue
            feats: dict[str, Feature] = {}
            _term(feats, doc, h)
            if required is not None and r.description:
                # the reason says why the required words make the term count ("defence body is a party to
                # the agreement ('between')")
                cue = span_text(doc, *required)
                feats["term.score"] = Feature(r.score, f"{r.id}: {r.description}, '{cue}'")
            _rule_cues(feats, doc, ctx, h, sent)
            _support(feats, doc, h, sent, lowered, by_sent_cat, distinct, facts)
            _position(feats, block, h, self._org_words)
            self._verbs(feats, block, h, sent, facts)
            self._cues(feats, block, h, sent, facts)
            _hedged(feats)
            subjects = programmes.get(a)
            if subjects is None:
                subjects = programmes[a] = programme_subjects(block, sent)
            acting = _programme_acts(subjects, h)
            if acting:
                feats["verb.programme"] = Feature(1.0, acting)
            negated = negator(doc, sent, h.start)
            civil = feats.get("cue.civil_only")
            if not negated and civil is not None and (r.end_use or r.category == "defence"):
                negated = civil.evidence  # "exclusive focus on civil applications": a denial of the end use
            compliance = feats.get("cue.compliance")
            # "shall not be used for weapons of mass destruction or in breach of export controls": the
            # clause names a use to prohibit it; the end use belongs to the export clause, not the work
            restricted = (
                compliance.evidence
                if compliance is not None and r.end_use and not negated and facts.prohibits(sent)
                else ""
            )
            forbidden = feats.pop("cue.forbidden_use", None)
            out.append(
                Scored(
                    h,
                    sent,
                    feats,
                    negated=bool(negated),
                    negator=negated or "",
                    restricted=restricted,
                    # conduct the terms forbid: an attack, malware or a cryptography job, or a sensitive end use;
                    # a body named after them ("statements that imply NRL endorses You") is a party, not conduct
                    forbidden=(
                        forbidden.evidence
                        if forbidden is not None and not negated and (r.end_use or r.category == "cyber")
                        else ""
                    ),
                )
            )
        return out

    def _verbs(self, feats: dict[str, Feature], block: _Block, h: Hit, sent: Span, facts: _Sentences) -> None:
        """Verb class: build or apply next to the term, research elsewhere in the sentence, any verb form,
        an imperative objective, transfer and collaboration wording. What does not depend on the term is
        read from ``facts``, worked out once per sentence."""
        doc, cues = block.doc, block.cues
        verbs = block.verbs
        dev = _near(doc, *facts.actions("build", sent.start), sent, h, self.window, verbs)
        named = "" if dev else purpose_phrase(block, h, sent)
        use = (
            None
            if dev or named
            else _near(doc, *facts.actions("apply", sent.start), sent, h, self.window, verbs)
        )
        far = None if dev or use or named else _in_sentence(facts.build_verbs(sent.start), sent, h)
        for name, found in (("verb.build", dev), ("verb.apply", use), ("verb.research", far)):
            if found:
                feats[name] = Feature(1.0, span_text(doc, *found))
        if named:  # "X is a binary analysis framework": what the software is made for, as "a framework for"
            feats["verb.build"] = Feature(1.0, named)
        lowers = block.lowers
        if not (dev or use or far or named):
            for j in facts.verb_forms(sent):  # a verb form of the term itself is skipped
                if not (h.start <= j < h.end):
                    feats["verb.loose"] = Feature(1.0, doc[j].text)
                    break
        first = facts.first_word(sent)
        if first < sent.end and first != h.start and lowers[first] in self._verb_forms:
            feats["verb.imperative"] = Feature(1.0, doc[first].text)
        acts = _acts(block, h, sent)
        if acts:
            feats["verb.subject"] = Feature(1.0, acts)
        for name in ("transfer", "collaborate"):
            found = _in_sentence(cues.sentence(name, sent.start), sent, h)
            if found and name == "collaborate" and _reciprocal(block, found, sent):
                found = None  # "vehicles must collaborate with each other": the things work together
            if found:
                feats[f"verb.{name}"] = Feature(1.0, span_text(doc, *found))

    def _cues(self, feats: dict[str, Feature], block: _Block, h: Hit, sent: Span, facts: _Sentences) -> None:
        """The phrase families of context.yaml, each where its scope says; the spans near the match are read
        from the sentence's index (``facts``), so a long sentence is not read again for each match."""
        doc, cues = block.doc, block.cues
        r = h.rule
        for name, fam in self.context.families.items():
            if name in ("transfer", "collaborate", "programme"):
                continue
            if fam.scope in ("before", "after", "around") or name == "comparison":
                test = _cue_comparison if name == "comparison" else _NEAR_TESTS[fam.scope]
                found = _first_near(*facts.actions(name, sent.start), h, test, fam.reach, block)
            elif fam.scope == "paragraph":
                found = next(((s, e) for s, e in cues.all.get(name, []) if s >= h.end or e <= h.start), None)
            else:
                found = _in_sentence(cues.sentence(name, sent.start), sent, h)
            if not found:
                continue
            if name == "example" and not _example_scope(doc, found, h):
                continue
            if name == "forbidden_use" and found[1] > h.start:
                continue  # the terms forbid what follows them
            if r.end_use and name in ("example", "hedge", "option"):
                continue  # a named sensitive end use counts even in a list or a hedge
            if name in ("market", "customer") and (r.end_use or r.category == "defence"):
                continue  # "the defence market", "serving the armed forces": the sensitive end use itself
            if name == "instrument" and not r.platform:
                continue  # the role of a platform: "a drone carrying a camera" is the survey's tool
            if name == "method" and not method_cue(block, found, h, sent):
                continue
            if name == "hedge" and _in_name(block, found, sent):
                continue  # "the Future Combat System", "a Future Fellowship": part of a name, not a hedge
            if name == "hedge" and _in_other_relative(block, found, h):
                continue  # "robots to assess scenes that are potentially contaminated": the scenes' hedge
            value = 1.0
            if name in _COUNTED:  # "the review covers the ethics literature on ...": background twice over
                value = literature_weight(cues.sentence(name, sent.start), sent, h)
            feats[f"cue.{name}"] = Feature(value, span_text(doc, *found))
        listed = _list_item(block, h, sent)
        if listed:
            feats["cue.list"] = Feature(1.0, listed)


# words that name what a piece of software is ("angr is a binary analysis framework")
_SOFTWARE_NOUNS = {
    "framework",
    "frameworks",
    "library",
    "libraries",
    "toolbox",
    "toolkit",
    "pipeline",
    "platform",
    "package",
    "simulator",
    "suite",
    "monitor",
    "module",
    "software",
    "tool",
}
_ARTICLES = {"a", "an", "the"}
_COPULAS = {"is", "are"}
_NAMING_REACH = 4  # words of the noun phrase between the article and the match ("a powerful, extensible")


# words after a collaboration phrase that make it reciprocal: the things named collaborate among themselves
_RECIPROCAL = ("each other", "one another")


def _reciprocal(block: _Block, cue: tuple[int, int], sent: Span) -> bool:
    """Whether a collaboration phrase is reciprocal ("robots collaborate with each other"): the matched
    things work together, no research partner is named."""
    e = cue[1]
    if e + 1 >= sent.end:
        return False
    return f"{block.lower[e]} {block.lower[e + 1]}" in _RECIPROCAL


def _in_name(block: _Block, cue: tuple[int, int], sent: Span) -> bool:
    """Whether a one-word cue is a capitalised word inside a name, not at the sentence start: "the Future
    Combat System", "an ARC Future Fellowship". A name does not hedge."""
    s, e = cue
    if e - s != 1 or s == sent.start:
        return False
    doc = block.doc
    if not doc[s].text[:1].isupper() or doc[s].is_upper:
        return False
    before = s - 1 > sent.start and doc[s - 1].text[:1].isupper() and not block.punct[s - 1]
    after = e < sent.end and doc[e].text[:1].isupper() and not block.punct[e]
    return before or after


# the cue families that hold the modal "may", which a date writes as the month "May"
_MODAL_FAMILIES = ("hedge", "option")


def _month_may(doc: Doc, s: int, e: int) -> bool:
    """Whether a matched "may" is the month: "May" with a capital after the first word of its sentence ("held
    at Goddard on 11-12 May 1977", "the May workshop") or followed by a number ("May 2020 saw the first flight").
    The modal is written in lower case inside a sentence."""
    if e - s != 1 or doc[s].text != "May":
        return False
    if e < len(doc) and doc[e].like_num:
        return True
    return not doc[s].is_sent_start


def _in_other_relative(block: _Block, cue: tuple[int, int], h: Hit) -> bool:
    """Whether a cue after the match stands in a relative clause of a later noun, not of the match: in
    "autonomous systems to assess scenes that are potentially contaminated" the hedge is about the scenes,
    while in "quantum computers that may solve ..." (the relative word right after the match) it is not."""
    rel = next((j for j in range(h.end, cue[0]) if block.lower[j] in _RELATIVES), None)
    return rel is not None and rel > h.end


def method_cue(block: _Block, cue: tuple[int, int], h: Hit, sent: Span) -> bool:
    """Whether a method word after the match makes the term a means rather than the subject. Not in "malware
    based on rules" (a phrase about the malware, not a "malware-based" method), and not when a sentence says
    what a piece of software is: "X is a LiDAR odometry pipeline", "an extensible network forensic analysis
    framework" (a record's opening line): the term is what the software is for."""
    lower = block.lower
    s, e = cue
    if lower[s] == "based" and e < sent.end and lower[e] in ("on", "upon"):
        return False
    return not purpose_phrase(block, h, sent)


def purpose_phrase(block: _Block, h: Hit, sent: Span) -> str:
    """The words "a ... TERM framework" when the match qualifies a software noun that the sentence names the
    software by, at its start or after "is"/"are": "Dshell. An extensible network forensic analysis
    framework", "KISS-ICP is a LiDAR Odometry pipeline". Its purpose is the term, as in "a framework for
    TERM"."""
    lower = block.lower
    end = h.end
    while end < min(sent.end, h.end + 3) and not block.punct[end] and lower[end] not in _SOFTWARE_NOUNS:
        end += 1
    if end >= sent.end or lower[end] not in _SOFTWARE_NOUNS:
        return ""
    for j in range(h.start - 1, max(sent.start, h.start - _NAMING_REACH) - 1, -1):
        if lower[j] in _ARTICLES:
            if j == sent.start or lower[j - 1] in _COPULAS:
                return block.doc[j : end + 1].text
            return ""
        if lower[j] in _SEPARATORS - {","} or (block.punct[j] and lower[j] not in (",", "-")):
            return ""
    return ""


# a modal after the term makes the term the subject of what the work plans ("quadcopters will coordinate")
_MODALS = {"will", "shall", "can", "must"}
_SUBJECT_REACH = (
    6  # tokens between the match and its modal (the rest of the noun phrase: "vessel carrying a sonar")
)
_NOT_ACTING = {"not", "n't", "never", "be", "also", "only", "have", "has"}


def _acts(block: _Block, h: Hit, sent: Span) -> str:
    """The words "<modal> <verb>" when the match is the subject of a planned action ("a swarm of small
    quadcopters will coordinate to map ...", "an uncrewed vessel carrying an echosounder will survey ..."):
    a plain statement of what the work's technology does, which names no research verb. A passive ("will be
    developed") is a build or apply action already; a denial ("will not") is a declaration."""
    lower = block.lower
    for j in range(h.end, min(sent.end - 1, h.end + _SUBJECT_REACH)):
        w = lower[j]
        if w in _MODALS:
            nxt = lower[j + 1]
            if nxt in _NOT_ACTING or block.punct[j + 1]:
                return ""
            return f"{block.doc[j].text} {block.doc[j + 1].text}"
        if (
            block.punct[j]
            and w != "-"
            or w in _SEPARATORS
            or j in block.verb_starts
            or w in ("that", "which")
        ):
            return ""
    return ""


def _hedged(feats: dict[str, Feature]) -> None:
    """Two kinds of hedge that qualify an outcome, not whether the work has the technology: a hedge in a
    sentence where the work builds or applies the term ("machine learning could be applied to classify
    trajectories", "the tools developed may enable ..."), and a hedge in a paragraph that names a defence or
    security customer (a capability such a customer is said to hope for: "could give warfighters ...")."""
    hedge = feats.get("cue.hedge")
    if hedge is None:
        return
    act = feats.get("verb.build") or feats.get("verb.apply")
    if act is not None:
        feats["cue.hedged_action"] = Feature(1.0, f"{hedge.evidence} ... {act.evidence}")
    customer = feats.get("cue.end_user")
    if customer is not None:
        feats["cue.hedged_end_user"] = Feature(1.0, f"{hedge.evidence} ... {customer.evidence}")


# what a programme does as a subject: modals, "is", and the verbs calls and projects take ("solicits")
_ACTING = {
    "will",
    "shall",
    "is",
    "are",
    "can",
    "must",
    "aims",
    "seeks",
    "intends",
    "solicits",
    "invites",
    "funds",
    "supports",
    "targets",
    "addresses",
    "focuses",
}
# after a third-person verb form of the subject ("responds to", "solicits submission", "addresses the")
_OBJECT_LEAD = {"the", "a", "an", "to", "this", "these", "its", "their", "on", "new", "novel", "research"}
# words of the subject's noun phrase before the programme noun ("The EU-funded BorderForce")
_PROGRAMME_REACH = 5


def programme_subjects(block: _Block, sent: Span) -> list[tuple[int, int, str]]:
    """The subjects of the sentence that are the work's own project, programme, mission or call acting, each
    as (first word, its verb, "<subject> <verb>"): "The EU-funded BorderForce project responds to these
    challenges by ... using AI", "This announcement solicits proposals on intelligent software agents",
    "SMART will provide ...". A subject is a programme noun of ``patterns/context.yaml`` (family
    ``programme``) that opens the sentence or follows a comma, or a capitalised name (an acronym,
    "BorderForce") right before "will" or "shall". Read once per sentence."""
    lower, punct, doc = block.lower, block.punct, block.doc
    verbs = block.verb_starts

    def opens(j: int) -> int | None:  # the first word of a subject phrase ending at j, if one opens there
        for k in range(j, max(sent.start, j - _PROGRAMME_REACH) - 1, -1):
            if k == sent.start or lower[k - 1] == ",":
                return k
            if (punct[k - 1] and lower[k - 1] not in ("-", "/")) or k - 1 in verbs:
                return None
        return None

    def acts(j: int) -> int | None:  # the verb at or after j (past a parenthesis or one name)
        if j < sent.end and lower[j] == "(":
            close = next((k for k in range(j, min(sent.end, j + 6)) if lower[k] == ")"), None)
            j = close + 1 if close is not None else j
        elif j < sent.end and doc[j].text[:1].isupper() and not punct[j]:
            j += 1
        if j >= sent.end - 1:
            return None
        w = lower[j]
        if w in _ACTING or j in verbs:
            return j if lower[j + 1] not in _NOT_ACTING else None
        if w.isalpha() and w.endswith("s") and not w.endswith("ss") and lower[j + 1] in _OBJECT_LEAD:
            return j
        return None

    out: list[tuple[int, int, str]] = []
    for s, e in block.cues.sentence("programme", sent.start):
        start = opens(s)
        verb = acts(e) if start is not None else None
        if start is not None and verb is not None:
            out.append((start, verb, f"{doc[start:e].text} {doc[verb].text}"))
    for j in range(sent.start, sent.end - 2):
        if lower[j + 1] not in ("will", "shall") or lower[j + 2] in _NOT_ACTING:
            continue
        if not (j == sent.start or lower[j - 1] in (",", "the", "this")):
            continue
        name = doc[j].text
        if name[:1].isupper() and any(c.isupper() or c.isdigit() for c in name[1:]) and len(name) > 2:
            out.append((j, j + 1, f"{name} {doc[j + 1].text}"))
    return out


def _programme_acts(subjects: list[tuple[int, int, str]], h: Hit) -> str:
    """The first programme subject of the sentence (``programme_subjects``) the match is not part of."""
    return next((words for first, verb, words in subjects if not first <= h.start <= verb), "")


# separators of a list of items; a list item is next to one of them. "and/or" is one token and one separator
# ("surface-, ship-, aircraft- and/or space-based platforms"), as "and" or "or" alone
_SEPARATORS = {",", "and", "or", "/", ";", "and/or"}
# the words a comma right before is one separator with (", and", ", or", ", and/or")
_FINAL_JOINS = ("and", "or", "and/or")
_LIST_REACH = 10  # tokens on either side of the match searched for the list's other separators
# relative pronouns open another clause: a separator past one is not in the match's list
_RELATIVES = {"that", "which", "who", "whom", "whose"}
# a preposition between the match and a separator puts that separator in another phrase: in "prevention,
# detection and mitigation of cyber threats" the list is of the words before "of", not of the match
_LIST_BOUNDS = {
    "of",
    "on",
    "in",
    "into",
    "to",
    "for",
    "with",
    "about",
    "from",
    "against",
    "through",
    "via",
    "by",
    "over",
    "under",
    "between",
    "within",
}


def _list_item(block: _Block, h: Hit, sent: Span) -> str:
    """The text of the list around ``h`` when the match is one item of a list of three or more items
    ("nonlinear physics, information theory, machine learning and signal processing"): a topic named among
    others, not what the sentence does. A list of three items has two separators, and a comma right before
    "and"/"or" is one separator with it ("work on antennas, and the student will ..." joins two clauses, not
    three items). A build or apply verb or a preposition between the match and the list's separators ends
    the list on that side (a new clause or another phrase), so "we develop radar, and the partner builds
    lidar" is not a list; nor is one thing named twice ("imaging spectroscopy, also known as hyperspectral
    remote sensing, ...": the `apposition` cues of patterns/context.yaml end the list on their side)."""
    lower = block.lower
    before = h.start - 1 if h.start > sent.start else None
    after = h.end if h.end < sent.end else None
    if not (
        (before is not None and lower[before] in _SEPARATORS)
        or (after is not None and lower[after] in _SEPARATORS)
    ):
        return ""
    lo, hi = max(sent.start, h.start - _LIST_REACH), min(sent.end, h.end + _LIST_REACH)
    verbs = block.verb_starts
    # "imaging spectroscopy, also known as hyperspectral remote sensing, ...": one thing named twice
    apposed = {j for s, e in block.cues.sentence("apposition", sent.start) for j in range(s, e)}

    def bound(j: int) -> bool:  # a verb or a preposition, not one inside a compound ("optical-to-microwave")
        # "circuits that enable a probabilistic computer, which ...": a relative clause is another phrase, its
        # commas and "and"s are no separators of the list
        if j in verbs or j in apposed or lower[j] in _RELATIVES:
            return True
        nxt = lower[j + 1] if j + 1 < len(lower) else ""
        return lower[j] in _LIST_BOUNDS and lower[j - 1] != "-" and nxt != "-"

    separators = 0
    for j in range(h.start - 1, lo - 1, -1):
        if bound(j):
            break
        # ", and": the comma is counted with the word after it
        separators += lower[j] in _SEPARATORS and not (lower[j] == "," and lower[j + 1] in _FINAL_JOINS)
    for j in range(h.end, hi):
        if bound(j):
            break
        separators += lower[j] in _SEPARATORS and not (
            lower[j] == "," and j + 1 < hi and lower[j + 1] in _FINAL_JOINS
        )
    if separators >= 2:
        return block.doc[lo:hi].text
    return ""


class _Block:
    """What every hit of one block reads: the Doc, its cue spans, word lists and block-level flags."""

    __slots__ = (
        "doc",
        "cues",
        "title",
        "verbs",
        "verb_starts",
        "yes_end",
        "admin",
        "lower",
        "lowers",
        "punct",
    )

    def __init__(self, doc: Doc, cues: _BySentence, title: bool, field: bool):
        self.doc, self.cues, self.title = doc, cues, title
        self.verbs = set(cues.all.get("verb", []))
        self.verb_starts = {s for s, _ in self.verbs}
        self.yes_end = _yes_answer(doc)
        self.admin = field and self.yes_end is None and _admin_label(doc)
        self.lower = lower_words(doc)
        self.lowers: list[int] = lower_hashes(doc).tolist()
        self.punct = punct_flags(doc)


# words that make a sentence a prohibition ("shall not", "prohibited", "in breach of"), not a description
_PROHIBITION = {
    "not",
    "no",
    "never",
    "nor",
    "prohibited",
    "prohibit",
    "prohibits",
    "forbidden",
    "breach",
    "violation",
    "contravention",
    "restricted",
    "restrict",
    "restricts",
    "barred",
    "n't",
}


def _prohibits(block: _Block, sent: Span) -> bool:
    """Whether the sentence prohibits or restricts something (a clause), rather than describing a use."""
    return any(block.lower[j] in _PROHIBITION for j in range(sent.start, sent.end))


def _term(feats: dict[str, Feature], doc: Doc, h: Hit) -> None:
    """Term strength and specificity: the rule's base score, a multi-word match, an acronym."""
    feats["term.score"] = Feature(h.rule.score, h.rule.id)
    if h.end - h.start > 1:
        feats["term.multiword"] = Feature(1.0)
    if h.acronym:
        feats["term.acronym"] = Feature(1.0)


def _rule_context(
    ctx: _BySentence, h: Hit, sent: Span, label: str, window: str | int
) -> tuple[int, int] | None:
    """A span of the rule's own context words in ``window`` (sentence, paragraph or tokens), not the match."""
    if window == "sentence":
        spans = ctx.sentence(label, sent.start)
    elif window == "paragraph":
        spans = ctx.all.get(label, [])
    else:
        spans = ctx.near(label, h.start - int(window), h.end + int(window))
    for s, e in spans:
        if s < h.end and h.start < e:  # the match itself is not its own context
            continue
        if window == "paragraph":
            return s, e
        if window == "sentence" and sent.start <= s and e <= sent.end:
            return s, e
        if isinstance(window, int) and (h.start - window <= s and e <= h.end + window):
            return s, e
    return None


def _rule_cues(feats: dict[str, Feature], doc: Doc, ctx: _BySentence, h: Hit, sent: Span) -> None:
    """The rule's own context and negative-context words move its score by their pack weights: the pack's
    judgement of the term in this context is one feature ("term.score")."""
    r = h.rule
    score, seen = r.score, []
    for sign, items in ((1, r.context), (-1, r.negative_context)):
        for i, c in enumerate(items):
            found = _rule_context(ctx, h, sent, f"{r.id}\x1f{'+' if sign > 0 else '-'}{i}", c.window)
            if found:
                score += sign * c.weight
                seen.append(f"{'+' if sign > 0 else '-'}{c.weight:.2f} '{span_text(doc, *found)}'")
    if seen:
        feats["term.score"] = Feature(round(score, 3), f"{r.id} {r.score:.2f} {' '.join(seen[:4])}")


def _support(
    feats: dict[str, Feature],
    doc: Doc,
    h: Hit,
    sent: Span,
    lowered: dict[int, str],
    by_sent_cat: dict[tuple[int, str], list[Hit]],
    distinct: dict[str, list[Hit]],
    facts: _Sentences,
) -> None:
    """Other, different terms of the same category in the sentence or the block. The first hit of another
    text is one of the first hits of the first two texts, found once per sentence and category (``facts``)."""
    cat, mine = h.rule.category, lowered[id(h)]
    firsts = facts.first_two_texts((sent.start, cat), by_sent_cat, lowered)
    same = next((o for o in firsts if lowered[id(o)] != mine), None)
    if same is not None:
        feats["support.sentence"] = Feature(1.0, span_text(doc, same.start, same.end))
        return
    same = next((o for o in distinct[cat] if lowered[id(o)] != mine), None)
    if same is not None:
        feats["support.paragraph"] = Feature(1.0, span_text(doc, same.start, same.end))


def _position(feats: dict[str, Feature], block: _Block, h: Hit, org_words: set[int]) -> None:
    """Form answer, title, administrative line, organisation name."""
    if block.yes_end is not None and h.start >= block.yes_end:
        feats["form.yes"] = Feature(1.0)
    elif block.title:
        feats["position.title"] = Feature(1.0)
    elif block.admin:
        feats["position.field"] = Feature(1.0)
    name = _organisation_name(block, h, org_words)
    if name:
        feats["position.organisation"] = Feature(1.0, name)


def _organisation_name(block: _Block, h: Hit, org_words: set[int]) -> str | None:
    """The organisation name the match is part of: capitalised words from the match up to a name-ending word
    ("European Space Agency", "Stanford AI Lab"), or None."""
    doc = block.doc
    if not org_words or not doc[h.start].text[:1].isupper():
        return None
    for j in range(h.end - 1 if h.end - h.start > 1 else h.end, min(len(doc), h.end + 4)):
        t = doc[j].text
        if block.lowers[j] in org_words and t[:1].isupper():
            start = h.start
            while start > 0 and doc[start - 1].text[:1].isupper() and not block.punct[start - 1]:
                start -= 1
            return span_text(doc, start, j + 1)
        if not (t[:1].isupper() or t.lower() in ("of", "for", "and", "&")):
            break
    return None


class _BySentence:
    """Token spans per label, indexed by sentence and by start token."""

    def __init__(self, spans: dict[str, list[tuple[int, int]]], sent_of: list[int]):
        self.all = spans
        self._sent: dict[tuple[str, int], list[tuple[int, int]]] = {}
        self._sorted: dict[str, tuple[list[int], list[tuple[int, int]]]] = {}
        for label, ss in spans.items():
            for sp in ss:
                self._sent.setdefault((label, sent_of[sp[0]]), []).append(sp)

    def sentence(self, label: str, sent_start: int) -> list[tuple[int, int]]:
        return self._sent.get((label, sent_start), [])

    def near(self, label: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """Spans starting in [lo, hi]."""
        if label not in self._sorted:
            ss = sorted(self.all.get(label, []))
            self._sorted[label] = ([sp[0] for sp in ss], ss)
        starts, ss = self._sorted[label]
        return ss[bisect_left(starts, lo) : bisect_right(starts, hi)]


_YES_ARRAY = hash_set([get_string_id("yes")])
_TO = get_string_id("to")
_ON = get_string_id("on")
_LABEL_VERBS = {"is", "are", "was", "were", "will", "shall", "we", "our", "has", "have", "can"}


def _yes_answer(doc: Doc) -> int | None:
    """The token after a "Yes" answering a form question ("...? Yes.", "Dual-use potential: Yes"), or None."""
    for i in positions(lower_hashes(doc), _YES_ARRAY):  # hashes: no Token object per word
        if i == 0 or doc[i - 1].text in (":", "?", "-", "–") or doc[i - 1].lower_ == "answer":
            return i + 1
    return None


def _admin_label(doc: Doc) -> bool:
    """Whether the text before the first colon reads as a form label ("Research theme"), not as a clause
    of a sentence ("Synthetic biology is our core method")."""
    for t in doc:
        if t.text == ":":
            return not any(x.lower_ in _LABEL_VERBS for x in doc[: t.i])
    return True


def _near(
    doc: Doc,
    spans: list[tuple[int, int]],
    nearby: _Nearby | None,
    sent: Span,
    h: Hit,
    window: int,
    verbs: set[tuple[int, int]],
) -> tuple[int, int] | None:
    """An action in the sentence within ``window`` tokens of the match, acting on it: a verb before the
    technology (its object: "we train neural networks"), or a passive verb after it ("drones are flown").
    The first such span of ``spans``; with ``nearby`` (the index of ``spans``) only the spans ending or
    starting within ``window`` of the match are read, in the same order."""
    order = range(len(spans)) if nearby is None else nearby.around(h.start, h.end, window)
    for k in order:
        s, e = spans[k]
        if not (sent.start <= s and e <= sent.end) or (s < h.end and h.start < e):
            continue
        if 0 <= h.start - e <= window:
            return s, e
        if 0 <= s - h.end <= window and (
            (s, e) not in verbs or any(lower_words(doc)[j] in _BE for j in range(max(sent.start, s - 2), s))
        ):
            return s, e
    return None


def _cue_before(sp: tuple[int, int], h: Hit, reach: int, block: _Block) -> bool:
    return 0 <= h.start - sp[1] <= reach


def _cue_after(sp: tuple[int, int], h: Hit, reach: int, block: _Block) -> bool:
    return 0 <= sp[0] - h.end <= reach


def _cue_around(sp: tuple[int, int], h: Hit, reach: int, block: _Block) -> bool:
    return 0 <= h.start - sp[1] <= reach or 0 <= sp[0] - h.end <= reach


def _cue_comparison(sp: tuple[int, int], h: Hit, reach: int, block: _Block) -> bool:
    """'like jet engines', never 'would like to': up to three words before the match."""
    return 0 <= h.start - sp[1] <= 3 and block.lower[sp[1]] != "to"


# the test of each scope read near the match; the comparison family has its own
_NEAR_TESTS: dict[str, Callable[[tuple[int, int], Hit, int, _Block], bool]] = {
    "before": _cue_before,
    "after": _cue_after,
    "around": _cue_around,
}


def _first_near(
    spans: list[tuple[int, int]],
    nearby: _Nearby | None,
    h: Hit,
    test: Callable[[tuple[int, int], Hit, int, _Block], bool],
    reach: int,
    block: _Block,
) -> tuple[int, int] | None:
    """The first span of ``spans`` (one family's spans in the match's sentence) that ``test`` accepts within
    ``reach`` tokens of the match; with ``nearby`` only the spans ending or starting that near are read."""
    order = range(len(spans)) if nearby is None else nearby.around(h.start, h.end, max(reach, 3))
    for k in order:
        if test(spans[k], h, reach, block):
            return spans[k]
    return None


# families whose second phrase in a sentence says more ("believed to hold great potential for ...")
_COUNTED = ("literature", "hedge")


def literature_weight(spans: list[tuple[int, int]], sent: Span, h: Hit) -> float:
    """1 for one literature phrase in the sentence, 2 for two or more that do not overlap: a sentence that
    says twice that it reports others' work ("the review covers the ethics literature on ...")."""
    found = [
        (s, e) for s, e in spans if sent.start <= s and e <= sent.end and not (s < h.end and h.start < e)
    ]
    apart = sum(1 for a, b in zip(found, found[1:], strict=False) if b[0] >= a[1])
    return 2.0 if apart else 1.0


def _in_sentence(spans: list[tuple[int, int]], sent: Span, h: Hit) -> tuple[int, int] | None:
    for s, e in spans:
        if sent.start <= s and e <= sent.end and not (s < h.end and h.start < e):
            return s, e
    return None


class _Nearby:
    """Where the spans of one list (one label, one sentence) end and start, sorted: the spans within a window
    of a match are found by bisection instead of reading the whole list for each match."""

    __slots__ = ("_ends", "_by_end", "_starts", "_by_start")

    def __init__(self, spans: list[tuple[int, int]]):
        self._by_end = sorted(range(len(spans)), key=lambda k: spans[k][1])
        self._ends = [spans[k][1] for k in self._by_end]
        self._by_start = sorted(range(len(spans)), key=lambda k: spans[k][0])
        self._starts = [spans[k][0] for k in self._by_start]

    def around(self, start: int, end: int, window: int) -> list[int]:
        """Positions in the list, in list order, of the spans ending in [start - window, start] or starting
        in [end, end + window]."""
        ks = self._by_end[bisect_left(self._ends, start - window) : bisect_right(self._ends, start)]
        ks += self._by_start[bisect_left(self._starts, end) : bisect_right(self._starts, end + window)]
        return sorted(set(ks))


# a sentence with up to this many spans of a label reads them all for each match, without an index
_NEARBY_MIN = 8


class _Sentences:
    """What every hit of a sentence reads that does not depend on the hit, worked out on first use and kept
    per sentence: a paragraph without a full stop is one sentence of thousands of hits, and reading the whole
    sentence again for each of them made scoring grow with the square of its length."""

    def __init__(self, block: _Block, verb_forms: set[int]):
        self._block = block
        self._verb_forms = verb_forms
        self._actions: dict[tuple[str, int], tuple[list[tuple[int, int]], _Nearby | None]] = {}
        self._build_verbs: dict[int, list[tuple[int, int]]] = {}
        self._forms: dict[int, list[int]] = {}
        self._first: dict[int, int] = {}
        self._firsts: dict[tuple[int, str], list[Hit]] = {}
        self._prohibits: dict[int, bool] = {}

    def actions(self, label: str, sent_start: int) -> tuple[list[tuple[int, int]], _Nearby | None]:
        """The spans of an action label ("build", "apply") in the sentence, and their index when many."""
        got = self._actions.get((label, sent_start))
        if got is None:
            spans = self._block.cues.sentence(label, sent_start)
            got = self._actions[(label, sent_start)] = (
                spans,
                _Nearby(spans) if len(spans) > _NEARBY_MIN else None,
            )
        return got

    def build_verbs(self, sent_start: int) -> list[tuple[int, int]]:
        """The "build" spans of the sentence that are verbs, in order."""
        got = self._build_verbs.get(sent_start)
        if got is None:
            verbs = self._block.verbs
            got = self._build_verbs[sent_start] = [
                c for c in self._block.cues.sentence("build", sent_start) if c in verbs
            ]
        return got

    def verb_forms(self, sent: Span) -> list[int]:
        """Token indices of the sentence's single-word verb forms, in order."""
        got = self._forms.get(sent.start)
        if got is None:
            lowers, forms = self._block.lowers, self._verb_forms
            got = self._forms[sent.start] = [j for j in range(sent.start, sent.end) if lowers[j] in forms]
        return got

    def first_word(self, sent: Span) -> int:
        """The index of the sentence's first token that is not punctuation (``sent.end`` when none)."""
        got = self._first.get(sent.start)
        if got is None:
            got, punct = sent.start, self._block.punct
            while got < sent.end and punct[got]:
                got += 1
            self._first[sent.start] = got
        return got

    def prohibits(self, sent: Span) -> bool:
        """``_prohibits`` of the sentence."""
        got = self._prohibits.get(sent.start)
        if got is None:
            got = self._prohibits[sent.start] = _prohibits(self._block, sent)
        return got

    def first_two_texts(
        self, key: tuple[int, str], hits: dict[tuple[int, str], list[Hit]], lowered: dict[int, str]
    ) -> list[Hit]:
        """Of the hits ``hits[key]``, the first one and the first one of another text (when any)."""
        got = self._firsts.get(key)
        if got is None:
            got = self._firsts[key] = []
            for o in hits[key]:
                if not got or lowered[id(o)] != lowered[id(got[0])]:
                    got.append(o)
                    if len(got) == 2:
                        break
        return got


def _example_scope(doc: Doc, cue: tuple[int, int], h: Hit) -> bool:
    """An example cue counts when the match follows it (in the list it introduces) or sits in brackets. A cue
    that opens a list with a colon whose items are set off by semicolons ("yielded a list including: to study
    thunderstorms; ...; in Monte, to support spaceflight operations; ...") reaches every item, however long."""
    if cue[1] <= h.start and h.start - cue[1] <= 25:
        return True
    if cue[1] < h.start and doc[cue[1]].text == ":" and any(t.text == ";" for t in doc[cue[1] : h.start]):
        return True
    before = doc[max(0, h.start - 12) : h.start].text
    return "(" in before and ")" not in before.rsplit("(", 1)[-1]


_LIST = {",", "or", "and", "nor", "/"}
# words that start a new clause: a list crossed after one of them is not the denial's list
_CLAUSE = {"we", "will", "shall", "is", "are", "was", "were", "it", "they", "which", "that", "who", "i", "be"}
_AUX = {"is", "are", "will", "shall", "would", "was", "were", "can", "could", "does", "do", "did"}
_UNUSED = {
    "used",
    "needed",
    "required",
    "part",
    "developed",
    "applied",
    "employed",
    "considered",
    "included",
    "involved",
    "pursued",
    "undertaken",
    "built",
    "trained",
    "deployed",
    "studied",
    "addressed",
    "use",
    "involve",
    "develop",
    "apply",
    "employ",
    "include",
    "form",
}
_PURPOSE = {"for", "to", "against", "by", "outside"}
_SCOPE = {"out of scope", "outside the scope", "beyond the scope", "out of the scope"}


def negator(doc: Doc, sent: Span, start: int) -> str | None:
    """The negator governing the match at token ``start``, or None: within 6 words before it in the same
    clause, where a coordinated list does not count ("no defence, security or military end use" denies
    every item; the 6 words are counted from the list's first item: "does not involve work with dangerous
    pathogens, toxins or select agents"), or a denial right after it ("machine learning will not be used",
    "... is out of scope")."""
    lower = lower_words(doc)
    i = start - 1
    steps = 0
    clause = False
    while i >= sent.start and steps < 6 and start - i <= 14:
        t = lower[i]
        if t in _NEG_BARRIER:
            break
        if t in _NEGATORS:
            nxt = lower[i + 1] if i + 1 < len(lower) else ""
            if nxt in _NEG_EXCEPT:
                return None
            return words(doc)[i]
        if t in _LIST:
            if clause:
                break
            steps = 0  # the words of a later item of the list are not between the negator and the list
        else:
            clause = clause or t in _CLAUSE
            steps += 1
        i -= 1
    return _denied_after(doc, sent, start) or _none_of_them(doc, sent, start)


def _none_of_them(doc: Doc, sent: Span, start: int) -> str | None:
    """'drones and vans, although none of these is studied here': a denial of every item listed before it.

    The first denying "none of" after the match. In a long rest of a sentence the denying ones are found once
    per sentence (kept with the Doc) and the next one is found by bisection, so that a sentence of thousands
    of terms is not read to its end for each of them."""
    lower = lower_words(doc)
    if sent.end - start <= _NONE_OF_SCAN:
        for i in range(start + 1, sent.end - 2):
            if _none_of_denies(lower, sent.end, i):
                return words(doc)[i]
        return None
    found = _none_of_denials(doc, sent)
    k = bisect_right(found, start)
    return words(doc)[found[k]] if k < len(found) else None


# a rest of the sentence up to this many tokens is read directly, a longer one through its sentence's list
_NONE_OF_SCAN = 32


def _none_of_denies(lower: list[str], end: int, i: int) -> bool:
    """Whether token ``i`` starts a "none of" / "neither of" that denies use ("none of these is studied"),
    in a sentence ending at token ``end``."""
    if lower[i] in ("none", "neither") and lower[i + 1] == "of":
        tail = lower[i + 2 : min(end, i + 7)]
        return any(t in _UNUSED for t in tail) and not any(t in _NEG_EXCEPT for t in tail)
    return False


def _none_of_denials(doc: Doc, sent: Span) -> list[int]:
    """Token indices of the denying "none of" phrases of ``sent`` (as ``_none_of_them`` reads them), in order;
    worked out once per sentence bounds and kept in the Doc's user data."""
    cache: dict[tuple[int, int], list[int]] = doc.user_data.setdefault("grantscan_none_of", {})
    key = (sent.start, sent.end)
    found = cache.get(key)
    if found is None:
        lower = lower_words(doc)
        found = cache[key] = [
            i for i in range(sent.start, sent.end - 2) if _none_of_denies(lower, sent.end, i)
        ]
    return found


def _denied_after(doc: Doc, sent: Span, start: int) -> str | None:
    """'X will not be used', 'X is not part of the work', 'X is outside the scope': the denial follows."""
    lower, punct, text_of = lower_words(doc), punct_flags(doc), words(doc)
    end = start
    while end < sent.end and (not punct[end] or text_of[end] == "-") and lower[end] not in _AUX:
        end += 1
        if end - start > 6:
            return None
    rest = lower[end : min(sent.end, end + 6)]
    if len(rest) >= 2 and rest[0] in _AUX and rest[1] in ("not", "n't", "never"):
        tail = rest[2:4] if len(rest) > 2 and rest[2] != "be" else rest[3:5]
        # "will not be used for military purposes" restricts a use; it does not deny the technology
        if tail and tail[0] in _UNUSED and (len(tail) < 2 or tail[1] not in _PURPOSE):
            return text_of[end + 1]
    text = " ".join(rest[1:] if rest and rest[0] in _AUX else rest)
    if any(text.startswith(x) for x in _SCOPE):
        return "out of scope"
    return None
