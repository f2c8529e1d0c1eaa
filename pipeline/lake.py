"""The published state as a DuckLake: snapshots whose cost depends on what changed, not on the archive.

Opt-in with PLANWATCH_LAKE (docs/decisions.md, "Publishing by DuckLake snapshots"):
- unset or `off`: today's copy-and-rename snapshot (pipeline.publish);
- `sqlite`: a DuckLake whose catalog is `PLANWATCH_HOME/lake/catalog.sqlite` and whose data are Parquet files
  under `PLANWATCH_HOME/lake/data/` (one machine, any number of readers beside the one writer);
- `postgres:<libpq connection string>`: the catalog in PostgreSQL (several machines; docs/scaling.md), data
  under PLANWATCH_LAKE_DATA (default `PLANWATCH_HOME/lake/data/`, a shared folder for several machines).

The warehouse (one DuckDB file, one writer) stays the system of record. At the end of a write job the writer
mirrors into the lake, in ONE DuckLake transaction (one snapshot, so readers see all of a job or none of it):
the rows of the big tables whose keys the job touched (`Writer.insert` records them), and the small tables
whole. Readers attach the lake read-only and see the newest snapshot on their next query. A SQLite catalog is
kept in WAL mode, so an open reader is not in the writer's way; a commit that still finds the catalog locked
(another process writing it) is retried, and a publish that fails leaves its keys in `lake/pending` for the next
one to publish (pipeline.lake_pending; docs/decisions.md entry 22). The full-text index is kept incrementally
beside it (pipeline.lake_search).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from pipeline import duck, sql
from planwatch.config import Paths

LAKE_ENV = "PLANWATCH_LAKE"
LAKE_DATA_ENV = "PLANWATCH_LAKE_DATA"
ALIAS = "lake"
# Big tables that only ever change through Writer.insert: mirrored by the keys a job touched. Every other
# table is small (plans, sources, runs, ...) and mirrored whole at each publish.
DELTA_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "doc_signatures": ("doc_id",),
    "classifications": ("doc_id", "plan_id", "classifier_version"),
    "fetch_log": ("fetch_id",),
    "stories": ("story_id",),
    "source_health_log": ("run_id", "source_id"),
}
# The story finder's own indexes (pipeline.story_store; docs/stories.md): read by the writer only, and the
# largest tables of all (51 band keys per document). Never mirrored: mirroring them whole at each publish
# cost O(archive) per write job.
WRITER_ONLY = ("story_bands", "paragraph_docs", "maintenance_tasks", "story_band_files", "story_bands_dropped",
               "document_texts",  # (the lake's `documents` has lead and text again: pipeline.doc_texts)
               "search_index_docs", "search_index_postings")  # (the snapshot's index: pipeline.search_kept)
# Mirrored by difference of keys (small, append-only): a decision folded into the warehouse without a lake
# publish (a review sync publishes the coverage file at once and the lake after) still reaches the lake at
# the next publish, with the `matches` rows of every copy of its story.
DIFF_KEYS: dict[str, str] = {"review_decisions": "decision_id"}
# An entry of a job's `touched` that is no table: the documents it stored that the warehouse did not hold before
# (pipeline.store.Writer). The lake cannot hold rows of them, so a delta publish deletes nothing for their keys
# (a DELETE by key scans the lake table's key columns: 0.05-0.13 s CPU per table at a million documents).
NEW_DOCUMENTS = "_new_documents"
# Likewise the stories a job added to the warehouse (pipeline.story_store.changed_keys): no delete of the lake's
# `stories` for their keys.
NEW_STORIES = "_new_stories"
# The lake's Parquet row groups, capped in bytes (a DuckLake option, kept in its catalog). DuckDB's Parquet writer
# holds a whole row group per thread before it writes it out, and its default is 122,880 rows: about 600 MB of
# `documents` (lead and text, 5 KB a page) per thread. A first publish at 100k documents then failed under a
# 400 MB limit and one at a million under the default 4 GB (docs/performance.md, "Whole lake publish").
ROW_GROUP_BYTES = 32_000_000
# A SQLite catalog: how long a statement waits for a lock before SQLite gives up ("database is locked"), in
# milliseconds (DuckLake's META_BUSY_TIMEOUT; the sqlite extension's default is 5000), and the waits between the
# attempts of a lake publish that found the catalog locked (docs/decisions.md entry 22)
BUSY_ENV = "PLANWATCH_LAKE_BUSY_MS"
DEFAULT_BUSY_MS = 5000
RETRY_WAITS: tuple[float, ...] = (1.0, 4.0, 15.0)
_log = logging.getLogger("planwatch.lake")


class LakeLocked(RuntimeError):
    """The lake's catalog stayed locked through every attempt of a publish. The warehouse holds the job; its
    keys stay recorded in `lake/pending` and the next publish brings the lake up to date."""

def keys_of(table: str, batch: Any) -> Any:
    """The columns of a loaded batch a lake publish needs (its keys, and doc_id for `matches`): what
    `Writer.insert` keeps, so a long job does not hold every batch it loaded."""
    wanted = [c for c in (*DELTA_KEYS.get(table, ()), "doc_id") if c in batch.column_names]
    return batch.select(list(dict.fromkeys(wanted)))


FOLD_SEARCH_TEXT = "replace(replace(concat_ws(' ', title, lead, text), 'đ', 'd'), 'Đ', 'D')"


def mode() -> str:
    """'off', 'sqlite' or 'postgres'."""
    value = os.environ.get(LAKE_ENV, "off").strip()
    if value in ("", "off", "0", "false"):
        return "off"
    if value == "sqlite" or value.startswith("postgres:"):
        return value.split(":", 1)[0]
    raise ValueError(f"{LAKE_ENV} must be off, sqlite or postgres:<connection string>, not {value!r}")


def enabled() -> bool:
    return mode() != "off"


def lake_dir(paths: Paths) -> Path:
    return paths.home / "lake"


def data_dir(paths: Paths) -> Path:
    return Path(os.environ.get(LAKE_DATA_ENV) or lake_dir(paths) / "data")


def catalog_uri(paths: Paths) -> str:
    if mode() == "postgres":
        return "ducklake:postgres:" + os.environ[LAKE_ENV].split(":", 1)[1]
    return f"ducklake:sqlite:{lake_dir(paths) / 'catalog.sqlite'}"


# -- extensions, loaded from their wheels like fts (no download ever) ------------------------------------
def _wheel_extension(module: str, name: str) -> Path | None:
    try:
        mod = __import__(module)
    except ImportError:
        return None
    path = Path(str(mod.__file__)).parent / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    return path if path.is_file() else None


def _load_as(conn: duckdb.DuckDBPyConnection, module: str, name: str, entry: str, paths: Paths) -> None:
    """LOAD an extension file; DuckDB finds its entry point by the file's name, and the sqlite and postgres
    wheels ship `sqlite.duckdb_extension` / `postgres.duckdb_extension` for `sqlite_scanner` /
    `postgres_scanner`, so those are loaded through a link of the right name in the state folder."""
    found = _wheel_extension(module, name)
    if found is None:
        raise RuntimeError(f"the {name} extension is not installed (pip package {module.replace('_', '-')})")
    if entry != name:
        links = lake_dir(paths) / "extensions"
        links.mkdir(parents=True, exist_ok=True)
        link = links / f"{entry}.duckdb_extension"
        if not link.exists() or link.resolve() != found.resolve():
            tmp = links / f".{entry}.{os.getpid()}.tmp"
            tmp.unlink(missing_ok=True)
            tmp.symlink_to(found)
            os.replace(tmp, link)
        found = link
    conn.execute(f"LOAD '{found}'")


def load_extensions(conn: duckdb.DuckDBPyConnection, paths: Paths) -> None:
    _load_as(conn, "duckdb_extension_ducklake", "ducklake", "ducklake", paths)
    if mode() == "postgres":
        _load_as(conn, "duckdb_extension_postgres", "postgres", "postgres_scanner", paths)
    else:
        _load_as(conn, "duckdb_extension_sqlite", "sqlite", "sqlite_scanner", paths)


def busy_ms() -> int:
    value = os.environ.get(BUSY_ENV, "").strip()
    if not value:
        return DEFAULT_BUSY_MS
    if not value.isdigit():
        raise ValueError(f"{BUSY_ENV} must be a number of milliseconds, not {value!r}")
    return int(value)


def _catalog_options(read_only: bool) -> list[str]:
    """A SQLite catalog waits `busy_ms()` for a lock; the writer keeps it in WAL mode (a setting of the file
    itself, so readers follow): readers never block its commit, nor its commit them. In the default rollback
    journal a reader's open transaction made the commit fail (docs/decisions.md entry 22)."""
    if mode() != "sqlite":
        return []
    return [f"META_BUSY_TIMEOUT {busy_ms()}", *([] if read_only else ["META_JOURNAL_MODE 'WAL'"])]


def attach(conn: duckdb.DuckDBPyConnection, paths: Paths, *, read_only: bool) -> None:
    load_extensions(conn, paths)
    if mode() == "sqlite":
        lake_dir(paths).mkdir(parents=True, exist_ok=True)
    options = ["READ_ONLY"] if read_only else [f"DATA_PATH '{data_dir(paths)}/'"]
    options += _catalog_options(read_only)
    if not read_only:
        data_dir(paths).mkdir(parents=True, exist_ok=True)
    conn.execute(f"ATTACH '{catalog_uri(paths)}' AS {ALIAS} ({', '.join(options)})")


def exists(paths: Paths) -> bool:
    if mode() == "sqlite":
        return (lake_dir(paths) / "catalog.sqlite").exists()
    return mode() == "postgres"


def open_reader(paths: Paths) -> duckdb.DuckDBPyConnection:
    """An in-memory connection with the lake attached read-only and selected (`USE lake`): every view and
    table name of the snapshot resolves as before. Reading the lake's Parquet files is allowed by directory,
    so sqlguard.lock_down can still turn every other file and URL off."""
    conn = duck.connect(temp_dir=duck.spill_dir(paths.home), reader=True)
    try:
        attach(conn, paths, read_only=True)
        conn.execute(f"USE {ALIAS}")
        conn.execute("SET allowed_directories = [?]", [str(data_dir(paths)) + "/"])
    except Exception:
        conn.close()
        raise
    return conn


# -- writing ---------------------------------------------------------------------------------------------
def _tables(conn: duckdb.DuckDBPyConnection, catalog: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = ? AND schema_name = 'main' "
        "AND NOT temporary ORDER BY 1", [catalog]).fetchall() if r[0] not in WRITER_ONLY]


# Warehouse columns the lake does not keep: the lookup keys (classifications.doc_key, documents.story_key,
# migrations 015-016, pipeline.row_keys),
# derived from a column the lake has; analysts and the lake's views never read them.
WAREHOUSE_ONLY_COLUMNS: dict[str, tuple[str, ...]] = {"classifications": ("doc_key",), "documents": ("story_key",)}


def _select(table: str, src: str) -> str:
    if table == "documents":
        return f"SELECT *, {FOLD_SEARCH_TEXT} AS search_text FROM {src}"
    if table in WAREHOUSE_ONLY_COLUMNS:
        return f"SELECT * EXCLUDE ({', '.join(WAREHOUSE_ONLY_COLUMNS[table])}) FROM {src}"
    return f"SELECT * FROM {src}"


def _whole_documents(conn: duckdb.DuckDBPyConnection, wh: str) -> str:
    """The warehouse's documents as the lake keeps them (lead and text included: pipeline.doc_texts), as a
    relation: `wh.documents` itself for a warehouse from before migration 010."""
    from pipeline import doc_texts

    if not doc_texts.is_split(conn, wh):
        return f'{wh}."documents"'
    select = doc_texts.composed_select(doc_texts.columns(conn, wh), f'{wh}."documents"', f'{wh}."{doc_texts.TABLE}"')
    return f"({select})"


def _views_hash() -> str:
    return hashlib.sha256("".join(p.read_text(encoding="utf-8") for p in sql.views()).encode()).hexdigest()


def _ensure_tables(conn: duckdb.DuckDBPyConnection, wh: str) -> list[str]:
    """Create in the lake each warehouse table it lacks (no keys: DuckLake has no constraints) and add the
    columns a warehouse migration added since. Returns tables created now."""
    have = set(_tables(conn, ALIAS))
    conn.execute(f"CREATE TABLE IF NOT EXISTS {ALIAS}.lake_meta (key VARCHAR, value VARCHAR)")
    schema = hashlib.sha256(repr(conn.execute(
        "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE database_name = ? "
        "ORDER BY ALL", [wh]).fetchall()).encode()).hexdigest()
    known = conn.execute(f"SELECT value FROM {ALIAS}.lake_meta WHERE key = 'schema'").fetchone()
    if known and known[0] == schema:
        return []
    conn.execute(f"DELETE FROM {ALIAS}.lake_meta WHERE key = 'schema'")
    conn.execute(f"INSERT INTO {ALIAS}.lake_meta VALUES ('schema', ?)", [schema])
    created = []
    for table in _tables(conn, wh):
        if table not in have:
            src = _whole_documents(conn, wh) if table == "documents" else f"{wh}.{table}"
            conn.execute(f'CREATE TABLE {ALIAS}."{table}" AS {_select(table, src)} LIMIT 0')
            created.append(table)
            continue
        lake_cols = {r[0] for r in conn.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = ? AND table_name = ?",
            [ALIAS, table]).fetchall()}
        for name, kind in conn.execute(
                "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = ? AND table_name = ? "
                "ORDER BY column_index", [wh, table]).fetchall():
            if name not in lake_cols and name not in WAREHOUSE_ONLY_COLUMNS.get(table, ()):
                conn.execute(f'ALTER TABLE {ALIAS}."{table}" ADD COLUMN "{name}" {kind}')
    return created


def _ensure_views(conn: duckdb.DuckDBPyConnection) -> bool:
    """(Re)create the views in the lake when their SQL changed; True when it did. The `matches` view is
    kept as `matches_live` and `matches` reads the table `matches_store` that each publish refreshes for
    the documents it touched (what every report, coverage and digest query starts from)."""
    digest = _views_hash()
    row = conn.execute(f"SELECT value FROM {ALIAS}.lake_meta WHERE key = 'views'").fetchone()
    if row and row[0] == digest:
        return False
    conn.execute(f"USE {ALIAS}")
    try:
        for path in sql.views():
            conn.execute(path.read_text(encoding="utf-8"))
        found = conn.execute("SELECT sql FROM duckdb_views() WHERE database_name = ? AND schema_name = 'main' "
                             "AND view_name = 'matches'", [ALIAS]).fetchone()
        if found is None:
            raise RuntimeError("the views define no `matches`")
        head, sep, body = str(found[0]).partition(" AS ")
        if not sep or "matches" not in head.lower():
            raise RuntimeError(f"cannot read the definition of `matches`: {head!r}")
        conn.execute(f"CREATE OR REPLACE VIEW matches_live AS {body.rstrip().rstrip(';')}")
        conn.execute("CREATE TABLE IF NOT EXISTS matches_store AS SELECT * FROM matches_live LIMIT 0")
        conn.execute("CREATE OR REPLACE VIEW matches AS SELECT * FROM matches_store")
    finally:
        conn.execute("USE memory")
    conn.execute(f"DELETE FROM {ALIAS}.lake_meta WHERE key = 'views'")
    conn.execute(f"INSERT INTO {ALIAS}.lake_meta VALUES ('views', ?)", [digest])
    return True


# what `matches` is derived from: a change here refreshes the rows of the documents it names; a change of
# the plans' windows refreshes them all
MATCH_INPUTS = ("documents", "classifications", "review_decisions")
MATCH_WHOLE = ("activities", "plans")


def _refresh_matches(conn: duckdb.DuckDBPyConnection, doc_ids: set[str] | None, fresh: Any = None) -> int:
    """Rewrite matches_store for these documents (None: all of them, from the lake's own view). `fresh`: their
    rows, derived beforehand from the warehouse (coverage_file.fresh_rows: by key, no scan of the lake's
    Parquet files); None: derived here from the lake's view. Returns the rows it holds for them."""
    if doc_ids is None:
        conn.execute(f"DELETE FROM {ALIAS}.matches_store")
        conn.execute(f"INSERT INTO {ALIAS}.matches_store SELECT * FROM {ALIAS}.matches_live")
        return -1
    if not doc_ids:
        return 0
    import pyarrow as pa

    conn.register("_match_ids", pa.table({"doc_id": sorted(doc_ids)}))
    try:
        conn.execute(f"DELETE FROM {ALIAS}.matches_store WHERE doc_id IN (SELECT doc_id FROM _match_ids)")
        if fresh is None:
            conn.execute(f"INSERT INTO {ALIAS}.matches_store SELECT * FROM {ALIAS}.matches_live "
                         "WHERE doc_id IN (SELECT doc_id FROM _match_ids)")
        else:
            conn.register("_match_rows", fresh)
            try:
                conn.execute(f"INSERT INTO {ALIAS}.matches_store BY NAME SELECT * FROM _match_rows")
            finally:
                conn.unregister("_match_rows")
    finally:
        conn.unregister("_match_ids")
    return len(doc_ids)


def _columns(conn: duckdb.DuckDBPyConnection, catalog: str, table: str) -> list[str]:
    """The table's columns the lake keeps (WAREHOUSE_ONLY_COLUMNS left out), in order."""
    skip = WAREHOUSE_ONLY_COLUMNS.get(table, ())
    return [r[0] for r in conn.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = ? AND table_name = ? "
        "ORDER BY column_index", [catalog, table]).fetchall() if r[0] not in skip]


def _digest(conn: duckdb.DuckDBPyConnection, catalog: str, table: str, wh: str) -> tuple[Any, ...] | None:
    """Rows and an order-free hash of a (small) table's warehouse columns, to skip mirroring it unchanged."""
    cols = ", ".join(f'"{c}"' for c in _columns(conn, wh, table))
    return conn.execute(f'SELECT count(*), bit_xor(hash(({cols}))) FROM {catalog}."{table}"').fetchone()


def _copy(conn: duckdb.DuckDBPyConnection, wh: str, table: str, where: str = "", source: str | None = None) -> None:
    """Insert rows of the warehouse's `table` into the lake's: those of `{wh}.table {where}`, or of the query
    `source` (rows of that table already selected, e.g. by pipeline.keyfetch)."""
    from pipeline import doc_texts

    have = _columns(conn, wh, table)
    cols = ", ".join(f'"{c}"' for c in (doc_texts.published_columns(have) if table == "documents" else have))
    extra = f", {FOLD_SEARCH_TEXT}" if table == "documents" else ""
    names = cols + (', "search_text"' if table == "documents" else "")
    if source is None and table == "documents" and not where and doc_texts.is_split(conn, wh):
        for select in doc_texts.sliced_selects(conn, wh):  # a bounded join per statement, same transaction
            conn.execute(f'INSERT INTO {ALIAS}."{table}" ({names}) SELECT {cols}{extra} FROM ({select})')
        return
    if source is None and table == "documents":
        src = f"{_whole_documents(conn, wh)} {where}"
    else:
        src = f"({source})" if source is not None else f'{wh}."{table}" {where}'
    conn.execute(f'INSERT INTO {ALIAS}."{table}" ({names}) SELECT {cols}{extra} FROM {src}')


def _prepare(conn: duckdb.DuckDBPyConnection, wh: str, touched: dict[str, list[Any]],
             derived: dict[str, Any] | None = None) -> dict[str, Any]:
    """Before the lake transaction (which may write the lake only): the rows a delta publish reads from the
    warehouse, fetched by key (pipeline.keyfetch), never by scanning the big tables' wide columns. The
    touched documents' rows go to temp._lake_docs (mirrored and tokenized from there); the `matches` rows of
    every copy of the stories the job or new decisions touched are derived from the warehouse's rows
    (coverage_file.fresh_rows, the same view SQL as the lake's `matches_live`), or taken from `derived` (the
    coverage file's publish of the same job: `seeds`, `ids`, `matches`) when it derived them all. When the
    lake's touched documents are among the coverage file's, its expansion `ids` stands for theirs: any more
    documents it holds get their rows re-derived from the same warehouse, unchanged."""
    import pyarrow as pa

    from pipeline import doc_texts, keyfetch
    from pipeline.coverage_file import expand_to_stories, fresh_rows

    prepared: dict[str, Any] = {}
    docs = _touched_keys(touched.get("documents", []), ("doc_id",))
    conn.register("_lake_doc_keys", pa.table({"doc_id": sorted(k[0] for k in docs)}))
    try:
        if not docs:
            select = f'SELECT * FROM {_whole_documents(conn, wh)} WHERE false'
        elif doc_texts.is_split(conn, wh):  # both tables read by key (the texts: no index, their doc_id scanned)
            select = doc_texts.fetch_by_keys(conn, wh, "_lake_doc_keys", _known_rows(derived, "documents"))
        else:
            select = keyfetch.select_by_keys(conn, f'{wh}."documents"', "_lake_doc_keys", ("doc_id",))
        conn.execute(f"CREATE OR REPLACE TEMP TABLE _lake_docs AS {select}")
    finally:
        conn.unregister("_lake_doc_keys")
    seeds = {k[0] for t in MATCH_INPUTS for k in _touched_keys(touched.get(t, []), ("doc_id",))}
    if "review_decisions" in _tables(conn, ALIAS):
        seeds |= {r[0] for r in conn.execute(
            f"SELECT DISTINCT doc_id FROM {wh}.review_decisions WHERE decision_id NOT IN "
            f"(SELECT decision_id FROM {ALIAS}.review_decisions)").fetchall()}
    if seeds and derived and seeds <= derived.get("seeds", set()):  # the coverage file's publish of this
        ids = sorted(derived["ids"])  # very warehouse expanded them already (an expansion scans documents twice)
    else:
        ids = expand_to_stories(conn, wh, seeds)
    prepared["match_ids"] = set(ids)
    if ids and derived and set(ids) <= derived.get("ids", set()):
        import pyarrow.compute as pc

        rows = derived["matches"]
        prepared["matches"] = rows.filter(pc.is_in(rows.column("doc_id"), value_set=pa.array(ids)))
    else:
        prepared["matches"] = fresh_rows(conn, ids, items=False)[0] if ids else None
    return prepared


def mirror(conn: duckdb.DuckDBPyConnection, wh: str, touched: dict[str, list[Any]] | None,
           paths: Paths, derived: dict[str, Any] | None = None) -> dict[str, Any]:
    """Bring the lake to the warehouse's state in one DuckLake transaction. `conn` has the warehouse open as
    catalog `wh`; `touched`: table -> Arrow batches whose keys changed in this job (None: mirror everything,
    as the first time). Returns what was done (tables mirrored whole, rows per delta table)."""
    from pipeline import lake_search

    prepared = _prepare(conn, wh, touched, derived) if touched is not None else {}
    _bound_row_groups(conn)
    conn.execute("BEGIN")
    try:
        created = set(_ensure_tables(conn, wh))
        views_changed = _ensure_views(conn)
        lake_search.ensure_query(conn, ALIAS)
        done: dict[str, Any] = {"whole": [], "delta": {}}
        for table in _tables(conn, wh):
            keys = DELTA_KEYS.get(table)
            if table in DIFF_KEYS and touched is not None and table not in created:
                added = _mirror_diff(conn, wh, table, DIFF_KEYS[table])
                if added:
                    done["delta"][table] = len(added)
            elif keys and touched is not None and table not in created:
                batches = touched.get(table, [])
                if not batches:
                    continue
                source = "SELECT * FROM temp._lake_docs" if table == "documents" else None
                new_keys = _new_keys(touched, keys)
                done["delta"][table] = _mirror_keys(conn, wh, table, keys, batches, source, new_keys,
                                                    _known_rows(derived, table))
            elif touched is None or table in created or _digest(conn, wh, table, wh) != _digest(conn, ALIAS, table, wh):
                conn.execute(f'DELETE FROM {ALIAS}."{table}"')
                _copy(conn, wh, table)
                done["whole"].append(table)
        if touched is None or views_changed or set(MATCH_WHOLE) & set(done["whole"]):
            _refresh_matches(conn, None)
        else:
            _refresh_matches(conn, prepared["match_ids"], prepared["matches"])
        if touched is None:
            _rebuild_search(conn, wh)
        else:
            changed = _touched_keys(touched.get("documents", []), ("doc_id",))
            if changed:
                lake_search.update(conn, ALIAS, [k[0] for k in changed], source="temp._lake_docs")
        conn.execute("COMMIT")
    except Exception:
        with contextlib.suppress(duckdb.Error):  # a failed COMMIT has ended the transaction: keep its error
            conn.execute("ROLLBACK")
        raise
    finally:
        if touched is not None:
            conn.execute("DROP TABLE IF EXISTS temp._lake_docs")
    return done


def _bound_row_groups(conn: duckdb.DuckDBPyConnection) -> None:
    """Set the lake's row group cap (ROW_GROUP_BYTES) unless its catalog has it already."""
    have = conn.execute(f"SELECT value FROM ducklake_options('{ALIAS}') WHERE option_name = "
                        "'parquet_row_group_size_bytes' AND scope = 'GLOBAL'").fetchone()
    if not have or have[0] != str(ROW_GROUP_BYTES):
        conn.execute(f"CALL {ALIAS}.set_option('parquet_row_group_size_bytes', '{ROW_GROUP_BYTES // 1_000_000}MB')")


def _rebuild_search(conn: duckdb.DuckDBPyConnection, wh: str) -> None:
    """The lake's search index again from every warehouse document, by row-id chunks of the table holding the
    text (pipeline.lake_search.rebuild)."""
    from pipeline import doc_texts, lake_search

    if doc_texts.is_split(conn, wh):
        lake_search.rebuild(conn, ALIAS, source=f'{wh}."{doc_texts.TABLE}"', titles=f'{wh}."documents"')
    else:
        lake_search.rebuild(conn, ALIAS, source=f'{wh}."documents"')


def _mirror_diff(conn: duckdb.DuckDBPyConnection, wh: str, table: str, key: str) -> set[str]:
    """Copy the warehouse rows whose key the lake lacks; returns their doc_ids."""
    conn.execute(f'CREATE OR REPLACE TEMP TABLE _lake_new AS SELECT "{key}" FROM {wh}."{table}" '
                 f'EXCEPT SELECT "{key}" FROM {ALIAS}."{table}"')
    try:
        _copy(conn, wh, table, f'WHERE "{key}" IN (SELECT "{key}" FROM temp._lake_new)')
        return {r[0] for r in conn.execute(f'SELECT DISTINCT doc_id FROM {wh}."{table}" '
                                           f'WHERE "{key}" IN (SELECT "{key}" FROM temp._lake_new)').fetchall()}
    finally:
        conn.execute("DROP TABLE temp._lake_new")


def _touched_keys(batches: Iterable[Any], keys: tuple[str, ...]) -> set[tuple[Any, ...]]:
    out: set[tuple[Any, ...]] = set()
    for batch in batches:
        cols = [batch.column(k).to_pylist() for k in keys]
        out.update(zip(*cols, strict=True))
    return out


def _new_keys(touched: dict[str, list[Any]], keys: tuple[str, ...]) -> tuple[str, set[str]] | None:
    """For a table of these key columns: the key column and its values new to the warehouse in this job
    (NEW_DOCUMENTS by doc_id, NEW_STORIES by story_id), or None."""
    for column, entry in (("doc_id", NEW_DOCUMENTS), ("story_id", NEW_STORIES)):
        if column in keys:
            return column, {k[0] for k in _touched_keys(touched.get(entry, []), (column,))}
    return None


def _known_rows(derived: dict[str, Any] | None, table: str) -> dict[str, list[int]] | None:
    """Row ids of the warehouse's `table` by doc_id, found by the coverage file's publish of this job."""
    rows = (derived or {}).get("rows", {})
    return rows.get(table) if isinstance(rows, dict) else None


def _mirror_keys(conn: duckdb.DuckDBPyConnection, wh: str, table: str, keys: tuple[str, ...],
                 batches: list[Any], source: str | None = None,
                 new_keys: tuple[str, set[str]] | None = None, known: dict[str, list[int]] | None = None) -> int:
    """Replace the lake's rows of these keys by the warehouse's, read by key (pipeline.keyfetch) or from
    `source` (a query of those rows already fetched). `new_keys`: (key column, values) new to the warehouse in
    this job (documents, NEW_DOCUMENTS; stories, NEW_STORIES), whose rows the lake cannot hold: no delete for
    keys of theirs. `known`: row ids of the table by its first key column, found earlier (_known_rows)."""
    import pyarrow as pa

    from pipeline import keyfetch

    touched = _touched_keys(batches, keys)
    if not touched:
        return 0
    key_table = pa.table({k: [t[i] for t in touched] for i, k in enumerate(keys)})
    column, new = new_keys if new_keys else ("", set())
    at = keys.index(column) if new else None
    stale = [t for t in touched if t[at] not in new] if at is not None else list(touched)
    conn.register("_lake_keys", key_table)
    conn.register("_lake_stale", pa.table({k: [t[i] for t in stale] for i, k in enumerate(keys)}))
    try:
        match = " AND ".join(f'x."{k}" IS NOT DISTINCT FROM k."{k}"' for k in keys)
        if stale:
            conn.execute(f'DELETE FROM {ALIAS}."{table}" x WHERE EXISTS (SELECT 1 FROM _lake_stale k WHERE {match})')
        if source is None:
            source = keyfetch.select_by_keys(conn, f'{wh}."{table}"', "_lake_keys", keys, known=known)
        _copy(conn, wh, table, source=source)
    finally:
        conn.unregister("_lake_keys")
        conn.unregister("_lake_stale")
    return len(touched)


def write_open_script(paths: Paths) -> Path:
    """`PLANWATCH_HOME/lake/open.sql`: the analysts' way in with the DuckDB CLI,
    `.venv/bin/duckdb -init data/state/lake/open.sql` (the extensions by path, the lake read-only)."""
    conn = duck.connect(temp_dir=duck.spill_dir(paths.home))
    try:
        load_extensions(conn, paths)
    finally:
        conn.close()
    ducklake = _wheel_extension("duckdb_extension_ducklake", "ducklake")
    scanner = "postgres_scanner" if mode() == "postgres" else "sqlite_scanner"
    lines = [f"LOAD '{ducklake}';", f"LOAD '{lake_dir(paths) / 'extensions' / scanner}.duckdb_extension';",
             f"ATTACH '{catalog_uri(paths)}' AS {ALIAS} (READ_ONLY);", f"USE {ALIAS};"]
    fts = _wheel_extension("duckdb_extension_fts", "fts")
    if fts:
        lines.insert(0, f"LOAD '{fts}';")
    target = lake_dir(paths) / "open.sql"
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".open.sql.{os.getpid()}.tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, target)
    return target


def touched_docs(touched: dict[str, list[Any]] | None) -> set[str] | None:
    """The documents whose `matches` rows a job may have changed (None: any)."""
    if touched is None:
        return None
    return {k[0] for t in MATCH_INPUTS for k in _touched_keys(touched.get(t, []), ("doc_id",))}


def publish(paths: Paths, touched: dict[str, list[Any]] | None = None, *, lake: bool = True,
            recorded: Path | None = None) -> dict[str, Any]:
    """Publish the (closed, checkpointed) warehouse: the coverage file first (pipeline.coverage_file, what
    the report reads), then the lake. Caller holds the writer lock. The first publish (no lake yet, or
    `touched` None) mirrors everything. With `lake` False only the coverage file is published (a review
    decision: the lake follows at the next publish, see DIFF_KEYS; the report reads the decision from the
    delta file of pipeline.coverage_delta until the coverage file is published again).

    A lake publish first records its keys (pipeline.lake_pending) and takes in those of earlier publishes that
    never committed; the records go once the lake's transaction has committed. A catalog found locked is
    tried again (RETRY_WAITS); past the last attempt LakeLocked is raised, the records kept. `recorded`: this
    publish's record, written already by the writer before its checkpoint (`record_keys`)."""
    from pipeline import coverage_delta, coverage_file, lake_pending

    first = not exists(paths)
    records: list[Path] = []
    if lake:
        touched, records = _take_in_pending(paths, None if first else touched, recorded)
    docs = None if first else touched_docs(touched)
    if not lake and docs is not None:  # a decision: the report reads it from the delta file at once
        return {"whole": [], "delta": {}, "coverage": coverage_delta.publish(paths, docs)}
    derived: dict[str, Any] = {}
    coverage = coverage_file.publish(paths, docs, derived)
    if not lake:
        return {"whole": [], "delta": {}, "coverage": coverage}
    done = _publish_lake(paths, touched, first, derived)
    lake_pending.clear(records)
    done["coverage"] = coverage
    if len(records) > 1:
        done["caught_up"] = len(records) - 1  # earlier publishes whose keys this one published
    if first or not (lake_dir(paths) / "open.sql").exists():
        write_open_script(paths)
    return done


def record_keys(paths: Paths, touched: dict[str, list[Any]] | None) -> Path:
    """Record the keys a publish is about to publish (pipeline.lake_pending; everything when there is no lake
    yet). The writer calls it before its checkpoint, so a job killed from then on is caught up too."""
    from pipeline import lake_pending

    return lake_pending.record(paths, touched if exists(paths) else None)


def _take_in_pending(paths: Paths, touched: dict[str, list[Any]] | None,
                     own: Path | None = None) -> tuple[dict[str, list[Any]] | None, list[Path]]:
    """Record this publish's keys (unless `own` holds them), and add to them the keys of earlier publishes that
    never committed. Returns the keys to publish (None: everything) and the records to remove once they are."""
    from pipeline import lake_pending

    own = own or lake_pending.record(paths, touched)
    earlier = lake_pending.read(paths, skip=own)
    records = [own, *earlier.records]
    if not earlier.records:
        return touched, records
    _log.warning("the lake lacks what %d earlier publish(es) wrote to the warehouse (%d keys%s): publishing it "
                 "now", len(earlier.records), earlier.keys(), ", and some unknown" if earlier.unknown else "")
    if touched is None or earlier.whole:
        return None, records
    more = earlier.touched
    if earlier.unknown:
        more = lake_pending.merge(more, missing_keys(paths))
    return lake_pending.merge(touched, more), records


def missing_keys(paths: Paths) -> dict[str, list[Any]]:
    """The keys of the warehouse's big tables that the lake lacks (pipeline.lake_pending.missing_keys)."""
    from pipeline import lake_pending

    conn = duck.connect(temp_dir=duck.spill_dir(paths.home))
    try:
        attach(conn, paths, read_only=True)
        conn.execute(f"ATTACH '{paths.warehouse}' AS wh (READ_ONLY)")
        return lake_pending.missing_keys(conn, "wh", ALIAS, DELTA_KEYS)
    finally:
        conn.close()


def locked(exc: BaseException) -> bool:
    """SQLite's 'database is locked' (SQLITE_BUSY), as DuckDB's sqlite extension words it."""
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text


def pause(seconds: float) -> None:
    """The wait between two attempts of a lake publish (a test replaces it)."""
    time.sleep(seconds)


def _publish_lake(paths: Paths, touched: dict[str, list[Any]] | None, first: bool,
                  derived: dict[str, Any]) -> dict[str, Any]:
    """The lake's part of a publish, tried again after RETRY_WAITS[i] seconds while the catalog is locked."""
    from pipeline import lake_pending

    waits = list(RETRY_WAITS)
    attempt = 1
    while True:
        try:
            return _mirror_into(paths, touched, first, derived)
        except Exception as exc:
            if not locked(exc):
                raise
            reason = str(exc).strip().splitlines()[-1][:300]
            if not waits:
                raise LakeLocked(
                    f"the lake's catalog stayed locked through {attempt} attempt(s) ({reason}); the warehouse holds "
                    f"the job, its keys wait in {lake_pending.folder(paths)} and the next publish (a write job, a "
                    "review sync or `python -m pipeline.lake catch-up`) brings the lake up to date") from exc
            wait = waits.pop(0)
            _log.warning("lake publish attempt %d: the catalog is locked (%s); trying again in %.1f s",
                         attempt, reason, wait)
            pause(wait)
            attempt += 1
            # whether the failed commit took is not known for sure: delete every key before inserting it again
            touched = lake_pending.stale(touched) if touched is not None else None


def _mirror_into(paths: Paths, touched: dict[str, list[Any]] | None, first: bool,
                 derived: dict[str, Any]) -> dict[str, Any]:
    conn = duck.connect(temp_dir=duck.spill_dir(paths.home))
    try:
        try:
            attach(conn, paths, read_only=False)
        except duckdb.Error as exc:  # the switch of a catalog to WAL mode (once) needs no reader in a query;
            if mode() == "sqlite" and "transaction is aborted" in str(exc).lower():  # then this follows SQLITE_BUSY
                raise duckdb.TransactionException(f"database is locked (attaching the catalog: {exc})") from exc
            raise
        # the lake's row group cap in bytes (ROW_GROUP_BYTES) is refused by DuckDB while insertion order is kept;
        # no reader depends on the order of the lake's rows (Parquet files, read with ORDER BY where it matters)
        conn.execute("SET preserve_insertion_order = false")
        conn.execute(f"ATTACH '{paths.warehouse}' AS wh (READ_ONLY)")
        if not first and touched is not None:
            have = set(_tables(conn, ALIAS))
            if not set(DELTA_KEYS) & set(_tables(conn, "wh")) <= have:
                touched = None
        if first or touched is None:
            duck.for_rebuild(conn)
        return mirror(conn, "wh", None if first else touched, paths, derived)
    except Exception:
        _let_go(conn)
        raise
    finally:
        conn.close()


def _let_go(conn: duckdb.DuckDBPyConnection) -> None:
    """Detach what a failed publish attached: after a failed DuckLake commit, closing the connection does not
    release its database (checked: the writer's next open of the warehouse then failed with "Unique file handle
    conflict ... already attached by database wh")."""
    for statement in ("ROLLBACK", "USE memory", "DETACH DATABASE IF EXISTS wh", f"DETACH DATABASE IF EXISTS {ALIAS}"):
        with contextlib.suppress(duckdb.Error):
            conn.execute(statement)


def catch_up(paths: Paths) -> dict[str, Any]:
    """Publish the keys the lake lacks, found by comparing it with the warehouse (and any pending record), under
    the writer lock: for a lake left behind by a publish that failed before its keys were recorded (code from
    before docs/decisions.md entry 22, or a record lost). Then `verify`."""
    from pipeline import lake_pending
    from pipeline.locking import exclusive_lock

    with exclusive_lock(paths.writer_lock, timeout=600):
        if not exists(paths):
            done = publish(paths, None)
            missing: dict[str, int] = {}
        else:
            found = missing_keys(paths)
            missing = {t: sum(b.num_rows for b in batches) for t, batches in found.items()}
            done = publish(paths, found) if found or lake_pending.pending(paths) else {"delta": {}}
    return {"missing": missing, "published": done.get("delta", {}), "problems": verify(paths)}


def verify(paths: Paths) -> dict[str, tuple[int, int]]:
    """Per table: (rows in the warehouse, rows in the lake), and an order-free content digest compared; a
    table whose digests differ is reported with its counts. Empty result: the lake holds exactly the
    warehouse's rows."""
    from pipeline import doc_texts

    conn = duck.connect(temp_dir=duck.spill_dir(paths.home))
    try:
        attach(conn, paths, read_only=True)
        conn.execute(f"ATTACH '{paths.warehouse}' AS wh (READ_ONLY)")
        problems: dict[str, tuple[int, int]] = {}
        for table in _tables(conn, "wh"):
            have = _columns(conn, "wh", table)
            cols = ", ".join(f'"{c}"' for c in (doc_texts.published_columns(have) if table == "documents" else have))
            digest = f"SELECT count(*), bit_xor(hash(({cols}))) FROM {{}}"
            # documents: with their lead and text, from document_texts (migration 010)
            wh_rel = _whole_documents(conn, "wh") if table == "documents" else f'wh."{table}"'
            a = conn.execute(digest.format(wh_rel)).fetchone()
            b = conn.execute(digest.format(f'{ALIAS}."{table}"')).fetchone()
            if a != b:
                problems[table] = (int(a[0]) if a else 0, int(b[0]) if b else 0)
        return problems
    finally:
        conn.close()


def migrate_warehouse(paths: Paths) -> dict[str, Any]:
    """From today's single-file warehouse to the lake: fold the review journal in (so no decision is left
    behind), mirror every table whole, then check that the lake holds exactly the warehouse's rows."""
    from pipeline.locking import exclusive_lock
    from pipeline.store import open_writer

    with open_writer(paths, publish=False):
        pass  # migrations, views and the review journal, under the writer lock
    with exclusive_lock(paths.writer_lock, timeout=600):
        done = publish(paths, None)
    problems = verify(paths)
    return {"lake": catalog_uri(paths), "tables": done["whole"], "problems": problems}


def main(argv: list[str] | None = None) -> int:
    import argparse
    import json

    parser = argparse.ArgumentParser(prog="python -m pipeline.lake", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("migrate", "verify", "catch-up"),
                        help="migrate: mirror the warehouse into the lake and check it; verify: only check; "
                             "catch-up: publish what the warehouse holds and the lake lacks, then check")
    args = parser.parse_args(argv)
    if not enabled():
        parser.error(f"set {LAKE_ENV}=sqlite (or postgres:<connection string>) first")
    paths = Paths.from_env().ensure()
    if args.command == "migrate":
        result = migrate_warehouse(paths)
    elif args.command == "catch-up":
        result = {"lake": catalog_uri(paths), **catch_up(paths)}
    else:
        result = {"lake": catalog_uri(paths), "problems": verify(paths)}
    print(json.dumps(result, ensure_ascii=False, default=str))
    return 1 if result["problems"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
