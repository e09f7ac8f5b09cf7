"""Hardening and toll fraud: what a senior integrator checks before a PBX is left on the Internet.

Toll fraud is the costly failure of a PBX: calls to premium and far-away numbers placed at night
through an open DISA, a guessed voicemail PIN or an exposed administration page. The rules read the
rights profiles and each server's recorded security state (`security:` in servers.yaml).
"""

from __future__ import annotations

from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity

CFCA = "CFCA Fraud Loss Survey and vendor security checklists (Mitel MiVoice Office 400, Unify OpenScape Business): toll fraud through PBX features"
OFCOM = "OFCOM numbering plan: 0900, 0901, 0906 premium-rate numbers"


def profiles_in_use(ctx):
    """Rights profiles someone or something dials with: users, terminal groups, special interfaces."""
    used = {u.rights_profile for u in ctx.project.users}
    used |= {t.rights_profile for t in ctx.project.terminals.terminals if t.rights_profile}
    used |= {s.rights_profile for s in ctx.project.interfaces.special_interfaces if s.rights_profile}
    return [p for p in ctx.project.rights.profiles if p.id in used]


def dials_out(profile) -> bool:
    return profile.outgoing in ("national", "international")


@rule("TF-PREMIUM", Category.SECURITY, Severity.WARNING, OFCOM + "; " + CFCA)
def premium_barring(ctx):
    prefixes = ctx.generic("swiss-premium-numbers").value("prefixes")
    for profile in profiles_in_use(ctx):
        if not dials_out(profile):
            continue
        blocked = [b.lstrip("0") for b in (*profile.blocked_prefixes, *profile.pin_required_for)]
        open_prefixes = [p for p in prefixes if not any(p.lstrip("0").startswith(b) for b in blocked if b)]
        if open_prefixes:
            yield hit(profile, "blocked_prefixes", profile=profile.id, prefixes=open_prefixes)


@rule("TF-INTERNATIONAL", Category.SECURITY, Severity.WARNING, CFCA + ": unattended phones (lifts, door intercoms, room phones) need no international calls")
def unattended_international(ctx):
    profiles = {p.id: p for p in ctx.project.rights.profiles}
    unattended = [*ctx.project.interfaces.special_interfaces, *(t for t in ctx.project.terminals.terminals if t.rights_profile)]
    for item in unattended:
        profile = profiles.get(item.rights_profile) if item.rights_profile else None
        if profile is not None and profile.outgoing == "international":
            yield hit(item, "rights_profile", what=getattr(item, "name", None) or item.model, profile=profile.id)


@rule("TF-OUT-OF-HOURS", Category.SECURITY, Severity.WARNING, CFCA + ": most fraudulent calls are placed at night and at weekends")
def out_of_hours(ctx):
    profiles = {p.id: p for p in ctx.project.rights.profiles}
    for profile in profiles_in_use(ctx):
        night = profiles.get(profile.out_of_hours) if profile.out_of_hours else None
        if profile.outgoing == "international" and (night is None or night.outgoing == "international"):
            yield hit(profile, "out_of_hours", profile=profile.id)


def secured(ctx):
    for server in ctx.project.servers:
        if server.security is not None:
            yield server, server.security


@rule("TF-VM-PIN", Category.SECURITY, Severity.WARNING, CFCA + ": voicemail with a short or trivial PIN is a way to forward calls abroad; pbxdoc.policy voicemail_pin_min_length", ("short", "trivial"))
def voicemail_pin(ctx):
    minimum = ctx.policy.voicemail_pin_min_length
    for server, security in secured(ctx):
        if not any(u.voicemail for u in ctx.users_of(server.id)):
            continue
        if security.voicemail_pin_min_length is not None and security.voicemail_pin_min_length < minimum:
            yield hit(security, "voicemail_pin_min_length", object_id=f"{server.id}:voicemail-pin", variant="short", server=server.id, length=security.voicemail_pin_min_length, minimum=minimum)
        if security.voicemail_trivial_pins_blocked is False:
            yield hit(security, "voicemail_trivial_pins_blocked", object_id=f"{server.id}:voicemail-trivial", variant="trivial", server=server.id)


@rule("TF-DISA", Category.SECURITY, Severity.ERROR, CFCA + ": an open DISA lets any caller dial out at the customer's expense")
def disa_open(ctx):
    for server, security in secured(ctx):
        if security.disa == "open":
            yield hit(security, "disa", object_id=f"{server.id}:disa", server=server.id)


@rule("SEC-EXPOSED", Category.SECURITY, Severity.ERROR, "Vendor security checklists (Mitel, Unify, 3CX): administration only from the LAN or a VPN; SIP only from the providers' addresses", ("admin", "sip"))
def exposed(ctx):
    for server, security in secured(ctx):
        if security.admin_exposed:
            yield hit(security, "admin_exposed", object_id=f"{server.id}:admin", variant="admin", server=server.id)
        if security.sip_exposed:
            yield hit(security, "sip_exposed", object_id=f"{server.id}:sip", variant="sip", server=server.id)


@rule("SEC-DEFAULT-CREDENTIALS", Category.SECURITY, Severity.ERROR, "Vendor security checklists: change every factory password at commissioning (recorded state, never the password)", ("server", "device"))
def default_credentials(ctx):
    for server, security in secured(ctx):
        if security.default_credentials:
            yield hit(security, "default_credentials", object_id=f"{server.id}:credentials", variant="server", server=server.id, accounts=security.default_credentials)
    for device in ctx.project.network.devices:
        if device.default_credentials:
            yield hit(device, "default_credentials", variant="device", device=device.id, name=device.name)


@rule("SEC-SRTP-LICENCE", Category.SECURITY, Severity.ERROR, "Vendor licensing: voice encryption (SRTP) is a licensed feature on some systems (figure srtp_licence of the vendor catalogue)", ("message", "mode"))
def srtp_licence(ctx):
    for server in ctx.project.servers:
        product = ctx.product_of(server)
        needed = product.figure("srtp_licence") if product else None
        if needed is None:
            continue
        held = {lic.kind.value for member in ctx.pair_of(server.id) for lic in ctx.licences_by_system.get(member, [])}
        if needed.value in held:
            continue
        srtp = [t.id for t in ctx.project.interfaces.sip_trunks if t.server == server.id and t.srtp]
        kind_key = f"model.licence_kind.{needed.value}"
        if srtp:
            yield hit(server, "id", object_id=f"{server.id}:srtp", figures=[needed], server=server.id, trunks=srtp, kind_key=kind_key)
        elif server.voip_mode and server.voip_mode.startswith("secure"):
            yield hit(server, "voip_mode", object_id=f"{server.id}:srtp", variant="mode", figures=[needed], server=server.id, mode_key=f"model.voip_mode.{server.voip_mode}", kind_key=kind_key)
