"""Call flow of one entry point: the number at the top, one branch per time mode (opening hours,
lunch, after hours, holidays), then every destination a call meets — voice menu keys, overflows,
timeouts — down to the person or voicemail that answers. Each destination is drawn once, so a
shared overflow joins the branches; dead ends and unheard voicemail are drawn in red."""

from __future__ import annotations

from collections import defaultdict

from generator.diagrams.graph import ALERT, INK, Graph, Html, esc, root_graph
from generator.diagrams.labels import PALETTE, card, styled
from generator.i18n import Translator
from generator.model.callflow import CallFlows, Target
from generator.model.project import Project
from generator.model.routing import EntryPoint
from generator.routing_text import RoutingText, phone

ICONS = {"user": "desk_phone", "group": "application", "queue": "application", "ivr": "application", "voicemail": "voicemail", "forward": "mobile"}
FAMILIES = {"user": "terminal", "group": "application", "queue": "application", "ivr": "application", "voicemail": "application", "forward": "public"}
MEMBERS_SHOWN = 3


def entries_with_flow(project: Project) -> list[EntryPoint]:
    return sorted(project.routing.entry_points, key=lambda e: e.id)


def _details(flows: CallFlows, t: Translator, target: Target) -> list[str]:
    r = target.record
    users = flows.project.user_by_id
    if target.kind == "user":
        return [t.t("diagrams.callflow.extension", extension=r.extension)]
    if target.kind in ("group", "queue"):
        names = [users[m].display_name for m in r.members if m in users]
        shown = names[:MEMBERS_SHOWN] + ([t.t("diagrams.callflow.more", count=len(names) - MEMBERS_SHOWN)] if len(names) > MEMBERS_SHOWN else [])
        kind = t.t(f"diagrams.callflow.{r.kind}_group" if target.kind == "group" else "diagrams.callflow.queue")
        seconds = r.ring_seconds if target.kind == "group" else r.max_wait_seconds
        return [t.t("diagrams.callflow.kind_time", kind=kind, seconds=seconds), ", ".join(shown)]
    if target.kind == "ivr":
        return [t.t("diagrams.callflow.ivr")]
    if target.kind == "voicemail":
        contacts = flows.project.contact_by_id  # internal contacts are not in the customer's project: left out
        listeners = [contacts[x].name if x in contacts else users[x].display_name for x in r.listeners if x in contacts or x in users]
        heard = t.t("diagrams.callflow.every_hours", hours=r.check_every_hours) if r.check_every_hours else None
        return [t.t("diagrams.callflow.voicemail"), ", ".join(listeners), heard]
    return [phone(r.number), t.t("diagrams.callflow.via", trunk=r.trunk), r.answered_by]


def _alerts(flows: CallFlows, t: Translator, target: Target) -> list[str]:
    r = target.record
    if target.kind in ("group", "queue") and not r.members:
        return [t.t("diagrams.callflow.no_members")]
    if target.kind == "voicemail" and not flows.monitored(r):
        return [t.t("diagrams.callflow.unheard")]
    return []


def build(project: Project, t: Translator, entry: EntryPoint, title: str) -> Graph:
    flows = CallFlows(project)
    words = RoutingText(t, flows)
    graph = root_graph(rankdir="TB", label=Html(styled(esc(title, 90), 16, INK, bold=True)), labelloc="t", labeljust="l", nodesep="0.25", ranksep="0.45")
    numbers = [phone(n) for n in entry.numbers]
    site = project.site_by_id.get(entry.site)
    start = graph.node(card("sip_trunk", entry.name, [", ".join(numbers), site.name if site else entry.site], "public"))
    nodes: dict[str, str] = {}
    pending: list[Target] = []

    def node_of(destination: str | None) -> str:
        """The node of a destination, drawn once; its own ways out are drawn from `pending`."""
        target = flows.target(destination)
        if target is None:
            return graph.node(card("alert", words.w("nowhere") if destination is None else words.w("unknown", id=destination), [], "alert"))
        if target.id not in nodes:
            nodes[target.id] = graph.node(card(ICONS[target.kind], target.name, _details(flows, t, target), FAMILIES[target.kind], alerts=_alerts(flows, t, target)))
            pending.append(target)
        return nodes[target.id]

    by_destination: dict[str | None, list[str]] = defaultdict(list)
    for mode in flows.modes(entry):
        by_destination[entry.routes.of(mode)].append(mode)
    for destination, modes in by_destination.items():
        lines = [styled(esc(words.mode(m), 30), 10, INK, bold=True) + ("<BR/>" + styled(esc(words.when(entry, m), 30), 8) if m in ("open", "lunch") and words.when(entry, m) else "") for m in modes]
        text = "<BR/>".join(lines)
        color = ALERT if destination is None else PALETTE["public"][0]
        graph.edge(start, node_of(destination), Html(text), color=color, penwidth="1.6")
    while pending:
        target = pending.pop(0)
        for edge in flows.edges(target):
            color = ALERT if edge.to is None else PALETTE["application"][0]
            label = styled(esc(_edge_label(t, target, edge), 28), 9, color)
            graph.edge(nodes[target.id], node_of(edge.to), Html(label), color=color, style="dashed" if edge.automatic else "solid")
    return graph


def _edge_label(t: Translator, target: Target, edge) -> str:
    if edge.label == "overflow":
        seconds = target.record.ring_seconds if target.kind == "group" else target.record.max_wait_seconds
        return t.t("diagrams.callflow.after", seconds=seconds)
    if edge.label == "timeout":
        return t.t("diagrams.callflow.timeout", seconds=target.record.timeout_seconds)
    if edge.label == "invalid":
        return t.t("diagrams.callflow.invalid")
    option = next((o for o in target.record.options if o.key == edge.label), None)
    return t.t("diagrams.callflow.key", digit=edge.label) + (f" {option.label}" if option and option.label else "")
