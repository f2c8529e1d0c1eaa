"""The full-text index's tokenizer in Python, for the writer: postings computed while a job runs, so the publish
appends them instead of tokenizing every new document in its serial tail (docs/decisions.md entry 21).

The tokenizer is DuckDB's (`fts_main_documents.tokenize`, data/sql/lake/search_schema.sql): đ folded to d,
accents stripped (`strip_accents`), lower case, the characters of publish._FTS_IGNORE turned to spaces, split on
whitespace. Python does not redo those functions: each character of KNOWN (Latin, Vietnamese, combining marks,
general punctuation) is put through the macro itself once per process, which gives what it becomes inside a
word, or that it separates words. Those functions act on each of these characters alone (marks are stripped
before anything is composed again, and no two of these letters compose), so a text made of them tokenizes as
its characters do. A text with any other character is left to the SQL (Tokens.of returns None), as is every
text when the table cannot be built the same way (a character that turns into two words)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

# characters put through the macro: Latin (with Latin-1 and its extensions; not NUL, where DuckDB's accent
# stripping ends a text), spacing modifiers, the combining marks (NFD input), Vietnamese letters with their tone
# marks, general punctuation and currency signs, the BOM
KNOWN_RANGES = ((0x0001, 0x036F), (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0xFEFF, 0xFEFF))


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
        # each known character to what it becomes inside a word, each separator to a space
        self._table = table | {ord(c): " " for c in separators}
        known = "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in KNOWN_RANGES)
        self._unknown = re.compile(f"[^{known}]").search
        # whitespace to str.split() that the SQL keeps inside words (RE2's \s is ASCII only): split on spaces then
        odd = [c for c, m in self._table.items() if m != " " and any(x.isspace() for x in chr(c) + m)]
        self._odd_space = re.compile("[" + re.escape("".join(map(chr, odd))) + "]").search if odd else None

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

    def of(self, title: str | None, lead: str | None, text: str | None) -> Postings | None:
        """The document's postings, or None when its text holds a character the table does not know."""
        joined = " ".join(p for p in (title, lead, text) if p is not None)
        if self._unknown(joined):
            return None
        mapped = joined.translate(self._table)
        if self._odd_space is not None and self._odd_space(joined):
            words = [w for w in mapped.split(" ") if w]
        else:
            words = mapped.split()
        folded = joined.replace("đ", "d").replace("Đ", "D")
        return Postings(hashlib.md5(folded.encode("utf-8")).hexdigest(), len(words), Counter(words))


_TOKENS: list[Tokens | None] = []


def tokens() -> Tokens | None:
    """The process's tokenizer, built at first use (None: the SQL tokenizes everything)."""
    if not _TOKENS:
        _TOKENS.append(Tokens.from_duckdb())
    return _TOKENS[0]


def postings_of(docs: Iterable[tuple[str | None, str | None, str | None]]) -> list[Postings | None]:
    found = tokens()
    return [found.of(*d) if found is not None else None for d in docs]
