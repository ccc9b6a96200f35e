"""The clause model: candidate features, the cue and model files, and the model path of the clause detector."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from grantscan.config import Config
from grantscan.detect import Detector
from grantscan.detect.clauses import ClauseDetector
from grantscan.detect.clauses.evidence import (
    CLAUSE_FEATURES,
    document_features,
    load_clause_model,
    load_cues,
    sentence_features,
)
from grantscan.knowledge.loader import PackError
from grantscan.knowledge.taxonomy import CLAUSE_CATEGORIES
from grantscan.model import Document, Location, TextBlock

ROOT = Path(__file__).resolve().parents[1]
CUES = load_cues()

# No rule of clauses.yaml matches this sentence; "arbitration" and "dispute" are clause-law cues.
CUE_ONLY = "Any dispute arising between the parties will be settled by arbitration in Geneva."


def _features(kind: str, sent: str, **kw: object) -> dict[str, float]:
    args: dict[str, object] = {
        "operative": False,
        "party": False,
        "denial": False,
        "heading_cats": frozenset(),
    }
    args.update(kw)
    feats, _ = sentence_features(kind, sent, sent.lower(), CUES.kinds[kind], None, **args)  # type: ignore[arg-type]
    return {k: f.value for k, f in feats.items()}


def test_every_clause_kind_has_cues_and_specific_cues() -> None:
    assert set(CUES.kinds) == set(CLAUSE_CATEGORIES)
    for kind, cues in CUES.kinds.items():
        assert cues.cues and cues.specific, kind


def test_cue_features_of_an_export_sentence() -> None:
    sent = "The Recipient shall not re-export controlled items to any embargoed destination."
    f = _features("clause-export", sent, operative=True, party=True)
    # re-export, controlled items, embargo(ed): three distinct cues
    assert f["cue.count"] == pytest.approx(math.log1p(3), abs=1e-3)
    assert f["cue.distinct"] == pytest.approx(math.log1p(3), abs=1e-3)
    assert f["cue.specific"] == 1.0
    assert f["sentence.operative"] == f["sentence.party"] == 1.0
    assert "rule.strong" not in f and "sentence.title" not in f


def test_cues_match_at_word_starts_and_short_cues_whole_words() -> None:
    ip = CUES.kinds["clause-ip"]
    assert ip.count("the licensee may sublicense the software")[0] == 2  # licen(see), sublicen(se)
    assert ip.count("ipsum lorem")[0] == 0  # "ip" must be a whole word
    assert ip.count("all ip in the results")[1] == {"ip", "results"}


def test_sentence_shape_features() -> None:
    assert _features("clause-ip", '"Background" means all intellectual property of a party.')[
        "sentence.definition"
    ]
    assert _features("clause-ip", "7.2 The Licensee will assign all patents.")["sentence.numbered"]
    assert _features("clause-law", "Governing Law")["sentence.title"]
    assert "sentence.title" not in _features("clause-law", "This Agreement is governed by English law.")
    under = _features("clause-law", CUE_ONLY, heading_cats=frozenset({"clause-law"}))
    assert under["heading.same"] == 1.0 and "heading.other" not in under
    other = _features("clause-law", CUE_ONLY, heading_cats=frozenset({"clause-ip"}))
    assert other["heading.other"] == 1.0 and "heading.same" not in other


def test_document_features() -> None:
    f = document_features("agreement", 0.5, 2)
    assert f["doctype.agreement"].value == 1.0 and "doctype.unknown" not in f
    assert f["document.agreement"].value == 0.5
    assert f["support.document"].value == pytest.approx(math.log1p(2), abs=1e-3)
    assert "doctype.unknown" in document_features("unknown", 0.0, 0)
    assert not document_features("proposal", 0.0, 0)


def test_every_feature_computed_is_a_named_feature() -> None:
    f = _features("clause-ip", '7.1 "Results" shall vest in the Licensee.', operative=True, party=True)
    f.update({k: v.value for k, v in document_features("agreement", 1.0, 3).items()})
    assert set(f) <= set(CLAUSE_FEATURES)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_cue_file_errors_name_file_and_line(tmp_path: Path) -> None:
    bad = _write(
        tmp_path,
        "cues.yaml",
        "version: 1\nkinds:\n  clause-law:\n    cues: [governing law]\n    specific: ['gov(erned']\n",
    )
    with pytest.raises(PackError) as e:
        load_cues(bad)
    assert "cues.yaml:5" in str(e.value) and "must be words" in str(e.value)
    unknown = _write(
        tmp_path, "cues2.yaml", "version: 1\nkinds:\n  clause-law:\n    cues: [law]\n  clause-x:\n"
    )
    with pytest.raises(PackError) as e:
        load_cues(unknown)
    assert "cues2.yaml:5" in str(e.value) and "unknown clause kind" in str(e.value)


MODEL = """version: 1
intercept: -3.0
weights:
  rule.strong: 4.0
  rule.pattern: 3.0
  cue.count: 2.0
  cue.specific: 1.0
  doctype.agreement: 0.5
bias:
  clause-law: 0.5
threshold:
  default: 0.5
"""


def test_model_file_errors_name_file_and_line(tmp_path: Path) -> None:
    p = _write(
        tmp_path, "m.yaml", MODEL.replace("  cue.specific: 1.0\n", "  cue.specific: 1.0\n  cue.magic: 1.0\n")
    )
    with pytest.raises(PackError) as e:
        load_clause_model(p)
    assert "m.yaml:8" in str(e.value) and "unknown weights name 'cue.magic'" in str(e.value)
    p = _write(tmp_path, "t.yaml", MODEL.replace("default: 0.5", "default: 1.5"))
    with pytest.raises(PackError) as e:
        load_clause_model(p)
    assert "t.yaml:12" in str(e.value)


def test_model_file_is_read_and_scored_without_scikit_learn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sklearn", None)  # importing scikit-learn now fails
    model = load_clause_model(_write(tmp_path, "m.yaml", MODEL))
    feats = document_features("agreement", 0.0, 0)
    feats.update(
        sentence_features(
            "clause-law",
            CUE_ONLY,
            CUE_ONLY.lower(),
            CUES.kinds["clause-law"],
            None,
            operative=False,
            party=False,
            denial=False,
            heading_cats=frozenset(),
        )[0]
    )
    z = -3.0 + 0.5 + 2.0 * feats["cue.count"].value + 0.5 + 1.0 * feats.get("cue.specific", _zero()).value
    assert model.probability("clause-law", feats) == round(1 / (1 + math.exp(-z)), 3)


def _zero():  # noqa: ANN202
    from grantscan.detect.evidence import Feature

    return Feature(0.0)


def _doc(*paragraphs: str) -> Document:
    return Document(
        path="t.txt",
        format="text",
        blocks=[TextBlock(p, Location(line=i + 1)) for i, p in enumerate(paragraphs)],
    )


@pytest.fixture(scope="module")
def detector(tmp_path_factory: pytest.TempPathFactory) -> Detector:
    det = Detector(Config())
    path = tmp_path_factory.mktemp("model") / "clause_evidence.yaml"
    path.write_text(MODEL, encoding="utf-8")
    det.parts["clauses"].model = load_clause_model(path)
    return det


def test_cue_only_sentence_in_an_agreement_is_a_clause(detector: Detector) -> None:
    found = [f for f in detector.detect(_doc(CUE_ONLY), doctype="agreement") if f.category == "clause-law"]
    # the document risks read the cue finding too: a forum outside the UK (Geneva)
    assert sorted(f.rule_id for f in found) == ["clause-law-cues", "clause-law-non-uk"]
    f = next(f for f in found if f.rule_id == "clause-law-cues")
    assert f.kind == "finding" and 0.5 <= f.confidence < 1
    assert f.reasons[0].startswith("+") or f.reasons[0].startswith(
        "-"
    )  # the base log-odds, then each feature
    assert any(r.startswith("+") and "cue: count" in r for r in f.reasons)
    assert f.reasons[-1].startswith(f"= {f.confidence:.2f}")


def test_cue_only_sentence_in_a_proposal_is_not(detector: Detector) -> None:
    assert not [f for f in detector.detect(_doc(CUE_ONLY), doctype="proposal") if f.category == "clause-law"]


def test_question_is_a_declaration_not_a_candidate(detector: Detector) -> None:
    q = "Will any dispute be settled by arbitration, and is the agreement governed by the laws of France?"
    found = [f for f in detector.detect(_doc(q), doctype="agreement") if f.category == "clause-law"]
    assert found and all(f.kind == "declaration" for f in found)


def test_model_confidence_replaces_the_hand_set_one(detector: Detector) -> None:
    sent = "This Agreement shall be governed by the laws of England and Wales."
    law = [f for f in detector.detect(_doc(sent), doctype="agreement") if f.rule_id == "clause-governing-law"]
    assert len(law) == 1
    assert any("rule: strong" in r for r in law[0].reasons)
    assert law[0].confidence > 0.9


def test_record_lists_candidates_and_the_rules_kinds() -> None:
    det = Detector(Config())
    clauses: ClauseDetector = det.parts["clauses"]
    clauses.record = []
    det.detect(_doc("The Licensee shall indemnify the Licensor.", CUE_ONLY), doctype="agreement")
    kinds = {(k, r) for k, _, r in clauses.record}
    assert ("clause-liability", "clause-liability") in kinds and ("clause-law", "") in kinds
    assert clauses.record_rules == {"clause-liability"}
    clauses.record = None


def test_without_a_model_the_rules_decide(tmp_path: Path) -> None:
    det = Detector(Config())
    det.parts["clauses"].model = None
    assert not [f for f in det.detect(_doc(CUE_ONLY), doctype="agreement") if f.category == "clause-law"]


def test_fit_script_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """fit_clauses.py fits on recorded candidates and writes a model file the scan path reads."""
    pytest.importorskip("sklearn")
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    import fit_clauses as fc
    import fit_evidence as fe

    # fe.use repoints the fitting functions; the originals come back after the test
    monkeypatch.setattr(fe, "FEATURES", fe.FEATURES)
    monkeypatch.setattr(fe, "CATS", fe.CATS)

    assert fc.origin_of({"source": "bonterms"}, "dev/agreements") == "source:bonterms"
    assert fc.origin_of({}, "heldout/agreements") == "file:heldout/agreements"
    fe.use(CLAUSE_FEATURES, fc.KINDS)
    docs = []
    for i in range(40):
        pos = i % 2 == 0
        feats = {"cue.count": 1.1 if pos else 0.7, "sentence.operative": 1.0 if pos else 0.0}
        docs.append(
            {
                "id": f"d{i}",
                "set": "s",
                "group": f"g{i % 8}",
                "gold": ["clause-law"] if pos else [],
                "rules": [],
                "mentions": [["clause-law", feats, ""]],
            }
        )
    model = fe.fit_docs(docs, 1.0)
    out = tmp_path / "clause_evidence.yaml"
    monkeypatch.setattr(fc, "OUT", out)
    fc.write_model(model, docs, {"default": 0.5}, 1.0, [str(ROOT / "corpus" / "dev" / "agreements.jsonl")])
    loaded = load_clause_model(out)
    assert loaded.size == 40 and loaded.weights["sentence.operative"] > 0
    pred, _ = fe.nested_cv(docs, 1.0, k=4)
    assert pred[:, fc.KINDS.index("clause-law")].tolist() == [d["gold"] == ["clause-law"] for d in docs]
