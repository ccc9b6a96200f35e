"""The clause matcher: sentences of each block against the clause rules, then the document's weighing.

Each sentence where a rule of a kind matched, or a cue of the kind occurs (``patterns/clause_cues.yaml``), is a
clause candidate of that kind. With the fitted clause model (``patterns/clause_evidence.yaml``, see
``evidence``) ``finalize`` weighs every candidate's named features and reports those whose probability reaches
the kind's threshold (the confidence is that probability; the reasons list each feature's contribution).
Without a model file the rules alone decide: a rule reports only where contract language is present
(operative verbs, defined party terms, or a clause heading of the same kind; a term the document itself defines
in quotes is a party term, and a list item takes the contract language of its lead-in), and ``finalize`` lowers the
confidence for short or unclassified texts. Either way clause findings are dropped from proposals and forms
(whose contract-like sentences are descriptions or questions: declarations), and the document-level risk
findings of ``risks`` are added.

Speed: a rule's regexes run only on sentences holding one of its anchor words (one cached word lookup per
sentence), and once the head of a document shows it is a proposal or form only its questions are read,
since clause findings are dropped there and only declarations are kept. Each regex also runs only where
the literal words every one of its matches must contain are in the lower-cased text (``prefilter``).
A one-sentence clause in contract form is not marked down for being too short to be recognised as an
agreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from ...config import Config
from ...knowledge.taxonomy import CLAUSE_CATEGORIES
from ...model import Document, Finding, TextBlock
from ..compiled import compiled_dir
from ..doctype import NOT_BINDING, classify
from ..evidence import EvidenceModel, Feature
from ..tokens import char_span_of, sent_starts
from .anchors import Anchors
from .evidence import (
    ClauseCues,
    KindCues,
    cue_id,
    default_clause_model,
    default_cues,
    document_features,
    sentence_features,
)
from .governs import Obj, by_reference, definition, governing, passing_reason
from .pack import ClausePack, ClauseRule, clean, default_pack
from .prefilter import Patterns, lost_spaces, lowered
from .risks import DocumentRisks
from .sections import Sections, block_heading, colon_title, heading_of_line, inline_title


@dataclass(slots=True)
class Candidate:
    """A sentence that may be a clause of ``kind``: its sentence-level features and the findings it gives
    when the model keeps it (the rule findings of the kind in the sentence, or one cue finding)."""

    kind: str
    features: dict[str, Feature]
    findings: list[Finding]
    rule_id: str  # the first rule of the kind that matched; "" for a cue-only candidate


_NO_MODEL = object()


class ClauseDetector:
    """Finds agreement clauses in a block and adds document-level clause-risk findings."""

    def __init__(
        self,
        nlp,  # noqa: ANN001 - spacy.Language
        config: Config,
        pack: ClausePack | None = None,
        model: EvidenceModel | None | object = _NO_MODEL,
        cues: ClauseCues | None = None,
    ):
        """``model``: the clause model (default: the shipped one; None: the rules alone decide)."""
        self.nlp, self.config = nlp, config
        self.pack = pack or default_pack(compiled_dir(config))
        self.model: EvidenceModel | None = (
            default_clause_model() if model is _NO_MODEL else model  # type: ignore[assignment]
        )
        self._given_cues = cues
        # for fitting (scripts/fit_clauses.py): every candidate's (kind, features, rule id), and the kinds
        # the rules alone would report
        self.record: list[tuple[str, dict[str, float], str]] | None = None
        self.record_rules: set[str] = set()
        self._candidates: list[Candidate] = []
        self._collect = False
        enabled = getattr(config, "categories", None)
        self._rules = [r for r in self.pack.rules if enabled is None or r.category in enabled]
        self._rule_ids = {r.id for r in self.pack.rules}
        self._always = {r.id for r in self._rules if not r.anchors}
        self._anchored = len(self._always) < len(self._rules)
        self._heading: str | None = None
        self._heading_cats: frozenset[str] = frozenset()
        self._doctype: str | None = None
        # cue findings ("clause-ip-cues") are clause findings for the document risks too
        self.risks = DocumentRisks(self.pack, self._rule_ids | {f"{k}-cues" for k in CLAUSE_CATEGORIES})
        self._cats_of: dict[str, frozenset[str]] = {}
        self._defined = DefinedTerms()
        self._title_at = 0  # where the block's latest title sentence starts

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

    def _kind_title(self, title: str | None) -> str | None:
        """``title`` where it names a clause kind (a heading of the pack), else None."""
        return title if title and self._categories_of_heading(title) else None

    def begin(self, document: Document, doctype: str) -> None:
        """Start a document of type ``doctype``: it decides how much work a block needs (clauses of proposals
        and forms are dropped, so there only questions are read: they are declarations)."""
        self._heading, self._heading_cats = None, frozenset()
        self._doctype = doctype
        self._candidates = []
        self._defined = DefinedTerms()

    @cached_property
    def cues(self) -> ClauseCues:
        """The cue vocabulary (loaded on first use: only the model path reads cues)."""
        return self._given_cues or default_cues()

    @cached_property
    def _cue_kinds(self) -> dict[str, KindCues]:
        enabled = getattr(self.config, "categories", None)
        return {k: c for k, c in self.cues.kinds.items() if enabled is None or k in enabled}

    @cached_property
    def _with_cues(self) -> Anchors:
        """One anchors index for the rules and the cues: a sentence's words are looked up once for both."""
        return Anchors(
            [
                *((r.id, r.anchors) for r in self.pack.rules),
                *((cue_id(k), c.cues) for k, c in self._cue_kinds.items()),
            ]
        )

    @property
    def scoring(self) -> bool:
        """Whether candidates are weighed by the clause model (or recorded for fitting it)."""
        return self.model is not None or self.record is not None

    def find(self, sdoc, block: TextBlock, block_index: int) -> list[Finding]:  # noqa: ANN001 - spacy Doc
        """Clause findings of one block (a sentence yields at most one finding per rule). Only sentences
        holding an anchor of a rule are tried against that rule's regexes."""
        self._collect = self.scoring
        try:
            return self._block(sdoc, block, block_index)
        finally:
            self._collect = False

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
        questions_only = self._doctype in ("proposal", "form")
        # cues matter only where candidates are weighed, and never where only questions are read
        cued = self._collect and not questions_only
        anchors = self._with_cues if cued else self.pack.anchors
        squashed_block = lost_spaces(text)
        low = lowered(text)  # None: no literal prefilters for this block
        # in a proposal or form only a question can give a kept (declaration) finding
        readable = not questions_only or self.pack.question.occurs(text, low)
        if not questions_only:
            self._defined.learn(text)
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
            self._title_at = 0
            agreement = self._doctype == "agreement"
            for i, (s_start, s_end) in enumerate(self._sentences(sdoc, text)):
                sent = text[s_start:s_end]
                if i == 0:
                    title = inline_title(sent) or (self._kind_title(colon_title(sent)) if agreement else None)
                elif agreement:
                    # in an agreement, a title sentence inside the block (lines joined by extraction, "...
                    # of the Computer Software. Governing Law & Jurisdiction. ...") or a title before a colon
                    # heads what follows it, where it names a clause kind
                    own_title = self._kind_title(inline_title(sent))
                    if own_title:
                        title, self._title_at = own_title, s_start
                        continue
                    own_title = self._kind_title(colon_title(sent))
                    if own_title:
                        title, self._title_at = own_title, s_start
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
                cue_kinds = [k for k in self._cue_kinds if cue_id(k) in ids] if cued and not squashed else []
                if (
                    not (rules or cue_kinds)
                    or not sent.strip()
                    or (questions_only and not self.pack.question.search(sent, low=sent_low))
                ):
                    continue
                ctx: dict[str, object] = {}
                found = (
                    self._find_in_sentence(
                        block,
                        block_index,
                        text,
                        s_start,
                        sent,
                        sent_low,
                        rules,
                        squashed,
                        sections,
                        title,
                        ctx,
                    )
                    if rules
                    else []
                )
                out.extend(found)
                if cued:
                    self._candidates_of(
                        block,
                        block_index,
                        s_start,
                        sent,
                        sent_low,
                        squashed,
                        sections,
                        title,
                        ctx,
                        found,
                        cue_kinds,
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
        ctx: dict[str, object] | None = None,
    ) -> list[Finding]:
        pack = self.pack
        ctx = {} if ctx is None else ctx

        def context() -> dict[str, object]:  # computed once, and only for a sentence that matched
            return self._context(ctx, block, offset, sent, low, squashed, sections, title)

        passing: list[tuple[int, int, frozenset[str] | None, bool]] | None = None

        def hidden(category: str) -> list[tuple[int, int, bool]]:
            """Spans of the sentence's passing phrases that hide ``category`` (found once per sentence), each
            with whether it is the name of a body."""
            nonlocal passing
            if passing is None:
                passing = [
                    (m.start(), m.end(), p.hides, p.name_of_body)
                    for p in pack.passing
                    for m in p.patterns.finditer(sent, squashed, low)
                ]
            return [(a, b, body) for a, b, hides, body in passing if hides is None or category in hides]

        def inside(m: re.Match[str], spans: list[tuple[int, int, bool]]) -> bool:
            """A match lies wholly inside a passing phrase, or ends on a word of a body's name."""
            return any(
                (a <= m.start() and m.end() <= b) or (body and a < m.end() <= b) for a, b, body in spans
            )

        def first(patterns: Patterns, category: str) -> re.Match[str] | None:
            m = patterns.search(sent, squashed, low)
            if m is None or not pack.passing:
                return m
            spans = hidden(category)
            if not inside(m, spans):
                return m
            # the next match outside the passing phrases, read with the names of bodies blanked out (offsets
            # kept): "transfer the data set to the Data Access Committee" still transfers the data set
            bodies = [(a, b) for a, b, body in spans if body]
            text, text_low = (_blank(sent, bodies), _blank(low, bodies)) if bodies else (sent, low)
            return next(
                (x for x in patterns.finditer(text, squashed, text_low) if not inside(x, spans)), None
            )

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
        if out:
            self._in_passing(out, offset, sent, low, squashed, context())
        return out

    def _in_passing(
        self,
        found: list[Finding],
        offset: int,
        sent: str,
        low: str | None,
        squashed: bool,
        ctx: dict[str, object],
    ) -> None:
        """Make declarations of the sentence's findings whose kind is named in passing (``governs``): the
        sentence holds objects of two kinds, or sits under a heading of another kind, and this kind has no
        operative language of its own over its own object."""
        heading_kinds: frozenset[str] = ctx["heading_cats"]  # type: ignore[assignment]
        live = self._in_definition([f for f in found if f.kind == "finding"], offset, sent, heading_kinds)
        if not live:
            return
        kinds = {f.category for f in live}
        if len(kinds) == 1 and (not heading_kinds or kinds <= heading_kinds):
            return
        ops = [(m.start(), m.end(), m.group(0)) for m in self.pack.operative.finditer(sent, squashed, low)]
        lead = ctx["op"]
        lead_op = lead.group(0) if lead is not None and not ops else None  # type: ignore[attr-defined]
        objects = [Obj(f.category, f.start - offset, f.end - offset) for f in live]
        strong = frozenset(
            f.category for f in live if f.reasons and f.reasons[0].startswith("contract phrase")
        )
        governs = governing(sent, objects, heading_kinds, ops, lead_op, strong)
        if governs is None:
            return
        for f in live:
            if f.category in governs:
                if len(kinds) > 1:
                    f.reasons.append(f"governs the sentence: {governs[f.category]}")
                continue
            f.kind = "declaration"
            f.confidence = min(f.confidence, 0.5)
            f.reasons.append(passing_reason(f.category, governs, heading_kinds))

    def _in_definition(
        self, live: list[Finding], offset: int, sent: str, heading_kinds: frozenset[str]
    ) -> list[Finding]:
        """Make declarations of the findings named inside the definition of a term of another kind ("Terrorist
        country means a country determined ... under the Export Administration Act"): a definition says what a
        word of the agreement means; it agrees nothing about the objects it names. A definition of a term of the
        finding's own kind ('"Export Controls" means ...', '"Confidential Information" means ...': the term
        reads as the kind's heading or holds the kind's contract phrase) stays that kind's term, and so does a
        definition under a heading of the kind (the definitions of that clause). The findings still live are
        returned."""
        d = definition(sent) if live else None
        if d is None:
            if not live or not by_reference(sent):
                return live
            # terms defined by reference: every term it lists is a word of the agreement
            d = ("", len(sent) + 1)
        term, verb_end = d
        kept = []
        for f in live:
            if (
                (f.start - offset < verb_end and not self._defined_term(term, f))
                or f.category in heading_kinds
                or self._names_kind(term, f.category)
            ):
                kept.append(f)
                continue
            f.kind = "declaration"
            f.confidence = min(f.confidence, 0.5)
            f.reasons.append(
                f"named in passing: inside the definition of '{clean(term, 40)}', a term of no {f.category}"
            )
        return kept

    @staticmethod
    def _defined_term(term: str, f: Finding) -> bool:
        """Whether finding ``f`` is the term a definition defines (every finding, in a sentence that defines
        terms by reference: ``term`` empty): the term is a word of the agreement, not an object of a clause
        ('"Subject Invention" means any invention ...'), unless it reads as the kind's heading or contract
        phrase (``_names_kind``)."""
        return not term or f.text.lower() in term.lower()

    def _names_kind(self, term: str, category: str) -> bool:
        """Whether a defined term is a term of ``category``: it reads as the kind's heading or holds a contract
        phrase of the kind."""
        heads = self.pack.headings.get(category)
        if heads is not None and heads.search(term):
            return True
        return any(r.category == category and r.strong.search(term) for r in self.pack.rules)

    def _context(
        self,
        ctx: dict[str, object],
        block: TextBlock,
        offset: int,
        sent: str,
        low: str | None,
        squashed: bool,
        sections: Sections,
        title: str | None,
    ) -> dict[str, object]:
        """What a sentence's surroundings say (its section, heading kinds, question, operative language,
        party term), filled into ``ctx`` once."""
        if not ctx:
            pack = self.pack
            line = sections.find(offset + len(sent) - len(sent.lstrip()))
            # a title sentence after the heading line (not on it) heads what follows it
            later = bool(line and title and self._title_at > _line_end(block.text, line[0]))
            local = line[1] if line and not later else None
            section = local or title or block.location.section or self._heading
            op = pack.operative.search(sent, squashed, low)
            party = pack.parties.search(sent, squashed, low) or self._defined.search(sent)
            if not (op or party):
                # an item of a list whose lead-in carries the obligation ("Approved Users agree: ... Not to
                # use the data to identify ...", "The recipient must: (a) ... (e) safeguard ...")
                lead = lead_in(block.text, offset, sent)
                if lead is not None and not pack.question.search(lead):
                    op = pack.operative.search(lead, squashed)
                    party = pack.parties.search(lead, squashed) or self._defined.search(lead)
            ctx.update(
                section=section,
                question=bool(pack.question.search(sent, low=low)),
                heading_cats=self._categories_of_heading(section) | self._heading_cats,
                op=op,
                party=party,
            )
        return ctx

    def _candidates_of(
        self,
        block: TextBlock,
        block_index: int,
        offset: int,
        sent: str,
        low: str | None,
        squashed: bool,
        sections: Sections,
        title: str | None,
        ctx: dict[str, object],
        found: list[Finding],
        cue_kinds: list[str],
    ) -> None:
        """Add the sentence's clause candidates: one per kind with a rule finding or a cue. A kind that a
        rule made a declaration of here (a question, a denial) is not a candidate; nor is any kind in a
        question."""
        by_kind: dict[str, list[Finding]] = {}
        declared: set[str] = set()
        for f in found:
            if f.kind == "finding":
                by_kind.setdefault(f.category, []).append(f)
            else:
                declared.add(f.category)
        kinds = [*by_kind, *(k for k in cue_kinds if k not in by_kind and k not in declared)]
        if not kinds:
            return
        c = self._context(ctx, block, offset, sent, low, squashed, sections, title)
        if c["question"]:
            return
        heading_cats: frozenset[str] = c["heading_cats"]  # type: ignore[assignment]
        sent_low = low if low is not None else sent.lower()
        denial = bool(self.pack.denials and self.pack.denials.search(sent, squashed, low))
        for kind in kinds:
            rule_found = by_kind.get(kind, [])
            how = None
            if rule_found:
                strong = rule_found[0].reasons and rule_found[0].reasons[0].startswith("contract phrase")
                how = "strong" if strong else "pattern"
            feats, _ = sentence_features(
                kind,
                sent,
                sent_low,
                self._cue_kinds.get(kind),
                how,
                operative=bool(c["op"]),
                party=bool(c["party"]),
                denial=denial and not rule_found,
                heading_cats=heading_cats,
            )
            if rule_found:
                self._candidates.append(Candidate(kind, feats, rule_found, rule_found[0].rule_id))
                continue
            cues = self._cue_kinds[kind]
            m = cues.cue_rx.search(sent_low) if len(sent_low) == len(sent) else None
            if m is None and len(sent_low) == len(sent):
                continue  # the anchors saw the cue's words, but not as the cue
            a, b = (m.start(), m.end()) if m else (0, len(sent))
            start, end = offset + a, offset + b
            loc = block.locate(start, end)
            section = c["section"]
            if section and loc.section != section:
                loc = replace(loc, section=section)  # type: ignore[arg-type]
            f = Finding(
                rule_id=f"{kind}-cues",
                category=kind,
                text=clean(sent[a:b], 120),
                context=clean(sent),
                location=loc,
                confidence=0.5,
                reasons=[],
                block_index=block_index,
                start=start,
                end=end,
            )
            self._candidates.append(Candidate(kind, feats, [f], ""))

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
            if m.start() >= d.end() and (d.group(0).endswith(":") or gap.lstrip().startswith(":")):
                return d.group(0)  # a denial before a colon governs the list after it
            if 0 <= m.start() - d.end() <= _DENIAL_REACH and not _CLAUSE_BREAK.search(gap):
                return d.group(0)
        return None

    def finalize(self, document: Document, own: list[Finding], earlier: list[Finding]) -> list[Finding]:
        """Weigh clause findings by document type and add clause-risk findings (a missing export clause is
        judged against the technology findings ``earlier`` detectors kept)."""
        doctype = self._doctype or classify(document)
        self._doctype = None
        candidates, self._candidates = self._candidates, []
        if self.record is not None:
            self.record_rules = (
                set()
                if doctype in NOT_BINDING
                else {
                    f.category
                    for f in own
                    if f.category in CLAUSE_CATEGORIES and f.kind == "finding" and f.rule_id in self._rule_ids
                }
            )
        if self.model is not None or self.record is not None:
            kept = self._weigh(document, own, candidates, doctype)
            if kept is not None:
                if doctype in NOT_BINDING:
                    return kept
                return kept + self.risks.findings(document, kept + earlier, doctype)
        kept = []
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

    def _weigh(
        self, document: Document, own: list[Finding], candidates: list[Candidate], doctype: str
    ) -> list[Finding] | None:
        """The clause findings the model keeps (None when there is no model: only recording); the
        findings of ``own`` that are not clause findings are kept as they are."""
        model = self.model
        rule_found = {
            id(f)
            for f in own
            if f.category in CLAUSE_CATEGORIES and f.kind == "finding" and f.rule_id in self._rule_ids
        }
        kept = [f for f in own if id(f) not in rule_found]
        if doctype == "guidance":
            return None  # the rules path makes its clause sentences declarations
        if doctype in ("proposal", "form"):
            return kept if model is not None else None
        share = self._agreement_share(document) if candidates else 0.0
        per_kind: dict[str, int] = {}
        for cand in candidates:
            per_kind[cand.kind] = per_kind.get(cand.kind, 0) + 1
        for cand in candidates:
            feats = {**cand.features, **document_features(doctype, share, per_kind[cand.kind] - 1)}
            if self.record is not None:
                self.record.append((cand.kind, {k: v.value for k, v in feats.items()}, cand.rule_id))
            if model is None:
                continue
            p = model.probability(cand.kind, feats)
            threshold = model.threshold_for(cand.kind)
            if p < threshold:
                continue
            reasons = model.reasons(cand.kind, feats)
            reasons.append(f"= {p:.2f} (threshold {threshold:.2f})")
            for f in cand.findings:
                phrase = [r for r in f.reasons if r.startswith("contract phrase")]
                f.confidence = p
                f.reasons = [*phrase, *reasons]
                kept.append(f)
        return kept if model is not None else None

    def _agreement_share(self, document: Document) -> float:
        """Share of the document's blocks with operative language or a party term."""
        pack = self.pack
        n = hits = 0
        for b in document.blocks:
            text = b.text
            if not text.strip():
                continue
            n += 1
            low = lowered(text)
            if pack.operative.occurs(text, low) or pack.parties.occurs(text, low):
                hits += 1
        return hits / n if n else 0.0

    def jurisdiction(self, sentence: str) -> tuple[str | None, str | None]:
        """(ISO code, name) of the governing law or forum named in a sentence, where derivable."""
        return self.risks.jurisdiction(sentence)

    def _scan_names(self, s: str) -> tuple[str | None, str | None]:
        return self.risks.scan_names(s)


# A term the document defines in quotes: '("OSMF")', '(the "Recipient")', '(hereinafter "the Licensee")',
# '(each a "Party")'. Its later uses are the document's own defined terms, contract language whatever the role
# is called.
_DEFINITION = re.compile(
    r"""\(\s*(?:(?:the|each|a|an|together|collectively|jointly|individually|hereinafter|herein|referred|to|as|"""
    r"""called)\s+)*["“'‘](?:the\s+)?(?P<a>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})["”'’]\s*\)"""
)
# what names the text itself, not a party or a term of it
_NOT_DEFINED = re.compile(
    r"(?i)(?:.*\s)?(?:agreement|terms|conditions|contract|licen[cs]e|policy|notice|deed|addendum|schedule|annex|"
    r"appendix|exhibit|guidelines?|rules|code|certification|form|statement|document|nda|dua|mou|tos|cla)"
)
# a short name given to a thing the text describes rather than to a party: the name follows a noun of a service,
# system or programme ("NHS England's Secure Data Environment ('SDE')", "the Medical Informatics Platform ("MIP")",
# "the Human Brain Project ("HBP")"); its later uses are no contract language
_THING_BEFORE = re.compile(
    r"(?i)\b(?:environment|platform|service|website|portal|system|database|data\s*set|dataset|software|programme|"
    r"program|project|network|infrastructure|repository|archive|application)s?\s*$"
)
_MAX_DEFINED = 200


class DefinedTerms:
    """The terms one document defines in quotes, matched case-sensitively as whole words."""

    def __init__(self) -> None:
        self.names: set[str] = set()
        self._rx: re.Pattern[str] | None = None

    def learn(self, text: str) -> None:
        """Add the terms ``text`` defines."""
        if "(" not in text and "“" not in text and '"' not in text:
            return
        for m in _DEFINITION.finditer(text):
            name = m.group("a")
            if (
                len(name) > 1
                and name not in self.names
                and not _NOT_DEFINED.fullmatch(name)
                and not _THING_BEFORE.search(text, max(0, m.start() - 60), m.start())
                and len(self.names) < _MAX_DEFINED
            ):
                self.names.add(name)
                self._rx = None

    def search(self, sent: str) -> re.Match[str] | None:
        """The first use of a defined term in ``sent``."""
        if not self.names:
            return None
        if self._rx is None:
            alts = "|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True))
            self._rx = re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")
        return self._rx.search(sent)


# A list item opening a sentence: "(a)", "a)", "iv.", "2.", "-", "•", or an infinitive item ("Not to save ...")
_LIST_ITEM = re.compile(
    r"^\W{0,3}(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]|[-•*+–])\s|^\s*(?:not\s+)?to\s+[a-z]", re.I
)
_LEAD_REACH = 1500  # characters from a lead-in's colon to the items it governs
_LEAD_START = re.compile(r"[.;!?](?:\s+|$)|\n\s*\n")


def lead_in(text: str, start: int, sent: str) -> str | None:
    """The lead-in of the list that the sentence at ``start`` of ``text`` is an item of (the clause that ends
    with the colon before it), or None: the sentence must open as a list item or follow the colon directly."""
    colon = text.rfind(":", max(0, start - _LEAD_REACH), start + 1)
    if colon < 0:
        return None
    if text[colon + 1 : start].strip() and not _LIST_ITEM.match(sent):
        return None
    begin = max(0, colon - 400)
    for m in _LEAD_START.finditer(text, begin, colon):
        begin = m.end()
    lead = text[begin : colon + 1]
    return lead if lead.strip(" :\n") else None


def _blank(text: str | None, spans: list[tuple[int, int]]) -> str | None:
    """``text`` with each span replaced by as many spaces (offsets kept)."""
    if text is None:
        return None
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return end if end >= 0 else len(text)


_DENIAL_REACH = 60  # characters from a denial to the words it denies
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|however|unless|except|provided)\b", re.I)


def _operative_clause(f: Finding) -> bool:
    """A finding from a sentence in contract form (a contract phrase, or operative language such as
    "shall", "agrees to", "undertakes not to"): such a sentence is itself evidence of an agreement,
    whatever the rest of the text."""
    return any(r.startswith(("contract phrase", "operative language")) for r in f.reasons)
