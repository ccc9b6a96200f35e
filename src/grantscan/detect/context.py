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
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..knowledge.loader import LineDict, PackError, check_keys, load_yaml
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

THRESHOLD = 0.65  # a finding is reported when its document-level confidence reaches this
FLOOR = 0.2  # hits below this are not even kept for document-level aggregation

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
# before it, the form is literature or past work ("has been developed", "was trained")
_PERFECT = {"has", "have", "had", "been", "was", "were"}

# Phrase cues (matched lower-case, whole words) and the weight each family applies.
CUES: dict[str, tuple[float, str, list[str]]] = {
    "application": (
        0.1,
        "names a sensitive end use",
        [
            "for military",
            "military use",
            "military applications",
            "military application",
            "defence applications",
            "defense applications",
            "for defence",
            "for defense",
            "battlefield",
            "national security applications",
            "weapon systems",
            "weapons systems",
            "dual-use",
            "dual use",
            "for the armed forces",
        ],
    ),
    "central": (
        0.05,
        "stated as the aim of the work",
        [
            "this project",
            "the project",
            "this phd",
            "this research",
            "the aim",
            "our aim",
            "aims to",
            "the goal",
            "objective of",
            "will focus",
            "focuses on",
            "focus on",
            "in this project",
            "the student will",
            "you will",
            "we propose",
            "is proposed",
            "novel",
            "new generation",
            "next-generation",
            "next generation",
            "state-of-the-art",
            "cutting-edge",
            "central aim",
            "main aim",
            "core method",
            "our core",
            "central method",
        ],
    ),
    "literature": (
        -0.2,
        "literature or background",
        [
            "has been used",
            "have been used",
            "has been applied",
            "have been applied",
            "has been shown",
            "have been shown",
            "have been developed",
            "has been developed",
            "previous studies",
            "previous work",
            "prior work",
            "in the literature",
            "literature review",
            "et al",
            "recent advances",
            "recent years",
            "has attracted",
            "have attracted",
            "is widely used",
            "are widely used",
            "has revolutionised",
            "has revolutionized",
            "have revolutionised",
            "have revolutionized",
            "was awarded",
            "nobel prize",
            "historically",
            "in the past",
            "was first",
            "were first",
            "traditionally",
            "widely hypothesised",
            "widely hypothesized",
            "technological advancement",
            "technological advances",
            "growing interest",
            "have proposed",
            "has proposed",
            "has transformed",
            "have transformed",
            "literature on",
            "ethics literature",
            "the ethics of",
            "ethical debate",
            "ethical debates",
            "philosophers",
            "philosophical",
            "review covers",
            "reviews the literature",
            "the history of",
            "historians",
            "archival",
        ],
    ),
    "comparison": (
        -0.2,
        "a comparison, not the subject of the work",
        [
            "like",
            "unlike",
            "similar to",
            "analogous to",
            "as in",
            "just as",
            "as with",
            "compared with",
            "compared to",
            "akin to",
            "by analogy with",
            "reminiscent of",
        ],
    ),
    "tool": (
        -0.2,
        "an available resource or tool, not the research itself",
        [
            "resources available",
            "available resources",
            "facilities include",
            "facilities available",
            "equipment includes",
            "equipped with",
            "have access to",
            "has access to",
            "in-house",
            "purchased",
            "commercially available",
            "off-the-shelf",
            "commercial software",
            "supporting tool",
            "handheld",
            "hand-held",
            "a commercial",
            "measured with a",
            "measured using a",
            "recorded by",
            "bought from",
            "purchased from",
            "imagery from",
            "surveys provided by",
            "data provided by",
            "data supplied by",
        ],
    ),
    "example": (
        -0.2,
        "listed among examples or possible applications",
        [
            "e.g.",
            "e.g",
            "eg.",
            "for example",
            "for instance",
            "such as",
            "including",
            "ranging from",
            "applications include",
            "applications including",
            "applications in",
            "application areas",
            "wide range of applications",
            "range of applications",
            "variety of applications",
            "applications such as",
            "areas such as",
            "fields such as",
            "sectors such as",
            "industries such as",
            "from healthcare to",
            "amongst others",
            "among others",
            "etc",
            "etc.",
        ],
    ),
    "person": (
        -0.2,
        "skills wanted from the applicant, not the work",
        [
            "experience with",
            "experience in",
            "background in",
            "strong background",
            "desirable",
            "knowledge of",
            "familiarity with",
            "skills in",
            "applicants should",
            "applicants must",
            "candidates should",
            "candidate should",
            "ideal candidate",
            "successful candidate",
            "keen interest",
            "prior experience",
            "would be an advantage",
            "is an advantage",
            "not essential",
            "not necessary",
            "expertise in",
            "will be trained in",
            "training in",
            "learn skills",
            "would be an asset",
        ],
    ),
    "hedge": (
        -0.1,
        "possibility only",
        [
            "could",
            "might",
            "may",
            "possibly",
            "potentially",
            "potential",
            "possible",
            "future",
            "one day",
            "in principle",
            "promise",
            "promising",
            "envisage",
            "envisaged",
        ],
    ),
    "option": (
        -0.2,
        "an option, not the plan of the work",
        [
            "optional",
            "optionally",
            "if time permits",
            "opportunity to",
            "opportunities to",
            "could also",
            "may also",
            "would also",
            "as an option",
            "there is scope to",
            "will consider",
            "may consider",
            "could consider",
            "might consider",
        ],
    ),
}
_NEGATORS = {"no", "not", "never", "without", "nor", "none", "neither", "n't", "cannot"}
_NEG_EXCEPT = {"only", "longer", "just", "doubt", "limited", "less", "least", "merely", "solely"}
_NEG_BARRIER = {";", "but", "however", "although", "whereas", ":", "(", ")"}


@dataclass(slots=True)
class Scored:
    """A hit with its sentence, confidence and the reasons for it."""

    hit: Hit
    sent: Span
    confidence: float
    reasons: list[str]
    negated: bool = False


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
        return lead


class ContextScorer:
    """Compiled cue matchers; ``score(doc, hits)`` turns raw hits into scored hits."""

    def __init__(self, nlp: Language, compiled: CompiledRules):
        self.compiled = compiled
        self.cues = PhraseSet(nlp)
        for name, (_, _, phrases) in CUES.items():
            self.cues.add(name, phrases, plurals=False)
        self.cues.build()
        self.actions = ActionFinder(nlp, load_actions())
        self.window = self.actions.actions.window

    def cue_spans(self, doc: Doc) -> dict[str, list[tuple[int, int]]]:
        out: dict[str, list[tuple[int, int]]] = {}
        for label, s, e, _ in self.cues(doc):
            out.setdefault(label, []).append((s, e))
        for label, spans in self.actions(doc).items():
            out.setdefault(label, []).extend(spans)  # the cue phrase families have other names
        return out

    def score(self, doc: Doc, hits: list[Hit], title: bool, field: bool = False) -> list[Scored]:
        """Confidence of every hit of one block; ``title`` when the block is a title or heading,
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
        cues = _BySentence(self.cue_spans(doc), sent_of)
        ctx = _BySentence(self.compiled.context_hits(doc), sent_of)
        verbs = set(cues.all.get("verb", []))
        yes_end = _yes_answer(doc)
        admin = field and yes_end is None and _admin_label(doc)
        out: list[Scored] = []
        lowered = {id(h): span_text(doc, h.start, h.end).lower() for h in hits}
        by_sent_cat: dict[tuple[int, str], list[Hit]] = {}
        distinct: dict[str, list[Hit]] = {}  # the first hits of the first two distinct texts per category
        for h in hits:
            by_sent_cat.setdefault((sent_of[h.start], h.rule.category), []).append(h)
            firsts = distinct.setdefault(h.rule.category, [])
            if len(firsts) < 2 and all(lowered[id(o)] != lowered[id(h)] for o in firsts):
                firsts.append(h)
        for h in hits:
            a = sent_of[h.start]
            sent = sent_at.get(a)
            if sent is None:
                sent = sent_at[a] = doc[a : sent_end[a]]
            r = h.rule
            conf = r.score
            reasons = [f"{r.score:.2f}: rule {r.id} ('{span_text(doc, h.start, h.end)}')"]

            def within(
                label: str, window: str | int, h: Hit = h, sent: Span = sent
            ) -> tuple[int, int] | None:
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

            if r.requires is not None:
                if within(f"{r.id}\x1freq", r.requires.window) is None:
                    continue
            for i, c in enumerate(r.context):
                found = within(f"{r.id}\x1f+{i}", c.window)
                if found:
                    conf += c.weight
                    reasons.append(
                        f"+{c.weight:.2f}: '{span_text(doc, found[0], found[1])}' in "
                        f"{c.window if isinstance(c.window, str) else f'{c.window} tokens'}"
                    )
            for i, c in enumerate(r.negative_context):
                found = within(f"{r.id}\x1f-{i}", c.window)
                if found:
                    conf -= c.weight
                    reasons.append(f"-{c.weight:.2f}: '{span_text(doc, found[0], found[1])}' nearby")
            mine = lowered[id(h)]
            same = next((o for o in by_sent_cat[(sent.start, r.category)] if lowered[id(o)] != mine), None)
            if same is not None:
                conf += 0.1
                reasons.append(f"+0.10: '{span_text(doc, same.start, same.end)}' ({r.category}) in sentence")
            else:
                same = next((o for o in distinct[r.category] if lowered[id(o)] != mine), None)
                if same is not None:
                    conf += 0.05
                    reasons.append(
                        f"+0.05: '{span_text(doc, same.start, same.end)}' ({r.category}) in paragraph"
                    )
            if yes_end is not None and h.start >= yes_end:
                conf += 0.1
                reasons.append("+0.10: after a 'Yes' answer to a form question")
            elif title:
                conf += 0.15
                reasons.append("+0.15: in a title or heading")
            elif admin:
                conf -= 0.2
                reasons.append("-0.20: in an administrative 'label: value' line")
            dev = _near(doc, cues.sentence("build", sent.start), sent, h, self.window, verbs)
            use = None if dev else _near(doc, cues.sentence("apply", sent.start), sent, h, self.window, verbs)
            far = (
                None
                if dev or use
                else _in_sentence([c for c in cues.sentence("build", sent.start) if c in verbs], sent, h)
            )
            if dev:
                conf += 0.2
                reasons.append(f"+0.20: '{span_text(doc, dev[0], dev[1])}' (the work builds it)")
            elif use:
                conf += 0.15
                reasons.append(f"+0.15: '{span_text(doc, use[0], use[1])}' (the work applies it)")
            elif far:
                conf += 0.1
                reasons.append(f"+0.10: '{span_text(doc, far[0], far[1])}' (research action in the sentence)")
            for name, (weight, why, _) in CUES.items():
                if name == "comparison":  # "like jet engines", never "would like to"
                    found = next(
                        (
                            (s, e)
                            for s, e in cues.sentence(name, sent.start)
                            if sent.start <= s and 0 <= h.start - e <= 3 and lower_words(doc)[e] != "to"
                        ),
                        None,
                    )
                else:
                    found = _in_sentence(cues.sentence(name, sent.start), sent, h)
                if not found:
                    continue
                if name == "example" and not _example_scope(doc, found, h):
                    continue
                if r.end_use and weight < 0:  # a named sensitive end use counts even in a list or a hedge
                    if name in ("example", "hedge", "option"):
                        continue
                conf += weight
                reasons.append(f"{weight:+.2f}: '{span_text(doc, found[0], found[1])}' ({why})")
            negated = negator(doc, sent, h.start)
            if negated:
                conf -= 0.5
                reasons.append(f"-0.50: negated ('{negated}')")
            conf = round(max(0.0, min(1.0, conf)), 3)
            if conf >= FLOOR or negated:
                out.append(Scored(h, sent, conf, reasons, negated=bool(negated)))
        return out


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
    doc: Doc, spans: list[tuple[int, int]], sent: Span, h: Hit, window: int, verbs: set[tuple[int, int]]
) -> tuple[int, int] | None:
    """An action in the sentence within ``window`` tokens of the match, acting on it: a verb before the
    technology (its object: "we train neural networks"), or a passive verb after it ("drones are flown")."""
    for s, e in spans:
        if not (sent.start <= s and e <= sent.end) or (s < h.end and h.start < e):
            continue
        if 0 <= h.start - e <= window:
            return s, e
        if 0 <= s - h.end <= window and (
            (s, e) not in verbs or any(lower_words(doc)[j] in _BE for j in range(max(sent.start, s - 2), s))
        ):
            return s, e
    return None


def _in_sentence(spans: list[tuple[int, int]], sent: Span, h: Hit) -> tuple[int, int] | None:
    for s, e in spans:
        if sent.start <= s and e <= sent.end and not (s < h.end and h.start < e):
            return s, e
    return None


def _example_scope(doc: Doc, cue: tuple[int, int], h: Hit) -> bool:
    """An example cue counts when the match follows it (in the list it introduces) or sits in brackets."""
    if cue[1] <= h.start and h.start - cue[1] <= 25:
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
    every item), or a denial right after it ("machine learning will not be used", "... is out of scope")."""
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
        else:
            clause = clause or t in _CLAUSE
            steps += 1
        i -= 1
    return _denied_after(doc, sent, start)


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
