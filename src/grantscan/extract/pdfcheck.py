"""What PDFium would inflate to read a PDF's text, measured before it does.

PDFium inflates a stream completely and aborts the process when memory runs out, so a few kilobytes of
deflate can take a scan down: an XMP /Metadata stream (which PDFium parses when it opens the file, though
the text never needs it), a page content stream, or one stream shared by thousands of pages. ``check``
reads the file's structure and measures the streams PDFium would decode, inflating them into a counter
rather than into memory:

- XMP metadata over ``META_LIMIT`` is hidden from PDFium in an in-memory copy of the file (the file itself
  is never changed);
- each page costs its content streams and the form XObjects it draws (per use) and the fonts it loads
  (once per file); a page over ``PAGE_LIMIT`` bytes, or showing more than ``PAGE_CHARS`` characters, is
  left unread; a file whose pages together pass the byte budget is refused.

The structure is read by a small object reader of its own (pypdf parses every object of an object stream
in Python, which tripled the extraction time of some real files): objects are found by scanning for
``N G obj`` (later definitions win, as in an incremental update), object streams are inflated within the
budget, and only the objects on the way from the catalog to the pages' streams are parsed. Encrypted
files, whose streams only a decrypting reader can measure, are read through pypdf. Pages are walked as
PDFium walks them (depth first; a node without /Kids is a page); when the count differs from PDFium's,
per-page figures are not used.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
import zlib
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .errors import ExtractionError

META_LIMIT = 32_000_000  # XMP metadata read as it is; real packets are kilobytes
PAGE_LIMIT = 32_000_000  # decoded content of one page (content streams and forms per use); PDFium needs ~15x
PAGE_CHARS = 1_000_000  # characters one page may show; PDFium keeps ~160 bytes per character
TEXT_CHECK = 1_000_000  # content streams longer than this have their shown characters counted
OBJSTM_LIMIT = 64_000_000  # decoded object streams kept to read objects from
MAX_FORM_DEPTH = 12
MAX_NESTING = 200  # arrays and dictionaries inside one another
_CHUNK = 1024 * 1024

# pypdf reports what it repairs in a damaged file through logging; with no handler configured those
# lines would reach the terminal through logging's last-resort handler.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


class Ref(NamedTuple):
    num: int
    gen: int


@dataclass(slots=True)
class Stream:
    """A stream object: its dictionary and its raw (still encoded) data."""

    dict: dict[str, Any]
    data: bytes


@dataclass(slots=True)
class PageCost:
    """What reading one page makes PDFium decode: ``bytes`` of content and forms, ``chars`` shown (an
    estimate, worked out only for pages over TEXT_CHECK bytes; else None)."""

    bytes: int = 0
    chars: int | None = None

    def problem(self, page_chars: int = PAGE_CHARS) -> str | None:
        """Why the page is left unread, or None when it can be read (``page_chars``: characters one page may
        show)."""
        if self.bytes > PAGE_LIMIT:
            return f"its content inflates to more than {_mb(PAGE_LIMIT)}"
        if self.chars is not None and page_chars and self.chars > page_chars:
            return f"it shows about {self.chars:,} characters (limit {page_chars:,})"
        return None


@dataclass(slots=True)
class Check:
    """The outcome of ``check``: a patched copy to open instead of the file (or None), per-page costs
    (None when the pages could not be walked), warnings for the document."""

    data: bytes | None = None
    pages: list[PageCost] | None = None
    warnings: list[str] = field(default_factory=list)


def _mb(n: int) -> str:
    return f"{n / 1e6:,.0f} MB"


class _Over(Exception):
    """The file's decoded content passed the budget."""


class _Unreadable(Exception):
    """The structure cannot be read here; PDFium (and the per-page limits while reading) decide."""


def check(path: Path, password: str | None, budget: int, max_pages: int) -> Check:
    """Measure what PDFium would inflate for ``path``; raise ExtractionError('too large: ...') over budget.

    A file whose structure cannot be read here is left to PDFium; the result then carries no page costs.
    """
    result = Check()
    try:
        raw = path.read_bytes()
    except OSError:
        return result
    try:
        source: _Source = _RawSource(raw)
        if source.encrypted:
            source = _PypdfSource(raw, password)
        meter = _Meter(source, budget)
        _metadata(source, raw, meter, result)
        result.pages = meter.pages(max_pages)
    except _Over:
        raise ExtractionError(f"too large: its page content inflates to more than {_mb(budget)}") from None
    except (ExtractionError, MemoryError):
        raise
    except Exception:  # noqa: BLE001 - a structure this reader trips over is left to PDFium and the page limits
        result.pages = None
    return result


# ---------------------------------------------------------------- reading objects

_WS = b" \t\r\n\f\x00"
_CATALOG = re.compile(
    rb"([0-9]{1,10})\s++([0-9]{1,5})\s++obj\s*+<<(?:(?!endobj).){0,600}?/Type\s*+/Catalog\b", re.S
)
_OBJ = re.compile(
    rb"(?<![0-9])([0-9]{1,10})[ \t\r\n\f\x00]++([0-9]{1,5})[ \t\r\n\f\x00]++obj(?![^ \t\r\n\f\x00()<>\[\]{}/%])"
)
_TOKEN = re.compile(
    rb"[ \t\r\n\f\x00]*+(?:"
    rb"(?P<open><<)|(?P<close>>>)|(?P<aopen>\[)|(?P<aclose>\])"
    rb"|(?P<name>/[^ \t\r\n\f\x00()<>\[\]{}/%]*+)"
    rb"|(?P<ref>[0-9]++[ \t\r\n\f\x00]++[0-9]++[ \t\r\n\f\x00]++R)(?![^ \t\r\n\f\x00()<>\[\]{}/%])"
    rb"|(?P<num>[+-]?+(?:[0-9]++(?:\.[0-9]*+)?+|\.[0-9]++))"
    rb"|(?P<lit>\()|(?P<hex><[0-9A-Fa-f \t\r\n\f\x00]*+>?+)"
    rb"|(?P<word>[A-Za-z]++)|(?P<comment>%[^\r\n]*+)|(?P<other>.)"
    rb")",
    re.S,
)
_PAREN = re.compile(rb"[()\\]")
_OBJ_KEYWORD = re.compile(rb"obj(?![^ \t\r\n\f\x00()<>\[\]{}/%])")
_HEAD_BEFORE = re.compile(rb"(?<![0-9])([0-9]{1,10})[ \t\r\n\f\x00]++([0-9]{1,5})[ \t\r\n\f\x00]++\Z")
_STREAM_KEY = re.compile(rb">>[ \t\r\n\f\x00]*+stream")
_STREAM_START = re.compile(rb"[ \t\r\n\f\x00]*+stream(?:\r\n|\n|\r)?")


def _headers(raw: bytes) -> list[tuple[int, int, int]]:
    """(start, end, object number) of every ``N G obj`` in ``raw``, in order. The keyword is found by a
    plain substring search and the numbers read backwards from it: a regex tried at every offset of a
    large file costs more than the rest of the check."""
    out = []
    for m in _OBJ_KEYWORD.finditer(raw):
        p = m.start()
        if raw[p - 3 : p] == b"end":
            continue
        lo = max(0, p - 48)
        h = _HEAD_BEFORE.search(raw, lo, p)
        if h is not None and (h.start() > lo or lo == 0):
            out.append((h.start(), m.end(), int(h.group(1))))
    return out


def parse_value(data: bytes, pos: int = 0) -> tuple[Any, int]:
    """The PDF object starting at ``data[pos]`` (dicts, arrays, names as '/Name' strings, numbers, Ref,
    strings as raw bytes, True/False/None) and the offset after it. Linear in the bytes read."""
    stack: list[tuple[list[Any] | dict[str, Any], list[Any]]] = []
    while True:
        m = _TOKEN.match(data, pos)
        if m is None:
            raise _Unreadable("end of data inside an object")
        pos = m.end()
        kind = m.lastgroup
        value: Any
        if kind == "open" or kind == "aopen":
            if len(stack) >= MAX_NESTING:
                raise _Unreadable("objects nested too deep")
            stack.append(({} if kind == "open" else [], []))
            continue
        if kind == "close" or kind == "aclose":
            if not stack:
                raise _Unreadable("unbalanced '>>' or ']'")
            container, items = stack.pop()
            if isinstance(container, dict):
                for k in range(0, len(items) - 1, 2):
                    if isinstance(items[k], str):
                        container[items[k]] = items[k + 1]
            else:
                container.extend(items)
            value = container
        elif kind == "name":
            value = m.group(kind).decode("latin-1")
            if "#" in value:
                value = re.sub(r"#([0-9A-Fa-f]{2})", lambda h: chr(int(h.group(1), 16)), value)
        elif kind == "ref":
            num, gen = m.group(kind).split()[:2]
            value = Ref(int(num), int(gen))
        elif kind == "num":
            text = m.group(kind)
            value = float(text) if b"." in text else int(text)
        elif kind == "lit":
            value, pos = _literal(data, pos)
        elif kind == "hex":
            value = m.group(kind)
        elif kind == "word":
            word = m.group(kind)
            if word in (b"true", b"false", b"null"):
                value = {b"true": True, b"false": False, b"null": None}[word]
            elif not stack:
                raise _Unreadable("no object here")
            else:
                continue  # a stray keyword inside an object: skipped, as readers do
        elif kind == "comment":
            continue
        else:
            if not stack:
                raise _Unreadable("no object here")
            continue
        if not stack:
            return value, pos
        stack[-1][1].append(value)


def _literal(data: bytes, pos: int) -> tuple[bytes, int]:
    """A literal string whose '(' ends at ``pos``: its raw bytes and the offset after its ')'."""
    start, depth = pos, 1
    while True:
        m = _PAREN.search(data, pos)
        if m is None:
            return data[start:], len(data)
        c = data[m.start()]
        if c == 0x5C:  # backslash: the next byte is escaped
            pos = m.start() + 2
            continue
        pos = m.end()
        depth += 1 if c == 0x28 else -1
        if depth == 0:
            return data[start : pos - 1], pos


class _Source:
    """Objects of one PDF, resolved by reference."""

    encrypted = False

    def root(self) -> dict[str, Any]:
        raise NotImplementedError

    def get(self, ref: Any) -> Any:
        raise NotImplementedError

    def resolve(self, value: Any) -> Any:
        for _ in range(32):
            if not isinstance(value, Ref):
                return value
            value = self.get(value)
        return None

    def offset(self, ref: Ref) -> int | None:
        """Where a top-level object's ``N G obj`` starts in the file; None when it is not top-level."""
        return None


class _RawSource(_Source):
    """Objects found by scanning the bytes for ``N G obj`` (a later definition replaces an earlier one, as
    an incremental update does); object streams are inflated to index the objects they hold."""

    def __init__(self, raw: bytes):
        self.raw = raw
        self.where: dict[int, int] = {}  # number -> file offset of its "N G obj"
        self.in_stream: dict[int, tuple[int, int]] = {}  # number -> (object stream number, its file offset)
        self.cache: dict[int, Any] = {}
        self.objstm: dict[int, tuple[bytes, dict[int, int]]] = {}
        self.objstm_bytes = 0
        streams: list[tuple[int, dict[str, Any]]] = []
        data_ranges: list[tuple[int, int]] = []
        heads = _headers(raw)
        skip_to = 0
        for i, (start, end, num) in enumerate(heads):
            if start < skip_to:
                continue  # "N G obj" inside a stream's data is data
            self.where[num] = start
            # only a stream's dictionary is parsed here: other objects wait until they are needed
            if _STREAM_KEY.search(raw, end, heads[i + 1][0] if i + 1 < len(heads) else len(raw)) is None:
                continue
            try:
                value, after = parse_value(raw, end)
            except _Unreadable:
                continue
            span = self._data_span(value, after)
            if span is not None:
                skip_to = span[1]
                data_ranges.append(span)
                streams.append((num, value))
        self.root_ref: Ref | None = None
        self.encrypted = False
        trailers = [(self.where[n], d) for n, d in streams if d.get("/Type") == "/XRef" and n in self.where]
        starts = [a for a, _b in data_ranges]
        for m in re.finditer(rb"trailer", raw):
            k = bisect_right(starts, m.start()) - 1
            if k >= 0 and m.start() < data_ranges[k][1]:
                continue  # the word inside a stream's data
            try:
                d = parse_value(raw, m.end())[0]
            except _Unreadable:
                continue
            if isinstance(d, dict):
                trailers.append((m.start(), d))
        for _at, d in sorted(trailers, key=lambda t: t[0]):  # the last trailer names the current catalog
            if isinstance(d.get("/Root"), Ref):
                self.root_ref = d["/Root"]
            self.encrypted = self.encrypted or "/Encrypt" in d
        if self.root_ref is None:  # a truncated file: the catalog PDFium's repair would find
            for m in _CATALOG.finditer(raw):
                self.root_ref = Ref(int(m.group(1)), int(m.group(2)))
        for num, d in streams:
            if d.get("/Type") != "/ObjStm" or self.where.get(num) is None:
                continue
            off = self.where[num]
            for obj in self._objstm(num)[1]:
                top = self.where.get(obj)
                prev = self.in_stream.get(obj)
                if (top is None or top < off) and (prev is None or prev[1] < off):
                    self.in_stream[obj] = (num, off)
                    self.where.pop(obj, None)

    def _data_span(self, value: Any, after: int) -> tuple[int, int] | None:
        """(start, end) of the data of a stream whose dictionary ``value`` ends at ``after``; None when the
        object is not a stream. The data ends where /Length says if "endstream" follows there, else at the
        next "endstream"."""
        m = _STREAM_START.match(self.raw, after)
        if not isinstance(value, dict) or m is None:
            return None
        start = m.end()
        length = value.get("/Length")
        if isinstance(length, int) and 0 <= length <= len(self.raw) - start:
            if self.raw[start + length : start + length + 32].lstrip(_WS).startswith(b"endstream"):
                return start, start + length
        end = self.raw.find(b"endstream", start)
        if end == -1:
            return start, len(self.raw)
        if self.raw[end - 2 : end] == b"\r\n":
            end -= 2
        elif self.raw[end - 1 : end] in (b"\n", b"\r"):
            end -= 1
        return start, max(start, end)

    def _top_level(self, num: int) -> Any:
        m = _OBJ.match(self.raw, self.where[num])
        if m is None:
            raise _Unreadable("object moved")
        value, after = parse_value(self.raw, m.end())
        span = self._data_span(value, after)
        return Stream(value, self.raw[span[0] : span[1]]) if span is not None else value

    def _objstm(self, num: int) -> tuple[bytes, dict[int, int]]:
        """Decoded data of an object stream and its index (object number -> offset in the data)."""
        got = self.objstm.get(num)
        if got is None:
            obj = self._top_level(num)
            if not isinstance(obj, Stream):
                raise _Unreadable("object stream is not a stream")
            data = decode(obj, OBJSTM_LIMIT, self.resolve)
            self.objstm_bytes += len(data)
            if self.objstm_bytes > OBJSTM_LIMIT:
                raise ExtractionError(
                    f"too large: its object streams inflate to more than {_mb(OBJSTM_LIMIT)}"
                )
            n, first = obj.dict.get("/N"), obj.dict.get("/First")
            index: dict[int, int] = {}
            if isinstance(n, int) and isinstance(first, int) and 0 <= first <= len(data):
                head = data[:first].split()
                for k in range(0, min(2 * n, len(head) - 1), 2):
                    if head[k].isdigit() and head[k + 1].isdigit():
                        index.setdefault(int(head[k]), first + int(head[k + 1]))
            got = self.objstm[num] = (data, index)
        return got

    def root(self) -> dict[str, Any]:
        root = self.resolve(self.root_ref) if self.root_ref else None
        if not isinstance(root, dict):
            raise _Unreadable("no catalog")
        return root

    def get(self, ref: Any) -> Any:
        num = ref.num
        if num in self.cache:
            return self.cache[num]
        self.cache[num] = None  # a reference loop resolves to null
        value = None
        if num in self.where:
            value = self._top_level(num)
        elif num in self.in_stream:
            data, index = self._objstm(self.in_stream[num][0])
            if num in index:
                value = parse_value(data, index[num])[0]
        self.cache[num] = value
        return value

    def offset(self, ref: Ref) -> int | None:
        return self.where.get(ref.num)


class _PypdfSource(_Source):
    """Objects of an encrypted file, read and decrypted by pypdf and converted to plain values."""

    def __init__(self, raw: bytes, password: str | None):
        from pypdf import PdfReader

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                self.reader = PdfReader(io.BytesIO(raw), strict=False)
                if not self.reader.decrypt(password or ""):
                    raise _Unreadable("wrong password")  # PDFium reports it
            except _Unreadable:
                raise
            except Exception as e:  # noqa: BLE001 - pypdf failing leaves the file to PDFium
                raise _Unreadable(str(e)) from None
        self.cache: dict[int, Any] = {}

    def root(self) -> dict[str, Any]:
        try:
            root = self._plain(self.reader.trailer.raw_get("/Root"))
        except Exception as e:  # noqa: BLE001
            raise _Unreadable(str(e)) from None
        root = self.resolve(root)
        if not isinstance(root, dict):
            raise _Unreadable("no catalog")
        return root

    def get(self, ref: Any) -> Any:
        from pypdf.errors import LimitReachedError
        from pypdf.generic import IndirectObject

        if ref.num not in self.cache:
            self.cache[ref.num] = None
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    obj = IndirectObject(ref.num, ref.gen, self.reader).get_object()
                except LimitReachedError:
                    raise _Over from None
                except Exception:  # noqa: BLE001 - an unreadable object is one PDFium skips too
                    obj = None
            self.cache[ref.num] = self._plain(obj)
        return self.cache[ref.num]

    def _plain(self, obj: Any, depth: int = 0) -> Any:
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

        if depth > MAX_NESTING:
            return None
        if isinstance(obj, IndirectObject):
            return Ref(obj.idnum, obj.generation)
        if isinstance(obj, DictionaryObject):
            d = {str(k): self._plain(obj.raw_get(k), depth + 1) for k in obj}
            data = getattr(obj, "_data", None)
            return Stream(d, data) if data is not None else d
        if isinstance(obj, ArrayObject):
            return [self._plain(x, depth + 1) for x in obj]
        if isinstance(obj, NameObject):
            return str(obj)
        if isinstance(obj, bool) or obj is None:
            return obj
        if isinstance(obj, int | float):
            return obj
        return b""


# ---------------------------------------------------------------- decoding


_FLATE = {"/FlateDecode", "/Fl"}
_OTHER = {
    "/ASCIIHexDecode": "ASCIIHexDecode",
    "/AHx": "ASCIIHexDecode",
    "/ASCII85Decode": "ASCII85Decode",
    "/A85": "ASCII85Decode",
    "/LZWDecode": "LZWDecode",
    "/LZW": "LZWDecode",
    "/RunLengthDecode": "RunLengthDecode",
    "/RL": "RunLengthDecode",
}


def _filters(stream: Stream, resolve: Callable[[Any], Any]) -> list[str]:
    f = resolve(stream.dict.get("/Filter"))
    if isinstance(f, list):
        return [x for x in (resolve(y) for y in f) if isinstance(x, str)]
    return [f] if isinstance(f, str) else []


def decoded_size(stream: Stream, cap: int, resolve: Callable[[Any], Any]) -> int:
    """Length of the stream after its filters, counted without keeping it (cap + 1 when longer)."""
    data, last, over = _all_but_last(stream, cap, resolve)
    if over:
        return cap + 1
    if last in _FLATE:
        return _inflate(data, cap, keep=False)[0]
    return min(len(data), cap + 1)


def decode(stream: Stream, cap: int, resolve: Callable[[Any], Any]) -> bytes:
    """The stream after its filters, cut at cap + 1 bytes."""
    data, last, _over = _all_but_last(stream, cap, resolve)
    if last in _FLATE:
        return _inflate(data, cap, keep=True)[1]
    return data[: cap + 1]


def _all_but_last(stream: Stream, cap: int, resolve: Callable[[Any], Any]) -> tuple[bytes, str | None, bool]:
    """Apply every filter but a final Flate one (in memory, cut at cap + 1 bytes); return the data, that
    last filter, and whether the output passed ``cap`` on the way. A filter PDFium does not apply for
    text (an image codec) ends the chain."""
    data = stream.data
    names = _filters(stream, resolve)
    for i, name in enumerate(names):
        if name in _FLATE:
            if i == len(names) - 1:
                return data, name, False
            data = _inflate(data, cap, keep=True)[1]
        elif name in _OTHER:
            from pypdf import filters as pf
            from pypdf.errors import LimitReachedError

            try:
                data = getattr(pf, _OTHER[name]).decode(data)
            except LimitReachedError:
                return b"", None, True
            except Exception:  # noqa: BLE001 - undecodable data is what PDFium would get nothing from
                return b"", None, False
            if isinstance(data, str):
                data = data.encode("latin-1")
        else:
            break
        if len(data) > cap:
            return data[: cap + 1], None, True
    return data, None, False


def _inflate(data: bytes, cap: int, *, keep: bool) -> tuple[int, bytes]:
    """Inflate zlib ``data`` a chunk at a time, stopping past ``cap`` bytes: the length (cap + 1 when
    longer) and, with ``keep``, the bytes themselves. Damaged data counts up to the damage, as PDFium
    keeps what it could inflate."""
    d = zlib.decompressobj()
    total = 0
    parts: list[bytes] = []
    pending = data
    try:
        while total <= cap:
            out = d.decompress(pending, _CHUNK)
            total += len(out)
            if keep:
                parts.append(out)
            pending = d.unconsumed_tail
            if d.eof or (not pending and len(out) < _CHUNK):
                break
    except zlib.error:
        pass
    return min(total, cap + 1), b"".join(parts)[: cap + 1] if keep else b""


# ---------------------------------------------------------------- costs

# A name drawn with the Do operator; strings shown by text operators.
_DO = re.compile(rb"/([^ \t\r\n\f\x00()<>\[\]{}/%]++)[ \t\r\n\f\x00]*+Do(?![^ \t\r\n\f\x00()<>\[\]{}/%])")
_HEX = re.compile(rb"(?<!<)<[0-9A-Fa-f \t\r\n\f\x00]*+>")


def _metadata(source: _Source, raw: bytes, meter: _Meter, result: Check) -> None:
    """Hide an oversized XMP stream from PDFium: rename the catalog's /Metadata key, or else the stream's
    /Filter key, in a copy of the bytes (same length, so every offset stays valid)."""
    root = source.root()
    ref = root.get("/Metadata")
    if not isinstance(ref, Ref):
        return
    stream = source.get(ref)
    if not isinstance(stream, Stream):
        return
    size = decoded_size(stream, META_LIMIT, source.resolve)
    if size <= META_LIMIT:
        meter.spend(size)
        return
    data = bytearray(raw)
    root_ref = getattr(source, "root_ref", None)
    if not (
        (
            isinstance(root_ref, Ref)
            and _rename(source, data, root_ref, rb"/Metadata(?![^ \t\r\n\f\x00()<>\[\]{}/%])", b"/Ignored_")
        )
        or _rename(source, data, ref, rb"/Filter(?![^ \t\r\n\f\x00()<>\[\]{}/%])", b"/Ignore")
    ):
        raise ExtractionError(f"too large: XMP metadata inflates to more than {_mb(META_LIMIT)}")
    result.data = bytes(data)
    result.warnings.append(f"XMP metadata not read: it inflates to more than {_mb(META_LIMIT)}")


def _rename(source: _Source, data: bytearray, ref: Ref, key: bytes, new: bytes) -> bool:
    """Overwrite ``key`` in the dictionary of the top-level object ``ref`` with ``new`` (same length)."""
    offset = source.offset(ref)
    if offset is None:
        return False
    m = _OBJ.match(data, offset)
    if m is None:
        return False
    try:
        _value, end = parse_value(bytes(data[m.end() : m.end() + 1_000_000]))
    except _Unreadable:
        return False
    hits = [h.start() for h in re.finditer(key, bytes(data[m.end() : m.end() + end]))]
    for at in hits:
        data[m.end() + at : m.end() + at + len(new)] = new
    return bool(hits)


class _Meter:
    """Decoded sizes of streams (each measured once), and the running total against the budget."""

    def __init__(self, source: _Source, budget: int):
        self.source = source
        self.budget = budget
        self.used = 0
        self.info: dict[int, list[Any]] = {}
        self.forms: dict[int, tuple[int, int]] = {}
        self.fonts: set[int] = set()
        self.font_streams: set[int] = set()

    def spend(self, n: int) -> None:
        self.used += n
        if self.budget and self.used > self.budget:
            raise _Over

    def _stream(self, ref: Any) -> Stream | None:
        obj = self.source.get(ref) if isinstance(ref, Ref) else None
        return obj if isinstance(obj, Stream) else None

    def _info(self, ref: Ref, draws: bool) -> list[Any]:
        """[bytes, shown characters, {name: times drawn} or None] of the content stream ``ref``.
        Characters are its length unless that is over TEXT_CHECK, when its strings are counted; the names
        drawn are read when ``draws`` asks (the resources hold forms) or the stream was decoded anyway."""
        info = self.info.get(ref.num)
        if info is None:
            stream = self._stream(ref)
            size = decoded_size(stream, PAGE_LIMIT, self.source.resolve) if stream else 0
            info = self.info[ref.num] = [size, size, None]
            if stream and TEXT_CHECK < size <= PAGE_LIMIT:
                data = decode(stream, PAGE_LIMIT, self.source.resolve)
                info[1], info[2] = _shown_chars(data), _draws(data)
        if draws and info[2] is None:
            stream = self._stream(ref)
            ok = stream is not None and info[0] <= PAGE_LIMIT
            info[2] = _draws(decode(stream, PAGE_LIMIT, self.source.resolve)) if ok else {}
        return info

    def stream_cost(self, ref: Ref, resources: Any, depth: int) -> tuple[int, int]:
        """(bytes, shown characters) of drawing the content stream ``ref`` with ``resources``: its own
        cost plus that of each form it draws, times the number of times it draws it."""
        forms = self._forms(resources) if depth < MAX_FORM_DEPTH else {}
        size, chars, draws = self._info(ref, bool(forms))
        if forms and draws and size <= PAGE_LIMIT:
            for name, uses in draws.items():
                if name in forms:
                    fb, fc = self.form_cost(forms[name], depth + 1)
                    size += uses * fb
                    chars += uses * fc
                    if size > PAGE_LIMIT:
                        break
        return size, chars

    def form_cost(self, ref: Ref, depth: int) -> tuple[int, int]:
        if ref.num not in self.forms:
            self.forms[ref.num] = (0, 0)  # a form drawing itself costs nothing more (PDFium stops the loop)
            form = self._stream(ref)
            resources = form.dict.get("/Resources") if form else None
            self.forms[ref.num] = self.stream_cost(ref, resources, depth)
        return self.forms[ref.num]

    def _forms(self, resources: Any) -> dict[bytes, Ref]:
        """Resource name -> reference of the form XObjects in ``resources``."""
        resolve = self.source.resolve
        resources = resolve(resources)
        xobjects = resolve(resources.get("/XObject")) if isinstance(resources, dict) else None
        if not isinstance(xobjects, dict):
            return {}
        out = {}
        for name, ref in list(xobjects.items())[:10_000]:
            obj = self._stream(ref)
            if obj is not None and resolve(obj.dict.get("/Subtype")) == "/Form":
                out[name[1:].encode("latin-1", "replace")] = ref
        return out

    def fonts_cost(self, resources: Any) -> int:
        """Decoded bytes of the font programs, ToUnicode maps and Type3 glyph procedures of the fonts in
        ``resources`` not counted before (PDFium loads each font once per document)."""
        resolve = self.source.resolve
        resources = resolve(resources)
        fonts = resolve(resources.get("/Font")) if isinstance(resources, dict) else None
        if not isinstance(fonts, dict):
            return 0
        total = 0
        for ref in list(fonts.values())[:10_000]:
            if not isinstance(ref, Ref) or ref.num in self.fonts:
                continue
            self.fonts.add(ref.num)
            font = resolve(ref)
            if not isinstance(font, dict):
                continue
            parts = [font]
            descendants = resolve(font.get("/DescendantFonts"))
            if isinstance(descendants, list) and descendants:
                parts.append(resolve(descendants[0]))
            streams = []
            for part in parts:
                if not isinstance(part, dict):
                    continue
                streams.append(part.get("/ToUnicode"))
                desc = resolve(part.get("/FontDescriptor"))
                if isinstance(desc, dict):
                    streams += [desc.get(k) for k in ("/FontFile", "/FontFile2", "/FontFile3")]
                procs = resolve(part.get("/CharProcs"))
                if isinstance(procs, dict):
                    streams += list(procs.values())[:10_000]
            for s in streams:
                if isinstance(s, Ref) and s.num not in self.font_streams:
                    self.font_streams.add(s.num)
                    stream = self._stream(s)
                    if stream is not None:
                        total += decoded_size(stream, self.budget or PAGE_LIMIT, resolve)
        return total

    def pages(self, max_pages: int) -> list[PageCost] | None:
        """Cost of each page in PDFium's order, spending the budget; None when there are more than
        ``max_pages`` (PDFium's page limit reports the file).

        A page listed twice is drawn twice and costs twice; a page-tree node met again (a loop) is not
        walked again."""
        resolve = self.source.resolve
        out: list[PageCost] = []
        stack: list[tuple[Any, Any, int]] = [(self.source.root().get("/Pages"), None, 0)]
        seen: set[int] = set()
        costs: dict[int, PageCost] = {}
        while stack:
            ref, inherited, depth = stack.pop()
            node = resolve(ref)
            if not isinstance(node, dict) or depth > 1024:
                continue
            resources = node.get("/Resources", inherited)
            kids = resolve(node.get("/Kids"))
            if isinstance(kids, list):
                if isinstance(ref, Ref):
                    if ref.num in seen:
                        continue
                    seen.add(ref.num)
                stack.extend((k, resources, depth + 1) for k in reversed(kids))
                continue
            if len(out) >= max_pages:
                return None
            key = ref.num if isinstance(ref, Ref) else None
            if key is not None and key in costs:
                cost = costs[key]
                if cost.problem() is None:
                    self.spend(cost.bytes)
            else:
                cost = self.page_cost(node, resources)
                if key is not None:
                    costs[key] = cost
            out.append(cost)
        return out

    def page_cost(self, page: dict[str, Any], resources: Any) -> PageCost:
        contents = page.get("/Contents")
        items = self.source.resolve(contents) if isinstance(contents, Ref) else contents
        refs = items if isinstance(items, list) else [contents]
        cost = PageCost()
        chars = 0
        for ref in refs[:100_000]:
            if not isinstance(ref, Ref):
                continue
            b, c = self.stream_cost(ref, resources, 0)
            cost.bytes += b
            chars += c
            if cost.bytes > PAGE_LIMIT:
                break
        if cost.bytes > TEXT_CHECK:
            cost.chars = chars
        if cost.problem() is None:
            self.spend(cost.bytes + self.fonts_cost(resources))
        return cost


def _draws(content: bytes) -> dict[bytes, int]:
    """How many times ``content`` draws each XObject, by name (#xx escapes decoded)."""
    counts: dict[bytes, int] = {}
    for m in _DO.finditer(content):
        name = m.group(1)
        if b"#" in name:
            name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda h: bytes([int(h.group(1), 16)]), name)
        counts[name] = counts.get(name, 0) + 1
    return counts


def _shown_chars(content: bytes) -> int:
    """Upper bound of the characters a content stream shows: every byte inside a literal string (nested
    parentheses followed, a stray ')' outside a string ignored) plus half the digits of each hex string. Worked out with numpy a megabyte at a time: a Python loop
    over the parentheses of a hostile stream (all of its bytes) would take minutes."""
    import numpy as np

    total = 0
    depth = low = 0  # parenthesis count so far and its lowest point (a ')' below zero is ignored)
    slashes = 0  # backslashes ending the previous chunk
    for off in range(0, len(content), _CHUNK):
        a = np.frombuffer(content, dtype=np.uint8, count=min(_CHUNK, len(content) - off), offset=off)
        idx = np.arange(a.size, dtype=np.int64)
        last = np.maximum.accumulate(np.where(a == 0x5C, -1, idx))  # last byte that is not a backslash
        before = np.concatenate(([-1], last[:-1]))
        run = np.where(before == -1, idx + slashes, idx - 1 - before)  # backslashes just before each byte
        # every '(' opens (an escaped one inside a string only makes the count larger), an escaped ')'
        # never closes: the count is never below what PDFium reads
        step = (a == 0x28).astype(np.int64) - (((run & 1) == 0) & (a == 0x29))
        level = np.cumsum(step) + depth
        floor = np.minimum(np.minimum.accumulate(level), low)
        total += int(np.count_nonzero(level > np.minimum(floor, 0)))
        depth, low = int(level[-1]), int(floor[-1])
        slashes = int(a.size if last[-1] == -1 else a.size - 1 - last[-1]) + (
            slashes if last[-1] == -1 else 0
        )
    for m in _HEX.finditer(content):
        total += (m.end() - m.start() - 2) // 2
    return total
