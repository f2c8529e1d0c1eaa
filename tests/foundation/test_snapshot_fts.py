"""open_snapshot loads the fts extension for readers (analysts' queries), not for the pipeline's own reads."""

from __future__ import annotations

from pipeline.snapshot import open_snapshot
from tests.support.warehouse import document, seed

LOADED = "SELECT loaded FROM duckdb_extensions() WHERE extension_name = 'fts'"


def test_the_pipelines_reads_skip_the_extension_and_still_search(home):
    seed(home, documents=[document("mn", "2022-05-01", title="Đào tạo giáo viên mầm non")])
    with open_snapshot(home) as conn:
        assert conn.execute(LOADED).fetchall() == [(True,)]
    with open_snapshot(home, fts=False) as conn:
        assert conn.execute(LOADED).fetchall() in ([(False,)], [])
        assert conn.execute("SELECT doc_id, raw_sha256 FROM documents").fetchall() == [("mn", None)]
        assert conn.execute("SELECT doc_id FROM (SELECT *, fts_main_documents.match_bm25(doc_id, 'dao tao') AS s "
                            "FROM documents) WHERE s IS NOT NULL").fetchall() == [("mn",)]
