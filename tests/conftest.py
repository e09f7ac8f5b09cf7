"""Fixtures shared by every test: the bundled examples and writable copies of them."""

from __future__ import annotations

import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from generator.load import EXAMPLES, SMALL_EXAMPLE, load

SMALL = EXAMPLES / SMALL_EXAMPLE

# Tests build from scratch: a cache hit would hide a build that is not deterministic. The cache's
# own tests point PBXDOC_CACHE at a folder of theirs.
os.environ["PBXDOC_CACHE"] = "off"


@pytest.fixture(scope="session")
def signing_keys(tmp_path_factory):
    """A throwaway CA and signer (never a real key), made once for every signing test."""
    from tests.throwaway_ca import make_keys

    return make_keys(tmp_path_factory.mktemp("signing-keys"))


@pytest.fixture(scope="session")
def other_signing_keys(tmp_path_factory):
    """A second CA and signer that did not certify the first."""
    from tests.throwaway_ca import make_keys

    return make_keys(tmp_path_factory.mktemp("other-signing-keys"), "Other")


@pytest.fixture(scope="session")
def small_path() -> Path:
    return SMALL


@pytest.fixture(scope="session")
def small_project():
    return load(SMALL)


@pytest.fixture
def small_copy(tmp_path) -> Path:
    """A writable copy of the small example, for planting errors."""
    target = tmp_path / "project"
    shutil.copytree(SMALL, target)
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
