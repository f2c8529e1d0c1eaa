"""The annex alone, for the weekly digest (`planwatch digest --attach-annex`): the same workbook as the
evidence pack's, as of the week's Sunday, naming each copy's WARC record id as a pack built from the same
snapshot would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from pipeline.official_report.annex import write_annex
from pipeline.official_report.archive import record_id
from pipeline.official_report.data import load_evidence
from planwatch.config import Paths


def write_digest_annex(conn: duckdb.DuckDBPyConnection, paths: Paths, plan_id: str, as_of: dt.date,
                       target: Path) -> Path:
    data = load_evidence(conn, paths.snapshot, plan_id, as_of, None, paths.raw_archive)
    ids = {c["doc_id"]: record_id(c["doc_id"], c["raw_sha256"], "response") for c in data.copies() if c["archived"]}
    tmp = target.with_name(target.name + ".tmp")
    write_annex(data, tmp, ids)
    tmp.replace(target)
    return target
