"""Dimensioning: the channels the installation is built for against what carries and licenses them."""

from __future__ import annotations

from collections import defaultdict

from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity
from generator.model.operations import LicenceKind


@rule("DIM-SIP-CHANNELS", Category.DIMENSIONING, Severity.ERROR, "Vendor licensing (MiVoice Office 400 SIP access channels, OpenScape Business SIP trunk licences): a SIP channel needs its licence")
def sip_channel_licences(ctx):
    for server in ctx.project.servers:
        lics = [lic for lic in ctx.licences_by_system.get(server.id, []) if lic.kind is LicenceKind.SIP_CHANNELS]
        if not lics:
            continue  # a system that does not licence channels (3CX) records none
        trunks = [t for t in ctx.project.interfaces.sip_trunks if t.server == server.id]
        channels = sum(t.channels for t in trunks)
        licensed = sum(lic.quantity for lic in lics)
        if channels > licensed:
            yield hit(lics[0], "quantity", object_id=f"{server.id}:sip-channels", server=server.id, channels=channels, licensed=licensed, trunks=[t.id for t in trunks])


def parse_figure(figures, codec: str):
    """The figure of a codec, matched without case and punctuation (G711, g.711 and G.711 alike)."""
    key = codec.replace(".", "").replace(" ", "").lower()
    return next((f for name, f in figures.items() if name.replace(".", "").lower() == key), None)


@rule("DIM-WAN", Category.DIMENSIONING, Severity.WARNING, "ITU-T codec rates with IP/UDP/RTP/Ethernet headers: every trunk channel busy at once must fit the WAN uplink it runs over")
def wan_uplink(ctx):
    codecs = ctx.generic("voip-codecs")
    per_call = codecs.group("kbps_per_call")
    default = parse_figure(per_call, codecs.value("default_codec"))
    demand: dict[str, float] = defaultdict(float)
    used: dict[str, list] = defaultdict(list)
    trunks: dict[str, list[str]] = defaultdict(list)
    for trunk in ctx.project.interfaces.sip_trunks:
        if trunk.wan_link:
            figure = parse_figure(per_call, trunk.codec) or default
            demand[trunk.wan_link] += trunk.channels * figure.value
            used[trunk.wan_link].append(figure)
            trunks[trunk.wan_link].append(trunk.id)
    for link in ctx.project.availability.wan_links:
        if link.uplink_mbps is not None and demand.get(link.id, 0) > link.uplink_mbps * 1000:
            yield hit(link, "uplink_mbps", figures=used[link.id], link=link.id, demand=round(demand[link.id] / 1000, 2), uplink=link.uplink_mbps, trunks=trunks[link.id])
