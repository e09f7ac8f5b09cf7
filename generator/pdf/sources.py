"""The source data a record was made from, embedded in the PDF (PDF/A-3 associated files).

The integrator gets the files byte for byte (their SHA-256 is in the manifest's input_files).
Other audiences get each concern as the audience sees it, because the raw files hold secret
references and commercial data that only the integrator may see.
"""

from __future__ import annotations

import hashlib

import yaml

from generator.audience import Audience
from generator.model.base import Record as ModelRecord
from generator.model.project import Project
from generator.pdf.typeset import SourceFile


def _dump(value) -> object:
    if isinstance(value, ModelRecord):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, list):
        return [_dump(v) for v in value]
    return value


def source_files(project: Project, concerns: tuple[str, ...], audience: Audience) -> tuple[SourceFile, ...]:
    files = project.files
    out = []
    for concern in concerns:
        name = files.get(concern)
        if name is None:
            continue
        if audience is Audience.INTEGRATOR:
            content = (project.root / name).read_bytes()
            digest = hashlib.sha256(content).hexdigest()
            out.append(SourceFile(name.replace("/", "_"), f"{name} (SHA-256 {digest})", content))
        else:
            data = _dump(getattr(project, concern))
            content = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
            stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
            out.append(SourceFile(f"{stem}.{audience.value}.yaml", f"{name} as seen by the {audience.value} audience (secret references and commercial data removed)", content))
    return tuple(out)
