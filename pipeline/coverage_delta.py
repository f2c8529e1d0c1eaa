"""The decisions' delta file: what a review decision publishes so that the report shows it at once.

Publishing a decision into the coverage file (pipeline.coverage_file) means copying the whole file, changing a
few rows, checkpointing and fsyncing it: at a million documents a 135 MB file per decision. Instead, a decision
writes a small file beside it,

    PLANWATCH_HOME/snapshot/coverage-delta.duckdb   (0444, written anew and renamed at each decision)

holding, for every document whose rows changed since the coverage file's generation (its `coverage_meta`
key `generation`, new at each publish of the coverage file): their `matches` rows (`delta_docs`,
`delta_matches`), and the report's pre-aggregated tables (`report_final`, `report_final_quarter`,
`report_final_channel`, `report_outside_head`, `report_final_meta`) recomputed over the coverage file's
rows with those rows in place of theirs, under the same names as the coverage file's. A reader
(coverage_file.open_reader) attaches it read-only and puts it first on its search path when its `base` is
the coverage file's generation, so `build_report` reads the new counts unchanged; otherwise (the coverage
file was published since, with these rows in it) the delta file is ignored.

The next publish of the coverage file (the lake waiter started after each decision, or any write job) takes
the delta's documents among those it refreshes (`pending_docs`), so the coverage file catches up and the
delta file falls out of use; it is never deleted while it may be read (a reader that opened the older
coverage file still finds the delta made on it).

What reads the delta: the report at today's date (`report_final_applies.sql`: as_of on or after the plan's
latest dated row). A report for an earlier date, the coverage items and the review state read the coverage
file's rows, which show the decision once the background publish is done (seconds); the review state also
overlays the journal, so reviewers see their decisions at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from pipeline import coverage_file, duck, keyfetch
from pipeline.publish import install_read_only
from planwatch.config import Paths

ALIAS = "coverage_delta"
# the coverage file's catalog in a reader (coverage_file.open_reader opens it by its path: the file's stem)
MAIN = "coverage"
ROW_TABLES = ("delta_docs", "delta_matches")


def path(paths: Paths) -> Path:
    return paths.snapshot.parent / "coverage-delta.duckdb"


def _base(conn: duckdb.DuckDBPyConnection, catalog: str) -> str | None:
    row = conn.execute(f"SELECT value FROM {catalog}.coverage_meta WHERE key = 'base'").fetchone()
    return str(row[0]) if row else None


def attach(conn: duckdb.DuckDBPyConnection, paths: Paths) -> bool:
    """On a connection to the coverage file: attach the delta file and read it first when it was made on
    this generation of the coverage file. True when it applies."""
    target = path(paths)
    if not target.exists():
        return False
    try:
        conn.execute(f"ATTACH '{target}' AS {ALIAS} (READ_ONLY)")
    except duckdb.IOException:  # replaced or gone between the check and the attach: read without it
        return False
    main = conn.execute("SELECT current_database()").fetchone()
    current = coverage_file.generation(conn, MAIN) if main and main[0] == MAIN else None
    if current is None or _base(conn, ALIAS) != current:
        conn.execute(f"DETACH {ALIAS}")
        return False
    conn.execute(f"SET search_path = '{ALIAS}.main,{MAIN}.main'")
    return True


def pending_docs(paths: Paths) -> set[str]:
    """The documents of the delta file when it applies to the published coverage file (what its next publish
    must refresh besides its own changes); empty otherwise."""
    if not path(paths).exists() or not coverage_file.exists(paths):
        return set()
    conn = duck.connect(coverage_file.path(paths), read_only=True, temp_dir=duck.spill_dir(paths.home))
    try:
        if not attach(conn, paths):
            return set()
        return {r[0] for r in conn.execute(f"SELECT doc_id FROM {ALIAS}.delta_docs").fetchall()}
    finally:
        conn.close()


def _report_inputs_changed(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether the warehouse's plans, windows, counts, channels or outlets differ from the coverage file's
    (then only a publish of the coverage file is right)."""
    tables = dict.fromkeys((*coverage_file.WHOLE_INPUTS, *coverage_file.REPORT_TABLES))
    digest = "SELECT " + ", ".join(f'(SELECT (count(*), bit_xor(hash(t))) FROM {{0}}."{t}" t)' for t in tables)
    return conn.execute(digest.format("wh")).fetchone() != conn.execute(digest.format("cov")).fetchone()


def _write_rows(conn: duckdb.DuckDBPyConnection, ids: list[str], fresh: Any) -> tuple[bool, list[str]]:
    """Put these documents' new rows (Arrow `fresh`) in the delta file being written; returns whether a row
    outside a window is involved and the plans whose rows changed (against `_before`, their rows now)."""
    conn.register("_ids_arrow", pa.table({"doc_id": ids}))
    try:
        outside = coverage_file._outside_changes(conn, fresh, rows="_before")
        only = coverage_file._touched_plans(conn, fresh, rows="_before")
        conn.register("_fresh", fresh)
        conn.execute(f"DELETE FROM {ALIAS}.delta_matches WHERE doc_id IN (SELECT doc_id FROM _ids_arrow)")
        conn.execute(f"INSERT INTO {ALIAS}.delta_matches BY NAME SELECT * FROM _fresh")
        conn.execute(f"INSERT INTO {ALIAS}.delta_docs SELECT doc_id FROM _ids_arrow "
                     f"WHERE doc_id NOT IN (SELECT doc_id FROM {ALIAS}.delta_docs)")
        conn.unregister("_fresh")
    finally:
        conn.unregister("_ids_arrow")
    return outside, only


def _outside_moved(conn: duckdb.DuckDBPyConnection, plans: list[str], ids: list[str], fresh: Any) -> bool:
    """Update the delta file's outside-window head and count of these plans from the touched documents' rows
    only: the count less their rows outside a window before (`_before`), plus their rows outside a window now
    (Arrow `fresh`); the head is the kept head without their rows, with their new rows, in the report's order.
    Exact unless the head was cut (more items than it holds) and fewer than the report lists of the merged
    rows sort before its old last row (the rows after it are not at hand): then False, and nothing is
    written. The head keeps the rows known to be in place, up to coverage_file.head_rows(). Each plan's latest
    row only moves forward (an upper bound, as in coverage_file._aggregate)."""
    from pipeline.report import OUTSIDE_HEAD

    query = coverage_file._statement("report_outside_window")
    order = query[query.rindex("ORDER BY"):]
    gone = f"doc_id IN ({keyfetch.literal_list(ids)})" if ids else "false"
    conn.execute("USE memory")
    conn.register("_fresh_arrow", fresh)
    conn.execute("CREATE OR REPLACE TABLE _fresh_outside AS SELECT * FROM _fresh_arrow")
    conn.unregister("_fresh_arrow")
    conn.execute(f"CREATE OR REPLACE TABLE _outside_rank AS SELECT NULL::VARCHAR AS plan_id, NULL::BIGINT AS "
                 f"rank, * EXCLUDE (plan_id, pos) FROM {ALIAS}.report_outside_head LIMIT 0")
    totals = []
    for plan_id in plans:
        meta = conn.execute(f"SELECT outside_total FROM {ALIAS}.report_final_meta WHERE plan_id = ?",
                            [plan_id]).fetchone()
        if meta is None or meta[0] is None:
            return False
        held = conn.execute(f"SELECT count(*) FROM {ALIAS}.report_outside_head WHERE plan_id = ?",
                            [plan_id]).fetchone()
        removed = conn.execute(f"SELECT count(*) FROM _before WHERE plan_id = ? AND "
                               f"{coverage_file.OUTSIDE_FILTER}", [plan_id]).fetchone()
        conn.execute("CREATE OR REPLACE TABLE _outside_new AS "
                     + query.replace("FROM matches m", "FROM _fresh_outside m"),
                     [coverage_file.END_OF_TIME, plan_id])
        added = conn.execute("SELECT count(*) FROM _outside_new").fetchone()
        total = int(meta[0]) - int(removed[0] if removed else 0) + int(added[0] if added else 0)
        cut = int(meta[0]) > int(held[0] if held else 0)
        # the kept head rows and the new ones, ranked in the report's order; with a cut head, its old last
        # row as a marker (ranked after an equal row): only the rows before it are known to be in place
        conn.execute(
            f"CREATE OR REPLACE TABLE _ranked AS SELECT *, row_number() OVER ({order}, marker) AS rank FROM ("
            f"SELECT * EXCLUDE (plan_id, pos), 0 AS marker FROM {ALIAS}.report_outside_head "
            f"WHERE plan_id = $1 AND NOT ({gone}) UNION ALL BY NAME SELECT *, 0 AS marker FROM _outside_new "
            f"UNION ALL BY NAME (SELECT * EXCLUDE (plan_id, pos), 1 AS marker FROM {ALIAS}.report_outside_head "
            f"WHERE plan_id = $1 AND $2 ORDER BY pos DESC LIMIT 1)) m", [plan_id, cut])
        # (tables, not registered Arrow tables: DuckDB builds the filters of an Arrow scan in Python)
        bound = conn.execute("SELECT min(rank) FROM _ranked WHERE marker = 1").fetchone()
        limit = bound[0] if bound and bound[0] is not None else 2**62
        known = conn.execute("SELECT count(*) FROM _ranked WHERE marker = 0 AND rank < ?", [limit]).fetchone()
        if cut and int(known[0] if known else 0) < min(OUTSIDE_HEAD, total):
            return False
        # the rows before the marker are in place (their rank is their place): keep up to head_rows()
        conn.execute("INSERT INTO _outside_rank BY NAME SELECT $1 AS plan_id, * EXCLUDE (marker) "
                     "FROM _ranked WHERE marker = 0 AND rank < $2 AND rank <= $3",
                     [plan_id, limit, coverage_file.head_rows()])
        totals.append((plan_id, total))
    conn.execute("BEGIN")
    for plan_id, total in totals:
        conn.execute(f"DELETE FROM {ALIAS}.report_outside_head WHERE plan_id = ?", [plan_id])
        conn.execute(f"UPDATE {ALIAS}.report_final_meta SET outside_total = ?, max_published = greatest("
                     "max_published, (SELECT max(published_date) FROM _fresh_outside WHERE plan_id = ? AND "
                     "status IN ('confirmed', 'pending'))) WHERE plan_id = ?", [total, plan_id, plan_id])
    conn.execute(f"INSERT INTO {ALIAS}.report_outside_head BY NAME SELECT * EXCLUDE (rank), rank - 1 AS pos "
                 "FROM _outside_rank")
    conn.execute("COMMIT")
    return True


def publish(paths: Paths, touched_docs: Iterable[str]) -> dict[str, object]:
    """Publish the rows of these documents (and every copy of their stories) and the report's aggregates
    into a new delta file. When the coverage file is missing, of another layout, or the report's inputs
    changed, the coverage file itself is published instead. Caller holds the writer lock; the warehouse is
    closed (a decision's writer leaves its rows in the WAL, which the read-only attach replays)."""
    cov_path = coverage_file.path(paths)
    if not cov_path.exists():
        return coverage_file.publish(paths, touched_docs)
    target = path(paths)
    tmp = coverage_file.private_path(target)
    tmp.unlink(missing_ok=True)
    conn = duck.connect(temp_dir=duck.spill_dir(paths.home))
    try:
        conn.execute("SET threads = 1")  # dozens of small statements: more threads only added scheduling CPU
        conn.execute(f"ATTACH '{cov_path}' AS cov (READ_ONLY)")
        conn.execute(f"ATTACH '{paths.warehouse}' AS wh (READ_ONLY)")
        meta = dict(conn.execute("SELECT key, value FROM cov.coverage_meta").fetchall())
        base = meta.get("generation")
        if base is None or meta.get("version") != coverage_file._version() or _report_inputs_changed(conn):
            conn.close()
            return coverage_file.publish(paths, touched_docs)
        prev = False
        if target.exists():
            conn.execute(f"ATTACH '{target}' AS prev (READ_ONLY)")
            prev = _base(conn, "prev") == base
        doc_rows: dict[str, list[int]] = {}
        cov_rows: dict[str, list[int]] = {}  # the seeds' rows in cov.matches (their story keys are tried first)
        ids = coverage_file.expand_to_stories(conn, "wh", touched_docs, doc_rows, "cov.matches", cov_rows)
        fresh, _ = coverage_file.fresh_rows(conn, ids, items=False, doc_rows=doc_rows) if ids else (None, None)
        conn.execute("USE memory")
        _rows_before(conn, ids, prev, cov_rows)
        _start_delta_file(conn, tmp, base, prev)
        only: list[str] = []
        outside = False
        if ids:
            outside, only = _write_rows(conn, ids, fresh)
        conn.execute("COMMIT")
        conn.execute("CREATE OR REPLACE VIEW _after AS SELECT * FROM cov.matches WHERE doc_id NOT IN "
                     f"(SELECT doc_id FROM {ALIAS}.delta_docs) UNION ALL BY NAME SELECT * FROM {ALIAS}.delta_matches")
        if only:
            # a table, not a view: the aggregates read it three to five times (a small share of `matches`); the
            # rows of the plans whose aggregates are replaced only (the others' are kept as they are)
            plans = keyfetch.literal_list(only)
            conn.execute("CREATE OR REPLACE TABLE _after_counting AS SELECT * FROM cov.matches_counting WHERE "
                         f"plan_id IN ({plans}) AND doc_id NOT IN (SELECT doc_id FROM {ALIAS}.delta_docs) "
                         f"UNION ALL BY NAME SELECT * FROM {ALIAS}.delta_matches WHERE plan_id IN ({plans}) AND "
                         f"{coverage_file.COUNTING_FILTER}")
            _update_aggregates(conn, only, ids, fresh, outside)
        conn.execute(f"CHECKPOINT {ALIAS}")
    finally:
        conn.close()
    install_read_only(tmp, target)
    return {"rebuilt": False, "docs": len(ids), "delta": True}


def _rows_before(conn: Any, ids: list[str], prev: bool, known: dict[str, list[int]] | None = None) -> None:
    """Table `_before`: the touched documents' rows as published now, the coverage file's, or the previous
    delta's for its own (by key: `IN (constants)` with several values filters after reading every column of every
    row; the key column's scan, then only the rows' runs, is 5x cheaper on the 294k rows of the file at 1M).
    `known`: row ids in cov.matches by doc_id, found earlier (all of each one's rows): when it holds every
    touched document, no key column is scanned (pipeline.keyfetch.select_by_keys)."""
    touched = f"doc_id IN ({keyfetch.literal_list(ids)})" if ids else "false"
    conn.register("_touched_ids", pa.table({"doc_id": ids}, schema=pa.schema([("doc_id", pa.string())])))
    try:
        held = keyfetch.select_by_keys(conn, "cov.matches", "_touched_ids", ("doc_id",), known=known)
    finally:
        conn.unregister("_touched_ids")
    if prev:
        conn.execute(f"CREATE OR REPLACE TABLE _before AS SELECT * FROM ({held}) WHERE doc_id NOT IN "
                     "(SELECT doc_id FROM prev.delta_docs) "
                     f"UNION ALL BY NAME SELECT * FROM prev.delta_matches WHERE {touched}")
    else:
        conn.execute(f"CREATE OR REPLACE TABLE _before AS {held}")


def _start_delta_file(conn: Any, tmp: Path, base: str, prev: bool) -> None:
    """Attach the new delta file and, inside one open transaction (each commit is an fsync), create its tables:
    meta, the aggregates as published (the previous delta's when it is on the same base), the delta rows carried
    over, and the view `matches` a reader sees."""
    # the view `matches` of the delta file reads the coverage file by the name a reader has for it
    conn.execute(f"ATTACH ':memory:' AS {MAIN}")
    conn.execute(f"CREATE TABLE {MAIN}.main.matches AS SELECT * FROM cov.matches LIMIT 0")
    conn.execute(f"ATTACH '{tmp}' AS {ALIAS}")
    conn.execute("BEGIN")
    conn.execute(f"CREATE TABLE {ALIAS}.coverage_meta (key VARCHAR, value VARCHAR)")
    conn.execute(f"INSERT INTO {ALIAS}.coverage_meta VALUES ('base', ?)", [base])
    source = "prev" if prev else "cov"
    for table in coverage_file.AGGREGATES:
        conn.execute(f"CREATE TABLE {ALIAS}.{table} AS SELECT * FROM {source}.{table}")
    conn.execute(f"CREATE TABLE {ALIAS}.delta_docs AS SELECT doc_id FROM prev.delta_docs" if prev else
                 f"CREATE TABLE {ALIAS}.delta_docs (doc_id VARCHAR)")
    conn.execute(f"CREATE TABLE {ALIAS}.delta_matches AS SELECT * FROM prev.delta_matches" if prev else
                 f"CREATE TABLE {ALIAS}.delta_matches AS SELECT * FROM cov.matches LIMIT 0")
    # what a reader's plain queries and the coverage macros read as `matches` (the coverage file's own views,
    # coverage_items and the review views, keep reading its rows until its next publish)
    conn.execute(f"CREATE VIEW {ALIAS}.main.matches AS SELECT * FROM {MAIN}.main.matches WHERE doc_id NOT IN "
                 f"(SELECT doc_id FROM {ALIAS}.main.delta_docs) UNION ALL BY NAME "
                 f"SELECT * FROM {ALIAS}.main.delta_matches")


def _update_aggregates(conn: Any, only: list[str], ids: list[str], fresh: Any, outside: bool) -> None:
    """The report's aggregates of the plans `only` after the decided story's rows moved: the counts of the cells
    the story's rows are in, before or after (coverage_file._aggregate); the outside-window list moved by the
    story's rows only (_outside_moved), recomputed over every row (a sort of every item outside a window: 88k at
    1M documents) only when that cannot be exact."""
    conn.register("_cell_fresh", fresh)
    try:
        conn.execute("CREATE OR REPLACE TABLE memory.main._cells AS SELECT DISTINCT plan_id, activity, "
                     f"format FROM (SELECT plan_id, activity, format, status, published_date, in_window FROM "
                     "_before UNION ALL SELECT plan_id, activity, format, status, published_date, in_window "
                     f"FROM _cell_fresh) WHERE {coverage_file.COUNTING_FILTER}")
    finally:
        conn.unregister("_cell_fresh")
    coverage_file._aggregate(conn, False, only, rows="memory.main._after",
                             counting="memory.main._after_counting", target=ALIAS, cells="memory.main._cells")
    if outside and not _outside_moved(conn, only, ids, fresh):
        coverage_file._aggregate(conn, True, only, rows="memory.main._after",
                                 counting="memory.main._after_counting", target=ALIAS)
