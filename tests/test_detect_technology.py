"""Technology detection through the real Detector: categories, context, explanation, locations, grouping,
document-level weighing, configuration and speed."""

from __future__ import annotations

import math
import time

import pytest

from grantscan.config import Config
from grantscan.detect import Detector, TechDetector, build_nlp
from grantscan.detect.evidence import load_evidence
from grantscan.model import Document, Finding, Location, TextBlock


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(Config())


def doc(*paragraphs: str, fmt: str = "text") -> Document:
    blocks, line = [], 1
    for p in paragraphs:
        blocks.append(TextBlock(p, Location(line=line, column=1)))
        line += p.count("\n") + 2
    return Document("t.txt", fmt, blocks)


def tech(found: list[Finding], category: str | None = None) -> list[Finding]:
    return [f for f in found if f.kind == "finding" and (category is None or f.category == category)]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("We will fine-tune a large language model to summarise clinical letters.", "ai"),
        ("We will demonstrate entanglement-based quantum key distribution over deployed fibre.", "quantum"),
        ("The PhD will design a RISC-V processor core and tape it out in 28 nm CMOS.", "semiconductors"),
        ("We will fuzz automotive firmware to discover exploitable vulnerabilities.", "cyber"),
        ("We will design GaN power amplifiers for a 6G mmWave front end.", "comms"),
        ("Ultra-high-temperature ceramics will be developed for hypersonic leading edges.", "materials"),
        ("We will build a swarm of quadcopter UAVs for search and rescue.", "robotics"),
        ("The project develops space situational awareness software for orbital debris.", "space"),
        ("A reusable rocket engine will be designed and hot-fire tested.", "aerospace"),
        ("We will model neutron transport in a small modular reactor core.", "nuclear"),
        ("We will perform gain-of-function experiments on avian influenza.", "bio"),
        ("Energetic materials and rocket propellants will be formulated and tested.", "chem"),
        ("We develop a synthetic aperture radar processing chain.", "sensing"),
        (
            "Facial recognition models will be trained to identify pedestrians in CCTV footage.",
            "surveillance",
        ),
        ("The system will be developed for military use with the British Army.", "defence"),
    ],
)
def test_each_category_is_detected(detector: Detector, text: str, category: str) -> None:
    assert tech(detector.detect(doc(text)), category)


def test_finding_carries_location_offsets_context_and_reasons(detector: Detector) -> None:
    text = "Background paragraph without technology.\nSecond line: we will train a deep learning model here."
    found = tech(detector.detect(doc("Title line", text)), "ai")
    assert len(found) == 1
    f = found[0]
    assert f.block_index == 1 and text[f.start : f.end].lower() == "deep learning"
    assert f.location.line == 4 and f.location.column == text.index("deep") - text.index("\n")
    assert f.context.startswith("Second line: we will train") and "\n" not in f.context
    assert f.reasons[0] == "rule ai-deep-learning ('deep learning')"
    assert any(r.startswith("+") and "verb: build ('train')" in r for r in f.reasons)
    threshold = load_evidence().threshold_for("ai")
    assert f.reasons[-1] == f"= {f.confidence:.2f} (threshold {threshold:.2f})"
    assert f.confidence >= threshold and f.subcategory == "ai/deep-learning"


def test_reasons_add_up_to_the_reported_confidence(detector: Detector) -> None:
    found = tech(
        detector.detect(
            doc(
                "We will train deep learning models for military drones. "
                "Deep learning is central to the work."
            )
        )
    )
    assert found
    for f in found:
        # the base and every feature's contribution are log-odds; their sum is the confidence's logit
        total = sum(float(r.split(" ", 1)[0]) for r in f.reasons if r[:1] in "+-")
        assert abs(1 / (1 + math.exp(-total)) - f.confidence) < 0.02, f.reasons


def test_long_sentence_context_is_trimmed_around_the_match(detector: Detector) -> None:
    filler = "and the consortium will also meet regularly " * 12
    text = f"We will build quadcopter drones {filler}to test the prototypes."
    f = tech(detector.detect(doc(text)), "robotics")[0]
    assert "quadcopter drones" in f.context and len(f.context) <= 260


def test_repeated_mentions_are_grouped_with_all_occurrences(detector: Detector) -> None:
    paras = [
        "We will build autonomous drones for forest mapping.",
        "The drones carry lidar.",
        "Each drone is charged overnight.",
    ]
    found = tech(detector.detect(doc(*paras)), "robotics")
    assert len(found) == 1
    f = found[0]
    assert f.count == 3 and [o.line for o in f.occurrences] == [1, 3, 5]
    assert f.location == f.occurrences[0]
    assert any("support: document" in r and "('3 sentences')" in r for r in f.reasons)


def test_repetition_lifts_a_weak_signal_and_a_single_weak_mention_is_dropped(detector: Detector) -> None:
    once = "Robotics is one of the themes of the department."
    assert not tech(detector.detect(doc(once)), "robotics")
    central = [
        "Soft robots for rehabilitation",
        "We will build soft robots that assist grasping.",
        "The robots are tested with patients.",
        "Robot control uses tactile feedback.",
    ]
    assert tech(detector.detect(doc(*central)), "robotics")


def test_passing_mentions_are_weaker_than_central_ones(detector: Detector) -> None:
    central = tech(detector.detect(doc("We will develop a synthetic aperture radar for drones.")), "sensing")
    passing = tech(
        detector.detect(doc("Radar has been used in previous studies, e.g. by other groups.")), "sensing"
    )
    assert central and not passing


def test_negated_mention_is_a_denial_not_a_finding(detector: Detector) -> None:
    found = detector.detect(doc("No machine learning will be used in this study of river sediments."))
    assert not tech(found, "ai")
    assert [f.answer for f in found if f.category == "ai" and f.kind == "declaration"] == ["no"]


def test_a_rare_mention_in_a_long_document_is_dropped(detector: Detector) -> None:
    filler = "The work package reviews progress with partners and publishes open-access papers. " * 40
    mention = "We will develop post-quantum cryptography to sign the sensor data."
    assert not tech(detector.detect(doc(*([filler] * 12), mention)), "cyber")
    assert tech(detector.detect(doc(mention)), "cyber")


def test_newlines_inside_a_block_do_not_break_phrases(detector: Detector) -> None:
    found = tech(detector.detect(doc("We will demonstrate quantum key\ndistribution over fibre.")), "quantum")
    assert found and found[0].text.split() == ["quantum", "key", "distribution"]


def test_categories_setting_limits_the_rules() -> None:
    d = Detector(Config(categories=["robotics"]))
    found = tech(d.detect(doc("We will train deep learning models to steer quadcopter drones.")))
    assert {f.category for f in found} == {"robotics"}


def test_scope_limits_a_rule_to_document_parts(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "p.yaml").write_text(
        "pack: p\nversion: 1\nrules:\n  - id: widget\n    category: materials\n    score: 0.9\n"
        "    terms: [unobtainium]\n    scope: [body]\n",
        encoding="utf-8",
    )
    d = Detector(Config(extra_packs=[tmp_path / "p.yaml"]))
    body = TextBlock("Unobtainium plates.", Location(part="body", paragraph=0))
    note = TextBlock("Unobtainium plates.", Location(part="footnote", paragraph=0))
    assert [f.rule_id for f in tech(d.detect(Document("x.docx", "docx", [body])))] == ["widget"]
    assert not tech(d.detect(Document("x.docx", "docx", [note])))


@pytest.mark.bench  # a timing check: run with -m bench (speed is measured by scripts/bench.py)
def test_detector_builds_fast_and_scales_with_text() -> None:
    nlp = build_nlp()
    t = time.perf_counter()
    td = TechDetector(nlp, Config())
    build = time.perf_counter() - t
    words = (
        "grant proposal work package partner review data model impact drones lidar deep learning "
        "vaccine policy survey method analysis results"
    ).split()
    blocks = [
        TextBlock(
            " ".join(words[(i * 7 + j) % len(words)] for j in range(300)) + ".", Location(page=i // 10 + 1)
        )
        for i in range(150)
    ]  # ~300k characters in total
    document = Document("big.pdf", "pdf", blocks)
    t = time.perf_counter()
    raw = []
    for i, (b, sdoc) in enumerate(zip(blocks, nlp.pipe(b.text for b in blocks), strict=True)):
        raw += td.find(sdoc, b, i)
    td.finalize(document, raw, [])
    elapsed = time.perf_counter() - t
    assert sum(len(b.text) for b in blocks) > 250_000
    assert build < 2.0, f"TechDetector build took {build:.2f}s"
    assert elapsed < 2.0, f"300k characters took {elapsed:.2f}s"


def test_requires_patterns_and_negative_context_of_a_pack(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "p.yaml").write_text(
        "pack: p\nversion: 1\ncategory: sensing\nrules:\n"
        "  - id: weak-sonar\n    score: 0.9\n    terms: [pinger]\n"
        "    requires: {terms: [transducer, sonar array], window: paragraph}\n"
        "    negative_context: {words: [toy], window: 3, weight: 0.4}\n"
        "  - id: band-pattern\n    score: 0.9\n"
        "    patterns: [[{LOWER: {IN: [x, ku, ka]}}, {ORTH: '-', OP: '?'}, {LOWER: band}, {LOWER: radar}]]\n",
        encoding="utf-8",
    )
    d = Detector(Config(extra_packs=[tmp_path], categories=["sensing"]))

    def rules(*paras: str) -> set[str]:
        return {f.rule_id for f in tech(d.detect(doc(*paras)))}

    assert "weak-sonar" not in rules("A pinger marks the mooring.")
    # the required word is one no shipped pack lists, so the shipped sensing vocabulary adds no support here
    assert "weak-sonar" in rules("A pinger marks the mooring.\nThe transducer records it.")
    assert "weak-sonar" not in rules("A toy pinger marks the mooring; the transducer records it.")
    assert "band-pattern" in rules("The Ku-band radar is calibrated.")
    assert "band-pattern" not in rules("The rock band played.")


# ---- research action, answers, denials and comparisons (causes of missed or false findings) ----


def _cats(detector: Detector, *paragraphs: str) -> set[str]:
    return {f.category for f in tech(detector.detect(doc(*paragraphs)))}


@pytest.mark.parametrize(
    "text",
    [
        "This consortium develops tokamak divertor diagnostics.",  # present tense, any subject
        "Irradiated cladding from a research reactor is examined in a hot cell.",  # present passive
        "Turbofan inlets will be machined from titanium and tested in an icing tunnel.",  # future passive
        "We will express and purify ricin A-chain variants.",  # coordinated verbs after the subject
    ],
)
def test_research_action_in_any_form_lifts_a_single_clear_term(detector: Detector, text: str) -> None:
    assert tech(detector.detect(doc(text))), text


def test_research_action_lifts_every_term_of_the_sentence_not_only_the_nearest(detector: Detector) -> None:
    text = (
        "We will design the onboard processing unit and calibration routines of a small Ku-band "
        "interferometric radar satellite."
    )
    found = tech(detector.detect(doc(text)), "space")
    assert found and any("verb: research" in r or "verb: build" in r for r in found[0].reasons)


def test_background_and_negated_actions_do_not_lift(detector: Detector) -> None:
    assert "ai" not in _cats(
        detector, "Convolutional networks have been developed by many groups for this task."
    )
    assert "robotics" not in _cats(
        detector, "Uses include drones and delivery vans, although none of these is studied here."
    )


def test_yes_answer_boosts_the_text_that_follows_instead_of_penalising_it(detector: Detector) -> None:
    found = tech(
        detector.detect(
            doc(
                "Military or dual-use potential: Yes. Flight tests of a scramjet inlet "
                "are planned with the armed forces."
            )
        )
    )
    assert {"aerospace", "defence"} <= {f.category for f in found}
    assert any("form: yes" in r for f in found for r in f.reasons)


def test_closed_question_answered_yes_is_a_finding(detector: Detector) -> None:
    assert "nuclear" in _cats(
        detector,
        "Will radioactive sources be handled? Yes. Spent fuel from a research "
        "reactor is examined in the hot cells.",
    )


def test_sentence_with_a_colon_is_not_an_admin_field(detector: Detector) -> None:
    found = tech(
        detector.detect(doc("Gene drives are our central tool: we will engineer mosquitoes to carry them."))
    )
    assert found and not any("administrative" in r for f in found for r in f.reasons)


def test_denial_extends_over_a_coordinated_list(detector: Detector) -> None:
    found = detector.detect(doc("The study has no defence, intelligence or military end use."))
    assert not tech(found, "defence")
    assert [f for f in found if f.kind == "declaration" and f.category == "defence"]


@pytest.mark.parametrize(
    "text",
    [
        "Deep learning is outside the scope of this project; we fit linear mixed models.",
        "Neural networks will not be used; all models are mechanistic.",
    ],
)
def test_technology_denied_after_the_term_is_not_a_finding(detector: Detector, text: str) -> None:
    assert "ai" not in _cats(detector, text)


def test_comparison_is_not_the_subject_of_the_work(detector: Detector) -> None:
    assert "aerospace" not in _cats(
        detector, "Like rocket engines, the domestic stoves we study show thermoacoustic instability."
    )
    assert "aerospace" in _cats(detector, "We study thermoacoustic instability in rocket engines.")


def test_research_verbs_file_errors_name_file_and_line(tmp_path) -> None:  # noqa: ANN001
    from grantscan.detect.context import load_actions
    from grantscan.knowledge.loader import PackError

    good = load_actions()
    assert "develops" in good.verbs["build"] and "development of" in good.nouns["build"]
    bad = tmp_path / "research_verbs.yaml"
    bad.write_text(
        "version: 1\nbuild:\n  verbs: [develop]\n  nuons: [design of]\napply:\n  verbs: [use]\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError, match=r"research_verbs.yaml:4: .*unknown key 'nuons'"):
        load_actions(bad)


def test_restricting_a_use_does_not_deny_the_technology(detector: Detector) -> None:
    found = detector.detect(doc("The survey drones we build will not be used for military purposes."))
    assert tech(found, "robotics")
    assert not tech(found, "defence")


def test_scoring_one_long_block_grows_linearly_with_its_hits() -> None:
    nlp = build_nlp()
    td = TechDetector(nlp, Config())
    sentence = (
        "We will develop deep learning models and train drones using lidar and radar with GNSS receivers. "
    )

    def seconds(n: int) -> float:  # the best of three: a busy machine slows single runs, not the best one
        sdoc = nlp(sentence * n)
        hits, _ = td.compiled.hits(sdoc)
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            td.scorer.score(sdoc, hits, False)
            best = min(best, time.perf_counter() - t)
        return best

    seconds(50)  # warm-up
    small, large = seconds(300), seconds(1200)
    assert large < 10 * small + 0.05, (small, large)  # quadratic scoring would take ~16x


def test_two_rules_on_the_same_words_give_one_finding() -> None:
    """'drone swarm' fits both the UAV rule and the uncrewed-systems rule: the report says it once."""
    from grantscan.detect import one_per_span

    loc = Location(line=1, column=1)
    a = Finding(
        "robotics-uav", "robotics", "drone swarms", "", loc, confidence=0.9, block_index=0, start=5, end=17
    )
    b = Finding(
        "robotics-uncrewed",
        "robotics",
        "drone swarms",
        "",
        loc,
        confidence=0.7,
        block_index=0,
        start=5,
        end=17,
    )
    c = Finding(
        "sensing-radar", "sensing", "drone swarms", "", loc, confidence=0.7, block_index=0, start=5, end=17
    )
    d = Finding("robotics-uav", "robotics", "drones", "", loc, confidence=0.8, block_index=1, start=0, end=6)
    assert one_per_span([b, a, c, d]) == [a, c, d]


def _reasons(detector: Detector, text: str, category: str) -> list[str]:
    """Every reason of every mention of ``category``, kept or not: the features a sentence gives a mention."""
    model = detector.tech.evidence
    saved = dict(model.threshold)
    try:
        for cat in list(model.threshold):
            model.threshold[cat] = 0.0
        found = detector.detect(doc(text))
    finally:
        model.threshold.clear()
        model.threshold.update(saved)
    return [r for f in tech(found, category) for r in f.reasons]


def test_a_titled_record_is_not_an_admin_field(detector: Detector) -> None:
    """'Title: subtitle.' followed by a sentence of its own is a record, not a 'Label: value' form line."""
    from grantscan.detect.technology import is_field

    record = (
        "Provably Secure Cryptography Techniques: Effective, Elegant, and Economic. This project aims to "
        "contribute to advanced knowledge and techniques to remove relaxed proof factors from provable security."
    )
    assert not is_field(TextBlock(record, Location(line=1, column=1)))
    assert is_field(TextBlock("Research theme: Cryptography. Keywords: lattices", Location(line=1, column=1)))
    reasons = _reasons(detector, record, "cyber")
    assert reasons and not any("position: field" in r for r in reasons)


def test_a_hedge_word_inside_a_name_does_not_hedge(detector: Detector) -> None:
    """'Future' in 'the Future Combat System' is part of a programme's name; 'future' in prose hedges."""
    named = _reasons(detector, "Robots will be part of the Future Combat System of the army.", "robotics")
    assert named and not any("cue: hedge" in r for r in named)
    hedged = _reasons(detector, "Robots will be part of future combat systems of the army.", "robotics")
    assert any("cue: hedge" in r for r in hedged)


def test_things_that_collaborate_with_each_other_are_not_a_research_partner(detector: Detector) -> None:
    """'vehicles must collaborate with each other' says what the vehicles do, not who the work is done with."""
    machines = _reasons(
        detector, "Unmanned ground vehicles must collaborate with each other to map the site.", "robotics"
    )
    assert machines and not any("verb: collaborate" in r for r in machines)
    partner = _reasons(
        detector,
        "We will develop unmanned ground vehicles in collaboration with a mining company.",
        "robotics",
    )
    assert any("verb: collaborate" in r for r in partner)


_PARTY_RULES = {"defence-agreement-party", "defence-agreement-issuer"}


def _party_findings(detector: Detector, text: str) -> list[Finding]:
    """Defence findings of the party and issuer rules in ``text`` read as an agreement."""
    found = tech(detector.detect(doc(text), doctype="agreement"), "defence")
    return [f for f in found if f.rule_id in _PARTY_RULES]


@pytest.mark.parametrize(
    "text",
    [
        # party
        "This Agreement is made between the Naval Research Laboratory and Acme Robotics Ltd (the Licensee).",
        "Licensor: Defence Science and Technology Laboratory, Porton Down, Salisbury, United Kingdom.",
        "The Agreements Officer of the Air Force Research Laboratory shall approve any change to the budget.",
        # issuer
        "The Army Research Office hereby grants the Recipient a non-exclusive licence to use the data.",
        "COOPERATIVE RESEARCH AND DEVELOPMENT AGREEMENT ACME INSTRUMENTS LTD AND THE OFFICE OF NAVAL RESEARCH "
        "875 NORTH RANDOLPH STREET ARLINGTON",
        # sponsor
        "This software was developed with funds from DARPA under the terms of this licence.",
    ],
)
def test_defence_body_as_party_issuer_or_sponsor_is_defence_in_an_agreement(
    detector: Detector, text: str
) -> None:
    """The end user is the risk: an agreement whose party, issuer or funder is a defence body is a defence
    matter whatever its subject, reported in spite of the agreement discount, with a reason saying why."""
    found = _party_findings(detector, text)
    assert found, text
    assert any("defence body is a party to the agreement" in " ".join(f.reasons) for f in found)


@pytest.mark.parametrize(
    "text",
    [
        # a list of federal agencies in boilerplate
        "Federal agencies such as NASA, the National Institutes of Health, the Department of Energy and the "
        "Department of Defense publish their own cost principles.",
        # DFARS clause titles
        "252.204-7012 Safeguarding Covered Defense Information and Cyber Incident Reporting; 252.225-7048 "
        "Export-Controlled Items; 252.227-7013 Rights in Technical Data - Other Than Commercial Products.",
        # an export notice citing ITAR
        "Export of the software may require a licence under the International Traffic in Arms Regulations "
        "administered by the Department of State.",
    ],
)
def test_defence_body_mentioned_otherwise_is_not_a_party(detector: Detector, text: str) -> None:
    """A defence body named in a list of agencies, a DFARS clause title or an export notice is no party."""
    assert not _party_findings(detector, text)


def test_hedge_in_a_later_nouns_relative_clause_does_not_weaken_the_match(detector: Detector) -> None:
    """A hedge in a relative clause of another noun ("buildings that are possibly unsafe") is about that
    noun, so the match keeps its weight; one in the match's own relative clause still hedges it."""
    other = "The laboratory trains unmanned ground vehicles to map buildings that are possibly unsafe after earthquakes."
    own = "The laboratory trains unmanned ground vehicles that possibly map buildings after earthquakes."
    (kept,) = tech(detector.detect(doc(other)), "robotics")
    (hedged,) = tech(detector.detect(doc(own)), "robotics")
    assert not any("cue: hedge" in r for r in kept.reasons)
    assert any("cue: hedge" in r for r in hedged.reasons)
    assert hedged.confidence < kept.confidence
    # the competition text this family came from: below the robotics threshold while the hedge counted
    scene = "We will investigate the use of autonomous systems to assess scenes that are potentially contaminated."
    assert tech(detector.detect(doc(scene)), "robotics")


def test_group_iii_nitrides_are_semiconductors_and_other_nitrides_are_not(detector: Detector) -> None:
    """III-nitride devices (also with the hyphen of a line break left before a space) are compound
    semiconductors; titanium or boron nitride coatings are not."""
    for text in (
        "The programme funds solid-state ultraviolet detectors made from III- Nitride optoelectronic materials.",
        "We will grow AlGaN and III-nitride heterostructures for ultraviolet photodetectors.",
    ):
        assert tech(detector.detect(doc(text)), "semiconductors"), text
    coating = "The cutting tools carry a titanium nitride coating and a boron nitride insert."
    assert not tech(detector.detect(doc(coating)), "semiconductors")


def test_a_services_needs_are_a_defence_end_use(detector: Detector) -> None:
    """Work done "to meet naval needs" names a defence end use; the same work for marine engineers does not."""
    naval = (
        "Scientists develop procedures for modifying these alloys to meet naval needs for advanced platforms."
    )
    civil = "Scientists develop procedures for modifying these alloys to meet the needs of marine engineers."
    assert tech(detector.detect(doc(naval)), "defence")
    assert not tech(detector.detect(doc(civil)), "defence")
