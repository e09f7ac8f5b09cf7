"""`pbxdoc serve` rebuilds the preview when a data file of the project changes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from generator.load import EXAMPLES, REPO_ROOT, SMALL_EXAMPLE

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def title_of(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            page = response.read().decode("utf-8")
    except OSError:
        return None
    return page.split("<title>", 1)[1].split("</title>", 1)[0]


def wait_for_title(url: str, expected: str, seconds: float = 60) -> str | None:
    deadline = time.monotonic() + seconds
    title = None
    while time.monotonic() < deadline:
        title = title_of(url)
        if title == expected:
            break
        time.sleep(0.5)
    return title


def test_serve_rebuilds_when_a_data_file_changes(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(EXAMPLES / SMALL_EXAMPLE, project)
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", str(project), "--port", str(port), "--lang", "en"],
        cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/index.html"
        assert wait_for_title(url, "Fiduciaire Rochat SA") == "Fiduciaire Rochat SA"
        info = project / "pbxdoc.yaml"
        info.write_text(info.read_text(encoding="utf-8").replace("name: Fiduciaire Rochat SA", "name: Fiduciaire Rochat & Fils SA", 1), encoding="utf-8")
        assert wait_for_title(url, "Fiduciaire Rochat &amp; Fils SA") == "Fiduciaire Rochat &amp; Fils SA"
    finally:
        server.terminate()
        server.wait(timeout=20)
