"""Run the fault suite (tests/faults) and print its figures for docs/reliability.md.

    .venv/bin/python bench/fault_matrix_report.py [--json]

Each fault case appends one JSON line to the file named by PLANWATCH_FAULT_REPORT (tests/faults/harness.py
`record`); this script sets it, runs pytest, and prints: faults injected, runs survived, rows lost,
duplicates, and a table per case. A case that fails writes no line, so it shows as not survived."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_suite(report: Path) -> tuple[int, float]:
    env = {**os.environ, "PLANWATCH_FAULT_REPORT": str(report)}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "pytest", "tests/faults", "-q", "-p", "no:cacheprovider"],
                          cwd=REPO, env=env)
    return done.returncode, time.monotonic() - started


def collected(report: Path) -> int:
    out = subprocess.run([sys.executable, "-m", "pytest", "tests/faults", "--collect-only", "-q",
                          "-p", "no:cacheprovider"], cwd=REPO, capture_output=True, text=True)
    return sum(1 for line in out.stdout.splitlines() if "::" in line)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "faults.jsonl"
        code, seconds = run_suite(report)
        cases = [json.loads(x) for x in report.read_text(encoding="utf-8").splitlines()] if report.exists() else []
        total = collected(report)
    figures = {
        "tests": total,
        "faults_injected": len(cases),
        "runs_survived": sum(int(c.get("runs", 1)) for c in cases if c.get("survived")),
        "rows_lost": sum(int(c.get("rows_lost") or 0) for c in cases),
        "duplicates": sum(int(c.get("duplicates") or 0) for c in cases),
        "secret_leaks": sum(int(c.get("leaks") or 0) for c in cases),
        "suite_seconds": round(seconds, 1),
        "pytest_exit": code,
    }
    if "--json" in sys.argv:
        print(json.dumps({"figures": figures, "cases": cases}, ensure_ascii=False, indent=1))
        return code
    print("| figure | value |\n|---|---|")
    for key, value in figures.items():
        print(f"| {key.replace('_', ' ')} | {value} |")
    print("\n| case | where | runs | documents | lost | duplicates | recorded as |\n|---|---|---|---|---|---|---|")
    for c in cases:
        note = (c.get("last_error") or "").replace("|", "/")[:90]
        print(f"| {c['case']} | {c.get('where', '')} | {c.get('runs', '')} | {c.get('documents', '')} | "
              f"{c.get('rows_lost', 0)} | {c.get('duplicates', 0)} | {note} |")
    return code


if __name__ == "__main__":
    sys.exit(main())
