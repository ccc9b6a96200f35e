"""Detection: pattern packs compiled once into spaCy matchers, applied to every block of a document.

Sub-detectors share one blank English pipeline and one tokenisation per block:
``TechDetector`` (technology packs, declarations), ``PartnerDetector`` (countries, organisations,
screening lists) and ``ClauseDetector`` (agreement clauses). Each has
``find(sdoc, block, block_index) -> list[Finding]`` and ``finalize(document, findings) -> list[Finding]``.
``Detector`` runs them and groups repeated findings into one per rule and document.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..model import Document, Finding, TextBlock
from .tokens import ChunkCache, build_nlp, char_span_of, span_text

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc

    from .declarations import FormText
    from .matcher import Rule

# spaCy and the matchers are imported where used: importing grantscan.knowledge.loader (the YAML loader the CLI,
# guidance and a fully cached re-scan need) must not cost spaCy's half-second import.
__all__ = ["Detector", "TechDetector", "TECH_CATEGORIES", "group_findings", "build_nlp"]


def __getattr__(name: str) -> Any:
    if name == "TECH_CATEGORIES":
        from ..knowledge.taxonomy import TECH_CATEGORIES

        return TECH_CATEGORIES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


CONTEXT_CHARS = 240
LONG_DOCUMENT = 30_000  # characters; a rare mention in a text this long weighs less
PAGE_CHARS = 3000  # characters per page, for mention density
YES_CONFIDENCE = 0.8  # a form question about a technology answered "Yes" is at least this certain
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


def is_field(block: TextBlock) -> bool:
    """A short 'Label: value' line (research theme, keywords, department): administrative, not content."""
    text = block.text.strip()
    return len(text) < 200 and "\n" not in text and bool(_FIELD.match(text))


class TechDetector:
    """Technology rules and declarations over tokenised blocks."""

    def __init__(self, nlp: spacy.language.Language, config: Config):
        from .context import ContextScorer
        from .declarations import DeclarationDetector
        from .matcher import CompiledRules, load_rules, pack_files

        self.nlp = nlp
        self.config = config
        rules = [r for r in load_rules(pack_files(config.extra_packs)) if _enabled(r, config.categories)]
        self.rules = rules
        self.compiled = CompiledRules(nlp, rules)
        self.scorer = ContextScorer(nlp, self.compiled)
        self.declarations = DeclarationDetector(nlp)
        self._redefined: set[str] = set()

    def reset(self) -> None:
        """Forget what the previous document defined (acronyms redefined as false friends)."""
        self._redefined = set()

    def _guidance(self, block: TextBlock) -> str | None:
        if len(block.text) > MAX_GUIDANCE_BLOCK:
            return None
        return self.declarations.test.guidance(block.text)

    def find(self, sdoc: Doc, block: TextBlock, block_index: int) -> list[Finding]:
        """Per-occurrence technology findings and declarations of one block (grouped later)."""
        from .context import FLOOR
        from .declarations import AFTER_CHARS

        hits, excluded = self.compiled.hits(sdoc)
        for spans in excluded.values():  # "artificial insemination (AI)": AI is not AI in this document
            for _, e in spans:
                if e + 2 < len(sdoc) and sdoc[e].text == "(" and sdoc[e + 2].text == ")":
                    self._redefined.add(sdoc[e + 1].text)
        part = block.location.part or "body"
        hits = [h for h in hits if not h.rule.scope or part in h.rule.scope]
        guidance = self._guidance(block)
        out = self.declarations.find(sdoc, block, block_index, guidance)
        scored = self.scorer.score(sdoc, hits, _is_title(block, block_index), is_field(block))
        text = _doc_text(sdoc, block) if scored else ""
        forms: dict[int, FormText | None] = {}  # per sentence start
        for sc in scored:
            h, sent = sc.hit, sc.sent
            start, end = char_span_of(sdoc, h.start, h.end)
            if sent.start not in forms:
                forms[sent.start] = self.declarations.form_text(text, sent, guidance)
            form = forms[sent.start]
            kind, answer, reasons, conf = "finding", None, sc.reasons, sc.confidence
            if form is not None:
                answer = form.answer if form.answer is not None or not sc.negated else "no"
                if answer == "yes":
                    lift = round(max(0.0, YES_CONFIDENCE - conf), 2)
                    reasons = [*reasons, f"+{lift:.2f}: form text ({form.why}) answered Yes"]
                    conf = round(conf + lift, 3)
                else:
                    kind = "declaration"
                    reasons = [*reasons, f"form text: {form.why}; answer: {answer or 'not readable'}"]
            elif sc.negated:
                kind, answer = "declaration", "no"
                reasons = [*reasons, "denial: declaration, not a finding"]
            if kind == "finding" and conf < FLOOR:
                continue
            out.append(
                Finding(
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
                    confidence=conf if kind == "finding" else 0.6,
                    answer=answer,
                    reasons=list(reasons),
                    block_index=block_index,
                    start=start,
                    end=end,
                )
            )
        return out

    def finalize(self, document: Document, findings: list[Finding]) -> list[Finding]:
        """Drop redefined acronyms, weigh repetition per category, group, and keep confident ones."""
        from .context import THRESHOLD

        redefined, self._redefined = self._redefined, set()
        tech_ids = {r.id for r in self.rules}
        mine = [f for f in findings if f.rule_id in tech_ids and f.text not in redefined]
        others = [f for f in findings if f.rule_id not in tech_ids]
        sentences: dict[str, set[tuple[int | None, int]]] = {}
        for f in mine:
            if f.kind == "finding":
                sentences.setdefault(f.category, set()).add((f.block_index, hash(f.context)))
        pages = max(1.0, sum(len(b.text) for b in document.blocks) / PAGE_CHARS)
        grouped = group_findings(mine)
        kept: list[Finding] = []
        for f in grouped:
            if f.kind == "finding":
                n = len(sentences.get(f.category, ()))
                per_page = n / pages
                weight = n if pages <= 2 else per_page * 2  # mentions per two pages in long texts
                if weight >= 2:
                    boost = round(min(0.2, 0.075 * (int(weight) - 1)), 2)
                    f.confidence = round(min(1.0, f.confidence + boost), 3)
                    f.reasons.append(
                        f"+{boost:.2f}: {f.category} mentioned in {n} places"
                        + (f" (~{pages:.0f} pages)" if pages > 2 else "")
                    )
                elif pages * PAGE_CHARS > LONG_DOCUMENT and per_page < 0.5:
                    f.confidence = round(f.confidence - 0.1, 3)
                    f.reasons.append(
                        f"-0.10: {f.category} mentioned in only {n} places in ~{pages:.0f} pages"
                    )
                if f.confidence < THRESHOLD:
                    continue
                f.reasons.append(f"= {f.confidence:.2f} (threshold {THRESHOLD:.2f})")
            kept.append(f)
        return kept + others


def one_per_span(findings: list[Finding]) -> list[Finding]:
    """Two rules of one category on the same words ("drone swarms": UAV and uncrewed-systems rules) are one
    signal: keep the more confident finding so the report does not say the same thing twice."""
    best: dict[tuple, Finding] = {}
    for f in findings:
        if f.start is None or f.kind != "finding":  # declarations keep their own topic ids
            best[(id(f),)] = f
            continue
        key = (f.block_index, f.start, f.end, f.category)
        if key not in best or f.confidence > best[key].confidence:
            best[key] = f
    keep = {id(f) for f in best.values()}
    return [f for f in findings if id(f) in keep]


def group_findings(findings: list[Finding]) -> list[Finding]:
    """One finding per (rule, kind, category, country, name): first location, all occurrences, best
    confidence (with its reasons)."""
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        key = (f.rule_id, f.kind, f.category, f.country_code, (f.name or "").lower())
        groups.setdefault(key, []).append(f)
    out = []
    for fs in groups.values():
        if len(fs) == 1 and fs[0].occurrences:
            out.append(fs[0])
            continue
        first = fs[0]
        best = max(fs, key=lambda x: x.confidence)
        # dict as an ordered set: a rule mentioned thousands of times in a long document stays linear
        occ = list(dict.fromkeys(loc for f in fs for loc in (f.occurrences or [f.location])))
        first.occurrences = occ
        if best is not first:
            first.confidence = best.confidence
            first.reasons = list(best.reasons)
            first.answer = first.answer if first.answer is not None else best.answer
        lists = {(m.list_id, m.entry) for m in first.lists}
        for f in fs[1:]:
            for m in f.lists:
                if (m.list_id, m.entry) not in lists:
                    first.lists.append(m)
                    lists.add((m.list_id, m.entry))
        if len(occ) > 1:
            first.reasons.append(f"grouped: {len(occ)} occurrences in the document")
        out.append(first)
    return out


class Detector:
    """Built once per run; ``detect(document)`` returns grouped, explained findings (no guidance yet)."""

    def __init__(self, config: Config | None = None):
        from .clauses import ClauseDetector
        from .partners import PartnerDetector

        self.config = config or Config()
        self.nlp = build_nlp()
        # before the packs are compiled: tokenising their ~17,000 phrases would otherwise fill spaCy's tokenizer
        # cache (10,000 chunks by default) and leave every later document uncached, 3-7x slower
        self.chunks = ChunkCache(self.nlp.tokenizer)
        self.tech = TechDetector(self.nlp, self.config)
        self.partners = PartnerDetector(self.nlp, self.config)
        self.clauses = ClauseDetector(self.nlp, self.config)
        # The compiled matchers and pack data (hundreds of thousands of objects) live as long as the detector:
        # frozen, they are no longer walked by every full garbage collection during a scan (~8% of detection).
        # No collection first: it would cost more start-up time than the little building garbage it frees.
        import gc

        gc.freeze()

    def term_count(self) -> int:
        """Number of technology terms and token patterns compiled (for sizing benchmarks)."""
        return sum(len(r.terms) + len(r.patterns) for r in self.tech.rules)

    def detect(self, document: Document) -> list[Finding]:
        # same length, so offsets into the Doc stay offsets into block.text
        texts = [b.text.replace("\r", " ").replace("\n", " ") for b in document.blocks]
        self.chunks.prime(texts)
        self.tech.reset()
        tech: list[Finding] = []
        partners: list[Finding] = []
        clauses: list[Finding] = []
        # small batches: a tokenised page costs ~0.2 MB, and the default batch would hold 1,000 of them at once
        docs = self.nlp.pipe(texts, batch_size=PIPE_BATCH)
        for i, (block, sdoc) in enumerate(zip(document.blocks, docs, strict=True)):
            tech += self.tech.find(sdoc, block, i)
            partners += self.partners.find(sdoc, block, i)
            clauses += self.clauses.find(sdoc, block, i)
        tech = one_per_span(self.tech.finalize(document, tech))
        # clause finalisation sees the technology findings (an agreement on controlled technology
        # without an export clause is itself a finding)
        findings = self.clauses.finalize(document, tech + clauses)
        findings += self.partners.finalize(document, partners)
        grouped = group_findings(findings)
        return sorted(
            grouped, key=lambda f: (f.block_index if f.block_index is not None else -1, f.start or 0)
        )
