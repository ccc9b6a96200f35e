"""Loading YAML data files (pattern packs, guidance, reference lists) with line numbers for errors.

``load_yaml(path)`` returns plain dicts/lists whose mappings are ``LineDict``: ``d.line`` is the line of
the mapping and ``d.key_line(key)`` the line of one key, so validation errors can say
``patterns/ai.yaml:42: rule 'ai-llm': unknown key 'trems'``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class PackError(ValueError):
    """A data file is invalid. The message starts with 'file:line:'."""

    def __init__(self, path: str | Path, line: int | None, message: str):
        self.path, self.line = str(path), line
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


class LineDict(dict[Any, Any]):
    """A dict that remembers the source line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def key_line(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


# libyaml's parser when PyYAML was built with it (6x faster on the packs); its nodes carry the same marks
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        self.flatten_mapping(node)
        d = LineDict()
        d.line = node.start_mark.line + 1
        d.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in d:
                raise PackError(self.name, key_node.start_mark.line + 1, f"duplicate key '{key}'")
            d[key] = self.construct_object(value_node, deep=True)
            d.key_lines[str(key)] = key_node.start_mark.line + 1
        return d


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)


def load_yaml(path: str | Path) -> Any:
    """Parse a YAML file; syntax errors become PackError with file and line."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise PackError(p, None, f"cannot read: {e}") from None
    try:
        loader = _LineLoader(text)
        loader.name = str(p)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise PackError(p, mark.line + 1 if mark else None, f"YAML syntax: {e.problem or e}") from None


def check_keys(path: str | Path, d: LineDict, allowed: set[str], required: set[str], what: str) -> None:
    """Raise PackError for unknown or missing keys of mapping ``d``."""
    if not isinstance(d, dict):
        raise PackError(path, getattr(d, "line", None), f"{what}: expected a mapping")
    for k in d:
        if k not in allowed:
            raise PackError(
                path,
                d.key_line(k) if isinstance(d, LineDict) else None,
                f"{what}: unknown key '{k}' (allowed: {', '.join(sorted(allowed))})",
            )
    for k in sorted(required - set(d)):
        raise PackError(path, getattr(d, "line", None), f"{what}: missing required key '{k}'")
