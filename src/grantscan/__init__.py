"""grantscan: offline Trusted Research screening of grant proposals and research agreements.

Public API:

- ``scan_path(path, config)``: files and folders, with the result cache, workers and baseline -> ``ScanResult``
- ``scan_text(text, config)``: one string -> ``DocumentResult``
- ``Scanner(config)``: build once, then ``scan_text`` / ``scan_file`` / ``scan_document`` many times

All return plain dataclasses from ``grantscan.model``. Heavy imports (spaCy, PDF libraries) wait until a scan
needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from .config import Config
    from .model import DocumentResult, ScanResult
    from .pipeline import Scanner

__all__ = ["__version__", "Scanner", "scan_path", "scan_text"]


def scan_path(path: str | Path | list[str | Path], config: Config | None = None, **kw: Any) -> ScanResult:
    """Scan a file or folder (or a list of them). See ``grantscan.runner.scan_path``."""
    from .runner import scan_path as _scan_path

    return _scan_path(path, config, **kw)


def scan_text(text: str, config: Config | None = None) -> DocumentResult:
    """Scan a string. See ``grantscan.runner.scan_text``."""
    from .runner import scan_text as _scan_text

    return _scan_text(text, config)


def __getattr__(name: str) -> Any:
    if name == "Scanner":  # imported on first use: it loads the detector's modules
        from .pipeline import Scanner

        return Scanner
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
