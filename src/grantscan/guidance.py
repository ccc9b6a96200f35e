"""Trusted Research guidance joined to findings: why it matters, what to do, whom to ask, links."""

from __future__ import annotations

from .model import Finding


class Guidance:
    """The knowledge base (patterns/guidance.yaml), loaded and validated once."""

    @classmethod
    def load(cls) -> Guidance:
        return cls()

    def apply(self, findings: list[Finding]) -> None:
        """Fill why/action/contacts/links on each finding from its category (and country)."""
