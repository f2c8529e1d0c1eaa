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
    """pdftotext (poppler-utils) with the layout kept; runs of 3+ spaces inside a table become tabs."""
    exe = shutil.which("pdftotext")
    if exe is None:
        raise ReadError("pdftotext is not installed (Debian: apt-get install poppler-utils)")
    proc = subprocess.run([exe, "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=False)
    if proc.returncode != 0:
        raise ReadError(f"{path}: pdftotext failed ({proc.stderr.decode(errors='replace').strip()})")
    text = proc.stdout.decode("utf-8", errors="replace")
    if not text.strip():
        raise ReadError(f"{path}: the PDF has no text layer (a scan): run OCR first or type the text")
    return "\n".join(re.sub(r" {3,}", "\t", line.strip()) for line in text.split("\n"))
