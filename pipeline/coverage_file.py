"""The coverage file: a small read-only DuckDB file that the report reads, kept current per change.

With the lake (PLANWATCH_LAKE) the big published state is a DuckLake, whose every reader pays for loading
two extensions and for reading a catalog and Parquet files. The coverage report needs only a small part of
it: the rows of `matches` (what is counted, pending, or decided by a person; a small share of the
documents), the plans and the outlets. This file holds exactly that, as plain tables, with the coverage
macros and views of data/sql/views/30_coverage.sql on top, so `build_report` runs on it unchanged:

    PLANWATCH_HOME/snapshot/coverage.duckdb   (0444, published by copy and atomic rename)

Each publish rewrites only the `matches` rows of the documents a job or a decision touched (and every copy
of their stories), computed with the same view SQL (10_current.sql, 20_matches.sql) over those documents'
rows of the warehouse; the small tables are copied whole. The cost follows the change and the size of
the counted rows, not the archive. A change of plans, windows or views rebuilds it from the whole
warehouse. Caller holds the writer lock; the warehouse is closed and checkpointed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from pipeline import duck, sql
from pipeline.publish import install_read_only
from planwatch.config import Paths

# copied whole at every publish (small: plans, outlets, decisions)
SMALL_TABLES = ("plans", "activities", "planned_counts", "plan_channels", "sources", "review_decisions")
# the view files `matches` is derived from (they read classifications, documents, review_decisions,
# activities), and the ones the report reads on top of it
MATCH_VIEWS = ("10_current.sql", "20_matches.sql", "45_review.sql")
REPORT_VIEWS = ("05_labels.sql", "30_coverage.sql")
# the review items of the rows in `matches` (what `review decide` resolves a queue id with, pipeline.review)
ITEMS = sql.query("coverage_review_items")
# a change of these rebuilds every row
WHOLE_INPUTS = ("plans", "activities")
# ART indexes of the file's big tables (294k rows each at a million documents), for a decision's lookups by key:
# the decided item by queue id or doc_id (review_item.sql), its story's copies (review_story_copies.sql), the
# seeds' rows and story keys in `matches` (expand_to_stories' hint, coverage_delta._rows_before). Each of these
# scanned a key column (10-25 ms CPU at 1M, growing with the file); an index answers it in 1-3 ms. An access
# path only: the rows read are the same. Kept up to date by DuckDB at each publish's DELETE and INSERT; created
# at a rebuild, and on a file published by older code at its next publish (CREATE INDEX IF NOT EXISTS).
INDEXES = (("matches", "doc_id"), ("review_items", "id"), ("review_items", "doc_id"), ("review_items", "story_id"))


def path(paths: Paths) -> Path:
    return paths.snapshot.parent / "coverage.duckdb"


def exists(paths: Paths) -> bool:
    return path(paths).exists()


def open_reader(paths: Paths) -> duckdb.DuckDBPyConnection:
    """The coverage file read-only, with the decisions' delta file (pipeline.coverage_delta) over it when
    that file was made on this generation of it."""
    from pipeline import coverage_delta

    conn = duck.connect(path(paths), read_only=True, reader=True, temp_dir=duck.spill_dir(paths.home))
    try:
        coverage_delta.attach(conn, paths)
    except Exception:
        conn.close()
        raise
    return conn


def _ensure_indexes(conn: duckdb.DuckDBPyConnection) -> None:
    """Create the file's key indexes (INDEXES) it lacks; attached as `cov`, inside the publish's transaction."""
    for table, column in INDEXES:
        conn.execute(f'CREATE INDEX IF NOT EXISTS "{table}_{column}" ON cov."{table}" ("{column}")')


def generation(conn: duckdb.DuckDBPyConnection, catalog: str) -> str | None:
    """The id of this publish of the coverage file (a new one at each publish), or None (an older file)."""
    row = conn.execute(f"SELECT value FROM {catalog}.coverage_meta WHERE key = 'generation'").fetchone()
    return str(row[0]) if row else None


def _view_sql(names: Iterable[str]) -> list[str]:
    by_name = {p.name: p for p in sql.views()}
    return [by_name[n].read_text(encoding="utf-8") for n in names]


FORMAT = "4"  # this file's own layout: bump when its tables change


def _version() -> str:
    """Changes when any view SQL or this file's layout changes (then the file is rebuilt whole)."""
    text = FORMAT + "".join(p.read_text(encoding="utf-8") for p in sql.views())
    return hashlib.sha256(text.encode()).hexdigest()


def _small_digest(conn: duckdb.DuckDBPyConnection, catalog: str) -> str:
    parts = []
    for table in WHOLE_INPUTS:
        row = conn.execute(f'SELECT count(*), bit_xor(hash(t)) FROM {catalog}."{table}" t').fetchone()
        parts.append(repr(row))
    return "|".join(parts)


def _copy_small(conn: duckdb.DuckDBPyConnection, create: bool) -> list[str]:
    """Copy the small tables; on an update only those that changed (the decisions by their new ids).
    Returns the tables written."""
    written = []
    for table in SMALL_TABLES:
        if create:
            conn.execute(f'CREATE TABLE cov."{table}" AS SELECT * FROM wh."{table}"')
        elif table == "review_decisions":  # append-only: add the decisions the file lacks
            added = conn.execute("INSERT INTO cov.review_decisions SELECT * FROM wh.review_decisions "
                                 "WHERE decision_id NOT IN (SELECT decision_id FROM cov.review_decisions)").fetchone()
            if not added or not added[0]:
                continue
        else:
            digest = f'SELECT count(*), bit_xor(hash(t)) FROM {{}}."{table}" t'
            if conn.execute(digest.format("wh")).fetchone() == conn.execute(digest.format("cov")).fetchone():
                continue
            conn.execute(f'DELETE FROM cov."{table}"')
            conn.execute(f'INSERT INTO cov."{table}" SELECT * FROM wh."{table}"')
        written.append(table)
    return written


def expand_to_stories(conn: duckdb.DuckDBPyConnection, catalog: str, doc_ids: Iterable[str],
                      row_ids: dict[str, list[int]] | None = None, hint: str | None = None,
                      hint_rows: dict[str, list[int]] | None = None) -> list[str]:
    """These documents and every copy of their stories (a story-wide decision reaches them all). `row_ids`:
    given a dict, the row id in `{catalog}.documents` of each document found is left in it (for
    fresh_rows' `doc_rows`; not with many seeds). `hint`: a relation with the columns doc_id and story_id (the
    key: cov.matches) whose story keys are tried first, verified (see _hinted_members); `hint_rows`: given a
    dict, the row ids in `hint` of the seeds found there are left in it (all of each seed's rows)."""
    from pipeline.keyfetch import literal_list

    seeds = sorted(set(doc_ids))
    if not seeds:
        return []
    if len(seeds) > FEW_SEEDS:  # one set-based query (a reprocess, a large job)
        rows = conn.execute(sql.query("coverage_story_docs").format(catalog=catalog), [seeds]).fetchall()
        return sorted(r[0] for r in rows)
    # a decision, a crawl's batch: constants filtering the scans of doc_id and story_id (migration 014 dropped
    # the indexes that answered them in 1-2 ms at 1M; a scan with constants is 24-59 ms CPU there)
    members = _hinted_members(conn, catalog, seeds, hint, hint_rows) if hint else None
    found: list[Any] = []
    if members is None:
        found = conn.execute(sql.query("coverage_story_keys").format(catalog=catalog)
                             .replace("/*IDS*/", literal_list(seeds))).fetchall()
        members = _members(conn, catalog, sorted({r[2] for r in found}))
    if row_ids is not None:
        row_ids.update({str(r[0]): [int(r[1])] for r in [*found, *members]})
    return sorted({r[0] for r in members} | set(seeds))


def _members(conn: duckdb.DuckDBPyConnection, catalog: str, keys: list[str]) -> list[Any]:
    """(doc_id, row id, story key) of every document of these story keys (coverage_story_members.sql): by the
    story_key column where the warehouse has it (migration 016, pipeline.row_keys: the same rows for a tenth of
    the scan of story_id), else by that statement."""
    from pipeline import row_keys
    from pipeline.keyfetch import literal_list

    if not keys:
        return []
    if len(keys) <= row_keys.FEW and row_keys.has_column(conn, f"{catalog}.documents", row_keys.STORY_KEY):
        found = row_keys.story_members(conn, f"{catalog}.documents", keys)
        if found is not None:
            return found
    return conn.execute(sql.query("coverage_story_members").format(catalog=catalog)
                        .replace("/*KEYS*/", literal_list(keys))).fetchall()


def _hinted_members(conn: duckdb.DuckDBPyConnection, catalog: str, seeds: list[str], hint: str,
                    hint_rows: dict[str, list[int]] | None) -> list[Any] | None:
    """The members of the seeds' stories by the story keys `hint` holds for them (saves the scan of doc_id in
    `{catalog}.documents` that coverage_story_keys.sql is: about 20 ms CPU at a million documents), or None when
    a seed is not in `hint` or its key there is not its key in the catalog now (a write job moved it since).
    Exact: each seed must come back from the members' scan with the very key `hint` gave it, so the keys are
    the seeds' keys in the catalog, and the members those of coverage_story_keys.sql's keys."""
    from pipeline.keyfetch import literal_list

    rows = conn.execute(f"SELECT rowid, doc_id, story_id FROM {hint} WHERE doc_id IN ({literal_list(seeds)})"
                        ).fetchall()
    keys = {(str(r[1]), r[2]) for r in rows}
    if hint_rows is not None:
        for rid, doc_id, _ in rows:
            hint_rows.setdefault(str(doc_id), []).append(int(rid))
    if len({d for d, _ in keys}) != len(keys) or {d for d, _ in keys} != set(seeds) or None in {k for _, k in keys}:
        return None
    members = _members(conn, catalog, sorted({str(k) for _, k in keys}))
    if not keys <= {(str(r[0]), r[2]) for r in members}:
        return None
    return members


FEW_SEEDS = 1000  # up to this many documents, expand_to_stories writes them as constants


# the wide columns of `documents` no view of MATCH_VIEWS reads: left NULL in a fresh derivation (read by key,
# they would still cost a decompression of every row near the wanted ones); since migration 010 the warehouse
# keeps them in document_texts (pipeline.doc_texts), and a warehouse from before has them in `documents`
WIDE_DOCUMENT_COLUMNS = ("text", "lead")


def _narrow_documents(conn: duckdb.DuckDBPyConnection) -> tuple[str, bool]:
    """The columns of wh.documents a fresh derivation reads (all but the wide ones it still has), and whether
    wh.classifications has the doc_key column (migration 015)."""
    from pipeline import row_keys

    wide = [c for c in WIDE_DOCUMENT_COLUMNS if row_keys.has_column(conn, "wh.documents", c)]
    keyed = row_keys.has_column(conn, "wh.classifications", row_keys.DOC_KEY)
    return (f"* EXCLUDE ({', '.join(wide)})" if wide else "*"), keyed


def _class_select(conn: duckdb.DuckDBPyConnection, doc_ids: list[str], found: dict[str, list[int]] | None
                  ) -> str | None:
    """The SELECT of these documents' rows of wh.classifications, found by doc_key (row_keys.class_rows,
    exact by the column's CHECK), read by row runs; their row ids left in `found` when given. None: too many
    documents (a write job's publish), the scan of doc_id is cheaper."""
    from pipeline import keyfetch, row_keys

    rows = row_keys.class_rows(conn, "wh.classifications", doc_ids)
    if rows is None:
        return None
    if found is not None:
        found.update(rows)
    where = keyfetch.key_filter(conn, 'x."doc_id"', "_fresh_ids", "doc_id")
    return keyfetch.select_rows("wh.classifications", [r for v in rows.values() for r in v], "*", where)


def fresh_rows(conn: duckdb.DuckDBPyConnection, doc_ids: list[str], *, items: bool = True,
               doc_rows: dict[str, list[int]] | None = None,
               class_rows: dict[str, list[int]] | None = None) -> tuple[Any, Any]:
    """The `matches` rows and review items (with `items`; else None) of these documents, derived by the same
    view SQL as the warehouse's from their rows only (documents, classifications, decisions; every window and
    outlet), in the connection's in-memory catalog (warehouse attached as `wh`). Their rows are read by key
    (pipeline.keyfetch): the runs of row ids holding them, not a scan of every document and classification.
    `doc_rows`: their row ids in wh.documents when known (expand_to_stories' `row_ids`). `class_rows`: given a
    dict, their row ids in wh.classifications are left in it (pipeline.keyfetch.select_by_keys' `found`)."""
    from pipeline import keyfetch

    conn.execute("USE memory")
    conn.register("_fresh_ids", pa.table({"doc_id": sorted(set(doc_ids))}))
    try:
        # (EXCLUDE, not REPLACE with NULLs: the latter still cost a read of the wide columns' vectors)
        narrow, keyed = _narrow_documents(conn)
        for table, columns in (("documents", narrow), ("classifications", "*")):
            # by doc_key (migration 015), not a scan of doc_id, for a few documents (a decision's story)
            select = _class_select(conn, doc_ids, class_rows) if table == "classifications" and keyed else None
            if select is None:
                select = keyfetch.select_by_keys(conn, f"wh.{table}", "_fresh_ids", ("doc_id",), columns,
                                                 known=doc_rows if table == "documents" else None,
                                                 found=class_rows if table == "classifications" else None)
            conn.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM wh.{table} LIMIT 0")
            conn.execute(f"INSERT INTO {table} BY NAME {select}")
        conn.execute("CREATE OR REPLACE TABLE review_decisions AS SELECT * FROM wh.review_decisions "
                     "WHERE doc_id IN (SELECT doc_id FROM _fresh_ids)")
    finally:
        conn.unregister("_fresh_ids")
    for table in ("activities", "sources", "plan_channels"):
        conn.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM wh.{table}")
    for text in _view_sql(MATCH_VIEWS if items else MATCH_VIEWS[:2]):  # (45_review.sql: the review items only)
        conn.execute(text)
    fresh = conn.execute("SELECT * FROM memory.matches").fetch_arrow_table()
    if not items:
        return fresh, None
    found = conn.execute(ITEMS.format(items="memory.review_items", matches="memory.matches")).fetch_arrow_table()
    return fresh, found


# The report as of any date on or after every dated counted or pending row (today, as a rule): the counts of
# the coverage macros at the end of time, per plan, re-derived at each publish from the rows counting reads
# (report_final*, the first rows of the outside-window list, and per plan its latest dated row). What
# pipeline.report reads instead of deriving them per report; queries coverage_report_final.sql and beside.
END_OF_TIME = dt.date(9999, 12, 31)
# the rows of `matches` counting reads at the end of time (counted or pending, in a window or undated), kept
# as the table `matches_counting` beside `matches` (a small share of it: about 8% at 100k documents)
COUNTING_FILTER = "status IN ('confirmed', 'pending') AND (published_date IS NULL OR in_window)"
REPORT_TABLES = ("planned_counts", "activities", "sources", "plan_channels")


def _statement(name: str) -> str:
    """A named query without its final semicolon (and any comment after it), to select from."""
    text = sql.query(name)
    return text[:text.rindex(";")]


AGGREGATES = ("report_final", "report_final_quarter", "report_final_channel", "report_outside_head",
              "report_final_meta")


def _per_plan(conn: duckdb.DuckDBPyConnection, table: str, name: str, plans: list[str]) -> None:
    """<table>: the rows of query <name> ($1 = as_of, $2 = plan_id) at the end of time, for every plan."""
    select = f"SELECT $2::VARCHAR AS plan_id, * FROM ({_statement(name)})"
    conn.execute(f"CREATE OR REPLACE TABLE {table} AS {select} LIMIT 0", [END_OF_TIME, ""])
    for plan_id in plans:
        conn.execute(f"INSERT INTO {table} {select}", [END_OF_TIME, plan_id])


OUTSIDE_FILTER = "status IN ('confirmed', 'pending') AND published_date IS NOT NULL AND NOT COALESCE(in_window, FALSE)"
DATED_FILTER = "status IN ('confirmed', 'pending') AND published_date IS NOT NULL"


def _outside_changes(conn: duckdb.DuckDBPyConnection, fresh: Any, rows: str = "cov.matches") -> bool:
    """Whether the documents about to be refreshed (temp table _ids_arrow; their new rows: Arrow `fresh`;
    their rows now: in relation `rows`) had or will have a row outside its window: only then does the
    outside-window list change."""
    conn.register("_fresh_check", fresh)
    try:
        row = conn.execute(f"SELECT (SELECT count(*) FROM {rows} WHERE doc_id IN (SELECT doc_id FROM "
                           f"_ids_arrow) AND {OUTSIDE_FILTER}) + (SELECT count(*) FROM _fresh_check WHERE "
                           f"{OUTSIDE_FILTER})").fetchone()
    finally:
        conn.unregister("_fresh_check")
    return bool(row and row[0])


HELD = "memory.main._cov_held"  # the touched documents' rows in the published file (_held_rows)


def _held_rows(conn: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    """Table HELD: the rows of cov.matches of these documents, read by key (pipeline.keyfetch: the doc_id
    column's scan, then their runs only), before the file's transaction (which may write the file only). What
    _outside_changes and _touched_plans compare the new rows with: each read every column of every row of
    `matches` to filter by a semi join (about 0.09 s at a million documents)."""
    from pipeline import keyfetch

    conn.register("_held_ids", pa.table({"doc_id": pa.array(ids, pa.string())}))
    try:
        held = keyfetch.select_by_keys(conn, "cov.matches", "_held_ids", ("doc_id",))
    finally:
        conn.unregister("_held_ids")
    conn.execute(f"CREATE OR REPLACE TABLE {HELD} AS {held}")


def _touched_plans(conn: duckdb.DuckDBPyConnection, fresh: Any, rows: str = "cov.matches") -> list[str]:
    """The plans whose rows of the documents about to be refreshed (_ids_arrow; new rows: Arrow `fresh`)
    differ between the file and the new rows (a decision for one plan leaves the other plans' rows as they
    were)."""
    cols = ", ".join(f'"{d[0]}"' for d in conn.execute("SELECT * FROM cov.matches LIMIT 0").description)
    conn.register("_fresh_plans", fresh)
    try:
        return [r[0] for r in conn.execute(
            f"WITH old AS (SELECT {cols} FROM {rows} WHERE doc_id IN (SELECT doc_id FROM _ids_arrow)), "
            f"new AS (SELECT {cols} FROM _fresh_plans) "
            "SELECT DISTINCT plan_id FROM ((FROM old EXCEPT FROM new) UNION ALL (FROM new EXCEPT FROM old)) "
            "ORDER BY 1").fetchall()]
    finally:
        conn.unregister("_fresh_plans")


def _aggregate(conn: duckdb.DuckDBPyConnection, outside: bool = True, only: list[str] | None = None, *,
               rows: str = "cov.matches", counting: str = "cov.matches_counting", target: str = "cov",
               cells: str | None = None) -> None:
    """(Re)write the pre-aggregated report tables of `cov` from its rows. They are derived in a scratch
    schema of the in-memory catalog (the coverage macros over the rows counting reads only: counted or
    pending, in a window or undated), then written to the file in one transaction (one commit). Without
    `outside` (no row outside a window was touched) the outside-window list and its count are kept, and each
    plan's latest dated row only moves forward (an upper bound: the report then derives, never errs).
    `only`: the plans whose rows changed (their aggregates are replaced, the others kept); None: all.
    `rows`, `counting`: the relations of the rows (`matches`, `matches_counting`) to aggregate; `target`: the
    catalog written (the coverage file, or the decisions' delta file of pipeline.coverage_delta).
    `cells` (with `only`, without `outside`): a relation of the (plan_id, activity, format) cells whose rows
    changed; only their rows of the three count tables are replaced, derived from the rows of the stories
    that have a counting row in one of them. Exact for those cells: a cell counts the stories whose chosen
    tagging is in it and every eligible copy of them, and its pending stories, all of which have a row in it;
    the other stories' rows did not change (a decision's delta: about a third of a plan's rows, not all)."""
    plans = [r[0] for r in conn.execute("SELECT plan_id FROM cov.plans ORDER BY 1").fetchall()]
    if only is not None:
        plans = [p for p in plans if p in set(only)]
        if not plans:
            return
    conn.execute("CREATE SCHEMA IF NOT EXISTS memory.agg")
    conn.execute("USE memory.agg")
    try:
        wanted = ", ".join("'" + p.replace("'", "''") + "'" for p in plans)  # ids of plans held by the file
        in_cell = (f"EXISTS (SELECT 1 FROM {cells} k WHERE k.plan_id = {{0}}.plan_id AND k.activity IS NOT "
                   "DISTINCT FROM {0}.activity AND k.format IS NOT DISTINCT FROM {0}.format)")
        if cells is not None:
            conn.execute(f"CREATE OR REPLACE TABLE memory.agg.cell_rows AS SELECT c.* FROM {counting} c SEMI JOIN "
                         f"(SELECT DISTINCT x.plan_id, x.story_id FROM {counting} x WHERE {in_cell.format('x')}) s "
                         "USING (plan_id, story_id)")
            counting_rows = "memory.agg.cell_rows"
        else:
            counting_rows = counting
        conn.execute(f"CREATE OR REPLACE VIEW matches AS SELECT * FROM {counting_rows} WHERE plan_id IN ({wanted})")
        # the coverage macros and the plans' tables are the file's own (REPORT_VIEWS, created at its rebuild):
        # a table macro resolves its names by the search path when called, so `matches` is the view above
        # (creating the macros and copying the tables here cost more than the aggregates themselves)
        conn.execute("SET search_path = 'memory.agg,cov.main'")
        conn.execute("CREATE OR REPLACE TABLE report_final AS SELECT plan_id, activity, format, actual, "
                     "documents, outlets, pending_review FROM coverage_as_of(?::DATE) "
                     "WHERE list_contains(?::VARCHAR[], plan_id)", [END_OF_TIME, plans])
        _per_plan(conn, "report_final_quarter", "coverage_by_quarter", plans)
        _per_plan(conn, "report_final_channel", "coverage_by_channel", plans)
        if outside:
            _aggregate_outside(conn, plans, rows)
        conn.execute("BEGIN")
        for table in AGGREGATES if outside else AGGREGATES[:3]:
            if only is None:
                conn.execute(f"CREATE OR REPLACE TABLE {target}.{table} AS SELECT * FROM memory.agg.{table}")
            elif cells is not None and not outside:
                conn.execute(f"DELETE FROM {target}.{table} WHERE {in_cell.format(f'{target}.{table}')}")
                conn.execute(f"INSERT INTO {target}.{table} SELECT * FROM memory.agg.{table} a WHERE "
                             f"{in_cell.format('a')}")
            else:
                conn.execute(f"DELETE FROM {target}.{table} WHERE list_contains(?::VARCHAR[], plan_id)", [plans])
                conn.execute(f"INSERT INTO {target}.{table} SELECT * FROM memory.agg.{table}")
        if not outside:
            conn.execute(f"UPDATE {target}.report_final_meta t SET max_published = greatest(t.max_published, "
                         f"n.latest) FROM (SELECT plan_id, max(published_date) AS latest FROM {counting} "
                         f"WHERE {DATED_FILTER} GROUP BY 1) n WHERE n.plan_id = t.plan_id")
        conn.execute("COMMIT")
    finally:
        conn.execute("RESET search_path")
        conn.execute("USE memory")


def head_rows() -> int:
    """How many items of each plan's outside-window list the file keeps: twice what the report lists
    (pipeline.report.OUTSIDE_HEAD), so that a decision taking items out of the list still leaves the delta file
    (pipeline.coverage_delta) the first OUTSIDE_HEAD in place without sorting the whole list again."""
    from pipeline.report import OUTSIDE_HEAD

    return 2 * OUTSIDE_HEAD


def _aggregate_outside(conn: duckdb.DuckDBPyConnection, plans: list[str], rows: str = "cov.matches") -> None:
    """Per plan: the first head_rows() items of its outside-window list, how many there are, and its latest
    dated counted or pending row (the report reads the pre-aggregated tables for an as_of on or after it).
    Read from the file's `matches` (cov), written to the scratch schema."""
    outside = "SELECT * FROM ({}) LIMIT {}".format(
        _statement("report_outside_window").replace("FROM matches m", f"FROM {rows} m"), head_rows())
    count = _statement("report_outside_count").replace("FROM matches m", f"FROM {rows} m")
    conn.execute(f"CREATE OR REPLACE TABLE report_outside_head AS SELECT NULL::VARCHAR AS plan_id, "
                 f"NULL::BIGINT AS pos, * FROM ({outside}) LIMIT 0", [END_OF_TIME, ""])
    conn.execute("CREATE OR REPLACE TABLE report_final_meta (plan_id VARCHAR, max_published DATE, "
                 "outside_total BIGINT)")
    for plan_id in plans:
        cur = conn.execute(outside, [END_OF_TIME, plan_id])
        cols = [d[0] for d in cur.description]
        found = cur.fetchall()
        if found:
            head = pa.Table.from_pylist([{**dict(zip(cols, r, strict=True)), "plan_id": plan_id, "pos": i}
                                         for i, r in enumerate(found)])
            conn.register("_head", head)
            conn.execute("INSERT INTO report_outside_head BY NAME SELECT * FROM _head")
            conn.unregister("_head")
        total = conn.execute(count, [END_OF_TIME, plan_id]).fetchone()
        latest = conn.execute(f"SELECT max(published_date) FROM {rows} WHERE plan_id = ? "
                              "AND status IN ('confirmed', 'pending')", [plan_id]).fetchone()
        conn.execute("INSERT INTO report_final_meta VALUES (?, ?, ?)",
                     [plan_id, latest[0] if latest else None, total[0] if total else 0])


def _with_delta(paths: Paths, touched_docs: Iterable[str] | None) -> set[str]:
    from pipeline import coverage_delta

    return set(touched_docs or ()) | coverage_delta.pending_docs(paths)


def private_path(target: Path) -> Path:
    """This process's private path beside `target` for the file that will replace it (those left by publishes
    that were killed are removed first)."""
    for stale in target.parent.glob(f".{target.name}.*.tmp*"):
        stale.unlink(missing_ok=True)
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def _unchanged(paths: Paths) -> bool:
    """Whether the published file already holds the warehouse's small tables and layout (with no document
    touched, then nothing it holds changed: no copy, no publish)."""
    conn = duck.connect(temp_dir=duck.spill_dir(paths.home))
    try:
        conn.execute(f"ATTACH '{path(paths)}' AS cov (READ_ONLY)")
        conn.execute(f"ATTACH '{paths.warehouse}' AS wh (READ_ONLY)")
        meta = dict(conn.execute("SELECT key, value FROM cov.coverage_meta").fetchall())
        if meta.get("version") != _version() or meta.get("inputs") != _small_digest(conn, "wh"):
            return False
        for table in SMALL_TABLES:
            digest = f'SELECT count(*), bit_xor(hash(t)) FROM {{}}."{table}" t'
            if conn.execute(digest.format("wh")).fetchone() != conn.execute(digest.format("cov")).fetchone():
                return False
        return True
    finally:
        conn.close()


def _derive_touched(conn: duckdb.DuckDBPyConnection, touched_docs: Iterable[str], fresh: dict[str, Any],
                    rows_out: dict[str, Any] | None) -> list[str]:
    """The touched documents and every copy of their stories (returned), their new `matches` rows and review
    items (into `fresh`) and their rows in the file now (HELD); with `rows_out`, what publish() leaves in it."""
    seeds = set(touched_docs)
    doc_rows: dict[str, list[int]] = {}
    class_rows: dict[str, list[int]] = {}
    ids = expand_to_stories(conn, "wh", seeds, doc_rows)
    if ids:
        fresh["matches"], fresh["review_items"] = fresh_rows(conn, ids, doc_rows=doc_rows, class_rows=class_rows)
        _held_rows(conn, ids)
        if rows_out is not None:  # (a document of `ids` without classifications has none to find)
            class_rows.update({d: [] for d in ids if d not in class_rows})
            rows_out.update(seeds=seeds, ids=set(ids), matches=fresh["matches"],
                            rows={"documents": doc_rows, "classifications": class_rows})
    return ids


def publish(paths: Paths, touched_docs: Iterable[str] | None, rows_out: dict[str, Any] | None = None,
            ) -> dict[str, object]:
    """Bring the coverage file to the warehouse's state. `touched_docs`: documents whose rows (or whose
    decisions) changed since the last publish; None: rebuild from the whole warehouse. Returns what was
    done: {"rebuilt": bool, "docs": rows refreshed for}. `rows_out`: given a dict, the documents refreshed
    (`ids`: `seeds`, the touched ones, and every copy of their stories), their `matches` rows (`matches`,
    Arrow) and their row ids in the warehouse's `documents` and `classifications` (`rows`: table -> doc_id ->
    row ids) are left in it (the lake's publish reuses them: the warehouse does not change in between, its
    writer lock held)."""
    target = path(paths)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = private_path(target)
    rebuild = touched_docs is None or not target.exists()
    done: dict[str, object] = {"rebuilt": rebuild, "docs": 0}
    if not rebuild:  # the documents of the decisions published in the delta file since this file's generation
        touched_docs = _with_delta(paths, touched_docs)
        if not touched_docs and _unchanged(paths):
            done["unchanged"] = True  # nothing it holds changed (a crawl run's row, a source's health)
            return done
    if not rebuild:
        shutil.copyfile(target, tmp)
        os.chmod(tmp, 0o644)
    conn = duck.connect(temp_dir=duck.spill_dir(paths.home))
    try:
        conn.execute(f"ATTACH '{tmp}' AS cov")
        conn.execute(f"ATTACH '{paths.warehouse}' AS wh (READ_ONLY)")
        if not rebuild:
            meta = dict(conn.execute("SELECT key, value FROM cov.coverage_meta").fetchall())
            if meta.get("version") != _version() or meta.get("inputs") != _small_digest(conn, "wh"):
                rebuild = True
                conn.execute("DETACH cov")
                tmp.unlink()
                conn.execute(f"ATTACH '{tmp}' AS cov")
                done["rebuilt"] = True
        if rebuild:
            duck.for_rebuild(conn)
        ids: list[str] = []
        fresh: dict[str, Any] = {}
        outside = True
        only: list[str] | None = None
        if not rebuild:  # derived first, in the in-memory catalog: a transaction writes one database
            ids = _derive_touched(conn, touched_docs or [], fresh, rows_out)
            done["docs"] = len(ids)
        conn.execute("BEGIN")
        written = _copy_small(conn, create=rebuild)
        if rebuild:
            conn.execute("CREATE TABLE cov.matches AS SELECT * FROM wh.matches")
            conn.execute(f"CREATE TABLE cov.matches_counting AS SELECT * FROM cov.matches WHERE {COUNTING_FILTER}")
            items_sql = ITEMS.format(items="wh.review_items", matches="cov.matches")
            conn.execute(f"CREATE TABLE cov.review_items AS {items_sql}")
            conn.execute("CREATE TABLE cov.coverage_meta (key VARCHAR, value VARCHAR)")
        elif ids:
            conn.register("_ids_arrow", pa.table({"doc_id": ids}))
            outside = _outside_changes(conn, fresh["matches"], rows=HELD)
            only = _touched_plans(conn, fresh["matches"], rows=HELD)
            for table, rows in (*fresh.items(), ("matches_counting", fresh["matches"])):
                where = f"WHERE {COUNTING_FILTER}" if table == "matches_counting" else ""
                conn.execute(f"DELETE FROM cov.{table} WHERE doc_id IN (SELECT doc_id FROM _ids_arrow)")
                conn.register("_fresh", rows)
                conn.execute(f"INSERT INTO cov.{table} BY NAME SELECT * FROM _fresh {where}")
                conn.unregister("_fresh")
            conn.unregister("_ids_arrow")
        _ensure_indexes(conn)
        conn.execute("DELETE FROM cov.coverage_meta")
        conn.execute("INSERT INTO cov.coverage_meta VALUES ('version', ?), ('inputs', ?), ('generation', ?)",
                     [_version(), _small_digest(conn, "wh"), uuid.uuid4().hex])
        conn.execute("COMMIT")
        if rebuild:
            conn.execute("USE cov")
            for text in _view_sql(REPORT_VIEWS):
                conn.execute(text)
            conn.execute("USE memory")
        whole = bool(set(written) & set(REPORT_TABLES))  # an outlet's kind, a plan's counts: every plan's rows
        if rebuild or ids or whole:  # the file is private until its rename: no transaction across catalogs
            _aggregate(conn, outside or whole, None if whole else only)
        conn.execute("CHECKPOINT cov")
    finally:
        conn.close()
    install_read_only(tmp, target)
    return done
