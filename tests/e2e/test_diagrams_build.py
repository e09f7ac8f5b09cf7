"""`pbxdoc build` writes the diagrams of the example into OUT/diagrams/, listed in the manifest."""

from __future__ import annotations

import json

from generator.load import EXAMPLES, SMALL_EXAMPLE
from generator.pipeline import BuildOptions, build


def test_build_writes_every_diagram(tmp_path):
    out = tmp_path / "out"
    build(EXAMPLES / SMALL_EXAMPLE, BuildOptions(out=out, only=("diagrams",)))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    written = sorted(p for p in manifest["files"] if p.startswith("diagrams/"))
    assert "diagrams/overview-lau-pbx-01.svg" in written and "diagrams/overview-lau-pbx-01.png" in written
    svg = (out / "diagrams/overview-lau-pbx-01.svg").read_text(encoding="utf-8")
    assert "Peoplefone" in svg and "Portier entrée principale" in svg
