"""Every shipped rule's examples through the real Detector, and pack validation errors with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from grantscan.config import Config
from grantscan.detect import Detector
from grantscan.detect.declarations import load_declarations
from grantscan.detect.matcher import _pattern_anchors, load_pack, load_rules, pack_files
from grantscan.knowledge.loader import PackError
from grantscan.knowledge.taxonomy import TECH_CATEGORIES
from grantscan.model import Document, Finding, Location, TextBlock

RULES = load_rules(pack_files())
_, TOPICS = load_declarations()


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(Config())


def detect(detector: Detector, text: str) -> list[Finding]:
    return detector.detect(Document("example.txt", "text", [TextBlock(text, Location(line=1, column=1))]))


def _cases(kind: str) -> list:
    return [pytest.param(r, s, id=f"{r.id}:{i}") for r in RULES for i, s in enumerate(getattr(r, kind))]


def test_every_category_has_rules_and_every_rule_has_both_kinds_of_example() -> None:
    assert {r.category for r in RULES} == set(TECH_CATEGORIES)
    for r in RULES:
        assert r.must_match and r.must_not_match, f"{r.id} ({r.source}) needs must_match and must_not_match"


def test_every_token_pattern_starts_from_a_rare_fixed_token() -> None:
    """Token patterns run only in windows around their first fixed-text token; a pattern anchored on punctuation
    or with no fixed token at all would run the matcher over most of every document."""
    for r in RULES:
        for pattern in r.patterns:
            anchor = _pattern_anchors(spacy.blank("en"), [pattern])
            assert anchor is not None, f"{r.id} ({r.source}): a token pattern with no fixed-text token"
            texts = _first_fixed_texts(pattern)
            assert all(any(ch.isalnum() for ch in t) for t in texts), (
                f"{r.id}: anchored on punctuation {texts}"
            )


def _first_fixed_texts(pattern: list[dict]) -> list[str]:
    for spec in pattern:
        for attr in ("LOWER", "ORTH", "TEXT"):
            value = spec.get(attr)
            if isinstance(value, str):
                return [value]
            if isinstance(value, dict) and set(value) == {"IN"}:
                return [str(v) for v in value["IN"]]
    return []


@pytest.mark.parametrize(("rule", "sentence"), _cases("must_match"))
def test_must_match(detector: Detector, rule, sentence: str) -> None:  # noqa: ANN001
    found = [f for f in detect(detector, sentence) if f.kind == "finding" and f.category == rule.category]
    assert found, f"{rule.id} ({rule.source}) did not fire on: {sentence}"


@pytest.mark.parametrize(("rule", "sentence"), _cases("must_not_match"))
def test_must_not_match(detector: Detector, rule, sentence: str) -> None:  # noqa: ANN001
    found = [f for f in detect(detector, sentence) if f.kind == "finding" and f.rule_id == rule.id]
    assert not found, f"{rule.id} fired on its must_not_match example: {sentence} -> {found[0].reasons}"


@pytest.mark.parametrize("topic", TOPICS, ids=[t.id for t in TOPICS])
def test_declaration_topic_examples(detector: Detector, topic) -> None:  # noqa: ANN001
    for sentence in topic.must_match:
        decl = [f for f in detect(detector, sentence) if f.rule_id == topic.id]
        assert decl and decl[0].kind == "declaration", f"{topic.id} missed: {sentence}"
    for sentence in topic.must_not_match:
        assert not [f for f in detect(detector, sentence) if f.rule_id == topic.id], sentence


GOOD_RULE = """\
pack: test
version: 1
rules:
  - id: test-rule
    category: quantum
    terms: [flux capacitor]
    examples:
      must_match: ["We will build a flux capacitor."]
      must_not_match: ["A capacitor."]
"""


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "pack.yaml"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("broken", "line", "message"),
    [
        (GOOD_RULE.replace("    terms:", "    trems:"), 6, "unknown key 'trems'"),
        (
            GOOD_RULE.replace("category: quantum", "category: warp-drives"),
            5,
            "unknown category 'warp-drives'",
        ),
        (GOOD_RULE.replace("terms: [flux capacitor]", "terms: flux: capacitor"), 6, "YAML syntax"),
        (
            GOOD_RULE.replace("    terms: [flux capacitor]", "    terms: [flux capacitor]\n    score: high"),
            7,
            "score must be a number",
        ),
        (
            GOOD_RULE.replace(
                "    terms: [flux capacitor]",
                "    terms: [flux capacitor]\n    context: {words: [a], window: page}",
            ),
            7,
            "window must be",
        ),
        (GOOD_RULE + "  - id: test-rule\n    category: ai\n    terms: [x]\n", 10, "duplicate id"),
        (GOOD_RULE.replace("version: 1\n", ""), 1, "missing required key 'version'"),
    ],
)
def test_broken_pack_names_file_and_line(tmp_path: Path, broken: str, line: int, message: str) -> None:
    p = _write(tmp_path, broken)
    with pytest.raises(PackError) as e:
        load_pack(p)
    assert str(e.value).startswith(f"{p}:{line}:"), str(e.value)
    assert message in str(e.value)


def test_extra_pack_is_used_and_respects_categories(tmp_path: Path) -> None:
    p = _write(tmp_path, GOOD_RULE)
    text = "We will build a flux capacitor for the lab."
    with_pack = detect(Detector(Config(extra_packs=[tmp_path])), text)
    assert [f.rule_id for f in with_pack if f.kind == "finding"] == ["test-rule"]
    assert not [f for f in detect(Detector(Config()), text) if f.rule_id == "test-rule"]
    only_ai = detect(Detector(Config(extra_packs=[p], categories=["ai"])), text)
    assert not [f for f in only_ai if f.rule_id == "test-rule"]


def test_extra_pack_cannot_redefine_a_shipped_rule(tmp_path: Path) -> None:
    p = _write(tmp_path, GOOD_RULE.replace("id: test-rule", f"id: {RULES[0].id}"))
    with pytest.raises(PackError, match="already defined"):
        Detector(Config(extra_packs=[p]))


def test_fast_yaml_parser_gives_the_same_data_and_lines_as_the_pure_python_one() -> None:
    import yaml

    from grantscan.knowledge import loader as packs
    from grantscan.knowledge.resources import patterns_dir

    class PureLoader(yaml.SafeLoader):
        construct_mapping = packs._LineLoader.construct_mapping

    PureLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, PureLoader.construct_mapping)

    def same(a, b) -> None:  # noqa: ANN001
        assert a == b and type(a) is type(b)
        if isinstance(a, dict):
            assert (a.line, a.key_lines) == (b.line, b.key_lines)
            for k in a:
                same(a[k], b[k])
        elif isinstance(a, list):
            for x, y in zip(a, b, strict=True):
                same(x, y)

    files = sorted(patterns_dir().rglob("*.yaml"))
    assert len(files) > 10
    for f in files:
        loader = PureLoader(f.read_text(encoding="utf-8"))
        try:
            pure = loader.get_single_data()
        finally:
            loader.dispose()
        same(pure, packs.load_yaml(f))
