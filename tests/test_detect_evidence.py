"""The evidence model: named features, fitted weights read from data, explained probabilities."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import math
import random
from pathlib import Path

import pytest

from grantscan.detect import Detector
from grantscan.detect.context import load_context
from grantscan.detect.evidence import FEATURES, Feature, load_evidence, load_quality
from grantscan.detect.technology import FLOOR, IN_DELETED_TEXT
from grantscan.detect.tokens import matching_text
from grantscan.knowledge.loader import PackError
from grantscan.model import Document, Location, TextBlock


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def doc(*paragraphs: str, part: str | None = None) -> Document:
    blocks = [TextBlock(p, Location(line=2 * i + 1, column=1, part=part)) for i, p in enumerate(paragraphs)]
    return Document(path="t.txt", format="text", blocks=blocks)


def findings(detector: Detector, *paragraphs: str, part: str | None = None) -> list:
    return [
        f
        for f in detector.detect(doc(*paragraphs, part=part))
        if f.category not in ("country", "organisation")
    ]


def test_shipped_model_has_a_weight_for_every_feature_and_a_threshold_per_category() -> None:
    m = load_evidence()
    assert set(m.weights) == set(FEATURES)
    assert m.fitted and m.size > 1000 and "corpus/dev" in m.data
    assert all(0 < t < 1 for t in m.threshold.values()) and "defence" in m.threshold


def test_probability_is_the_logistic_of_the_explained_contributions() -> None:
    m = load_evidence()
    feats = {
        "term.score": Feature(0.6, "x"),
        "verb.build": Feature(1.0, "develop"),
        "cue.hedge": Feature(1.0),
    }
    reasons = m.reasons("ai", feats)
    total = sum(float(r.split(" ", 1)[0]) for r in reasons)
    assert abs(1 / (1 + math.exp(-total)) - m.probability("ai", feats)) < 0.01
    assert any(r.endswith("verb: build ('develop')") for r in reasons)
    assert m.probability("ai", {**feats, "cue.literature": Feature(1.0)}) < m.probability("ai", feats)


def test_evidence_file_errors_name_file_and_line(tmp_path) -> None:  # noqa: ANN001
    p = tmp_path / "evidence.yaml"
    p.write_text(
        "version: 1\nintercept: 0.1\nweights:\n  term.score: 1.0\n  verb.bogus: 2.0\nthreshold: {default: 0.5}\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError, match=r"evidence.yaml:5: evidence: unknown weights name 'verb.bogus'"):
        load_evidence(p)
    p.write_text("version: 1\nintercept: 0.1\nweights: {}\nthreshold:\n  ai: 1.5\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"evidence.yaml:5: .*'ai' must be a number"):
        load_evidence(p)


def test_context_cue_file_errors_name_file_and_line(tmp_path) -> None:  # noqa: ANN001
    p = tmp_path / "context.yaml"
    p.write_text(
        "version: 1\nfamilies:\n  hedge:\n    why: possibility\n    scope: everywhere\n    phrases: [may]\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError, match=r"context.yaml:5: .*scope must be one of"):
        load_context(p)
    p.write_text("version: 1\nfamilies:\n  gossip:\n    why: x\n    phrases: [rumour]\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"context.yaml:3: .*no feature 'cue.gossip'"):
        load_context(p)


def test_transfer_wording_is_evidence_without_a_research_verb(detector: Detector) -> None:
    found = findings(
        detector, "The sonar array will be shipped to the Royal Navy for sea trials next spring."
    )
    sensing = [f for f in found if f.category == "sensing" and f.kind == "finding"]
    assert sensing
    assert any(r.startswith("+") and "verb: transfer" in r for r in sensing[0].reasons)


def test_civil_only_statement_in_prose_is_a_declaration(detector: Detector) -> None:
    text = (
        "This work has an exclusive focus on civil applications and is not to be used in any military "
        "application."
    )
    found = findings(detector, text)
    assert not [f for f in found if f.category == "defence" and f.kind == "finding"]
    assert [f for f in found if f.category == "defence" and f.kind == "declaration"]


def test_mentions_in_tracked_deletions_are_shown_but_never_counted(detector: Detector) -> None:
    text = "We will develop a synthetic aperture radar for drones."
    assert [f for f in findings(detector, text) if f.kind == "finding" and f.category == "sensing"]
    deleted = [f for f in findings(detector, text, part="deleted") if f.category == "sensing"]
    assert deleted and all(f.kind == "declaration" and f.severity == "info" for f in deleted)
    assert any(r.startswith(IN_DELETED_TEXT) for f in deleted for r in f.reasons)


def test_a_term_inside_an_organisation_name_weighs_less(detector: Detector) -> None:
    detector.tech.record = []
    try:
        detector.detect(doc("Imagery was obtained from the European Space Agency archive."))
        rec = [feats for cat, feats, _ in detector.tech.record if cat == "space"]
    finally:
        detector.tech.record = None
    assert rec and rec[0].get("position.organisation") == 1.0
    assert load_evidence().weights["position.organisation"] < 0


@pytest.mark.parametrize(
    ("raw", "phrase"),
    [
        ("Trials with the Royal  Navy start in May.", "Royal Navy"),
        ("Trials\twith\tthe\tRoyal\tNavy start in May.", "Royal Navy"),
        ("Partners in Bel-\ngium and France.", "Belgium"),
        ("|Partner|Royal Navy|", "Royal Navy"),
    ],
)
def test_matching_text_keeps_length_and_repairs_extraction_shapes(raw: str, phrase: str) -> None:
    out = matching_text(raw)
    assert len(out) == len(raw) and phrase in out
    start = out.index(phrase)
    assert raw[start : start + 3] == phrase[:3]  # offsets of the first word are unchanged


def test_broken_names_are_found_after_normalisation(detector: Detector) -> None:
    found = findings(detector, "Prototype sonar buoys will be delivered to the Royal  Navy for sea trials.")
    assert any(f.rule_id == "defence-organisations" and f.kind == "finding" for f in found)


def test_quality_file_lists_measured_figures() -> None:
    q = load_quality()
    assert q and {e["metric"] for e in q} >= {"precision", "recall", "f1"}
    ece = {e["metric"]: e["value"] for e in q if e["metric"].startswith("ECE")}
    assert ece["ECE, with table"] < ece["ECE, model"]  # why the table ships
    assert any(e["category"] == "technology" and e["metric"] == "f1" for e in q)


def test_quality_file_errors_name_file_and_line(tmp_path) -> None:  # noqa: ANN001
    p = tmp_path / "detection.yaml"
    p.write_text(
        "version: 1\nentries:\n  - {metric: accuracy, category: ai, value: 0.9, set: s, size: 3, date: d}\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError, match=r"detection.yaml:3: detection quality: metric must be"):
        load_quality(p)


# --- round two: export-control wording, a platform's role, terms inside longer names -------------------


def test_end_use_named_in_export_control_wording_is_a_declaration(detector: Detector) -> None:
    found = findings(
        detector,
        "The Licensee shall not use the Software for any end use relating to weapons of mass destruction "
        "or in breach of the Export Administration Regulations.",
    )
    defence = [f for f in found if f.category == "defence"]
    assert defence and all(f.kind == "declaration" for f in defence)
    assert any("export-control wording" in r for f in defence for r in f.reasons)
    # the same use as the subject of the work stays a finding
    work = findings(detector, "We will develop detectors for weapons of mass destruction with the MOD.")
    assert any(f.kind == "finding" and f.category == "defence" for f in work)


def test_compliance_cues_are_read_by_the_scorer_not_weighed() -> None:
    cues = load_context()
    assert "compliance" in cues.families and "cue.compliance" not in FEATURES
    assert "cue.instrument" in FEATURES and cues.families["instrument"].scope == "around"


def test_a_platform_carrying_an_instrument_weighs_less_than_one_being_built(detector: Detector) -> None:
    m = load_evidence()
    assert m.weights["cue.instrument"] < 0  # fitted: a carrier of the survey's camera is a tool
    carried = detector.detect(
        doc("A quadcopter carrying a thermal camera will count red deer for the survey.")
    )
    built = detector.detect(doc("We will design a quadcopter that lands autonomously on a moving ship."))

    def best(found: list) -> float:
        return max((f.confidence for f in found if f.category == "robotics"), default=0.0)

    role = [r for f in carried if f.category == "robotics" for r in f.reasons if r.endswith("('carrying')")]
    assert best(carried) < best(built)
    assert role or best(carried) == 0.0


def test_intelligence_inside_artificial_intelligence_is_not_a_defence_customer(detector: Detector) -> None:
    found = findings(detector, "Safe and Secure Generative Artificial Intelligence for content provenance.")
    assert not [f for f in found if f.category == "defence"]
    isr = findings(
        detector, "The sensor feeds intelligence, surveillance and reconnaissance for the warfighter."
    )
    assert any(f.category == "defence" and f.kind == "finding" for f in isr)


def test_context_family_scope_and_weighed_are_validated(tmp_path) -> None:  # noqa: ANN001
    bad = tmp_path / "context.yaml"
    bad.write_text(
        "version: 1\nfamilies:\n  instrument:\n    why: x\n    scope: sideways\n    phrases: [a]\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError, match="scope must be one of"):
        load_context(bad)
    bad.write_text("version: 1\nfamilies:\n  nothing:\n    why: x\n    phrases: [a]\n", encoding="utf-8")
    with pytest.raises(PackError, match="no feature 'cue.nothing'"):
        load_context(bad)
    bad.write_text(
        "version: 1\nfamilies:\n  nothing:\n    why: x\n    weighed: false\n    phrases: [a]\n",
        encoding="utf-8",
    )
    assert "nothing" in load_context(bad).families


def features_of(detector: Detector, text: str, term: str) -> dict:
    """The named features of the first mention whose text is ``term`` in a one-block text."""
    tech = detector.tech
    sdoc = detector.nlp(text)
    hits, _ = tech.compiled.hits(sdoc)
    for sc in tech.scorer.score(sdoc, hits, False, False):
        if sdoc[sc.hit.start : sc.hit.end].text == term:
            return {"features": sc.features, "negated": sc.negated}
    raise AssertionError(f"no mention of {term!r} in {text!r}")


@pytest.mark.parametrize(
    "text, term, acts",
    [
        (
            "A swarm of small quadcopters will coordinate to map the wildfire perimeter.",
            "quadcopters",
            "will coordinate",
        ),
        (
            "An uncrewed surface vessel carrying an echosounder will survey the harbour.",
            "echosounder",
            "will survey",
        ),
        ("Quadcopters will be developed for the survey.", "Quadcopters", None),  # a passive: a build action
        ("Quadcopters will not be used in this study.", "Quadcopters", None),  # a denial
        ("Quadcopters, lidar and radar will be compared.", "Quadcopters", None),  # a list is not one subject
        ("We will use quadcopters.", "quadcopters", None),
    ],
)
def test_a_term_that_acts_in_a_planned_statement_is_its_subject(
    detector: Detector, text: str, term: str, acts: str | None
) -> None:
    got = features_of(detector, text, term)["features"].get("verb.subject")
    assert (got.evidence if got else None) == acts


@pytest.mark.parametrize(
    "text, term, build, method",
    [
        # what a piece of software is: its purpose is the term
        ("KISS-ICP is a LiDAR odometry pipeline that works without tuning.", "LiDAR odometry", True, False),
        (
            "Dshell. An extensible network forensic analysis framework.",
            "network forensic analysis",
            True,
            False,
        ),
        ("angr is a platform-agnostic binary analysis framework.", "binary analysis", True, False),
        # a purpose phrase before the term
        ("ART is a Python library for machine learning security.", "machine learning security", True, False),
        ("A powerful framework for network traffic analysis.", "network traffic analysis", True, False),
        # a term that qualifies the tool of other work stays a means
        ("We segment the scans with a machine learning pipeline.", "machine learning", False, True),
        ("The cohort was classified with deep learning tools.", "deep learning", False, True),
        # "based on" opens a phrase about the term, not a "malware-based" method
        ("Analysts triage malware based on a set of rules.", "malware", False, False),
    ],
)
def test_a_software_description_names_what_the_software_is_for(
    detector: Detector, text: str, term: str, build: bool, method: bool
) -> None:
    feats = features_of(detector, text, term)["features"]
    assert ("verb.build" in feats) is build
    assert ("cue.method" in feats) is method


def test_a_defence_component_abbreviation_counts_only_on_an_owner_line(detector: Detector) -> None:
    owner = findings(detector, "Conduit. A curation tool for articles of interest. Organization: NGA.")
    assert any(f.category == "defence" and f.kind == "finding" for f in owner)
    elsewhere = findings(
        detector, "Conduit. A curation tool for articles of interest, shown at the NGA meeting."
    )
    assert not any(f.category == "defence" for f in elsewhere)


def test_the_subject_feature_raises_a_plain_statement_over_the_same_words_without_it(
    detector: Detector,
) -> None:
    m = load_evidence()
    assert m.weights["verb.subject"] > 0
    plain = findings(
        detector, "A swarm of small quadcopters will coordinate to map moorland wildfires in real time."
    )
    assert any(f.category == "robotics" and f.kind == "finding" for f in plain)


@pytest.mark.parametrize(
    "text, term, listed",
    [
        # three items: two separators
        (
            "The group works on nonlinear physics, information theory, machine learning and signal processing.",
            "machine learning",
            True,
        ),
        # ", and" joins two clauses: one separator
        (
            "DARPA funds the laboratory's work on reconfigurable antennas, and the PhD will join that programme.",
            "reconfigurable antennas",
            False,
        ),
        # the list is of the words before "of", not of the match
        (
            "Prevention, detection, response and mitigation of combined physical and cyber threats to ports.",
            "cyber threats",
            False,
        ),
        # a preposition inside a compound does not end the list
        (
            "Quantum memories, optical-to-microwave transduction and optical links between circuits are studied.",
            "optical links",
            True,
        ),
        # a relative clause is another phrase: the verbs listed before "that" and the comma before "which" are
        # no separators of a list around the match
        (
            "We will explore, model and build circuits that enable a probabilistic computer, which will speed up"
            " sampling.",
            "probabilistic computer",
            False,
        ),
        (
            "The lab builds lidar, sonar and radar systems which will be tested at sea.",
            "sonar",
            True,
        ),
        # "and/or" is one token and one separator, as "and" or "or": with a comma before it, one separator
        (
            "The program tests them from an appropriate set of in situ, surface-, ship-, balloon-, aircraft-, and/or"
            " space-based platforms.",
            "space-based",
            True,
        ),
        (
            "Strong knowledge of machine learning, computer vision, and/or artificial intelligence is required.",
            "artificial intelligence",
            True,
        ),
        # two items joined by "and/or" are no list of three
        (
            "The instrument will fly on balloon- and/or space-based platforms.",
            "space-based",
            False,
        ),
    ],
)
def test_a_list_item_is_one_of_three_or_more_items_in_one_phrase(
    detector: Detector, text: str, term: str, listed: bool
) -> None:
    assert ("cue.list" in features_of(detector, text, term)["features"]) is listed


def test_a_denial_reaches_every_item_of_a_coordinated_list(detector: Detector) -> None:
    text = "This project does not involve work with dangerous pathogens, toxins or select agents."
    assert features_of(detector, text, "select agents")["negated"]
    assert not [f for f in findings(detector, text) if f.kind == "finding" and f.category == "bio"]


def test_two_literature_phrases_weigh_twice(detector: Detector) -> None:
    one = features_of(
        detector, "The ethics literature on facial recognition in policing is large.", "facial recognition"
    )
    two = features_of(
        detector,
        "The review covers the ethics literature on facial recognition in policing.",
        "facial recognition",
    )
    assert one["features"]["cue.literature"].value == 1.0
    assert two["features"]["cue.literature"].value == 2.0


def test_two_hedges_weigh_twice(detector: Detector) -> None:
    one = features_of(
        detector, "Spin liquids hold great potential for quantum communication.", "quantum communication"
    )
    two = features_of(
        detector,
        "Spin liquids are believed to hold great potential for quantum communication.",
        "quantum communication",
    )
    assert one["features"]["cue.hedge"].value == 1.0
    assert two["features"]["cue.hedge"].value == 2.0


# The role of a technology an applicant's product or service serves or uses, written from the definitions of
# a market (the buyers of a kind of product), a customer or user (who buys or uses the product), a team
# member's or partner's business, and a carrier (a platform that only takes an instrument where it is needed).
@pytest.mark.parametrize(
    ("text", "term", "cue"),
    [
        ("Our archive offers cheap long-term storage for AI companies.", "AI", "cue.market"),
        ("The platform is serving the drone industry with flight insurance quotes.", "drone", "cue.market"),
        ("The app is serving drone pilots with weather forecasts for each field.", "drone", "cue.customer"),
        (
            "Our users include machine learning start-ups and university libraries.",
            "machine learning",
            "cue.market",
        ),
        ("Our customers include robotics firms in the north of England.", "robotics", "cue.market"),
        ("Our CTO previously founded an AI start-up in Leeds.", "AI", "cue.market"),
        ("She previously worked at a quantum computing consultancy.", "quantum computing", "cue.customer"),
        (
            "Demand for machine learning grows each year, and so does the data it needs.",
            "machine learning",
            "cue.customer",
        ),
        ("Photographs taken from a drone will show where the gulls nest.", "drone", "cue.instrument"),
        ("A UAV-mounted camera surveys the colony each spring.", "UAV", "cue.instrument"),
        ("The volunteers rented a drone to film the coastline.", "drone", "cue.tool"),
    ],
)
def test_a_technology_the_product_serves_or_carries_has_its_role_cue(
    detector: Detector, text: str, term: str, cue: str
) -> None:
    assert cue in features_of(detector, text, term)["features"]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("We will train a deep learning model to segment tumours in histology slides.", "deep learning"),
        ("Industry partners will co-develop AI models that flag fraudulent payments.", "AI models"),
        ("We will develop autonomous drones that land on moving ships.", "drones"),
        ("The founders of the field of machine learning are cited in chapter one.", "machine learning"),
    ],
)
def test_a_research_sentence_with_the_same_term_has_no_role_cue(
    detector: Detector, text: str, term: str
) -> None:
    feats = features_of(detector, text, term)["features"]
    assert not {"cue.market", "cue.customer", "cue.instrument"} & set(feats)


def test_a_defence_market_is_the_end_use_not_a_role(detector: Detector) -> None:
    feats = features_of(
        detector, "The project will develop quantum sensors for the defence market.", "defence"
    )
    assert "cue.market" not in feats["features"]


def test_role_cues_are_named_features_of_the_evidence_model() -> None:
    cues = load_context()
    for name in ("market", "customer"):
        assert f"cue.{name}" in FEATURES and cues.families[name].why
    assert cues.families["market"].scope == "after" and cues.families["customer"].scope == "before"
    assert set(load_evidence().weights) >= {"cue.market", "cue.customer"}


def test_a_calibration_table_moves_the_probability_and_is_explained(tmp_path) -> None:  # noqa: ANN001
    p = tmp_path / "evidence.yaml"
    head = "version: 1\nintercept: -1.0\nweights:\n  verb.build: 2.0\nthreshold: {default: 0.5}\n"
    p.write_text(head, encoding="utf-8")
    plain = load_evidence(p)
    p.write_text(head + "calibration:\n  0.2: 0.1\n  0.5: 0.6\n  1.0: 0.98\n", encoding="utf-8")
    cal = load_evidence(p)
    feats = {"verb.build": Feature(1.0, "develop")}
    raw = 1 / (1 + math.exp(-1.0))  # 0.731, between the points 0.5 and 1.0
    assert plain.probability("ai", feats) == round(raw, 3)
    assert cal.probability("ai", feats) == round(0.6 + (0.98 - 0.6) * (round(raw, 3) - 0.5) / 0.5, 3)
    assert cal.calibrated(0.1) == pytest.approx(0.05) and cal.calibrated(0.35) == pytest.approx(0.35)
    reasons = cal.reasons("ai", feats)
    assert any("calibration" in r for r in reasons)
    total = sum(float(r.split(" ", 1)[0]) for r in reasons)
    assert abs(1 / (1 + math.exp(-total)) - cal.probability("ai", feats)) < 0.01
    assert not any("calibration" in r for r in plain.reasons("ai", feats))


def test_calibration_errors_name_file_and_line(tmp_path) -> None:  # noqa: ANN001
    p = tmp_path / "evidence.yaml"
    head = "version: 1\nintercept: -1.0\nweights: {}\nthreshold: {default: 0.5}\n"
    p.write_text(head + "calibration:\n  0.2: 0.1\n  0.5: 1.5\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"evidence.yaml:7: .*two numbers in \[0, 1\]"):
        load_evidence(p)
    p.write_text(head + "calibration:\n  0.2: 0.3\n  0.5: 0.2\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"evidence.yaml:7: .*must increase"):
        load_evidence(p)
    p.write_text(head + "calibration: 1.2\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"evidence.yaml:5: .*at least two"):
        load_evidence(p)


ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def uncalibrated(model):  # noqa: ANN001, ANN201 - EvidenceModel
    """The same weights without the calibration table, each threshold the raw one that decides alike."""
    return dataclasses.replace(
        model,
        calibration=(),
        threshold={c: model.raw_threshold(t) for c, t in model.threshold.items()},
        default_threshold=model.raw_threshold(model.default_threshold),
    )


def test_the_shipped_calibration_keeps_every_decision_over_generated_probabilities() -> None:
    model = load_evidence()
    assert model.calibration, "the shipped model carries a calibration table"
    assert len(model.calibration) <= 12 and model.calibration[0] == (FLOOR, FLOOR)
    plain = uncalibrated(model)
    rng = random.Random(7)
    ps = [i / 1000 for i in range(1001)] + [rng.random() for _ in range(5000)]
    ps += [
        t + d for t in (*plain.threshold.values(), FLOOR) for d in (-0.0006, -0.0005, -0.0004, 0.0, 0.0004)
    ]
    for c in [*model.threshold, "unlisted"]:
        t_cal, t_raw = model.threshold_for(c), plain.threshold_for(c)
        assert t_cal != t_raw or c == "unlisted"  # the threshold applies to the calibrated probability
        for p in ps:
            assert (model.on_scale(p) >= t_cal) == (plain.on_scale(p) >= t_raw), (c, p)
    for p in ps:  # a mention below the floor is dropped before the document-level weighing, with or without
        assert (model.on_scale(p) < FLOOR) == (plain.on_scale(p) < FLOOR), p
    reported = [model.on_scale(i / 1000) for i in range(1001)]
    assert reported == sorted(reported)  # the order of mentions is kept


def test_raw_threshold_is_the_lowest_probability_the_table_lifts_to_the_threshold(tmp_path) -> None:  # noqa: ANN001
    p = tmp_path / "evidence.yaml"
    p.write_text(
        "version: 1\nintercept: 0\nweights: {}\nthreshold: {default: 0.6}\n"
        "calibration:\n  0.2: 0.1\n  0.5: 0.6\n  1.0: 0.98\n",
        encoding="utf-8",
    )
    m = load_evidence(p)
    t = m.raw_threshold(0.6)
    assert t == 0.5 and m.on_scale(t) >= 0.6 > m.on_scale(t - 0.001)
    assert uncalibrated(m).raw_threshold(0.6) == 0.6  # without a table a threshold is its own


def _fit_script():  # noqa: ANN202 - module object
    spec = importlib.util.spec_from_file_location("fit_evidence", ROOT / "scripts" / "fit_evidence.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def test_the_fitted_floor_table_is_small_anchored_and_read_as_the_model_reads_it() -> None:
    pytest.importorskip("numpy")
    import numpy as np

    fit = _fit_script()
    rng = np.random.default_rng(3)
    score = np.round(rng.random((400, 3)) ** 2, 3)
    gold = rng.random((400, 3)) < score * 0.8
    xs, ys = fit.floor_table(score, gold)
    assert len(xs) <= 12 and (xs[0], ys[0]) == (FLOOR, FLOOR) and xs[-1] == 1.0
    assert (np.diff(xs) > 0).all() and (np.diff(ys) >= 0).all() and (ys[1:] > FLOOR).all()
    m = dataclasses.replace(load_evidence(), calibration=tuple(zip(xs.tolist(), ys.tolist(), strict=True)))
    grid = np.arange(1001) / 1000
    assert fit.on_scale(grid, (xs, ys)).tolist()[1:] == [m.on_scale(float(v)) for v in grid[1:]]


def _labelled_texts(limit: int | None) -> list[tuple[str, str]]:
    files = sorted((ROOT / "tests").glob("heldout*/*.jsonl"))
    files += sorted((SHARED / "corpus" / "labelled").glob("*.jsonl"))
    files += sorted((ROOT / "corpus" / "dev").glob("*.jsonl"))
    out = []
    for f in files:
        rows = [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
        out += [(f"{f.stem}:{r['id']}", r["text"]) for r in rows if r.get("text")][:limit]
    return out


def _decisions_alike(limit: int | None) -> int:
    """Scan labelled texts with the shipped model and with it uncalibrated: the same findings (rule,
    category, kind, text, place) must come out; only confidences and reasons may differ."""
    calibrated_det = Detector()
    plain_det = Detector()
    plain_det.tech.evidence = uncalibrated(calibrated_det.tech.evidence)
    texts = _labelled_texts(limit)
    assert texts
    moved = 0
    for name, text in texts:
        document = doc(*[p for p in text.split("\n\n") if p.strip()])
        a = calibrated_det.detect(document)
        b = plain_det.detect(document)
        key = [(f.rule_id, f.category, f.kind, f.text, f.start, f.block_index) for f in a]
        assert key == [(f.rule_id, f.category, f.kind, f.text, f.start, f.block_index) for f in b], name
        moved += sum(x.confidence != y.confidence for x, y in zip(a, b, strict=True))
    return moved


def test_the_shipped_calibration_keeps_every_finding_of_labelled_texts() -> None:
    assert _decisions_alike(15) > 0  # confidences moved, findings did not


@pytest.mark.slow
def test_the_shipped_calibration_keeps_every_finding_of_every_labelled_text() -> None:
    if not (SHARED / "corpus" / "labelled").is_dir():
        pytest.skip("../shared/corpus/labelled is not present")
    assert _decisions_alike(None) > 0
