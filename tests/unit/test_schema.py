"""The checked-in JSON Schemas match the model, and the examples satisfy them."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from generator.load import EXAMPLES
from generator.model.project import CONCERNS
from generator.schema import SCHEMA_DIR, schemas


def test_checked_in_schemas_are_in_sync():
    expected = schemas()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.schema.json")}
    assert sorted(on_disk) == sorted(expected), "schemas/ has missing or extra files: run `pbxdoc schema`"
    stale = [name for name in expected if on_disk[name] != expected[name]]
    assert not stale, f"schemas out of date (run `pbxdoc schema`): {stale}"


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir()))
def test_example_yaml_files_declare_and_satisfy_their_schema(example):
    root = EXAMPLES / example
    for concern in CONCERNS:
        path = root / f"{concern.name}.yaml"
        if not path.exists():
            continue
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../../../schemas/{concern.name}.schema.json", path
        schema = json.loads((SCHEMA_DIR / f"{concern.name}.schema.json").read_text(encoding="utf-8"))
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        jsonschema.validate(data, schema)
