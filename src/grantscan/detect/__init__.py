"""Detection: pattern packs compiled once into spaCy matchers, applied to every block of a document.

Sub-detectors share one blank English pipeline and one tokenisation per block:
``TechDetector`` (technology packs, declarations), ``PartnerDetector`` (countries, organisations,
screening lists) and ``ClauseDetector`` (agreement clauses). Each has
``find(sdoc, block, block_index) -> list[Finding]`` and ``finalize(document, findings) -> list[Finding]``.
"""

from __future__ import annotations

from ..config import Config
from ..model import Document, Finding


class Detector:
    """Built once per run; ``detect(document)`` returns grouped, explained findings (no guidance yet)."""

    def __init__(self, config: Config | None = None):
        self.config = config or Config()

    def detect(self, document: Document) -> list[Finding]:
        return []
