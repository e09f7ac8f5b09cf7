"""How to verify a restored system, derived from what depends on it in the data: trunks to
register, numbers to call, DECT handsets to register, bases a switch powers, links a router carries."""

from __future__ import annotations

from generator.i18n import Translator
from generator.model.project import Project
from generator.runbooks.prerequisites import readable_phone
from generator.runbooks.subjects import Subject, covered_by_server
from generator.words import product


def _w(t: Translator):
    return lambda key, **values: t.t(f"runbooks.verify.{key}", **values)


def _server(project: Project, s: Subject, t: Translator) -> list[str]:
    w = _w(t)
    iface = project.interfaces
    checks = []
    for trunk in (x for x in iface.sip_trunks if x.server == s.id):
        checks.append(w("sip_trunk", id=trunk.id, provider=trunk.provider, registrar=trunk.registrar or "?", channels=trunk.channels))
    for line in (x for x in iface.isdn_lines if x.server == s.id):
        checks.append(w("isdn", id=line.id, kind=line.kind, provider=line.provider, slot=line.slot if line.slot is not None else "?"))
    for line in (x for x in iface.analogue_lines if x.server == s.id):
        checks.append(w("analogue", id=line.id, number=readable_phone(line.number), purpose=line.purpose or line.provider))
    for line in (x for x in iface.private_lines if x.server == s.id):
        site = project.site_by_id.get(line.remote_site)
        checks.append(w("private_line", id=line.id, site=site.name if site else line.remote_site, protocol=line.protocol))
    checks.append(w("internal_call"))
    main = project.numbering.main_number and readable_phone(project.numbering.main_number)
    if main:
        checks.append(w("inbound_call", number=main))
    if any(r.server == s.id for r in project.numbering.outbound_routes) or iface.sip_trunks or iface.isdn_lines:
        checks.append(w("outbound_call", number=main or "?"))
    site_ids = {s.site}
    emergency = sorted({r.number for r in project.numbering.emergency_routes if r.site in site_ids})
    if emergency:
        checks.append(w("emergency", numbers=", ".join(emergency)))
    for system in (d for d in project.dect.systems if d.server == s.id):
        checks.append(w("dect", name=system.name, id=system.id, handsets=len(project.handsets_of(system.id)), bases=len(project.bases_of(system.id))))
    for kind in ("ip", "digital", "analogue"):
        groups = [g for g in project.terminals.terminals if g.server == s.id and g.type.value == kind]
        if groups:
            models = ", ".join(f"{t.number(g.count)} × {product(g.vendor, g.model)}" for g in groups)
            checks.append(w(f"terminals_{kind}", count=sum(g.count for g in groups), models=models))
    desks = [d for d in project.numbering.hot_desks if d.site in site_ids]
    if desks:
        checks.append(w("hot_desk", extension=desks[0].extension or desks[0].id, location=desks[0].location))
    for item in covered_by_server(project, s.id):
        checks.append(w("covered", name=item.name, id=item.id))
    record = s.record
    if record.failover_partner:
        checks.append(w("failover", partner=record.failover_partner))
    return checks


def _dect(project: Project, s: Subject, t: Translator) -> list[str]:
    w = _w(t)
    system = s.record
    bases = project.bases_of(s.id)
    checks = [w("dect_bases", count=len(bases), ids=", ".join(b.id for b in bases))]
    masters = sorted(f"{b.id} ({t.t('runbooks.verify.cluster', cluster=b.sync_cluster)})" for b in bases if b.sync_level == 1 and b.sync_cluster)
    if masters:
        checks.append(w("dect_sync", masters=", ".join(masters)))
    handsets = project.handsets_of(s.id)
    checks.append(w("dect_handsets", count=len(handsets), server=system.server))
    checks.append(w("dect_call"))
    repeaters = [r for b in bases for r in project.repeaters_of(b.id)]
    if repeaters:
        checks.append(w("dect_repeaters", ids=", ".join(f"{r.id} ({r.location})" for r in repeaters)))
    return checks


def _device(project: Project, s: Subject, t: Translator) -> list[str]:
    w = _w(t)
    checks = []
    for base in (b for b in project.dect.bases if b.switch == s.id):
        checks.append(w("poe_base", id=base.id, port=base.switch_port or "?"))
    links = [link for link in project.availability.wan_links if link.router == s.id]
    for link in links:
        checks.append(w("wan_link", id=link.id, provider=link.provider, medium=t.label("wan_medium", link.medium)))
    for trunk in (x for x in project.interfaces.sip_trunks if x.wan_link in {link.id for link in links}):
        checks.append(w("trunk_over_link", id=trunk.id, provider=trunk.provider))
    for server in (x for x in project.servers if x.host and s.id in x.host):
        checks.append(w("hosted_server", id=server.id, name=server.name))
    for job in (j for j in project.backups.jobs if s.id in j.destination or (s.address and s.address in j.destination)):
        checks.append(w("backup_target", id=job.id, destination=job.destination))
    return checks


def _other(project: Project, s: Subject, t: Translator) -> list[str]:
    w = _w(t)
    if s.kind == "special_interface":
        kind = s.record.kind.value
        return [w(f"special.{kind}", name=t.label("special_interface_kind", kind), connection=s.record.connection)]
    return [w("application", name=s.name, product=s.record.product)]


def checks(project: Project, s: Subject, t: Translator) -> tuple[str, ...]:
    """Checks after a restore, each naming the data it comes from."""
    by_kind = {"server": _server, "dect_system": _dect, "device": _device}
    return tuple(by_kind.get(s.kind, _other)(project, s, t))
