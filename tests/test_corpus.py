"""The labelled corpus under corpus/ is well formed, and the validator catches each kind of malformed row."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("check_corpus", ROOT / "scripts" / "check_corpus.py")
assert _spec is not None and _spec.loader is not None
check_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_corpus)

GOOD = {
    "id": "t-1",
    "text": "We develop a radar for drones.",
    "categories": ["robotics", "sensing"],
    "countries": ["GB"],
    "declarations": [],
    "notes": "",
    "source": "demo",
    "group": "",
}
README = "# corpus\n\n| source key | where |\n|---|---|\n| `demo` | test |\n"


def test_shipped_corpus_is_valid() -> None:
    errors, rows = check_corpus.check(ROOT / "corpus")
    assert errors == []
    assert rows >= 100


def _group_for(side: str) -> str:
    """A group key that the split rule puts on ``side``."""
    return next(f"g{i}" for i in range(1000) if check_corpus.frozen_side(f"g{i}") == side)


def _write(tmp_path: Path, rows: list[dict], name: str = "abstracts.jsonl", side: str = "dev") -> Path:
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    (tmp_path / side).mkdir(exist_ok=True)
    lines = [json.dumps({**GOOD, "group": _group_for(side), **r}) for r in rows]
    (tmp_path / side / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_good_row_passes(tmp_path: Path) -> None:
    errors, rows = check_corpus.check(_write(tmp_path, [{}]))
    assert (errors, rows) == ([], 1)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"categories": ["warp-drive"]}, "not a taxonomy id"),
        ({"declarations": ["clause-teleport"]}, "not a taxonomy id"),
        ({"countries": ["UK"]}, "not an ISO 3166-1 alpha-2 code"),
        ({"categories": ["sensing", "robotics"]}, "not sorted"),
        ({"countries": ["GB", "GB"]}, "not sorted and de-duplicated"),
        ({"declarations": ["sensing"]}, "both finding and declaration"),
        ({"categories": ["clause-ip"]}, "outside an agreements file"),
        ({"source": "nowhere"}, "not in the sources table"),
        ({"notes": "copied from /tmp/x"}, "machine path"),
        ({"text": " "}, "'text' is empty"),
        ({"colour": "red"}, "unknown fields"),
    ],
)
def test_malformed_row_is_reported(tmp_path: Path, change: dict, message: str) -> None:
    errors, _ = check_corpus.check(_write(tmp_path, [change]))
    assert any(message in e for e in errors), errors


def test_missing_field_is_reported(tmp_path: Path) -> None:
    corpus = _write(tmp_path, [{}])
    path = corpus / "dev" / "abstracts.jsonl"
    row = json.loads(path.read_text(encoding="utf-8"))
    del row["group"]
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    errors, _ = check_corpus.check(corpus)
    assert any("missing ['group']" in e for e in errors)


@pytest.mark.parametrize("name", ["agreements.jsonl", "agreements2.jsonl"])
def test_clause_ids_allowed_in_agreements(tmp_path: Path, name: str) -> None:
    errors, _ = check_corpus.check(_write(tmp_path, [{"categories": ["clause-ip"]}], name=name))
    assert errors == []


@pytest.mark.parametrize("name", ["abstracts2.jsonl", "solicitations2.jsonl", "proposals2.jsonl"])
def test_clause_ids_rejected_in_later_non_agreement_files(tmp_path: Path, name: str) -> None:
    errors, _ = check_corpus.check(_write(tmp_path, [{"categories": ["clause-security"]}], name=name))
    assert any("outside an agreements file" in e for e in errors), errors


def test_later_files_share_ids_and_groups_with_earlier_ones(tmp_path: Path) -> None:
    corpus = _write(tmp_path, [{"id": "same"}], name="abstracts.jsonl")
    group = _group_for("dev")
    (corpus / "dev" / "abstracts2.jsonl").write_text(
        json.dumps({**GOOD, "id": "same", "group": group}) + "\n"
    )
    frozen_group = _group_for("frozen")
    (corpus / "frozen").mkdir()
    (corpus / "frozen" / "proposals2.jsonl").write_text(
        json.dumps({**GOOD, "id": "other", "group": frozen_group}) + "\n"
    )
    errors, rows = check_corpus.check(corpus)
    assert rows == 3
    assert any("already used" in e for e in errors), errors


def test_invalid_json_and_duplicate_ids(tmp_path: Path) -> None:
    corpus = _write(tmp_path, [{}, {}])
    with (corpus / "dev" / "abstracts.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    errors, _ = check_corpus.check(corpus)
    assert any("already used" in e for e in errors)
    assert any("invalid JSON" in e for e in errors)


def test_group_on_wrong_side_is_reported(tmp_path: Path) -> None:
    corpus = _write(tmp_path, [{"group": _group_for("frozen")}], side="dev")
    errors, _ = check_corpus.check(corpus)
    assert any("belongs in frozen/" in e for e in errors)


def test_split_rule_is_deterministic_and_near_thirty_percent() -> None:
    groups = [f"group-{i}" for i in range(2000)]
    sides = [check_corpus.frozen_side(g) for g in groups]
    assert sides == [check_corpus.frozen_side(g) for g in groups]
    assert 0.25 < sides.count("frozen") / len(sides) < 0.35
