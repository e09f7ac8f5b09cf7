"""Write a synthetic large customer project for the load benchmark.

A fictional Swiss hospital group: 30 sites, 5,000 users, 400 DECT handsets, 300 subnets and
10,000 change-log entries at scale 1. The project is valid by construction (every reference,
number block, address and file exists), so that the benchmark measures a realistic load, not an
error path. Everything is derived from the scale and a fixed seed: two runs write identical files.

    python bench/make_large.py [--out DIR] [--scale F]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "large"
SEED = 20261120
FULL = {"sites": 30, "users": 5000, "handsets": 400, "changes": 10_000}
HOSTS_PER_SITE = 90

AREA_CODES = ("21", "22", "24", "26", "27", "31", "32", "41", "44", "61", "62", "71", "81", "91")
TOWNS = (
    "Lausanne", "Genève", "Yverdon", "Neuchâtel", "Sion", "Berne", "Bienne", "Lucerne", "Zurich", "Bâle",
    "Olten", "Saint-Gall", "Coire", "Lugano", "Montreux", "Nyon", "Morges", "Fribourg", "Martigny", "Thoune",
    "Soleure", "Aarau", "Winterthour", "Zoug", "Schaffhouse", "Frauenfeld", "Bellinzone", "Delémont", "Vevey", "Renens",
)
FIRST = ("Anne", "Pierre", "Sophie", "Marc", "Claire", "Nicolas", "Laura", "Julien", "Elena", "Marco", "Urs", "Regula",
         "Daniel", "Chiara", "Thomas", "Nathalie", "Luca", "Sandrine", "Reto", "Camille")
LAST = ("Favre", "Rochat", "Müller", "Meier", "Bernasconi", "Rossi", "Chappuis", "Keller", "Bovet", "Pittet",
        "Schmid", "Galli", "Monnier", "Huber", "Jaccard", "Colombo", "Girard", "Steiner", "Perrin", "Weber")
DEPARTMENTS = ("Réception", "Soins", "Médecine", "Administration", "Service technique", "Radiologie", "Laboratoire", "Direction")
EMERGENCY = ("112", "117", "118", "143", "144", "145", "147")
SWITCHES_PER_SITE = 2
DECT_SYSTEM_CAPACITY = 250  # Yealink W90: accounts per manager (repeaters would take slots; none here)
HANDSETS_PER_DECT_SYSTEM = 100  # well under capacity, as an integrator would plan it
BASES_PER_DECT_SYSTEM = 8


@dataclass
class Plan:
    """Sizes derived from the scale, and the ids shared between files."""

    scale: float
    sites: list[str] = field(default_factory=list)
    servers: list[dict] = field(default_factory=list)
    site_server: dict[str, str] = field(default_factory=dict)
    trunks: dict[str, list[str]] = field(default_factory=dict)  # server -> its trunks
    blocks: dict[str, tuple[str, str]] = field(default_factory=dict)  # site -> first/last DID
    users: list[dict] = field(default_factory=list)
    devices: list[dict] = field(default_factory=list)
    subnets: list[dict] = field(default_factory=list)
    dect_systems: list[dict] = field(default_factory=list)
    bases: list[dict] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)
    manual_backups: list[dict] = field(default_factory=list)
    handsets_per_system: dict[str, int] = field(default_factory=dict)

    def size(self, name: str, minimum: int = 1) -> int:
        return max(minimum, round(FULL[name] * self.scale))


# --- writing -----------------------------------------------------------------------------------
def write_yaml(out: Path, name: str, data) -> None:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200, default_flow_style=None)
    (out / f"{name}.yaml").write_text(f"# yaml-language-server: $schema=../../schemas/{name}.schema.json\n{text}", encoding="utf-8")


def write_csv(out: Path, name: str, columns: list[str], rows: list[dict]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["; ".join(v) if isinstance(v := row.get(c, ""), list) else v for c in columns])
    (out / f"{name}.csv").write_text(buffer.getvalue(), encoding="utf-8")


# --- organisation --------------------------------------------------------------------------------
def root_file() -> dict:
    return {
        "customer": {"id": "groupe-hospitalier-synthetique", "name": "Groupe hospitalier synthétique SA",
                     "address": {"street": "Rue du Banc d'Essai 1", "postcode": "1000", "city": "Lausanne", "canton": "VD"}},
        "integrator": {"name": "Léman Télécom Sàrl", "phone": "+41 21 555 80 00", "email": "support@leman-telecom.example.ch"},
        "language": "fr",
        "document": {"id_prefix": "GHS-TEL", "version": "1.0", "date": dt.date(2026, 11, 20), "author": "Banc de mesure pbxdoc"},
        "confidentiality_clause": "Données fictives générées pour mesurer les performances de pbxdoc.",
    }


def sites(plan: Plan) -> list[dict]:
    result = []
    for i in range(plan.size("sites", 2)):
        sid = f"s{i + 1:02d}"
        plan.sites.append(sid)
        town = TOWNS[i % len(TOWNS)]
        result.append({"id": sid, "name": f"{town} — site {i + 1}", "role": "main" if i == 0 else "branch",
                       "address": {"street": f"Avenue de l'Hôpital {i + 1}", "postcode": f"{1000 + i * 10}", "city": town}})
    return result


def contacts() -> list[dict]:
    return [
        {"id": "c-referent", "name": "Hélène Référent", "role": "customer_referent", "organisation": "Groupe hospitalier synthétique SA", "escalation": 1},
        {"id": "c-pm", "name": "Julien Favre", "role": "project_manager", "organisation": "Léman Télécom Sàrl", "escalation": 2},
        {"id": "c-tech", "name": "Laura Mottier", "role": "technician", "organisation": "Léman Télécom Sàrl"},
        {"id": "c-support", "name": "Support Léman Télécom", "role": "provider_support", "organisation": "Léman Télécom Sàrl", "phone": "+41 21 555 80 00"},
    ]


# --- communication servers and interfaces ---------------------------------------------------------
MITEL_470_SLOTS = [
    {"slot": 1, "type": "CPU1", "modules": ["DSPX1", "DSPX2"]},
    {"slot": 3, "type": "CPU2"},
    {"slot": 4, "type": "2PRI"},
    {"slot": 5, "type": "32FXS"},
    {"slot": 6, "type": "16DSI"},
]


def servers(plan: Plan) -> list[dict]:
    """One system per group of five sites: Mitel 470 pairs (appliance + virtual standby) and 3CX."""
    groups = [plan.sites[i:i + 5] for i in range(0, len(plan.sites), 5)]
    result = []
    for g, group in enumerate(groups):
        home = group[0]
        if g % 2 == 0:
            primary, standby = f"pbx-{g + 1:02d}a", f"pbx-{g + 1:02d}b"
            backup_site = group[1] if len(group) > 1 else home
            result.append({"id": primary, "name": f"Mitel 470 groupe {g + 1}", "site": home, "vendor": "Mitel", "model": "Mitel 470",
                           "platform": "appliance", "software_version": "R6.3 SP1", "power_supply": "both", "redundant_fans": True,
                           "slots": MITEL_470_SLOTS, "failover_partner": standby, "role": "primary"})
            result.append({"id": standby, "name": f"MiVoice Office 400 virtuel groupe {g + 1}", "site": backup_site, "vendor": "Mitel",
                           "model": "MiVoice Office 400 Virtual Appliance", "platform": "virtual", "software_version": "R6.3 SP1",
                           "failover_partner": primary, "role": "standby"})
        else:
            primary = f"pbx-{g + 1:02d}a"
            result.append({"id": primary, "name": f"3CX groupe {g + 1}", "site": home, "vendor": "3CX", "model": "3CX Phone System",
                           "platform": "virtual", "software_version": "20.0 Update 5", "edition": "Enterprise", "role": "standalone"})
        for site in group:
            plan.site_server[site] = primary
    plan.servers = result
    return result


def did(site_index: int, n: int) -> str:
    area = AREA_CODES[site_index % len(AREA_CODES)]
    thousand = site_index // len(AREA_CODES)
    return f"+41{area}555{thousand}{n:03d}"


def interfaces(plan: Plan) -> dict:
    trunks = []
    for server in sorted(set(plan.site_server.values())):
        served = [i for i, s in enumerate(plan.sites) if plan.site_server[s] == server]
        blocks = [{"first": did(i, 0), "last": did(i, 999)} for i in served]
        for i in served:
            plan.blocks[plan.sites[i]] = (did(i, 0), did(i, 999))
        primary = {"id": f"{server}-sip1", "server": server, "provider": "Swisscom Enterprise SIP", "channels": 30,
                   "number_blocks": blocks, "transport": "tls", "srtp": True, "password": f"vault:bench/{server}/sip1"}
        fallback = {"id": f"{server}-sip2", "server": server, "provider": "Peoplefone", "channels": 10,
                    "transport": "tls", "srtp": True, "password": f"vault:bench/{server}/sip2"}
        plan.trunks[server] = [primary["id"], fallback["id"]]
        trunks += [primary, fallback]
    private = [{"id": f"pl-{s['id']}", "server": s["failover_partner"], "remote_site": s["site"], "remote_server": s["id"],
                "protocol": "SIP / IP networking"} for s in plan.servers if s["role"] == "standby"]
    special = [{"id": f"{site}-door-01", "server": plan.site_server[site], "kind": "door_intercom", "name": f"Portier {site}",
                "vendor": "2N", "model": "IP Verso", "connection": "SIP", "site": site, "firmware_version": "2.45.0"} for site in plan.sites]
    return {"sip_trunks": trunks, "private_lines": private, "special_interfaces": special}


# --- network --------------------------------------------------------------------------------------
SUBNET_NAMES = ("données", "voix", "DECT", "management", "serveurs", "invités", "imprimantes", "caméras", "bâtiment", "médical")
DECT_SUBNET, MGMT_SUBNET = 2, 3


def network(plan: Plan) -> dict:
    vlans = [{"id": 10 * (k + 1), "name": name.upper(), "purpose": f"VLAN {name}"} for k, name in enumerate(SUBNET_NAMES)]
    for i, site in enumerate(plan.sites):
        for k in range(len(SUBNET_NAMES)):
            net = f"10.{i + 1}.{k}.0/24"
            subnet = {"id": f"net-{site}-{k}", "network": net, "name": f"{site} {SUBNET_NAMES[k]}", "vlan": 10 * (k + 1), "site": site,
                      "gateway": f"10.{i + 1}.{k}.1"}
            if k in (0, 1):
                subnet["dhcp"] = {"start": f"10.{i + 1}.{k}.100", "end": f"10.{i + 1}.{k}.250"}
            plan.subnets.append(subnet)
        base = f"10.{i + 1}.{MGMT_SUBNET}"
        plan.devices.append({"id": f"{site}-fw-01", "kind": "firewall", "name": f"Pare-feu {site}", "vendor": "Fortinet", "model": "FortiGate 60F",
                             "site": site, "firmware_version": "7.4.5", "address": f"{base}.1", "backup": "manual"})
        for n in range(SWITCHES_PER_SITE):
            plan.devices.append({"id": f"{site}-sw-{n + 1:02d}", "kind": "switch", "name": f"Switch PoE {site} {n + 1}", "vendor": "Cisco",
                                 "model": "Catalyst 9300-48P", "site": site, "firmware_version": "17.9.5", "address": f"{base}.{11 + n}",
                                 "poe_budget_w": 437, "ptp": True, "backup": "manual"})
        plan.devices.append({"id": f"{site}-ont-01", "kind": "ont", "name": f"ONT {site}", "vendor": "Swisscom", "model": "Enterprise Connect ONT",
                             "site": site, "backup": "none"})
    return {"vlans": vlans, "subnets": plan.subnets, "devices": plan.devices}


def addresses(plan: Plan) -> list[dict]:
    rows = []
    hosts = HOSTS_PER_SITE
    for i, site in enumerate(plan.sites):
        nets = [s for s in plan.subnets if s["site"] == site]
        for n in range(hosts):
            subnet = nets[n % len(nets)]
            prefix = subnet["network"].rsplit(".", 1)[0]
            rows.append({"address": f"{prefix}.{20 + n // len(nets)}", "hostname": f"{site}-host-{n + 1:03d}", "subnet": subnet["id"], "role": "Poste fixe"})
    for device in plan.devices:
        if device.get("address"):
            rows.append({"address": device["address"], "hostname": device["id"], "device": device["id"], "role": device["name"]})
    for base in plan.bases:
        rows.append({"address": base["address"], "hostname": base["id"], "device": base["id"], "role": "Base DECT"})
    return rows


# --- DECT -----------------------------------------------------------------------------------------
def dect(plan: Plan) -> dict:
    """Multicell W90 systems, each on one site, filled to at most the manager's capacity."""
    handsets = plan.size("handsets")
    count = min(len(plan.sites), max(1, -(-handsets // HANDSETS_PER_DECT_SYSTEM)))
    step = len(plan.sites) // count
    for d in range(count):
        site_index = d * step
        site = plan.sites[site_index]
        sid = f"dect-{d + 1:02d}"
        plan.dect_systems.append({"id": sid, "name": f"DECT multicellulaire {site}", "kind": "multicell", "server": plan.site_server[site],
                                  "site": site, "vendor": "Yealink", "manager_model": "Yealink W90DM", "manager_version": "130.86.0.15",
                                  "sync": "lan_ptp", "admin_password": f"vault:bench/{sid}/admin"})
        dect_prefix = f"10.{site_index + 1}.{DECT_SUBNET}"
        for b in range(BASES_PER_DECT_SYSTEM):
            plan.bases.append({"id": f"{sid}-b{b + 1:02d}", "system": sid, "site": site, "model": "Yealink W90B", "location": f"Étage {b // 2}, aile {b % 2 + 1}",
                               "address": f"{dect_prefix}.{200 + b}", "firmware_version": "130.86.0.15",
                               "switch": f"{site}-sw-{b % SWITCHES_PER_SITE + 1:02d}", "switch_port": f"Gi1/0/{41 + b // SWITCHES_PER_SITE}",
                               "poe_class": 2, "sync_cluster": 1, "sync_level": 1 if b == 0 else 2})
    return {"systems": plan.dect_systems, "bases": plan.bases, "repeaters": []}


def handsets(plan: Plan) -> list[dict]:
    total = plan.size("handsets")
    by_site = {}
    for u in plan.users:
        by_site.setdefault(u["site"], []).append(u)
    rows = []
    for d, system in enumerate(plan.dect_systems):
        owners = by_site.get(system["site"], [])
        share = min(DECT_SYSTEM_CAPACITY, -(-total // len(plan.dect_systems)), total - len(rows))
        bases = [b["id"] for b in plan.bases if b["system"] == system["id"]]
        for n in range(share):
            user = owners[n] if n < len(owners) else None
            rows.append({"id": f"hs-{len(rows) + 1:05d}", "system": system["id"], "model": ("W73H", "W78H", "W59R")[n % 3],
                         "user": user["id"] if user else "", "extension": user["extension"] if user else "",
                         "ipei": f"0319{len(rows) + 1:06X}", "base": bases[n % len(bases)]})
        plan.handsets_per_system[system["id"]] = share
    return rows


# --- users, numbering, rights -------------------------------------------------------------------------
def users(plan: Plan, rng: random.Random) -> list[dict]:
    total = plan.size("users")
    n_sites = len(plan.sites)
    rows = []
    for n in range(total):
        i = n % n_sites
        k = n // n_sites
        site = plan.sites[i]
        first, last = rng.choice(FIRST), rng.choice(LAST)
        extension = f"{i + 1:02d}{k:03d}"
        rows.append({"id": f"u-{extension}", "first_name": first, "last_name": last, "extension": extension, "did": did(i, k),
                     "department": DEPARTMENTS[k % len(DEPARTMENTS)], "site": site,
                     "email": f"u{extension}@ghs.example.ch", "rights_profile": ("p-standard", "p-soins", "p-direction")[k % 7 % 3],
                     "terminal": f"t-ip-{site}", "hot_desking": str(k % 25 == 0).lower(), "mobile_extension": str(k % 40 == 1).lower(),
                     "dual_homing": "false"})
    plan.users = rows
    return rows


def terminals(plan: Plan) -> dict:
    groups = []
    for site in plan.sites:
        count = sum(1 for u in plan.users if u["site"] == site)
        groups.append({"id": f"t-ip-{site}", "type": "ip", "vendor": "Mitel", "model": "6930 SIP", "count": count,
                       "server": plan.site_server[site], "site": site, "firmware_version": "6.3.0.1020", "poe_class": 2})
    for system in plan.dect_systems:
        groups.append({"id": f"t-dect-{system['id']}", "type": "sip_dect", "vendor": "Yealink", "model": "W73H/W78H/W59R",
                       "count": plan.handsets_per_system[system["id"]], "server": system["server"], "site": system["site"]})
    apps = [{"id": f"vm-{s['id']}", "server": s["id"], "name": "Messagerie vocale", "kind": "voicemail", "product": f"{s['vendor']} intégrée"}
            for s in plan.servers if s["role"] != "standby"]
    return {"terminals": groups, "application_servers": apps}


def numbering(plan: Plan) -> dict:
    emergency = [{"site": site, "number": number, "trunks": plan.trunks[plan.site_server[site]]} for site in plan.sites for number in EMERGENCY]
    outbound = [{"id": f"out-{server}", "server": server, "pattern": "0.", "trunks": trunk_ids} for server, trunk_ids in sorted(plan.trunks.items())]
    return {"departments": list(DEPARTMENTS), "emergency_routes": emergency, "outbound_routes": outbound}


def routing(plan: Plan) -> dict:
    """Call routing of every site: a main number with opening hours, lunch, night and Vaud holidays,
    a voice menu, a reception group, a queue and a voicemail; every block with its provider
    fallback, reserved numbers, porting and caller-ID policy (5,000 DIDs in all at scale 1)."""
    profile = {"id": "bureau", "name": "Heures de bureau",
               "hours": [{"days": ["mon", "tue", "wed", "thu", "fri"], "open": "07:30", "close": "18:00"}],
               "lunch": [{"days": ["mon", "tue", "wed", "thu", "fri"], "start": "12:00", "end": "13:30"}]}
    calendar = {"id": "vaud", "name": "Jours fériés vaudois", "country": "CH", "subdivision": "VD", "first_year": 2026, "last_year": 2028,
                "closing_days": [{"date": "2026-12-24", "last": "2026-12-31", "name": "Fermeture de fin d'année"}]}
    entries, menus, groups, queues, voicemails, blocks, reserved, porting, caller_ids = [], [], [], [], [], [], [], [], []
    by_site: dict[str, list[str]] = {}
    for u in plan.users:
        by_site.setdefault(u["site"], []).append(u["id"])
    for i, site in enumerate(plan.sites):
        members = by_site.get(site, [])
        main = did(i, 900)
        entries.append({"id": f"main-{site}", "name": f"Numéro principal {site}", "numbers": [main], "site": site, "time_profile": "bureau",
                        "calendar": "vaud", "night_switch": "nuit",
                        "routes": {"open": f"ivr-{site}", "lunch": f"grp-{site}", "night": f"vm-{site}", "holiday": f"vm-{site}"}})
        menus.append({"id": f"ivr-{site}", "name": f"Accueil vocal {site}", "announcement": "Bonjour. Réception : 1. Soins : 2.",
                      "options": [{"key": "1", "label": "Réception", "to": f"grp-{site}"}, {"key": "2", "label": "Soins", "to": f"q-{site}"}],
                      "timeout_seconds": 8, "timeout": f"grp-{site}"})
        groups.append({"id": f"grp-{site}", "name": f"Réception {site}", "members": members[:5], "ring_seconds": 25, "overflow": f"vm-{site}"})
        queues.append({"id": f"q-{site}", "name": f"Soins {site}", "members": members[5:15], "max_wait_seconds": 30, "overflow": f"vm-{site}"})
        voicemails.append({"id": f"vm-{site}", "name": f"Messagerie {site}", "listeners": members[:2], "check_every_hours": 12})
        first, _last = plan.blocks[site]
        blocks.append({"first": first, "site": site, "fallback": "+41795550000", "fallback_note": "Natel de piquet"})
        reserved.append({"first": did(i, 950), "last": did(i, 999), "status": "reserved"})
        porting.append({"first": first, "last": plan.blocks[site][1], "donor": "Swisscom", "date": "2024-02-12"})
        caller_ids.append({"site": site, "number": main})
    presentation = [{"route": f"out-{server}", "mode": "clip"} for server in sorted(plan.trunks)]
    return {"policy": {"max_ring_seconds": 60}, "time_profiles": [profile], "calendars": [calendar],
            "night_switches": [{"id": "nuit", "name": "Service de nuit", "set_by": ["c-referent"]}],
            "entry_points": entries, "ivr_menus": menus, "groups": groups, "queues": queues, "voicemails": voicemails,
            "blocks": blocks, "number_status": reserved, "porting": porting, "presentation": presentation, "emergency_caller_ids": caller_ids}


def rights(plan: Plan) -> dict:
    return {
        "permissions": [{"id": "call-national", "name": "Appels nationaux"}, {"id": "call-international", "name": "Appels internationaux"},
                        {"id": "hot-desking", "name": "Hot desking"}, {"id": "system-admin", "name": "Administration", "admin": True}],
        "profiles": [{"id": "p-standard", "name": "Standard", "outgoing": "national", "permissions": ["call-national", "hot-desking"]},
                     {"id": "p-soins", "name": "Soins", "outgoing": "national", "permissions": ["call-national", "hot-desking"]},
                     {"id": "p-direction", "name": "Direction", "outgoing": "international", "permissions": ["call-national", "call-international", "hot-desking"]},
                     {"id": "p-admin", "name": "Administrateur", "outgoing": "international", "permissions": ["call-national", "call-international", "system-admin"]}],
        "admin_accounts": [{"id": f"adm-{s['id']}", "system": s["id"], "person": "c-tech", "profile": "p-admin", "password": f"vault:bench/{s['id']}/admin"}
                           for s in plan.servers],
    }


# --- operations -----------------------------------------------------------------------------------
def licences(plan: Plan) -> list[dict]:
    rows = []
    for s in plan.servers:
        served = [u for u in plan.users if plan.site_server[u["site"]] == s["id"]]
        if s["role"] == "standby":
            rows.append({"id": f"lic-{s['id']}-va", "item": "Virtual Appliance", "kind": "edition", "system": s["id"], "quantity": 1, "used": 1, "start": "2025-01-01"})
            continue
        rows.append({"id": f"lic-{s['id']}-users", "item": "Licences utilisateur", "kind": "users", "system": s["id"],
                     "quantity": len(served) + 50, "used": len(served), "start": "2024-01-01", "expiry": "2028-12-31"})
        rows.append({"id": f"lic-{s['id']}-hd", "item": "Hot desking", "kind": "hot_desking", "system": s["id"],
                     "quantity": sum(u["hot_desking"] == "true" for u in served) + 5, "start": "2024-01-01"})
        rows.append({"id": f"lic-{s['id']}-mob", "item": "Extension mobile", "kind": "mobile_extension", "system": s["id"],
                     "quantity": sum(u["mobile_extension"] == "true" for u in served) + 5, "start": "2024-01-01"})
        rows.append({"id": f"lic-{s['id']}-maint", "item": "Contrat de maintenance", "kind": "maintenance", "system": s["id"], "quantity": 1,
                     "start": "2025-01-01", "expiry": "2027-12-31", "price_chf": "4800.00"})
    return rows


def changelog(plan: Plan, out: Path) -> list[dict]:
    """Changes spread over ten years; one in twenty touches a peripheral device and files its backups."""
    total = plan.size("changes")
    start = dt.date(2016, 1, 4)
    span = (dt.date(2026, 11, 13) - start).days
    peripherals = [d["id"] for d in plan.devices if d["backup"] == "manual"]
    server_ids = [s["id"] for s in plan.servers]
    (out / "backups").mkdir()
    rows = []
    for n in range(total):
        date = start + dt.timedelta(days=n * span // total)
        row = {"id": f"chg-{n + 1:05d}", "date": date.isoformat(), "author": ("Laura Mottier", "Damien Rey", "Julien Favre")[n % 3],
               "ticket": f"LT-{date.year % 100}-{n + 1:05d}"}
        if n % 20 == 7:
            device = peripherals[(n // 20) % len(peripherals)]
            row["description"] = f"Modification de configuration de {device} (VLAN, ports, règles)."
            row["devices"] = [device]
            for when, word in (("before", "avant"), ("after", "apres")):
                rel = f"backups/{date.isoformat()}_{row['id']}_{device}_{word}.cfg"
                (out / rel).write_text(f"# export {device} {word} {row['id']}\n", encoding="utf-8")
                row[f"backup_{when}"] = rel
                row[f"backup_{when}_date"] = date.isoformat()
                plan.manual_backups.append({"id": f"mb-{len(plan.manual_backups) + 1:05d}", "device": device, "date": date, "when": when,
                                            "change": row["id"], "file": rel})
        else:
            server = server_ids[n % len(server_ids)]
            row["description"] = f"Modification d'extensions et de groupes d'appel sur {server} (ticket client)."
            row["devices"] = [server]
        rows.append(row)
    return rows


def availability(plan: Plan) -> dict:
    ups = []
    for site in plan.sites:
        powered = [d["id"] for d in plan.devices if d["site"] == site] + [s["id"] for s in plan.servers if s["site"] == site]
        ups.append({"id": f"{site}-ups-01", "site": site, "model": "APC Smart-UPS 1500 VA", "capacity_va": 1500, "capacity_w": 1000,
                    "runtime_min": 30, "load_w": 450, "powers": powered})
    wan = []
    for site in plan.sites:
        wan.append({"id": f"wan-{site}-fibre", "site": site, "provider": "Swisscom", "medium": "fibre", "router": f"{site}-fw-01", "role": "primary"})
        wan.append({"id": f"wan-{site}-4g", "site": site, "provider": "Sunrise", "medium": "4g", "router": f"{site}-fw-01", "role": "backup"})
    return {"ups": ups, "wan_links": wan, "disaster_recovery": {"site": plan.sites[1], "description": "Bascule sur les serveurs de secours."}}


def backups(plan: Plan) -> dict:
    jobs = []
    for s in plan.servers:
        for where, method in (("onsite", "smb"), ("offsite", "sftp")):
            jobs.append({"id": f"bkp-{s['id']}-{where}", "system": s["id"], "method": method, "location": where,
                         "destination": f"{method}://backup.leman-telecom.example.ch/ghs/{s['id']}", "medium": "NAS" if where == "onsite" else "Datacenter",
                         "schedule": "Tous les jours à 02:30", "rotation": {"daily": 14, "weekly": 4}, "encrypted": True,
                         "encryption_key": f"vault:bench/{s['id']}/backup", "key_holder": "c-pm", "last_success": dt.date(2026, 11, 19)})
    versions = {(s["id"], s["software_version"]) for s in plan.servers}
    versions |= {(d["id"], d["firmware_version"]) for d in plan.devices if d.get("firmware_version")}
    versions |= {(b["id"], b["firmware_version"]) for b in plan.bases}
    versions |= {(d["id"], d["manager_version"]) for d in plan.dect_systems}
    archive = [{"system": system, "version": version, "file": f"sftp://archive.leman-telecom.example.ch/{system}/{version}.bin"}
               for system, version in sorted(versions)]
    tests = [{"id": f"rt-{s['id']}", "system": s["id"], "date": dt.date(2026, 10, 1), "by": "Laura Mottier", "result": "passed"} for s in plan.servers]
    return {"jobs": jobs, "manual_backups": plan.manual_backups, "firmware_archive": archive, "restore_tests": tests}


# --- main -----------------------------------------------------------------------------------------
def make(out: Path, scale: float = 1.0) -> Path:
    """Write the project into `out` (replaced if it holds an earlier generated project)."""
    if out.exists():
        if not (out / "pbxdoc.yaml").is_file():
            raise SystemExit(f"{out} exists and is not a generated project; refusing to replace it")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(SEED)
    plan = Plan(scale)
    write_yaml(out, "pbxdoc", root_file())
    write_yaml(out, "sites", sites(plan))
    write_yaml(out, "contacts", contacts())
    write_yaml(out, "servers", servers(plan))
    write_yaml(out, "interfaces", interfaces(plan))
    write_yaml(out, "network", network(plan))
    user_rows = users(plan, rng)
    write_yaml(out, "dect", dect(plan))
    write_csv(out, "users", ["id", "first_name", "last_name", "extension", "did", "department", "site", "email", "rights_profile",
                             "terminal", "hot_desking", "mobile_extension", "dual_homing"], user_rows)
    write_csv(out, "handsets", ["id", "system", "model", "user", "extension", "ipei", "base"], handsets(plan))
    write_yaml(out, "terminals", terminals(plan))
    write_yaml(out, "numbering", numbering(plan))
    write_yaml(out, "rights", rights(plan))
    write_yaml(out, "routing", routing(plan))
    write_csv(out, "addresses", ["address", "hostname", "subnet", "device", "role"], addresses(plan))
    write_csv(out, "licences", ["id", "item", "kind", "system", "quantity", "used", "start", "expiry", "price_chf"], licences(plan))
    write_csv(out, "changelog", ["id", "date", "author", "ticket", "description", "devices", "backup_before", "backup_before_date",
                                 "backup_after", "backup_after_date"], changelog(plan, out))
    write_yaml(out, "availability", availability(plan))
    write_yaml(out, "backups", backups(plan))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"project folder to write (default: {DEFAULT_OUT.relative_to(HERE.parent)})")
    parser.add_argument("--scale", type=float, default=1.0, help="size factor: 1 = 5,000 users; 0.1 = a tenth of everything")
    args = parser.parse_args(argv)
    if not 0 < args.scale <= 4:
        parser.error("--scale must be in (0, 4]")
    out = make(args.out, args.scale)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
