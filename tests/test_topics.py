"""The topic reading: a document-level bag-of-words model that keeps plain mentions a little under their
category's threshold when the whole document reads as that category, and never makes a finding without a
pack match."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from grantscan.detect import Detector
from grantscan.detect.topics import count_words, load_topics, read_topics
from grantscan.knowledge.loader import PackError
from grantscan.knowledge.taxonomy import TECH_CATEGORIES
from grantscan.model import Document, Location, TextBlock

# a plain description: a space term with no build verb or cue, its evidence a little under space's threshold
PLAIN = "The satellite passes over the region twice a day."
# a paragraph in the words of the fixture model below, with no term of any pack
READS_AS_SPACE = (
    "Telemetry is received by our antenna and decoded; the downlink schedule and the telemetry archive are "
    "kept by the team, and each downlink is logged with its antenna pointing."
)
# the same length of text in words the model does not weigh for space
READS_AS_FARMING = (
    "Crop yields are measured on each farm; the soil moisture and the harvest dates are kept by the team, "
    "and each field is logged with its crop rotation."
)

MODEL = """\
version: 1
fitted: '2026-12-07'
data: 'test fixture'
size: 10
method: 'hand-set for the test'
band: {band}
categories:
  space:
    intercept: -3.0
    threshold: 0.6
    weights:
      telemetry: 9.0
      downlink: 9.0
      antenna: 6.0
      crop yields: -4.0
"""


def write_model(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "topics.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def doc(*paragraphs: str) -> Document:
    blocks = [TextBlock(p, Location(line=2 * i + 1, column=1)) for i, p in enumerate(paragraphs)]
    return Document(path="t.txt", format="text", blocks=blocks)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def space_findings(detector: Detector, model_path: Path | None, *paragraphs: str) -> list:
    detector.tech.topics = load_topics(model_path) if model_path else None
    try:
        return [f for f in detector.detect(doc(*paragraphs)) if f.category == "space" and f.kind == "finding"]
    finally:
        detector.tech.topics = load_topics()


def test_plain_mention_alone_stays_under_the_threshold(detector: Detector) -> None:
    """The premise of the lift: without a topic reading, the plain sentence is not a finding."""
    assert space_findings(detector, None, PLAIN, READS_AS_SPACE) == []


def test_plain_mention_is_lifted_when_the_document_reads_as_its_category(
    detector: Detector, tmp_path: Path
) -> None:
    found = space_findings(detector, write_model(tmp_path, MODEL.format(band=0.1)), PLAIN, READS_AS_SPACE)
    assert [f.text for f in found] == ["satellite"]
    reason = next(r for r in found[0].reasons if r.startswith("topic:"))
    assert "the document reads as space" in reason
    assert "'telemetry'" in reason and "'downlink'" in reason
    assert found[0].confidence < detector.tech.evidence.threshold_for("space")


def test_same_mention_in_a_document_about_something_else_is_not_lifted(
    detector: Detector, tmp_path: Path
) -> None:
    """The negative twin: the same sentence, a document that does not read as space."""
    assert (
        space_findings(detector, write_model(tmp_path, MODEL.format(band=0.1)), PLAIN, READS_AS_FARMING) == []
    )


def test_mention_further_under_the_threshold_than_the_band_is_not_lifted(
    detector: Detector, tmp_path: Path
) -> None:
    assert (
        space_findings(detector, write_model(tmp_path, MODEL.format(band=0.01)), PLAIN, READS_AS_SPACE) == []
    )


def test_no_finding_without_a_pack_match(detector: Detector, tmp_path: Path) -> None:
    """A document that reads as space but names no space term has no space finding."""
    path = write_model(tmp_path, MODEL.format(band=0.5))
    assert space_findings(detector, path, READS_AS_SPACE, READS_AS_SPACE) == []


def test_reading_weighs_unigrams_and_bigrams_over_the_document_length(tmp_path: Path) -> None:
    model = read_topics(write_model(tmp_path, MODEL.format(band=0.1)), TECH_CATEGORIES)
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    count_words(["crop", "yields", "telemetry"], uni, bi, model)
    assert bi == Counter({"crop yields": 1})  # only the bigrams of the vocabulary are counted
    with_bigram = model.read("space", uni, bi)
    without = model.read("space", uni, Counter())
    assert with_bigram is not None and without is not None
    assert with_bigram.probability < without.probability  # the negative bigram weighs
    assert with_bigram.words == ("telemetry",)  # only words that raise the reading are named
    assert model.read("quantum", uni, bi) is None  # no reading of a category the model does not have


def test_shipped_model_loads_or_is_absent() -> None:
    model = load_topics()
    assert model is None or set(model.weights) <= set(TECH_CATEGORIES)


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("  space:", "  spaceflight:", 8, "unknown technology category 'spaceflight'"),
        ("band: 0.1", "band: 0.9", 6, "'band' must be a number in [0.0, 0.5]"),
        ("      antenna: 6.0", "      Antenna: 6.0", 14, "'Antenna' must be one or two lower-case words"),
        ("      antenna: 6.0", "      radio antenna dish: 6.0", 14, "must be one or two lower-case words"),
        ("    threshold: 0.6", "    threshold: 1.5", 10, "'threshold' must be a number"),
        ("    intercept: -3.0\n", "", 9, "missing required key 'intercept'"),
    ],
)
def test_loading_errors_name_file_and_line(
    tmp_path: Path, old: str, new: str, line: int, message: str
) -> None:
    text = MODEL.format(band=0.1)
    assert old in text
    path = write_model(tmp_path, text.replace(old, new))
    with pytest.raises(PackError) as e:
        load_topics(path)
    assert str(e.value).startswith(f"{path}:{line}:")
    assert message in str(e.value)
