"""The PDF twin of the docx: LibreOffice headless (Debian's libreoffice-writer-nogui) converts the very same
file, so the PDF cannot drift from the docx. Times New Roman resolves to Liberation Serif (fonts-liberation,
metric-compatible, with the Vietnamese glyphs); LibreOffice embeds the fonts it uses."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


class PdfError(RuntimeError):
    pass


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise PdfError("LibreOffice is not installed (soffice not found): run scripts/install-system-deps.sh "
                       "as root, or pass --no-pdf")
    return found


def docx_to_pdf(docx: Path, out_dir: Path, timeout: float = 180) -> Path:
    """Convert docx into out_dir/<stem>.pdf. A private LibreOffice profile per call, so concurrent runs never
    share (and lock) one."""
    binary = soffice()
    with tempfile.TemporaryDirectory(prefix="planwatch-lo-") as profile:
        cmd = [binary, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out_dir), str(docx)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(f"LibreOffice did not finish converting {docx.name} in {timeout:.0f} s") from None
    target = out_dir / f"{docx.stem}.pdf"
    if proc.returncode != 0 or not target.exists():
        raise PdfError(f"LibreOffice could not convert {docx.name}: {(proc.stderr or proc.stdout).strip()[:300]}")
    return target
