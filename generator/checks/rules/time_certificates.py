"""Time and certificates: a PBX without a time source logs, bills and expires certificates wrongly;
an expired SIP-TLS, provisioning or web certificate stops trunks, phones or administration."""

from __future__ import annotations

import datetime as dt

from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity

TLS = "RFC 5246/8446 (TLS) and the vendors' SIP-TLS and provisioning guides: an expired certificate fails the handshake"


@rule("TIME-NTP", Category.TIME, Severity.WARNING, "Vendor installation guides: the server and its phones follow an NTP time source (call records, certificates, DECT and logs)")
def ntp_source(ctx):
    for server in ctx.project.servers:
        if server.security is None or not server.security.ntp_server:
            yield hit(server.security or server, "ntp_server" if server.security else "id", object_id=f"{server.id}:ntp", server=server.id)


def certificates(ctx):
    for server in ctx.project.servers:
        for cert in server.security.certificates if server.security else []:
            yield server, cert


@rule("CERT-EXPIRED", Category.TIME, Severity.ERROR, TLS)
def expired(ctx):
    for server, cert in certificates(ctx):
        if cert.expiry < ctx.today:
            yield hit(cert, "expiry", object_id=f"{server.id}:{cert.name}", server=server.id, name=cert.name, purpose_key=f"model.certificate_purpose.{cert.purpose}", date=cert.expiry)


@rule("CERT-EXPIRING", Category.TIME, Severity.WARNING, TLS + "; pbxdoc.policy licence_warning_days (the same warning window)")
def expiring(ctx):
    horizon = ctx.today + dt.timedelta(days=ctx.policy.licence_warning_days)
    for server, cert in certificates(ctx):
        if ctx.today <= cert.expiry <= horizon:
            yield hit(cert, "expiry", object_id=f"{server.id}:{cert.name}", server=server.id, name=cert.name, purpose_key=f"model.certificate_purpose.{cert.purpose}", date=cert.expiry, days=(cert.expiry - ctx.today).days)
