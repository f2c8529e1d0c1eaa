"""The one writer of the warehouse.

Every write goes through `open_writer()`: it takes the writer lock, applies pending migrations and the
views, hands out a `Writer` whose methods load Arrow batches (never row-by-row), folds in the review
journal, and on a clean exit checkpoints and publishes a read-only snapshot. Readers never open the
warehouse itself; they open the snapshot (pipeline.snapshot).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from pipeline import classification_rows, doc_texts, duck, keyed_rows, sql
from pipeline.faults import pause
from pipeline.locking import exclusive_lock
from pipeline.plans import Plan
from planwatch.config import Paths

if TYPE_CHECKING:
    from pipeline.rows import DocumentRow

_log = logging.getLogger("planwatch.lake")

UTC = dt.UTC


def now() -> dt.datetime:
    return dt.datetime.now(UTC)


def connect_rw(paths: Paths) -> duckdb.DuckDBPyConnection:
    paths.ensure()
    return duck.connect(paths.warehouse)


def migrate(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply migrations not yet recorded, each in its own transaction; then re-create the views.
    Safe to run any number of times. Returns the names applied now."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                 "version VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)")
    done = {r[0] for r in conn.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for path in sql.migrations():
        if path.stem in done:
            continue
        conn.execute("BEGIN")
        try:
            conn.execute(path.read_text(encoding="utf-8"))
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?)", [path.stem, now()])
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        applied.append(path.stem)
    _create_views(conn, force=bool(applied))
    return applied


def _create_views(conn: duckdb.DuckDBPyConnection, *, force: bool) -> None:
    """(Re)create the views, unless the warehouse already has these very view files (their hash is kept as
    the comment of view `matches`): re-creating them at each open rewrote the catalog at each checkpoint."""
    texts = [path.read_text(encoding="utf-8") for path in sql.views()]
    stamp = "planwatch views " + hashlib.sha256("".join(texts).encode()).hexdigest()
    row = conn.execute("SELECT comment FROM duckdb_views() WHERE database_name = current_database() "
                       "AND schema_name = 'main' AND view_name = 'matches'").fetchone()
    if row and row[0] == stamp and not force:
        return
    for text in texts:
        conn.execute(text)
    conn.execute(f"COMMENT ON VIEW matches IS '{stamp}'")


def _arrow(rows: Sequence[Mapping[str, Any]] | pa.Table) -> pa.Table:
    if isinstance(rows, pa.Table):
        return rows
    return pa.Table.from_pylist(list(rows))


class Writer:
    """Write operations on an open warehouse connection. Obtain one from `open_writer()`."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, paths: Paths) -> None:
        self.conn = conn
        self.paths = paths
        self.publish_seconds: float | None = None  # set by open_writer once it has published
        self.publish_error: str | None = None  # set by open_writer when the lake publish failed (lake.LakeLocked)
        # run by open_writer once the snapshot is published, on this connection, in the same job (then checkpointed)
        self.after_publish: Callable[[Writer], None] | None = None
        self.touched: dict[str, list[pa.Table]] = {}  # table -> keys of the batches loaded (a lake publish)
        self.wants_postings = False  # set by open_writer when its publish is the snapshot's (not the lake's)
        self.search_indexed = 0  # documents tokenized into the warehouse's search index (pipeline.search_kept)
        self._search_ready = False

    def index_documents(self, docs: Sequence[DocumentRow], shipped: Mapping[str, Any] | None = None,
                        known: Collection[str] = ()) -> None:
        """Bring the search index the warehouse keeps for the snapshot (pipeline.search_kept) up to date for the
        documents just stored: those whose search text changed, or that had no entry, are tokenized now, while the
        job runs, instead of in the publish. `shipped`: the workers' MD5s and tokens of these documents
        (pipeline.search_tokens.shipped), by doc_id; `known`: documents stored again with the stored title and
        text (pipeline.ingest.same_content), left as they are (search_kept.index)."""
        from pipeline import search_kept
        from pipeline.publish import _rules

        if not self.wants_postings or not docs:
            return
        if not self._search_ready:
            search_kept.ensure(self.conn, _rules())
            self._search_ready = True
        self.search_indexed += search_kept.index(self.conn, docs, shipped, known)

    # -- generic batch loads -------------------------------------------------------------------
    def insert(self, table: str, rows: Sequence[Mapping[str, Any]] | pa.Table, *, on_conflict: str = "ignore",
               stored: set[Any] | None = None) -> int:
        """Load a batch by column name. on_conflict: 'ignore' keeps existing rows (append-only tables,
        idempotent reloads); 'replace' overwrites them (re-extracted documents). `stored`: for a table the
        writer keeps at one row per key (documents, classifications, keyed_rows.KEYS), the batch's keys already
        stored, when the caller has just read them (else they are looked up: a scan of the key column).
        Returns rows offered."""
        batch = _arrow(rows)
        if batch.num_rows == 0:
            return 0
        verb = {"ignore": "INSERT OR IGNORE", "replace": "INSERT OR REPLACE"}[on_conflict]
        if table == "documents":  # lead and text go to document_texts (migration 011, pipeline.doc_texts)
            batch = self._insert_documents(batch, replace=on_conflict == "replace", stored=stored)
        elif table == classification_rows.TABLE:  # no primary key: one row per key kept here (migration 013)
            classification_rows.store(self.conn, batch, replace=on_conflict == "replace", stored=stored)
        elif table in keyed_rows.KEYS:  # no primary key: one row per key kept here (migrations 011-014)
            keyed_rows.store(self.conn, table, batch, replace=on_conflict == "replace", existed=stored)
        else:
            self._load(table, batch, verb)
        from pipeline.lake import keys_of

        self.touched.setdefault(table, []).append(keys_of(table, batch))
        return batch.num_rows

    def _load(self, table: str, batch: pa.Table, verb: str) -> None:
        self.conn.register("_batch", batch)
        try:
            # Table names come from code, never from input; identifiers cannot be bound parameters.
            self.conn.execute(f'{verb} INTO "{table}" BY NAME SELECT * FROM _batch')
        finally:
            self.conn.unregister("_batch")

    def _insert_documents(self, batch: pa.Table, *, replace: bool, stored: set[str] | None = None) -> pa.Table:
        """Documents without their wide columns into `documents`, then those into `document_texts` (not in a
        transaction of their own: DuckDB has none nested, and a caller may hold one; a job stopped between the
        two leaves documents without a text row, which its rerun, loading them again with 'replace', writes).
        `stored`: the batch's doc_ids already in `documents`, when the caller knows them. Returns the batch as
        loaded into `documents`."""
        from pipeline.lake import NEW_DOCUMENTS

        batch, texts = doc_texts.split(keyed_rows.one_per_key(batch, "doc_id", last=replace))
        ids = batch.column("doc_id").to_pylist()
        existed = keyed_rows.store(self.conn, "documents", batch, replace=replace, existed=stored)
        if texts is not None:
            doc_texts.store(self.conn, texts, replace=replace, existed=existed)
        new = sorted(set(ids) - existed)  # (a lake publish deletes nothing of theirs)
        self.touched.setdefault(NEW_DOCUMENTS, []).append(pa.table({"doc_id": pa.array(new, pa.string())}))
        return batch

    def mark_touched(self, table: str, doc_ids: Sequence[str]) -> None:
        """Record documents changed by other means than `insert` (a story move), so that the next publish
        of what changed (lake, coverage file) takes their rows again."""
        if doc_ids:
            self.touched.setdefault(table, []).append(pa.table({"doc_id": pa.array(list(doc_ids), pa.string())}))

    # -- plans -----------------------------------------------------------------------------------
    def load_plan(self, plan: Plan) -> None:
        """(Re)load a plan's rows. Plans are data: a changed file replaces its rows in one transaction."""
        loaded = now()
        self.conn.execute("BEGIN")
        try:
            for table in ("planned_counts", "activities", "plan_channels", "plans"):
                self.conn.execute(f"DELETE FROM {table} WHERE plan_id = ?", [plan.id])
            self.insert("plans", [{
                "plan_id": plan.id, "number": plan.number, "title": plan.title, "issued_on": plan.issued_on,
                "issuer": plan.issuer, "signer": plan.signer, "source_file": plan.path.name, "loaded_at": loaded,
            }])
            self.insert("activities", [{
                "plan_id": plan.id, "activity_id": a.id, "line": a.line, "content": a.content, "form": a.form,
                "timing": a.timing, "window_start": a.window_start, "window_end": a.window_end,
                "lead_unit": a.lead_unit, "coordinating_units": a.coordinating_units,
            } for a in plan.activities])
            self.insert("planned_counts", [
                {"plan_id": plan.id, "activity_id": a.id, "format": fmt, "planned": n}
                for a in plan.activities for fmt, n in a.planned.items()])
            self.insert("plan_channels", [{
                "plan_id": plan.id, "channel_id": c.id, "tier": c.tier, "name": c.name,
                "source_ids": list(c.source_ids), "kinds": list(c.kinds),
            } for c in plan.channels])
            self.conn.execute("COMMIT")
        except Exception:
            self.conn.execute("ROLLBACK")
            raise

    # -- review journal --------------------------------------------------------------------------
    def ingest_review_journal(self) -> int:
        """Copy decisions recorded in the journal file into review_decisions (idempotent)."""
        from pipeline.journal import held_in, read_new, save_position

        # only the decisions not held yet: what a publish then refreshes follows the new ones, not the journal;
        # read from where the last ingest into this warehouse stopped (pipeline.journal.read_new), the ids held
        # asked for those lines only
        new, position = read_new(self.paths.review_journal, held_in(self.conn))
        if not new:
            save_position(self.paths.review_journal, position)
            return 0
        before = self.count("review_decisions")
        self.insert("review_decisions", new, on_conflict="ignore")
        save_position(self.paths.review_journal, position)
        return self.count("review_decisions") - before

    def count(self, table: str) -> int:
        row = self.conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        return int(row[0]) if row else 0

    # -- runs --------------------------------------------------------------------------------------
    def start_run(self, run_id: str, kind: str, since: dt.date | None = None, until: dt.date | None = None) -> None:
        self.insert("crawl_runs", [{"run_id": run_id, "kind": kind, "started_at": now(), "finished_at": None,
                                    "status": "running", "since": since, "until": until,
                                    "summary_json": None}], on_conflict="ignore")

    def finish_run(self, run_id: str, status: str, summary: dict[str, Any],
                   stages: Sequence[dict[str, Any]] = ()) -> None:
        """Close the run's row; `stages`: its run_stages rows (pipeline.stages.StageTimes.rows)."""
        self.conn.execute("UPDATE crawl_runs SET finished_at = ?, status = ?, summary_json = ? WHERE run_id = ?",
                          [now(), status, json.dumps(summary, ensure_ascii=False, default=str), run_id])
        self.insert("run_stages", list(stages), on_conflict="replace")


def run_maintenance(conn: duckdb.DuckDBPyConnection) -> bool:
    """Data tasks a migration asked for (migrations 005 and 007: recompute every story once; 008: merge the band
    rows into the first base of the candidate index) or that are due (a full delta). True when a rebuild
    ran (a lake publish then mirrors every table: the rebuild rewrote rows outside Writer.insert)."""
    from pipeline.story_store import pending_merge, pending_rebuild, rebuild, run_merge

    rebuilt = pending_rebuild(conn)
    for task, due in ((rebuild, rebuilt), (run_merge, False)):
        if not (due or (task is run_merge and pending_merge(conn))):
            continue
        conn.execute("BEGIN")
        try:
            task(conn)
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
    return rebuilt


@contextmanager
def open_writer(paths: Paths | None = None, *, publish: bool = True, lock_timeout: float = 600.0,
                defer_lake: bool = False) -> Iterator[Writer]:
    """The only way to write. Holds the writer lock for the whole job; publishes on a clean exit. With the
    lake and `defer_lake`, only the coverage file is published now (a review decision; the lake follows at
    the next publish, whose writer also runs the story store's data tasks: a decision only adds decisions, and
    skipping them spares it the story store's imports). The snapshot's publish runs with the job's connection
    still open, idle after its checkpoint (the file copied is the checkpointed one): the writer's `after_publish`
    (set by the job) then runs on it, in the same job, before the close (docs/decisions.md entry 27)."""
    from pipeline import lake

    paths = (paths or Paths.from_env()).ensure()
    with exclusive_lock(paths.writer_lock, timeout=lock_timeout):
        conn = connect_rw(paths)
        snapshot = publish and not lake.enabled() and not defer_lake
        try:
            migrate(conn)
            rebuilt = False if defer_lake else run_maintenance(conn)
            writer = Writer(conn, paths)
            writer.wants_postings = publish and not lake.enabled()
            writer.ingest_review_journal()
            yield writer
            recorded = None
            if publish and lake.enabled() and not defer_lake:  # the job's keys, kept until the lake has them
                recorded = lake.record_keys(paths, None if rebuilt else writer.touched)  # (decisions.md 22)
            pause("store")  # test-only hook (pipeline/faults.py); a no-op unless PLANWATCH_FAULT_PAUSE is set
            if defer_lake:  # a decision: its rows stay in the WAL (durable at commit; a read-only attach
                # replays it, the next writer checkpoints it): a checkpoint rewrites review_decisions'
                # primary-key index whole, 0.1-0.3 s at 1M documents
                conn.execute("PRAGMA disable_checkpoint_on_shutdown")
            else:
                conn.execute("CHECKPOINT")
            if snapshot:
                _publish_snapshot(paths, writer)
        finally:
            conn.close()
        if publish and not snapshot:
            _publish_other(paths, writer, lake=lake.enabled() and not defer_lake, rebuilt=rebuilt,
                           recorded=recorded)


def _publish_snapshot(paths: Paths, writer: Writer) -> None:
    """The snapshot's publish (pipeline.publish) from the checkpointed warehouse, then the job's `after_publish`
    on its still open connection (the run's publish time: no second open, lock and checkpoint after the rename),
    checkpointed."""
    from pipeline.publish import publish_snapshot

    started = time.perf_counter()
    publish_snapshot(paths)
    writer.publish_seconds = time.perf_counter() - started  # the publish stage
    if writer.after_publish is not None:
        writer.after_publish(writer)
        writer.conn.execute("CHECKPOINT")


def _publish_other(paths: Paths, writer: Writer, *, lake: bool, rebuilt: bool, recorded: Any) -> None:
    """The publish of a closed warehouse: the lake (PLANWATCH_LAKE), or a snapshot without the lake while a
    decision's rows wait in the WAL (defer_lake)."""
    from pipeline import lake as lake_mod
    from pipeline.publish import publish_snapshot

    started = time.perf_counter()
    if lake_mod.enabled():  # PLANWATCH_LAKE: publish what changed as one DuckLake snapshot
        try:  # every story recomputed: every document's row may have changed
            lake_mod.publish(paths, None if rebuilt else writer.touched, lake=lake, recorded=recorded)
        except lake_mod.LakeLocked as exc:  # the job is in the warehouse; the next publish takes its keys in
            writer.publish_error = str(exc)
            _log.warning("%s", exc)
    else:
        publish_snapshot(paths)
    writer.publish_seconds = time.perf_counter() - started  # the publish stage
