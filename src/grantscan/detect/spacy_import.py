"""Import spaCy without its command line.

``import spacy`` runs ``from .cli.info import info``, which loads spaCy's whole command line: typer, weasel,
requests, httpx and every training and packaging command (~350 modules, ~0.3 s and ~15 MB of every start).
Detection uses none of it. ``import_spacy`` imports spaCy with ``spacy.cli`` and ``spacy.cli.info`` held by
placeholders for the length of that import only: ``spacy.info`` becomes a function that loads the real
command on its first call, and a later ``import spacy.cli`` (by grantscan or by a program using it as a
library) finds nothing in the way and loads the real package.
"""

from __future__ import annotations

import sys
import types
from typing import Any

__all__ = ["import_spacy"]


def info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, loading spaCy's command line on first use."""
    from spacy.cli.info import info as _info

    return _info(*args, **kwargs)


def import_spacy() -> None:
    """Import spaCy once, leaving its command line unloaded (see the module docstring)."""
    if "spacy" in sys.modules:
        return
    cli, cli_info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli.__path__ = []
    cli_info.info = info  # type: ignore[attr-defined]
    held = {"spacy.cli": cli, "spacy.cli.info": cli_info}
    sys.modules.update(held)
    try:
        import spacy  # noqa: F401
    finally:
        for name, module in held.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        pkg = sys.modules.get("spacy")
        if pkg is not None and getattr(pkg, "cli", None) is cli:
            del pkg.cli
