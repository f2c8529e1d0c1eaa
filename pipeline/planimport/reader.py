"""Read a plan's text from .txt, .docx or .pdf into NFC lines (1-based line numbers are what drafts cite).

Tables become one line per row with cells separated by tabs, the way the seed text of plan 661 is laid out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path


class ReadError(ValueError):
    """The file cannot be read as a plan's text."""


def read_lines(path: Path) -> list[str]:
    suffix = path.suffix.lower()
    if not path.exists():
        raise ReadError(f"{path}: no such file")
    if suffix in (".txt", ".text", ".md", ""):
        text = _decode(path.read_bytes())
    elif suffix == ".docx":
        text = _docx_text(path)
    elif suffix == ".pdf":
        text = _pdf_text(path)
    else:
        raise ReadError(f"{path}: unsupported file type '{suffix}' (use .txt, .docx or .pdf)")
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return text.split("\n")


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1258", errors="replace")


def _docx_text(path: Path) -> str:
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    out: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                out.append("\t".join(" ".join(cell.text.split()) for cell in row.cells))
    return "\n".join(out)


def _pdf_text(path: Path) -> str:
    """pdftotext (poppler-utils) with the layout kept; the activities table is rebuilt from its columns."""
    exe = shutil.which("pdftotext")
    if exe is None:
        raise ReadError("pdftotext is not installed (Debian: apt-get install poppler-utils)")
    proc = subprocess.run([exe, "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=False)
    if proc.returncode != 0:
        raise ReadError(f"{path}: pdftotext failed ({proc.stderr.decode(errors='replace').strip()})")
    text = proc.stdout.decode("utf-8", errors="replace")
    if not text.strip():
        raise ReadError(f"{path}: the PDF has no text layer (a scan): run OCR first or type the text")
    return "\n".join(join_wrapped(layout_tables(text.replace("\f", "\n").split("\n"))))


_CHUNK = re.compile(r"\S+(?: \S+)*")
_TABLE_HEAD = re.compile(r"^\s*S?TT\s{2,}.*Nội dung", re.IGNORECASE)
_SECTION = re.compile(r"^\s*(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+\S")
_ROW_START = re.compile(r"^\d+\.?$")


def layout_tables(lines: list[str]) -> list[str]:
    """Lines of `pdftotext -layout` -> the same lines, with each table (a header "TT  Nội dung  ...") turned
    into one tab-separated line per row: cells wrap over several lines in a PDF, columns are positions."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _TABLE_HEAD.match(lines[i]):
            out.append(lines[i].strip())
            i += 1
            continue
        starts = [m.start() for m in _CHUNK.finditer(lines[i])]
        rows: list[list[str]] = [[""] * len(starts)]
        j = i
        while j < len(lines) and not _SECTION.match(lines[j]):
            cells = _cells(lines[j], starts)
            if j > i and _ROW_START.match(cells[0]):
                rows.append([""] * len(starts))
            for k, cell in enumerate(cells):
                if cell:
                    prev = rows[-1][k]
                    rows[-1][k] = f"{prev}{cell}" if prev.endswith("-") or not prev else f"{prev} {cell}"
            j += 1
        out.extend("\t".join(row) for row in rows)
        i = j
    return out


_NO_JOIN = re.compile(r"^([-–•+]\s|\d+(\.\d+)*\.\s|(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s|Số\s*:|Nơi nhận)")


_SUBHEAD = re.compile(r"^\d+(\.\d+)*\.\s+\S{1,20}( \S+){0,6}$")  # "1. Mục đích": a short numbered heading


def join_wrapped(lines: list[str]) -> list[str]:
    """A paragraph wrapped over several PDF lines -> one line. Blank lines, bullets, headings, upper-case lines
    and table rows (tabs) end a paragraph."""
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if (line and prev and "\t" not in line and "\t" not in prev and not _NO_JOIN.match(line)
                and not line.isupper() and not prev.isupper() and not _SUBHEAD.match(prev)):
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return out


def _cells(line: str, starts: list[int]) -> list[str]:
    cells = [""] * len(starts)
    for m in _CHUNK.finditer(line):
        col = min(range(len(starts)), key=lambda k: abs(starts[k] - m.start()))  # the nearest column start
        cells[col] = f"{cells[col]} {m.group()}".strip()
    return cells
