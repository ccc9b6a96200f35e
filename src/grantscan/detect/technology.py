"""Technology detection: the technology packs and declarations over tokenised blocks.

``TechDetector`` finds every mention of a technology rule in a block, scores it from its context
(``context.ContextScorer``), turns form questions and denials into declarations (``declarations``), and at
the end of a document weighs repetition per category, groups mentions per rule and keeps confident ones.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..config import Config
from ..model import Document, Finding, TextBlock
from .group import group_findings, one_per_span
from .tokens import char_span_of, span_text

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc

    from .declarations import FormText
    from .matcher import Rule

CONTEXT_CHARS = 240
LONG_DOCUMENT = 30_000  # characters; a rare mention in a text this long weighs less
PAGE_CHARS = 3000  # characters per page, for mention density
FLOOR = 0.01  # mentions less probable than this are not kept for the document-level weighing
IN_DELETED_TEXT = "in_deleted_text"  # the reason marking a mention inside a tracked deletion
PIPE_BATCH = 16  # blocks tokenised together
MAX_GUIDANCE_BLOCK = 1500  # longer blocks are judged sentence by sentence, not as one guidance paragraph


def _enabled(rule: Rule, categories: list[str] | None) -> bool:
    return categories is None or rule.category in categories or (rule.subcategory or "") in categories


def _context(text: str, start: int, end: int, s0: int, s1: int) -> str:
    """The sentence ``text[s0:s1]`` trimmed to about CONTEXT_CHARS around the match."""
    from .declarations import clean

    if s1 - s0 > CONTEXT_CHARS:
        half = (CONTEXT_CHARS - (end - start)) // 2
        s0 = max(s0, start - max(half, 20))
        s1 = min(s1, s0 + CONTEXT_CHARS)
    return clean(text[s0:s1], CONTEXT_CHARS + 10)


def _doc_text(sdoc: Doc, block: TextBlock) -> str:
    """The text of ``sdoc``: the block's text with line breaks as spaces when it was made from it (Doc.text
    rebuilds the string from every token)."""
    last = sdoc[-1] if len(sdoc) else None
    if last is not None and last.idx + len(last.text) + len(last.whitespace_) == len(block.text):
        return block.text.replace("\r", " ").replace("\n", " ")
    return sdoc.text


_FIELD = re.compile(r"^\W{0,4}[A-Z][\w /&()-]{1,40}:\s*\S")


def _is_title(block: TextBlock, block_index: int) -> bool:
    text = block.text.strip()
    return (
        block_index < 3
        and 0 < len(text.split()) <= 20
        and not text.endswith((".", ":", ";", ","))
        and not _FIELD.match(text)
    )


# a full sentence after the first one: "Title: subtitle. This project aims to ..." is a record, not a form line
_PROSE_AFTER = re.compile(r"[.!?]\s+[A-Z][^.!?:]*(?:\s+\S+){5}")


def is_field(block: TextBlock) -> bool:
    """A short 'Label: value' line (research theme, keywords, department): administrative, not content. A
    titled record ("Provably Secure Cryptography: Effective and Economic. This project aims to ...") goes on
    with a sentence of its own after the first full stop, which a form line does not."""
    text = block.text.strip()
    if len(text) >= 200 or "\n" in text or not _FIELD.match(text):
        return False
    return not _PROSE_AFTER.search(text)


class TechDetector:
    """Technology rules and declarations over tokenised blocks."""

    def __init__(self, nlp: spacy.language.Language, config: Config):
        from .compiled import phrase_tokens
        from .context import ContextScorer
        from .declarations import DeclarationDetector
        from .evidence import load_evidence
        from .matcher import CompiledRules, load_rules_kept, pack_files
        from .topics import load_topics

        self.nlp = nlp
        self.config = config
        # validated in an earlier run when no pack changed since (``compiled``)
        packs = load_rules_kept(pack_files(config.extra_packs), phrase_tokens(nlp).root)
        rules = [r for r in packs if _enabled(r, config.categories)]
        self.rules = rules
        self.compiled = CompiledRules(nlp, rules)
        self.scorer = ContextScorer(nlp, self.compiled)
        self.declarations = DeclarationDetector(nlp)
        self.evidence = load_evidence()
        # the document's topic reading (None: no topic model shipped, or switched off)
        self.topics = load_topics()
        self._stop = frozenset(nlp.Defaults.stop_words)
        self._unigrams: Counter[str] = Counter()
        self._bigrams: Counter[str] = Counter()
        self.floor = FLOOR
        self._redefined: set[str] = set()
        self._features: dict[int, dict] = {}  # id(finding) -> its features, until finalize
        self._doctype = ""
        self._blocks: list[TextBlock] = []
        # when a list, finalize appends (category, features, rule id) of every mention (to fit the model)
        self.record: list[tuple[str, dict[str, float], str]] | None = None
        # when a list, finalize appends the document's word counts (every bigram) and the best evidence
        # probability of each category's mentions, before the topic reading (to fit the topic model)
        self.topic_record: list[dict] | None = None

    def begin(self, document: Document, doctype: str) -> None:
        """Forget what the previous document defined (acronyms redefined as false friends)."""
        self._redefined = set()
        self._features = {}
        self._doctype = doctype
        self._blocks = document.blocks
        self._unigrams, self._bigrams = Counter(), Counter()

    def _guidance(self, block: TextBlock) -> str | None:
        if len(block.text) > MAX_GUIDANCE_BLOCK:
            return None
        return self.declarations.test.guidance(block.text)

    def find(self, sdoc: Doc, block: TextBlock, block_index: int) -> list[Finding]:
        """Per-occurrence technology findings and declarations of one block (grouped later)."""
        from .declarations import AFTER_CHARS, following_cells, form_at
        from .evidence import Feature

        hits, excluded = self.compiled.hits(sdoc)
        for spans in excluded.values():  # "artificial insemination (AI)": AI is not AI in this document
            for _, e in spans:
                if e + 2 < len(sdoc) and sdoc[e].text == "(" and sdoc[e + 2].text == ")":
                    self._redefined.add(sdoc[e + 1].text)
        part = block.location.part or "body"
        if part != "deleted" and (self.topics is not None or self.topic_record is not None):
            self._count_words(sdoc)
        hits = [h for h in hits if not h.rule.scope or part in h.rule.scope]
        guidance = self._guidance(block)
        # a table read cell by cell: a label's tick-box answer is in the cells after it
        row = following_cells(self._blocks, block_index) if part == "table" or block.location.bbox else ""
        out = self.declarations.find(sdoc, block, block_index, guidance, row)
        scored = self.scorer.score(sdoc, hits, _is_title(block, block_index), is_field(block))
        text = _doc_text(sdoc, block) if scored else ""
        forms: dict[int, FormText | None] = {}  # per sentence start
        for sc in scored:
            h, sent, feats = sc.hit, sc.sent, sc.features
            start, end = char_span_of(sdoc, h.start, h.end)
            if sent.start not in forms:
                forms[sent.start] = self.declarations.form_text(text, sent, guidance, row)
            form = form_at(forms[sent.start], start)
            kind, answer = "finding", None
            reasons = [f"rule {h.rule.id} ('{span_text(sdoc, h.start, h.end)}')"]
            if form is not None:
                answer = form.answer if form.answer is not None or not sc.negated else "no"
                if answer == "yes":
                    feats["form.yes"] = Feature(1.0, form.why)
                else:
                    kind = "declaration"
                    reasons.append(f"form text: {form.why}; answer: {answer or 'not readable'}")
            elif sc.negated:
                kind, answer = "declaration", "no"
                reasons.append(f"denial ('{sc.negator}'): declaration, not a finding")
            elif sc.restricted:
                kind = "declaration"
                reasons.append(
                    f"export-control wording ('{sc.restricted}'): a use the clause restricts, not the work"
                )
            elif sc.forbidden:
                kind = "declaration"
                reasons.append(f"terms of use ('{sc.forbidden}'): a use the terms forbid, not the work")
            if kind == "finding" and part == "deleted":
                kind = "declaration"
                reasons.append(f"{IN_DELETED_TEXT}: tracked deletion, shown but not the document's content")
            conf = 0.6
            if kind == "finding":
                conf = self.evidence.probability(h.rule.category, feats)
                if conf < self.floor:
                    continue
            finding = Finding(
                rule_id=h.rule.id,
                category=h.rule.category,
                subcategory=h.rule.subcategory,
                text=span_text(sdoc, h.start, h.end),
                context=_context(
                    text, start, end, sent.start_char, sent.end_char + (AFTER_CHARS // 2 if form else 0)
                ),
                location=block.locate(start, end),
                kind=kind,  # type: ignore[arg-type]
                severity="info" if kind == "declaration" else "low",
                confidence=conf,
                answer=answer,
                reasons=reasons,
                block_index=block_index,
                start=start,
                end=end,
            )
            if kind == "finding":
                self._features[id(finding)] = feats
            out.append(finding)
        return out

    def _count_words(self, sdoc: Doc) -> None:
        from .topics import content_words, count_words

        model = None if self.topic_record is not None else self.topics
        count_words(content_words(sdoc, self._stop), self._unigrams, self._bigrams, model)

    def _topic_lift(self, f: Finding, threshold: float) -> bool:
        """Whether a mention under its category's threshold, within the topic model's band, is kept because
        the document reads as its category; the reason names the reading and its words."""
        topics = self.topics
        if topics is None or f.confidence < threshold - topics.band:
            return False
        t = topics.threshold_for(f.category)
        if t is None:
            return False
        reading = topics.read(f.category, self._unigrams, self._bigrams)
        if reading is None or reading.probability < t:
            return False
        words = ", ".join(f"'{w}'" for w in reading.words)
        f.reasons.append(
            f"topic: the document reads as {f.category} ({reading.probability:.2f}: {words}; "
            f"threshold {t:.2f}), so a mention {threshold - f.confidence:.2f} under the threshold is kept"
        )
        return True

    def finalize(self, document: Document, own: list[Finding], earlier: list[Finding]) -> list[Finding]:
        """Drop redefined acronyms, add the document's features, weigh every mention with the evidence
        model, group per rule and keep those at or above their category's threshold."""
        import math

        from .evidence import Feature

        features, self._features = self._features, {}
        redefined, self._redefined = self._redefined, set()
        tech_ids = {r.id for r in self.rules}
        mine = [f for f in own if f.rule_id in tech_ids and f.text not in redefined]
        others = [f for f in own if f.rule_id not in tech_ids]
        sentences: dict[str, set[tuple[int | None, int]]] = {}
        for f in mine:
            if f.kind == "finding":
                sentences.setdefault(f.category, set()).add((f.block_index, hash(f.context)))
        pages = max(1.0, sum(len(b.text) for b in document.blocks) / PAGE_CHARS)
        doc_feats: dict[str, Feature] = {}
        if self._doctype in ("agreement", "form"):
            doc_feats[f"doctype.{self._doctype}"] = Feature(1.0)
        model = self.evidence
        for f in mine:
            if f.kind != "finding":
                continue
            feats = features.get(id(f), {})
            n = len(sentences.get(f.category, ()))
            if n > 1:
                feats["support.document"] = Feature(round(math.log(n), 3), f"{n} sentences")
            if pages * PAGE_CHARS > LONG_DOCUMENT and n / pages < 0.5:
                feats["document.rare"] = Feature(1.0, f"{n} sentences in ~{pages:.0f} pages")
            feats.update(doc_feats)
            f.confidence = model.probability(f.category, feats)
            f.reasons = [f.reasons[0], *model.reasons(f.category, feats)]
            if self.record is not None:
                self.record.append((f.category, {k: v.value for k, v in feats.items()}, f.rule_id))
        kept: list[Finding] = []
        grouped = group_findings(mine)
        if self.topic_record is not None:
            self.topic_record.append(
                {
                    "unigrams": dict(self._unigrams),
                    "bigrams": dict(self._bigrams),
                    "mentions": [[f.category, f.confidence] for f in grouped if f.kind == "finding"],
                }
            )
        for f in grouped:
            if f.kind == "finding":
                threshold = model.threshold_for(f.category)
                if f.confidence < threshold and not self._topic_lift(f, threshold):
                    continue
                f.reasons.append(f"= {f.confidence:.2f} (threshold {threshold:.2f})")
            kept.append(f)
        self._unigrams, self._bigrams = Counter(), Counter()
        return one_per_span(kept + others)
