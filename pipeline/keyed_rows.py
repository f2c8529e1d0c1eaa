"""Tables without a primary key: `document_texts` and `doc_signatures` (migrations 011-012), `documents`,
`stories` and `fetch_log` (migration 014). The writer keeps one row per key.

DuckDB 1.5.5 re-serializes a whole ART index at every checkpoint that changed one of its keys (DuckDB issue 24848),
so at a million documents each write job's closing checkpoint rewrote `documents`' key (1M random sha1 ids) and
`stories`' (0.7M), and each load probed them. Without the keys, as INSERT OR IGNORE / OR REPLACE did, the writer
finds which of a batch's keys are stored (a scan of the key column filtered by constants, pipeline.keyfetch), drops
the batch's rows for them ('ignore') or deletes the stored rows first ('replace'). A replaced row keeps the stored
values of the columns the batch does not carry, as OR REPLACE (an update of the given columns) did. A batch holding
one key twice keeps its first row ('ignore') or its last ('replace'). No transaction of its own: a caller may hold
one.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from pipeline import row_keys
from pipeline.keyfetch import literal_lists

# the tables without their primary key: their key column
KEYS = {"documents": "doc_id", "stories": "story_id", "fetch_log": "fetch_id", "document_texts": "doc_id",
        "doc_signatures": "doc_id"}


def one_per_key(batch: pa.Table, key: str | tuple[str, ...], *, last: bool) -> pa.Table:
    """The batch with one row per key (one column, or several together): the first of a repeated key, or with
    `last` the last."""
    names = (key,) if isinstance(key, str) else key
    chosen: dict[tuple[object, ...], int] = {}
    for i, value in enumerate(zip(*(batch.column(c).to_pylist() for c in names), strict=True)):
        if last or value not in chosen:
            chosen[value] = i
    if len(chosen) == batch.num_rows:
        return batch
    return batch.take(pa.array(sorted(chosen.values()), pa.int64()))


def existing(conn: duckdb.DuckDBPyConnection, table: str, key: str, values: list[str]) -> set[str]:
    """Which of these keys `table` holds (its key column's scan filtered by constants: no index)."""
    found: set[str] = set()
    for part in literal_lists(sorted(set(values))):
        found |= {r[0] for r in conn.execute(f'SELECT "{key}" FROM "{table}" WHERE "{key}" IN ({part})').fetchall()}
    return found


# a column computed from the row's others at each insert (pipeline.row_keys; its CHECK refuses another value)
DERIVED = {"documents": (row_keys.STORY_KEY, row_keys.KEY.format(row_keys.STORY_OF))}


def _columns(conn: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """The table's columns in order (a statement bound, not run: a look at duckdb_columns() cost 2-6 ms)."""
    return [d[0] for d in conn.execute(f'SELECT * FROM "{table}" LIMIT 0').description]


def store(conn: duckdb.DuckDBPyConnection, table: str, batch: pa.Table, *, replace: bool,
          existed: set[str] | None = None) -> set[str]:
    """Load a batch into a table of KEYS, one row per key (see the module's text). `existed`: the batch's keys
    already stored, when the caller knows them. Returns them."""
    key = KEYS[table]
    batch = one_per_key(batch, key, last=replace)
    values = batch.column(key).to_pylist()
    existed = existing(conn, table, key, values) if existed is None else existed & set(values)
    hit = [v in existed for v in values]
    if not replace and any(hit):
        batch = batch.filter(pa.array([not h for h in hit], pa.bool_()))
    derived = DERIVED.get(table)
    if derived is not None and derived[0] in batch.column_names:  # (computed at the insert, never taken from a batch)
        batch = batch.drop_columns([derived[0]])
    kept = [c for c in _columns(conn, table) if c not in batch.column_names] if replace and any(hit) else []
    if derived is not None:
        kept = [c for c in kept if c != derived[0]]
    old = None
    if replace and any(hit):
        parts = literal_lists(sorted(v for v, h in zip(values, hit, strict=True) if h))
        if kept:  # the stored values of the columns the batch does not carry, read before the rows go
            cols = ", ".join(f'"{c}"' for c in [key, *kept])
            old = pa.concat_tables([conn.execute(f'SELECT {cols} FROM "{table}" WHERE "{key}" IN ({part})')
                                    .fetch_arrow_table() for part in parts])
        for part in parts:
            conn.execute(f'DELETE FROM "{table}" WHERE "{key}" IN ({part})')
    if batch.num_rows:
        _insert(conn, table, key, batch, old, kept)
    return existed


def _insert(conn: duckdb.DuckDBPyConnection, table: str, key: str, batch: pa.Table, old: pa.Table | None,
            kept: list[str]) -> None:
    """Append the batch in its order (a job's new rows stay together at the table's end, pipeline.keyfetch), with
    the stored values of the `kept` columns carried over from `old`, and the derived key computed."""
    if old is None and not kept:  # nothing stored to carry over: the batch as it is (no join, no sort)
        views = {"_keyed_rows": batch}
        select = "SELECT * FROM _keyed_rows"
    else:
        views = {"_keyed_rows": batch.append_column("_keyed_pos", pa.array(range(batch.num_rows), pa.int64())),
                 "_keyed_old": old if old is not None else pa.table({key: pa.array([], pa.string())})}
        cols = "".join(f', o."{c}"' for c in kept)
        select = (f'SELECT b.* EXCLUDE (_keyed_pos){cols} FROM _keyed_rows b '
                  f'LEFT JOIN _keyed_old o ON o."{key}" = b."{key}" ORDER BY b._keyed_pos')
    for name, view in views.items():
        conn.register(name, view)
    try:
        derived = DERIVED.get(table)
        if derived is not None and row_keys.has_column(conn, f'"{table}"', derived[0]):  # the inserted row's key
            select = f"SELECT *, {derived[1]} AS {derived[0]} FROM ({select})"
        conn.execute(f'INSERT INTO "{table}" BY NAME {select}')
    finally:
        for name in views:
            conn.unregister(name)
