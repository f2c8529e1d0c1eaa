"""`planwatch serve` registers the deployments with their cron schedules in Asia/Ho_Chi_Minh."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from flows.serve import load_schedules

pytestmark = pytest.mark.slow


def _deployments(api: str) -> dict[str, list[tuple[str, str]]]:
    """Ask the server's REST API directly: the in-process Prefect client may be bound to a test harness."""
    request = urllib.request.Request(f"{api}/deployments/filter", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as resp:
        found = json.load(resp)
    return {d["name"]: [(s["schedule"]["cron"], s["schedule"]["timezone"]) for s in d["schedules"]] for d in found}


def test_serve_creates_scheduled_deployments(prefect_server, home):
    env = {**os.environ, **prefect_server}
    planwatch = Path(sys.executable).with_name("planwatch")
    proc = subprocess.Popen([str(planwatch), "serve"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        found: dict[str, list[tuple[str, str]]] = {}
        while time.monotonic() < deadline:
            found = _deployments(prefect_server["PREFECT_API_URL"])
            if {"nightly", "weekly"} <= found.keys():
                break
            assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else "serve exited"
            time.sleep(1)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    conf = load_schedules()
    assert found["nightly"] == [(conf["nightly"]["cron"], "Asia/Ho_Chi_Minh")]
    assert found["weekly"] == [(conf["weekly_digest"]["cron"], "Asia/Ho_Chi_Minh")]
    assert conf["nightly"]["cron"] == "30 1 * * *"
    assert conf["weekly_digest"]["cron"] == "0 7 * * 1"


def test_serve_dry_run_lists_schedules():
    planwatch = Path(sys.executable).with_name("planwatch")
    out = subprocess.run([str(planwatch), "serve", "--dry-run"], capture_output=True, text=True, check=True).stdout
    assert "30 1 * * *" in out and "Asia/Ho_Chi_Minh" in out
