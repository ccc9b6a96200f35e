"""The installed grantscan version (``0+unknown`` in a source tree that was not installed)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("grantscan")
except PackageNotFoundError:
    __version__ = "0+unknown"
