"""Values that become output file names are refused at validation, located, unless they are plain
names; the paths the data names are refused when they hold control characters or are too long."""

from __future__ import annotations

import pytest

from generator.load import validate
from tests.helpers import edit, line_of

BAD_NAMES = {
    "markup": "<img src=x onerror=alert(1)>",
    "folder": "1.3/../evil",
    "backslash": "1\\\\3",
    "nul": "1\\x003",  # written as a YAML escape: the value holds a NUL
    "ansi": "1\\x1b[31m3",
    "long": "1" * 300,
    "space": "version 2",
    "colon": "c:evil",
    "leading dot": ".hidden",
}

# (file, old text, template of the new text, needle of the line)
FIELDS = {
    "document.version": ("pbxdoc.yaml", 'version: "1.3"', 'version: "{}"', "version:"),
    "customer.id": ("pbxdoc.yaml", "id: fiduciaire-rochat", 'id: "{}"', "id:"),
    "server id": ("servers.yaml", "- id: lau-pbx-01", '- id: "{}"', "- id:"),
    "site id": ("sites.yaml", "- id: lau", '- id: "{}"', "- id:"),
    "dect system id": ("dect.yaml", "  - id: lau-dect", '  - id: "{}"', "  - id:"),
    "document id": ("documents.yaml", "{id: doc-offer,", '{{id: "{}",', "Offre 2024-0388"),
}


def _errors(root) -> list[str]:
    project, report = validate(root)
    assert project is None, "the unsafe file name was accepted"
    return [str(d) for d in report.errors]


@pytest.mark.parametrize("field", sorted(FIELDS))
@pytest.mark.parametrize("bad", sorted(BAD_NAMES))
def test_unsafe_file_name_is_a_located_error(small_copy, field, bad):
    file, old, new, needle = FIELDS[field]
    edit(small_copy / file, old, new.format(BAD_NAMES[bad]))
    line = line_of(small_copy / file, needle)
    errors = _errors(small_copy)
    located = [e for e in errors if e.startswith(f"{file}:{line}:") and "becomes part of file names" in e]
    assert located, errors
    # The message never carries the raw control characters it refuses.
    assert not any(c in located[0] for c in "\x00\x1b")


@pytest.mark.parametrize("value", ["1.3", "2026.11-rc_1", "V2"])
def test_plain_version_is_accepted(small_copy, value):
    edit(small_copy / "pbxdoc.yaml", 'version: "1.3"', f'version: "{value}"')
    project, report = validate(small_copy)
    assert project is not None, [str(d) for d in report.errors]
    assert project.pbxdoc.document.version == value


@pytest.mark.parametrize(("value", "fragment"), [("documents/a\\x00.pdf", "control character"), ("documents/" + "a" * 256 + ".pdf", "too long")])
def test_unsafe_project_path_is_a_located_error(small_copy, value, fragment):
    edit(small_copy / "pbxdoc.yaml", "logo: documents/leman-telecom-logo.svg", f'logo: "{value}"')
    line = line_of(small_copy / "pbxdoc.yaml", "logo:")
    errors = _errors(small_copy)
    assert any(e.startswith(f"pbxdoc.yaml:{line}:") and fragment in e for e in errors), errors
