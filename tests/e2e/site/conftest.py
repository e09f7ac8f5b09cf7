"""Builds of the examples shared by the site's end-to-end tests (each built once per session)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.audience import Audience
from generator.load import EXAMPLES, SMALL_EXAMPLE
from generator.pipeline import BuildOptions, build

HOSTILE = "<script>alert(1)</script>"


def build_site(project: Path, out: Path, **options) -> Path:
    build(project, BuildOptions(out=out, only=("diagrams", "site"), **options))
    return out / "site"


def hostile_copy(target: Path) -> Path:
    """The small example with customer text that tries to inject script."""
    shutil.copytree(EXAMPLES / SMALL_EXAMPLE, target)
    info = target / "pbxdoc.yaml"
    info.write_text(info.read_text(encoding="utf-8").replace("name: Fiduciaire Rochat SA", f'name: "{HOSTILE}"', 1), encoding="utf-8")
    servers = target / "servers.yaml"
    servers.write_text(servers.read_text(encoding="utf-8").replace("name: 3CX Fiduciaire Rochat", f'name: "</title>{HOSTILE}"', 1), encoding="utf-8")
    docs = target / "documents.yaml"
    docs.write_text(docs.read_text(encoding="utf-8").replace("title: PV de mise en service 3CX", f'title: "PV {HOSTILE} [x](javascript:alert(2))"'), encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def site_builder():
    """build_site(project, out, **BuildOptions) -> the OUT/site folder."""
    return build_site


@pytest.fixture(scope="session")
def hostile_text() -> str:
    return HOSTILE


@pytest.fixture(scope="session")
def small_site(tmp_path_factory) -> Path:
    """The integrator's edition (everything but secrets), to compare with the other audiences."""
    return build_site(EXAMPLES / SMALL_EXAMPLE, tmp_path_factory.mktemp("small") / "out", audience=Audience.INTEGRATOR)


@pytest.fixture(scope="session")
def multilingual_site(tmp_path_factory) -> Path:
    return build_site(EXAMPLES / SMALL_EXAMPLE, tmp_path_factory.mktemp("multi") / "out", all_languages=True, audience=Audience.CUSTOMER)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    project = hostile_copy(tmp_path_factory.mktemp("hostile") / "project")
    return build_site(project, tmp_path_factory.mktemp("hostile-out") / "out", audience=Audience.CUSTOMER)
