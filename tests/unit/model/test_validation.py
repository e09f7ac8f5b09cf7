"""Every kind of data error is reported with the right file, line and field, all in one run."""

from __future__ import annotations

import pytest

from tests.helpers import edit, line_of
from generator.load import validate


def errors_of(root):
    project, report = validate(root)
    assert project is None, "the planted error was not detected"
    return [str(d) for d in report.errors]


def test_small_example_is_valid(small_path):
    project, report = validate(small_path)
    assert project is not None, [str(d) for d in report.sorted()]
    assert report.diagnostics == []
    assert len(project.users) == 25
    assert project.digest and len(project.digest) == 64


PLANTS = {
    # name: (file, old, new, needle for the line, expected fragment)
    "unknown reference": ("handsets.csv", "hs-03,lau-dect,W73H,u-pittet,230,0328D3C9A3,lau-dect-01", "hs-03,lau-dect,W73H,u-pittet,230,0328D3C9A3,lau-dect-99", "hs-03", "base: unknown DECT base 'lau-dect-99'"),
    "duplicate id": ("users.csv", "u-monnier,Luc", "u-aubert,Luc", "u-aubert,Luc,Monnier", "id: user 'u-aubert' is defined twice"),
    "duplicate extension": ("users.csv", "u-perret,Claire,Perret,213,", "u-perret,Claire,Perret,212,", "u-perret", "extension: extension 212 is already used"),
    "duplicate address": ("addresses.csv", "10.10.20.40,lau-door-01", "10.10.20.30,lau-door-01", "lau-door-01,net-voice", "address: 10.10.20.30 is already given to 'lau-dect-01'"),
    "overlapping subnet": ("network.yaml", "network: 10.10.99.0/24", "network: 10.10.0.0/16", "net-mgmt", "overlaps subnet"),
    "address outside subnet": ("addresses.csv", "10.10.99.20,lau-hv-01,net-mgmt", "10.20.99.20,lau-hv-01,net-mgmt", "lau-hv-01,net-mgmt", "10.20.99.20 is outside subnet 'net-mgmt'"),
    "gateway outside subnet": ("network.yaml", "gateway: 10.10.20.1,", "gateway: 10.10.21.1,", "net-voice", "gateway: gateway 10.10.21.1 is outside 10.10.20.0/24"),
    "invalid E.164": ("contacts.yaml", "phone: +41 21 555 33 70", "phone: 021 555 33 70", "c-bonvin", "phone: not an E.164 number"),
    "dates in wrong order": ("licences.yaml", "start: 2026-01-01, expiry: 2026-12-31", "start: 2027-01-01, expiry: 2026-12-31", "lic-maint", "expiry is before start"),
    "unknown key": ("servers.yaml", "software_version:", "sofware_version:", "sofware_version", "unknown key 'sofware_version' (expected did you mean 'software_version'?"),
    "ids alike": ("availability.yaml", "  - id: lau-ups-01", "  - id: LAU.door:01", "LAU.door:01", "equipment id 'LAU.door:01' and 'lau-door-01' (at interfaces.yaml:16:5) differ only in case or punctuation"),
    "plaintext secret": ("dect.yaml", "admin_password: vault:customers/rochat/dect-admin", "admin_password: Yealink2025!", "admin_password", "plaintext secret is not allowed"),
}


@pytest.mark.parametrize("name", sorted(PLANTS))
def test_planted_error_is_located(small_copy, name):
    file, old, new, needle, fragment = PLANTS[name]
    edit(small_copy / file, old, new)
    errors = errors_of(small_copy)
    line = line_of(small_copy / file, needle)
    matching = [e for e in errors if fragment in e]
    assert matching, errors
    assert any(e.startswith(f"{file}:{line}:") for e in matching), (line, matching)


def test_secret_value_is_never_echoed(small_copy):
    edit(small_copy / "dect.yaml", "admin_password: vault:customers/rochat/dect-admin", "admin_password: Yealink2025!")
    errors = errors_of(small_copy)
    assert not any("Yealink2025" in e for e in errors)


def test_all_planted_errors_in_one_run(small_copy):
    for file, old, new, _needle, _fragment in PLANTS.values():
        edit(small_copy / file, old, new)
    errors = errors_of(small_copy)
    for name, (_file, _old, _new, _needle, fragment) in PLANTS.items():
        assert any(fragment in e for e in errors), f"{name} missing from {errors}"


def test_failed_concern_does_not_cascade(small_copy):
    """A broken users file must not produce 'unknown user' errors in handsets."""
    edit(small_copy / "users.csv", "u-reception,Accueil,Fiduciaire,200,+41215551200", "u-reception,Accueil,Fiduciaire,200,notanumber")
    errors = errors_of(small_copy)
    assert any(e.startswith("users.csv:2:") and "did" in e for e in errors), errors
    assert not any("unknown user" in e for e in errors)


def test_missing_required_field(small_copy):
    edit(small_copy / "servers.yaml", "  vendor: 3CX\n", "")
    errors = errors_of(small_copy)
    assert any(e.startswith("servers.yaml:2:3: servers[0].vendor: required field is missing") for e in errors), errors


def test_enum_error_names_choices(small_copy):
    edit(small_copy / "servers.yaml", "platform: virtual", "platform: vm")
    errors = errors_of(small_copy)
    line = line_of(small_copy / "servers.yaml", "platform: vm")
    assert any(e.startswith(f"servers.yaml:{line}:") and "'appliance', 'virtual' or 'cloud'" in e for e in errors), errors


def test_missing_document_file(small_copy):
    (small_copy / "documents" / "traitement-donnees.txt").unlink()
    errors = errors_of(small_copy)
    line = line_of(small_copy / "documents.yaml", "doc-dataproc")
    assert any(e.startswith(f"documents.yaml:{line}:") and "does not exist" in e for e in errors), errors


def test_did_duplicate(small_copy):
    edit(small_copy / "users.csv", "u-aubert,Pierre,Aubert,210,+41215551210", "u-aubert,Pierre,Aubert,210,+41215551201")
    errors = errors_of(small_copy)
    assert any(e.startswith("users.csv:5:") and "DID +41215551201" in e for e in errors), errors


def test_handset_extension_must_match_user(small_copy):
    edit(small_copy / "handsets.csv", "hs-02,lau-dect,W73H,u-aubert,210", "hs-02,lau-dect,W73H,u-aubert,299")
    errors = errors_of(small_copy)
    assert any(e.startswith("handsets.csv:3:") and "differs from the extension of user 'u-aubert'" in e for e in errors), errors


def test_dhcp_range_outside_subnet(small_copy):
    edit(small_copy / "network.yaml", "end: 10.10.10.199", "end: 10.10.11.10")
    errors = errors_of(small_copy)
    assert any("DHCP end 10.10.11.10 is outside 10.10.10.0/24" in e for e in errors), errors


def test_unknown_file_is_a_warning_with_suggestion(small_copy):
    (small_copy / "user.yaml").write_text("[]\n", encoding="utf-8")
    project, report = validate(small_copy)
    assert project is not None
    assert any("did you mean users.yaml" in str(d) for d in report.warnings)


def test_infinite_number_is_refused(small_copy):
    edit(small_copy / "licences.yaml", "price_chf: 1150.00", "price_chf: .inf")
    errors = errors_of(small_copy)
    line = line_of(small_copy / "licences.yaml", "price_chf: .inf")
    assert any(e.startswith(f"licences.yaml:{line}:") and "price_chf" in e for e in errors), errors


@pytest.mark.parametrize(
    "breakage",
    ["yaml syntax error", "file missing", "not utf-8"],
)
def test_unreadable_file_does_not_cascade(small_copy, breakage):
    """A sites file that cannot be read at all is reported once, not as 'unknown site' in every
    other file (nor an unreadable users file as 'unknown user' in handsets)."""
    if breakage == "yaml syntax error":
        text = (small_copy / "sites.yaml").read_text(encoding="utf-8")
        (small_copy / "sites.yaml").write_text(text.replace("    procedure:", "      procedure:", 1), encoding="utf-8")
        what, file = "unknown site", "sites.yaml"
    elif breakage == "file missing":
        (small_copy / "sites.yaml").unlink()
        what, file = "unknown site", "sites.yaml"
    else:
        raw = (small_copy / "users.csv").read_text(encoding="utf-8")
        (small_copy / "users.csv").write_bytes(raw.encode("latin-1"))
        what, file = "unknown user", "users.csv"
    errors = errors_of(small_copy)
    assert any(e.startswith(f"{file}:") for e in errors), errors
    assert not any(what in e for e in errors), errors


def test_swiss_date_names_the_expected_form(small_copy):
    """31.12.2026 is how a Swiss integrator writes a date: say it must be 2026-12-31."""
    edit(small_copy / "licences.yaml", "expiry: 2027-02-28", "expiry: 28.02.2027")
    errors = errors_of(small_copy)
    line = line_of(small_copy / "licences.yaml", "28.02.2027")
    matching = [e for e in errors if e.startswith(f"licences.yaml:{line}:") and "expiry" in e]
    assert matching and "YYYY-MM-DD" in matching[0] and "'28.02.2027'" in matching[0], errors


@pytest.mark.parametrize("value", ["2024-13-01", "2026-02-30"])
def test_impossible_date_is_an_error_not_a_crash(small_copy, value):
    """YAML reads 2024-13-01 as a timestamp and the date constructor raises: report it at its line."""
    edit(small_copy / "licences.yaml", "start: 2024-05-01", f"start: {value}")
    errors = errors_of(small_copy)
    line = line_of(small_copy / "licences.yaml", value)
    assert any(e.startswith(f"licences.yaml:{line}:") and "start" in e and value in e for e in errors), errors


def test_misnamed_file_is_the_one_message(small_copy):
    """users.csv saved as user.csv: the warning says 'did you mean users.csv?', and handsets do not
    each report an unknown user."""
    (small_copy / "users.csv").rename(small_copy / "user.csv")
    project, report = validate(small_copy)
    messages = [str(d) for d in report.sorted()]
    assert project is None
    assert any(m.startswith("user.csv:") and "did you mean users.csv?" in m for m in messages), messages
    assert not any("unknown user" in m or "unknown person 'u-" in m for m in messages), messages


def test_boolean_error_names_the_accepted_words(small_copy):
    edit(small_copy / "users.csv", "t-t58w,false,false", "t-t58w,oui,false")
    errors = errors_of(small_copy)
    assert any(e.startswith("users.csv:2:") and "hot_desking" in e and "true or false" in e for e in errors), errors


def test_misspelt_column_is_reported_once_at_its_header(small_copy):
    """A typo in a CSV header is one error at the header cell, not two on every row."""
    path = small_copy / "users.csv"
    lines = path.read_text(encoding="utf-8").split("\n", 1)
    path.write_text(lines[0].replace("extension", "extention", 1) + "\n" + lines[1], encoding="utf-8")
    errors = errors_of(small_copy)
    assert len(errors) == 1, errors
    assert errors[0].startswith("users.csv:1:4: ") and "extention" in errors[0] and "did you mean 'extension'" in errors[0], errors


def test_national_number_says_how_to_write_it(small_copy):
    """021 555 12 00 is how the number is printed on a letterhead: say to add the country code."""
    edit(small_copy / "users.csv", "u-reception,Accueil,Fiduciaire,200,+41215551200", "u-reception,Accueil,Fiduciaire,200,021 555 12 00")
    errors = errors_of(small_copy)
    assert any(e.startswith("users.csv:2:5:") and "not an E.164 number" in e and "'021 555 12 00'" in e and "+41 21 555 12 00" in e for e in errors), errors


def test_invalid_number_is_echoed(small_copy):
    """A number that lost its '+' (a spreadsheet cell typed as number) is shown as it was read."""
    edit(small_copy / "users.csv", "u-reception,Accueil,Fiduciaire,200,+41215551200", "u-reception,Accueil,Fiduciaire,200,41215551200")
    errors = errors_of(small_copy)
    assert any(e.startswith("users.csv:2:5:") and "not an E.164 number" in e and "'41215551200'" in e for e in errors), errors


def test_a_manual_backup_job_needs_no_schedule_an_automated_one_does(small_copy):
    edit(small_copy / "backups.yaml", "    schedule: Tous les jours à 02:30\n", "    automated: false\n")
    project, report = validate(small_copy)
    assert project is not None, [str(d) for d in report.errors]
    assert project.backups.jobs[0].schedule is None and not project.backups.jobs[0].automated
    edit(small_copy / "backups.yaml", "    automated: false\n", "")
    errors = errors_of(small_copy)
    assert any(e.startswith("backups.yaml:3:5: backups.jobs[0]") and "an automated job needs its schedule" in e for e in errors), errors
