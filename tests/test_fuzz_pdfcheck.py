"""Fuzzing the PDF structure check: whatever the bytes, it answers (costs, or none) or refuses in one line.

The check reads hostile files before PDFium does, so it must never raise anything but ExtractionError, and
its object reader nothing but its own 'unreadable' signal. Mutations of generated bombs and plain files
keep the structure nearly intact, so they reach deep into the reader.
"""

from __future__ import annotations

import random
import zlib
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grantscan.extract import ExtractionError, extract, pdfcheck

from . import hostile


def _seeds() -> list[bytes]:
    lines = ["Export control screening.", "Radar (research) <with> [brackets] /and/ names"]
    plain = hostile.pdf_bytes([3], [hostile.text_stream(lines)])
    form = hostile.pdf_bytes(
        [3],
        [
            hostile._stream(zlib.compress(b"/Fm0 Do\n" * 3)),
            hostile._stream(zlib.compress(hostile.text_lines(2000)), b" /Type /XObject /Subtype /Form"),
        ],
        resources=b"<< /Font << /F1 1 0 R >> /XObject << /Fm0 4 0 R >> >>",
    )
    meta = hostile.pdf_bytes(
        [3],
        [hostile.text_stream(lines), hostile._stream(hostile.deflate_zeros(200_000), b" /Type /Metadata")],
        catalog_extra=b" /Metadata 4 0 R",
    )
    return [plain, form, meta]


SEEDS = _seeds()


def _mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(4)
        i = rng.randrange(len(buf))
        if op == 0:
            buf[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            buf[i : i + rng.randint(1, 8)] = bytes(rng.choice(b"<>[]()/ 0123456789Rob\n") for _ in range(8))
        elif op == 2:
            del buf[i : i + rng.randint(1, 40)]
        else:
            j = rng.randrange(len(buf))
            buf[i:i] = buf[j : j + rng.randint(1, 60)]
    return bytes(buf)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), which=st.integers(0, len(SEEDS) - 1))
def test_mutated_pdfs_are_checked_or_refused_in_one_line(tmp_path: Path, seed: int, which: int) -> None:
    path = tmp_path / "m.pdf"
    path.write_bytes(_mutate(SEEDS[which], random.Random(seed)))
    with mock.patch.object(pdfcheck, "META_LIMIT", 100_000):  # the third seed's metadata is over it
        try:
            pdfcheck.check(path, None, 250_000_000, 5000)
        except ExtractionError as e:
            assert e.reason.startswith("too large: ") and "\n" not in e.reason
        try:
            extract(path)
        except ExtractionError as e:
            assert e.reason and "\n" not in e.reason


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=300) | st.text(alphabet="<>[]()/\\ 012R #aeobjstrm\n%", max_size=300).map(str.encode)
)
def test_the_object_reader_reads_or_says_unreadable(data: bytes) -> None:
    try:
        value, end = pdfcheck.parse_value(data)
    except pdfcheck._Unreadable:
        return
    assert 0 < end <= len(data)
    assert value is None or isinstance(value, dict | list | str | bytes | int | float | bool | pdfcheck.Ref)
