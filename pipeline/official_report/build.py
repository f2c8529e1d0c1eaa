"""Write the evidence pack for a plan: <plan>-<as_of>.docx, .pdf, -phu-luc.xlsx, -luu-tru.warc.gz and
manifest.json, into a temporary folder beside DIR that is renamed into place only when complete."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.official_report.annex import write_annex
from pipeline.official_report.archive import write_archive
from pipeline.official_report.data import EvidenceData, EvidenceError, load_evidence
from pipeline.official_report.document import write_report_docx
from pipeline.official_report.pdf import docx_to_pdf
from pipeline.snapshot import open_snapshot
from planwatch.config import Paths

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class EvidencePack:
    out_dir: Path
    docx: Path
    pdf: Path | None
    xlsx: Path
    warc: Path
    manifest: Path
    missing: list[dict[str, Any]]


def file_names(plan_id: str, as_of: dt.date) -> dict[str, str]:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in plan_id)
    stem = f"{safe}-{as_of.isoformat()}"
    return {"docx": f"{stem}.docx", "pdf": f"{stem}.pdf", "xlsx": f"{stem}-phu-luc.xlsx",
            "warc": f"{stem}-luu-tru.warc.gz", "manifest": MANIFEST}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def build_evidence(paths: Paths, plan_id: str, as_of: dt.date, period: tuple[dt.date, dt.date] | None,
                   out_dir: Path, *, pdf: bool = True) -> EvidencePack:
    """Raises EvidenceError (bad input: nothing written), NoSnapshot, PdfError. Counted copies without an
    archived copy are listed in the report ("không còn bản lưu") and in EvidencePack.missing; the caller
    decides whether that is an error (the CLI's --allow-missing)."""
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise EvidenceError(f"{out_dir} exists and is not empty: choose a new folder (nothing was written)")
    with open_snapshot(paths) as conn:
        data = load_evidence(conn, paths.snapshot, plan_id, as_of, period, paths.raw_archive)
    missing = [c for c in data.copies() if not c["archived"]]
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=out_dir.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; the pack is meant to be handed on
    try:
        names = file_names(data.plan_id, as_of)
        entries = write_archive(data, tmp / names["warc"], paths.raw_archive)
        record_ids = {e["doc_id"]: e["warc_record_id"] for e in entries if e["warc_record_id"]}
        write_annex(data, tmp / names["xlsx"], record_ids)
        write_report_docx(data, tmp / names["docx"], names["xlsx"], names["warc"])
        if pdf:
            docx_to_pdf(tmp / names["docx"], tmp)
        manifest = build_manifest(data, entries, {k: tmp / names[k] for k in ("xlsx", "warc")}, names)
        (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                    encoding="utf-8")
        if out_dir.exists():
            out_dir.rmdir()  # empty (checked above)
        os.replace(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return EvidencePack(out_dir=out_dir, docx=out_dir / names["docx"],
                        pdf=out_dir / names["pdf"] if pdf else None, xlsx=out_dir / names["xlsx"],
                        warc=out_dir / names["warc"], manifest=out_dir / MANIFEST,
                        missing=[{"doc_id": c["doc_id"], "url": c["url"]} for c in missing])


def build_manifest(data: EvidenceData, entries: list[dict[str, Any]], files: dict[str, Path],
                   names: dict[str, str]) -> dict[str, Any]:
    return {
        "plan": data.plan_id,
        "plan_number": data.plan["number"],
        "as_of": data.as_of.isoformat(),
        "period": {"start": data.period_start.isoformat(), "end": data.period_end.isoformat()},
        "snapshot": {"id": data.snapshot_id, "time": data.snapshot_time.isoformat()},
        "classifier_versions": data.classifier_versions,
        "targets": data.targets,
        "rows": [{k: r[k] for k in ("activity", "format", "planned", "actual", "pending_review", "window_start",
                                    "window_end")} for r in data.rows],
        "files": {names[k]: {"sha256": sha256_file(p), "bytes": p.stat().st_size} for k, p in files.items()},
        "report_files": {"docx": names["docx"], "pdf": names["pdf"], "annex": names["xlsx"],
                         "archive": names["warc"]},
        "copies": entries,
        "missing": [e for e in entries if not e["archived"]],
    }


__all__ = ["EvidenceData", "EvidenceError", "EvidencePack", "build_evidence", "file_names"]
