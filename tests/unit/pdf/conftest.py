"""Fixtures of the PDF tests: a copy of the small example that a test may alter, and a local
HTTP server that records every request (so that a test can prove no PDF fetched anything)."""

from __future__ import annotations

import http.server
import shutil
import threading
from pathlib import Path

import pytest

from generator.load import EXAMPLES, SMALL_EXAMPLE


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(EXAMPLES / SMALL_EXAMPLE, target)
    return target


@pytest.fixture
def trap_server():
    """A server on 127.0.0.1 that answers every request and remembers its path."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's naming)
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()
