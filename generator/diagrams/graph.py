"""A small Graphviz DOT builder with HTML-like labels.

We write DOT ourselves instead of going through `diagrams` (mingrammer): the views need rank and
cluster control (left/right sides of the interface overview, one rank per side), stable node ids
and strict escaping of customer text, which that library does not give.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.escaping import graphviz_label, graphviz_string

FONT = "Arial"  # Graphviz measures with its metric twin (Liberation Sans); viewers have Arial or the twin
INK = "#1f2933"
MUTED = "#52606d"
LINE = "#9aa5b1"
ALERT = "#c0392b"
WRAP = 38  # characters per label line: keeps nodes narrow enough for A4 landscape
OBJECT_ID_PREFIX = "pbxdoc-object-"  # SVG id of a node drawing one object: prefix, node id, '-', object id


def esc(text: object, width: int = WRAP) -> str:
    """Customer text as HTML-label content (generator.escaping), wrapped at this module's width."""
    return graphviz_label(text, width)


quote = graphviz_string


def _attrs(attrs: dict[str, object]) -> str:
    parts = []
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, Html):
            parts.append(f"{key}=<{value.markup}>")
        else:
            parts.append(f"{key}={quote(value)}")
    return " [" + " ".join(parts) + "]" if parts else ""


@dataclass(frozen=True)
class Html:
    """Markup for an HTML-like label; only build it from `esc`-aped text and our own tags."""

    markup: str


@dataclass
class Graph:
    """A graph or cluster; ids are issued in creation order so that output is stable."""

    attrs: dict[str, object] = field(default_factory=dict)
    _lines: list[str] = field(default_factory=list)
    _counter: list[int] = field(default_factory=lambda: [0])
    _children: list["Graph"] = field(default_factory=list)
    _name: str = "pbxdoc"
    _defaults: list[str] = field(default_factory=list)

    def _next(self, prefix: str) -> str:
        self._counter[0] += 1
        return f"{prefix}{self._counter[0]}"

    def node(self, label: Html | str, object_id: str | None = None, **attrs) -> str:
        """A node; `object_id` names the object it draws (the site links the node to its page)."""
        node_id = self._next("n")
        if object_id:
            attrs = {**attrs, "id": f"{OBJECT_ID_PREFIX}{node_id}-{object_id}"}
        self._lines.append(f"{node_id}{_attrs({'label': label, **attrs})};")
        return node_id

    def edge(self, tail: str, head: str, label: Html | str | None = None, **attrs) -> None:
        self._lines.append(f"{tail} -> {head}{_attrs({'label': label, **attrs})};")

    def cluster(self, label: Html | str | None = None, **attrs) -> "Graph":
        child = Graph(attrs={"label": label, **attrs}, _counter=self._counter, _name=self._next("cluster_"))
        self._children.append(child)
        return child

    def has_clusters(self) -> bool:
        return bool(self._children)

    def same_rank(self, *node_ids: str) -> None:
        if node_ids:
            self._lines.append("{rank=same; " + " ".join(node_ids) + ";}")

    def column(self, node_ids: list[str]) -> None:
        """Nodes in one rank, top to bottom in the given order (invisible flat edges fix the order)."""
        self.same_rank(*node_ids)
        for upper, lower in zip(node_ids, node_ids[1:]):
            self.edge(upper, lower, style="invis")

    def stack(self, node_ids: list[str]) -> None:
        """Clusters top to bottom in the given order, each represented by one of its nodes: an
        invisible spine whose ordered edges reach them (dot ignores flat edges between clusters)."""
        if len(node_ids) < 2:
            return
        spine = self.node("", shape="point", width="0", height="0", style="invis", ordering="out")
        for node_id in node_ids:
            self.edge(spine, node_id, style="invis")

    def grid(self, node_ids: list[str], columns: int) -> None:
        """Lay nodes out in rows of `columns` (top-to-bottom graphs): each hangs below the one a row up."""
        for upper, lower in zip(node_ids, node_ids[columns:]):
            self.edge(upper, lower, style="invis")

    def raw(self, statement: str) -> None:
        self._lines.append(statement)

    def _body(self, indent: str) -> list[str]:
        out = [f"{indent}{key}=<{value.markup}>;" if isinstance(value, Html) else f"{indent}{key}={quote(value)};" for key, value in self.attrs.items() if value is not None]
        out.extend(indent + line for line in self._defaults)
        for child in self._children:
            out.append(f"{indent}subgraph {child._name} {{")
            out.extend(child._body(indent + "  "))
            out.append(f"{indent}}}")
        out.extend(indent + line for line in self._lines)
        return out

    def source(self) -> str:
        return "\n".join([f"digraph {self._name} {{", *self._body("  "), "}"]) + "\n"


def root_graph(rankdir: str = "LR", **attrs) -> Graph:
    """A graph with the house style: A4-landscape size, our font, plain nodes, quiet edges."""
    graph = Graph(attrs={"rankdir": rankdir, "size": "11.2,7.6", "pad": "0.2", "nodesep": "0.25", "ranksep": "0.9", "fontname": FONT, "fontsize": "12", "newrank": "true", "bgcolor": "white", **attrs})
    graph._defaults.append(f'node [shape=plain fontname="{FONT}" fontsize="11" fontcolor="{INK}"];')
    graph._defaults.append(f'edge [fontname="{FONT}" fontsize="9" fontcolor="{MUTED}" color="{LINE}" arrowsize="0.6" penwidth="1.2"];')
    return graph
