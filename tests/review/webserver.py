"""Run the review app with uvicorn in a thread on a free 127.0.0.1 port (for browser tests)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from pipeline.review.web.app import create_app
from planwatch.config import Paths
from tests.support.net import free_port


@contextmanager
def running_app(paths: Paths, **kwargs: object) -> Iterator[str]:
    port = free_port()
    app = create_app(paths, **kwargs)  # type: ignore[arg-type]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the review app did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
