"""Hostile inputs, generated on demand: decompression bombs, giant pages and pathological markup.

Every function writes one file and returns its path, so tests of extraction, annotation and the scan
runner can share them. Nothing here is committed as a binary fixture: a 2 GiB bomb is a ~2 MB file
built in well under a second, because deflate output for a repeated block is itself repeated (see
``deflate_repeated``).
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

MIB = 1 << 20
GIB = 1 << 30

# A line of plain text as a PDF content-stream operation: show the string, then move to the next line;
# 900 of them (~64 KiB) make the block that text bombs repeat.
_LINE = b"(The quick brown fox jumps over the lazy dog near the harbour wall.) '\n"
_LINES = _LINE * 900


# ---------------------------------------------------------------- deflate


def deflate_repeated(prefix: bytes, unit: bytes, count: int, suffix: bytes = b"") -> bytes:
    """zlib data that inflates to ``prefix + unit * count + suffix``, built without compressing it all.

    After a full flush the compressor has forgotten its history, so each further copy of ``unit``
    compresses to the same bytes: one copy is compressed and repeated. The Adler-32 trailer is
    computed over the whole inflated content.
    """
    c = zlib.compressobj(9)
    head = c.compress(prefix) + c.flush(zlib.Z_FULL_FLUSH)
    body = b""
    if count:
        first = c.compress(unit) + c.flush(zlib.Z_FULL_FLUSH)
        second = c.compress(unit) + c.flush(zlib.Z_FULL_FLUSH)
        if first != second:  # cannot happen with zlib's deflate; guards the trick rather than trusting it
            raise AssertionError("deflate output of a repeated block is not repeated")
        body = first * count
    tail = c.compress(suffix) + c.flush()
    adler = _adler_combine(zlib.adler32(prefix), _adler_repeat(unit, count), len(unit) * count)
    adler = _adler_combine(adler, zlib.adler32(suffix), len(suffix))
    return head + body + tail[:-4] + adler.to_bytes(4, "big")


def _adler_combine(first: int, second: int, second_len: int) -> int:
    """Adler-32 of a + b from those of a and b (zlib's adler32_combine, which Python does not expose)."""
    base = 65521
    rem = second_len % base
    s1 = first & 0xFFFF
    s2 = (rem * s1) % base
    s1 = (s1 + (second & 0xFFFF) + base - 1) % base
    s2 = (s2 + ((first >> 16) & 0xFFFF) + ((second >> 16) & 0xFFFF) + base - rem) % base
    return s1 | (s2 << 16)


def _adler_repeat(unit: bytes, count: int) -> int:
    """Adler-32 of ``unit * count`` by doubling, without hashing ``count`` copies."""
    result, result_len = 1, 0
    power, power_len = zlib.adler32(unit), len(unit)
    while count:
        if count & 1:
            result, result_len = _adler_combine(result, power, power_len), result_len + power_len
        power, power_len = _adler_combine(power, power, power_len), 2 * power_len
        count >>= 1
    return result


def deflate_zeros(size: int) -> bytes:
    """zlib data inflating to ``size`` zero bytes (rounded up to a whole MiB above 1 MiB)."""
    if size <= MIB:
        return zlib.compress(bytes(size), 9)
    return deflate_repeated(b"", bytes(MIB), -(-size // MIB))


# ---------------------------------------------------------------- PDF

FONT_RESOURCES = b"<< /Font << /F1 1 0 R >> >>"


def _stream(body: bytes, extra: bytes = b"", *, compressed: bool = True) -> bytes:
    flt = b" /Filter /FlateDecode" if compressed else b""
    return b"<< /Length %d%s%s >>\nstream\n%s\nendstream" % (len(body), flt, extra, body)


def assemble(objs: list[bytes], root: int) -> bytes:
    """A PDF file of ``objs`` (numbered from 1) with a cross-reference table; ``root`` is the catalog."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, root, xref)
    return bytes(out)


def pdf_bytes(
    contents: list[int | bytes],
    objects: list[bytes],
    *,
    catalog_extra: bytes = b"",
    page_extra: list[bytes] | None = None,
    mediabox: bytes = b"[0 0 612 792]",
    resources: bytes = FONT_RESOURCES,
) -> bytes:
    """A PDF from raw objects. Objects 1 (Helvetica) and 2 (page tree) are made here; ``objects`` are
    numbered from 3 on; page ``i`` shows the content stream object ``contents[i]`` (or, given bytes, has
    them as its /Contents value) and carries ``page_extra[i]`` in its dictionary."""
    objs: list[bytes] = [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"",
        *objects,
    ]
    kids = []
    for i, content in enumerate(contents):
        extra = page_extra[i] if page_extra and i < len(page_extra) else b""
        value = content if isinstance(content, bytes) else b"%d 0 R" % content
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources %s /Contents %s%s >>"
            % (mediabox, resources, value, extra)
        )
        kids.append(len(objs))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R%s >>" % catalog_extra)
    return assemble(objs, root=len(objs))


def text_content(lines: list[str]) -> bytes:
    """An uncompressed content stream body showing ``lines`` in Helvetica 12 pt from the top of the page."""
    ops = b"".join(b"(%s) '\n" % line.encode("latin-1") for line in lines)
    return b"BT /F1 12 Tf 14 TL 72 760 Td\n" + ops + b"ET"


def text_lines(size: int) -> bytes:
    """About ``size`` bytes of content-stream text operations (whole lines, at least one)."""
    reps = max(1, size // len(_LINE))
    return b"BT /F1 10 Tf 12 TL 72 760 Td\n" + _LINE * reps + b"ET\n"


def simple_pdf(path: Path, pages: list[list[str]], *, page_extra: list[bytes] | None = None) -> Path:
    """A plain PDF: each page shows its lines of text (uncompressed content streams)."""
    objects = [_stream(text_content(lines), compressed=False) for lines in pages]
    path.write_bytes(pdf_bytes(list(range(3, 3 + len(pages))), objects, page_extra=page_extra))
    return path


def metadata_bomb_pdf(path: Path, size: int = 2 * GIB) -> Path:
    """One ordinary page, and an XMP /Metadata stream on the catalog that inflates to ``size`` zero bytes.

    The text never needs the metadata stream; a reader that inflates it anyway holds ``size`` bytes.
    """
    page = _stream(text_content(["Export control screening of this proposal."]), compressed=False)
    meta = _stream(deflate_zeros(size), b" /Type /Metadata /Subtype /XML")
    path.write_bytes(pdf_bytes([3], [page, meta], catalog_extra=b" /Metadata 4 0 R"))
    return path


def content_bomb_pdf(path: Path, size: int = 100 * MIB) -> Path:
    """One page whose content stream inflates to ``size`` bytes: a line of text, then zeros (which
    PDF reads as whitespace). The stream is needed for the text, so a reader must inflate it: within a
    budget."""
    prefix = text_content(["Export control screening of this proposal."]) + b"\n"
    data = deflate_repeated(prefix, bytes(MIB), -(-size // MIB))
    path.write_bytes(pdf_bytes([3], [_stream(data)]))
    return path


def _text_stream(size: int) -> bytes:
    """A Flate content stream showing ``size`` bytes of text lines, built without compressing them all."""
    count = max(1, size // len(_LINES))
    return _stream(deflate_repeated(b"BT /F1 10 Tf 12 TL 72 760 Td\n", _LINES, count, b"ET\n"))


def huge_page_pdf(path: Path, size: int = 10 * MIB) -> Path:
    """One page whose content stream shows ``size`` bytes of plain text, line after line (a 10 MB
    page holds about 9.7 million characters)."""
    path.write_bytes(pdf_bytes([3], [_text_stream(size)]))
    return path


def shared_stream_pdf(path: Path, pages: int = 4999, size: int = MIB) -> Path:
    """``pages`` pages that all show one content stream of ``size`` bytes of text: the file stays
    small, the text it holds is ``pages * size``."""
    path.write_bytes(pdf_bytes([3] * pages, [_text_stream(size)]))
    return path


def two_page_pdf(path: Path, first: bytes, second: bytes) -> Path:
    """Two pages with the given (stream object) contents."""
    path.write_bytes(pdf_bytes([3, 4], [first, second]))
    return path


def text_stream(lines: list[str]) -> bytes:
    """An uncompressed stream object showing ``lines`` (for ``two_page_pdf``)."""
    return _stream(text_content(lines), compressed=False)


def big_text_stream(size: int) -> bytes:
    """A Flate stream object showing about ``size`` bytes of text (for ``two_page_pdf``)."""
    return _text_stream(size)


def form_bomb_pdf(path: Path, uses: int = 1000, size: int = 100_000) -> Path:
    """One page drawing one form XObject ``uses`` times; the form shows ``size`` bytes of text. The file
    and each of its streams are small; the page is not."""
    form = _stream(
        zlib.compress(text_lines(size)),
        b" /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources " + FONT_RESOURCES,
    )
    page = _stream(zlib.compress(b"/Fm0 Do\n" * uses))
    resources = b"<< /Font << /F1 1 0 R >> /XObject << /Fm0 4 0 R >> >>"
    path.write_bytes(pdf_bytes([3], [page, form], resources=resources))
    return path


def repeated_contents_pdf(path: Path, repeats: int = 1000, size: int = 100_000) -> Path:
    """One page whose /Contents array lists one content stream of ``size`` bytes ``repeats`` times."""
    refs = b"[" + b" ".join([b"3 0 R"] * repeats) + b"]"
    path.write_bytes(pdf_bytes([refs], [_stream(zlib.compress(text_lines(size)))]))
    return path


def repeated_page_pdf(path: Path, repeats: int = 4999, size: int = MIB) -> Path:
    """One page object listed ``repeats`` times in the page tree (readers show it that many times); its
    content stream shows ``size`` bytes of text."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents 3 0 R >>"
    objs = [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join([b"4 0 R"] * repeats), repeats),
        _text_stream(size),
        page % FONT_RESOURCES,
        b"<< /Type /Catalog /Pages 2 0 R >>",
    ]
    path.write_bytes(assemble(objs, root=5))
    return path


def many_pages_pdf(path: Path, pages: int, lines: int = 40) -> Path:
    """``pages`` ordinary pages sharing a short content stream (for growth measurements by page count)."""
    body = text_content([f"Line {k} of a page about radar signal processing." for k in range(lines)])
    path.write_bytes(pdf_bytes([3] * pages, [_stream(zlib.compress(body))]))
    return path


# Damaged /Annots values for the annotator: each is the page dictionary's /Annots entry (object 3 is
# the page's content stream; 99 0 R names an object that does not exist).
DAMAGED_ANNOTS = {
    "not-an-array": b" /Annots 42",
    "name": b" /Annots /Nonsense",
    "dict": b" /Annots << /Type /Annot >>",
    "null-items": b" /Annots [null null]",
    "non-dict-items": b" /Annots [1 (text) /Name [2 3]]",
    "dangling-ref": b" /Annots 99 0 R",
    "dangling-items": b" /Annots [99 0 R 98 0 R]",
    "ref-to-stream": b" /Annots 3 0 R",
    "ref-to-number": b" /Annots [4 0 R]",
}


def damaged_annots_pdf(path: Path, kind: str, lines: list[str]) -> Path:
    """One page showing ``lines`` whose /Annots entry is damaged as ``DAMAGED_ANNOTS[kind]`` says."""
    content = _stream(text_content(lines), compressed=False)
    path.write_bytes(pdf_bytes([3], [content, b"7"], page_extra=[DAMAGED_ANNOTS[kind]]))
    return path


# ---------------------------------------------------------------- text, Markdown, LaTeX


def write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def deep_brackets_md(path: Path, n: int) -> Path:
    """``n`` opening brackets and nothing else."""
    return write_text(path, "[" * n)


# Adversarial Markdown and text bodies of about ``n`` characters, by name: each targets a pattern that
# backtracks (runs of one character class that a regex may split between two quantifiers) or a stage
# whose cost grows with the length of one line, one word or one paragraph.
ADVERSARIAL_TEXT = {
    "brackets": lambda n: "[" * n,
    "closing-brackets": lambda n: "]" * n,
    "parens": lambda n: "(" * n,
    "link-openers": lambda n: "[a](" * (n // 4),
    "bang-brackets": lambda n: "![" * (n // 2),
    "spaces-before-word": lambda n: " " * n + "word",
    "tabs-before-word": lambda n: "\t" * n + "word",
    "hash-spaces": lambda n: "#" + " " * n + "x",
    "hash-tabs": lambda n: "#" + "\t" * n + "x",
    "heading-inner-spaces": lambda n: "# a" + " " * n + "b",
    "heading-inner-tabs": lambda n: "# a" + "\t" * n + "b",
    "spaces-then-pipe": lambda n: " " * n + "|x",
    "quote-markers": lambda n: "> " * (n // 2) + "x",
    "list-spaces": lambda n: "-" + " " * n + "x",
    "rule-spaces": lambda n: "-" + " -" * (n // 2) + " x",
    "dashes": lambda n: "-" * n + "x",
    "stars": lambda n: "*" * n + "x",
    "underscores": lambda n: "a" + "_" * n + "a",
    "backticks": lambda n: "`" * n + "x",
    "tildes": lambda n: "~" * n + "x",
    "pipes": lambda n: "|" * n,
    "table-delims": lambda n: "|" + "--|" * (n // 3) + "x",
    "angle": lambda n: "<a" + " " * n,
    "tag-unclosed": lambda n: "<a " + "b " * (n // 2),
    "entities": lambda n: "&" * n,
    "entity-like": lambda n: "&#" * (n // 2),
    "escapes": lambda n: "\\" * n,
    "comment-open": lambda n: "<!--" + "a" * n,
    "comment-openers": lambda n: "<!--" * (n // 4),
    "link-defs": lambda n: "[" + "a" * n + "]:",
    "blank-lines-spaces": lambda n: "a\n" + " " * n + "x",
    "blank-runs": lambda n: "a" + "\n \t" * (n // 3) + "b",
    "no-newline-words": lambda n: "word " * (n // 5),
    "no-newline-sentences": lambda n: "The export of radar. " * (n // 21),
    "one-long-word": lambda n: "a" * n,
    "dots": lambda n: "a" + "." * n,
    "digits-dots": lambda n: "1." * (n // 2),
    "mixed-punct": lambda n: "([{" * (n // 3),
    "url-like": lambda n: "http://" + "a." * (n // 2),
    "email-like": lambda n: "a@" * (n // 2),
    "capitals": lambda n: "A " * (n // 2),
    "colons": lambda n: "Partner:" * (n // 8),
    "hyphen-words": lambda n: "a-" * (n // 2),
    "apostrophes": lambda n: "'" * n,
    "quotes": lambda n: '"' * n,
    "slashes": lambda n: "/" * n,
    "commas": lambda n: "a," * (n // 2),
    "numbers": lambda n: "1 " * (n // 2),
    "semicolon-list": lambda n: "Iran; " * (n // 6),
}

# LaTeX bodies of about ``n`` characters, by name.
ADVERSARIAL_LATEX = {
    "braces": lambda n: "{" * n,
    "closing-braces": lambda n: "}" * n,
    "backslashes": lambda n: "\\" * n,
    "commands": lambda n: "\\a" * (n // 2),
    "begin-spaces": lambda n: "\\begin" + " " * n,
    "begin-document-spaces": lambda n: "\\begin" + " " * n + "{document}",
    "title-spaces": lambda n: "\\title" + " " * n + "[x",
    "title-options": lambda n: "\\title[" + "[" * n,
    "section-nested": lambda n: "\\section{" * (n // 9),
    "footnote-nested": lambda n: "\\footnote{" * (n // 10),
    "verbatim-unclosed": lambda n: "\\begin{verbatim}" + "a" * n,
    "verbatim-many": lambda n: "\\begin{verbatim}" * (n // 16),
    "optional": lambda n: "\\cite" + "[" * n,
    "percent": lambda n: "\\%" * (n // 2),
    "comments": lambda n: "%\n" * (n // 2),
    "accents": lambda n: "\\'" * (n // 2),
    "items": lambda n: "\\item[" * (n // 6),
    "plain": lambda n: "word " * (n // 5),
}


def adversarial_md(path: Path, name: str, n: int) -> Path:
    return write_text(path, ADVERSARIAL_TEXT[name](n))


def adversarial_tex(path: Path, name: str, n: int) -> Path:
    return write_text(path, ADVERSARIAL_LATEX[name](n))


# ---------------------------------------------------------------- DOCX


def docx_bytes(body_xml: str) -> bytes:
    """A minimal DOCX whose document body is ``body_xml`` (paragraph elements)."""
    import io

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    ct = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>{body_xml}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", ct)
        zf.writestr("_rels/.rels", rels)
        zf.writestr("word/document.xml", doc)
    return buf.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx_paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{_escape(text)}</w:t></w:r></w:p>'


def long_paragraph_docx(path: Path, text: str) -> Path:
    """A DOCX of one paragraph holding ``text``."""
    path.write_bytes(docx_bytes(docx_paragraph(text)))
    return path


def many_runs_docx(path: Path, runs: int) -> Path:
    """A DOCX of one paragraph split into ``runs`` one-word runs."""
    body = "".join(f'<w:r><w:t xml:space="preserve">w{k % 10} </w:t></w:r>' for k in range(runs))
    path.write_bytes(docx_bytes(f"<w:p>{body}</w:p>"))
    return path
