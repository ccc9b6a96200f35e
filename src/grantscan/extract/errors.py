"""The one error type extraction raises: a short reason a user can act on."""

from __future__ import annotations


class ExtractionError(Exception):
    """A file could not be read. ``reason`` is one line, e.g. 'encrypted: password required'."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def too_many_chars(limit: int) -> ExtractionError:
    """The error for a document holding more text than ``ExtractOptions.max_chars`` allows."""
    return ExtractionError(f"too large: more than {limit:,} characters of text")
