"""Training items that need the pipeline: the demo mirror's pages (extracted as the pipeline does) and the
reviewer decisions in the published snapshot. The rest of the corpus and the Item type: classifiers.corpus
(which stays free of I/O beyond reading its own files)."""

from __future__ import annotations

import json
import tomllib
from typing import Any

from classifiers.corpus import DEMO_WEIGHT, Item, _item
from pipeline import sql
from planwatch.config import data_path


def load_reviews(plan_id: str, paths: Any = None) -> list[Item]:
    """Every live reviewer decision of the plan in the published snapshot (none without a snapshot)."""
    from pipeline.snapshot import NoSnapshot, open_snapshot

    try:
        with open_snapshot(paths) as conn:
            rel = conn.execute(sql.query("training_reviews"), [plan_id])
            cols = [c[0] for c in rel.description]
            rows = [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]
    except NoSnapshot:
        return []
    out = []
    for r in rows:
        doc = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()}
        label = {"relevant": r["action"] == "confirm", "activity": r["activity"]}
        out.append(_item(str(r["doc_id"]), doc, label, "review"))
    return out


def _routes(outlet: str) -> dict[str, Any]:
    return json.loads(data_path("demo", "site", outlet, "_routes.json").read_text(encoding="utf-8"))


def demo_documents() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(manifest page, extracted document) for every article page served with status 200."""
    from pipeline.extract import extract_page

    manifest = json.loads(data_path("demo", "manifest.json").read_text(encoding="utf-8"))
    sources = {s["id"]: s for s in tomllib.loads(
        data_path("demo", "sources.toml").read_text(encoding="utf-8")).get("source", [])}
    routes = {o: _routes(o) for o in manifest["outlets"]}
    out = []
    for page in manifest["pages"]:
        route = routes[page["outlet"]].get(page["path"].lower())
        if not route or route.get("status") != 200 or page.get("status") != 200:
            continue
        raw = data_path("demo", "site", page["outlet"], route["file"]).read_bytes()
        port = manifest["outlets"][page["outlet"]]["port"]
        url = f"http://127.0.0.1:{port}{page['path']}"
        source = sources[page["outlet"]]  # every outlet is in data/demo/sources.toml: a miss is a bug here
        doc = extract_page(raw, url, source=source, hint={"encoding": route.get("charset")})
        doc["source_kind"] = source.get("kind")
        doc["id"] = f"{page['outlet']}{page['path']}"
        out.append((page, doc))
    return out


def load_demo() -> list[Item]:
    """The demo mirror's pages (data/demo, written by the maintainers) with the manifest's truth, as extra
    training data at DEMO_WEIGHT: relevant when the manifest gives an activity; "pending" (ambiguous) pages
    are left out. All are train items: the mirror is a regression suite (tests/quality/test_demo_ground_truth.py
    checks what `planwatch demo` needs), not the gate; the gate is the real holdout."""
    out = []
    for page, doc in demo_documents():
        if page["expected"] == "pending":
            continue
        label = {"relevant": bool(page.get("activity")), "activity": page.get("activity")}
        it = _item(doc["id"], doc, label, "demo", weight=DEMO_WEIGHT)
        it.split = "train"
        out.append(it)
    return out
