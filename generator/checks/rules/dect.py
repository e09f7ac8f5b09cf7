"""Internal wireless (course 5.3): base and controller capacities, repeaters, sync, PoE."""

from __future__ import annotations

from collections import defaultdict

from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity

COURSE = "Course 5.3, internal wireless (DECT)"


def base_capacity(ctx, base):
    """(max handsets figure, product name) of a monocell base, the course's lower bound (unconfirmed) when the model is unknown."""
    product = ctx.knowledge.find(base.model, "dect_base") or ctx.generic("dect-monocell")
    return product.figure("max_handsets"), product.name


@rule("DECT-MONOCELL", Category.DECT, Severity.ERROR, COURSE + ": a monocell base serves 6–10 handsets and each repeater takes one handset slot; Yealink W70B datasheet")
def monocell_capacity(ctx):
    project = ctx.project
    for system in project.dect.systems:
        if system.kind != "monocell":
            continue
        bases = project.bases_of(system.id)
        handsets = project.handsets_of(system.id)
        for base in bases:
            mine = [h for h in handsets if h.base == base.id or (len(bases) == 1 and not h.base)]
            repeaters = project.repeaters_of(base.id)
            used = [(ctx.knowledge.find(r.model, "dect_repeater") or ctx.generic("dect-repeater")).figure("handset_slots_used") for r in repeaters]
            slots = sum(f.value for f in used if f is not None)
            capacity, model = base_capacity(ctx, base)
            if capacity is not None and len(mine) + slots > capacity.value:
                yield hit(base, "model", figures=[capacity, *used], base=base.id, handsets=len(mine), repeaters=len(repeaters), capacity=capacity.value, model=model)


@rule("DECT-CASCADE", Category.DECT, Severity.ERROR, COURSE + ": repeaters cannot be cascaded")
def cascaded_repeater(ctx):
    for repeater in ctx.project.dect.repeaters:
        if repeater.upstream:
            yield hit(repeater, "upstream", repeater=repeater.id, upstream=repeater.upstream)


@rule("DECT-MULTICELL", Category.DECT, Severity.ERROR, COURSE + ": 200–250 handsets per controller; Yealink W80DM 100 handsets and 30 bases, W90DM 250 handsets", ("handsets", "bases"))
def multicell_capacity(ctx):
    project = ctx.project
    for system in project.dect.systems:
        if system.kind != "multicell":
            continue
        product = ctx.knowledge.find(system.manager_model, "dect_manager") or ctx.generic("dect-multicell")
        handsets = len(project.handsets_of(system.id))
        bases = len(project.bases_of(system.id))
        max_handsets = product.figure("max_handsets")
        max_bases = product.figure("max_bases")
        if max_handsets is not None and handsets > max_handsets.value:
            yield hit(system, "manager_model", object_id=f"{system.id}:handsets", variant="handsets", figures=[max_handsets], system=system.id, count=handsets, limit=max_handsets.value, model=product.name)
        if max_bases is not None and bases > max_bases.value:
            yield hit(system, "manager_model", object_id=f"{system.id}:bases", variant="bases", figures=[max_bases], system=system.id, count=bases, limit=max_bases.value, model=product.name)


@rule("DECT-SYNC-MASTER", Category.DECT, Severity.ERROR, COURSE + ": each synchronisation cluster needs exactly one base at sync level 1", ("none", "many"))
def sync_master(ctx):
    project = ctx.project
    for system in project.dect.systems:
        bases = project.bases_of(system.id)
        if system.kind != "multicell" or len(bases) < 2:
            continue
        clusters = defaultdict(list)
        for base in bases:
            clusters[base.sync_cluster or 1].append(base)
        for cluster, members in sorted(clusters.items()):
            masters = [b.id for b in members if b.sync_level == 1]
            if len(masters) != 1:
                variant = "none" if not masters else "many"
                yield hit(members[0], "sync_level", object_id=f"{system.id}:cluster{cluster}", variant=variant, system=system.id, cluster=cluster, masters=masters)


@rule("DECT-POE", Category.DECT, Severity.ERROR, COURSE + ": PoE switches with enough budget; IEEE 802.3 class power at the switch")
def poe_budget(ctx):
    watts = {int(k): f.value for k, f in ctx.generic("ieee-802.3-poe").group("class_watts").items()}
    drawn = defaultdict(float)
    for base in ctx.project.dect.bases:
        if base.switch:
            drawn[base.switch] += watts[base.poe_class if base.poe_class is not None else 0]
    for switch_id, load in sorted(drawn.items()):
        switch = ctx.project.device_by_id.get(switch_id)
        if switch is not None and switch.poe_budget_w is not None and load > switch.poe_budget_w:
            yield hit(switch, "poe_budget_w", switch=switch_id, load=round(load, 1), budget=switch.poe_budget_w)


@rule("DECT-LAN-SYNC", Category.DECT, Severity.WARNING, COURSE + ": LAN synchronisation by PTPv2 (IEEE 1588) with the bases of a sync cluster in one segment", ("ptp", "segment", "unsynchronised"))
def lan_sync(ctx):
    project = ctx.project
    for system in project.dect.systems:
        bases = project.bases_of(system.id)
        if system.kind == "multicell" and len(bases) > 1 and system.sync == "none":
            yield hit(system, "sync", variant="unsynchronised", system=system.id, bases=len(bases))
        if system.sync != "lan_ptp":
            continue
        switches = sorted({b.switch for b in bases if b.switch})
        without = [s for s in switches if project.device_by_id.get(s) is not None and project.device_by_id[s].ptp is not True]
        if without:
            yield hit(system, "sync", object_id=f"{system.id}:ptp", variant="ptp", system=system.id, switches=without)
        clusters = defaultdict(set)
        for b in bases:
            subnet = ctx.subnet_of(b.address)
            if subnet:
                clusters[b.sync_cluster or 1].add(subnet)
        for cluster, subnets in sorted(clusters.items()):
            if len(subnets) > 1:
                yield hit(system, "sync", object_id=f"{system.id}:cluster{cluster}", variant="segment", system=system.id, cluster=cluster, subnets=sorted(subnets))


@rule("DECT-PER-USER", Category.DECT, Severity.ERROR, "Aastra 400 series system functions and features R3.0 (syd-0367/1.3), 3.2.5.1: two DECT phones can be assigned per user")
def handsets_per_user(ctx):
    """The limit is the communication server's, so it holds for its own DECT (radio units on the
    server), not for a SIP-DECT system whose handsets register as SIP extensions."""
    project = ctx.project
    owned = defaultdict(list)
    for handset in project.handsets:
        system = project.dect_system_by_id.get(handset.system)
        if handset.user and system is not None and system.connection == "proprietary":
            owned[(handset.user, system.server)].append(handset)
    for (user_id, server_id), handsets in sorted(owned.items()):
        server = project.server_by_id.get(server_id)
        product = ctx.product_of(server) if server else None
        limit = product.figure("max_dect_handsets_per_user") if product else None
        if limit is not None and len(handsets) > limit.value:
            yield hit(handsets[limit.value], "user", object_id=user_id, figures=[limit], user=user_id, count=len(handsets), limit=limit.value, handsets=[h.id for h in handsets])


def base_calls(ctx, base):
    """(simultaneous calls figure, product name) of a base: its own model's, else the per-base figure
    of its system's manager; None when neither is known (no default: calls are never guessed)."""
    product = ctx.knowledge.find(base.model, "dect_base")
    figure = product.figure("max_simultaneous_calls") if product else None
    if figure is None:
        system = ctx.project.dect_system_by_id.get(base.system)
        product = ctx.knowledge.find(system.manager_model, "dect_manager") if system else None
        figure = product.figure("max_simultaneous_calls_per_base") if product else None
    return (figure, product.name) if figure is not None else (None, None)


@rule("DIM-DECT-CALLS", Category.DIMENSIONING, Severity.WARNING, COURSE + ": a repeater carries at most 2 calls, taken from its base's capacity; calls per base from the vendor catalogue", ("busy", "repeaters"))
def calls_per_base(ctx):
    """A base carries a fixed number of calls for its own cell and its repeaters' cells together."""
    project = ctx.project
    for base in project.dect.bases:
        capacity, model = base_calls(ctx, base)
        if capacity is None:
            continue
        repeaters = project.repeaters_of(base.id)
        taken = [(ctx.knowledge.find(r.model, "dect_repeater") or ctx.generic("dect-repeater")).figure("max_calls") for r in repeaters]
        by_repeaters = sum(f.value for f in taken if f is not None)
        if base.busy_calls is not None and base.busy_calls > capacity.value:
            yield hit(base, "busy_calls", object_id=f"{base.id}:busy", variant="busy", figures=[capacity], base=base.id, calls=base.busy_calls, capacity=capacity.value, model=model)
        if repeaters and by_repeaters >= capacity.value:
            yield hit(base, "model", object_id=f"{base.id}:repeaters", variant="repeaters", figures=[capacity, *taken], base=base.id, repeaters=len(repeaters), calls=by_repeaters, capacity=capacity.value, model=model)
