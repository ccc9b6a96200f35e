"""Long-lived runs build the detector once: ``scan --watch`` rescans only what was saved, ``serve`` answers
JSON-line requests; both keep the worker processes (memory cap, timeout) between scans."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from grantscan.config import Config
from grantscan.runner import Runner, watch
from grantscan.serve import serve
from tests.fixtures.pipeline import fakes


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Routes the pipeline through the fakes and counts how many scanners were built."""
    return fakes.count_builds(monkeypatch)


def test_watch_rescans_only_saved_files_with_one_detector(tmp_path: Path, counted: list[object]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("A drone.\n", encoding="utf-8")
    b.write_text("Nothing.\n", encoding="utf-8")
    scans: list[list[tuple[str, int]]] = []

    def on_scan(result: object) -> None:
        scans.append([(Path(d.path).name, len(d.findings)) for d in result.documents])  # type: ignore[attr-defined]
        if len(scans) == 1:
            b.write_text("A military drone in Iran.\n", encoding="utf-8")

    with Runner(Config(cache=False, jobs=1)) as runner:
        watch(runner, [tmp_path], on_scan, interval=0.05, stop=lambda: len(scans) >= 2)
    assert scans == [[("a.txt", 1), ("b.txt", 0)], [("b.txt", 3)]]
    assert len(counted) == 1
    assert sorted(Path(p).name for p in fakes.CALLS) == ["a.txt", "b.txt", "b.txt"]


def test_serve_answers_each_request_with_one_detector(tmp_path: Path, counted: list[object]) -> None:
    f = tmp_path / "p.md"
    f.write_text(fakes.RISKY + "\n", encoding="utf-8")
    requests = [
        json.dumps({"id": 1, "path": str(f)}),
        json.dumps({"id": 2, "text": "A drone.", "name": "draft.md"}),
        "not json",
        json.dumps({"id": 4, "nothing": True}),
        json.dumps({"id": 5, "path": str(tmp_path / "missing.pdf")}),
    ]
    out = io.StringIO()
    with Runner(Config(cache=False, jobs=1)) as runner:
        failed = serve(runner, requests, out)
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [a.get("id") for a in answers] == [1, 2, None, 4, 5]
    assert {x["category"] for x in answers[0]["result"]["documents"][0]["findings"]} == {
        "robotics",
        "defence",
        "country",
    }
    assert answers[1]["result"]["documents"][0]["path"] == "draft.md"
    assert "not JSON" in answers[2]["error"] and "needs 'path'" in answers[3]["error"]
    assert answers[4]["result"]["documents"][0]["status"] == "error"
    assert failed == 2 and len(counted) == 1


def test_serve_command_reads_requests_from_standard_input(tmp_path: Path, counted: list[object]) -> None:
    from click.testing import CliRunner

    from grantscan.cli import main

    requests = (
        json.dumps({"id": "a", "text": fakes.RISKY}) + "\n" + json.dumps({"id": "b", "text": "x"}) + "\n"
    )
    out = CliRunner().invoke(main, ["serve", "--no-cache", "--jobs", "1"], input=requests)
    assert out.exit_code == 0, out.output
    answers = [json.loads(line) for line in out.stdout.splitlines()]
    assert [a["id"] for a in answers] == ["a", "b"] and answers[0]["result"]["documents"][0]["findings"]
    assert len(counted) == 1
