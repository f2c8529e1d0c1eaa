"""A throw-away PostgreSQL server from Debian's packages (postgresql, scripts/install-system-deps.sh) on
127.0.0.1 and a free port, in a temp folder. PostgreSQL refuses to run as root, so as root (CI) it runs as
the package's `postgres` user through runuser; skipped only when no server binaries are installed."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _bindir() -> Path | None:
    for base in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (base / "initdb").is_file() and (base / "pg_ctl").is_file():
            return base
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def postgres_server(tmp: Path) -> Iterator[str]:
    """Yields a libpq connection string to database `planwatch` (user postgres, trust on 127.0.0.1)."""
    bindir = _bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries are not installed (Debian package postgresql)")
    prefix: list[str] = []
    root = tmp / "pg"
    root.mkdir(mode=0o755)
    if os.geteuid() == 0:
        if not shutil.which("runuser"):
            pytest.skip("running as root without runuser: PostgreSQL cannot be started as an unprivileged user")
        prefix = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres", "postgres")
        for parent in (tmp, *tmp.parents):  # the server user must reach its folder
            if parent == Path("/"):
                break
            parent.chmod(parent.stat().st_mode | 0o011)
    data, port = root / "data", _free_port()
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                    "--no-sync", "-E", "UTF8"], check=True, capture_output=True, timeout=120)
    subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-t", "60",
                    "-o", f"-h 127.0.0.1 -p {port} -k {root} -c fsync=off", "start"],
                   check=True, capture_output=True, timeout=120)
    try:
        deadline = time.time() + 30
        while True:
            done = subprocess.run([str(bindir / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
                                   "-c", "CREATE DATABASE planwatch"], capture_output=True, text=True)
            if done.returncode == 0:
                break
            if time.time() > deadline:
                raise RuntimeError(done.stderr)
            time.sleep(0.3)
        yield f"host=127.0.0.1 port={port} user=postgres dbname=planwatch"
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       capture_output=True, timeout=120)
