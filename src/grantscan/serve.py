"""A long-lived scanner for editors and hooks: JSON lines in, JSON lines out, over standard input and output.

Each request is one line: ``{"id": ..., "path": "proposal.docx"}`` or ``{"id": ..., "text": "...", "name":
"draft.md"}``. Each answer is one line: ``{"id": ..., "result": <the JSON report of that one document>}`` or
``{"id": ..., "error": "..."}``. The detector is built once, for the first request; every file is scanned by a
worker process under the memory cap and timeout, as in a batch. No socket is opened: the caller owns the pipes.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from .report.json import report_dict
from .runner import Runner

SUFFIXES = {".txt", ".md", ".markdown", ".tex", ".pdf", ".docx"}


def _answer(runner: Runner, request: Any, tmp: Path) -> dict[str, Any]:
    if not isinstance(request, dict):
        return {"error": "a request is a JSON object with 'path' or 'text'"}
    rid = request.get("id")
    if isinstance(request.get("path"), str):
        result = runner.scan(request["path"])
        if not result.documents:
            return {"id": rid, "error": f"{request['path']}: nothing to scan (unsupported or ignored)"}
    elif isinstance(request.get("text"), str):
        name = str(request.get("name") or "text.txt")
        suffix = Path(name).suffix.lower()
        copy_ = tmp / f"request{suffix if suffix in SUFFIXES - {'.pdf', '.docx'} else '.txt'}"
        copy_.write_text(request["text"], encoding="utf-8")
        result = runner.scan(copy_)
        result.documents[0].path = name
    else:
        return {"id": rid, "error": "a request needs 'path' (a file) or 'text' (a string)"}
    return {"id": rid, "result": report_dict(result)}


def serve(runner: Runner, requests: Iterable[str], out: IO[str]) -> int:
    """Answer every request line until the input ends; returns how many requests failed."""
    failed = 0
    with tempfile.TemporaryDirectory(prefix="grantscan-serve-") as tmp:
        for line in requests:
            if not line.strip():
                continue
            try:
                answer = _answer(runner, json.loads(line), Path(tmp))
            except json.JSONDecodeError as e:
                answer = {"error": f"not JSON: {e.msg} (line {e.lineno}, column {e.colno})"}
            if "error" in answer:
                failed += 1
            out.write(json.dumps(answer, ensure_ascii=False) + "\n")
            out.flush()
    return failed
