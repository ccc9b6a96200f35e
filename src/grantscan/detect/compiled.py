"""The compiled-phrase cache: the tokens of every phrase the detectors match, kept between runs.

Building the detector tokenises ~17,000 phrases of the technology packs, the context cues and the
partner word lists (about 1 s: each new word becomes a spaCy lexeme). A phrase matcher needs only the
hashes of their tokens, so ``PhraseTokens`` keeps phrase -> (ORTH hashes, LOWER hashes) in one ``.npz``
file of plain arrays (never a pickle) in the user cache dir, under ``compiled/``.

- Keyed by content: a phrase is looked up by its own text, so a changed or added pack phrase is simply a miss
  (tokenised, then stored). The file name holds a digest of what decides how a phrase is tokenised:
  grantscan's version and source code (the tokenizer settings live there) and spaCy's version. A file of
  another key is never read.
- Checked on load: the arrays must agree in shape and key, and a sample of phrases is tokenised again and
  compared. A corrupt, truncated or stale file is ignored (logged at debug) and rewritten.
- Written to a temporary file in the same folder, then ``os.replace``: a concurrent run reads the old or the
  new file, never half of one. A read-only or full cache dir only costs the saving.

``--no-cache`` turns off the result cache only: this file changes no result, only how fast the detector is
built (tests compare findings with and without it).
"""

from __future__ import annotations

import functools
import hashlib
import io
import itertools
import json
import logging
import os
import tempfile
import weakref
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from spacy.language import Language

    from ..config import Config

__all__ = [
    "PhraseTokens",
    "attach",
    "cache_key",
    "compiled_dir",
    "finish",
    "keep_regex_facts",
    "phrase_tokens",
    "read_json",
    "regex_facts_kept",
    "writable",
    "write_json",
]

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the file layout changes
CHECKED = 16  # phrases tokenised again on load to confirm the file
MAX_KEPT = (
    200_000  # phrases kept from earlier runs besides this run's own (other configurations, extra packs)
)
_SEP = "\x00"

Tokens = tuple[tuple[int, ...], tuple[int, ...]]  # ORTH hashes, LOWER hashes


def compiled_dir(config: Config) -> Path:
    """``compiled/`` in the configured cache dir or the user cache dir (the folder of the result cache too)."""
    from platformdirs import user_cache_dir

    return Path(config.cache_dir or user_cache_dir("grantscan")) / "compiled"


@functools.cache
def _code_digest() -> str:
    """Hash of grantscan's source files, once per process: the tokenizer's settings are code, and a development
    install changes them without changing its version."""
    h = hashlib.sha256()
    pkg = Path(__file__).resolve().parents[1]
    for p in sorted(pkg.rglob("*.py")):
        h.update(p.relative_to(pkg).as_posix().encode() + b"\0" + hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def cache_key() -> str:
    """Digest of everything that decides how a phrase is tokenised."""
    import spacy

    from ..version import __version__

    text = f"format={FORMAT};grantscan={__version__};code={_code_digest()};spacy={spacy.__version__}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


class _Stored:
    """The phrases of the file and their token hashes, each phrase's hashes made into tuples when asked for, and
    only the kind asked for: a matcher compares ORTH or LOWER, and decoding both for all ~17,000 phrases at load
    cost ~10 ms and ~3 MB of every start."""

    __slots__ = ("index", "ends", "cols")

    def __init__(self, phrases: list[str], counts: list[int], orth: list[int], lower: list[int]):
        self.index = {p: i for i, p in enumerate(phrases)}  # a phrase listed twice: its last entry
        self.ends = [0, *itertools.accumulate(counts)]
        # one int object per distinct hash (a word's hash recurs in many phrases): the matchers keep the tuples
        # made from these, ~2.5 MB less than a separate object per occurrence
        same: dict[int, int] = {}
        self.cols = (list(map(same.setdefault, orth, orth)), list(map(same.setdefault, lower, lower)))

    @classmethod
    def of(cls, table: dict[str, Tokens]) -> _Stored:
        return cls(
            list(table),
            [len(t[0]) for t in table.values()],
            [h for t in table.values() for h in t[0]],
            [h for t in table.values() for h in t[1]],
        )

    def __contains__(self, phrase: str) -> bool:
        return phrase in self.index

    def __len__(self) -> int:
        return len(self.index)

    def one(self, phrase: str, which: int) -> tuple[int, ...]:
        """The ORTH (``which`` 0) or LOWER (1) hashes of a stored phrase's tokens."""
        i = self.index[phrase]
        return tuple(self.cols[which][self.ends[i] : self.ends[i + 1]])

    def __getitem__(self, phrase: str) -> Tokens:
        return self.one(phrase, 0), self.one(phrase, 1)

    def items(self) -> Iterator[tuple[str, Tokens]]:
        for p in self.index:
            yield p, self[p]


_EMPTY = _Stored([], [], [], [])


class PhraseTokens:
    """phrase -> the ORTH and LOWER hashes of its tokens, as ``nlp``'s tokenizer makes them.

    ``root`` None keeps the table in memory only (a pipeline built outside a ``Detector``).
    """

    def __init__(self, nlp: Language, root: Path | None = None):
        self.nlp = nlp
        self.root = root
        self.key = cache_key() if root is not None else ""
        self._known = _EMPTY  # read from the file
        self._used: dict[str, Tokens] = {}  # tokenised in this process
        self._taken: set[str] = set()  # phrases of the file asked for in this process
        self.new = 0  # phrases tokenised since the file was last read or written
        self.tokenised = 0  # phrases tokenised in this process, in all
        self.read = 0  # phrases taken from the file (counted by ``finish``)
        if root is not None:
            self._known = self._load()

    @property
    def path(self) -> Path | None:
        return self.root / f"phrases-{self.key}.npz" if self.root is not None else None

    # -- lookup --------------------------------------------------------------------------------------------------

    def _tokenise_missing(self, phrases: list[str]) -> None:
        missing = [p for p in dict.fromkeys(phrases) if p not in self._used and p not in self._known]
        if missing:
            for p, doc in zip(missing, self.nlp.tokenizer.pipe(missing), strict=True):
                self._used[p] = _hashes(doc)
            self.new += len(missing)
            self.tokenised += len(missing)

    def tokens(self, phrases: Iterable[str]) -> list[Tokens]:
        """The token hashes of each phrase, in order; phrases not in the file are tokenised now."""
        phrases = list(phrases)
        self._tokenise_missing(phrases)
        out = []
        for p in phrases:
            t = self._used.get(p)
            if t is None:
                self._taken.add(p)
                t = self._known[p]
            out.append(t)
        return out

    def _one(self, phrases: Iterable[str], which: int) -> list[tuple[int, ...]]:
        phrases = list(phrases)
        self._tokenise_missing(phrases)
        used, known, taken = self._used, self._known, self._taken
        out = []
        for p in phrases:
            t = used.get(p)
            if t is None:
                taken.add(p)
                out.append(known.one(p, which))
            else:
                out.append(t[which])
        return out

    def orth(self, phrases: Iterable[str]) -> list[tuple[int, ...]]:
        """ORTH hashes of each phrase's tokens (what a PhraseMatcher on ORTH matches)."""
        return self._one(phrases, 0)

    def lower(self, phrases: Iterable[str]) -> list[tuple[int, ...]]:
        """LOWER hashes of each phrase's tokens (what a PhraseMatcher on LOWER matches)."""
        return self._one(phrases, 1)

    # -- the file ------------------------------------------------------------------------------------------------

    def _load(self) -> _Stored:
        path = self.path
        assert path is not None
        try:
            with np.load(path, allow_pickle=False) as z:
                key = bytes(z["key"]).decode("ascii")
                text = bytes(z["phrases"]).decode("utf-8")
                counts, orth, lower = z["counts"], z["orth"], z["lower"]
        except FileNotFoundError:
            return _EMPTY
        except (OSError, ValueError, KeyError, EOFError, UnicodeDecodeError, zipfile.BadZipFile) as e:
            log.debug("compiled phrase cache %s unreadable (%s): rebuilt", path, e)
            return _EMPTY
        phrases = text.split(_SEP) if text else []
        if (
            key != self.key
            or counts.ndim != 1
            or len(counts) != len(phrases)
            or orth.shape != lower.shape
            or orth.ndim != 1
            or int(counts.sum()) != len(orth)
            or orth.dtype != np.uint64
            or lower.dtype != np.uint64
        ):
            log.debug("compiled phrase cache %s inconsistent: rebuilt", path)
            return _EMPTY
        known = _Stored(phrases, counts.tolist(), orth.tolist(), lower.tolist())
        if not self._confirmed(known):
            log.debug("compiled phrase cache %s disagrees with the tokenizer: rebuilt", path)
            return _EMPTY
        return known

    def _confirmed(self, known: _Stored) -> bool:
        """A spread sample of the file's phrases tokenises to the stored hashes."""
        phrases = list(known.index)
        sample = phrases[:: max(1, len(phrases) // CHECKED)][:CHECKED]
        docs = self.nlp.tokenizer.pipe(sample)
        return all(_hashes(doc) == known[p] for p, doc in zip(sample, docs, strict=True))

    def save(self) -> bool:
        """Write the table when this process tokenised phrases the file lacked; True when written."""
        path = self.path
        if path is None or not self.new:
            return False
        table = dict(self._used)
        if len(self._known) <= MAX_KEPT:
            for p, t in self._known.items():
                table.setdefault(p, t)
        table = {p: t for p, t in table.items() if _SEP not in p}
        counts = np.fromiter((len(t[0]) for t in table.values()), dtype=np.int32, count=len(table))
        arrays: dict[str, Any] = {
            "key": np.frombuffer(self.key.encode("ascii"), dtype=np.uint8),
            "phrases": np.frombuffer(_SEP.join(table).encode("utf-8"), dtype=np.uint8),
            "counts": counts,
            "orth": np.fromiter((h for t in table.values() for h in t[0]), dtype=np.uint64),
            "lower": np.fromiter((h for t in table.values() for h in t[1]), dtype=np.uint64),
        }
        buf = io.BytesIO()
        np.savez(buf, allow_pickle=False, **arrays)
        if not _write(path, buf.getvalue()):
            return False
        for old in path.parent.glob("phrases-*.npz"):  # files of other keys are never read again
            if old != path:
                old.unlink(missing_ok=True)
        self._known, self.new = _Stored.of(table), 0
        return True


def _write(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` whole or not at all: a temporary file in the same folder, then
    ``os.replace``. A read-only or full cache dir never fails a scan (False, logged at debug)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        log.debug("compiled cache not saved to %s: %s", path, e)
        return False
    return True


def _hashes(doc: Any) -> Tokens:
    from spacy.attrs import LOWER, ORTH

    arr = doc.to_array([ORTH, LOWER]) if len(doc) else np.zeros((0, 2), dtype=np.uint64)
    return tuple(arr[:, 0].tolist()), tuple(arr[:, 1].tolist())


def finish(nlp: Language) -> PhraseTokens | None:
    """The detectors of ``nlp`` are built: save its phrase table if it grew, then let go of the phrases (the
    matchers hold what they need; a phrase asked for later is tokenised). Returns the emptied table, whose
    counts say what the build read and tokenised."""
    table = _TABLES.pop(nlp, None)
    if table is not None:
        table.save()
        table.read = len(table._taken)
        table._known, table._used, table._taken = _EMPTY, {}, set()
    return table


_TABLES: weakref.WeakKeyDictionary[Any, PhraseTokens] = weakref.WeakKeyDictionary()


def attach(nlp: Language, root: Path | None) -> PhraseTokens:
    """Give ``nlp`` a phrase table read from ``root`` (None: in memory only); detectors built on ``nlp`` use it."""
    table = PhraseTokens(nlp, root)
    _TABLES[nlp] = table
    return table


def phrase_tokens(nlp: Language) -> PhraseTokens:
    """The phrase table of ``nlp``: the attached one, or a new one kept in memory."""
    table = _TABLES.get(nlp)
    if table is None:
        table = _TABLES[nlp] = PhraseTokens(nlp, None)
    return table


# ---- JSON kept beside it (validated technology rules) --------------------------------------------------------


def files_digest(kind: str, files: Iterable[Path]) -> str | None:
    """Digest of ``kind``, the cache key and each file's path and bytes; None when a file cannot be read."""
    h = hashlib.sha256(f"{kind};{cache_key()}".encode())
    try:
        for f in files:
            h.update(str(f).encode() + b"\0" + hashlib.sha256(Path(f).read_bytes()).digest())
    except OSError:
        return None
    return h.hexdigest()


def read_json(path: Path, digest: str) -> Any | None:
    """The payload kept in ``path`` under ``digest``; None when absent, of another digest or unreadable."""
    try:
        data = json.loads(path.read_bytes())
        if isinstance(data, dict) and data.get("digest") == digest:
            return data["payload"]
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError) as e:
        log.debug("compiled cache %s unreadable (%s): rebuilt", path, e)
    return None


def write_json(path: Path, digest: str, payload: Any) -> bool:
    """Keep ``payload`` in ``path`` under ``digest`` (whole or not at all); False when it was not written."""
    try:
        text = json.dumps({"digest": digest, "payload": payload}, ensure_ascii=False)
    except (TypeError, ValueError):  # a value JSON cannot hold: not kept
        return False
    return _write(path, text.encode("utf-8"))


# ---- JSON kept beside it (clause pack regexes: valid, and their literal words) ------------------------------

REGEX_FORMAT = 1  # bump when the layout of regexes.json changes
MAX_REGEXES = 20_000  # regexes kept (the shipped pack has ~700 with their loose forms; edits add more)


def _regex_digest() -> str | None:
    """Key of regexes.json: which regexes parse, and into what, depends on the Python version and on
    grantscan's code (the literal words are derived there); a file of another key is never read."""
    import sys

    return files_digest(f"regexes={REGEX_FORMAT};python={sys.implementation.name}-{sys.version}", [])


def regex_facts_kept(root: Path) -> dict[str, tuple[frozenset[str], ...]] | None:
    """regex -> its literal choices, for regexes that an earlier run parsed without error; None when there is
    no such file, it is of another key, or any entry is not of the expected shape (then it is rewritten)."""
    digest = _regex_digest()
    kept = read_json(root / "regexes.json", digest) if digest else None
    if not isinstance(kept, dict):
        return None
    out: dict[str, tuple[frozenset[str], ...]] = {}
    for pattern, needs in kept.items():
        if not (
            isinstance(needs, list)
            and all(isinstance(n, list) and n and all(isinstance(a, str) and a for a in n) for n in needs)
        ):
            log.debug("compiled cache regexes.json: entry %r malformed: rebuilt", pattern)
            return None
        out[pattern] = tuple(frozenset(n) for n in needs)
    return out


def writable(root: Path) -> bool:
    """Whether files can be kept in ``root`` (made when missing)."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(root, os.W_OK)


def keep_regex_facts(root: Path, facts: dict[str, tuple[frozenset[str], ...]]) -> bool:
    """Keep ``facts`` (regex -> literal choices, every regex valid) for the next run; False when not written."""
    digest = _regex_digest()
    if digest is None:
        return False
    items = list(facts.items())[-MAX_REGEXES:]
    return write_json(root / "regexes.json", digest, {p: [sorted(n) for n in needs] for p, needs in items})
