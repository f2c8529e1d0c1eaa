"""Write tests/quality/real_digests.toml: sha256 of the label files, the corpus and the shipped model
([sha256], the real gate) and of the corpora the demo and extraction gates measure ([corpus]).
Run after `planwatch train --ship`: .venv/bin/python -m tests.quality.pin_digests
After regenerating data/demo or editing extraction fixtures (floors re-measured): ... pin_digests --corpus"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from classifiers.corpus import LABELS_FILE, REAL_DIR, file_sha256, mamnon_corpus
from tests.quality.corpus_pins import PINS, digests
from tests.support.plan import PRIMARY_PLAN

HERE = Path(__file__).parent


def real_digests() -> dict[str, str]:
    corpus = mamnon_corpus()
    files = {LABELS_FILE.name: LABELS_FILE, corpus.name: corpus,
             "model": HERE.parents[1] / "data" / "models" / f"{PRIMARY_PLAN}.json"}
    files.update({p.name: p for p in sorted(REAL_DIR.glob("*.jsonl"))})
    return {name: file_sha256(path) for name, path in sorted(files.items())}


def main(argv: list[str]) -> None:
    text = PINS.read_text(encoding="utf-8")
    old = tomllib.loads(text)
    real = dict(old.get("sha256", {})) if "--corpus" in argv else real_digests()
    lines = [line for line in text.splitlines() if line.startswith("#")]
    lines.append("[sha256]")
    lines += [f'"{name}" = "{digest}"' for name, digest in sorted(real.items())]
    lines += ["", "[corpus]"]
    lines += [f'"{name}" = "{digest}"' for name, digest in sorted(digests().items())]
    PINS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
