"""A 3CX users export updates known extensions, adds new users and never carries secrets."""

from __future__ import annotations

from generator.load import load
from generator.workbook.importer import Existing
from generator.workbook.threecx import import_3cx_users, to_e164

HEADER = "Number,FirstName,LastName,EmailAddress,MobileNumber,OutboundCallerID,DID,Department,AuthID,AuthPassword,VMPin,EnableVoicemail,HotDesking,WebMeetingFriendlyName\n"


def write_export(tmp_path, *rows: str):
    path = tmp_path / "3cx-users.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8-sig")
    return path


def test_known_extensions_are_updated_and_new_ones_added(project_copy, tmp_path):
    before = load(project_copy)
    path = write_export(
        tmp_path,
        "201,Sophie,Rochat-Muller,s.rochat@fiduciaire-rochat.example.ch,0795554110,,+41215551201,Direction,x1,S3cr3t!,4711,1,0,sophie",
        "290,Léa,Nouvel,l.nouvel@fiduciaire-rochat.example.ch,079 555 41 99,0215551290,,Fiscalité,x2,Pa55!,1234,0,1,lea",
    )
    result = import_3cx_users(project_copy, path, rights_profile="p-standard", existing=Existing.MERGE)
    assert result.ok, [str(d) for d in result.report.sorted()]
    write = result.writes[0]
    assert (write.added, write.updated, write.kept) == (1, 1, 24)
    after = load(project_copy)
    sophie = after.user_by_id["u-rochat-s"]
    assert (sophie.last_name, sophie.mobile, sophie.rights_profile, sophie.terminal) == ("Rochat-Muller", "+41795554110", "p-direction", before.user_by_id["u-rochat-s"].terminal)
    lea = after.user_by_id["u-290"]
    assert (lea.extension, lea.site, lea.rights_profile, lea.did, lea.mobile, lea.hot_desking, lea.voicemail) == ("290", "lau", "p-standard", "+41215551290", "+41795554199", True, False)
    text = (project_copy / "users.csv").read_text(encoding="utf-8")
    for secret in ("S3cr3t!", "Pa55!", "4711", "1234", "x1"):
        assert secret not in text


def test_new_user_without_rights_profile_is_reported_at_its_row(project_copy, tmp_path):
    path = write_export(tmp_path, "291,Max,Neu,max@example.ch,,,,,a,b,c,1,0,m")
    result = import_3cx_users(project_copy, path, existing=Existing.MERGE)
    assert [str(d) for d in result.report.errors] == [
        "3cx-users.csv:2:1: rights_profile: extension 291 is new and no --rights-profile was given (expected --rights-profile ID for the users that are not in the project yet)"
    ]
    assert not result.written


def test_invalid_cell_is_located(project_copy, tmp_path):
    path = write_export(tmp_path, "292,Max,Neu,not-an-email,,,,,a,b,c,1,0,m")
    result = import_3cx_users(project_copy, path, rights_profile="p-standard", existing=Existing.MERGE)
    assert [d.location.column for d in result.report.errors] == [4]
    assert str(result.report.errors[0]).startswith("3cx-users.csv:2:4: users[0].email (column 'EmailAddress'):")


def test_national_numbers_become_e164():
    assert to_e164("079 555 41 99", "41") == "+41795554199"
    assert to_e164("0041 21 555 12 00", "41") == "0041215551200"  # the model turns 00 into +
    assert to_e164("+49 30 1234567", "41") == "+49301234567"
