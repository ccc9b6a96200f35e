#!/usr/bin/env python3
"""Measure PDF text extraction: grantscan's reader vs bare pdfplumber and bare pypdfium2 (pages/s, peak MB).

    python scripts/measure_pdf.py [PDF ...] [--pages 1000] [--plumber-sample 20]

Without PDF arguments it uses proposal-www.pdf and the SIGNED_PROPOSAL from ../shared/corpus/real/opendreamkit
when present. pdfplumber is timed on the first --plumber-sample pages and scaled (it is slow). Peak memory of
grantscan's reader on a generated --pages page PDF is measured in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real" / "opendreamkit"
DEFAULTS = [REAL / "proposal-www.pdf", REAL / "H2020-EINFRA-2015-1_676541_SIGNED_PROPOSAL.pdf"]
LINE = ("Work package {n} trains a deep learning model for anomaly detection and evaluates lidar odometry "
        "with partners in Japan.")


def best_of(fn, repeat: int = 3) -> float:  # noqa: ANN001
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def grantscan_pdf(path: Path) -> int:
    from grantscan.extract import ExtractOptions
    from grantscan.extract.pdf import extract_pdf

    return extract_pdf(path, ExtractOptions()).pages or 0


def bare_pypdfium2(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    n = len(pdf)
    for i in range(n):
        page = pdf[i]
        tp = page.get_textpage()
        tp.get_text_range()
        tp.close()
        page.close()
    pdf.close()
    return n


def bare_pdfplumber(path: Path, sample: int) -> float:
    """Seconds per page of pdfplumber's extract_text over the first ``sample`` pages."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        pages = pdf.pages[:sample]
        t = time.perf_counter()
        for page in pages:
            page.extract_text()
            page.close()
        return (time.perf_counter() - t) / max(1, len(pages))


def make_pdf(path: Path, pages: int) -> None:
    """A plain Helvetica PDF of ``pages`` pages with 48 lines each."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    font = 3 + 2 * pages
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    for i in range(pages):
        ops = ["BT", "/F1 9 Tf", "14 TL", "40 800 Td"]
        ops += [f"({LINE.format(n=i * 48 + k)}) Tj T*" for k in range(48)]
        stream = "\n".join([*ops, "ET"]).encode("latin-1")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 "
                       f"{font} 0 R >> >> /Contents {4 + 2 * i} 0 R >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for num, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{num} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))


def peak_mb(path: Path) -> float:
    code = ("import resource, pathlib\nfrom grantscan.extract import ExtractOptions\n"
            "from grantscan.extract.pdf import extract_pdf\n"
            f"d = extract_pdf(pathlib.Path({str(path)!r}), ExtractOptions())\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return int(out.split()[-1]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--plumber-sample", type=int, default=20)
    a = ap.parse_args()
    pdfs = a.pdfs or [p for p in DEFAULTS if p.is_file()]
    grantscan_pdf(pdfs[0]) if pdfs else None  # warm imports
    for pdf in pdfs:
        n = bare_pypdfium2(pdf)
        t_ours = best_of(lambda p=pdf: grantscan_pdf(p))
        t_fium = best_of(lambda p=pdf: bare_pypdfium2(p))
        t_plumb = bare_pdfplumber(pdf, a.plumber_sample) * n
        print(f"{pdf.name[:48]:48} {n:4d} p | grantscan {n / t_ours:7.1f} p/s | pypdfium2 text {n / t_fium:7.1f} p/s"
              f" | pdfplumber extract_text {n / t_plumb:5.1f} p/s | x{t_plumb / t_ours:.0f} vs pdfplumber")
    if a.pages:
        with tempfile.TemporaryDirectory() as tmp:
            big = Path(tmp) / f"generated-{a.pages}.pdf"
            make_pdf(big, a.pages)
            t = best_of(lambda: grantscan_pdf(big), 1)
            print(f"generated {a.pages} pages: grantscan {a.pages / t:.1f} p/s, peak RSS {peak_mb(big):.0f} MB")


if __name__ == "__main__":
    main()
