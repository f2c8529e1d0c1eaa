"""The analysts' SQL door (`planwatch sql`): one read-only query on a locked-down snapshot connection.

Two independent layers, so a gap in one is caught by the other:
1. the connection: after the fts extension is loaded, `enable_external_access = false` (no file, no URL, no
   extension, no ATTACH can be reached from SQL) and `lock_configuration = true` (no SET or PRAGMA can turn
   it back on); the snapshot itself is opened read-only;
2. the statement: DuckDB's own tokenizer and parser (`duckdb.tokenize`, `extract_statements` on the locked
   connection, so even parsing cannot read a file) must find exactly one statement, of type SELECT, that
   starts with a reading keyword. COPY, ATTACH, DETACH, EXPORT, IMPORT, INSTALL, LOAD, SET, RESET, PRAGMA,
   CALL, CHECKPOINT, EXPLAIN, CREATE, INSERT, UPDATE, DELETE and the rest are refused before they run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import duckdb

ALLOWED_KEYWORDS = ("SELECT", "WITH", "FROM", "VALUES", "TABLE", "DESCRIBE", "SHOW", "SUMMARIZE", "UNPIVOT")
ALLOWED_TEXT = ("one read-only query per call: SELECT, WITH, FROM, VALUES, TABLE, DESCRIBE, SHOW, SUMMARIZE "
                "or UNPIVOT (files, the network, ATTACH, COPY, EXPORT, IMPORT, INSTALL, LOAD, SET, PRAGMA and "
                "CALL are refused)")
MAX_QUERY_CHARS = 100_000


class SqlRefused(ValueError):
    """The query is not one read-only statement; the message (one line) says what is allowed."""


def lock_down(conn: duckdb.DuckDBPyConnection) -> None:
    """No file system, network or extension access from SQL from now on, and no way to undo it. Call after
    the fts extension is loaded (loading it needs file access)."""
    conn.execute("SET enable_external_access = false")
    conn.execute("SET lock_configuration = true")


def _first_keyword(query: str) -> str:
    try:
        tokens = duckdb.tokenize(query)
    except (duckdb.Error, RuntimeError) as exc:  # an unterminated string or comment
        raise SqlRefused(f"cannot read the query ({_one_line(exc)}); allowed: {ALLOWED_TEXT}") from None
    for start, kind in tokens:
        text = query[start:].lstrip()
        if kind == duckdb.token_type.operator and text.startswith("("):
            continue  # a parenthesised query: the keyword inside decides
        word = text.split(None, 1)[0] if text else ""
        word = "".join(ch for ch in word if ch.isalpha())
        return word.upper()
    return ""


def check_query(conn: duckdb.DuckDBPyConnection, query: str) -> str:
    """The single statement of `query` when it is a read, else SqlRefused. `conn` must be locked down."""
    if len(query) > MAX_QUERY_CHARS:
        raise SqlRefused(f"the query is longer than {MAX_QUERY_CHARS} characters; allowed: {ALLOWED_TEXT}")
    if "\x00" in query:
        raise SqlRefused(f"the query contains a NUL character; allowed: {ALLOWED_TEXT}")
    keyword = _first_keyword(query)
    if not keyword:
        raise SqlRefused(f"no statement found in the query; allowed: {ALLOWED_TEXT}")
    if keyword not in ALLOWED_KEYWORDS:
        raise SqlRefused(f"{keyword} is refused: the snapshot is read-only; allowed: {ALLOWED_TEXT}")
    try:
        statements = conn.extract_statements(query)
    except duckdb.Error as exc:
        raise SqlRefused(_one_line(exc)) from None
    if len(statements) != 1:
        raise SqlRefused(f"{len(statements)} statements given; allowed: {ALLOWED_TEXT}")
    statement = statements[0]
    if statement.type != duckdb.StatementType.SELECT:
        raise SqlRefused(f"{statement.type.name} is refused: the snapshot is read-only; allowed: {ALLOWED_TEXT}")
    _refuse_functions(conn, query)
    return query


# Functions that reach files or servers by their own means, not through DuckDB's file system (so
# enable_external_access does not stop them): the sqlite and postgres scanners a DuckLake catalog needs
# (pipeline.lake), DuckLake's maintenance calls, and query()/query_table(), which would run any of them
# from a string.
REFUSED_PREFIXES = ("sqlite_", "postgres_", "ducklake_")
REFUSED_FUNCTIONS = ("query", "query_table")


def _function_names(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        name = node.get("function_name")
        if isinstance(name, str):
            yield name.lower()
        for value in node.values():
            yield from _function_names(value)
    elif isinstance(node, list):
        for value in node:
            yield from _function_names(value)


def _refuse_functions(conn: duckdb.DuckDBPyConnection, query: str) -> None:
    row = conn.execute("SELECT json_serialize_sql(?::VARCHAR)", [query]).fetchone()
    tree = json.loads(row[0]) if row else {}
    if tree.get("error"):
        raise SqlRefused(f"cannot read the query ({tree.get('error_message', '')}); allowed: {ALLOWED_TEXT}")
    for name in _function_names(tree):
        if name in REFUSED_FUNCTIONS or name.startswith(REFUSED_PREFIXES):
            raise SqlRefused(f"{name}() is refused: it reaches outside the snapshot; allowed: {ALLOWED_TEXT}")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]
