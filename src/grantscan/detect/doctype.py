"""Document type: proposal, agreement, form or other, so the right checks run."""

from __future__ import annotations

from ..model import Document


def classify(document: Document) -> str:
    return "other"
