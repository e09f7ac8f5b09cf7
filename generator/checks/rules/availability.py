"""Availability (course 6.1): WAN links and media, SIP providers and fallback routes, UPS, failover."""

from __future__ import annotations

from collections import defaultdict

from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity

COURSE = "Course 6.1, availability: redundancy of connectivity, voice, power and systems"
NETWORK_KINDS = {"router", "firewall", "ont", "modem", "sbc", "gateway"}


def server_sites_with_sip(project) -> list[str]:
    servers = {s.id: s for s in project.servers}
    sites = {servers[t.server].site for t in project.interfaces.sip_trunks if t.server in servers and servers[t.server].platform.value != "cloud"}
    return sorted(sites)


@rule("AVL-WAN", Category.AVAILABILITY, Severity.WARNING, COURSE + ": several Internet connections on different media (fibre, CATV, DSL, 4G/5G)", ("single", "medium"))
def wan_links(ctx):
    project = ctx.project
    links = defaultdict(list)
    for link in project.availability.wan_links:
        links[link.site].append(link)
    for site_id in server_sites_with_sip(project):
        site = project.site_by_id.get(site_id)
        mine = links.get(site_id, [])
        if len(mine) < 2:
            yield hit(mine[0] if mine else site, "medium" if mine else "id", object_id=site_id, variant="single", site=site_id, count=len(mine))
        elif len({link.medium for link in mine}) < 2:
            yield hit(mine[0], "medium", object_id=site_id, variant="medium", site=site_id, medium_key=f"model.wan_medium.{mine[0].medium}")


@rule("AVL-SIP-PROVIDER", Category.AVAILABILITY, Severity.WARNING, COURSE + ": several VoIP SIP connections with different operators and a fallback destination")
def sip_providers(ctx):
    itf = ctx.project.interfaces
    for server in ctx.project.servers:
        trunks = [t for t in itf.sip_trunks if t.server == server.id]
        other_lines = [line for line in [*itf.isdn_lines, *itf.analogue_lines] if line.server == server.id]
        providers = sorted({t.provider for t in trunks})
        if len(providers) == 1 and not other_lines:
            yield hit(trunks[0], "provider", object_id=server.id, server=server.id, provider=providers[0])


@rule("AVL-ROUTE-FALLBACK", Category.AVAILABILITY, Severity.WARNING, COURSE + "; 3CX admin manual: an outbound rule holds up to 5 routes, one route means no trunk fallback", ("single", "too_many"))
def route_fallback(ctx):
    project = ctx.project
    itf = project.interfaces
    lines = defaultdict(int)
    for line in [*itf.sip_trunks, *itf.isdn_lines, *itf.analogue_lines]:
        lines[line.server] += 1
    for route in project.numbering.outbound_routes:
        if len(route.trunks) == 1 and lines[route.server] > 1:
            yield hit(route, "trunks", variant="single", route=route.id, pattern=route.pattern, lines=lines[route.server])
        server = project.server_by_id.get(route.server)
        product = ctx.product_of(server) if server else None
        limit = product.value("outbound_route_max_trunks") if product else None
        if limit is not None and len(route.trunks) > limit:
            yield hit(route, "trunks", variant="too_many", route=route.id, count=len(route.trunks), limit=limit)


def host_id(server) -> str | None:
    """The id a virtual server's host is known by (the first word of `host`)."""
    return server.host.split()[0] if server.host else None


@rule("AVL-UPS", Category.AVAILABILITY, Severity.ERROR, COURSE + ": redundant power supply (UPS, generator)")
def server_on_ups(ctx):
    for server in ctx.project.servers:
        if server.platform.value == "cloud":
            continue
        if server.id not in ctx.powered_by_ups and host_id(server) not in ctx.powered_by_ups:
            yield hit(server, "id", server=server.id, host=host_id(server) or server.id)


@rule("AVL-UPS-LOAD", Category.AVAILABILITY, Severity.WARNING, "UPS good practice: keep the load at or below 75 % of capacity (pbxdoc.policy ups_max_load_percent)")
def ups_load(ctx):
    limit = ctx.policy.ups_max_load_percent
    for ups in ctx.project.availability.ups:
        if ups.load_w is not None and ups.load_w * 100 > ups.capacity_w * limit:
            yield hit(ups, "load_w", ups=ups.id, load=round(ups.load_w * 100 / ups.capacity_w, 1), limit=limit, watts=ups.load_w, capacity=ups.capacity_w)


@rule("AVL-UPS-NETWORK", Category.AVAILABILITY, Severity.WARNING, COURSE + "; UPS good practice: include PoE switches and the router/ONT in the protected load")
def network_on_ups(ctx):
    project = ctx.project
    sites = {s.site for s in project.servers if s.platform.value != "cloud"} | {u.site for u in project.availability.ups}
    feeding_bases = {b.switch for b in project.dect.bases if b.switch}
    for device in project.network.devices:
        if device.site not in sites or device.id in ctx.powered_by_ups:
            continue
        poe_switch = device.kind.value == "switch" and (device.poe_budget_w or device.id in feeding_bases)
        if poe_switch or device.kind.value in NETWORK_KINDS:
            yield hit(device, "id", device=device.id, kind_key=f"model.device_kind.{device.kind.value}", site=device.site)


@rule("AVL-FAILOVER-PAIR", Category.AVAILABILITY, Severity.ERROR, COURSE + " (failover); course 6.3: same software version; 3CX admin manual: no failover between on-premise and cloud", ("version", "hosting"))
def failover_pair(ctx):
    project = ctx.project
    for server in project.servers:
        partner = project.server_by_id.get(server.failover_partner) if server.failover_partner else None
        if partner is None or (partner.failover_partner == server.id and partner.id < server.id):
            continue  # a pair that names each other is reported once
        if partner.software_version.strip() != server.software_version.strip():
            yield hit(server, "software_version", object_id=f"{server.id}:version", variant="version", server=server.id, version=server.software_version, partner=partner.id, partner_version=partner.software_version)
        product = ctx.product_of(server)
        if product is not None and product.value("failover_same_hosting") and (server.platform.value == "cloud") != (partner.platform.value == "cloud"):
            yield hit(server, "platform", object_id=f"{server.id}:hosting", variant="hosting", server=server.id, platform_key=f"model.platform.{server.platform.value}", partner=partner.id, partner_platform_key=f"model.platform.{partner.platform.value}")


@rule("AVL-TRUNK-ROLE", Category.AVAILABILITY, Severity.WARNING, COURSE + ": a fallback connection carries calls only when the primary one fails", ("fallback_first",))
def fallback_trunk_first(ctx):
    """A fallback-only line tried before a primary line of the same route carries the everyday
    traffic (its channels and costs were sized for outages); a route of fallback lines alone (a
    standby server's) has nothing better to try."""
    itf = ctx.project.interfaces
    roles = {line.id: line.role for line in [*itf.sip_trunks, *itf.isdn_lines, *itf.analogue_lines]}
    for route in ctx.project.numbering.outbound_routes:
        first = route.trunks[0]
        if roles.get(first) == "fallback" and any(roles.get(t) == "primary" for t in route.trunks[1:]):
            yield hit(route, "trunks", variant="fallback_first", route=route.id, pattern=route.pattern, trunk=first)
