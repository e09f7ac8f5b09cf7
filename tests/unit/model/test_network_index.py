"""The subnet index used by the addressing-plan rules finds exactly what a scan of every subnet finds."""

from __future__ import annotations

import ipaddress

from tests.helpers import edit
from generator.load import EXAMPLES, load
from generator.model.references import _NetworkIndex
from test_validation import errors_of

PLAN = ["10.0.0.0/16", "10.0.5.0/24", "10.1.0.0/24", "10.0.5.128/25", "192.168.1.0/24", "2001:db8::/32", "2001:db8:1::/48"]


def _networks():
    return [ipaddress.ip_network(n) for n in PLAN]


def test_addresses_found_in_every_holding_network():
    nets = _networks()
    index = _NetworkIndex(nets)
    for text in ["10.0.5.200", "10.0.5.1", "10.0.9.9", "10.1.0.255", "10.2.0.1", "192.168.1.0", "2001:db8:1::5", "2001:db9::1"]:
        addr = ipaddress.ip_address(text)
        expected = [i for i, net in enumerate(nets) if addr in net]
        assert index.holding(addr) == expected, text


def test_network_lookup_returns_itself_and_its_supernets():
    nets = _networks()
    index = _NetworkIndex(nets)
    for i, net in enumerate(nets):
        expected = [j for j, other in enumerate(nets) if other.version == net.version and net.subnet_of(other)]
        assert index.holding(net) == expected
        assert i in index.holding(net)


def test_nested_subnets_are_reported_once_on_the_later_one(small_copy):
    edit(small_copy / "network.yaml", "network: 10.10.99.0/24", "network: 10.10.20.128/25")
    edit(small_copy / "network.yaml", "gateway: 10.10.99.1}", "gateway: 10.10.20.129}")
    overlaps = [e for e in errors_of(small_copy) if "overlaps subnet" in e]
    assert overlaps == [overlaps[0]] and "10.10.20.128/25 overlaps subnet 'net-voice'" in overlaps[0], overlaps


def test_identical_subnets_overlap(small_copy):
    edit(small_copy / "network.yaml", "network: 10.10.99.0/24", "network: 10.10.10.0/24")
    edit(small_copy / "network.yaml", "gateway: 10.10.99.1}", "gateway: 10.10.10.1}")
    assert any("10.10.10.0/24 overlaps subnet 'net-data'" in e for e in errors_of(small_copy))


def test_address_in_no_subnet_and_reserved_addresses(small_copy):
    edit(small_copy / "addresses.csv", "10.10.99.20,lau-hv-01,net-mgmt", "10.30.0.20,lau-hv-01,")
    edit(small_copy / "addresses.csv", "10.10.10.5,lau-dc-01,net-data", "10.10.10.255,lau-dc-01,")
    errors = errors_of(small_copy)
    assert any("10.30.0.20 is in no subnet of the addressing plan" in e for e in errors), errors
    assert any("10.10.10.255 is the network or broadcast address of 10.10.10.0/24" in e for e in errors), errors


def test_a_subnet_spanning_sites_names_each_and_refers_to_known_sites(small_copy):
    edit(small_copy / "network.yaml", "site: lau, gateway: 10.10.20.1,", "site: lau, spans: [lau, vev], gateway: 10.10.20.1,")
    assert any("spans: unknown site 'vev'" in e for e in errors_of(small_copy))
    clinic = load(EXAMPLES / "clinique-du-lac")
    assert next(s for s in clinic.network.subnets if s.id == "net-interconnect").sites == ["mtx", "vev"]
