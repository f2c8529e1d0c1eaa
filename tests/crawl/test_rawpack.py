"""The raw archive's packs (crawlers.rawpack): one pack per crawl attempt, found by location or by sha."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest

from crawlers.output import RunWriter, raw_path, store_raw
from crawlers.rawpack import (
    PACKS,
    PackIndex,
    RawPack,
    as_location,
    locate,
    raw_exists,
    raw_file,
    read_raw_gz,
)
from pipeline.runfiles import read_pages, read_raw


def _sha(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def test_bodies_appended_once_and_read_back_by_location_and_by_sha(tmp_path: Path) -> None:
    pack = RawPack(tmp_path, "run-a")
    bodies = [b"<html>one</html>", "<html>hai ba bốn</html>".encode(), b""]
    shas = [pack.store(b) for b in bodies]
    assert shas == [_sha(b) for b in bodies]
    assert pack.store(bodies[0]) == shas[0]  # the same body again: not appended twice
    pack.close()
    index_lines = (tmp_path / PACKS / "run-a.idx").read_text().splitlines()
    assert [line.split()[0] for line in index_lines] == shas
    for sha, body in zip(shas, bodies, strict=True):
        where = pack.location(sha)
        assert where is not None and where[0] == "run-a"
        assert gzip.decompress(read_raw_gz(tmp_path, sha, where)) == body
        assert gzip.decompress(read_raw_gz(tmp_path, sha)) == body
        assert read_raw(tmp_path, sha) == body
        assert raw_exists(tmp_path, sha)
    assert not raw_exists(tmp_path, _sha(b"never stored"))
    with pytest.raises(FileNotFoundError):
        read_raw_gz(tmp_path, _sha(b"never stored"))


def test_a_body_with_its_own_file_is_not_packed_again(tmp_path: Path) -> None:
    sha = store_raw(tmp_path, b"<html>old archive</html>")
    pack = RawPack(tmp_path, "run-b")
    assert pack.store(b"<html>old archive</html>") == sha
    pack.close()
    assert pack.location(sha) is None and not (tmp_path / PACKS).exists()
    assert read_raw(tmp_path, sha) == b"<html>old archive</html>"


def test_a_file_written_after_the_pack_started_is_found_in_a_folder_there_was(tmp_path: Path) -> None:
    """The pack looks for per-page files only in the prefix folders there were at its first body: a file written
    later into one of them is still found (not packed again)."""
    first = b"<html>old archive</html>"
    sha = store_raw(tmp_path, first)
    pack = RawPack(tmp_path, "run-f")
    pack.store(b"a first body")
    later = next(body for body in (f"<html>later {i}</html>".encode() for i in range(100_000))
                 if _sha(body)[:2] == sha[:2] and body != first)
    assert store_raw(tmp_path, later) == _sha(later)
    assert pack.store(later) == _sha(later) and pack.location(_sha(later)) is None
    pack.close()


def test_a_rerun_of_a_run_id_gets_a_pack_of_its_own(tmp_path: Path) -> None:
    first, second = RawPack(tmp_path, "run-c"), RawPack(tmp_path, "run-c")
    a, b = first.store(b"first attempt"), second.store(b"second attempt")
    first.close()
    second.close()
    assert first.location(a)[0] == "run-c" and second.location(b)[0] == "run-c.1"  # type: ignore[index]
    assert read_raw(tmp_path, a) == b"first attempt" and read_raw(tmp_path, b) == b"second attempt"


def test_a_torn_index_line_is_skipped_and_a_pack_still_written_is_found(tmp_path: Path) -> None:
    pack = RawPack(tmp_path, "run-d")
    kept = pack.store(b"complete")
    index = PackIndex(tmp_path)
    assert index.find(kept) is not None
    later = pack.store(b"stored after the index was read")  # a crawl still writing: found on a miss
    assert index.find(later) == pack.location(later)
    pack.close()
    # a killed crawl: the last index line cut short (no newline), its bytes maybe not all in the pack
    with open(tmp_path / PACKS / "run-d.idx", "ab") as fh:
        fh.write(f"{_sha(b'torn')} 999".encode())
    fresh = PackIndex(tmp_path)
    assert fresh.find(_sha(b"torn")) is None
    assert fresh.find(kept) is not None and fresh.find(later) is not None


def test_raw_file_writes_a_packed_body_out_for_a_person(tmp_path: Path) -> None:
    pack = RawPack(tmp_path, "run-e")
    sha = pack.store(b"<html>review me</html>")
    pack.close()
    assert not raw_path(tmp_path, sha).exists()
    path = raw_file(tmp_path, sha)
    assert path == raw_path(tmp_path, sha)
    assert gzip.decompress(path.read_bytes()) == b"<html>review me</html>"
    assert raw_file(tmp_path, _sha(b"absent")) is None


def test_run_writer_packs_bodies_and_page_rows_say_where(tmp_path: Path) -> None:
    run = RunWriter(tmp_path / "runs" / "r1", tmp_path / "raw", "r1")
    sha = run.store_raw(b"<html>article</html>")
    run.page({"url": "http://x/a-post1.html", "raw_sha256": sha})
    run.page({"url": "http://x/b-post2.html", "raw_sha256": None})
    run.close()
    rows = list(read_pages(tmp_path / "runs" / "r1"))
    assert as_location(rows[0]["raw_pack"]) == locate(tmp_path / "raw", sha)
    assert "raw_pack" not in rows[1]
    assert not raw_path(tmp_path / "raw", sha).exists()
    assert read_raw(tmp_path / "raw", sha, as_location(rows[0]["raw_pack"])) == b"<html>article</html>"


def test_as_location_refuses_anything_else() -> None:
    assert as_location(["p", 0, 10]) == ("p", 0, 10)
    for value in (None, "p 0 10", ["p", "0", 10], ["p", 0], {"p": 1}):
        assert as_location(value) is None


def test_a_reader_keeps_a_bounded_number_of_packs_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crawlers import rawpack

    monkeypatch.setattr(rawpack, "MAX_OPEN", 2)
    monkeypatch.setattr(rawpack, "_HANDLES", {})
    bodies = {}
    for i in range(5):
        pack = RawPack(tmp_path, f"run-{i}")
        body = f"<html>{i}</html>".encode()
        bodies[pack.store(body)] = (body, pack)
        pack.close()
    for _ in range(2):
        for sha, (body, pack) in bodies.items():
            assert read_raw(tmp_path, sha, pack.location(sha)) == body
            assert len(rawpack._HANDLES) <= 2
