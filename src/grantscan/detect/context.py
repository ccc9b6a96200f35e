"""Confidence of a technology hit from its context, explained step by step.

A rule gives the base score. The sentence then moves it: the work developing or applying the technology
("we will develop", "will be trained") or naming a sensitive end use ("for military use") raises it;
literature background ("has been used", "previous studies"), lists of examples or possible applications
("e.g.", "such as", "applications include"), hedges ("could", "potential") and negation lower it. Several
terms of the same category in the sentence or paragraph support each other. Every change is recorded as
a reason string, so the reported confidence is always the explained one.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from .matcher import CompiledRules, Hit, PhraseSet

THRESHOLD = 0.65  # a finding is reported when its document-level confidence reaches this
DEV_WINDOW = 10  # tokens between a development verb and the technology it acts on
FLOOR = 0.2  # hits below this are not even kept for document-level aggregation

# verbs of making the technology (strong) and of working with it (weaker)
_MAKE_VERBS = ["develop", "design", "build", "train", "fabricate", "implement", "create", "engineer",
               "demonstrate", "construct", "prototype", "manufacture", "assemble", "synthesise", "synthesize",
               "formulate", "miniaturise", "miniaturize", "reverse", "fuzz", "realise", "realize"]
_USE_VERBS = ["apply", "use", "employ", "leverage", "exploit", "integrate", "combine", "investigate", "explore",
              "study", "optimise", "optimize", "test", "deploy", "model", "simulate", "characterise", "characterize",
              "evaluate", "measure", "produce", "perform", "harness", "adapt", "extend", "improve", "enhance",
              "advance", "analyse", "analyze", "detect", "examine", "focus", "target", "control"]


def _forms(verbs: list[str], irregular: tuple[str, ...] = ()) -> list[str]:
    """Verb forms: base, -s, -ing (on the base as written) and -ed / -d, plus irregular ones."""
    out = {v + s for v in verbs for s in ("", "s", "ing")} | {v + "d" if v.endswith("e") else v + "ed" for v in verbs}
    return sorted(out | set(irregular))


_MAKE_FORMS = _forms(_MAKE_VERBS, ("built", "made", "making", "building", "training", "designing", "developing"))
_USE_FORMS = _forms(_USE_VERBS, ("using", "applied", "applying", "employing", "studied", "studying"))
_SUBJECTS = ["we", "i", "project", "phd", "student", "students", "candidate", "team", "group", "research",
             "programme", "work", "studentship", "lab", "laboratory", "you", "researchers", "thesis",
             "proposal", "aim", "aims", "objective", "objectives", "goal", "focus", "will", "shall"]

# Phrase cues (matched lower-case, whole words) and the weight each family applies.
CUES: dict[str, tuple[float, str, list[str]]] = {
    "application": (0.1, "names a sensitive end use", [
        "for military", "military use", "military applications", "military application", "defence applications",
        "defense applications", "for defence", "for defense", "battlefield", "national security applications",
        "weapon systems", "weapons systems", "dual-use", "dual use", "for the armed forces",
    ]),
    "central": (0.05, "stated as the aim of the work", [
        "this project", "the project", "this phd", "this research", "the aim", "our aim", "aims to",
        "the goal", "objective of", "will focus", "focuses on", "focus on", "in this project",
        "the student will", "you will", "we propose", "is proposed", "novel", "new generation",
        "next-generation", "next generation", "state-of-the-art", "cutting-edge",
    ]),
    "literature": (-0.2, "literature or background", [
        "has been used", "have been used", "has been applied", "have been applied", "has been shown",
        "have been shown", "have been developed", "has been developed", "previous studies", "previous work",
        "prior work", "in the literature", "literature review", "et al", "recent advances", "recent years",
        "has attracted", "have attracted", "is widely used", "are widely used", "has revolutionised",
        "has revolutionized", "have revolutionised", "have revolutionized", "was awarded", "nobel prize",
        "historically", "in the past", "was first", "were first", "traditionally", "widely hypothesised",
        "widely hypothesized", "technological advancement", "technological advances", "growing interest",
    ]),
    "tool": (-0.2, "an available resource or tool, not the research itself", [
        "resources available", "available resources", "facilities include", "facilities available",
        "equipment includes", "equipped with", "have access to", "has access to", "in-house", "purchased",
        "commercially available", "off-the-shelf", "commercial software", "supporting tool",
    ]),
    "example": (-0.2, "listed among examples or possible applications", [
        "e.g.", "e.g", "eg.", "for example", "for instance", "such as", "including", "ranging from",
        "applications include", "applications including", "applications in", "application areas",
        "wide range of applications", "range of applications", "variety of applications",
        "applications such as", "areas such as", "fields such as", "sectors such as", "industries such as",
        "from healthcare to", "amongst others", "among others", "etc", "etc.",
    ]),
    "person": (-0.2, "skills wanted from the applicant, not the work", [
        "experience with", "experience in", "background in", "strong background", "desirable", "knowledge of",
        "familiarity with", "skills in", "applicants should", "applicants must", "candidates should",
        "candidate should", "ideal candidate", "successful candidate", "keen interest", "prior experience",
        "would be an advantage", "is an advantage", "not essential", "not necessary", "expertise in",
        "will be trained in", "training in", "learn skills", "would be an asset",
    ]),
    "hedge": (-0.1, "possibility only", [
        "could", "might", "may", "possibly", "potentially", "potential", "possible", "future", "one day",
        "optional", "optionally", "if time permits", "opportunity to", "opportunities to", "could also",
        "may also", "would also", "in principle", "promise", "promising", "envisage", "envisaged",
    ]),
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


def _dev_matcher(nlp: Language) -> Matcher:
    m = Matcher(nlp.vocab)
    aux = {"LOWER": {"IN": ["will", "shall", "to", "would", "can", "also", "then", "first", "further", "aim", "aims",
                            "plan", "plans", "is", "are", "be", "intend", "seek", "seeks"]}, "OP": "*"}
    for label, forms in (("develop", _MAKE_FORMS), ("apply", _USE_FORMS)):
        m.add(label, [
            [{"LOWER": {"IN": _SUBJECTS}}, aux, {"LOWER": {"IN": forms}}],
            [{"LOWER": {"IN": ["will", "to", "shall", "can", "must", "is", "are"]}}, {"LOWER": "be"},
             {"LOWER": {"IN": forms}}],
        ])
    m.add("develop", [[{"LOWER": {"IN": ["development", "design", "fabrication", "training", "implementation",
                                          "engineering", "construction", "demonstration", "creation"]}},
                       {"LOWER": "of"}],
                      [{"LOWER": "fine"}, {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": ["tune", "tuned", "tuning"]}}]])
    return m


class ContextScorer:
    """Compiled cue matchers; ``score(doc, hits)`` turns raw hits into scored hits."""

    def __init__(self, nlp: Language, compiled: CompiledRules):
        self.compiled = compiled
        self.cues = PhraseSet(nlp)
        for name, (_, _, phrases) in CUES.items():
            self.cues.add(name, phrases, plurals=False)
        self.cues.build()
        self.dev = _dev_matcher(nlp)

    def cue_spans(self, doc: Doc) -> dict[str, list[tuple[int, int]]]:
        out: dict[str, list[tuple[int, int]]] = {}
        for label, s, e, _ in self.cues(doc):
            out.setdefault(label, []).append((s, e))
        strings = self.dev.vocab.strings
        for mid, s, e in self.dev(doc):
            out.setdefault(strings[mid], []).append((s, e))
        return out

    def score(self, doc: Doc, hits: list[Hit], title: bool, field: bool = False) -> list[Scored]:
        """Confidence of every hit of one block; ``title`` when the block is a title or heading,
        ``field`` when it is an administrative 'Label: value' line."""
        if not hits:
            return []
        cues = self.cue_spans(doc)
        ctx = self.compiled.context_hits(doc)
        out: list[Scored] = []
        lowered = {id(h): doc[h.start:h.end].text.lower() for h in hits}
        by_cat: dict[str, list[Hit]] = {}
        for h in hits:
            by_cat.setdefault(h.rule.category, []).append(h)
        for h in hits:
            sent = doc[h.start].sent
            r = h.rule
            conf = r.score
            reasons = [f"{r.score:.2f}: rule {r.id} ('{doc[h.start:h.end].text}')"]

            def within(spans: list[tuple[int, int]], window: str | int, h: Hit = h, sent: Span = sent) -> \
                    tuple[int, int] | None:
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
                if within(ctx.get(f"{r.id}\x1freq", []), r.requires.window) is None:
                    continue
            for i, c in enumerate(r.context):
                found = within(ctx.get(f"{r.id}\x1f+{i}", []), c.window)
                if found:
                    conf += c.weight
                    reasons.append(f"+{c.weight:.2f}: '{doc[found[0]:found[1]].text}' in "
                                   f"{c.window if isinstance(c.window, str) else f'{c.window} tokens'}")
            for i, c in enumerate(r.negative_context):
                found = within(ctx.get(f"{r.id}\x1f-{i}", []), c.window)
                if found:
                    conf -= c.weight
                    reasons.append(f"-{c.weight:.2f}: '{doc[found[0]:found[1]].text}' nearby")
            mine = lowered[id(h)]
            same = next((o for o in by_cat[r.category] if lowered[id(o)] != mine
                         and sent.start <= o.start < sent.end), None)
            if same is not None:
                conf += 0.1
                reasons.append(f"+0.10: '{doc[same.start:same.end].text}' ({r.category}) in sentence")
            else:
                same = next((o for o in by_cat[r.category] if lowered[id(o)] != mine), None)
                if same is not None:
                    conf += 0.05
                    reasons.append(f"+0.05: '{doc[same.start:same.end].text}' ({r.category}) in paragraph")
            if title:
                conf += 0.15
                reasons.append("+0.15: in a title or heading")
            elif field:
                conf -= 0.2
                reasons.append("-0.20: in an administrative 'label: value' line")
            dev = _near(cues.get("develop", []), sent, h, DEV_WINDOW)
            use = None if dev else _near(cues.get("apply", []), sent, h, DEV_WINDOW)
            if dev:
                conf += 0.2
                reasons.append(f"+0.20: '{doc[dev[0]:dev[1]].text}' (the work builds it)")
            elif use:
                conf += 0.15
                reasons.append(f"+0.15: '{doc[use[0]:use[1]].text}' (the work applies it)")
            for name, (weight, why, _) in CUES.items():
                found = _in_sentence(cues.get(name, []), sent, h)
                if not found:
                    continue
                if name == "example" and not _example_scope(doc, found, h):
                    continue
                if r.end_use and weight < 0:  # a named sensitive end use counts even in a list or a hedge
                    if name in ("example", "hedge"):
                        continue
                conf += weight
                reasons.append(f"{weight:+.2f}: '{doc[found[0]:found[1]].text}' ({why})")
            negated = negator(doc, sent, h.start)
            if negated:
                conf -= 0.5
                reasons.append(f"-0.50: negated ('{negated}')")
            conf = round(max(0.0, min(1.0, conf)), 3)
            if conf >= FLOOR or negated:
                out.append(Scored(h, sent, conf, reasons, negated=bool(negated)))
        return out


def _near(spans: list[tuple[int, int]], sent: Span, h: Hit, window: int) -> tuple[int, int] | None:
    """A cue in the sentence within ``window`` tokens of the match (the technology is its object)."""
    for s, e in spans:
        if sent.start <= s and e <= sent.end and not (s < h.end and h.start < e) \
                and (0 <= h.start - e <= window or 0 <= s - h.end <= window):
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
    before = doc[max(0, h.start - 12):h.start].text
    return "(" in before and ")" not in before.rsplit("(", 1)[-1]


def negator(doc: Doc, sent: Span, start: int) -> str | None:
    """The negator governing the match at token ``start`` (within 6 tokens before it, same clause), or None."""
    i = start - 1
    steps = 0
    while i >= sent.start and steps < 6:
        t = doc[i].lower_
        if t in _NEG_BARRIER:
            return None
        if t in _NEGATORS:
            nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
            if nxt in _NEG_EXCEPT:
                return None
            return doc[i].text
        i -= 1
        steps += 1
    return None
