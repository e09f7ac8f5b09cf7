"""Numbering (Swiss numbering plan, E.164) and emergency calls."""

from __future__ import annotations

from generator import phones
from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity

OFCOM = "OFCOM numbering plan and ITU-T E.164"
EMERGENCY = "OFCOM: emergency numbers 112, 117, 118, 143, 144, 145, 147 reachable from every line, without a PIN or class-of-service block"


def numbers(project):
    """(record, field, number) of every public number in the data."""
    info = project.pbxdoc
    if info.integrator.phone:
        yield info.integrator, "phone", info.integrator.phone
    for c in project.contacts:
        for field in ("phone", "mobile"):
            if getattr(c, field):
                yield c, field, getattr(c, field)
    for u in project.users:
        for field in ("did", "mobile"):
            if getattr(u, field):
                yield u, field, getattr(u, field)
    if project.numbering.main_number:
        yield project.numbering, "main_number", project.numbering.main_number
    for line in [*project.interfaces.sip_trunks, *project.interfaces.isdn_lines]:
        for block in line.number_blocks:
            yield block, "first", block.first
            yield block, "last", block.last
    for line in project.interfaces.analogue_lines:
        yield line, "number", line.number


@rule("NUM-E164", Category.NUMBERING, Severity.WARNING, OFCOM + ": a Swiss number is +41 followed by 9 digits; other countries per the ITU-T E.164 national plans (libphonenumber data)", ("message", "invalid"))
def valid_numbers(ctx):
    plan = ctx.generic("swiss-numbering")
    code = plan.value("country_code")
    digits = plan.value("national_significant_digits")
    for record, field, number in numbers(ctx.project):
        if phones.is_valid(number):
            continue
        object_id = str(getattr(record, "id", "") or number)
        if number.startswith(code) and len(number) - len(code) != digits:
            yield hit(record, field, object_id=object_id, number=number, digits=digits)
        else:
            yield hit(record, field, object_id=object_id, variant="invalid", number=number, country=phones.region(number) or "?")


def sites_with_phones(project):
    sites = {u.site for u in project.users} | {s.site for s in project.servers if s.platform.value != "cloud"} | {t.site for t in project.terminals.terminals}
    return [s for s in project.sites if s.id in sites]


@rule("NUM-EMERGENCY", Category.NUMBERING, Severity.ERROR, EMERGENCY)
def emergency_routes(ctx):
    required = ctx.generic("swiss-numbering").value("emergency_numbers")
    routed = {(r.site, r.number) for r in ctx.project.numbering.emergency_routes}
    for site in sites_with_phones(ctx.project):
        missing = [n for n in required if (site.id, n) not in routed]
        if missing:
            yield hit(site, "id", site=site.id, numbers=missing)


@rule("NUM-EMERGENCY-BLOCK", Category.NUMBERING, Severity.ERROR, EMERGENCY, ("internal", "blocked", "pin"))
def emergency_not_blocked(ctx):
    required = ctx.generic("swiss-numbering").value("emergency_numbers")
    used = {u.rights_profile for u in ctx.project.users}
    for profile in ctx.project.rights.profiles:
        if profile.id not in used:
            continue
        if profile.outgoing == "internal":
            yield hit(profile, "outgoing", object_id=f"{profile.id}:internal", variant="internal", profile=profile.id)
        for field, variant in (("blocked_prefixes", "blocked"), ("pin_required_for", "pin")):
            hit_numbers = [n for n in required if any(n.startswith(p) for p in getattr(profile, field) if p)]
            if hit_numbers:
                yield hit(profile, field, object_id=f"{profile.id}:{variant}", variant=variant, profile=profile.id, numbers=hit_numbers)


@rule("NUM-DID-BLOCK", Category.NUMBERING, Severity.ERROR, "Course 6.2 (interface overview, public network lines): every direct number belongs to a number block of a line")
def did_in_blocks(ctx):
    project = ctx.project
    itf = project.interfaces
    blocks_by_server = {}
    for line in [*itf.sip_trunks, *itf.isdn_lines]:
        blocks_by_server.setdefault(line.server, []).extend(line.number_blocks)
    singles = {}
    for line in itf.analogue_lines:
        singles.setdefault(line.server, set()).add(line.number)
    if not blocks_by_server and not singles:
        return
    everything = [b for blocks in blocks_by_server.values() for b in blocks]
    all_singles = {n for s in singles.values() for n in s}

    def covered(number: str, server: str | None) -> bool:
        blocks = blocks_by_server.get(server, []) if server else everything
        numbers = singles.get(server, set()) if server else all_singles
        return number in numbers or any(b.contains(number) for b in blocks)

    for user in project.users:
        if user.did and not covered(user.did, ctx.server_of_user.get(user.id)):
            yield hit(user, "did", number=user.did, user=user.id)
    main = project.numbering.main_number
    if main and not covered(main, None):
        yield hit(project.numbering, "main_number", object_id="main_number", number=main, user="main_number")
