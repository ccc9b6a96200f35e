"""Detection: pattern packs compiled once into spaCy matchers, applied to every block of a document.

The ``Detector`` holds one blank English pipeline and the detectors of the registry (``PARTS``): technology
(technology packs and declarations), partners (countries, organisations, screening lists) and clauses
(agreement clauses and their risks) and FIRS (foreign state bodies of the enhanced tier that fund or direct
the work). Each detector follows the ``Part`` protocol: told the document and its
type (``begin``), it proposes findings block by block over one shared tokenisation (``find``), then weighs
and completes them for the whole document (``finalize``), seeing what the detectors before it kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from ..config import Config
from ..model import Document, Finding, TextBlock
from .compiled import attach, compiled_dir, finish
from .group import group_findings, one_per_span
from .technology import TechDetector
from .tokens import ChunkCache, aligned_block, build_nlp

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc

__all__ = ["Detector", "Part", "PARTS", "TechDetector", "group_findings", "one_per_span", "build_nlp"]

PIPE_BATCH = 16  # blocks tokenised together


class Part(Protocol):
    """One detector of the registry."""

    def begin(self, document: Document, doctype: str) -> None:
        """Forget the previous document; note what this one is."""

    def find(self, sdoc: Doc, block: TextBlock, block_index: int) -> list[Finding]:
        """Findings proposed by one block (one per mention; grouped later)."""

    def finalize(self, document: Document, own: list[Finding], earlier: list[Finding]) -> list[Finding]:
        """This detector's findings for the whole document, from its own proposals and what the detectors
        before it kept."""


def _technology(nlp: spacy.language.Language, config: Config) -> Part:
    return TechDetector(nlp, config)


def _partners(nlp: spacy.language.Language, config: Config) -> Part:
    from .partners import PartnerDetector

    return PartnerDetector(nlp, config)


def _clauses(nlp: spacy.language.Language, config: Config) -> Part:
    from .clauses import ClauseDetector

    return ClauseDetector(nlp, config)


def _firs(nlp: spacy.language.Language, config: Config) -> Part:
    from .firs import FirsPart

    return FirsPart()


# In order: clause finalisation reads the technology findings (an agreement on controlled technology without
# an export clause is itself a finding).
PARTS: dict[str, Callable[[Any, Config], Part]] = {
    "technology": _technology,
    "clauses": _clauses,
    "partners": _partners,
    "firs": _firs,
}


class Detector:
    """Built once; ``detect(document)`` returns the grouped findings of every detector (no guidance yet)."""

    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        self.nlp = build_nlp()
        # before the packs are compiled: tokenising their ~17,000 phrases would otherwise fill spaCy's tokenizer
        # cache (10,000 chunks by default) and leave every later document uncached, 3-7x slower
        self.chunks = ChunkCache(self.nlp.tokenizer)
        attach(self.nlp, compiled_dir(self.config))  # the packs' phrases, as tokenised in an earlier run
        self.parts: dict[str, Part] = {name: make(self.nlp, self.config) for name, make in PARTS.items()}
        self.phrases = finish(self.nlp)  # saved if new, then let go; its counts stay

    @property
    def tech(self) -> TechDetector:
        return self.parts["technology"]  # type: ignore[return-value]

    @property
    def partners(self) -> Any:
        return self.parts["partners"]

    @property
    def clauses(self) -> Any:
        return self.parts["clauses"]

    def term_count(self) -> int:
        """Number of technology terms and token patterns compiled (for sizing benchmarks)."""
        return sum(len(r.terms) + len(r.patterns) for r in self.tech.rules)

    def detect(self, document: Document, doctype: str | None = None) -> list[Finding]:
        """Grouped findings of ``document``, in text order; ``doctype`` is classified when not given."""
        if doctype is None:
            from .doctype import classify

            doctype = classify(document)
        # each block as detection reads it (extraction shapes repaired, every character keeping its location);
        # the Doc is made from its text with line breaks as spaces: same length, so offsets into the Doc are
        # offsets into the block
        blocks = [aligned_block(b) for b in document.blocks]
        texts = [b.text.replace("\r", " ").replace("\n", " ") for b in blocks]
        self.chunks.prime(texts)
        parts = list(self.parts.values())
        for part in parts:
            part.begin(document, doctype)
        proposed: list[list[Finding]] = [[] for _ in parts]
        # small batches: a tokenised page costs ~0.2 MB, and the default batch would hold 1,000 of them at once
        docs = self.nlp.pipe(texts, batch_size=PIPE_BATCH)
        for i, (block, sdoc) in enumerate(zip(blocks, docs, strict=True)):
            for own, part in zip(proposed, parts, strict=True):
                own += part.find(sdoc, block, i)
        kept: list[Finding] = []
        for own, part in zip(proposed, parts, strict=True):
            kept += part.finalize(document, own, kept)
        grouped = group_findings(kept)
        return sorted(
            grouped, key=lambda f: (f.block_index if f.block_index is not None else -1, f.start or 0)
        )
