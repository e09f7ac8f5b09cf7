"""The interface overview (course "Fig. 4"): public and private lines and special interfaces on the
left, the communication server with its cards in the middle, terminals and applications on the right.

Left and right are ranks of a left-to-right graph: every left item has an edge into its server and
every right item an edge out of it, so Graphviz cannot place them on the wrong side.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from generator.diagrams.graph import INK, Graph, Html, esc, root_graph
from generator.diagrams.labels import PALETTE, Item, styled, group_table, icon_cell
from generator.i18n import Translator
from generator.model.project import Project
from generator.model.telephony import CommunicationServer, TerminalType
from generator.words import product

SPECIAL_ICONS = {"door_intercom": "door_intercom", "alarm": "alarm", "paging": "paging", "nurse_call": "nurse_call", "lift": "lift", "other": "other_system"}
TERMINAL_ICONS = {
    TerminalType.ANALOGUE: "analogue_phone",
    TerminalType.DIGITAL: "digital_phone",
    TerminalType.IP: "desk_phone",
    TerminalType.DECT: "dect_handset",
    TerminalType.SIP_DECT: "sip_dect_handset",
    TerminalType.SOFTPHONE: "softphone",
    TerminalType.MOBILE: "mobile",
}
APPLICATION_ICONS = {"voicemail": "voicemail", "crm_lookup": "lookup"}
MODELS_SHOWN = 6  # models listed per terminal type before the rest is summed up
GROUP_FROM = 4  # special interfaces of one kind shown one by one up to this count, then as one card


def server_label(server: CommunicationServer, t: Translator, project: Project) -> Html:
    """The server with its facts and, for an appliance, its slots and cards."""
    border, tint = PALETTE["server"]
    facts = [
        product(server.vendor, server.model),
        t.label("platform", server.platform) + (f" — {server.host}" if server.host else ""),
        t.t("diagrams.overview.software", version=server.software_version),
        server.edition and t.t("diagrams.overview.edition", edition=server.edition),
        server.role != "standalone" and t.label("server_role", server.role),
        server.failover_partner and t.t("diagrams.overview.failover", name=_server_name(project, server.failover_partner)),
        server.address and str(server.address),
    ]
    facts = [f for f in facts if f]
    rows = [f'<TR>{icon_cell("server", 40, rowspan=len(facts) + 1)}<TD ALIGN="LEFT" BALIGN="LEFT" COLSPAN="2">{styled(esc(server.name, 30), 13, INK, bold=True)}&#160;&#160;</TD></TR>']
    rows += [f'<TR><TD ALIGN="LEFT" COLSPAN="2" BALIGN="LEFT">{styled(esc(f, 34), 9)}</TD></TR>' for f in facts]
    if server.slots:
        rows.append(
            f'<TR><TD BGCOLOR="{tint}">{styled(esc(t.t("diagrams.overview.slot")), 9, INK, True)}</TD>'
            f'<TD BGCOLOR="{tint}" ALIGN="LEFT">{styled(esc(t.t("diagrams.overview.card")), 9, INK, True)}</TD>'
            f'<TD BGCOLOR="{tint}" ALIGN="LEFT">{styled(esc(t.t("diagrams.overview.modules")), 9, INK, True)}</TD></TR>'
        )
        for c in sorted(server.slots, key=lambda c: c.slot):
            rows.append(
                f'<TR><TD>{styled(str(c.slot), 10, INK)}</TD><TD ALIGN="LEFT">{styled(esc(c.type, 20), 10, INK, True)}</TD>'
                f'<TD ALIGN="LEFT">{styled(esc(", ".join(c.modules), 24) if c.modules else "—", 9)}</TD></TR>'
            )
    return Html(f'<TABLE BORDER="2" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" STYLE="ROUNDED" COLOR="{border}" BGCOLOR="white">{"".join(rows)}</TABLE>')


def _server_name(project: Project, server_id: str) -> str:
    server = project.server_by_id.get(server_id)
    return server.name if server else server_id


def _site_name(project: Project, site_id: str) -> str:
    site = project.site_by_id.get(site_id)
    return site.name if site else site_id


def _pretty(number: str) -> str:
    """A Swiss E.164 number grouped as people write it (+41 21 555 12 00); others unchanged."""
    if number.startswith("+41") and len(number) == 12:
        return f"{number[:3]} {number[3:5]} {number[5:8]} {number[8:10]} {number[10:]}"
    return number


def _numbers(blocks, t: Translator) -> str | None:
    """Number blocks in short: the first two ranges and the total count of numbers."""
    if not blocks:
        return None
    ranges = [f"{_pretty(b.first)}–{b.last[-2:] if b.size() <= 100 else b.last[-3:]}" for b in blocks[:2]]
    more = f" (+{len(blocks) - 2})" if len(blocks) > 2 else ""
    return ", ".join(ranges) + more + " · " + t.t("diagrams.overview.numbers", count=t.number(sum(b.size() for b in blocks)))


def _left(project: Project, t: Translator, server_ids: set[str], site: str | None) -> dict[str, list[tuple[str, Item]]]:
    """Left-side rows by group, each with the server it attaches to. A site's view keeps the lines
    of the servers standing on it (a remote server serving the site brings its terminals only)."""
    ifs = project.interfaces
    local = {i for i in server_ids if site is None or project.server_by_id[i].site == site}
    public: list[tuple[str, Item]] = []
    for tr in sorted((x for x in ifs.sip_trunks if x.server in local), key=lambda x: x.id):
        security = "TLS + SRTP" if tr.transport == "tls" and tr.srtp else tr.transport.upper() + (" + SRTP" if tr.srtp else "")
        public.append((tr.server, Item("sip_trunk", t.t("diagrams.overview.sip_trunk", provider=tr.provider), [t.t("diagrams.overview.channels", count=tr.channels) + " · " + security, _numbers(tr.number_blocks, t)])))
    for line in sorted((x for x in ifs.isdn_lines if x.server in local), key=lambda x: x.id):
        slot = t.t("diagrams.overview.in_slot", slot=line.slot) if line.slot is not None else None
        public.append((line.server, Item("isdn_line", t.t("diagrams.overview.isdn", kind=line.kind, provider=line.provider), [t.t("diagrams.overview.channels", count=line.channels) + (f" · {slot}" if slot else ""), _numbers(line.number_blocks, t)])))
    analogue: dict[tuple[str, str], list] = defaultdict(list)
    for line in (x for x in ifs.analogue_lines if x.server in local):
        analogue[(line.server, line.provider)].append(line)
    for (server_id, provider), lines in sorted(analogue.items()):
        purposes = sorted({ln.purpose for ln in lines if ln.purpose})
        details = [", ".join(_pretty(ln.number) for ln in sorted(lines, key=lambda ln: ln.number)[:3]) + (" …" if len(lines) > 3 else ""), ", ".join(purposes)]
        title = t.t("diagrams.overview.analogue_one", provider=provider) if len(lines) == 1 else t.t("diagrams.overview.analogue", count=len(lines), provider=provider)
        public.append((server_id, Item("analogue_line", title, details)))
    private = []
    for pl in sorted(ifs.private_lines, key=lambda x: x.id):
        facts = pl.protocol + (" · " + t.t("diagrams.overview.channels", count=pl.channels) if pl.channels else "")
        if pl.server in local:
            private.append((pl.server, Item("private_line", t.t("diagrams.overview.to_site", site=_site_name(project, pl.remote_site)), [facts, pl.medium, pl.remote_server and _server_name(project, pl.remote_server)])))
        elif pl.remote_server in local and pl.server in project.server_by_id:
            # The same interconnect seen from its far end.
            origin = project.server_by_id[pl.server]
            private.append((pl.remote_server, Item("private_line", t.t("diagrams.overview.to_site", site=_site_name(project, origin.site)), [facts, pl.medium, origin.name])))
    special = _special(project, t, server_ids, site)
    return {"public": public, "private": private, "special": special}


def _special(project: Project, t: Translator, server_ids: set[str], site: str | None) -> list[tuple[str, Item]]:
    items = [s for s in project.interfaces.special_interfaces if s.server in server_ids and (site is None or (s.site or project.server_by_id[s.server].site) == site)]
    by_kind: dict[tuple[str, str], list] = defaultdict(list)
    for s in items:
        by_kind[(s.server, s.kind.value)].append(s)
    out = []
    for (server_id, kind), group in sorted(by_kind.items(), key=lambda kv: (kv[0][0], list(SPECIAL_ICONS).index(kv[0][1]))):
        label = t.label("special_interface_kind", kind)
        if len(group) < GROUP_FROM:
            for s in sorted(group, key=lambda s: s.id):
                out.append((server_id, Item(SPECIAL_ICONS[kind], s.name, [label, " ".join(x for x in (s.vendor, s.model) if x), s.connection])))
        else:
            models = _counted(" ".join(x for x in (s.vendor, s.model) if x) or label for s in group)
            connections = sorted({s.connection for s in group})
            out.append((server_id, Item(SPECIAL_ICONS[kind], f"{label} × {len(group)}", [*models, *connections[:2]])))
    return out


def _counted(values: Iterable[str]) -> list[str]:
    totals: dict[str, int] = defaultdict(int)
    for v in values:
        totals[v] += 1
    return [f"{n} × {v}" for v, n in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]


def _right(project: Project, t: Translator, server_ids: set[str], site: str | None) -> dict[str, list[tuple[str, Item]]]:
    """Right-side cards by group: terminal types with counts, CTI, mobile, applications."""
    terms = project.terminals
    groups = [g for g in terms.terminals if g.server in server_ids and (site is None or g.site == site)]
    terminals = []
    for server_id in sorted({g.server for g in groups}):
        for ttype in TerminalType:
            of_type = [g for g in groups if g.server == server_id and g.type is ttype]
            if not of_type:
                continue
            models: dict[str, int] = defaultdict(int)
            for g in of_type:
                models[product(g.vendor, g.model)] += g.count
            ordered = sorted(models.items(), key=lambda kv: (-kv[1], kv[0]))
            # One model: the title already says how many ("Softphone: 25", then "3CX Web Client").
            lines = [m for m, _ in ordered] if len(ordered) == 1 else [f"{t.number(n)} × {m}" for m, n in ordered[:MODELS_SHOWN]]
            if len(ordered) > MODELS_SHOWN:
                rest = sum(n for _, n in ordered[MODELS_SHOWN:])
                lines.append(t.t("diagrams.overview.more_models", count=len(ordered) - MODELS_SHOWN, terminals=t.number(rest)))
            total = sum(g.count for g in of_type)
            terminals.append((server_id, Item(TERMINAL_ICONS[ttype], f"{t.label('terminal_type', ttype)}: {t.number(total)}", [None, *lines])))
    in_scope = (lambda server_id: server_id in server_ids) if site is None else (lambda server_id: server_id in server_ids and project.server_by_id[server_id].site == site)
    cti = [(c.server, Item("cti", c.name, [c.protocol + (f" · {c.product}" if c.product else ""), c.users is not None and t.t("diagrams.overview.users", count=t.number(c.users))])) for c in sorted(terms.cti, key=lambda c: c.id) if in_scope(c.server)]
    mobile = [(m.server, Item("mobile", m.product, [t.t(f"diagrams.mobile_kind.{m.kind}"), m.users and t.t("diagrams.overview.users", count=t.number(m.users))])) for m in sorted(terms.mobile_integration, key=lambda m: m.id) if in_scope(m.server)]
    apps = [(a.server, Item(APPLICATION_ICONS.get(a.kind, "application"), a.name, [t.t(f"diagrams.application_kind.{a.kind}"), " ".join(x for x in (a.product, a.version) if x)])) for a in sorted(terms.application_servers, key=lambda a: a.id) if in_scope(a.server)]
    apps += [(s.server, Item("lookup", s.product, [t.t("diagrams.overview.lookup", kind=t.t(f"diagrams.lookup_kind.{s.kind}")), s.scope])) for s in sorted(project.callerid, key=lambda s: s.id) if in_scope(s.server)]
    return {"terminals": terminals, "cti": cti, "mobile": mobile, "applications": apps}


def build(project: Project, t: Translator, servers: list[CommunicationServer], site: str | None, title: str) -> Graph:
    graph = root_graph(label=Html(styled(esc(title, 90), 16, INK, bold=True)), labelloc="t", labeljust="l", ranksep="1.1")
    server_ids = {s.id for s in servers}
    server_nodes = {s.id: graph.node(server_label(s, t, project), object_id=s.id) for s in servers}
    graph.column(list(server_nodes.values()))
    left = {"public": "public", "private": "private", "special": "special"}
    right = {"terminals": "terminal", "cti": "application", "mobile": "application", "applications": "application"}
    _side(graph, t, _left(project, t, server_ids, site), left, server_nodes, inward=True)
    _side(graph, t, _right(project, t, server_ids, site), right, server_nodes, inward=False)
    return graph


def _side(graph: Graph, t: Translator, groups: dict[str, list[tuple[str, Item]]], families: dict[str, str], server_nodes: dict[str, str], inward: bool) -> None:
    """One table per non-empty group; a line ties each row to its server (on the row's server side)."""
    column: list[str] = []
    for group, items in groups.items():
        if not items:
            continue
        family = families[group]
        node = graph.node(group_table(t.t(f"diagrams.overview.{group}"), family, [item for _, item in items]))
        column.append(node)
        for i, (server_id, _) in enumerate(items):
            if inward:
                graph.edge(f"{node}:e{i}:e", server_nodes[server_id], headport="w", color=PALETTE[family][0], dir="none")
            else:
                graph.edge(server_nodes[server_id], f"{node}:w{i}:w", tailport="e", color=PALETTE[family][0], dir="none")
    graph.column(column)



def servers_of_site(project: Project, site_id: str) -> list[CommunicationServer]:
    """Servers standing on a site, and those its terminals register to (a branch without its own server)."""
    ids = {s.id for s in project.servers if s.site == site_id} | {g.server for g in project.terminals.terminals if g.site == site_id}
    role = {"primary": 0, "standalone": 1, "standby": 2}
    return sorted((project.server_by_id[i] for i in ids if i in project.server_by_id), key=lambda s: (role[s.role], s.id))
