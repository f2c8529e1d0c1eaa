"""The archive (lưu trữ): every counted copy's archived response as WARC records (warcio), plus the manifest.

Each copy gets a request record and a response record dated with its fetch time. The response carries the
body exactly as planwatch archived it (the entity after HTTP content-encoding was removed, charset
untouched) and the response headers recorded at fetch time. Because the body is stored decoded,
Content-Encoding, Transfer-Encoding and Content-Length are rewritten to describe the stored bytes and the
originals are kept as X-Archive-Orig-* headers (the convention archive players know). Fetches made before
planwatch kept headers get a minimal header block rebuilt from the fetch log; their records say so in
`WARC-Planwatch-Headers: reconstructed` and the manifest says `"http_headers": "reconstructed"`.
Record ids are derived from the copy (uuid5), so the same snapshot gives the same records."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawlers.rawpack import read_raw_gz
from pipeline.official_report.data import EvidenceData

NAMESPACE = uuid.UUID("5b0f3a52-6c0e-4d43-9a43-7d3c6f1f2a61")
REWRITTEN = ("content-encoding", "transfer-encoding", "content-length")
STATUS_TEXT = {200: "OK", 201: "Created", 203: "Non-Authoritative Information", 206: "Partial Content"}


def record_id(*parts: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, '|'.join(parts))}>"


def warc_date(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_archive(data: EvidenceData, path: Path, raw_dir: Path) -> list[dict[str, Any]]:
    """Write the WARC (gzip per record); return one manifest entry per counted copy, archived or not."""
    entries: list[dict[str, Any]] = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = (f"software: planwatch\r\nformat: WARC File Format 1.1\r\nplan: {data.plan_id}\r\n"
                f"as-of: {data.as_of.isoformat()}\r\nsnapshot: {data.snapshot_id}\r\n"
                "description: archived copies of every counted story; bodies as stored (content-encoding "
                "removed), headers as recorded at fetch time or reconstructed where not kept\r\n").encode()
        writer.write_record(writer.create_warc_record(
            "", "warcinfo", payload=io.BytesIO(info), length=len(info), warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Record-ID": record_id(data.snapshot_id, data.plan_id, "warcinfo"),
                               "WARC-Date": warc_date(data.snapshot_time), "WARC-Filename": path.name}))
        for story in data.stories:
            for copy in story["copies"]:
                entry = {"story_id": story["story_id"], "activity": story["activity"], "format": story["format"],
                         "doc_id": copy["doc_id"], "url": copy["url"], "outlet": copy["outlet"],
                         "published_date": copy["published_date"].isoformat() if copy["published_date"] else None}
                if not copy["archived"]:
                    entries.append({**entry, "archived": False, "fetched_at": None, "sha256": None,
                                    "warc_record_id": None, "http_headers": None})
                    continue
                body = gzip.decompress(read_raw_gz(raw_dir, copy["raw_sha256"]))
                entries.append({**entry, **_write_copy(writer, copy, body)})
    return entries


def _write_copy(writer: WARCWriter, copy: dict[str, Any], body: bytes) -> dict[str, Any]:
    url = copy["final_url"] or copy["fetch_url"] or copy["url"]
    fetched = copy["fetched_at"]
    original = _parse_headers(copy.get("response_headers"))
    kind = "original" if original is not None else "reconstructed"
    headers = _response_headers(original if original is not None else _rebuilt(copy, body), len(body))
    status = int(copy["fetch_status"] or 200)
    protocol = copy.get("protocol") or "HTTP/1.1"
    resp_id = record_id(copy["doc_id"], copy["raw_sha256"], "response")
    warc_headers = {"WARC-Record-ID": resp_id, "WARC-Date": warc_date(fetched)}
    if kind == "reconstructed":
        warc_headers["WARC-Planwatch-Headers"] = "reconstructed"
    response = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), length=len(body), warc_headers_dict=warc_headers,
        http_headers=StatusAndHeaders(f"{status} {STATUS_TEXT.get(status, 'OK')}", headers, protocol=protocol))
    split = urlsplit(url)
    target = (split.path or "/") + (f"?{split.query}" if split.query else "")
    req_headers = _parse_headers(copy.get("request_headers")) or [("Host", split.netloc)]
    request = writer.create_warc_record(
        url, "request", payload=io.BytesIO(b""), length=0,
        warc_headers_dict={"WARC-Record-ID": record_id(copy["doc_id"], copy["raw_sha256"], "request"),
                           "WARC-Date": warc_date(fetched)},
        http_headers=StatusAndHeaders(f"GET {target} {protocol}", req_headers, is_http_request=True))
    writer.write_request_response_pair(request, response)
    return {"archived": True, "fetched_at": fetched.astimezone(dt.UTC).isoformat(), "archived_url": url,
            "sha256": hashlib.sha256(body).hexdigest(), "bytes": len(body), "warc_record_id": resp_id,
            "http_headers": kind}


def _parse_headers(value: Any) -> list[tuple[str, str]] | None:
    if not value:
        return None
    pairs = json.loads(value) if isinstance(value, str) else value
    return [(str(k), str(v)) for k, v in pairs]


def _rebuilt(copy: dict[str, Any], body: bytes) -> list[tuple[str, str]]:
    head = body[:2048].lower()
    kind = "text/html" if b"<html" in head or b"<!doctype html" in head else "application/octet-stream"
    out = [("Content-Type", kind)]
    if copy.get("etag"):
        out.append(("ETag", copy["etag"]))
    if copy.get("last_modified"):
        out.append(("Last-Modified", copy["last_modified"]))
    return out


def _response_headers(headers: list[tuple[str, str]], length: int) -> list[tuple[str, str]]:
    out = []
    for name, value in headers:
        if name.lower() in REWRITTEN:
            out.append((f"X-Archive-Orig-{name}", value))
        else:
            out.append((name, value))
    out.append(("Content-Length", str(length)))
    return out
