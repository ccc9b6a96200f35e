"""grantscan: offline Trusted Research screening of grant proposals and research agreements.

Public API: ``scan_path(path, config)`` and ``scan_text(text, config)``; both return plain dataclasses
from ``grantscan.model``. Heavy imports (spaCy, PDF libraries) are deferred until a scan runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

try:
    from importlib.metadata import PackageNotFoundError, version

    __version__ = version("grantscan")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"

if TYPE_CHECKING:
    from .model import DocumentResult, ScanResult

__all__ = ["__version__", "scan_path", "scan_text"]


def scan_path(path, config=None, *, root=None, progress=None) -> ScanResult:  # noqa: ANN001 - typed in scan
    """Scan a file or folder (or a list of them). See ``grantscan.scan.scan_path``."""
    from .scan import scan_path as _scan_path

    return _scan_path(path, config, root=root, progress=progress)


def scan_text(text: str, config=None) -> DocumentResult:  # noqa: ANN001
    """Scan a string. See ``grantscan.scan.scan_text``."""
    from .scan import scan_text as _scan_text

    return _scan_text(text, config)
