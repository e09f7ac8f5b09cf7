"""Hostile data cannot make a record fetch a URL or read a local file (issue: Safe)."""

from __future__ import annotations

from tests.helpers import content_of

import datetime as dt
import http.server
import subprocess
import threading
from pathlib import Path

import pytest

from generator.audience import Audience
from generator.i18n import Translator
from generator.load import load
from generator.pdf.render import PdfOptions, plan, run
from generator.pdf.typeset import PdfJob, typeset
from generator.pdf.layout import font_resources

GENERATED = dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)


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


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_hostile_values_cause_no_request_and_no_leak(small_copy: Path, trap_server, tmp_path: Path):
    url, requests = trap_server
    _replace(small_copy / "pbxdoc.yaml", "name: Fiduciaire Rochat SA", f'name: "Rochat <img src=\\"{url}/customer\\">"')
    _replace(small_copy / "commissioning.yaml", "scope: >\n", f"scope: >\n  ![x]({url}/markdown) <img src=\"file:///etc/passwd\"> <link rel=stylesheet href=\"{url}/css\">\n")
    _replace(small_copy / "documents.yaml", "reference: Boîte mail projet LT-24-1187", f'reference: "file:///etc/passwd <img src=\\"{url}/document\\">"')
    # The customer's logo is their own file: an SVG that tries to pull a remote image and /etc/passwd.
    (small_copy / "documents" / "leman-telecom-logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="240" height="64">'
        f'<image href="{url}/svg-image.png" width="10" height="10"/>'
        '<image xlink:href="file:///etc/passwd" width="10" height="10"/>'
        '<rect width="40" height="40" fill="#0b5563"/></svg>',
        encoding="utf-8",
    )
    project = load(small_copy)
    jobs = [job for job, _ in plan(content_of(project, "fr", GENERATED.date()), PdfOptions(records=("commissioning", "handover")))]
    results = run(jobs, workers=1)

    assert requests == []
    refused = "\n".join(r for result in results for r in result.refused)
    assert f"{url}/svg-image.png" in refused and "file:///etc/passwd" in refused
    for result in results:
        text = _text(result.content, tmp_path)
        assert "root:x:0:0" not in text
    commissioning = _text(results[0].content, tmp_path)
    assert f'<img src="{url}/customer">' in commissioning.replace("\n", " ")  # shown as text, not fetched
    handover = _text(results[1].content, tmp_path).replace("\n", " ")
    assert "file:///etc/passwd" in handover and f"{url}/document" in handover.replace(" ", "")


def test_logo_symlinked_outside_the_project_is_not_read(small_copy: Path, tmp_path: Path):
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    project = load(small_copy)  # validation refuses such a link; swap it in after loading
    logo = small_copy / "documents" / "leman-telecom-logo.svg"
    logo.unlink()
    logo.symlink_to(secret)
    jobs = [job for job, _ in plan(content_of(project, "fr", GENERATED.date()), PdfOptions(records=("commissioning",)))]
    assert not any("logo" in name for job in jobs for name in job.resources)
    assert "root:x:0:0" not in _text(run(jobs, workers=1)[0].content, tmp_path)


def test_the_fetcher_guards_weasyprint_itself(trap_server, tmp_path: Path):
    """Even markup that escaped our escaping would be refused at the fetcher."""
    url, requests = trap_server
    html = (
        f'<html><head><link rel="stylesheet" href="{url}/style.css"></head><body>'
        f'<p>x</p><img src="{url}/a.png"><img src="file:///etc/passwd"><img src="data:image/svg+xml;base64,PHN2Zy8+">'
        '<object data="file:///etc/passwd"></object></body></html>'
    )
    job = PdfJob("pdf/x.pdf", html, dict(font_resources()), frozenset(), str(tmp_path), (), GENERATED)
    result = typeset(job)
    assert requests == []
    assert len(result.refused) >= 4
    assert not any("127.0.0.1" in warning or "passwd" in warning for warning in result.warnings)  # reported once, as refused
    assert "root:x:0:0" not in _text(result.content, tmp_path)
