"""`planwatch evidence verify DIR`: re-hash the archive and check it against the manifest, and check the
report's numbers (docx table, annex rows) against the stories the manifest lists. Returns the problems found
(empty: all checks passed)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from pipeline.official_report.annex import MISSING_COPY
from pipeline.official_report.build import MANIFEST, sha256_file
from pipeline.official_report.data import FORMAT_VI


def verify_pack(folder: Path) -> tuple[list[str], dict[str, int]]:
    problems: list[str] = []
    stats = {"records": 0, "copies": 0, "stories": 0}
    manifest_path = folder / MANIFEST
    if not manifest_path.exists():
        return [f"{manifest_path} is missing"], stats
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    files = manifest["report_files"]
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.exists():
            problems.append(f"{name}: file missing")
        elif sha256_file(path) != expected["sha256"]:
            problems.append(f"{name}: SHA-256 differs from the manifest (the file was changed)")
    copies = [c for c in manifest["copies"] if c["archived"]]
    stats["copies"] = len(copies)
    problems += _check_warc(folder / files["archive"], copies, stats)
    stories = Counter((c["activity"], c["format"]) for c in
                      {(c["activity"], c["format"], c["story_id"]): c for c in manifest["copies"]}.values())
    stats["stories"] = sum(stories.values())
    for row in manifest["rows"]:
        if stories.get((row["activity"], row["format"]), 0) != row["actual"]:
            problems.append(f"manifest row {row['activity']}/{row['format']}: actual {row['actual']} but "
                            f"{stories.get((row['activity'], row['format']), 0)} stories listed")
    problems += _check_docx(folder / files["docx"], manifest["rows"])
    problems += _check_annex(folder / files["annex"], stats["stories"], manifest)
    return problems, stats


def _check_warc(path: Path, copies: list[dict[str, Any]], stats: dict[str, int]) -> list[str]:
    from warcio.archiveiterator import ArchiveIterator

    problems = []
    by_id = {c["warc_record_id"]: c for c in copies}
    seen: set[str] = set()
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                stats["records"] += 1
                rid = record.rec_headers.get_header("WARC-Record-ID")
                body = record.content_stream().read()
                copy = by_id.get(rid)
                if copy is None:
                    problems.append(f"WARC record {rid} is not in the manifest")
                    continue
                seen.add(rid)
                if hashlib.sha256(body).hexdigest() != copy["sha256"]:
                    problems.append(f"WARC record {rid} ({copy['url']}): body SHA-256 differs from the manifest")
                if record.rec_headers.get_header("WARC-Target-URI") != copy["archived_url"]:
                    problems.append(f"WARC record {rid}: URL differs from the manifest")
    except Exception as exc:  # a damaged gzip member or record: the archive cannot be trusted
        problems.append(f"{path.name} cannot be read as WARC: {exc}")
        return problems
    for rid in sorted(set(by_id) - seen):
        problems.append(f"manifest copy {by_id[rid]['url']} ({rid}) has no record in {path.name}")
    return problems


def _check_docx(path: Path, rows: list[dict[str, Any]]) -> list[str]:
    from docx import Document

    if not path.exists():
        return [f"{path.name}: file missing"]
    found = {}
    for table in Document(str(path)).tables:
        cells = [[c.text.strip() for c in row.cells] for row in table.rows]
        if len(cells[0]) == 7 and len(cells) > 1:
            for line in cells[1:]:
                found[(line[0], line[1])] = (int(line[2]), int(line[3]), int(line[4]))
    problems = []
    for row in rows:
        key = (row["activity"], FORMAT_VI.get(row["format"], row["format"]))
        expected = (row["planned"], row["actual"], row["pending_review"])
        if found.get(key) != expected:
            problems.append(f"{path.name}: row {key[0]} {key[1]} says {found.get(key)} (planned, actual, pending), "
                            f"the manifest {expected}")
    return problems


def _check_annex(path: Path, stories: int, manifest: dict[str, Any]) -> list[str]:
    from openpyxl import load_workbook

    if not path.exists():
        return [f"{path.name}: file missing"]
    sheet = load_workbook(path, read_only=True)["Tin được đếm"]
    rows = [r for r in sheet.iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]
    problems = []
    if len(rows) != stories:
        problems.append(f"{path.name}: {len(rows)} counted stories listed, the manifest has {stories}")
    ids = {c["warc_record_id"] for c in manifest["copies"] if c["warc_record_id"]}
    for r in rows:
        for rid in str(r[11] or "").splitlines():
            if rid != MISSING_COPY and rid not in ids:
                problems.append(f"{path.name}: record id {rid} is not in the manifest")
    return problems
