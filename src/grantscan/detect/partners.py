"""Partners: countries (pycountry), organisations (patterns, built-in list, screening lists)."""

from __future__ import annotations

from ..config import Config
from ..model import Document, Finding, TextBlock


class PartnerDetector:
    """Finds country and organisation references in a block."""

    def __init__(self, nlp, config: Config):  # noqa: ANN001 - spacy.Language
        self.nlp, self.config = nlp, config

    def find(self, sdoc, block: TextBlock, block_index: int) -> list[Finding]:  # noqa: ANN001 - spacy Doc
        return []

    def finalize(self, document: Document, findings: list[Finding]) -> list[Finding]:
        return findings
