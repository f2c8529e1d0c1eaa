"""The labelled corpus the model learns from and is gated on, read in place.

* tests/quality/real/vietnews_mamnon_labels.jsonl: labels by id of ../shared/corpora/vietnews-mamnon-dev.jsonl
  (the text is read from ../shared, never copied);
* every other tests/quality/real/*.jsonl whose lines carry a text (real web pages, real texts from public
  datasets), with the same label fields;
* tests/quality/devset.jsonl (generated, the old dev set): its train split only, at SYNTHETIC_WEIGHT;
* the demo mirror's pages (data/demo) with the manifest's truth, at DEMO_WEIGHT, and
* reviewer decisions in the warehouse (confirm = relevant with the reviewer's activity, reject = not):
  both need the pipeline (extraction, the snapshot), so pipeline.training_data loads them as Items of this
  module.

Every item has a fixed split: holdout when int(sha256(id), 16) % 10 < 3. Holdout items are never used for
fitting or for choosing thresholds.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planwatch.config import REPO_ROOT

REAL_DIR = REPO_ROOT / "tests" / "quality" / "real"
LABELS_FILE = REAL_DIR / "vietnews_mamnon_labels.jsonl"
DEVSET = REPO_ROOT / "tests" / "quality" / "devset.jsonl"
SYNTHETIC_WEIGHT = 0.2  # text written for testing counts less than real text ...
DEMO_WEIGHT = 1.0       # ... the demo mirror's pages (whole pages, labelled by the maintainers) count fully
DOC_KEYS = ("title", "lead", "text", "url", "published_at", "format", "source_kind", "date_confidence",
            "extraction_quality")


def mamnon_corpus() -> Path:
    return Path(os.environ.get("PLANWATCH_MAMNON", REPO_ROOT.parent / "shared" / "corpora" /
                               "vietnews-mamnon-dev.jsonl"))


def split_of(item_id: str) -> str:
    return "holdout" if int(hashlib.sha256(str(item_id).encode()).hexdigest(), 16) % 10 < 3 else "train"


@dataclass
class Item:
    id: str
    doc: dict[str, Any]
    relevant: bool
    activity: str | None
    split: str
    source: str                 # vietnews | <file stem> | devset | review
    weight: float = 1.0
    label: dict[str, Any] = field(default_factory=dict)

    @property
    def real(self) -> bool:
        return self.source not in ("devset", "demo")


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _item(doc_id: str, doc: dict[str, Any], label: dict[str, Any], source: str, weight: float = 1.0) -> Item:
    relevant = bool(label.get("relevant"))
    return Item(id=doc_id, doc={"id": doc_id, **{k: doc[k] for k in DOC_KEYS if doc.get(k) is not None}},
                relevant=relevant, activity=label.get("activity") if relevant else None, split=split_of(doc_id),
                source=source, weight=weight, label=label)


def load_real(real_dir: Path = REAL_DIR, corpus: Path | None = None) -> list[Item]:
    """The real labelled items: the 806 vietnews labels (joined with ../shared) and every labelled text file."""
    items: list[Item] = []
    labels = real_dir / LABELS_FILE.name
    corpus = corpus or mamnon_corpus()
    if labels.exists():
        if not corpus.exists():
            raise FileNotFoundError(f"{corpus}: the labels in {labels} need this corpus (read in place)")
        texts = {d["id"]: d for d in _jsonl(corpus)}
        for lab in _jsonl(labels):
            items.append(_item(lab["id"], texts[lab["id"]], lab, "vietnews"))
    for path in sorted(real_dir.glob("*.jsonl")):
        if path.name == LABELS_FILE.name:
            continue
        for row in _jsonl(path):
            if "text" in row and "relevant" in row and row.get("text"):
                items.append(_item(str(row["id"]), row, row, path.stem))
    return items


def load_devset(path: Path = DEVSET) -> list[Item]:
    """The old generated dev set as extra training data (its train split, at SYNTHETIC_WEIGHT)."""
    out = []
    for d in _jsonl(path):
        if d.get("split") != "train":
            continue
        label = {"relevant": d["label_relevant"], "activity": d.get("label_activity")}
        it = _item(str(d["id"]), d, label, "devset", weight=SYNTHETIC_WEIGHT)
        it.split = "train"
        out.append(it)
    return out


def data_digest(items: list[Item]) -> str:
    h = hashlib.sha256()
    for it in sorted(items, key=lambda i: (i.source, i.id)):
        text = json.dumps(it.doc, sort_keys=True, ensure_ascii=False, default=str)
        h.update(json.dumps([it.source, it.id, it.relevant, it.activity, it.split, it.weight,
                             hashlib.sha256(text.encode()).hexdigest()]).encode())
    return h.hexdigest()


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
