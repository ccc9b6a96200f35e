"""Property-based tests of the text pipeline: any text scans without crashing, and every finding points
back into the text it came from."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grantscan.pipeline import Scanner

_SCANNER: Scanner | None = None

WORDS = st.sampled_from(
    [
        "drone",
        "swarm",
        "military",
        "quantum",
        "computing",
        "nuclear",
        "receptor",
        "China",
        "turkey",
        "Iran",
        "University",
        "of",
        "Oxford",
        "Ltd",
        "No",
        "Yes",
        "?",
        ".",
        "\n",
        "export",
        "control",
        "AI",
        "radar",
        "the",
        "laws",
        "of",
        "England",
        "é",
        "\u200b",
    ]
)


def scanner() -> Scanner:
    global _SCANNER
    if _SCANNER is None:
        from grantscan.config import Config

        _SCANNER = Scanner(Config(cache=False))
    return _SCANNER


def _check(text: str) -> None:
    r = scanner().scan_text(text)
    if not text.strip():
        assert r.status == "error"
        return
    assert r.status == "ok"
    lines = text.count("\n") + 1
    for f in r.findings:
        assert f.text, f
        # clause texts are shown with their whitespace collapsed ("export \n Iran" -> "export Iran")
        assert " ".join(f.text.lower().split()) in " ".join(text.lower().split())
        loc = f.location
        assert loc.line is None or 1 <= loc.line <= lines
        assert 0.0 <= f.confidence <= 1.0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=60).map(" ".join))
def test_vocabulary_soup_keeps_findings_anchored(text: str) -> None:
    _check(text)
