"""The language stage: say when a document is written in a language the pattern packs do not cover.

Every pack is written in English, so a French proposal about military drone swarms gets a finding or two from
names and codes and no word of warning otherwise. This stage names the document's language and, when it is
not one the packs cover, adds a warning to the ``DocumentResult`` that every report shows.

Detection is local: py3langid (a naive Bayes model over byte n-grams, shipped inside its wheel, nothing
downloaded). Loading that model takes about a second, so a document whose words are plainly English (common
English function words make up a large share of them) is settled without it; the model is loaded once per
process, only for the documents that need it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .model import Document

__all__ = ["PACK_LANGUAGES", "detect_language", "language_warning"]

PACK_LANGUAGES = frozenset({"en"})  # ISO 639-1 codes the shipped pattern packs are written in
SAMPLE_CHARS = 20_000  # characters read from the document, spread over its blocks
MIN_LETTERS = 200  # below this, too little text to tell
MIN_CONFIDENCE = 0.9  # the model's probability needed before a warning is given
ENGLISH_SHARE = 0.2  # share of words that are common English function words in ordinary English prose

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset(
    "the of and to in a is that for on with as by be are this we will from at or an it which not have "
    "has been their its was were can our these also than such between into".split()
)
_SKIP_PARTS = {"deleted", "comment"}  # reviewers' remarks and deleted text do not say what the document is in


def _sample(doc: Document) -> str:
    """Up to SAMPLE_CHARS of the document's own text, taken from blocks spread through it: a long English
    annex must not hide a French body, nor the reverse."""
    chunks = [b.text[:1000] for b in doc.blocks if (b.location.part or "") not in _SKIP_PARTS]
    stride = max(1, round(sum(len(c) for c in chunks) / SAMPLE_CHARS))
    return "\n".join(chunks[::stride])[:SAMPLE_CHARS]


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(doc: Document) -> tuple[str, float] | None:
    """(ISO 639-1 code, confidence 0..1) of the document's main language; None when there is too little
    text to tell."""
    text = _sample(doc)
    words = _WORD.findall(text)
    if sum(len(w) for w in words) < MIN_LETTERS:
        return None
    english = sum(1 for w in words if w.lower() in _ENGLISH)
    if english / len(words) >= ENGLISH_SHARE:
        return "en", 1.0
    code, confidence = _identifier().classify(text)
    return str(code), float(confidence)


def language_name(code: str) -> str:
    """'French' for 'fr'; the code itself when pycountry does not know it."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code)
    return str(found.name) if found is not None else code


def language_warning(doc: Document) -> str | None:
    """The warning for a document written in a language the packs do not cover, else None."""
    found = detect_language(doc)
    if found is None:
        return None
    code, confidence = found
    if code in PACK_LANGUAGES or confidence < MIN_CONFIDENCE:
        return None
    covered = ", ".join(language_name(c) for c in sorted(PACK_LANGUAGES))
    return (
        f"written in {language_name(code)} ({code}, confidence {confidence:.2f}): the detection rules cover "
        f"{covered} only, so most technology, clause and partner wording is not recognised; "
        "have it read by a person or scan an English version"
    )
