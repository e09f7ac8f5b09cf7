"""The URL fetcher serves our resources and project files, and refuses and reports the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pdf.fetcher import RefusedResource, SafeFetcher


def test_serves_generated_resources_with_their_type():
    fetcher = SafeFetcher({"pdf.css": b"html {}", "diagrams/a.svg": b"<svg/>"})
    assert fetcher.fetch("pbxdoc:pdf.css").read() == b"html {}"
    response = fetcher.fetch("pbxdoc:diagrams/a.svg")
    assert response.content_type == "image/svg+xml"
    assert fetcher.served == ["pbxdoc:pdf.css", "pbxdoc:diagrams/a.svg"]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x.png",
        "https://example.com/logo.png",
        "ftp://example.com/x",
        "file:///etc/passwd",
        "data:image/svg+xml;base64,PHN2Zy8+",
        "pbxdoc:not-generated.css",
    ],
)
def test_refuses_and_reports_everything_else(url, tmp_path):
    fetcher = SafeFetcher({}, tmp_path)
    with pytest.raises(RefusedResource):
        fetcher.fetch(url)
    assert len(fetcher.refused) == 1 and fetcher.refused[0].startswith(url[:40])


def test_project_files_only_inside_the_project(tmp_path: Path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "plan.svg").write_bytes(b"<svg/>")
    (tmp_path / "secret.txt").write_text("secret")
    (project / "link.txt").symlink_to(tmp_path / "secret.txt")
    fetcher = SafeFetcher({}, project)
    assert fetcher.fetch((project / "plan.svg").as_uri()).read() == b"<svg/>"
    for outside in ((tmp_path / "secret.txt").as_uri(), (project / "link.txt").as_uri(), (project / ".." / "secret.txt").as_uri()):
        with pytest.raises(RefusedResource):
            fetcher.fetch(outside)
    assert len(fetcher.refused) == 3


def test_data_uris_only_when_we_generated_them():
    ours = "data:image/png;base64,iVBORw0KGgo="
    fetcher = SafeFetcher({}, None, frozenset({ours}))
    body = fetcher.fetch(ours)
    assert body.read() == bytes.fromhex("89504e470d0a1a0a") and body.content_type == "image/png"
    with pytest.raises(RefusedResource):
        fetcher.fetch("data:image/png;base64,AAAA")
