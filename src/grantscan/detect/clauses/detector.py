"""The clause matcher: sentences of each block against the clause rules, then the document's weighing.

A clause is reported only where contract language is present (operative verbs, defined party terms, or a
clause heading of the same kind), never for a bare section name in a table of contents. ``finalize`` keeps
clause findings for agreements, lowers their confidence for short or unclassified texts, drops them from
proposals and forms (whose contract-like sentences are descriptions or questions), and adds the
document-level risk findings of ``risks``.

Speed: a rule's regexes run only on sentences holding one of its anchor words (one cached word lookup per
sentence), and once the head of a document shows it is a proposal or form only its questions are read,
since clause findings are dropped there and only declarations are kept. Each regex also runs only where
the literal words every one of its matches must contain are in the lower-cased text (``prefilter``).
A one-sentence clause in contract form is not marked down for being too short to be recognised as an
agreement.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...config import Config
from ...knowledge.taxonomy import CLAUSE_CATEGORIES
from ...model import Document, Finding, TextBlock
from ..compiled import compiled_dir
from ..doctype import NOT_BINDING, classify
from ..tokens import char_span_of, sent_starts
from .pack import ClausePack, ClauseRule, clean, default_pack
from .prefilter import Patterns, lost_spaces, lowered
from .risks import DocumentRisks
from .sections import Sections, block_heading, heading_of_line, inline_title


class ClauseDetector:
    """Finds agreement clauses in a block and adds document-level clause-risk findings."""

    def __init__(self, nlp, config: Config, pack: ClausePack | None = None):  # noqa: ANN001 - spacy.Language
        self.nlp, self.config = nlp, config
        self.pack = pack or default_pack(compiled_dir(config))
        enabled = getattr(config, "categories", None)
        self._rules = [r for r in self.pack.rules if enabled is None or r.category in enabled]
        self._rule_ids = {r.id for r in self.pack.rules}
        self._always = {r.id for r in self._rules if not r.anchors}
        self._anchored = len(self._always) < len(self._rules)
        self._heading: str | None = None
        self._heading_cats: frozenset[str] = frozenset()
        self._doctype: str | None = None
        self.risks = DocumentRisks(self.pack, self._rule_ids)
        self._cats_of: dict[str, frozenset[str]] = {}

    def _sentences(self, sdoc, text: str) -> list[tuple[int, int]]:  # noqa: ANN001
        if sdoc is None and self.nlp is not None:
            sdoc = self.nlp(text.replace("\n", " "))
        if sdoc is not None:
            try:
                starts = sent_starts(sdoc)
            except ValueError:  # a pipeline without sentence boundaries
                pass
            else:
                n = len(sdoc)
                return [char_span_of(sdoc, a, b) for a, b in zip(starts, [*starts[1:], n], strict=True)]
        return [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]*", text)]

    def _categories_of_heading(self, heading: str | None) -> frozenset[str]:
        if not heading:
            return frozenset()
        cats = self._cats_of.get(heading)
        if cats is None:
            low = lowered(heading)
            cats = frozenset(c for c, pats in self.pack.headings.items() if pats.search(heading, low=low))
            if len(self._cats_of) > 10_000:
                self._cats_of.clear()
            self._cats_of[heading] = cats
        return cats

    def begin(self, document: Document, doctype: str) -> None:
        """Start a document of type ``doctype``: it decides how much work a block needs (clauses of proposals
        and forms are dropped, so there only questions are read: they are declarations)."""
        self._heading, self._heading_cats = None, frozenset()
        self._doctype = doctype

    def find(self, sdoc, block: TextBlock, block_index: int) -> list[Finding]:  # noqa: ANN001 - spacy Doc
        """Clause findings of one block (a sentence yields at most one finding per rule). Only sentences
        holding an anchor of a rule are tried against that rule's regexes."""
        return self._block(sdoc, block, block_index)

    def find_block(
        self,
        sdoc,
        block: TextBlock,
        block_index: int,  # noqa: ANN001 - spacy Doc or None
        document_type: str = "agreement",
    ) -> list[Finding]:
        """Clause findings of one block at once, read as part of a document of ``document_type``
        (for checking rules and their examples; ``find`` waits for the real type)."""
        saved, self._doctype = self._doctype, document_type
        try:
            return self._block(sdoc, block, block_index)
        finally:
            self._doctype = saved

    def _block(self, sdoc, block: TextBlock, block_index: int) -> list[Finding]:  # noqa: ANN001
        text = block.text
        own = block_heading(text)
        if own:
            self._heading, self._heading_cats = own, self._categories_of_heading(own)
            return []
        out: list[Finding] = []
        anchors = self.pack.anchors
        questions_only = self._doctype in ("proposal", "form")
        squashed_block = lost_spaces(text)
        low = lowered(text)  # None: no literal prefilters for this block
        # in a proposal or form only a question can give a kept (declaration) finding
        readable = not questions_only or self.pack.question.occurs(text, low)
        if readable and (
            squashed_block
            or self._always
            or (
                self._anchored
                and (anchors.any_part(low, lowered=True) if low is not None else anchors.any_part(text))
            )
        ):
            sections = Sections(text)
            title: str | None = None  # "Ownership." opening the block: the heading of what follows
            for i, (s_start, s_end) in enumerate(self._sentences(sdoc, text)):
                sent = text[s_start:s_end]
                if i == 0:
                    title = inline_title(sent)
                # lower-casing keeps offsets: lowered refuses the one character it would expand
                sent_low = low[s_start:s_end] if low is not None else None
                squashed = squashed_block and lost_spaces(sent)
                if squashed:
                    rules = self._rules
                else:
                    ids = (
                        anchors.rules(
                            anchors.parts(sent_low, lowered=True)
                            if sent_low is not None
                            else anchors.parts(sent)
                        )
                        if self._anchored
                        else self._always
                    )
                    rules = [r for r in self._rules if r.id in ids]
                if (
                    not rules
                    or not sent.strip()
                    or (questions_only and not self.pack.question.search(sent, low=sent_low))
                ):
                    continue
                out.extend(
                    self._find_in_sentence(
                        block, block_index, text, s_start, sent, sent_low, rules, squashed, sections, title
                    )
                )
        # a numbered paragraph whose first line is a heading opens a section for the following blocks
        first = text.split("\n", 1)[0]
        h = heading_of_line(first)
        if h and " " in h:
            self._heading, self._heading_cats = h, self._categories_of_heading(h)
        return out

    def _find_in_sentence(
        self,
        block: TextBlock,
        block_index: int,
        text: str,
        offset: int,
        sent: str,
        low: str | None,
        rules: list[ClauseRule],
        squashed: bool,
        sections: Sections,
        title: str | None = None,
    ) -> list[Finding]:
        pack = self.pack
        ctx: dict[str, object] = {}

        def context() -> dict[str, object]:  # computed once, and only for a sentence that matched
            if not ctx:
                local = sections.at(offset + len(sent) - len(sent.lstrip()))
                section = local or title or block.location.section or self._heading
                ctx.update(
                    section=section,
                    question=bool(pack.question.search(sent, low=low)),
                    heading_cats=self._categories_of_heading(section) | self._heading_cats,
                    op=pack.operative.search(sent, squashed, low),
                    party=pack.parties.search(sent, squashed, low),
                )
            return ctx

        passing: list[tuple[int, int, frozenset[str] | None, str]] | None = None

        def hidden(category: str) -> list[tuple[int, int]]:
            """Spans of the sentence's passing phrases that hide ``category`` (found once per sentence)."""
            nonlocal passing
            if passing is None:
                passing = [
                    (m.start(), m.end(), p.hides, p.name)
                    for p in pack.passing
                    for m in p.patterns.finditer(sent, squashed, low)
                ]
            return [(a, b) for a, b, hides, _ in passing if hides is None or category in hides]

        def first(patterns: Patterns, category: str) -> re.Match[str] | None:
            m = patterns.search(sent, squashed, low)
            if m is not None and pack.passing:
                spans = hidden(category)
                if any(a <= m.start() and m.end() <= b for a, b in spans):
                    m = patterns.search(sent, squashed, low, outside=spans)
            return m

        out: list[Finding] = []
        for rule in rules:
            m = first(rule.strong, rule.category)
            how = "strong"
            if m is None and rule.patterns:
                m = first(rule.patterns, rule.category)
                how = "pattern"
                if m is not None:
                    c = context()
                    if not (c["op"] or c["party"] or rule.category in c["heading_cats"] or c["question"]):
                        m = None
            if m is None or rule.unless.search(sent, squashed, low):
                continue
            c = context()
            section, question, heading_cats = c["section"], c["question"], c["heading_cats"]
            op, party = c["op"], c["party"]
            conf = rule.confidence
            reasons: list[str] = []
            if how == "strong":
                reasons.append(f"contract phrase '{clean(m.group(0), 60)}'")
            if op:
                reasons.append(f"operative language '{clean(op.group(0), 30)}'")
            if party:
                reasons.append(f"party term '{clean(party.group(0), 30)}'")
            if rule.category in heading_cats:
                conf = round(min(1.0, conf + 0.1), 3)
                reasons.append(f"+0.10 under heading '{section or self._heading}'")
            if squashed:
                reasons.append("matched in text without word spaces")
            start, end = offset + m.start(), offset + m.end()
            loc = block.locate(start, end)
            if section and loc.section != section:
                loc = replace(loc, section=section)
            f = Finding(
                rule_id=rule.id,
                category=rule.category,
                text=clean(m.group(0), 120),
                context=clean(sent),
                location=loc,
                confidence=conf,
                reasons=reasons,
                block_index=block_index,
                start=start,
                end=end,
            )
            denial = None if question else self._denial(sent, m, squashed, low)
            if question:
                f.kind = "declaration"
                f.confidence = min(f.confidence, 0.5)
                f.reasons.append("question or template text: declaration, not a clause")
            elif denial:
                f.kind = "declaration"
                f.confidence = min(f.confidence, 0.5)
                f.reasons.append(f"denial ('{clean(denial, 40)}'): declaration, not a clause")
            out.append(f)
        return out

    def _denial(self, sent: str, m: re.Match[str], squashed: bool, low: str | None) -> str | None:
        """The denial that governs the match ("will not involve classified information": the work is said not
        to have it, nothing is agreed about it): one covering the match, or ending before it in the same clause
        of the sentence."""
        denials = self.pack.denials
        if not denials:
            return None
        for d in denials.finditer(sent, squashed, low):
            if d.start() <= m.start() < d.end():
                return d.group(0)
            gap = sent[d.end() : m.start()]
            if 0 <= m.start() - d.end() <= _DENIAL_REACH and not _CLAUSE_BREAK.search(gap):
                return d.group(0)
        return None

    def finalize(self, document: Document, own: list[Finding], earlier: list[Finding]) -> list[Finding]:
        """Weigh clause findings by document type and add clause-risk findings (a missing export clause is
        judged against the technology findings ``earlier`` detectors kept)."""
        doctype = self._doctype or classify(document)
        self._doctype = None
        kept: list[Finding] = []
        for f in own:
            if f.category in CLAUSE_CATEGORIES and f.kind == "finding" and f.rule_id in self._rule_ids:
                if doctype in ("proposal", "form"):
                    continue
                if doctype == "guidance":
                    f.kind = "declaration"
                    f.confidence = min(f.confidence, 0.5)
                    f.reasons.append("document is guidance about agreements: declaration, not a clause")
                elif doctype == "agreement":
                    f.confidence = round(min(1.0, f.confidence + 0.05), 3)
                    f.reasons.append("+0.05 document is an agreement")
                elif not _operative_clause(f):
                    f.confidence = round(f.confidence * 0.8, 3)
                    f.reasons.append("x0.8 document is not recognised as an agreement")
            kept.append(f)
        if doctype in NOT_BINDING:
            return kept
        return kept + self.risks.findings(document, kept + earlier, doctype)

    def jurisdiction(self, sentence: str) -> tuple[str | None, str | None]:
        """(ISO code, name) of the governing law or forum named in a sentence, where derivable."""
        return self.risks.jurisdiction(sentence)

    def _scan_names(self, s: str) -> tuple[str | None, str | None]:
        return self.risks.scan_names(s)


_DENIAL_REACH = 60  # characters from a denial to the words it denies
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|however|unless|except|provided)\b", re.I)


def _operative_clause(f: Finding) -> bool:
    """A finding from a sentence in contract form (a contract phrase, or operative language such as
    "shall", "agrees to", "undertakes not to"): such a sentence is itself evidence of an agreement,
    whatever the rest of the text."""
    return any(r.startswith(("contract phrase", "operative language")) for r in f.reasons)
