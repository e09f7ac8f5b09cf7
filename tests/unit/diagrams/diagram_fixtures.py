"""Fixtures of the diagram tests (imported by the test modules: a conftest.py here would shadow
the `conftest` module that other tests import helpers from): the small example, and a copy of it
grown into two sites with every kind of line, interface and terminal, and hostile customer text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.i18n import Translator
from generator.load import EXAMPLES, SMALL_EXAMPLE, load

HOSTILE = '<script>alert(1)</script> "quoted" & <b>'


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data = change(data) or data
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def grow(root: Path) -> None:
    """Add a Geneva branch with a Mitel appliance, ISDN, analogue and private lines, every terminal
    type, CTI, and names that try to inject markup."""
    _edit(root / "sites.yaml", lambda d: d.append({"id": "gva", "name": "Genève — succursale", "role": "branch", "address": {"street": "Rue du Rhône 1", "postcode": "1204", "city": "Genève"}}))
    _edit(
        root / "servers.yaml",
        lambda d: d.append(
            {
                "id": "gva-pbx-01", "name": HOSTILE, "site": "gva", "vendor": "Mitel", "model": "Mitel 470", "platform": "appliance",
                "software_version": "R6.3", "power_supply": "internal", "role": "primary", "failover_partner": "lau-pbx-01",
                "slots": [{"slot": 1, "type": "CPU1", "modules": ["DSPX1", "EIP1-8"]}, {"slot": 3, "type": "2PRI"}, {"slot": 4, "type": "16FXS"}, {"slot": 5, "type": "16DSI"}],
            }
        ),
    )

    def interfaces(d):
        d["isdn_lines"] = [{"id": "gva-pri-1", "server": "gva-pbx-01", "kind": "PRI", "provider": "Swisscom PRI", "slot": 3, "channels": 30}]
        d["analogue_lines"] = [
            {"id": "gva-fax", "server": "gva-pbx-01", "provider": "Salt Analog", "number": "+41 22 555 00 10", "purpose": "fax"},
            {"id": "gva-lift", "server": "gva-pbx-01", "provider": "Salt Analog", "number": "+41 22 555 00 11", "purpose": "lift"},
        ]
        d["private_lines"] = [{"id": "gva-tie", "server": "gva-pbx-01", "remote_site": "lau", "remote_server": "lau-pbx-01", "protocol": "SIP tie line", "channels": 10}]
        d["special_interfaces"].append({"id": "gva-alarm", "server": "gva-pbx-01", "kind": "alarm", "name": "Alarme \"Sécuritas\" <b>", "connection": "FXS port 2 (slot 4)", "site": "gva"})
        d["special_interfaces"].append({"id": "gva-nurse", "server": "gva-pbx-01", "kind": "nurse_call", "name": "Appel malade étage 3", "connection": "ESPA 4.4.4", "site": "gva"})

    _edit(root / "interfaces.yaml", interfaces)

    def terminals(d):
        for i, kind in enumerate(["analogue", "digital", "ip", "dect", "softphone", "mobile"]):
            d["terminals"].append({"id": f"gva-t{i}", "type": kind, "vendor": "Mitel", "model": f"Modèle {kind}", "count": 3 + i, "server": "gva-pbx-01", "site": "gva"})
        d["cti"] = [{"id": "gva-cti", "server": "gva-pbx-01", "name": "CTI cabinet", "protocol": "CSTA", "product": "Mitel OfficeSuite", "users": 12}]
        d["application_servers"].append({"id": "gva-cc", "server": "gva-pbx-01", "name": "Centre d'appels", "kind": "call_centre", "product": "Mitel MiContact Center"})

    _edit(root / "terminals.yaml", terminals)

    def dect(d):
        d["systems"].append({"id": "gva-dect", "name": "DECT Genève", "kind": "multicell", "server": "gva-pbx-01", "site": "gva", "vendor": "Yealink", "manager_model": "W90DM", "manager_address": "10.30.20.5", "sync": "radio"})
        for i in range(1, 6):
            d["bases"].append({"id": f"gva-b{i}", "system": "gva-dect", "site": "gva", "model": "W90B", "location": f"Étage {i}", "sync_cluster": 1 if i <= 3 else 2, "sync_level": 1 if i in (1, 4) else 2, "switch": "gva-sw-01", "switch_port": f"1/{i}", "poe_class": 2})
        d["repeaters"].append({"id": "gva-rt-1", "base": "gva-b2", "model": "RT30", "location": "Cave"})

    _edit(root / "dect.yaml", dect)
    with (root / "handsets.csv").open("a", encoding="utf-8") as f:
        for i in range(7):
            f.write(f"gva-hs-{i},gva-dect,W56H,,,,gva-b{1 + i % 2}\n")
        f.write("gva-hs-x,gva-dect,W59R,,,,\n")

    def network(d):
        d["vlans"].append({"id": 120, "name": "VOICE-GVA"})
        d["subnets"].append({"id": "gva-voice", "network": "10.30.20.0/24", "name": "Voix Genève", "vlan": 120, "site": "gva"})
        d["devices"].append({"id": "gva-sw-01", "kind": "switch", "name": "Switch Genève", "vendor": "Cisco", "model": "C1000", "site": "gva"})
        d["devices"].append({"id": "gva-rtr", "kind": "router", "name": "Routeur Genève", "vendor": "Cisco", "model": "C1111", "site": "gva"})

    _edit(root / "network.yaml", network)

    def availability(d):
        d["wan_links"].append({"id": "gva-dsl", "site": "gva", "provider": "Salt", "medium": "dsl", "router": "gva-rtr"})

    _edit(root / "availability.yaml", availability)

    def backups(d):
        d["jobs"].append({"id": "bkp-gva-ftp", "system": "gva-pbx-01", "method": "ftp", "location": "offsite", "destination": "ftp://old-nas.example.ch/mitel", "medium": "Ancien NAS", "schedule": "Chaque nuit", "encrypted": False})

    _edit(root / "backups.yaml", backups)


@pytest.fixture(scope="session")
def small():
    return load(EXAMPLES / SMALL_EXAMPLE)


@pytest.fixture(scope="session")
def grown(tmp_path_factory):
    root = tmp_path_factory.mktemp("grown") / "project"
    shutil.copytree(EXAMPLES / SMALL_EXAMPLE, root)
    grow(root)
    return load(root)


@pytest.fixture(scope="session")
def fr():
    return Translator("fr")
