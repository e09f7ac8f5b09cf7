"""JSON Schemas of the project files, generated from the model (editors complete and check YAML)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from generator.model.project import CONCERNS

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


def schemas() -> dict[str, str]:
    """File name -> schema text, one per concern file."""
    result = {}
    for concern in CONCERNS:
        schema = TypeAdapter(concern.type).json_schema(mode="validation")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://pbxdoc.example/schemas/{concern.name}.schema.json",
            "title": f"pbxdoc {concern.name}",
            "description": concern.summary + (" (YAML list, or a CSV/XLSX table with one column per field)" if concern.tabular else ""),
            **schema,
        }
        result[f"{concern.name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return result


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
