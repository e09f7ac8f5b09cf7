"""Special lines after the copper switch-off: lift emergency phones, alarm and fire transmitters, fax.

Once the public network is all-IP, a lift phone or an alarm transmitter calls out through an adapter,
the ONT or the PBX: in a power cut it lives only as long as its own battery or the UPS behind them.
"""

from __future__ import annotations

from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity

EN81 = "EN 81-28:2018 remote alarm on lifts: automatic test call at least every 3 days, about 1 hour of backup power"
ALARM_KINDS = ("lift", "alarm")


@rule("SPL-LIFT-TEST", Category.SPECIAL_LINES, Severity.ERROR, EN81, ("missing", "too_long"))
def lift_test_call(ctx):
    maximum = ctx.generic("en-81-28").value("test_call_max_days")
    for itf in ctx.project.interfaces.special_interfaces:
        if itf.kind.value != "lift":
            continue
        if itf.test_call_days is None:
            yield hit(itf, "test_call_days", variant="missing", interface=itf.id, name=itf.name, maximum=maximum)
        elif itf.test_call_days > maximum:
            yield hit(itf, "test_call_days", variant="too_long", interface=itf.id, name=itf.name, days=itf.test_call_days, maximum=maximum)


def path_devices(ctx, itf) -> list[str]:
    """What must stay powered for the interface's alarm call to leave, after its own battery."""
    if itf.emergency_line == "pbx":
        return [itf.server]
    if itf.emergency_line == "ip_adapter":
        site = itf.site or ctx.project.server_by_id[itf.server].site
        return sorted({link.router for link in ctx.project.availability.wan_links if link.site == site and link.router})
    return []  # a copper line is fed by the exchange; a mobile transmitter has its own battery


@rule("SPL-POWER", Category.SPECIAL_LINES, Severity.ERROR, EN81 + "; fire and intrusion alarm transmission (EN 54-21, EN 50136) needs its own backup power", ("unknown", "short"))
def alarm_power(ctx):
    needed = ctx.generic("en-81-28").value("backup_power_min")
    ups_runtime = {item: ups.runtime_min or 0 for ups in ctx.project.availability.ups for item in ups.powers}
    for itf in ctx.project.interfaces.special_interfaces:
        if itf.kind.value not in ALARM_KINDS:
            continue
        if itf.emergency_line is None:
            yield hit(itf, "emergency_line", variant="unknown", interface=itf.id, name=itf.name)
            continue
        if itf.emergency_line == "copper":
            continue  # a copper line is fed by the exchange
        devices = path_devices(ctx, itf)
        own = itf.battery_min or 0
        # The call leaves while the interface's own battery lasts, or while the UPS keeps every device on its path up.
        behind = min((ups_runtime.get(d, 0) for d in devices), default=0)
        autonomy = max(own, behind)
        if autonomy < needed:
            yield hit(itf, "battery_min", variant="short", interface=itf.id, name=itf.name, minutes=autonomy, needed=needed, devices=devices or [itf.id])


@rule("SPL-FAX", Category.SPECIAL_LINES, Severity.WARNING, "ITU-T T.38 fax over IP: G.711 fax over SIP fails under jitter and packet loss")
def fax_over_ip(ctx):
    itf = ctx.project.interfaces
    for server in ctx.project.servers:
        faxes = [t.id for t in ctx.terminals_of(server.id) if t.fax]
        if not faxes:
            continue
        other_lines = [line for line in (*itf.isdn_lines, *itf.analogue_lines) if line.server == server.id]
        sip = [t for t in itf.sip_trunks if t.server == server.id]
        if sip and not other_lines and not any(t.t38 for t in sip):
            yield hit(server, "id", object_id=f"{server.id}:fax", server=server.id, faxes=faxes, trunks=[t.id for t in sip])
