"""Guarantees for untrusted input: no network, inputs never modified, nothing lost in a mixed batch."""

from __future__ import annotations

import hashlib
import socket
from pathlib import Path

import pytest

from grantscan.config import Config
from grantscan.runner import scan_path, scan_text

from .conftest import RISKY_TEXT, SAMPLES, SHARED, needs_shared


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Make every attempt to open a connection fail loudly and record it."""
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        attempts.append(args)
        raise OSError("network access attempted during a scan")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_full_scan_opens_no_network_connection(no_network: list[tuple], tmp_path: Path) -> None:
    result = scan_path([SAMPLES], Config(jobs=1, cache=False))
    assert no_network == []
    assert {d.status for d in result.documents} == {"ok"}
    assert any(d.findings for d in result.documents)


def test_scan_never_modifies_inputs() -> None:
    files = sorted(p for p in SAMPLES.iterdir() if p.is_file())
    before = {p: (_sha(p), p.stat().st_mtime_ns) for p in files}
    scan_path([SAMPLES], Config(jobs=1, cache=False))
    assert {p: (_sha(p), p.stat().st_mtime_ns) for p in files} == before


@needs_shared
def test_scan_of_stress_corpus_never_modifies_inputs() -> None:
    stress = SHARED / "corpus" / "real" / "stress"
    files = sorted(p for p in stress.rglob("*") if p.is_file())
    before = {p: _sha(p) for p in files}
    result = scan_path([stress], Config(jobs=1, cache=False, timeout=60))
    assert len(result.documents) == len(files)
    assert {p: _sha(p) for p in files} == before


def _mixed_batch(folder: Path, n: int = 200) -> list[Path]:
    """n files: good text, Markdown, broken PDFs, zero-byte and non-zip DOCX, unsupported and binary junk."""
    makers = [
        lambda i: ("txt", (RISKY_TEXT * (i % 3 + 1)).encode()),
        lambda i: ("md", f"# Draft {i}\n\nWe study reading at home.\n".encode()),
        lambda i: ("pdf", b"%PDF-1.4\n" + bytes(range(256)) * (i % 5)),
        lambda i: ("docx", b""),
        lambda i: ("docx", b"PK\x03\x04 not really a zip" * (i % 4 + 1)),
        lambda i: ("xyz", b"unsupported"),
        lambda i: ("txt", b"\xff\xfe\x00\xd8 invalid \xc3\x28 utf8"),
        lambda i: ("tex", b"\\section{Methods}\n% grantscan test\nWe will build radar.\n"),
    ]
    paths = []
    for i in range(n):
        suffix, data = makers[i % len(makers)](i)
        p = folder / f"f{i:03d}.{suffix}"
        p.write_bytes(data)
        paths.append(p)
    return paths


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_of_200_mixed_files_reports_every_file(tmp_path: Path, jobs: int) -> None:
    paths = _mixed_batch(tmp_path)
    result = scan_path(paths, Config(jobs=jobs, cache=False, timeout=60))
    got = [d.path for d in result.documents]
    assert got == [str(p) for p in paths]  # none missing, input order kept
    for d in result.documents:
        assert d.status in ("ok", "error")
        if d.status == "error":
            assert d.error and "\n" not in d.error and d.findings == []
    statuses = {Path(d.path).suffix: d.status for d in result.documents}
    assert statuses[".md"] == "ok" and statuses[".xyz"] == "error" and statuses[".docx"] == "error"


def test_scan_text_api_returns_dataclasses() -> None:
    r = scan_text(RISKY_TEXT)
    assert r.status == "ok"
    cats = {f.category for f in r.findings if f.kind == "finding"}
    assert {"robotics", "defence", "country"} <= cats
    for f in r.findings:
        assert f.why and f.action and f.links, f.rule_id
