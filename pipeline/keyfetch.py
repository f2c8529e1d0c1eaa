"""Fetch a few rows of a big DuckDB table by key without reading every row's wide columns.

A filter such as `doc_id IN (SELECT ...)` makes DuckDB scan every row group of the table and decompress
every projected column (a million documents' text, several GB) to keep a few hundred rows: DuckDB uses no
index for a join. Its scans do skip row groups and vectors by `rowid` range, so this reads the key
columns only to find the rows' ids, groups those ids into runs (ids within GAP of each other), and reads
the wanted columns of those runs only. A write job's new rows sit together at the end of the table (one
run); a story's scattered copies are a few runs. With more runs than MAX_RUNS one filtered scan is
cheaper, and that is what is done then.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import duckdb

GAP = 2048  # one DuckDB vector: rows closer than this are read in the same run
MAX_RUNS = 64
TEXT_MAX_RUNS = 256  # (for a wide column: runs are cheaper than a scan up to about 300 of them, select_rows)
# Up to this many keys are written into the SQL as constants: DuckDB then filters the key column's scan with
# them (the big tables have no index since migration 014; an ART index would answer them), where `IN (SELECT
# unnest(?))` was 5-8x slower than constants for 600 keys.
INLINE_MAX = 2000


def literal_list(values: Sequence[str]) -> str:
    """The values as a SQL list of string constants (quotes doubled), for `col IN (...)`."""
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in values)


def literal_lists(values: Sequence[str]) -> list[str]:
    """The values as SQL lists of constants, INLINE_MAX at a time (for `col IN (...)` in a loop)."""
    return [literal_list(values[lo:lo + INLINE_MAX]) for lo in range(0, len(values), INLINE_MAX)]


def _values(conn: duckdb.DuckDBPyConnection, keys: str, key: str) -> list[str]:
    return [r[0] for r in conn.execute(f'SELECT DISTINCT "{key}" FROM {keys} WHERE "{key}" IS NOT NULL').fetchall()]


def key_filter(conn: duckdb.DuckDBPyConnection, column: str, keys: str, key: str) -> str:
    """A condition `column IN (...)` for the values of `key` in relation `keys`: as constants when they are few
    (INLINE_MAX; written as string constants, which DuckDB casts to the column's type: the keys used with it are
    VARCHAR ids), else as a semi join with the relation. NULL keys match nothing."""
    return _filter(column, keys, key, _values(conn, keys, key))


def _filter(column: str, keys: str, key: str, values: Sequence[str]) -> str:
    if not values:
        return "false"
    if len(values) <= INLINE_MAX:
        return f"{column} IN ({literal_list(values)})"
    return f'{column} IN (SELECT "{key}" FROM {keys})'


def runs(row_ids: Sequence[int], gap: int = GAP) -> list[tuple[int, int]]:
    """Sorted, merged [first, last] ranges covering the ids (ids within `gap` of each other share one)."""
    out: list[list[int]] = []
    for rid in sorted(set(row_ids)):
        if out and rid - out[-1][1] <= gap:
            out[-1][1] = rid
        else:
            out.append([rid, rid])
    return [(a, b) for a, b in out]


def select_by_keys(conn: duckdb.DuckDBPyConnection, table: str, keys: str, key_cols: Sequence[str],
                   columns: str = "*", known: Mapping[str, Sequence[int]] | None = None, max_runs: int = MAX_RUNS,
                   found: dict[str, list[int]] | None = None, values: Sequence[str] | None = None) -> str:
    """A SELECT of `columns` from `table` (a qualified, quoted name) for the rows whose `key_cols` match a
    row of the relation `keys` (a registered Arrow table or temp table with those columns; with several key
    columns NULL matches NULL, with one a NULL key matches nothing). Finds the rows' ids first (key columns
    only) and returns SQL that reads only their runs. `max_runs`: see select_rows.

    `known`: row ids by value of the first key column, found earlier in this very state of the table (e.g. by
    `found`, or documents by expanding stories); when it holds every value of that column in `keys`, no key
    column is scanned: the rows are those ids' (with several key columns, filtered by the whole key). `found`:
    with one key column, given a dict, the row ids found are left in it by key value. `values`: with one key
    column, the key values of `keys` (no NULL), when the caller has them: they are not read back from it (a
    statement of its own, about 1 ms)."""
    first = key_cols[0]
    if values is not None and len(key_cols) == 1:
        values = sorted(set(values))
    else:
        values = _values(conn, keys, first) if known or len(key_cols) == 1 else []
    if len(key_cols) == 1:  # constants (or a semi join) filter the key column's scan
        where = _filter(f'x."{first}"', keys, first, values)
    else:
        on = " AND ".join(f'x."{k}" IS NOT DISTINCT FROM k."{k}"' for k in key_cols)
        where = f"EXISTS (SELECT 1 FROM {keys} k WHERE {on})"
    if known:
        nulls = conn.execute(f'SELECT count(*) FROM {keys} WHERE "{first}" IS NULL').fetchone()
        if values and all(v in known for v in values) and (len(key_cols) == 1 or not (nulls and nulls[0])):
            rows = [r for v in values for r in known[v]]
            if len(key_cols) == 1:
                return select_rows(table, rows, columns, where, max_runs)
            return f"SELECT {columns} FROM ({select_rows(table, rows, '*', where, max_runs)}) x WHERE {where}"
    if found is not None and len(key_cols) == 1:
        hits = conn.execute(f'SELECT x.rowid, x."{first}" FROM {table} x WHERE {where}').fetchall()
        for rid, value in hits:
            found.setdefault(str(value), []).append(int(rid))
    else:
        hits = conn.execute(f"SELECT x.rowid FROM {table} x WHERE {where}").fetchall()
    return select_rows(table, [int(r[0]) for r in hits], columns, where, max_runs)


def select_rows(table: str, row_ids: Sequence[int], columns: str, where: str, max_runs: int = MAX_RUNS) -> str:
    """A SELECT of `columns` from `table` reading only the runs of these row ids; with more runs than
    `max_runs` the filtered scan `where` (on alias x) instead. Each run costs about 1.4 ms CPU when it holds a
    wide column (a text), and a filtered scan of every text about 0.45 s at a million documents."""
    if not row_ids:
        return f"SELECT {columns} FROM {table} WHERE false"
    spans = runs(row_ids)
    if len(spans) > max_runs:
        return f"SELECT {columns} FROM {table} x WHERE {where}"
    ids = sorted(set(row_ids))
    parts = []
    for a, b in spans:
        inside = [r for r in ids if a <= r <= b]
        only = "" if len(inside) == b - a + 1 else f" AND rowid IN ({', '.join(map(str, inside))})"
        parts.append(f"SELECT {columns} FROM {table} WHERE rowid BETWEEN {a} AND {b}{only}")
    return " UNION ALL ".join(parts)
