"""Run a check in a fresh Python interpreter (for what a module imports or builds at import time, which the
test process has already done)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def assert_in_fresh_interpreter(code: str, timeout: float = 120) -> None:
    """Run `code` with `python -c` from the repository root; fail with its stderr unless it exits 0."""
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, done.stderr[-2000:]
