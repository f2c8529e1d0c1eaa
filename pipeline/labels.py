"""The Vietnamese format labels (data/labels.toml), for Python and for SQL from one file.

`FORMAT_LABELS` is what reports, pages and the digest show; `format_labels_sql()` is the `format_labels`
view that data/sql/views/05_labels.sql carries between its BEGIN/END markers. `python -m pipeline.labels`
rewrites that block after data/labels.toml changes."""

from __future__ import annotations

import re
import tomllib

from planwatch.config import data_path

LABELS_FILE = data_path("labels.toml")
VIEW_FILE = data_path("sql", "views", "05_labels.sql")
_BLOCK = re.compile(r"(-- BEGIN format_labels[^\n]*\n)(.*?)(-- END format_labels)", re.S)


def _load() -> dict[str, str]:
    with open(LABELS_FILE, "rb") as fh:
        raw = tomllib.load(fh)
    return {str(k): str(v) for k, v in raw["format"].items()}


FORMAT_LABELS: dict[str, str] = _load()


def format_labels_sql() -> str:
    """The `format_labels` view built from data/labels.toml."""
    width = max(len(k) for k in FORMAT_LABELS) + 3  # the quotes and the comma: labels line up
    rows = ",\n".join(f"    ({_quote(k) + ',':<{width}} {_quote(v)})" for k, v in FORMAT_LABELS.items())
    return f"CREATE OR REPLACE VIEW format_labels AS\nSELECT * FROM (VALUES\n{rows}\n) AS t(format, label_vi);\n"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def view_block(sql_text: str) -> str | None:
    """The generated block as it stands in the view file (None when the markers are missing)."""
    m = _BLOCK.search(sql_text)
    return m.group(2) if m else None


def write_view() -> bool:
    """Rewrite the generated block of data/sql/views/05_labels.sql; True when it changed."""
    text = VIEW_FILE.read_text(encoding="utf-8")
    new = _BLOCK.sub(lambda m: m.group(1) + format_labels_sql() + m.group(3), text)
    if new != text:
        VIEW_FILE.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    print("rewrote" if write_view() else "unchanged", VIEW_FILE)
