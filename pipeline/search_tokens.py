"""The full-text index's tokenizer in Python, for the writer: postings computed while a job runs, so the publish
appends them instead of tokenizing every new document in its serial tail (docs/decisions.md entry 21).

The tokenizer is DuckDB's (`fts_main_documents.tokenize`, data/sql/lake/search_schema.sql): đ folded to d,
accents stripped (`strip_accents`), lower case, the characters of publish._FTS_IGNORE turned to spaces, split on
whitespace. Python does not redo those functions: each character of KNOWN (Latin, Vietnamese, combining marks,
general punctuation) is put through the macro itself once per process, which gives what it becomes inside a
word, or that it separates words. Those functions act on each of these characters alone (marks are stripped
before anything is composed again, and no two of these letters compose), so a text made of them tokenizes as
its characters do. A text with any other character is left to the SQL (Tokens.of returns None; the writer then
calls postings_by_sql), as is every text when the table cannot be built the same way (a character that turns
into two words)."""

from __future__ import annotations

import hashlib
import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# characters put through the macro: Latin (with Latin-1 and its extensions; not NUL, where DuckDB's accent
# stripping ends a text), spacing modifiers, the combining marks (NFD input), Vietnamese letters with their tone
# marks, general punctuation and currency signs, the BOM
KNOWN_RANGES = ((0x0001, 0x036F), (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0xFEFF, 0xFEFF))
# the table's list form (Tokens._by_code) covers the code points below this one (all the ranges but the BOM)
LIST_END = 0x20D0


@dataclass(frozen=True)
class Postings:
    """One document's index entry: `md5` of its search text (đ folded, as documents.search_text holds it), its
    token count and each term's count."""
    md5: str
    length: int
    terms: dict[str, int]


class Tokens:
    """Postings of texts made of the known characters, the same as the SQL tokenizer's (see the module doc)."""

    def __init__(self, table: dict[int, str], separators: str) -> None:
        self.args = (table, separators)  # what makes it again in another process (the workers: WorkerContext.search)
        # each known character to what it becomes inside a word, each separator to a space
        self._table = table | {ord(c): " " for c in separators}
        known = "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in KNOWN_RANGES)
        self._unknown = re.compile(f"[^{known}]").search
        # whitespace to str.split() that the SQL keeps inside words (RE2's \s is ASCII only): split on spaces then
        odd = [c for c, m in self._table.items() if m != " " and any(x.isspace() for x in chr(c) + m)]
        self._odd_space = re.compile("[" + re.escape("".join(map(chr, odd))) + "]").search if odd else None
        # The common case: a text of the known characters below LIST_END only, without an odd space, found in one
        # scan, is translated by the table as a list indexed by code point (str.translate finds a list's item a
        # quarter sooner than a dict's); any other text takes the checks above and the dict.
        self._by_code = [self._table.get(c, chr(c)) for c in range(LIST_END)]
        fast = "".join(f"{re.escape(chr(lo))}-{re.escape(chr(min(hi, LIST_END - 1)))}"
                       for lo, hi in KNOWN_RANGES if lo < LIST_END)
        odd_below = "".join(re.escape(chr(c)) for c in odd if c < LIST_END)
        self._plain = re.compile(f"[^{fast}]" + (f"|[{odd_below}]" if odd_below else "")).search

    @classmethod
    def from_duckdb(cls) -> Tokens | None:
        """The table of every known character, from the macro itself (an in-memory DuckDB); None if some
        character does not act alone as a letter or a separator."""
        import duckdb

        from pipeline import lake_search

        ranges = " UNION ALL ".join(f"SELECT range AS i FROM range({lo}, {hi + 1})" for lo, hi in KNOWN_RANGES)
        conn = duckdb.connect()
        try:
            conn.execute(lake_search._sql("search_schema"))
            # the characters made in SQL: a Python list bound as a parameter costs 60 ms here
            rows = conn.execute(f"SELECT chr(i::INTEGER) AS c, fts_main_documents.tokenize('a' || c || 'b') "
                                f"FROM ({ranges}) ORDER BY i").fetchall()
        finally:
            conn.close()
        table: dict[int, str] = {}
        separators = []
        for char, tokens in rows:
            if tokens == ["a", "b"]:
                separators.append(char)
            elif len(tokens) == 1 and tokens[0].startswith("a") and tokens[0].endswith("b"):
                table[ord(char)] = tokens[0][1:-1]
            else:
                return None
        return cls(table, "".join(separators))

    def of(self, title: str | None, lead: str | None, text: str | None, md5: str | None = None) -> Postings | None:
        """The document's postings, or None when its text holds a character the table does not know. `md5`: its
        search_md5, when the caller has it already."""
        return self.of_joined(search_text(title, lead, text), md5)

    def of_joined(self, joined: str, md5: str | None = None) -> Postings | None:
        """`of` for the search text already joined (search_text)."""
        if self._plain(joined) is None:
            words = joined.translate(self._by_code).split()
        elif self._unknown(joined):
            return None
        elif self._odd_space is not None and self._odd_space(joined):
            words = [w for w in joined.translate(self._table).split(" ") if w]
        else:
            words = joined.translate(self._table).split()
        return Postings(md5 or joined_md5(joined), len(words), Counter(words))


def joined_md5(joined: str) -> str:
    """search_md5 of a search text already joined (search_text), with đ and Đ folded to d and D."""
    folded = joined.replace("đ", "d").replace("Đ", "D")
    return hashlib.md5(folded.encode("utf-8")).hexdigest()


def search_text(title: str | None, lead: str | None, text: str | None) -> str:
    """Title, lead and text joined by a space, NULLs left out (the SQL's `concat_ws(' ', title, lead, text)`)."""
    return " ".join(p for p in (title, lead, text) if p is not None)


def search_md5(title: str | None, lead: str | None, text: str | None) -> str:
    """md5 of the document's search text as the snapshot's `documents.search_text` holds it (title, lead and text
    joined by a space, NULLs left out, đ folded to d): what its postings were computed from."""
    return joined_md5(search_text(title, lead, text))


_TOKENS: list[Tokens | None] = []


def tokens() -> Tokens | None:
    """The process's tokenizer, built at first use (None: the SQL tokenizes everything)."""
    if not _TOKENS:
        _TOKENS.append(Tokens.from_duckdb())
    return _TOKENS[0]


def postings_of_joined(texts: Sequence[str], md5s: Sequence[str]) -> list[Postings | None]:
    """Each search text's postings by the table (None: left to the SQL), from the texts already joined
    (search_text) and their search_md5."""
    found = tokens()
    if found is None:
        return [None for _ in texts]
    return [found.of_joined(t, m) for t, m in zip(texts, md5s, strict=True)]


# What a worker ships of a document for the writer's search index (pipeline.search_kept.index): the search_md5 of
# its search text, and, when the worker was given the table (a crawl: WorkerContext.search), its token count, its
# terms in their order joined by spaces (no term holds a space: every path splits on them) and their counts as
# int32 bytes; (md5, None, None, None) when the table was not given or does not know a character of the text.
Shipped = tuple[str, int | None, str | None, bytes | None]


def shipped(docs: Sequence[Any], table: Tokens | None) -> dict[str, Shipped]:
    """Each document row's Shipped entry, by doc_id (in a worker: the tokens and MD5 the writer would compute, made
    where both cores have spare time, and cheap to pickle: two strings and a bytes object a document)."""
    import numpy as np

    out: dict[str, Shipped] = {}
    for d in docs:
        joined = search_text(d.get("title"), d.get("lead"), d.get("text"))
        md5 = joined_md5(joined)
        found = table.of_joined(joined, md5) if table is not None else None
        if found is None:
            out[d["doc_id"]] = (md5, None, None, None)
        else:
            counts = np.fromiter(found.terms.values(), np.int32, len(found.terms))
            out[d["doc_id"]] = (md5, found.length, " ".join(found.terms), counts.tobytes())
    return out


def packed(entry: Postings) -> tuple[str, bytes]:
    """A Postings' terms and counts in Shipped's form."""
    import numpy as np

    return " ".join(entry.terms), np.fromiter(entry.terms.values(), np.int32, len(entry.terms)).tobytes()


_SQL: list[Any] = []  # the in-memory DuckDB holding the tokenizer's macro, made at first use (postings_by_sql)
_SQL_LOCK = threading.Lock()


def _sql_tokenizer() -> Any:
    """A cursor of the process's in-memory DuckDB with the macro of data/sql/lake/search_schema.sql: the database
    and its macro are made once (about 10 ms of CPU: a writer met a text the table does not know in most of a
    crawl's chunks, and paid it each time), each caller gets a cursor of its own."""
    import duckdb

    from pipeline import lake_search

    with _SQL_LOCK:
        if not _SQL:
            conn = duckdb.connect()
            conn.execute(lake_search._sql("search_schema"))
            _SQL.append(conn)
        return _SQL[0].cursor()


def postings_by_sql(docs: Sequence[tuple[str | None, str | None, str | None]]) -> list[Postings]:
    """The postings of texts the table does not know, from the SQL tokenizer itself (the macro of
    data/sql/lake/search_schema.sql in an in-memory DuckDB, over the same `concat_ws(' ', title, lead, text)` as
    data/sql/publish/search_index.sql), so the writer gives every document its entry."""
    import pyarrow as pa

    if not docs:
        return []
    conn = _sql_tokenizer()
    try:
        conn.register("_texts", pa.table({"i": list(range(len(docs))), "title": [d[0] for d in docs],
                                          "lead": [d[1] for d in docs], "text": [d[2] for d in docs]},
                                         schema=pa.schema([("i", pa.int64()), ("title", pa.string()),
                                                           ("lead", pa.string()), ("text", pa.string())])))
        rows = conn.execute("SELECT fts_main_documents.tokenize(concat_ws(' ', title, lead, text)) FROM _texts "
                            "ORDER BY i").fetchall()
    finally:
        conn.close()
    return [Postings(search_md5(*d), len(r[0]), dict(Counter(r[0]))) for d, r in zip(docs, rows, strict=True)]
