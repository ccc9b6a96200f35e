"""What a process imports: the command line loads no heavy library, and a scan of a text file loads neither
spaCy's command line nor training, PDF, Word, HTML-report or machine-learning libraries it does not use.

Checked in a fresh interpreter through ``sys.modules`` (the test process itself has imported everything).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# spaCy's command line and what only it needs; libraries of formats and reports a text scan never asks for
NEVER_AT_SCAN = [
    "spacy.cli",
    "typer",
    "weasel",
    "requests",
    "httpx",
    "sklearn",
    "scipy",
    "pandas",
    "pdfplumber",
    "pypdfium2",
    "pypdf",
    "docx",
    "lxml",
    "jinja2",
]
HEAVY = ["spacy", "numpy", "thinc", "yaml", "rich", "rapidfuzz", "pycountry", "py3langid", *NEVER_AT_SCAN]


def _loaded(code: str, tmp_path: Path) -> set[str]:
    """The modules loaded by ``code`` run in a fresh interpreter (top-level names and dotted ones)."""
    script = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True, timeout=300
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_importing_the_command_line_loads_no_heavy_library(tmp_path: Path) -> None:
    loaded = _loaded("import grantscan.cli", tmp_path)
    assert "grantscan.cli" in loaded
    assert sorted(m for m in HEAVY if m in loaded) == []


def test_version_loads_no_heavy_library(tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        import sys
        from grantscan.cli import main
        sys.argv = ["grantscan", "--version"]
        try:
            main()
        except SystemExit:
            pass
        """
    )
    assert sorted(m for m in HEAVY if m in _loaded(code, tmp_path)) == []


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_text_scan_loads_only_what_it_uses(tmp_path: Path, fmt: str) -> None:
    doc = tmp_path / "p.txt"
    doc.write_text(
        "We will develop an autonomous drone swarm with partners at the National University of Defense "
        "Technology in China.\n",
        encoding="utf-8",
    )
    code = textwrap.dedent(
        f"""
        import sys
        from grantscan.cli import main
        sys.argv = ["grantscan", "scan", "--no-cache", "-f", {fmt!r}, {str(doc)!r}]
        try:
            main()
        except SystemExit as e:
            assert e.code == 1, e.code  # findings: the scan ran
        """
    )
    loaded = _loaded(code, tmp_path)
    assert "spacy" in loaded and "grantscan.detect.partners.detector" in loaded  # the scan did run
    assert sorted(m for m in NEVER_AT_SCAN if m in loaded) == []
    assert "pathspec" not in loaded  # no include/exclude glob and no ignore file: no path rules to build
    assert ("rich" in loaded) == (fmt == "text")  # the text report's library, for the text report only


def test_spacy_command_line_still_loads_when_asked_for(tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        from grantscan.detect.tokens import build_nlp
        build_nlp()
        import sys
        assert "spacy.cli" not in sys.modules
        import spacy
        import spacy.cli
        assert callable(spacy.cli.download)
        assert "spaCy version" in spacy.info(markdown=True)
        """
    )
    assert "spacy.cli.download" in _loaded(code, tmp_path)
