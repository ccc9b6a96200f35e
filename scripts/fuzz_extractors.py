#!/usr/bin/env python3
"""Mutation fuzzing of the extractors on real files.

    python scripts/fuzz_extractors.py [--seconds 60] [--seed 1] [--save-crashes DIR] FILE...

Each round takes a seed file, mutates it (bit flips, byte runs, truncation, chunk duplication and, for
DOCX, mutation of one XML part inside the zip) and extracts it. The only acceptable outcomes are a Document
or an ExtractionError with a one-line reason; anything else (another exception, a hang past the time
limit) is a crash, printed and optionally saved so it can become a regression test.
"""

from __future__ import annotations

import argparse
import io
import random
import signal
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path


def mutate(data: bytes, rng: random.Random, suffix: str) -> bytes:
    if suffix == ".docx" and rng.random() < 0.5:
        try:
            return mutate_zip_member(data, rng)
        except zipfile.BadZipFile:
            pass
    buf = bytearray(data)
    op = rng.randrange(5)
    if not buf:
        return bytes(rng.randrange(256) for _ in range(64))
    if op == 0:  # bit flips
        for _ in range(rng.randint(1, 20)):
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
    elif op == 1:  # overwrite a run with random bytes
        i = rng.randrange(len(buf))
        for j in range(i, min(len(buf), i + rng.randint(1, 512))):
            buf[j] = rng.randrange(256)
    elif op == 2:  # truncate
        del buf[rng.randrange(len(buf)) :]
    elif op == 3:  # duplicate a chunk
        i = rng.randrange(len(buf))
        chunk = buf[i : i + rng.randint(1, 4096)]
        buf[i:i] = chunk * rng.randint(1, 8)
    else:  # interesting values
        i = rng.randrange(len(buf))
        buf[i : i + 4] = rng.choice([b"\x00\x00\x00\x00", b"\xff\xff\xff\xff", b"9999", b"-1 0", b"<<>>"])
    return bytes(buf)


def mutate_zip_member(data: bytes, rng: random.Random) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in src.namelist() if n.endswith(".xml") or n.endswith(".rels")]
    target = rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in src.namelist():
            blob = src.read(n)
            if n == target:
                blob = mutate(blob, rng, ".xml")
            z.writestr(n, blob)
    return out.getvalue()


class Hang(Exception):
    pass


def _alarm(signum, frame):  # noqa: ANN001, ANN202
    raise Hang()


def fuzz(
    files: list[Path], seconds: float, seed: int, per_case_timeout: int = 20, save: Path | None = None
) -> tuple[int, list[str]]:
    """Run mutations for ``seconds``; return (cases run, crash descriptions)."""
    from grantscan.extract import ExtractionError, ExtractOptions, extract

    rng = random.Random(seed)
    seeds = [(p, p.read_bytes()) for p in files]
    crashes: list[str] = []
    runs = 0
    deadline = time.monotonic() + seconds
    signal.signal(signal.SIGALRM, _alarm)
    with tempfile.TemporaryDirectory() as td:
        while time.monotonic() < deadline:
            path, data = rng.choice(seeds)
            case = Path(td) / f"case{path.suffix}"
            blob = mutate(data, rng, path.suffix.lower())
            case.write_bytes(blob)
            runs += 1
            signal.alarm(per_case_timeout)
            try:
                extract(case, ExtractOptions(max_size=50 * 1024 * 1024))
            except ExtractionError as e:
                if "\n" in e.reason or not e.reason:
                    crashes.append(f"{path.name}: multi-line or empty reason: {e.reason!r}")
            except Hang:
                crashes.append(f"{path.name}: hang > {per_case_timeout}s")
            except Exception:  # noqa: BLE001 - that is what we are looking for
                crashes.append(f"{path.name}: {traceback.format_exc(limit=3).strip().splitlines()[-1]}")
                if save:
                    save.mkdir(parents=True, exist_ok=True)
                    (save / f"crash-{runs}{path.suffix}").write_bytes(blob)
            finally:
                signal.alarm(0)
    return runs, crashes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--save-crashes", type=Path)
    a = ap.parse_args()
    runs, crashes = fuzz(a.files, a.seconds, a.seed, save=a.save_crashes)
    print(f"{runs} cases, {len(crashes)} crashes")
    for c in crashes:
        print("  " + c)
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
