"""`planwatch reprocess` keeps what an unchanged document's inputs give (pipeline.reuse, docs/decisions.md entry 26):
every table of the warehouse and the snapshot equals what `reprocess --full` gives, and each input the classifier
reads sends the document the full way when it changes."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline import nightly
from planwatch.config import Paths

PAGES = [  # (title, paragraphs): four stories, the last page a copy of the first at another outlet
    ("Bồi dưỡng giáo viên mầm non theo Đề án 33", [
        "Sở Giáo dục và Đào tạo tổ chức lớp bồi dưỡng giáo viên mầm non theo Đề án 33, với sự tham gia của cán bộ "
        "quản lý và giáo viên các trường mầm non trong tỉnh.",
        "Các học viên được hướng dẫn phương pháp giáo dục lấy trẻ làm trung tâm và cách xây dựng môi trường học "
        "tập an toàn, thân thiện cho trẻ.",
        "Lớp học kéo dài năm ngày, kết thúc bằng bài kiểm tra thực hành tại trường mầm non Hoa Mai của thành phố."]),
    ("Khai giảng năm học mới ở trường mầm non Hoa Sen", [
        "Trường mầm non Hoa Sen khai giảng năm học mới với hơn hai trăm cháu đến lớp trong không khí vui tươi.",
        "Phụ huynh đưa con đến trường từ sớm, nhiều cháu lần đầu xa nhà còn bỡ ngỡ trước cô giáo và bạn bè mới.",
        "Nhà trường đã sửa sang sân chơi, bổ sung đồ dùng dạy học và bếp ăn một chiều đạt chuẩn vệ sinh."]),
    ("Huyện kiểm tra cơ sở vật chất trước năm học", [
        "Ủy ban nhân dân huyện kiểm tra công tác chuẩn bị cơ sở vật chất cho năm học mới tại các điểm trường lẻ.",
        "Đoàn kiểm tra ghi nhận nhiều phòng học xuống cấp, mái tôn dột và nhà vệ sinh chưa có nước sạch.",
        "Lãnh đạo huyện yêu cầu các xã hoàn thành sửa chữa trước ngày tựu trường và báo cáo kết quả bằng văn bản."]),
    ("Bóng đá thiếu niên: đội chủ nhà vô địch", [
        "Giải bóng đá thiếu niên toàn quốc khép lại với chức vô địch thuộc về đội chủ nhà sau loạt sút luân lưu.",
        "Thủ môn đội chủ nhà cản phá hai quả phạt đền và được bầu là cầu thủ xuất sắc nhất trận chung kết.",
        "Ban tổ chức trao giải phong cách cho đội khách vì lối chơi đẹp và tinh thần thể thao suốt giải."]),
]
PAGES.append(PAGES[0])
OTHER = "Một đoạn văn khác hẳn nói về mùa lúa chín vàng trên cánh đồng ven sông và những người nông dân thu hoạch."


def _page(i: int) -> bytes:
    title, paras = PAGES[i]
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><title>{title}</title>"
            f'<meta property="article:published_time" content="2022-06-{10 + i}T08:00:00+07:00"></head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>").encode()


def _run(home: Paths, tmp_path: Path) -> Path:
    from crawlers.output import store_raw

    run = tmp_path / "run-first"
    run.mkdir()
    lines = []
    for i in range(len(PAGES)):
        source_id = "baocamau" if i < 4 else "giaoducthoidai"
        url = f"http://127.0.0.1/{source_id}/bai-{i}.html"
        lines.append(json.dumps({
            "url": url, "canonical_url": url, "final_url": url, "source_id": source_id,
            "fetched_at": "2022-07-20T03:00:00+00:00", "raw_sha256": store_raw(home.raw_archive, _page(i)),
            "content_type": "text/html", "encoding": "utf-8", "discovered_via": "listing", "hint": {}}))
    (run / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (run / "done").write_text("", encoding="utf-8")
    return run


@pytest.fixture
def stored(home: Paths, tmp_path: Path) -> Paths:
    """Five pages ingested, then reprocessed once the full way (every document last written by a reprocess)."""
    from pipeline.ingest import ingest_run
    from pipeline.plans import list_plans, load_plan
    from tests.support.warehouse import seed

    seed(home)  # the plan loaded
    ingest_run(home, _run(home, tmp_path), plans=[load_plan(p) for p in list_plans()], sources=[])
    nightly.reprocess(home, None, full=True)
    return home


def _copy(home: Paths, name: str) -> Paths:
    target = home.home.parent / name
    shutil.copytree(home.home, target)
    return Paths(target)


_DROPPED = {"summary_json", "seconds", "items"}  # a run's times (and its summary, which holds them)


def _tables(path: Path, runs: dict[str, str]) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without times (timestamp columns, a run's seconds); run ids by kind and order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with duckdb.connect(str(path), read_only=True) as conn:
        for (table,) in conn.execute("SELECT table_name FROM duckdb_tables() WHERE NOT temporary").fetchall():
            cols = [c for c, kind in conn.execute(
                "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? AND NOT internal",
                [table]).fetchall() if "TIMESTAMP" not in kind and c not in _DROPPED]
            rows = conn.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{table}"').fetchall()
            out[table] = sorted((tuple(runs.get(v, v) if isinstance(v, str) else v for v in r) for r in rows), key=repr)
    return out


def _state(home: Paths) -> dict[str, Any]:
    with duckdb.connect(str(home.snapshot), read_only=True) as conn:
        ordered = conn.execute("SELECT run_id, kind FROM crawl_runs ORDER BY started_at").fetchall()
    runs = {run_id: f"{kind}-{i}" for i, (run_id, kind) in enumerate(ordered)}
    return {"warehouse": _tables(home.warehouse, runs), "snapshot": _tables(home.snapshot, runs)}


@pytest.fixture
def classified(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The documents the workers classify (the runs here are small: inline, in this process)."""
    from pipeline import page_rows

    seen: list[str] = []
    real = page_rows.classify_documents

    def spy(docs: Any, *args: Any, **kwargs: Any) -> Any:
        seen.extend(d["doc_id"] for d in docs)
        return real(docs, *args, **kwargs)

    monkeypatch.setattr(page_rows, "classify_documents", spy)
    yield seen


def _both(stored: Paths) -> tuple[Paths, Paths]:
    return _copy(stored, "kept"), _copy(stored, "full")


def _doc_ids(home: Paths) -> dict[str, str]:
    with duckdb.connect(str(home.snapshot), read_only=True) as conn:
        return dict(conn.execute("SELECT url, doc_id FROM documents").fetchall())


def test_an_unchanged_reprocess_keeps_everything_and_equals_the_full_path(stored, classified, monkeypatch):
    from pipeline.story_store import DuckLookup

    texts_read: list[str] = []
    real = DuckLookup.documents

    def documents(self: Any, doc_ids: Any) -> Any:
        doc_ids = list(doc_ids)
        texts_read.extend(doc_ids)
        return real(self, doc_ids)

    monkeypatch.setattr(DuckLookup, "documents", documents)
    kept, full = _both(stored)
    summary = nightly.reprocess(kept, None)
    assert classified == [] and summary.documents_kept == 5  # nothing classified again
    assert texts_read == []  # the writer knew the texts unchanged from the documents rows
    full_summary = nightly.reprocess(full, None, full=True)
    assert sorted(classified) == sorted(_doc_ids(stored).values()) and full_summary.documents_kept == 0
    assert summary.decisions == full_summary.decisions and summary.classified == full_summary.classified > 0
    assert _state(kept) == _state(full)


def _stories(home: Paths) -> dict[str, str]:
    with duckdb.connect(str(home.snapshot), read_only=True) as conn:
        return dict(conn.execute("SELECT doc_id, story_id FROM documents").fetchall())


def _plans() -> list[str]:
    from pipeline.plans import list_plans, load_plan

    return [load_plan(p).id for p in list_plans()]


def _changed_extraction(monkeypatch: pytest.MonkeyPatch, url_part: str, change: dict[str, Any]) -> None:
    """The extractor now reads one page otherwise (an extractor fix): `change` applied to its document."""
    from pipeline import extract

    real = extract.extract_page

    def patched(html: Any, url: str, **kwargs: Any) -> dict[str, Any]:
        out = real(html, url, **kwargs)
        if url_part in url:
            out.update(change)
            if "text" in change:
                out["content_hash"] = extract.content_hash(out["title"], out["text"])
        return out

    monkeypatch.setattr(extract, "extract_page", patched)


@pytest.mark.parametrize("change", [
    {"title": "Bồi dưỡng giáo viên mầm non theo Đề án 33 (cập nhật)"},  # the title only (content hash kept)
    {"published_at": dt.datetime(2022, 6, 1, 8, 0, tzinfo=dt.UTC)},  # the date only
    {"lead": "Tóm tắt mới của bài."},  # the lead only
    {"date_confidence": 0.41},
    {"language": "en"},
], ids=["title", "date", "lead", "date_confidence", "language"])
def test_a_changed_input_is_classified_again(stored, classified, monkeypatch, change):
    kept, full = _both(stored)
    _changed_extraction(monkeypatch, "baocamau/bai-0.", change)
    target = _doc_ids(stored)["http://127.0.0.1/baocamau/bai-0.html"]
    summary = nightly.reprocess(kept, None)
    assert set(classified) == {target}  # the one changed document, for each plan
    assert summary.documents_kept == 4
    nightly.reprocess(full, None, full=True)
    assert _state(kept) == _state(full)


def test_a_changed_text_is_classified_and_assigned_again(stored, classified, monkeypatch, tmp_path):
    # the page's raw bytes edited in the archive: its text changes, the copy at the other outlet no longer is one
    kept, full = _both(stored)
    _changed_extraction(monkeypatch, "giaoducthoidai/bai-4.", {"text": OTHER + "\n\n" + PAGES[3][1][0]})
    copy, first = (_doc_ids(stored)[f"http://127.0.0.1/{u}.html"] for u in ("giaoducthoidai/bai-4", "baocamau/bai-0"))
    assert _stories(stored)[copy] == f"s-{first}"  # a copy of the first page
    summary = nightly.reprocess(kept, None)
    assert set(classified) == {copy} and summary.documents_kept == 4
    assert _stories(kept)[copy] == f"s-{copy}"  # its own story now (the writer saw its text change)
    nightly.reprocess(full, None, full=True)
    assert _state(kept) == _state(full)


def test_another_classifier_version_classifies_everything_again(stored, classified, monkeypatch):
    from classifiers import engine

    kept, full = _both(stored)
    monkeypatch.setattr(engine, "CODE_VERSION", "rules-9.9")
    monkeypatch.setattr(engine, "MODEL_CODE_VERSION", "model-9.9")
    engine._CACHE.clear()
    summary = nightly.reprocess(kept, None)
    assert summary.documents_kept == 0 and len(set(classified)) == 5
    nightly.reprocess(full, None, full=True)
    assert _state(kept) == _state(full)
    engine._CACHE.clear()


def test_an_edited_plan_file_classifies_everything_again(stored, classified, monkeypatch, tmp_path):
    # the same classifier version (the plan's activity windows and lexicon unchanged), another plan file
    import dataclasses

    from pipeline.plans import load_plan

    edited: dict[str, Path] = {}

    def load(plan_id: Any) -> Any:
        plan = load_plan(plan_id)
        copy = edited.setdefault(plan.id, tmp_path / f"{plan.id}.toml")
        copy.write_bytes(Path(plan.path).read_bytes() + b"\n# edited\n")
        return dataclasses.replace(plan, path=copy)

    kept = _copy(stored, "kept")
    monkeypatch.setattr(nightly, "load_plan", load)
    summary = nightly.reprocess(kept, None)
    assert summary.documents_kept == 0 and len(set(classified)) == 5
    classified.clear()
    again = nightly.reprocess(kept, None)  # recorded with the edited file: now kept
    assert again.documents_kept == 5 and classified == []


def test_a_document_without_a_stored_call_of_a_plan_is_classified_again(stored, classified):
    # the same derivation, but the stored rows of one document are gone (deleted behind the writer's back)
    from pipeline.store import open_writer

    kept, full = _both(stored)
    target = _doc_ids(stored)["http://127.0.0.1/baocamau/bai-2.html"]
    for home in (kept, full):
        with open_writer(home) as writer:
            writer.conn.execute("DELETE FROM classifications WHERE doc_id = ? AND plan_id = ?",
                                [target, _plans()[0]])
    summary = nightly.reprocess(kept, None)
    assert set(classified) == {target} and summary.documents_kept == 4
    nightly.reprocess(full, None, full=True)
    assert _state(kept) == _state(full)


def test_another_source_kind_classifies_its_documents_again(stored, classified, tmp_path):
    from planwatch.config import data_path

    kept = _copy(stored, "kept")
    sources = tmp_path / "sources"
    sources.mkdir()
    for file in data_path("sources").glob("*.toml"):
        text = file.read_text(encoding="utf-8")
        if file.name == "provincial.toml":
            at = text.index('id = "baocamau"')
            text = text[:at] + text[at:].replace('kind = "newspaper"', 'kind = "portal"', 1)
        (sources / file.name).write_text(text, encoding="utf-8")
    summary = nightly.reprocess(kept, sources)
    assert summary.documents_kept == 0 and len(set(classified)) == 5


def test_a_document_first_written_by_a_crawl_and_dated_by_first_sight_goes_the_full_way(home, tmp_path, classified):
    # a crawl's worker read the fetch time as the date, the writer kept the first-seen one: the stored row is not
    # what that classification read, so it is not taken as its input
    from pipeline.ingest import ingest_run
    from pipeline.plans import list_plans, load_plan
    from tests.flows.test_store_documents import _undated_run

    plans, sources = [load_plan(p) for p in list_plans()], nightly.load_registry(None)  # as reprocess's
    ingest_run(home, _undated_run(home, tmp_path, "r1", "2022-06-10T02:00:00+00:00", "Lượt xem: 10"),
               plans=plans, sources=sources)
    ingest_run(home, _undated_run(home, tmp_path, "r2", "2023-01-05T02:00:00+00:00", "Lượt xem: 900"),
               plans=plans, sources=sources)
    classified.clear()
    assert nightly.reprocess(home, None).documents_kept == 0 and len(classified) == 1
    classified.clear()
    assert nightly.reprocess(home, None).documents_kept == 1 and classified == []  # last written by a reprocess


def test_same_content_needs_each_field_the_story_assignment_reads():
    from pipeline.ingest import same_content
    from pipeline.reuse import epoch_us
    from pipeline.rows import content_hash_of

    at = dt.datetime(2022, 6, 10, 1, 0, tzinfo=dt.UTC)
    title, text = "Tiêu đề", "Nội dung bài viết."
    digest = content_hash_of(title, text)
    doc = {"doc_id": "d", "title": title, "text": text, "source_id": "vtv", "content_hash": digest,
           "published_at": at}
    stored = ("d", at, "s-d", epoch_us(at), title, "vtv", digest, "run-1")  # ingest_stored_documents.sql
    assert same_content([doc], [stored]) == {"d"}
    for key, value in [("title", "Khác"), ("source_id", "vtv4"), ("content_hash", "e" * 64),
                       ("published_at", at + dt.timedelta(seconds=1)), ("published_at", None),
                       ("text", text + " Thêm.")]:  # (the last: a hash that is not its text's: made otherwise)
        assert same_content([{**doc, key: value}], [stored]) == set(), key
    assert same_content([{**doc, "content_hash": None}], [(*stored[:6], None, "run-1")]) == set()  # no hash: texts
    naive = dt.datetime(2022, 6, 10, 8, 0)  # Vietnam time, as the story code reads a naive time
    assert same_content([{**doc, "published_at": naive}], [stored]) == {"d"}


@pytest.fixture
def detected(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts whose language the extractor detected (the rest came from the stored row)."""
    from pipeline import extract

    seen: list[str] = []
    real = extract.detect_language

    def spy(text: Any, **kwargs: Any) -> str:
        seen.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(extract, "detect_language", spy)
    return seen


def test_the_language_of_an_unchanged_title_lead_and_text_is_the_stored_one(stored, detected, monkeypatch):
    import dataclasses

    from pipeline import extract

    kept, full = _both(stored)
    nightly.reprocess(kept, None)
    assert detected == []
    nightly.reprocess(full, None)  # (both sides with as many runs)
    real = extract.extract_title

    def retitled(page: Any, layout: Any, hint: Any) -> Any:
        found = real(page, layout, hint)
        return dataclasses.replace(found, value=found.value + " (sửa)") if "bai-2." in page.url else found

    monkeypatch.setattr(extract, "extract_title", retitled)
    summary = nightly.reprocess(kept, None)
    assert len(detected) == 1 and detected[0].startswith(PAGES[2][0] + " (sửa)") and summary.documents_kept == 4
    detected.clear()
    nightly.reprocess(full, None, full=True)
    assert len(detected) == 5
    assert _state(kept) == _state(full)


def test_known_language_needs_the_same_title_lead_and_text():
    from pipeline.extract import content_hash
    from pipeline.reuse import known_language, language_key, lead_md5

    title, lead, text = "Tiêu đề", "Tóm tắt", "Nội dung bài viết."
    known = known_language("vi", language_key(title, lead_md5(lead), content_hash(title, text)))
    assert known is not None and known(title, lead, text) == "vi"
    for other in [("Tiêu đề khác", lead, text), (title, "", text), (title, lead, text + " Thêm."),
                  ("Tiêu đề\nNội", lead, "dung bài viết.")]:  # (the same title-and-text hash split otherwise)
        assert known(*other) is None, other
    assert known_language(None, "k") is None and known_language("vi", None) is None


def test_under_the_lake_too(stored, classified, monkeypatch):
    # PLANWATCH_LAKE=sqlite: the parent reads the stored rows from the lake's newest snapshot
    from pipeline import lake

    kept, full = _both(stored)
    monkeypatch.setenv(lake.LAKE_ENV, "sqlite")
    for home in (kept, full):
        assert lake.migrate_warehouse(home)["problems"] == {}
    summary = nightly.reprocess(kept, None)
    assert summary.documents_kept == 5 and classified == []
    nightly.reprocess(full, None, full=True)
    assert len(classified) == 5
    assert _warehouse(kept) == _warehouse(full)


def _warehouse(home: Paths) -> dict[str, list[tuple[Any, ...]]]:
    with duckdb.connect(str(home.warehouse), read_only=True) as conn:
        ordered = conn.execute("SELECT run_id, kind FROM crawl_runs ORDER BY started_at").fetchall()
    return _tables(home.warehouse, {run_id: f"{kind}-{i}" for i, (run_id, kind) in enumerate(ordered)})


def test_a_kept_document_written_by_another_run_since_is_classified_by_the_writer(stored):
    # the warehouse shows another run than the snapshot the worker compared with (a job in between): the
    # stored rows may not be what the digests described, so the writer classifies the document itself
    from pipeline.ingest import store_documents
    from pipeline.store import open_writer

    with duckdb.connect(str(stored.snapshot), read_only=True) as conn:
        cols = [c[0] for c in conn.execute("SELECT * FROM documents LIMIT 0").description]
        row = dict(zip(cols, conn.execute("SELECT * FROM documents ORDER BY doc_id LIMIT 1").fetchone(), strict=True))
    doc = {k: row[k] for k in ("doc_id", "url", "canonical_url", "source_id", "title", "lead", "text", "author",
                               "tags", "language", "published_at", "published_date", "date_source",
                               "date_confidence", "format", "format_evidence", "content_hash", "raw_sha256",
                               "extraction_quality", "extraction_flags", "extractor_version", "first_seen_at",
                               "extracted_at", "run_id")}
    doc["story_id"] = None
    asked: list[str] = []

    def classify(docs: list[Any]) -> list[Any]:
        asked.extend(d["doc_id"] for d in docs)
        return []

    for run, expected in ((row["run_id"], []), ("another-run", [row["doc_id"]])):
        asked.clear()
        with open_writer(stored) as writer:
            store_documents(writer, [dict(doc)], [], reused={row["doc_id"]: (["reject"], run)}, classify=classify)
        assert asked == expected, run
