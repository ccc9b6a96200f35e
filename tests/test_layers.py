"""The package's layers: every import (module level or inside a function) points down, and none loops.

A newcomer reads the pipeline from the folder listing; this test keeps it that way. Layers, lowest first:
the data model and the knowledge layer; configuration; extraction; detection; the per-document stages
(suppress, score, explain, fingerprint, baseline, language); the pipeline; the cache and worker processes; the
runner; views built from a scan result (triage); reports, annotated copies and the output writer; the command
line; the public facade.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "grantscan"

LAYERS: list[tuple[str, ...]] = [
    ("grantscan.model", "grantscan.version"),
    ("grantscan.knowledge",),
    ("grantscan.config",),
    ("grantscan.extract",),
    ("grantscan.detect",),
    (
        "grantscan.suppress",
        "grantscan.score",
        "grantscan.explain",
        "grantscan.fingerprint",
        "grantscan.baseline",
        "grantscan.language",
    ),
    ("grantscan.cache",),
    ("grantscan.pipeline",),
    ("grantscan.batch",),
    ("grantscan.runner",),
    ("grantscan.triage",),
    ("grantscan.report", "grantscan.annotate", "grantscan.output"),
    ("grantscan.cli", "grantscan.serve"),
    ("grantscan",),  # the facade: __init__.py
]

# Imports that point up today, each with the reason it is still there. The list may only shrink.
KNOWN: dict[tuple[str, str], str] = {}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every grantscan module ``path`` imports, wherever the import statement sits."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "grantscan"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "grantscan":
                continue
            for a in node.names:  # "from . import text" imports the module grantscan.report.text
                sub = f"{target}.{a.name}"
                out.add(sub if _exists(sub) else target)
    return out


def _exists(module: str) -> bool:
    rel = Path(*module.split(".")[1:])
    return (PACKAGE / rel).with_suffix(".py").is_file() or (PACKAGE / rel / "__init__.py").is_file()


def _layer(module: str) -> int:
    best = (-1, -1)
    for i, prefixes in enumerate(LAYERS):
        for p in prefixes:
            if module == p or module.startswith(p + "."):
                best = max(best, (len(p), i))
    assert best[1] >= 0, f"{module} is in no layer: add it to LAYERS"
    return best[1]


def _graph() -> dict[str, set[str]]:
    return {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_has_a_layer() -> None:
    for module in _graph():
        _layer(module)


def test_imports_point_down() -> None:
    wrong = []
    for module, targets in _graph().items():
        for target in sorted(targets):
            if _layer(target) > _layer(module) and (module, target) not in KNOWN:
                wrong.append(f"{module} imports {target}")
    assert not wrong, "imports that point up a layer:\n" + "\n".join(wrong)


def test_known_exceptions_still_exist() -> None:
    graph = _graph()
    stale = [pair for pair in KNOWN if pair[1] not in graph.get(pair[0], set())]
    assert not stale, f"remove from KNOWN, they are gone: {stale}"


def test_no_import_cycles() -> None:
    graph = _graph()
    # a package's __init__ importing its own submodules is how a package presents itself, not a cycle
    edges = {m: {t for t in ts if t in graph and not m.startswith(t + ".")} for m, ts in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in edges:
        if v not in index:
            visit(v)
    assert not cycles, f"import cycles: {cycles}"


@pytest.mark.parametrize("module", ["grantscan.model", "grantscan.knowledge.taxonomy"])
def test_the_bottom_imports_nothing_above_it(module: str) -> None:
    assert all(_layer(t) <= _layer(module) for t in _graph()[module])
