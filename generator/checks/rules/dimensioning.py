"""Dimensioning: the channels the installation is built for against what carries and licenses them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity
from generator.model.operations import LicenceKind
from generator.model.telephony import TerminalType


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


# Endpoints on each side of the media gateway (Mitel's table of required VoIP channels): DECT means
# handsets on the system's own radio units (DSI), SIP-DECT handsets are IP endpoints.
NON_IP_TERMINALS = frozenset({TerminalType.ANALOGUE, TerminalType.DIGITAL, TerminalType.DECT})
IP_TERMINALS = frozenset({TerminalType.IP, TerminalType.SIP_DECT, TerminalType.SOFTPHONE})


@dataclass(frozen=True)
class VoipDemand:
    """Calls that cross between IP and non-IP endpoints when every primary trunk channel and every
    audio channel (voicemail, auto attendant, conference) is busy with an endpoint of the other kind."""

    sip_to_non_ip: int  # SIP trunk calls of analogue, digital and DECT-on-card phones
    tdm_to_ip: int  # ISDN and analogue line calls of IP phones, SIP-DECT handsets and softphones
    audio_to_ip: int  # IP endpoints on voicemail, auto attendant or a conference

    @property
    def calls(self) -> int:
        return self.sip_to_non_ip + self.tdm_to_ip + self.audio_to_ip


def voip_demand(ctx, server) -> VoipDemand:
    itf = ctx.project.interfaces
    sip = sum(t.channels for t in itf.sip_trunks if t.server == server.id and t.role == "primary")
    tdm = sum(line.channels for line in itf.isdn_lines if line.server == server.id and line.role == "primary")
    tdm += sum(1 for line in itf.analogue_lines if line.server == server.id and line.role == "primary")
    groups = [g for g in ctx.project.terminals.terminals if g.server == server.id]
    non_ip = sum(g.count for g in groups if g.type in NON_IP_TERMINALS)
    ip = sum(g.count for g in groups if g.type in IP_TERMINALS)
    audio = sum(lic.quantity for lic in ctx.licences_by_system.get(server.id, []) if lic.kind is LicenceKind.AUDIO_CHANNELS)
    tdm_to_ip = min(tdm, ip)
    return VoipDemand(min(sip, non_ip), tdm_to_ip, min(audio, ip - tdm_to_ip))


def voip_supply(ctx, server, gateway) -> tuple[str, int, list] | None:
    """The VoIP channels the server can switch: as configured, else as licensed; None when neither is recorded."""
    licences = [lic for lic in ctx.licences_by_system.get(server.id, []) if lic.kind is LicenceKind.VOIP_CHANNELS]
    licence_figure = gateway.get("voip_channel_licence")
    if licences and licence_figure is not None and licence_figure.value == LicenceKind.VOIP_CHANNELS.value:
        free = gateway.get("free_voip_channels_g711") if server.voip_mode == "g711" else None
        licensed = sum(lic.quantity for lic in licences) + (free.value if free else 0)
        if server.voip_channels is None or licensed < server.voip_channels:
            return "licensed", licensed, [licence_figure, free]
    if server.voip_channels is not None:
        return "configured", server.voip_channels, []
    return None


@rule("DIM-VOIP-CHANNELS", Category.DIMENSIONING, Severity.WARNING, "Mitel MiVoice Office 400 system manuals (Aastra 470 R3.0 Tab. 16, Aastra 415/430 R3.2 Tab. 19) and WebAdmin help, Designing the VoIP channels: one VoIP channel per call between an IP and a non-IP endpoint; every channel licensed", ("configured", "licensed"))
def voip_channels(ctx):
    for server in ctx.project.servers:
        product = ctx.product_of(server)
        gateway = product.group("media_gateway") if product else {}
        per_call = gateway.get("voip_channels_per_connection")
        supply = voip_supply(ctx, server, gateway) if per_call is not None else None
        if supply is None:
            continue  # no media gateway in the catalogue, or neither channels nor their licences recorded
        basis, channels, figures = supply
        demand = voip_demand(ctx, server)
        needed = demand.calls * per_call.value
        if needed > channels:
            yield hit(server, "voip_channels", object_id=f"{server.id}:voip-channels", variant=basis, figures=[per_call, *figures], server=server.id, needed=needed,
                      channels=channels, sip=demand.sip_to_non_ip, tdm=demand.tdm_to_ip, audio=demand.audio_to_ip)
