"""Write tests/quality/real_digests.toml: sha256 of the label files, the corpus and the shipped model.
Run after `planwatch train --ship`: .venv/bin/python -m tests.quality.pin_digests"""

from __future__ import annotations

from pathlib import Path

from classifiers.corpus import LABELS_FILE, REAL_DIR, file_sha256, mamnon_corpus

HERE = Path(__file__).parent


def main() -> None:
    corpus = mamnon_corpus()
    files = {LABELS_FILE.name: LABELS_FILE, corpus.name: corpus,
             "model": HERE.parents[1] / "data" / "models" / "661-KH-BGDDT-2022.json"}
    files.update({p.name: p for p in sorted(REAL_DIR.glob("*.jsonl"))})
    lines = [line for line in (HERE / "real_digests.toml").read_text(encoding="utf-8").splitlines()
             if line.startswith("#")]
    lines.append("[sha256]")
    lines += [f'"{name}" = "{file_sha256(path)}"' for name, path in sorted(files.items())]
    (HERE / "real_digests.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
