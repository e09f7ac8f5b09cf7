"""Hardware capacity of appliances (course 5.1): slots, card limits, FXS heat, power budget, DSP modules.

Every limit comes from the server's product in the vendor catalogue; a server whose model is not
in the catalogue is not checked here (HW-UNKNOWN says so).
"""

from __future__ import annotations

from collections import Counter

from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity
from generator.words import product as product_name

MANUAL = "Aastra 470 system manual R3.0 (syd-0337/1.5), ch. 3.3; Aastra 415/430 system manual R3.2, 4.5.4"


def appliances(ctx):
    """(server, product) for every appliance whose model the vendor catalogue knows."""
    for server in ctx.project.servers:
        product = ctx.product_of(server)
        if product is not None and server.platform.value == "appliance":
            yield server, product


def known_types(product) -> set[str]:
    return {str(product.value("cpu_card", "")).upper()} | {t.upper() for g in ("card_power_w", "fxs_ports", "dsi_ports", "card_function") for t in product.group(g)}


@rule("HW-SLOT", Category.HARDWARE, Severity.ERROR, "Course 5.1, Mitel 470 installation: CPU1 in slot 1, interface cards from slot 3, slot 2 empty; " + MANUAL, ("reserved", "cpu", "no_slot", "beyond"))
def slot_placement(ctx):
    for server, product in appliances(ctx):
        reserved = product.value("reserved_slots", [])
        cpu_slot = product.value("cpu_slot")
        cpu_card = str(product.value("cpu_card", "")).upper()
        slots = product.value("interface_slots")
        last = product.figure("last_slot")
        for card in server.slots:
            if last is not None and card.slot > last.value:
                yield hit(card, "slot", object_id=f"{server.id}:slot{card.slot}", variant="beyond", figures=[last], server=server.id, slot=card.slot, card=card.type, model=product.name, last=last.value)
            elif card.slot in reserved:
                yield hit(card, "slot", object_id=f"{server.id}:slot{card.slot}", variant="reserved", server=server.id, slot=card.slot, card=card.type, first=product.value("first_interface_slot", ""))
            elif cpu_slot is not None and (card.slot == cpu_slot) != (card.type.upper() == cpu_card):
                yield hit(card, "slot", object_id=f"{server.id}:slot{card.slot}", variant="cpu", server=server.id, slot=card.slot, card=card.type, cpu_slot=cpu_slot, cpu=cpu_card)
            elif slots is not None and card.slot != 0 and card.slot not in slots:
                yield hit(card, "slot", object_id=f"{server.id}:slot{card.slot}", variant="no_slot", server=server.id, slot=card.slot, card=card.type, model=product.name, slots=slots)


@rule("HW-CARD-COUNT", Category.HARDWARE, Severity.ERROR, MANUAL + ", Tab. 25: at most 7 cards of a type, one fewer with the CPU2 application card")
def cards_per_type(ctx):
    for server, product in appliances(ctx):
        limited = set(product.value("limited_card_types", []))
        if not limited:
            continue
        types = [c.type.upper() for c in server.slots]
        app_card = product.value("application_card")
        with_app = app_card is not None and app_card.upper() in types
        limit = product.value("max_cards_per_type_with_application_card" if with_app else "max_cards_per_type")
        for card_type, count in sorted(Counter(t for t in types if t in limited).items()):
            if count > limit:
                first = next(c for c in server.slots if c.type.upper() == card_type)
                yield hit(first, "type", object_id=f"{server.id}:{card_type}", server=server.id, card=card_type, count=count, limit=limit)


def fxs_capacity(server, product) -> tuple[int, int, float]:
    """(FXS ports of the appliance, ports on cards with a heat limit, how many of those may be active)."""
    ports = product.group("fxs_ports")
    shares = product.group("fxs_max_active_share")
    total = product.value("onboard_fxs_ports", 0)
    limited = 0
    allowed = 0.0
    for card in server.slots:
        figure = ports.get(card.type.upper())
        if figure:
            total += figure.value
            if card.type.upper() in shares:
                limited += figure.value
                allowed += figure.value * shares[card.type.upper()].value
    return total, limited, allowed


def analogue_terminals(ctx, server) -> int:
    return sum(t.count for t in ctx.terminals_of(server.id, "analogue"))


@rule("HW-PORTS", Category.HARDWARE, Severity.ERROR, MANUAL + ", Tab. 25 (ports per card; 4 FXS on CPU1; 2 terminals per DSI port); OpenScape Business boards", ("fxs", "dsi"))
def terminal_ports(ctx):
    for server, product in appliances(ctx):
        fxs = product.group("fxs_ports")
        if fxs:
            ports, _, _ = fxs_capacity(server, product)
            analogue = analogue_terminals(ctx, server)
            if analogue > ports:
                used = [fxs[c.type.upper()] for c in server.slots if c.type.upper() in fxs]
                yield hit(server, "slots", object_id=f"{server.id}:fxs", variant="fxs", figures=used, server=server.id, terminals=analogue, ports=ports)
        dsi = product.group("dsi_ports")
        if dsi:
            used = [dsi[c.type.upper()] for c in server.slots if c.type.upper() in dsi]
            per_port = product.figure("terminals_per_dsi_port")
            ports = sum(f.value for f in used)
            capacity = ports * (per_port.value if per_port else 1)
            digital = sum(t.count for t in ctx.terminals_of(server.id, "digital"))
            if digital > capacity:
                yield hit(server, "slots", object_id=f"{server.id}:dsi", variant="dsi", figures=[*used, per_port], server=server.id, terminals=digital, ports=ports, capacity=capacity)


@rule("HW-FXS-HEAT", Category.HARDWARE, Severity.WARNING, MANUAL + ", Tab. 25 notes: at most 50 FXS ports active per system and 30 % of a 32FXS card", ("system", "card"))
def fxs_heat(ctx):
    for server, product in appliances(ctx):
        system_max = product.value("fxs_max_active")
        if system_max is None:
            continue
        ports, limited, allowed = fxs_capacity(server, product)
        analogue = analogue_terminals(ctx, server)
        # Terminals that cannot fit on the other ports end up on the heat-limited cards (32FXS).
        on_limited = max(0, analogue - (ports - limited))
        if analogue > system_max:
            yield hit(server, "slots", variant="system", server=server.id, terminals=analogue, limit=system_max)
        elif limited and on_limited > allowed:
            yield hit(server, "slots", variant="card", server=server.id, terminals=on_limited, limit=int(allowed), percent=round(allowed * 100 / limited))


def terminal_figure(product, model: str, kind: str):
    """The power figure of a terminal: its model's when the table names it, else the figure of its kind."""
    text = model.lower()
    by_model = product.group("terminal_model_power_w")
    named = sorted((name for name in by_model if name.lower() in text), key=len, reverse=True)
    return by_model[named[0]] if named else product.group("terminal_power_w").get(kind)


def power_budget(ctx, server, product):
    """(budget W, demand W, figures used) of the appliance's terminal power, or None."""
    totals = product.group("psu_total_w")
    if not totals:
        return None
    supply = server.power_supply or "internal"
    card_power = product.group("card_power_w")
    module_power = product.group("module_power_w")
    hardware = product.value("base_system_power_w", 0)
    for card in server.slots:
        hardware += card_power[card.type.upper()].value if card.type.upper() in card_power else 0
        hardware += sum(module_power[m.upper()].value for m in card.modules if m.upper() in module_power)
    if server.redundant_fans:
        hardware += product.value("redundant_fan_power_w", 0)
    budget = (totals[supply].value - hardware) * product.value("power_budget_factor", 1)
    demand = 0.0
    used = []
    for t in ctx.terminals_of(server.id, "digital", "analogue"):
        figure = terminal_figure(product, t.model, t.type.value)
        if figure:
            demand += t.count * figure.value
            used.append(figure)
    # Radio units of the system's own DECT (SB-4+/SB-8 on DSI ports) draw from the same supply.
    own_dect = {d.id for d in ctx.project.dect.systems if d.server == server.id and d.connection == "proprietary"}
    for base in ctx.project.dect.bases:
        figure = terminal_figure(product, base.model, "") if base.system in own_dect else None
        if figure:
            demand += figure.value
            used.append(figure)
    return budget, demand, used


@rule("HW-POWER", Category.HARDWARE, Severity.ERROR, MANUAL + ": terminal power budget = (P_total − P_hw) × 0.8; Tab. 35 average power of terminals")
def terminal_power(ctx):
    for server, product in appliances(ctx):
        result = power_budget(ctx, server, product)
        if result is None:
            continue
        budget, demand, used = result
        if demand > budget:
            yield hit(server, "power_supply", figures=used, server=server.id, demand=round(demand, 1), budget=round(budget, 1), supply_key=f"checks.power_supply.{server.power_supply or 'internal'}")


@rule("HW-DSP", Category.HARDWARE, Severity.ERROR, MANUAL + ": DSP modules mount on CPU1 (SM1 on 415/430), at most 2 SM-DSPX1", ("count", "carrier"))
def dsp_modules(ctx):
    for server, product in appliances(ctx):
        limits = product.group("module_max_per_system")
        carriers = [c.upper() for c in product.value("module_carrier", [])]
        counts = Counter(m.upper() for card in server.slots for m in card.modules)
        for module, count in sorted(counts.items()):
            if module in limits and count > limits[module].value:
                yield hit(server, "slots", object_id=f"{server.id}:{module}", variant="count", server=server.id, module=module, count=count, limit=limits[module].value)
        for card in server.slots:
            if card.modules and carriers and card.type.upper() not in carriers and f"SM{card.slot}" not in carriers:
                yield hit(card, "modules", object_id=f"{server.id}:slot{card.slot}", variant="carrier", server=server.id, card=card.type, slot=card.slot, carriers=carriers)


@rule("HW-UNKNOWN", Category.HARDWARE, Severity.INFO, "pbxdoc vendor catalogue (generator/knowledge/vendors, extended by the project's vendors/ folder)", ("model", "card"))
def unknown_hardware(ctx):
    for server in ctx.project.servers:
        if server.platform.value == "appliance" and server.slots and ctx.product_of(server) is None:
            yield hit(server, "model", variant="model", server=server.id, model=product_name(server.vendor, server.model))
    for server, product in appliances(ctx):
        known = known_types(product) | {c.upper() for c in product.value("module_carrier", [])}
        for card in server.slots:
            if card.type.upper() not in known:
                yield hit(card, "type", object_id=f"{server.id}:slot{card.slot}", variant="card", server=server.id, card=card.type, model=product.name)
